using Embassy.Data.Entities;
using Embassy.Data.Tests;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.GitHubStandIn;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application.Tests;

/// <summary>
/// R7 on both databases: at the deadline each report's text and link list are frozen with a content hash; an edit after
/// it is a version the month does not score unless a reviewer accepts it (a reviewer other than the author, with a reason,
/// for the version the page showed, audited).
/// </summary>
public class ReportFreezeTests
{
    private static readonly DateTimeOffset Now = new(2024, 10, 15, 12, 0, 0, TimeSpan.Zero); // September's deadline (5 October) has passed
    private static readonly DateTimeOffset EditedAt = new(2024, 10, 9, 8, 0, 0, TimeSpan.Zero);
    private static readonly Period September = new(2024, 9);

    private sealed record Month(TestDatabase Db, ManualClock Clock, ReviewQueue Queue, ReportFreezes Freezes, MonthCloseWorkflow Workflow, ReviewItem Edited);

    /// <summary>
    /// The demo's five September reports, each of two chosen departments scored 15 + 12 and Basic 10 + 10; then one member
    /// edits theirs after the deadline to choose a third department (version 2).
    /// </summary>
    private static async Task<Month> EditedAfterDeadlineAsync(string provider, DateTimeOffset? now = null)
    {
        var db = await TestDatabase.CreateMigratedAsync(provider);
        var clock = new ManualClock(now ?? Now) { AutoAdvance = false };
        await new DemoProgram(db.Factory(), clock).SeedAsync(5, 0, flagged: false);
        var queue = new ReviewQueue(db.Factory(), clock);
        var items = await queue.ListAsync(September);
        foreach (var item in items)
        {
            var scored = await queue.ScoreAsync(item.ReportId, "rev", [.. item.Departments.Select(d => new ScoreEntry(d, 15, 12)), new ScoreEntry("BASIC", 10, 10)], null);
            Assert.True(scored.IsSuccess, string.Join("; ", scored.Errors));
        }

        var edited = items[0];
        var third = PolicyCatalogThird(edited.Departments);
        await using (var context = db.Context())
        {
            var report = await context.Reports.SingleAsync(r => r.Id == edited.ReportId);
            var first = await context.ReportVersions.Include(v => v.Parse).SingleAsync(v => v.ReportId == report.Id && v.Number == 1);
            var body = first.Body + "\n- " + third + ": added after the deadline, see https://x.com/someone/status/1840000000000000000?s=20";
            report.Versions.Add(new ReportVersion
            {
                Number = 2,
                Title = first.Title,
                Body = body,
                IssueCreatedAt = first.IssueCreatedAt,
                IssueUpdatedAt = EditedAt,
                ContentHash = ReportStore.ContentHash(first.Title, body),
                SyncedAt = EditedAt,
                Parse = new ReportParse
                {
                    ParserVersion = "test",
                    Period = September,
                    Departments = string.Join(',', [.. edited.Departments, third]),
                    SuggestedScores = first.Parse!.SuggestedScores,
                    ParsedAt = EditedAt,
                },
            });
            report.LatestVersion = 2;
            await context.SaveChangesAsync();
        }

        return new Month(db, clock, queue, new ReportFreezes(db.Factory(), clock), new MonthCloseWorkflow(db.Factory(), clock), edited);
    }

    private static string PolicyCatalogThird(IReadOnlyList<string> chosen) =>
        Policies.PolicyCatalog.Shipped.ForPeriod(September).Departments
            .Where(d => d.Kind == DepartmentKind.Selectable && !chosen.Contains(d.Code)).Select(d => d.Code).First();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EditAfterDeadline_TheCloseScoresTheDeadlineVersion_AndThePageShowsItsHashAndTheLaterText(string provider)
    {
        var month = await EditedAfterDeadlineAsync(provider);
        await using var _db = month.Db;

        var freeze = await month.Freezes.ForReportAsync(month.Edited.ReportId);
        var detail = await month.Queue.DetailAsync(month.Edited.ReportId, "rev2");
        var locked = await month.Workflow.LockAsync(September, "lead", null);

        Assert.NotNull(freeze);
        Assert.Equal(1, freeze.FrozenVersion);
        Assert.Equal(1, freeze.ScoredVersion);
        var later = Assert.Single(freeze.Later);
        Assert.Equal(2, later.Number);
        Assert.Equal(1, later.LinkCount);
        Assert.NotEqual(freeze.FrozenHash, later.ContentHash);
        Assert.Contains(later.Diff!, l => l.Kind == DiffLine.Added && l.Text.Contains("added after the deadline", StringComparison.Ordinal));
        Assert.DoesNotContain(later.Diff!, l => l.Kind == DiffLine.Removed);
        await using (var read = month.Db.Context())
        {
            var v1 = await read.ReportVersions.SingleAsync(v => v.ReportId == month.Edited.ReportId && v.Number == 1);
            var stored = await read.ReportFreezes.SingleAsync(f => f.ReportId == month.Edited.ReportId);
            Assert.Equal(ReportFreezes.ContentHash(v1.Title, v1.Body, []), stored.ContentHash); // the demo's text has no links
            Assert.Equal(stored.ContentHash, freeze.FrozenHash);
            Assert.Equal(5, await read.ReportFreezes.CountAsync()); // every report of the month is frozen
        }

        Assert.Equal(1, detail!.Version); // the reviewer reads the text that is scored
        Assert.Equal(month.Edited.Departments, detail.Item.Departments);
        Assert.True(locked.IsSuccess, string.Join("; ", locked.Errors));
        var member = locked.Value.Members.Single(m => m.Login == month.Edited.Author);
        Assert.Equal(67.5m, member.Percent.Rounded); // (27 + 27) / (2 × 40): the two departments chosen by the deadline (R8)
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DeadlineRun_FreezesEveryDueMonthOnce_WithoutAnyLook_AndTheCloseKeepsThatFreeze(string provider)
    {
        // The month is scored before its deadline (5 October, 23:59 UTC); nothing has looked at it since.
        var month = await EditedAfterDeadlineAsync(provider, new DateTimeOffset(2024, 10, 2, 12, 0, 0, TimeSpan.Zero));
        await using var _db = month.Db;

        var before = await month.Freezes.FreezeDueMonthsAsync();
        month.Clock.Advance(TimeSpan.FromDays(4)); // 6 October: the deadline has passed
        var atDeadline = await month.Freezes.FreezeDueMonthsAsync();
        var again = await month.Freezes.FreezeDueMonthsAsync();

        Assert.Equal(0, before);
        Assert.Equal(5, atDeadline);
        Assert.Equal(0, again);
        await using (var read = month.Db.Context())
        {
            var frozen = await read.ReportFreezes.AsNoTracking().ToListAsync();
            Assert.Equal(5, frozen.Count);
            Assert.All(frozen, f => Assert.Equal(month.Clock.GetUtcNow(), f.FrozenAt));
            Assert.Equal(1, frozen.Single(f => f.ReportId == month.Edited.ReportId).VersionNumber); // the text at the deadline, not the 9 October edit
        }

        // The close, days later, scores that freeze and writes no other.
        month.Clock.Advance(TimeSpan.FromDays(3));
        var locked = await month.Workflow.LockAsync(September, "lead", null);
        Assert.True(locked.IsSuccess, string.Join("; ", locked.Errors));
        Assert.Equal(67.5m, locked.Value.Members.Single(m => m.Login == month.Edited.Author).Percent.Rounded);
        await using (var read = month.Db.Context())
        {
            var stamps = await read.ReportFreezes.AsNoTracking().Select(f => f.FrozenAt).ToListAsync();
            Assert.Equal(5, stamps.Count);
            Assert.All(stamps, at => Assert.True(at < month.Clock.GetUtcNow(), $"a freeze written at {at:O}, by the lock"));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AcceptedLaterVersion_IsTheOneTheCloseScores_AndTheAcceptanceIsAudited(string provider)
    {
        var month = await EditedAfterDeadlineAsync(provider);
        await using var _db = month.Db;
        var later = Assert.Single((await month.Freezes.ForReportAsync(month.Edited.ReportId))!.Later);

        var accepted = await month.Freezes.AcceptAsync(month.Edited.ReportId, 2, later.ContentHash, "rev2", "The third department's work was done in September; the link shows it.");
        var freeze = await month.Freezes.ForReportAsync(month.Edited.ReportId);
        var queued = (await month.Queue.ListAsync(September)).Single(i => i.ReportId == month.Edited.ReportId);
        var locked = await month.Workflow.LockAsync(September, "lead", null);

        Assert.True(accepted.IsSuccess, string.Join("; ", accepted.Errors));
        Assert.Equal(2, freeze!.ScoredVersion);
        Assert.Equal("rev2", freeze.AcceptedBy);
        Assert.Equal(1, freeze.FrozenVersion); // the freeze itself is kept
        Assert.Equal(3, queued.Departments.Count);
        Assert.True(locked.IsSuccess, string.Join("; ", locked.Errors));
        var member = locked.Value.Members.Single(m => m.Login == month.Edited.Author);
        Assert.Equal(45m, member.Percent.Rounded); // (27 + 27 + 0) / (3 × 40): the accepted version's three departments
        await using var read = month.Db.Context();
        var audit = await read.AuditLog.SingleAsync(a => a.Action == "report.version-accepted");
        Assert.Equal("rev2", audit.Actor);
        Assert.Contains($"version 2 ({later.ContentHash})", audit.Details, StringComparison.Ordinal);
        Assert.Contains("the link shows it", audit.Details, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MemberMonth_EditedAfterTheDeadline_ShowsTheDeadlineVersionAndSaysSo_UntilAReviewerAcceptsTheEdit(string provider)
    {
        var month = await EditedAfterDeadlineAsync(provider);
        await using var _db = month.Db;
        var id = month.Edited.ReportId;
        await using (var context = month.Db.Context())
        {
            // The edit after the deadline also has a problem of its own, which the deadline's version does not.
            var v2 = await context.ReportVersions.SingleAsync(v => v.ReportId == id && v.Number == 2);
            v2.Diagnostics.Add(new ReportDiagnostic { Ordinal = 0, Code = "DEPARTMENT_NO_EVIDENCE", Severity = "warning", Message = "The third department has no evidence." });
            await context.SaveChangesAsync();
        }

        var months = new MemberMonths(month.Db.Factory(), month.Clock, new PublicQueries(month.Db.Factory(), month.Clock));
        var before = (await months.MonthAsync(month.Edited.Author, September)).Report;
        var later = Assert.Single((await month.Freezes.ForReportAsync(id))!.Later);
        var accepted = await month.Freezes.AcceptAsync(id, 2, later.ContentHash, "rev2", "The third department's work was done in September.");
        var after = (await months.MonthAsync(month.Edited.Author, September)).Report;

        Assert.NotNull(before);
        Assert.Equal((1, 2), (before.Version, before.LatestVersion)); // R7: the deadline's version, not the latest edit
        Assert.True(before.HasUnscoredEdit);
        Assert.False(before.Accepted);
        Assert.Equal(month.Edited.Departments, before.Departments);
        Assert.DoesNotContain(before.Diagnostics, d => d.Diagnostic.Code == "DEPARTMENT_NO_EVIDENCE");
        Assert.True(accepted.IsSuccess, string.Join("; ", accepted.Errors));
        Assert.NotNull(after);
        Assert.Equal((2, 2), (after.Version, after.LatestVersion));
        Assert.False(after.HasUnscoredEdit);
        Assert.True(after.Accepted);
        Assert.Equal([.. month.Edited.Departments, PolicyCatalogThird(month.Edited.Departments)], after.Departments);
        Assert.Contains(after.Diagnostics, d => d.Diagnostic.Code == "DEPARTMENT_NO_EVIDENCE");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MemberHistory_RenamedAfterTheDeadline_NamesTheVersionTheMonthScores_UntilAReviewerAcceptsTheEdit(string provider)
    {
        var month = await EditedAfterDeadlineAsync(provider);
        await using var _db = month.Db;
        var id = month.Edited.ReportId;
        int issue;
        string deadlineTitle;
        await using (var context = month.Db.Context())
        {
            issue = (await context.Reports.SingleAsync(r => r.Id == id)).IssueNumber;
            deadlineTitle = (await context.ReportVersions.SingleAsync(v => v.ReportId == id && v.Number == 1)).Title;
            (await context.ReportVersions.SingleAsync(v => v.ReportId == id && v.Number == 2)).Title = "Renamed after the deadline";
            await context.SaveChangesAsync();

            // As if no page had looked at September since its deadline: the history reads the deadline's version itself.
            await context.ReportFreezes.Where(f => f.ReportId == id).ExecuteDeleteAsync();
        }

        var months = new MemberMonths(month.Db.Factory(), month.Clock, new PublicQueries(month.Db.Factory(), month.Clock));
        var unfrozen = (await months.HistoryAsync(month.Edited.Author)).Single(r => r.Period == September);
        var later = Assert.Single((await month.Freezes.ForReportAsync(id))!.Later); // this look freezes version 1
        var frozen = (await months.HistoryAsync(month.Edited.Author)).Single(r => r.Period == September);
        var accepted = await month.Freezes.AcceptAsync(id, 2, later.ContentHash, "rev2", "The third department's work was done in September.");
        var afterAcceptance = (await months.HistoryAsync(month.Edited.Author)).Single(r => r.Period == September);

        Assert.NotEqual("Renamed after the deadline", deadlineTitle);
        Assert.Equal($"#{issue} {deadlineTitle}", unfrozen.Report);
        Assert.Equal($"#{issue} {deadlineTitle}", frozen.Report); // R7: the deadline's version, not the latest edit
        Assert.True(accepted.IsSuccess, string.Join("; ", accepted.Errors));
        Assert.Equal($"#{issue} Renamed after the deadline", afterAcceptance.Report); // the accepted version is the one scored
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Accept_ForgedOrNotAllowed_IsRefused_AndTheDeadlineVersionStaysScored(string provider)
    {
        var month = await EditedAfterDeadlineAsync(provider);
        await using var _db = month.Db;
        var id = month.Edited.ReportId;
        var later = Assert.Single((await month.Freezes.ForReportAsync(id))!.Later);
        const string why = "looks fine";

        var forgedHash = await month.Freezes.AcceptAsync(id, 2, new string('0', 64), "rev2", why);
        var noHash = await month.Freezes.AcceptAsync(id, 2, null, "rev2", why);
        var frozenOne = await month.Freezes.AcceptAsync(id, 1, later.ContentHash, "rev2", why);
        var missing = await month.Freezes.AcceptAsync(id, 3, later.ContentHash, "rev2", why);
        var own = await month.Freezes.AcceptAsync(id, 2, later.ContentHash, month.Edited.Author, why);
        var noReason = await month.Freezes.AcceptAsync(id, 2, later.ContentHash, "rev2", " ");
        var noReport = await month.Freezes.AcceptAsync(999_999, 2, later.ContentHash, "rev2", why);
        var locked = await month.Workflow.LockAsync(September, "lead", null);
        var afterLock = await month.Freezes.AcceptAsync(id, 2, later.ContentHash, "rev2", why);

        Assert.Equal(FreezeCodes.HashMismatch, Assert.Single(forgedHash.Errors).Code);
        Assert.Equal(FreezeCodes.HashMismatch, Assert.Single(noHash.Errors).Code);
        Assert.Equal(FreezeCodes.NotAcceptable, Assert.Single(frozenOne.Errors).Code);
        Assert.Equal(FreezeCodes.NotAcceptable, Assert.Single(missing.Errors).Code);
        Assert.Equal(AccessCodes.ScoreOwnReport, Assert.Single(own.Errors).Code);
        Assert.Equal(WorkflowCodes.ReasonRequired, Assert.Single(noReason.Errors).Code);
        Assert.Equal(WorkflowCodes.NotFound, Assert.Single(noReport.Errors).Code);
        Assert.True(locked.IsSuccess, string.Join("; ", locked.Errors));
        Assert.Equal(67.5m, locked.Value.Members.Single(m => m.Login == month.Edited.Author).Percent.Rounded); // still the deadline's version
        Assert.Equal(WorkflowCodes.MonthClosed, Assert.Single(afterLock.Errors).Code);
        await using var read = month.Db.Context();
        Assert.False(await read.AuditLog.AnyAsync(a => a.Action == "report.version-accepted"));
        Assert.Null((await read.ReportFreezes.SingleAsync(f => f.ReportId == id)).AcceptedVersion);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Withdraw_AnAcceptedVersion_ScoresTheDeadlineVersionAgain_AndIsAudited(string provider)
    {
        var month = await EditedAfterDeadlineAsync(provider);
        await using var _db = month.Db;
        var id = month.Edited.ReportId;
        var later = Assert.Single((await month.Freezes.ForReportAsync(id))!.Later);
        Assert.True((await month.Freezes.AcceptAsync(id, 2, later.ContentHash, "rev2", "The third department's work was done in September.")).IsSuccess);

        var withdrawn = await month.Freezes.WithdrawAsync(id, "rev3", "The linked post is from October, not September.");
        var freeze = await month.Freezes.ForReportAsync(id);
        var queued = (await month.Queue.ListAsync(September)).Single(i => i.ReportId == id);
        var again = await month.Freezes.AcceptAsync(id, 2, later.ContentHash, "rev2", "accepted once more, to show it can be");
        Assert.True((await month.Freezes.WithdrawAsync(id, "rev3", "and withdrawn again")).IsSuccess);
        var locked = await month.Workflow.LockAsync(September, "lead", null);

        Assert.True(withdrawn.IsSuccess, string.Join("; ", withdrawn.Errors));
        Assert.Equal(1, withdrawn.Value);
        Assert.Equal(1, freeze!.ScoredVersion);
        Assert.Null(freeze.AcceptedVersion);
        Assert.Null(freeze.AcceptedBy);
        Assert.Null(freeze.AcceptedAt);
        Assert.Equal(month.Edited.Departments, queued.Departments); // the deadline's two departments again
        Assert.True(again.IsSuccess, string.Join("; ", again.Errors)); // the later version stays acceptable
        Assert.True(locked.IsSuccess, string.Join("; ", locked.Errors));
        Assert.Equal(67.5m, locked.Value.Members.Single(m => m.Login == month.Edited.Author).Percent.Rounded); // (27 + 27) / (2 × 40), not 45
        await using var read = month.Db.Context();
        var audits = await read.AuditLog.Where(a => a.Action == "report.version-withdrawn").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, audits.Count);
        Assert.Equal("rev3", audits[0].Actor);
        Assert.Contains($"version 2 ({later.ContentHash}, accepted by rev2) no longer scored", audits[0].Details, StringComparison.Ordinal);
        Assert.Contains("The linked post is from October", audits[0].Details, StringComparison.Ordinal);
        var stored = await read.ReportFreezes.SingleAsync(f => f.ReportId == id);
        Assert.Null(stored.AcceptedVersion);
        Assert.Null(stored.AcceptedHash);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Withdraw_WithoutReasonOnOnesOwnNothingAcceptedOrClosed_IsRefused_AndTheAcceptanceStays(string provider)
    {
        var month = await EditedAfterDeadlineAsync(provider);
        await using var _db = month.Db;
        var id = month.Edited.ReportId;
        var later = Assert.Single((await month.Freezes.ForReportAsync(id))!.Later);
        const string why = "not September's work";

        var nothingAccepted = await month.Freezes.WithdrawAsync(id, "rev3", why);
        var otherReport = (await month.Queue.ListAsync(September)).First(i => i.ReportId != id).ReportId;
        var otherNothing = await month.Freezes.WithdrawAsync(otherReport, "rev3", why);
        Assert.True((await month.Freezes.AcceptAsync(id, 2, later.ContentHash, "rev2", "September's work")).IsSuccess);
        var noReason = await month.Freezes.WithdrawAsync(id, "rev3", "  ");
        var nullReason = await month.Freezes.WithdrawAsync(id, "rev3", null);
        var own = await month.Freezes.WithdrawAsync(id, month.Edited.Author.ToUpperInvariant(), why);
        var noReport = await month.Freezes.WithdrawAsync(999_999, "rev3", why);
        var locked = await month.Workflow.LockAsync(September, "lead", null);
        var afterLock = await month.Freezes.WithdrawAsync(id, "rev3", why);

        Assert.Equal(FreezeCodes.NotAcceptable, Assert.Single(nothingAccepted.Errors).Code);
        Assert.Equal(FreezeCodes.NotAcceptable, Assert.Single(otherNothing.Errors).Code);
        Assert.Equal(WorkflowCodes.ReasonRequired, Assert.Single(noReason.Errors).Code);
        Assert.Equal(WorkflowCodes.ReasonRequired, Assert.Single(nullReason.Errors).Code);
        Assert.Equal(AccessCodes.ScoreOwnReport, Assert.Single(own.Errors).Code);
        Assert.Equal(WorkflowCodes.NotFound, Assert.Single(noReport.Errors).Code);
        Assert.True(locked.IsSuccess, string.Join("; ", locked.Errors));
        Assert.Equal(45m, locked.Value.Members.Single(m => m.Login == month.Edited.Author).Percent.Rounded); // still the accepted version
        Assert.Equal(WorkflowCodes.MonthClosed, Assert.Single(afterLock.Errors).Code);
        await using var read = month.Db.Context();
        Assert.False(await read.AuditLog.AnyAsync(a => a.Action == "report.version-withdrawn"));
        var stored = await read.ReportFreezes.SingleAsync(f => f.ReportId == id);
        Assert.Equal((2, "rev2"), (stored.AcceptedVersion, stored.AcceptedBy));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BeforeTheDeadline_NothingIsFrozen_TheLatestVersionCounts_AndNothingCanBeAccepted(string provider)
    {
        var month = await EditedAfterDeadlineAsync(provider, now: new DateTimeOffset(2024, 10, 4, 12, 0, 0, TimeSpan.Zero));
        await using var _db = month.Db;

        var freeze = await month.Freezes.ForReportAsync(month.Edited.ReportId);
        var accept = await month.Freezes.AcceptAsync(month.Edited.ReportId, 2, "x", "rev2", "why");
        var withdraw = await month.Freezes.WithdrawAsync(month.Edited.ReportId, "rev2", "why");
        var queued = (await month.Queue.ListAsync(September)).Single(i => i.ReportId == month.Edited.ReportId);

        Assert.Null(freeze);
        Assert.Equal(FreezeCodes.NotFrozen, Assert.Single(accept.Errors).Code);
        Assert.Equal(FreezeCodes.NotAcceptable, Assert.Single(withdraw.Errors).Code); // nothing accepted to withdraw
        Assert.Equal(3, queued.Departments.Count); // an open month reads the report as it stands
        await using var read = month.Db.Context();
        Assert.Equal(0, await read.ReportFreezes.CountAsync());
    }
}
