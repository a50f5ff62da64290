namespace Embassy.Data.Entities;

/// <summary>
/// A calendar feed of a user (issue #14, migration 0023): calendar apps cannot sign in, so the feed is reached by a
/// secret address; only the secret's SHA-256 is kept. One feed per user and kind; rotating it replaces the hash, so the
/// old address stops working at once.
/// </summary>
public sealed class CalendarFeedRecord
{
    public long Id { get; set; }

    /// <summary>The owner's login (as signed in).</summary>
    public required string Login { get; set; }

    /// <summary><c>member</c> (report deadlines, appeal windows) or <c>reviewer</c> (reviews due).</summary>
    public required string Kind { get; set; }

    /// <summary>Hex SHA-256 of the secret; the secret itself is never stored.</summary>
    public required string Hash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A comment Embassy posts once (issue #14, migration 0023): a month's reminders on the tracking issue, a member's
/// receipt after the close. The unique <see cref="Key"/> is the claim: the instance whose insert (or state change) wins
/// posts, every other instance sees the row and posts nothing. A failed post waits <see cref="NotBefore"/> and is tried
/// again; a posted comment is edited in place when its content changes (a receipt gains the payment).
/// </summary>
public sealed class OutboundComment
{
    public long Id { get; set; }

    /// <summary>What the comment is, e.g. <c>reminder/2026-01/members</c> or <c>receipt/2026-01/report/42</c>; unique.</summary>
    public required string Key { get; set; }

    public required string Repository { get; set; }

    public int IssueNumber { get; set; }

    /// <summary><see cref="OutboundCommentState"/>.</summary>
    public required string State { get; set; }

    /// <summary>The posted comment's id on GitHub, once posted.</summary>
    public long? CommentId { get; set; }

    /// <summary>SHA-256 of the body last posted, so an unchanged receipt is not sent again.</summary>
    public string? BodyHash { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? NotBefore { get; set; }

    public string? LastError { get; set; }

    /// <summary>When the current claim was taken (a claim older than the lease is taken over: its instance stopped).</summary>
    public DateTimeOffset? ClaimedAt { get; set; }

    public DateTimeOffset? PostedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>States of an <see cref="OutboundComment"/>.</summary>
public static class OutboundCommentState
{
    /// <summary>To be posted (or brought up to date) by whichever instance claims it first.</summary>
    public const string Pending = "pending";

    /// <summary>An instance is posting it.</summary>
    public const string Claimed = "claimed";

    public const string Posted = "posted";

    /// <summary>The last attempt failed; tried again after <see cref="OutboundComment.NotBefore"/>.</summary>
    public const string Failed = "failed";
}
