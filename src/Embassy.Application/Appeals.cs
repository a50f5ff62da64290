using System.Globalization;
using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.Policies;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>An appeal as pages show it.</summary>
public sealed record AppealView(long Id, long ReportId, Period Period, string Department, string FiledBy, string Reason, DateTimeOffset FiledAt, string State, string? DecidedBy, string? Decision, DateTimeOffset? DecidedAt);

/// <summary>
/// Appeals with a window (issue #14). A member's department score is published to them as soon as reviewers have
/// scored it (the R3 mean, provisional until the lock); from the latest score of that department the member has the
/// policy's <c>review.appeal_window_days</c> (3 by default) to appeal it with a reason, while the month is open. A
/// reviewer who did not score the report decides: the score is upheld, or changed (the decider's score is recorded as
/// an R3 lead override, with the reason). Every step is in the audit log; the lock waits for open appeals unless an
/// admin overrides with a reason (<see cref="Embassy.Domain.Closing.LockGuards"/>).
/// </summary>
public sealed class Appeals(IDbContextFactory<EmbassyDbContext> databases, TimeProvider time, PolicyCatalog? catalog = null)
{
    public const string WindowClosed = "APPEAL_WINDOW_CLOSED";
    public const string NotScored = "APPEAL_NOT_SCORED";
    public const string AlreadyOpen = "APPEAL_ALREADY_OPEN";
    public const string NotYours = "APPEAL_NOT_YOURS";
    public const string DeciderScored = "APPEAL_DECIDER_SCORED";
    public const string AlreadyDecided = "APPEAL_DECIDED";
    public const string DecisionUnknown = "APPEAL_DECISION_UNKNOWN";

    /// <summary>Upheld: the score stands.</summary>
    public const string Upheld = "upheld";

    /// <summary>Changed: the decider's score replaces the mean.</summary>
    public const string Changed = "changed";

    /// <summary>Open: waiting for a decision.</summary>
    public const string Open = "open";

    private readonly PolicyCatalog _catalog = catalog ?? PolicyCatalog.Shipped;

    /// <summary>The end of the window to appeal a department of a report, or null while it has no score.</summary>
    public async Task<DateTimeOffset?> WindowEndAsync(long reportId, string department, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken).ConfigureAwait(false);
        return report?.Period is { } period ? await WindowEndAsync(db, reportId, period, department, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>A member appeals one department's score of their own report, with a reason, inside the window.</summary>
    public async Task<Result<long>> FileAsync(long reportId, string department, string login, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(department);
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result<long>.Fail(WorkflowCodes.ReasonRequired, "Say why the score should change; the reviewer who decides reads it.");
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken).ConfigureAwait(false);
        if (report?.Period is not { } period || !await OwnsAsync(db, report, login, cancellationToken).ConfigureAwait(false))
        {
            return Result<long>.Fail(NotYours, "Members appeal the scores of their own reports only.");
        }

        if (await db.MonthCloses.AnyAsync(c => c.Period == period, cancellationToken).ConfigureAwait(false))
        {
            return Result<long>.Fail(WorkflowCodes.MonthClosed, $"{period} is locked; its scores can no longer be appealed.");
        }

        var code = department.Trim().ToUpperInvariant();
        var end = await WindowEndAsync(db, reportId, period, code, cancellationToken).ConfigureAwait(false);
        if (end is null)
        {
            return Result<long>.Fail(NotScored, $"{code} has no score yet; an appeal waits until it is scored.");
        }

        var now = time.GetUtcNow();
        if (now >= end)
        {
            return Result<long>.Fail(WindowClosed, string.Create(CultureInfo.InvariantCulture, $"The window to appeal {code} closed on {end.Value.UtcDateTime:yyyy-MM-dd HH:mm} UTC."));
        }

        if (await db.Appeals.AnyAsync(a => a.ReportId == reportId && a.Department == code && a.State == Open, cancellationToken).ConfigureAwait(false))
        {
            return Result<long>.Fail(AlreadyOpen, $"{code} already has an open appeal.");
        }

        var appeal = new AppealRecord
        {
            ReportId = reportId,
            Period = period,
            Department = code,
            FiledBy = login,
            Reason = reason.Trim(),
            FiledAt = now,
            State = Open,
        };
        db.Appeals.Add(appeal);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        ProgramTables.Audit(db, now, login, "appeal.filed", $"report:{report.Repository}#{report.IssueNumber}", $"appeal {appeal.Id}: {code}: {appeal.Reason}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<long>.Ok(appeal.Id);
    }

    /// <summary>
    /// A second reviewer decides: <see cref="Upheld"/>, or <see cref="Changed"/> with the new effort and results
    /// (recorded as an R3 lead override). Refused to anyone who scored the report or filed it.
    /// </summary>
    public async Task<Result<string>> DecideAsync(long appealId, string reviewer, string decision, string? reason, decimal? effort = null, decimal? result = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result<string>.Fail(WorkflowCodes.ReasonRequired, "A decision needs a reason; the member reads it.");
        }

        if (decision is not (Upheld or Changed))
        {
            return Result<string>.Fail(DecisionUnknown, $"A decision is '{Upheld}' or '{Changed}'.");
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var appeal = await db.Appeals.SingleOrDefaultAsync(a => a.Id == appealId, cancellationToken).ConfigureAwait(false);
        if (appeal is null)
        {
            return Result<string>.Fail(WorkflowCodes.NotFound, $"There is no appeal {appealId}.");
        }

        if (appeal.State != Open)
        {
            return Result<string>.Fail(AlreadyDecided, $"Appeal {appealId} was decided ({appeal.State}) by {appeal.DecidedBy}.");
        }

        var report = await db.Reports.SingleAsync(r => r.Id == appeal.ReportId, cancellationToken).ConfigureAwait(false);
        if (await db.MonthCloses.AnyAsync(c => c.Period == appeal.Period, cancellationToken).ConfigureAwait(false))
        {
            return Result<string>.Fail(WorkflowCodes.MonthClosed, $"{appeal.Period} is locked; reopen it to decide its appeals.");
        }

        if (await OwnsAsync(db, report, reviewer, cancellationToken).ConfigureAwait(false))
        {
            return Result<string>.Fail(AccessCodes.ScoreOwnReport, "Nobody decides an appeal of their own report.");
        }

        // Issue #14: a second pair of eyes: whoever scored the report does not judge the appeal against it.
        if (await db.Scores.AnyAsync(s => s.ReportId == report.Id && s.Reviewer == reviewer, cancellationToken).ConfigureAwait(false))
        {
            return Result<string>.Fail(DeciderScored, "You scored this report; a reviewer who did not score it decides the appeal.");
        }

        var now = time.GetUtcNow();
        var text = reason.Trim();
        if (decision == Changed)
        {
            var policy = _catalog.ForPeriod(appeal.Period);
            var dept = policy.FindDepartment(appeal.Department);
            if (dept is null || effort is not { } e || result is not { } r)
            {
                return Result<string>.Fail(WorkflowCodes.ScoreOutOfRange, $"A changed score gives the new effort and results of {appeal.Department}.");
            }

            var errors = new List<Diagnostic>();
            ReviewQueue.Check(dept.Code, "effort", e, ReviewQueue.MaxOf(dept.EffortMax, dept.Max), policy.Scoring.Step, errors);
            ReviewQueue.Check(dept.Code, "result", r, ReviewQueue.MaxOf(dept.ResultMax, dept.Max), policy.Scoring.Step, errors);
            if (errors.Count > 0)
            {
                return Result<string>.Fail(errors);
            }

            db.Scores.Add(new Score
            {
                ReportId = report.Id,
                Reviewer = reviewer,
                Department = dept.Code,
                EffortHundredths = Points.Of(e).Hundredths,
                ResultsHundredths = Points.Of(r).Hundredths,
                IsLeadOverride = true, // R3: replaces the panel's mean
                Reason = $"appeal {appeal.Id}: {text}",
                RecordedAt = now,
            });
            text = string.Create(CultureInfo.InvariantCulture, $"{dept.Code} now {e}+{r}: {text}");
        }

        appeal.State = decision;
        appeal.DecidedBy = reviewer;
        appeal.Decision = text;
        appeal.DecidedAt = now;
        ProgramTables.Audit(db, now, reviewer, "appeal.decided", $"report:{report.Repository}#{report.IssueNumber}", $"appeal {appeal.Id}: {decision}: {text}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Result<string>.Ok(decision);
    }

    /// <summary>The appeals of a report, oldest first.</summary>
    public async Task<IReadOnlyList<AppealView>> ForReportAsync(long reportId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Appeals.AsNoTracking().Where(a => a.ReportId == reportId).OrderBy(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(View).ToArray();
    }

    /// <summary>The month's appeals not yet decided, named for the lock's message ("appeal 3: CM of report 12").</summary>
    internal static async Task<IReadOnlyList<string>> OpenAsync(EmbassyDbContext db, Period period, CancellationToken cancellationToken) =>
        (await db.Appeals.AsNoTracking().Where(a => a.Period == period && a.State == Open).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Department, a.ReportId }).ToListAsync(cancellationToken).ConfigureAwait(false))
        .Select(a => string.Create(CultureInfo.InvariantCulture, $"appeal {a.Id}: {a.Department} of report {a.ReportId}")).ToArray();

    private async Task<DateTimeOffset?> WindowEndAsync(EmbassyDbContext db, long reportId, Period period, string department, CancellationToken cancellationToken)
    {
        var times = await db.Scores.AsNoTracking().Where(s => s.ReportId == reportId && s.Department == department).Select(s => s.RecordedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return times.Count == 0 ? null : times.Max().AddDays(_catalog.ForPeriod(period).Review.AppealWindowDays);
    }

    private static async Task<bool> OwnsAsync(EmbassyDbContext db, Report report, string login, CancellationToken cancellationToken)
    {
        var self = MemberHandle.Normalize(login);
        return MemberHandle.Normalize(report.AuthorLogin) == self
            || (report.MemberId is { } owner && await db.MemberHandles.AnyAsync(h => h.MemberId == owner && h.Kind == MemberHandle.GitHub && h.NormalizedValue == self, cancellationToken).ConfigureAwait(false));
    }

    private static AppealView View(AppealRecord a) => new(a.Id, a.ReportId, a.Period, a.Department, a.FiledBy, a.Reason, a.FiledAt, a.State, a.DecidedBy, a.Decision, a.DecidedAt);
}
