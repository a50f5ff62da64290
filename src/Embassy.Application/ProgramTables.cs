using Embassy.Data;
using Embassy.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>
/// Tables the web workflows need beside the storage model: the month-close state with its frozen result, reviewer notes,
/// granted roles and hashed access tokens. Plain SQL that reads the same on SQLite and PostgreSQL, created idempotently
/// after the schema migrations; natural keys only, so nothing depends on a provider's identity columns.
/// </summary>
public static class ProgramTables
{
    private static readonly string[] Statements =
    [
        "CREATE TABLE IF NOT EXISTS app_month_workflow (period TEXT PRIMARY KEY, state TEXT NOT NULL, snapshot TEXT NOT NULL, locked_by TEXT NOT NULL, locked_at TEXT NOT NULL, approved_by TEXT, approved_at TEXT, paid_at TEXT)",
        "CREATE TABLE IF NOT EXISTS app_review_notes (report_id BIGINT NOT NULL, reviewer TEXT NOT NULL, note TEXT NOT NULL, recorded_at TEXT NOT NULL, PRIMARY KEY (report_id, reviewer))",
        "CREATE TABLE IF NOT EXISTS app_users (login TEXT PRIMARY KEY, role TEXT NOT NULL, granted_by TEXT NOT NULL, granted_at TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS app_late_acceptances (report_id BIGINT PRIMARY KEY, reason TEXT NOT NULL, accepted_by TEXT NOT NULL, accepted_at TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS app_tokens (hash TEXT PRIMARY KEY, kind TEXT NOT NULL, login TEXT NOT NULL, role TEXT NOT NULL, label TEXT NOT NULL, created_at TEXT NOT NULL, used_at TEXT)",
    ];

    /// <summary>Creates the tables when missing.</summary>
    public static async Task EnsureAsync(EmbassyDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var sql in Statements)
        {
            await db.Database.ExecuteSqlRawAsync(sql, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Appends an audit entry (the caller saves).</summary>
    public static void Audit(EmbassyDbContext db, DateTimeOffset at, string actor, string action, string subject, string? details = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.AuditLog.Add(new AuditEntry { At = at, Actor = actor, Action = action, Subject = subject, Details = details });
    }

    /// <summary>ISO-8601 text for a timestamp column.</summary>
    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Stable diagnostic codes of the web workflows; the web maps them to HTTP statuses.</summary>
public static class WorkflowCodes
{
    public const string NotFound = "NOT_FOUND";
    public const string MonthAlreadyClosed = "MONTH_ALREADY_CLOSED";
    public const string MonthNotLocked = "MONTH_NOT_LOCKED";
    public const string MonthNotApproved = "MONTH_NOT_APPROVED";
    public const string MonthAlreadyPaid = "MONTH_ALREADY_PAID";
    public const string MonthClosed = "MONTH_CLOSED";
    public const string MonthHasErrors = "MONTH_HAS_ERRORS";
    public const string PayoutNoAddress = "PAYOUT_NO_ADDRESS";
    public const string TxHashInvalid = "TX_HASH_INVALID";
    public const string ScoreOutOfRange = "SCORE_OUT_OF_RANGE";
    public const string ScoreDepartmentNotOffered = "SCORE_DEPARTMENT_NOT_OFFERED";
    public const string ReportNotScorable = "REPORT_NOT_SCORABLE";
    public const string MemberInvalid = "MEMBER_INVALID";
    public const string HandleTaken = "HANDLE_TAKEN";
    public const string AddressInvalid = "ADDRESS_INVALID";
    public const string RankUnknown = "RANK_UNKNOWN";
    public const string ReasonRequired = "REASON_REQUIRED";
    public const string RoleUnknown = "ROLE_UNKNOWN";
    public const string TokenInvalid = "TOKEN_INVALID";
    public const string ProposalUnknown = "PROPOSAL_UNKNOWN";
    public const string ReportNotUnmatched = "REPORT_NOT_UNMATCHED";
    public const string ReportNotLate = "REPORT_NOT_LATE";
}
