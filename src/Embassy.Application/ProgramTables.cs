using Embassy.Data;
using Embassy.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>Helpers the web workflows share: the audit log entry and the timestamp text of audit details.</summary>
public static class ProgramTables
{
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
    public const string MonthAlreadyClosed = Embassy.Domain.Closing.ClosingCodes.MonthAlreadyClosed;
    public const string MonthNotLocked = Embassy.Domain.Closing.ClosingCodes.MonthNotLocked;
    public const string MonthNotApproved = Embassy.Domain.Closing.ClosingCodes.MonthNotApproved;
    public const string MonthAlreadyPaid = Embassy.Domain.Closing.ClosingCodes.MonthAlreadyPaid;
    public const string MonthClosed = "MONTH_CLOSED";
    public const string MonthHasErrors = "MONTH_HAS_ERRORS";
    public const string ReportHeld = "REPORT_HELD";
    public const string ReportRejected = "REPORT_REJECTED";
    public const string PayoutNoAddress = "PAYOUT_NO_ADDRESS";
    public const string TxHashInvalid = Embassy.Domain.Closing.ClosingCodes.TxHashInvalid;
    public const string ScoreOutOfRange = "SCORE_OUT_OF_RANGE";
    public const string ScoreDepartmentNotOffered = "SCORE_DEPARTMENT_NOT_OFFERED";
    public const string ReportNotScorable = "REPORT_NOT_SCORABLE";
    public const string MemberInvalid = "MEMBER_INVALID";
    public const string HandleTaken = "HANDLE_TAKEN";
    public const string AddressInvalid = "ADDRESS_INVALID";

    /// <summary>Several members have one payout address (warning): flagged to the admin and the signers, never merged.</summary>
    public const string AddressShared = "ADDRESS_SHARED";
    public const string RankUnknown = "RANK_UNKNOWN";
    public const string ReasonRequired = Embassy.Domain.Closing.ClosingCodes.ReasonRequired;
    public const string RoleUnknown = "ROLE_UNKNOWN";
    public const string TokenInvalid = "TOKEN_INVALID";
    public const string ProposalUnknown = "PROPOSAL_UNKNOWN";
    public const string ReportNotUnmatched = "REPORT_NOT_UNMATCHED";
    public const string ReportNotLate = "REPORT_NOT_LATE";
}
