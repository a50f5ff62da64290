using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.Policies;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>
/// What only an admin decides about a report: linking an unmatched author's report to a member (R2: held, never
/// dropped) and accepting a late report with a reason (R7). Both are audited.
/// </summary>
public sealed class ReportAdmin(IDbContextFactory<EmbassyDbContext> databases, TimeProvider time, PolicyCatalog? catalog = null)
{
    private readonly PolicyCatalog _catalog = catalog ?? PolicyCatalog.Shipped;

    /// <summary>Links a report whose author matches no member to <paramref name="memberId"/>.</summary>
    public async Task<Result<long>> LinkAsync(long reportId, long memberId, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken).ConfigureAwait(false);
        if (report is null || !await db.Members.AnyAsync(m => m.Id == memberId, cancellationToken).ConfigureAwait(false))
        {
            return Result<long>.Fail(WorkflowCodes.NotFound, $"There is no report {reportId} or no member {memberId}.");
        }

        if (report.MemberId is not null)
        {
            return Result<long>.Fail(WorkflowCodes.ReportNotUnmatched, $"Report #{report.IssueNumber} already belongs to member {report.MemberId}.");
        }

        if (report.Period is { } period && await MonthStore.IsFrozenAsync(db, period, cancellationToken).ConfigureAwait(false))
        {
            return Result<long>.Fail(WorkflowCodes.MonthClosed, $"{period} is closed; its reports can no longer change.");
        }

        report.MemberId = memberId;
        ProgramTables.Audit(db, time.GetUtcNow(), actor, "report.linked", $"report:{report.Repository}#{report.IssueNumber}", $"author {report.AuthorLogin} → member {memberId}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<long>.Ok(memberId);
    }

    /// <summary>Accepts a report filed after the deadline (R7), so it can be scored; a reason is required.</summary>
    public async Task<Result<long>> AcceptLateAsync(long reportId, string reason, string actor, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result<long>.Fail(WorkflowCodes.ReasonRequired, "Accepting a late report needs a reason (R7).");
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken).ConfigureAwait(false);
        if (report?.Period is not { } period)
        {
            return Result<long>.Fail(WorkflowCodes.NotFound, $"There is no report {reportId} with a month.");
        }

        if (!_catalog.ForPeriod(period).Deadline.IsLate(period, report.CreatedAt))
        {
            return Result<long>.Fail(WorkflowCodes.ReportNotLate, $"Report #{report.IssueNumber} was filed on time.");
        }

        if (await MonthStore.IsFrozenAsync(db, period, cancellationToken).ConfigureAwait(false))
        {
            return Result<long>.Fail(WorkflowCodes.MonthClosed, $"{period} is closed; its reports can no longer change.");
        }

        var now = time.GetUtcNow();
        var text = reason.Trim();
        await db.LateAcceptances.Where(a => a.ReportId == reportId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        db.LateAcceptances.Add(new LateAcceptance { ReportId = reportId, Reason = text, AcceptedBy = actor, AcceptedAt = now });
        ProgramTables.Audit(db, now, actor, "report.late-accepted", $"report:{report.Repository}#{report.IssueNumber}", text);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<long>.Ok(reportId);
    }
}
