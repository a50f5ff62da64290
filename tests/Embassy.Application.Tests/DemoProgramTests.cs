using Embassy.Application;
using Embassy.Data.Tests;
using Embassy.Domain;
using Embassy.GitHubStandIn;
using Embassy.Reports;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application.Tests;

public class DemoProgramTests
{
    // The people proposal #14 (seed 001) names in its regional groups: real ambassadors, never shown as demo members.
    private static readonly string[] SeedNames =
    [
        "Cappex", "Jaime Flores", "Hoang Nguyen", "Sirash", "Alexandre Baciu", "Kbconsulting45", "Tioneb44", "Redofre", "overmarck",
        "zaketac", "Darknight", "pigro85", "Salih", "GatorKorps", "Serhat", "Sequaja", "RHEE", "Kyle", "Sonji", "Amir", "Wuti", "LSVT",
        "Newsletter", "Dishi", "Zhangyang", "Biezuo", "Sanqi", "Sure", "Wuzhe",
    ];

    [Fact]
    public async Task Seed_OnlyInventedPeople_CrewsOfItsOwnMembers_AndThePoolR4GivesForThem()
    {
        await using var db = await TestDatabase.CreateMigratedAsync("sqlite");
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero)) { AutoAdvance = false };
        await new DemoProgram(db.Factory(), clock).SeedAsync(24, 2);
        await using var context = db.Factory().CreateDbContext();

        var names = await context.Members.Select(m => m.DisplayName).ToListAsync();
        var people = names.Concat(await context.Applications.Select(a => a.Name).ToListAsync()).Concat(await context.Crews.Select(c => c.Name).ToListAsync());
        Assert.All(people, n => Assert.DoesNotContain(SeedNames, s => n.Contains(s, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(24, names.Count); // no member made from a name on a crew

        var crews = await context.Crews.Include(c => c.Members).ToListAsync();
        Assert.Equal(3, crews.Count);
        Assert.All(crews, c => Assert.InRange(c.Members.Count, 2, 3)); // R11: a senior leads 2–3 ambassadors

        var month = (await new PublicQueries(db.Factory(), clock).MonthsAsync()).Single(m => m.Period == new Period(2026, 9));
        Assert.Equal(24, month.Month.ActiveMembers);
        Assert.Equal(new Token("PHA", 18).Whole(45_000).Units, month.Month.Pool.Units);
    }

    [Fact]
    public async Task Seed_EarlyInTheMonth_NoDateLiesAfterTheClock_AndTheFlaggedReportsCarryTheirDiagnostics()
    {
        // The 2nd of the month: the open month's reports would fall after "now" if they were not dated back from the clock.
        await using var db = await TestDatabase.CreateMigratedAsync("sqlite");
        var now = new DateTimeOffset(2026, 11, 2, 8, 30, 0, TimeSpan.Zero);
        var clock = new ManualClock(now) { AutoAdvance = false };
        await new DemoProgram(db.Factory(), clock).SeedAsync(12, 1);
        await using var context = db.Factory().CreateDbContext();

        var reports = await context.Reports.Include(r => r.Versions).ThenInclude(v => v.Diagnostics).ToListAsync();
        Assert.All(reports, r => Assert.True(r.CreatedAt <= now, $"report {r.IssueNumber} is filed at {r.CreatedAt:O}, after {now:O}"));
        Assert.All(await context.Scores.Select(s => s.RecordedAt).ToListAsync(), at => Assert.True(at <= now));

        var open = new Period(2026, 10);
        var codes = reports.SelectMany(r => r.Versions.SelectMany(v => v.Diagnostics).Select(d => d.Code)).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(ReportCodes.WalletBadChecksum, codes);
        Assert.Contains(ReportCodes.DepartmentCount, codes);
        Assert.Contains(ReportCodes.Late, codes);
        Assert.Contains(reports, r => r.MemberId is null && r.AuthorLogin == DemoProgram.UnmatchedAuthor && r.Period == open);
        Assert.Contains(reports.Where(r => r.Period == open && r.MemberId is not null).GroupBy(r => r.MemberId), g => g.Count() > 1); // a duplicate (R7)
    }
}
