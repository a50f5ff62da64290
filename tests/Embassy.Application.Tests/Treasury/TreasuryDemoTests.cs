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
        // The seed's nine times: one entry for the eight unlabelled steps (naming each time), then the award (issue #13).
        Assert.Equal(2, proposal.Timeline.Count);
        Assert.Contains("08:40:06, 09:16:12, 09:21:18, 09:29:36, 10:03:24, 12:53:42, 12:53:42, 12:53:42 UTC", proposal.Timeline[0].Text, StringComparison.Ordinal);
        Assert.Equal((new DateTimeOffset(2022, 4, 29, 16, 30, 0, TimeSpan.Zero), ProposalEventKind.Funded), (proposal.Timeline[^1].At, proposal.Timeline[^1].Kind));
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
    public void FundingHistory_IsTheProgramsFourRecords_LabelledAsReal()
    {
        var history = TreasuryDemo.FundingHistory();

        // program-history/2025-10-v5-update.md, "Funding history of the program".
        Assert.Equal(
            [(4, new DateOnly(2022, 2, 1), 80_000UL), (14, new DateOnly(2022, 4, 29), 100_000UL), (51, new DateOnly(2023, 1, 1), 1_750_000UL), (102, new DateOnly(2024, 6, 1), 1_430_000UL)],
            history.Select(p => (p.Number, p.Date, (ulong)(p.Requested.Units / Token.Pha.UnitsPerToken))));
        Assert.All(history, p => Assert.DoesNotContain(p.Validate(), d => d.IsError));
        Assert.All(history, p => Assert.Contains(p.Timeline, e => e.Text.StartsWith(TreasuryDemo.RealRecord, StringComparison.Ordinal)));
        Assert.Contains("council motion #102", history[^1].Title, StringComparison.Ordinal);
        Assert.All(TreasuryDemo.Caps, c => Assert.Equal(UsdAmount.Dollars(2_000), c.Cap));
    }
}
