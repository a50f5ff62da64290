namespace Embassy.Domain;

/// <summary>
/// A member's rank, by its code in the policy (RULES.md R2: advocate, candidate, ambassador, senior, head).
/// The order of ranks is the policy's (<see cref="Rules.Policy.Ranks"/>), not this type's.
/// </summary>
public readonly record struct Rank
{
    /// <summary>Creates a rank from its code, normalized to lower case.</summary>
    public Rank(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Code = code.Trim().ToLowerInvariant();
    }

    /// <summary>The rank's code, lower case.</summary>
    public string Code { get; }

    /// <summary>V.3's entry rank.</summary>
    public static Rank Advocate { get; } = new("advocate");

    /// <summary>Entry rank from V.4.</summary>
    public static Rank Candidate { get; } = new("candidate");

    /// <summary>Official ambassador.</summary>
    public static Rank Ambassador { get; } = new("ambassador");

    /// <summary>Senior ambassador.</summary>
    public static Rank Senior { get; } = new("senior");

    /// <summary>Head ambassador; appointed, never automatic (R8).</summary>
    public static Rank Head { get; } = new("head");

    /// <summary>Not a rank: what a termination proposal moves a member to.</summary>
    public static Rank Terminated { get; } = new("terminated");

    /// <inheritdoc />
    public override string ToString() => Code;
}
