using Embassy.Data.Tests;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.GitHubStandIn;

namespace Embassy.Application.Tests;

/// <summary>Issue #14 calibration on both databases, from stored scores: reviewers against the R3 panel mean, members' suggested against final.</summary>
public class ReviewCalibrationTests
{
    private static readonly DateTimeOffset Now = new(2024, 10, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly Period September = new(2024, 9);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Calibration_OffsetsFromThePanelMean_AndSuggestedAgainstFinal_Exact(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var clock = new ManualClock(Now) { AutoAdvance = false };
        await new DemoProgram(db.Factory(), clock).SeedAsync(5, 0, flagged: false); // every September report suggests 30 per chosen department
        var queue = new ReviewQueue(db.Factory(), clock);
        var calibration = new ReviewCalibration(db.Factory());
        var items = await queue.ListAsync(September);
        foreach (var item in items)
        {
            // Chosen departments: rev 15 + 12 = 27, rev2 18 + 15 = 33; the R3 mean 16.5 → 17 and 13.5 → 14 (half up) = 31 paid.
            Assert.True((await queue.ScoreAsync(item.ReportId, "rev", [.. item.Departments.Select(d => new ScoreEntry(d, 15, 12)), new ScoreEntry("BASIC", 10, 10)], null)).IsSuccess);
            Assert.True((await queue.ScoreAsync(item.ReportId, "rev2", [.. item.Departments.Select(d => new ScoreEntry(d, 18, 15)), new ScoreEntry("BASIC", 10, 10)], null)).IsSuccess);
        }

        var open = await calibration.LatestAsync();
        var locked = await new MonthCloseWorkflow(db.Factory(), clock).LockAsync(September, "lead", null);
        var closed = await calibration.LatestAsync();

        Assert.Contains(September, open.Periods);
        Assert.Empty(open.Members); // nothing final before the close
        var rev = open.Reviewers.Single(r => r.Reviewer == "rev");
        var rev2 = open.Reviewers.Single(r => r.Reviewer == "rev2");
        var panels = items.Count * 3; // two chosen departments and Basic per report
        Assert.Equal(new OffsetTally(Points.Of(-4 * 2 * items.Count), Points.Of(4 * 2 * items.Count), panels), rev.Months[September]);
        Assert.Equal(new OffsetTally(Points.Of(2 * 2 * items.Count), Points.Of(2 * 2 * items.Count), panels), rev2.Months[September]);
        Assert.Equal(rev.Months[September], rev.Overall);
        Assert.Equal(-2.67m, rev.Overall.Mean()); // -40 / 15, rounded for display only
        Assert.Equal(1.33m, rev2.Overall.Mean());

        Assert.True(locked.IsSuccess, string.Join("; ", locked.Errors));
        Assert.Equal(items.Count, closed.Members.Count);
        Assert.All(closed.Members, m => Assert.Equal(new OffsetTally(Points.Of(-2), Points.Of(2), 2), m.Months[September])); // 30 suggested - 31 paid, twice
        Assert.Equal(items.Select(i => i.Author).Order(StringComparer.Ordinal), closed.Members.Select(m => m.Login));
    }
}
