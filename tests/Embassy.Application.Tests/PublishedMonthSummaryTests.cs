using Embassy.Application;
using Embassy.Data.Tests;
using Embassy.Domain;
using Embassy.GitHubStandIn;

namespace Embassy.Application.Tests;

/// <summary>The lists of published months, read from the month rows and the members' totals only, agree with the statements (issue #16).</summary>
public class PublishedMonthSummaryTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Summaries_AreTheStatementsTotalsPoolsCountsAndStates_WithoutTheLockedMonth(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero)) { AutoAdvance = false };
        await new DemoProgram(db.Factory(), clock).SeedAsync(24, 3); // July to September paid, October open with reports
        var workflow = new MonthCloseWorkflow(db.Factory(), clock);

        // June, before any member's first day: a month of nobody, published (paid at once: nothing to sign). May: locked, not
        // published. October, its reports scored where they can be: approved, not yet paid.
        var june = new Period(2026, 6);
        var may = new Period(2026, 5);
        var october = new Period(2026, 10);
        Check(await workflow.LockAsync(june, "lead", "No member was active yet."));
        Check(await workflow.ApproveAsync(june, "lead", "Nothing to pay."));
        Check(await workflow.LockAsync(may, "lead", "Checked later."));
        var queue = new ReviewQueue(db.Factory(), clock);
        foreach (var item in await queue.ListAsync(october))
        {
            // The demo's flagged reports (unmatched, a bad wallet…) refuse a score; they count as none.
            await queue.ScoreAsync(item.ReportId, "rev", [.. item.Departments.Select(d => new ScoreEntry(d, 15, 12))], null);
        }

        Check(await workflow.LockAsync(october, "lead", "Unscored reports count as none."));
        Check(await workflow.ApproveAsync(october, "lead", "Approved as it stands."));
        var queries = new PublicQueries(db.Factory(), clock);

        var summaries = await queries.SummariesAsync();
        var months = await queries.MonthsAsync(); // newest first, whole statements

        Assert.Equal(months.Select(m => m.Period), summaries.Select(s => s.Period));
        Assert.Equal(
            months.Select(m => new PublishedMonthSummary(m.Period, m.State, m.Month.Policy.Id, m.Month.Token, m.Month.Pool, m.Month.TotalPaid,
                m.Month.Members.Count, m.Month.Members.Count(x => !x.Total.IsZero))),
            summaries);
        Assert.Equal([october, new Period(2026, 9), new Period(2026, 8), new Period(2026, 7), june], summaries.Select(s => s.Period)); // not May
        Assert.Equal(["approved", "paid", "paid", "paid", "paid"], summaries.Select(s => s.State));
        Assert.Equal((0, 0, true), summaries.Where(s => s.Period == june).Select(s => (s.Members, s.PaidMembers, s.TotalPaid.IsZero)).Single());
        Assert.All(summaries.Where(s => s.Period != june), s => Assert.True(!s.TotalPaid.IsZero && s.PaidMembers > 0, s.Period + " pays its members"));
        Assert.Contains(summaries, s => s.PaidMembers < s.Members); // a member paid nothing some month, so the two counts differ

        var treasury = await queries.TreasuryAsync(null);
        var token = months[0].Month.Token;
        Assert.Equal(months.Select(m => (m.Period, m.State, m.Month.TotalPaid)), treasury.Months);
        Assert.Equal(months.Where(m => m.State == "paid").Aggregate(token.Zero, (a, m) => a + m.Month.TotalPaid), treasury.Paid);
        Assert.Equal(months.Single(m => m.Period == october).Month.TotalPaid, treasury.Approved);
    }

    private static void Check<T>(Result<T> result) => Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
}
