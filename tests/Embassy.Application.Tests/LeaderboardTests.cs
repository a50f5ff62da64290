using Embassy.Application;
using Embassy.Data.Tests;
using Embassy.Domain;
using Embassy.GitHubStandIn;

namespace Embassy.Application.Tests;

/// <summary>The public leaderboard, read from the published months' member rows only, agrees with their statements.</summary>
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
}
