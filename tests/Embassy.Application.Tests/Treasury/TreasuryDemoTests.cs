using Embassy.Application;
using Embassy.Domain;
using Embassy.Domain.Community;
using Embassy.Domain.Rules;
using Embassy.Domain.Treasury;

namespace Embassy.Application.Tests.Treasury;

public class TreasuryDemoTests
{
    [Fact]
    public void Proposal14_IsValidAndItsMilestonesAddUpToTheRequest()
    {
        var proposal = TreasuryDemo.Proposal14();

        Assert.Empty(proposal.Validate());
        Assert.Equal(Token.Pha.Whole(100_000), proposal.Requested);
        Assert.Equal([Token.Pha.Whole(80_000), Token.Pha.Whole(20_000)], proposal.Milestones.Select(m => m.Cost));
        Assert.Equal(9, proposal.Timeline.Count);
        Assert.Equal(new DateTimeOffset(2022, 4, 29, 16, 30, 0, TimeSpan.Zero), proposal.Timeline[^1].At);
    }

    [Fact]
    public void Proposal14_ReportedCounts_ShowTheCommunityTargetNotYetMet()
    {
        var asOf = new DateOnly(2022, 6, 30);
        IReadOnlyList<RankRule> ranks = [new(Rank.Candidate, "Candidate"), new(Rank.Ambassador, "Ambassador"), new(Rank.Senior, "Senior")];
        var spans = Enumerable.Range(1, 32).Select(i => new RankSpan("m" + i, Rank.Ambassador, new DateOnly(2022, 1, 1)));

        var progress = CommunityMetrics.Progress(TreasuryDemo.Proposal14(), asOf, spans, TreasuryDemo.ReportedCounts(asOf), ranks, Rank.Ambassador);

        Assert.Equal([32L, 45_500L], progress.Select(p => p.Current));
        Assert.All(progress, p => Assert.False(p.Met));
    }

    [Fact]
    public void RegionalGroups_AreTheSeedsEightGroups()
    {
        Assert.Equal(8, TreasuryDemo.RegionalGroups.Count);
        Assert.Equal(9, TreasuryDemo.RegionalGroups.Single(g => g.Group == "Chinese group").People.Count);
        Assert.All(TreasuryDemo.Caps, c => Assert.Equal(UsdAmount.Dollars(2_000), c.Cap));
    }
}
