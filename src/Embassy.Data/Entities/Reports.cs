using Embassy.Domain;

namespace Embassy.Data.Entities;

/// <summary>
/// A member's report: one GitHub issue, with every synced version. The row is never deleted: an issue
/// deleted or transferred on GitHub is marked (<see cref="Presence"/>), and unknown authors stay unmatched (R2).
/// </summary>
public sealed class Report
{
    public long Id { get; set; }

    /// <summary><c>owner/name</c>, lower case.</summary>
    public required string Repository { get; set; }

    public int IssueNumber { get; set; }

    /// <summary>GitHub's global id of the issue.</summary>
    public long GitHubIssueId { get; set; }

    public required string AuthorLogin { get; set; }

    /// <summary>The author's GitHub user id, when GitHub sent it (it survives a login rename).</summary>
    public long? AuthorId { get; set; }

    /// <summary>The member whose GitHub login matches the author; null while unmatched (R2).</summary>
    public long? MemberId { get; set; }

    /// <summary>GitHub's <c>open</c> or <c>closed</c>.</summary>
    public required string IssueState { get; set; }

    /// <summary><see cref="ReportPresence"/>: present, deleted or transferred.</summary>
    public required string Presence { get; set; }

    public DateTimeOffset? PresenceChangedAt { get; set; }

    public required string HtmlUrl { get; set; }

    /// <summary>Filing time (R7 deadline).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The issue's <c>updated_at</c> as last applied: an event older than this never overwrites the report.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The webhook delivery (queue order) last applied at <see cref="UpdatedAt"/>; breaks ties of the same second.</summary>
    public long? AppliedDelivery { get; set; }

    /// <summary>The issue's labels, one per line, sorted.</summary>
    public required string Labels { get; set; }

    /// <summary>The month reported on, from the latest parse.</summary>
    public Period? Period { get; set; }

    /// <summary>Review state: <c>pending</c>, <c>accepted</c>, <c>late</c>, <c>scored</c>, <c>paid</c>.</summary>
    public required string ReviewState { get; set; }

    public int LatestVersion { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset LastSyncedAt { get; set; }

    /// <summary>The id of the one comment Embassy keeps on the issue (write-back), once posted.</summary>
    public long? WriteBackCommentId { get; set; }

    /// <summary>Hash of what write-back last sent, so an unchanged report sends nothing.</summary>
    public string? WriteBackHash { get; set; }

    public List<ReportVersion> Versions { get; } = [];
}

/// <summary>Whether a report's issue is still on GitHub.</summary>
public static class ReportPresence
{
    public const string Present = "present";
    public const string Deleted = "deleted";
    public const string Transferred = "transferred";
}

/// <summary>One synced version of a report issue: title, body and timestamps, with a content hash.</summary>
public sealed class ReportVersion
{
    public long Id { get; set; }

    public long ReportId { get; set; }

    /// <summary>1, 2, 3… in the order versions were seen.</summary>
    public int Number { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset IssueCreatedAt { get; set; }

    public DateTimeOffset IssueUpdatedAt { get; set; }

    /// <summary>Hex SHA-256 of title and body; an edit that changes neither is not a new version.</summary>
    public required string ContentHash { get; set; }

    public DateTimeOffset SyncedAt { get; set; }

    public ReportParse? Parse { get; set; }

    public List<ReportDiagnostic> Diagnostics { get; } = [];
}

/// <summary>What the report parser read from a version.</summary>
public sealed class ReportParse
{
    public long Id { get; set; }

    public long ReportVersionId { get; set; }

    /// <summary>Which parser produced it, so a newer parser can re-parse old versions.</summary>
    public required string ParserVersion { get; set; }

    public Period? Period { get; set; }

    public string? Wallet { get; set; }

    /// <summary>Chosen department codes, comma-separated.</summary>
    public required string Departments { get; set; }

    /// <summary>The member's suggested scores as JSON (kept for comparison with reviewers', R3).</summary>
    public required string SuggestedScores { get; set; }

    public DateTimeOffset ParsedAt { get; set; }
}

/// <summary>A <see cref="Diagnostic"/> found in a version, stored as it was reported.</summary>
public sealed class ReportDiagnostic
{
    public long Id { get; set; }

    public long ReportVersionId { get; set; }

    /// <summary>Order within the version's diagnostics.</summary>
    public int Ordinal { get; set; }

    public required string Code { get; set; }

    /// <summary><c>error</c>, <c>warning</c> or <c>info</c>.</summary>
    public required string Severity { get; set; }

    public required string Message { get; set; }

    public int? LineNumber { get; set; }

    public int? ColumnNumber { get; set; }

    public string? Source { get; set; }
}

/// <summary>
/// R7 (migration 0024): a report's text and link list as they stood at the month's report deadline, with their content
/// hash; the month scores this version unless a reviewer accepted a later one (<see cref="AcceptedVersion"/>).
/// </summary>
public sealed class ReportFreezeRecord
{
    public long ReportId { get; set; }

    /// <summary>The version at the deadline.</summary>
    public int VersionNumber { get; set; }

    /// <summary>Hex SHA-256 of the frozen title, body and link list.</summary>
    public required string ContentHash { get; set; }

    /// <summary>The frozen link list, normalised, one per line (what the parser read at the freeze).</summary>
    public required string Links { get; set; }

    public DateTimeOffset FrozenAt { get; set; }

    /// <summary>A later version a reviewer accepted to be scored instead, or null.</summary>
    public int? AcceptedVersion { get; set; }

    /// <summary>The accepted version's content hash as the reviewer saw it.</summary>
    public string? AcceptedHash { get; set; }

    public string? AcceptedBy { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }
}
