namespace Embassy.Data.Entities;

/// <summary>One cache's generation: any instance that sees a higher number than its cached copies were made at drops them.</summary>
public sealed class CacheGeneration
{
    /// <summary>The cache, e.g. <c>public</c> (the public pages).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Bumped by one at every change.</summary>
    public long Generation { get; set; }
}
