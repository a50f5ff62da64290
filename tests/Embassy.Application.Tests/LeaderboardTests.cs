using Embassy.Application;
using Embassy.Data.Tests;
using Embassy.Domain;
using Embassy.GitHubStandIn;

namespace Embassy.Application.Tests;

/// <summary>The public leaderboard and member pages, read from the published months' member rows only, agree with their statements.</summary>
public class LeaderboardTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Leaderboard_IsEachMembersSumOverThePublishedStatements_WithTheirCountAndLatestPercentage(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero)) { AutoAdvance = false };
        await new DemoProgram(db.Factory(), clock).SeedAsync(24, 3);
        var queries = new PublicQueries(db.Factory(), clock);

        var board = await queries.LeaderboardAsync();
        var months = await queries.MonthsAsync(); // newest first, whole statements

        Assert.Equal(3, months.Count);
        Assert.Equal(24, board.Count);
        var token = months[0].Month.Token;
        foreach (var row in board)
        {
            var mine = months.Select(m => m.Month.Member(row.MemberId)).Where(r => r is not null).ToArray();
            Assert.Equal(mine.Length, row.Months);
            Assert.Equal(mine.Aggregate(token.Zero, (a, r) => a + r!.Total), row.Total);
            Assert.Equal(mine.Length > 0 ? mine[0]!.Percent : null, row.LastPercent);
        }

        Assert.True(board.Zip(board.Skip(1)).All(p => p.First.Total >= p.Second.Total), "the leaderboard is ordered by total");
        Assert.Contains(board, r => r.Months == 3 && !r.Total.IsZero);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MemberPage_HistoryIsTheMembersRowOfEachPublishedStatement(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero)) { AutoAdvance = false };
        await new DemoProgram(db.Factory(), clock).SeedAsync(24, 3);
        var queries = new PublicQueries(db.Factory(), clock);
        var months = await queries.MonthsAsync();
        var board = await queries.LeaderboardAsync();

        var withProgress = 0;
        foreach (var row in board)
        {
            var page = await queries.MemberAsync(row.MemberId);
            var expected = months.Select(m => (m.Period, Row: m.Month.Member(row.MemberId))).Where(x => x.Row is not null)
                .Select(x => new MemberMonth(x.Period, x.Row!.Rank, x.Row.Status, x.Row.Percent, x.Row.Total)).OrderBy(x => x.Period).ToArray();
            Assert.NotNull(page);
            Assert.Equal(expected, page.History);
            Assert.Equal((row.Name, row.Rank), (page.Name, page.Rank));
            withProgress += page.Progress is null ? 0 : 1;
        }

        Assert.Contains(board, r => r.Months == 3);
        Assert.True(withProgress > 0, "some member should show promotion progress");
        Assert.Null(await queries.MemberAsync(999_999));
    }
}
