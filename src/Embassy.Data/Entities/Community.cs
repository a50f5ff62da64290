namespace Embassy.Data.Entities;

/// <summary>
/// An application to join the program from the public form (issue #6, seed 000), with every field the form collects.
/// </summary>
public sealed class ApplicationRecord
{
    public long Id { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public required string Name { get; set; }

    /// <summary>The GitHub login an accepted applicant becomes a member under (RULES.md R2).</summary>
    public required string GitHubLogin { get; set; }

    public string? Discord { get; set; }

    public string? Telegram { get; set; }

    public string? X { get; set; }

    public string? Region { get; set; }

    /// <summary>Languages, one a line.</summary>
    public required string Languages { get; set; }

    /// <summary>Links to earlier work, one a line.</summary>
    public required string Links { get; set; }

    /// <summary>What the applicant wrote about their expertise, commitment and influence: untrusted text.</summary>
    public required string Statement { get; set; }

    /// <summary>
    /// Keyed hash of the client address the form came from, for the rate limit per address. The raw address is never
    /// stored: it is personal data and the rate limit only needs to tell "same address" apart. The hash itself is
    /// erased once the rate-limit window has passed (see <c>MembershipApplications</c>), so it is null on old rows.
    /// </summary>
    public string? ClientAddressHash { get; set; }

    /// <summary><see cref="ApplicationStates"/>.</summary>
    public required string State { get; set; }

    public List<ApplicationReviewRecord> Reviews { get; } = [];
}

/// <summary>States of an <see cref="ApplicationRecord"/>.</summary>
public static class ApplicationStates
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
}

/// <summary>One reviewer's review of an application; its scores are rows, one per criterion of the policy (issue #17).</summary>
public sealed class ApplicationReviewRecord
{
    public long Id { get; set; }

    public long ApplicationId { get; set; }

    public required string Reviewer { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public List<ApplicationReviewScoreRecord> Scores { get; } = [];
}

/// <summary>
/// One criterion's score in a review, in hundredths of a point (R3 scale). The criterion is the policy's code
/// (<c>application.criteria[].code</c>), so a program's criteria change without a schema change (migration 0019).
/// </summary>
public sealed class ApplicationReviewScoreRecord
{
    public long Id { get; set; }

    public long ReviewId { get; set; }

    public required string Criterion { get; set; }

    public long Hundredths { get; set; }
}

/// <summary>The decision on an application: accepted with a starting rank and the member it made, or declined with a reason.</summary>
public sealed class ApplicationDecisionRecord
{
    public long Id { get; set; }

    /// <summary>Unique: an application is decided once.</summary>
    public long ApplicationId { get; set; }

    public bool Accepted { get; set; }

    /// <summary>The rank code an accepted applicant starts at.</summary>
    public string? StartingRank { get; set; }

    /// <summary>The member the acceptance created.</summary>
    public long? MemberId { get; set; }

    /// <summary>Required when declined.</summary>
    public string? Reason { get; set; }

    public required string DecidedBy { get; set; }

    public DateTimeOffset DecidedAt { get; set; }
}

/// <summary>A regional crew (RULES.md R11): a senior lead and the ambassadors who work its quotas.</summary>
public sealed class CrewRecord
{
    public long Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The region or language the crew serves.</summary>
    public required string Region { get; set; }

    public long LeadMemberId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<CrewMemberRecord> Members { get; } = [];
}

/// <summary>An ambassador in a crew (the lead is not listed here).</summary>
public sealed class CrewMemberRecord
{
    public long Id { get; set; }

    public long CrewId { get; set; }

    public long MemberId { get; set; }
}

/// <summary>
/// A reviewer's tick on a crew's monthly checklist, for a quota links cannot show (R11). Append-only: the latest tick of
/// a quota wins, so the history of who ticked what stays.
/// </summary>
public sealed class CrewTickRecord
{
    public long Id { get; set; }

    public long CrewId { get; set; }

    public Domain.Period Period { get; set; }

    /// <summary>The quota (<c>Domain.Community.QuotaKind</c> name).</summary>
    public required string Quota { get; set; }

    public bool Met { get; set; }

    public required string TickedBy { get; set; }

    public DateTimeOffset TickedAt { get; set; }

    public string? Note { get; set; }
}
