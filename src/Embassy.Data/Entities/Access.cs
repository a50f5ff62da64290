namespace Embassy.Data.Entities;

/// <summary>
/// Someone Embassy knows beyond the member registry: a granted role, the GitHub account id once seen, and the security
/// stamp every session carries (a new stamp ends the sessions signed in with the old one).
/// </summary>
public sealed class UserRecord
{
    public long Id { get; set; }

    /// <summary>A lower-cased GitHub login, or a <c>local:</c> identity outside GitHub's namespace (the first-run admin).</summary>
    public required string Login { get; set; }

    /// <summary>GitHub's numeric account id, kept from the first GitHub sign-in: a renamed and reclaimed login does not match it.</summary>
    public long? GitHubId { get; set; }

    /// <summary>The granted role, or null when none is granted (removed, or only seen signing in).</summary>
    public string? Role { get; set; }

    public string? GrantedBy { get; set; }

    public DateTimeOffset? GrantedAt { get; set; }

    /// <summary>Random; changes whenever the grant changes or an admin ends the user's sessions.</summary>
    public required string SecurityStamp { get; set; }
}

/// <summary>A hashed secret: a one-time sign-in link or an API token, with its scope and lifetime.</summary>
public sealed class AccessTokenRecord
{
    public long Id { get; set; }

    /// <summary>Hex SHA-256 of the secret; the secret itself is never stored.</summary>
    public required string Hash { get; set; }

    /// <summary><c>signin</c> (a one-time link) or <c>api</c> (a bearer token).</summary>
    public required string Kind { get; set; }

    /// <summary>The owner's login.</summary>
    public required string Login { get; set; }

    /// <summary>The role the secret grants (a link) or is scoped to (a token; never above the owner's current role).</summary>
    public required string Role { get; set; }

    public required string Name { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When a one-time link was used (it works once).</summary>
    public DateTimeOffset? UsedAt { get; set; }

    /// <summary>When an API token last authenticated a request (updated at most once a minute).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }
}
