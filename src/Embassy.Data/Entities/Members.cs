namespace Embassy.Data.Entities;

/// <summary>A program member (RULES.md R2). Rank and addresses change by appending rows, never by editing.</summary>
public sealed class Member
{
    public long Id { get; set; }

    public required string DisplayName { get; set; }

    /// <summary>Region or team, when known.</summary>
    public string? Region { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<MemberHandle> Handles { get; } = [];

    public List<RankEvent> RankEvents { get; } = [];

    public List<PayoutAddress> PayoutAddresses { get; } = [];
}

/// <summary>Where a member can be found: GitHub, Discord, Telegram, X.</summary>
public sealed class MemberHandle
{
    /// <summary>The GitHub kind: the identity that links a report to its member (R2).</summary>
    public const string GitHub = "github";

    public long Id { get; set; }

    public long MemberId { get; set; }

    /// <summary><c>github</c>, <c>discord</c>, <c>telegram</c> or <c>x</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>The handle as the member writes it.</summary>
    public required string Value { get; set; }

    /// <summary>Lower-case form, unique per kind: GitHub logins are case-insensitive.</summary>
    public required string NormalizedValue { get; set; }

    /// <summary>
    /// For a GitHub handle: the account's numeric user id, linked on the member's first report. A login can be renamed
    /// and then claimed by someone else; the id cannot, so reports are matched by it once it is known.
    /// </summary>
    public long? GitHubUserId { get; set; }

    /// <summary>Lower-cases a handle the way <see cref="NormalizedValue"/> stores it.</summary>
    public static string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Trim().ToLowerInvariant();
    }
}

/// <summary>A rank change: an event with a date, an actor and a reason (R2). Append-only.</summary>
public sealed class RankEvent
{
    public long Id { get; set; }

    public long MemberId { get; set; }

    /// <summary>The rank code (<see cref="Domain.Rank.Code"/>).</summary>
    public required string Rank { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public required string Actor { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A member's payout address on one rail (R9), valid from a date until a later row replaces it.</summary>
public sealed class PayoutAddress
{
    public long Id { get; set; }

    public long MemberId { get; set; }

    /// <summary><c>substrate</c>, <c>evm</c> or <c>manual</c>.</summary>
    public required string Rail { get; set; }

    public required string Address { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>Who recorded it: the admin's login, or the member's own when they proved it (null for rows older than 0018).</summary>
    public string? RecordedBy { get; set; }

    /// <summary>
    /// When the member proved control of the address by signing Embassy's challenge (issue #13: EIP-191 personal_sign);
    /// null for an unproven address (from an admin or a report), which a payout holds for the policy's cooling period.
    /// </summary>
    public DateTimeOffset? ProvenAt { get; set; }

    /// <summary>The 65-byte signature (0x hex) that proved it, kept so the proof can be checked again.</summary>
    public string? Proof { get; set; }
}

/// <summary>
/// A challenge a member signs to prove a payout address (issue #13): the message names the program, the member, the
/// address and this random nonce; it works once and expires.
/// </summary>
public sealed class AddressChallenge
{
    public long Id { get; set; }

    public long MemberId { get; set; }

    public required string Rail { get; set; }

    /// <summary>The address to prove, in its canonical form.</summary>
    public required string Address { get; set; }

    /// <summary>Random, hex; unique.</summary>
    public required string Nonce { get; set; }

    /// <summary>The exact text the member signs.</summary>
    public required string Message { get; set; }

    public required string RequestedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}
