using Embassy.Data.Tests;
using Embassy.Domain;
using Embassy.Domain.Closing;
using Embassy.Domain.Rules;
using Embassy.GitHubStandIn;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application.Tests;

/// <summary>
/// The review queue and the month close together (issue #10): a member's own error holds only that member's report;
/// a reviewer can reject a report or withdraw a score, with a reason, while the month is open.
/// </summary>
public class ReviewQueueTests
{
    private static readonly DateTimeOffset Now = new(2024, 10, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly Period September = new(2024, 9);

    /// <summary>The demo's five members with September reports (without its flagged ones), each scored by one reviewer.</summary>
    private static async Task<(TestDatabase Db, ReviewQueue Queue, MonthCloseWorkflow Workflow, IReadOnlyList<ReviewItem> Items)> ScoredMonthAsync(string provider)
    {
        var db = await TestDatabase.CreateMigratedAsync(provider);
        var clock = new ManualClock(Now) { AutoAdvance = false };
        await new DemoProgram(db.Factory(), clock).SeedAsync(5, 0, flagged: false);
        var queue = new ReviewQueue(db.Factory(), clock);
        var items = await queue.ListAsync(September);
        foreach (var item in items)
        {
            var scored = await queue.ScoreAsync(item.ReportId, "rev", [.. item.Departments.Select(d => new ScoreEntry(d, 15, 12)), new ScoreEntry("BASIC", 10, 10)], null);
            Assert.True(scored.IsSuccess, string.Join("; ", scored.Errors));
        }

        return (db, queue, new MonthCloseWorkflow(db.Factory(), clock), await queue.ListAsync(September));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MembersOwnError_HoldsOnlyTheirReport_TheMonthComputesAndLocksWithAReason(string provider)
    {
        var (test, _, workflow, items) = await ScoredMonthAsync(provider);
        await using var _db = test;
        var culprit = items[0];
        // The member edits their scored report down to one department (CHOICE_TOO_FEW and a score they no longer chose).
        await using (var db = test.Context())
        {
            var parse = await db.ReportParses.SingleAsync(p => db.ReportVersions.Any(v => v.Id == p.ReportVersionId && v.ReportId == culprit.ReportId));
            parse.Departments = culprit.Departments[0];
            await db.SaveChangesAsync();
        }

        var preview = await workflow.PreviewAsync(September);
        var refused = await workflow.LockAsync(September, "lead", null);
        var locked = await workflow.LockAsync(September, "lead", "The member is told; their report counts as none this month.");

        Assert.DoesNotContain(preview.Diagnostics, d => d.IsError && d.Code != ClosingCodes.ReportsUnscored);
        var held = Assert.Single(preview.Diagnostics, d => d.Code == WorkflowCodes.ReportHeld);
        Assert.Contains($"#{culprit.IssueNumber} by {culprit.Author}", held.Message, StringComparison.Ordinal);
        Assert.Contains("CHOICE_TOO_FEW", held.Message, StringComparison.Ordinal);
        Assert.Equal(items.Count - 1, preview.Month!.Members.Count(m => m.Status == MonthStatus.Accepted));
        var guard = Assert.Single(refused.Errors);
        Assert.Equal(ClosingCodes.ReportsUnscored, guard.Code);
        Assert.Contains($"#{culprit.IssueNumber} by {culprit.Author} (held)", guard.Message, StringComparison.Ordinal);
        Assert.True(locked.IsSuccess, string.Join("; ", locked.Errors));
        Assert.Equal((UInt128.Zero, MonthStatus.Missing), locked.Value.Members.Where(m => m.Login == culprit.Author).Select(m => (m.Total.Units, m.Status)).Single());
        var others = items.Where(i => i.ReportId != culprit.ReportId).Select(i => i.Author).ToHashSet(StringComparer.Ordinal);
        Assert.All(locked.Value.Members.Where(m => others.Contains(m.Login)), m => Assert.Equal(MonthStatus.Accepted, m.Status));
        Assert.All(locked.Value.Members.Where(m => others.Contains(m.Login)), m => Assert.False(m.Total.IsZero));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reject_TakesTheReportOutOfTheMonth_WithoutHoldingTheLock_AndCanBeTakenBack(string provider)
    {
        var (test, queue, workflow, items) = await ScoredMonthAsync(provider);
        await using var _db = test;
        var report = items[1];

        var noReason = await queue.RejectAsync(report.ReportId, "rev", "  ");
        var own = await queue.RejectAsync(report.ReportId, report.Author, "mine");
        var rejected = await queue.RejectAsync(report.ReportId, "rev", "Copied from last month's report.");
        var state = (await queue.ListAsync(September)).Single(i => i.ReportId == report.ReportId).State;
        var rescore = await queue.ScoreAsync(report.ReportId, "rev2", [new ScoreEntry("BASIC", 10, 10)], null);
        var preview = await workflow.PreviewAsync(September);
        var back = await queue.ReconsiderAsync(report.ReportId, "rev2", "The member showed the work was new.");
        var stateBack = (await queue.ListAsync(September)).Single(i => i.ReportId == report.ReportId).State;
        await queue.RejectAsync(report.ReportId, "rev", "Copied after all.");
        var locked = await workflow.LockAsync(September, "lead", null);
        var afterLock = await queue.ReconsiderAsync(report.ReportId, "rev", "too late");

        Assert.Equal(ClosingCodes.ReasonRequired, Assert.Single(noReason.Errors).Code);
        Assert.False(own.IsSuccess);
        Assert.True(rejected.IsSuccess);
        Assert.Equal(ReviewStates.Rejected, state);
        Assert.False(rescore.IsSuccess);
        Assert.DoesNotContain(preview.Guards, g => g.IsError);
        Assert.Equal(MonthStatus.Missing, preview.Month!.Members.Single(m => m.Login == report.Author).Status);
        Assert.True(back.IsSuccess);
        Assert.Equal(ReviewStates.Scored, stateBack);
        Assert.True(locked.IsSuccess, string.Join("; ", locked.Errors)); // no override needed: a rejected report is not unscored
        Assert.Equal(WorkflowCodes.MonthClosed, Assert.Single(afterLock.Errors).Code);
        await using var read = test.Context();
        Assert.Equal(
            ["report.rejected Copied from last month's report.", "report.reconsidered The member showed the work was new.", "report.rejected Copied after all."],
            await read.AuditLog.Where(a => a.Action.StartsWith("report.re")).OrderBy(a => a.Id).Select(a => a.Action + " " + a.Details).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WithdrawScores_LeavesTheReportUnscored_KeepsTheValuesInTheAuditLog(string provider)
    {
        var (test, queue, workflow, items) = await ScoredMonthAsync(provider);
        await using var _db = test;
        var report = items[2];
        await queue.ScoreAsync(report.ReportId, "rev", [new ScoreEntry("BASIC", 9, 8)], null); // a second row that supersedes the first

        var noReason = await queue.WithdrawScoresAsync(report.ReportId, "rev", null);
        var notTheirs = await queue.WithdrawScoresAsync(report.ReportId, "someone-else", "oops");
        var withdrawn = await queue.WithdrawScoresAsync(report.ReportId, "rev", "Scored the wrong report.");
        var state = (await queue.ListAsync(September)).Single(i => i.ReportId == report.ReportId).State;
        var refused = await workflow.LockAsync(September, "lead", null);

        Assert.Equal(ClosingCodes.ReasonRequired, Assert.Single(noReason.Errors).Code);
        Assert.Equal(WorkflowCodes.NotFound, Assert.Single(notTheirs.Errors).Code);
        Assert.True(withdrawn.IsSuccess);
        Assert.Equal(report.Departments.Count + 2, withdrawn.Value); // every row of that reviewer on the report
        Assert.Equal(ReviewStates.Filed, state);
        Assert.Contains($"#{report.IssueNumber} by {report.Author}", Assert.Single(refused.Errors).Message, StringComparison.Ordinal);
        await using var read = test.Context();
        Assert.Empty(await read.Scores.Where(s => s.ReportId == report.ReportId).ToListAsync());
        var audit = await read.AuditLog.SingleAsync(a => a.Action == "report.scores-withdrawn");
        Assert.Equal("rev", audit.Actor);
        Assert.StartsWith("Scored the wrong report. (withdrawn: ", audit.Details, StringComparison.Ordinal);
        Assert.Contains("BASIC 9+8", audit.Details, StringComparison.Ordinal); // the latest values, not the superseded ones
    }
}

/// <summary>The close warns when the pool moves far from the previous month's (issue #17: the policy in force may be the wrong one).</summary>
public class PoolChangeWarningTests
{
    private static readonly DateTimeOffset Now = new(2024, 10, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly Period September = new(2024, 9);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Preview_PoolFarFromThePreviousMonths_WarnsWithBothPools(string provider)
    {
        await using var test = await TestDatabase.CreateMigratedAsync(provider);
        var clock = new ManualClock(Now) { AutoAdvance = false };
        await new DemoProgram(test.Factory(), clock).SeedAsync(5, 0, flagged: false);
        var workflow = new MonthCloseWorkflow(test.Factory(), clock);
        var before = await workflow.PreviewAsync(September);
        var pool = before.Month!.Pool;

        // August frozen with the same pool: no warning; then with four times the pool: a warning naming both.
        var token = pool.Token;
        await using (var db = test.Context())
        {
            db.MonthCloses.Add(new Data.Entities.MonthClose
            {
                Period = September.Previous, PolicyName = "phala-v4", PolicyTitle = "Phala V.4", PolicyVersion = "4", PolicyHash = "h", Token = token.Symbol,
                Decimals = token.Decimals, DisplayDecimals = token.DisplayDecimals, PoolUnits = pool.Units, UnspentUnits = 0, ClosedBy = "lead", ClosedAt = Now, State = "paid",
            });
            await db.SaveChangesAsync();
        }

        var same = await workflow.PreviewAsync(September);
        await using (var db = test.Context())
        {
            var august = await db.MonthCloses.SingleAsync(c => c.Period == September.Previous);
            august.PoolUnits = pool.Units * 4;
            await db.SaveChangesAsync();
        }

        var changed = await workflow.PreviewAsync(September);

        Assert.DoesNotContain(before.Diagnostics, d => d.Code == CloseWarnings.PoolChanged);
        Assert.DoesNotContain(same.Diagnostics, d => d.Code == CloseWarnings.PoolChanged);
        var warning = Assert.Single(changed.Diagnostics, d => d.Code == CloseWarnings.PoolChanged);
        Assert.False(warning.IsError);
        Assert.Contains(pool.ToString(), warning.Message, StringComparison.Ordinal);
        Assert.Contains((pool + pool + pool + pool).ToString(), warning.Message, StringComparison.Ordinal);
    }
}
