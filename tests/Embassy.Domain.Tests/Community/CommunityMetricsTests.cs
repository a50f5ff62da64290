using Embassy.Domain.Community;
using Embassy.Domain.Rules;
using Embassy.Domain.Treasury;

namespace Embassy.Domain.Tests.Community;

public class CommunityMetricsTests
{
    private static readonly IReadOnlyList<RankRule> Ranks =
    [
        new(Rank.Candidate, "Candidate"), new(Rank.Ambassador, "Ambassador"), new(Rank.Senior, "Senior"), new(Rank.Head, "Head", Appointed: true),
    ];

    private static ChannelCount Count(string channel, int year, int month, int day, long members) =>
        new(channel, new DateOnly(year, month, day), members, "group info");

    [Fact]
    public void CommunityUsers_SumsEachChannelsLatestCountOnOrBeforeTheDate()
    {
        ChannelCount[] counts =
        [
            Count("Telegram", 2022, 3, 31, 50_000), Count("telegram", 2022, 6, 30, 40_000), Count("telegram", 2022, 7, 31, 41_000),
            Count("Discord", 2022, 6, 15, 5_500),
        ];

        Assert.Equal(45_500, CommunityMetrics.CommunityUsers(counts, new DateOnly(2022, 6, 30)));
        Assert.Equal(50_000, CommunityMetrics.CommunityUsers(counts, new DateOnly(2022, 4, 1)));
        Assert.Equal(0, CommunityMetrics.CommunityUsers(counts, new DateOnly(2022, 1, 1)));
    }

    [Fact]
    public void Validate_NegativeCountOrTwoCountsOnOneDay_AreErrors()
    {
        var found = CommunityMetrics.Validate([Count("telegram", 2022, 6, 30, -1), Count("discord", 2022, 6, 30, 5), Count("Discord", 2022, 6, 30, 6)]);

        Assert.Equal([CommunityCodes.MetricsInvalid, CommunityCodes.MetricsConflict], found.Select(d => d.Code));
    }

    [Fact]
    public void MembersAtLeast_CountsAmbassadorsAndAboveHoldingTheRankOnTheDate()
    {
        var d = new DateOnly(2024, 9, 1);
        RankSpan[] spans =
        [
            new("ann", Rank.Ambassador, new DateOnly(2024, 1, 1)),
            new("ben", Rank.Senior, new DateOnly(2023, 1, 1)),
            new("cat", Rank.Candidate, new DateOnly(2024, 6, 1)),
            new("dan", Rank.Ambassador, new DateOnly(2023, 1, 1), new DateOnly(2024, 8, 31)), // left the day before
            new("eve", Rank.Ambassador, new DateOnly(2024, 9, 2)), // starts the day after
            new("fay", Rank.Head, new DateOnly(2022, 1, 1)),
        ];

        Assert.Equal(3, CommunityMetrics.MembersAtLeast(spans, d, Ranks, Rank.Ambassador));
        Assert.Equal(4, CommunityMetrics.MembersAtLeast(spans, d, Ranks, Rank.Candidate));
    }

    [Fact]
    public void Progress_OfProposal14_CountsBothTargets()
    {
        var asOf = new DateOnly(2022, 6, 30);
        var spans = Enumerable.Range(1, 32).Select(i => new RankSpan($"m{i}", i <= 6 ? Rank.Senior : Rank.Ambassador, new DateOnly(2022, 1, 1))).ToArray();
        ChannelCount[] counts = [Count("telegram", 2022, 6, 30, 40_000), Count("discord", 2022, 6, 30, 5_500)];
        var proposal = new SpendingProposal
        {
            Number = 14, Title = "Phala community bounty", Proponent = "x", Date = new DateOnly(2022, 4, 29), Requested = Token.Pha.Whole(100_000),
            Milestones =
            [
                new Milestone(1, "40+ ambassadors", Token.Pha.Whole(80_000), new MilestoneTarget(TargetMetric.Ambassadors, 40)),
                new Milestone(2, "50,000 community users", Token.Pha.Whole(20_000), new MilestoneTarget(TargetMetric.CommunityUsers, 50_000)),
            ],
        };

        var progress = CommunityMetrics.Progress(proposal, asOf, spans, counts, Ranks, Rank.Ambassador);

        Assert.Equal((1, 32L, false, 80m), (progress[0].Milestone, progress[0].Current, progress[0].Met, progress[0].Progress.Rounded));
        Assert.Equal((2, 45_500L, false, 91m), (progress[1].Milestone, progress[1].Current, progress[1].Met, progress[1].Progress.Rounded));
    }

    [Fact]
    public void Progress_AtExactlyTheTarget_IsMet()
    {
        var p = new TargetProgress(1, new MilestoneTarget(TargetMetric.Ambassadors, 40), new DateOnly(2022, 6, 30), 40);

        Assert.True(p.Met);
        Assert.Equal("100 %", p.Progress.ToString());
    }

    [Fact]
    public void Series_EveryDateOnce_ChannelsByName_GapsAreNull()
    {
        var series = CommunityMetrics.Series(
        [
            Count("Telegram", 2022, 6, 30, 40_000), Count("discord", 2022, 6, 30, 5_500),
            Count("telegram", 2022, 9, 30, 43_100), Count("Discord ", 2023, 1, 15, 6_020),
        ]);

        Assert.Equal([new DateOnly(2022, 6, 30), new DateOnly(2022, 9, 30), new DateOnly(2023, 1, 15)], series.Dates);
        Assert.Equal(["discord", "telegram"], series.Channels.Select(c => c.Channel));
        Assert.Equal([5_500L, null, 6_020L], series.Channels[0].Members);
        Assert.Equal([40_000L, 43_100L, null], series.Channels[1].Members);
    }
}
