using Embassy.Domain;

namespace Embassy.Data.Entities;

/// <summary>
/// A member's appeal of one department's score (issue #14, migration 0016): filed with a reason inside the policy's
/// window, decided with a reason by a reviewer who did not score the report. The month's lock waits for open appeals.
/// </summary>
public sealed class AppealRecord
{
    public long Id { get; set; }

    public long ReportId { get; set; }

    /// <summary>The month, so the lock can ask for open appeals without joining reports.</summary>
    public Period Period { get; set; }

    public required string Department { get; set; }

    public required string FiledBy { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset FiledAt { get; set; }

    /// <summary>open, upheld (the score stands) or changed (the decider's score replaces the mean, R3 lead override).</summary>
    public required string State { get; set; }

    public string? DecidedBy { get; set; }

    public string? Decision { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }
}
