using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.Domain.Community;
using Embassy.Domain.Rules;

namespace Embassy.Application.Tests.Community;

public class MetricsRegistryTests
{
    private static readonly IReadOnlyList<RankRule> Ranks = [new(Rank.Candidate, "Candidate"), new(Rank.Ambassador, "Ambassador"), new(Rank.Senior, "Senior")];

    private static RosterEntry Entry(long id, string login, params (string Rank, int Year, int Month, int Day)[] events)
    {
        var member = new Data.Entities.Member { Id = id, DisplayName = login };
        var ranks = events.Select((e, i) => new RankEvent { Id = id * 100 + i, MemberId = id, Rank = e.Rank, EffectiveFrom = new DateOnly(e.Year, e.Month, e.Day), Actor = "admin", Reason = "test" }).ToArray();
        return new RosterEntry(member, login, ranks);
    }

    [Fact]
    public void RankSpans_FollowPromotionsAndTerminations()
    {
        RosterEntry[] roster =
        [
            Entry(1, "ann", ("candidate", 2024, 1, 1), ("ambassador", 2024, 4, 1)),
            Entry(2, "ben", ("ambassador", 2023, 1, 1), ("terminated", 2024, 3, 1)),
            Entry(3, "cat", ("senior", 2022, 1, 1)),
        ];

        var spans = MetricsRegistry.RankSpans(roster);

        Assert.Equal(2, CommunityMetrics.MembersAtLeast(spans, new DateOnly(2024, 2, 29), Ranks, Rank.Ambassador)); // ben, cat
        Assert.Equal(1, CommunityMetrics.MembersAtLeast(spans, new DateOnly(2024, 3, 31), Ranks, Rank.Ambassador)); // cat
        Assert.Equal(2, CommunityMetrics.MembersAtLeast(spans, new DateOnly(2024, 4, 1), Ranks, Rank.Ambassador)); // ann, cat
        Assert.Equal(new DateOnly(2024, 3, 31), spans.First(s => s.Member == "ann").Until);
    }

    [Fact]
    public void RankSpans_TwoEventsOnOneDay_KeepTheLaterRecorded()
    {
        var spans = MetricsRegistry.RankSpans([Entry(1, "ann", ("candidate", 2024, 1, 1), ("ambassador", 2024, 1, 1))]);

        var span = Assert.Single(spans);
        Assert.Equal(Rank.Ambassador, span.Rank);
        Assert.Null(span.Until);
    }
}
