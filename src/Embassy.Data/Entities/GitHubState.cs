namespace Embassy.Data.Entities;

/// <summary>Where the last issue sync of a repository left off (conditional request and watermark).</summary>
public sealed class GitHubSyncState
{
    /// <summary><c>owner/name</c>, lower case.</summary>
    public required string Repository { get; set; }

    /// <summary>The <c>since</c> the conditional request uses, when the sync was limited to recent issues.</summary>
    public DateTimeOffset? Since { get; set; }

    /// <summary>ETag of the first page last answered 200; sent as If-None-Match.</summary>
    public string? ETag { get; set; }

    /// <summary>The newest <c>updated_at</c> fully synced: listing stops at older issues.</summary>
    public DateTimeOffset? Watermark { get; set; }

    public DateTimeOffset? LastSyncedAt { get; set; }

    /// <summary>GitHub's numeric id of the repository: it survives renames and transfers, the name does not.</summary>
    public long? RepositoryId { get; set; }

    /// <summary>Names the repository had before (lower case, one per line), so the configured old name still finds it.</summary>
    public string? PreviousNames { get; set; }
}

/// <summary>A webhook delivery, queued durably before it is answered and processed in the background.</summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }

    /// <summary>GitHub's <c>X-GitHub-Delivery</c>; unique, so a replay has no second effect.</summary>
    public required string DeliveryId { get; set; }

    /// <summary><c>X-GitHub-Event</c>, e.g. <c>issues</c>.</summary>
    public required string Event { get; set; }

    public string? Action { get; set; }

    public required string Payload { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary><see cref="WebhookDeliveryStatus"/>.</summary>
    public required string Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>A delivery that failed for a passing reason is not tried again before this time (back-off).</summary>
    public DateTimeOffset? NotBefore { get; set; }

    /// <summary>What was noticed while reading it that is not an error, e.g. half an emoji read as U+FFFD.</summary>
    public string? Notes { get; set; }
}

/// <summary>States of a <see cref="WebhookDelivery"/>.</summary>
public static class WebhookDeliveryStatus
{
    public const string Queued = "queued";
    public const string Done = "done";
    public const string Ignored = "ignored";
    /// <summary>Failed for a passing reason (database, network) on every attempt.</summary>
    public const string Failed = "failed";

    /// <summary>Can never succeed (not JSON, not the shape GitHub sends): set aside at once, not retried.</summary>
    public const string Parked = "parked";
}

/// <summary>
/// A report whose comment and labels on GitHub need bringing up to date: the durable write-back queue, one row per
/// report (a second change before it is written just waits in the same row). Deleted once written.
/// </summary>
public sealed class WriteBackJob
{
    public long Id { get; set; }

    public long ReportId { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>After a failure, not tried again before this time (back-off).</summary>
    public DateTimeOffset? NotBefore { get; set; }

    public string? LastError { get; set; }
}
