using Embassy.Application;
using Embassy.Domain;
using Embassy.Domain.Community;
using Embassy.Domain.Rules;
using Embassy.Domain.Treasury;

namespace Embassy.Application.Tests.Treasury;

public class TreasuryOverviewTests
{
    private static readonly IReadOnlyList<RankRule> Ranks = [new(Rank.Candidate, "Candidate"), new(Rank.Ambassador, "Ambassador"), new(Rank.Senior, "Senior")];

    [Fact]
    public void Build_Proposal14WithThreeMonths_ShowsBalanceRunwayChartAndTargets()
    {
        var may = new Period(2022, 5);
        var ledger = new FundingLedger(TreasuryDemo.Proposal14());
        foreach (var (month, pha) in new[] { (may, 20_000UL), (may.Next, 20_000UL), (may.AddMonths(2), 20_000UL) })
        {
            ledger = TreasuryDraws.DrawMonth(ledger, month, Token.Pha.Whole(pha), month.Next.FirstDay.AddDays(9)).Value;
        }

        var asOf = new DateOnly(2022, 7, 31);
        var spans = Enumerable.Range(1, 41).Select(i => new RankSpan("m" + i, i <= 40 ? Rank.Ambassador : Rank.Candidate, new DateOnly(2022, 5, 1)));

        var view = TreasuryOverview.Build(ledger, may.AddMonths(2), asOf, spans, TreasuryDemo.ReportedCounts(new DateOnly(2022, 6, 30)), Ranks);

        Assert.Equal((Token.Pha.Whole(60_000), Token.Pha.Whole(40_000)), (view.Paid, view.Remaining));
        Assert.Equal("2.0 months", view.Runway.Format());
        Assert.Equal([Token.Pha.Whole(80_000), Token.Pha.Whole(60_000), Token.Pha.Whole(40_000)], view.Chart.Select(p => p.RemainingAfter));
        Assert.Equal([true, false], view.Targets.Select(t => t.Met)); // 40 ambassadors; 45,500 of 50,000 users
        Assert.Equal("payout:2022-07", view.Draws[0].Request.Id);
    }

    [Fact]
    public void Build_WithoutDraws_HasOnePointAndAnUnboundedRunway()
    {
        var view = TreasuryOverview.Build(new FundingLedger(TreasuryDemo.Proposal14()), new Period(2022, 4), new DateOnly(2022, 4, 30), [], [], Ranks);

        Assert.Single(view.Chart);
        Assert.False(view.Runway.IsBounded);
        Assert.Equal(Token.Pha.Whole(100_000), view.Remaining);
    }
}
