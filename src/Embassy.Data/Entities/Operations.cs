namespace Embassy.Data.Entities;

/// <summary>One cache's generation: any instance that sees a higher number than its cached copies were made at drops them.</summary>
public sealed class CacheGeneration
{
    /// <summary>The cache, e.g. <c>public</c> (the public pages).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Bumped by one at every change.</summary>
    public long Generation { get; set; }
}

/// <summary>
/// The GitHub connection an admin set on the settings page (issue #15, migration 0020): one row. The secrets are stored
/// only as Data Protection payloads (encrypted with the key ring every instance shares); configuration values win over
/// each of these fields.
/// </summary>
public sealed class GitHubConnectionRecord
{
    /// <summary>The one row's key, <c>github</c>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The repository reports are filed in, <c>owner/name</c>.</summary>
    public string? Repository { get; set; }

    /// <summary>A personal access token, protected.</summary>
    public string? Token { get; set; }

    /// <summary>A GitHub App's id (with <see cref="InstallationId"/> and <see cref="AppPrivateKey"/>, used when there is no token).</summary>
    public long? AppId { get; set; }

    public long? InstallationId { get; set; }

    /// <summary>The app's private key (PEM), protected.</summary>
    public string? AppPrivateKey { get; set; }

    /// <summary>The webhook secret, protected.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Write-back on or off; null follows the default (on when Embassy can write).</summary>
    public bool? WriteBack { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }
}
