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

        var view = TreasuryOverview.Build(ledger, may.AddMonths(2), may.AddMonths(3), asOf, spans, TreasuryDemo.ReportedCounts(new DateOnly(2022, 6, 30)), Ranks);

        Assert.Equal((Token.Pha.Whole(60_000), Token.Pha.Whole(40_000)), (view.Paid, view.Remaining));
        Assert.Equal("2.0 months", view.Runway.Format());
        Assert.Equal([Token.Pha.Whole(80_000), Token.Pha.Whole(60_000), Token.Pha.Whole(40_000)], view.Chart.Select(p => p.RemainingAfter));
        Assert.Equal([true, false], view.Targets.Select(t => t.Met)); // 40 ambassadors; 45,500 of 50,000 users
        Assert.Equal("payout:2022-07", view.Draws[0].Request.Id);
    }

    [Fact]
    public void Build_WithoutDraws_HasOnePointAndAnUnboundedRunway()
    {
        var view = TreasuryOverview.Build(new FundingLedger(TreasuryDemo.Proposal14()), new Period(2022, 4), new Period(2022, 5), new DateOnly(2022, 4, 30), [], [], Ranks);

        Assert.Single(view.Chart);
        Assert.False(view.Runway.IsBounded);
        Assert.Equal(Token.Pha.Whole(100_000), view.Remaining);
    }

    [Fact]
    public void Build_Overdrawn_SaysSoWhateverTheStatus_ChartsTheBalanceBelowZero_AndTimesEveryDrawAndPayment()
    {
        // Proposal #14's 100,000 PHA, then 60,000 PHA a month for three months, the last two drawn by override.
        var may = new Period(2022, 5);
        var ledger = new FundingLedger(TreasuryDemo.Proposal14());
        var allow = new DrawOverride("root", "Council top-up on its way.", new DateTimeOffset(2022, 7, 10, 0, 0, 0, TimeSpan.Zero));
        foreach (var month in new[] { may, may.Next, may.AddMonths(2) })
        {
            ledger = TreasuryDraws.DrawMonth(ledger, month, Token.Pha.Whole(60_000), month.Next.FirstDay.AddDays(5), month == may ? null : allow).Value;
        }

        var hash = "0x" + new string('a', 64);
        var payments = new[]
        {
            new TreasuryPayment("payout:2022-05", new DateTimeOffset(2022, 6, 7, 9, 0, 0, TimeSpan.Zero), "2022-05 payout", hash, new Uri("https://phala.subscan.io/extrinsic/" + hash), "root"),
            new TreasuryPayment("payout:2021-01", new DateTimeOffset(2022, 6, 8, 9, 0, 0, TimeSpan.Zero), "another proposal's payout", hash, null, "root"),
        };

        var view = TreasuryOverview.Build(ledger, may.AddMonths(2), may.AddMonths(3), new DateOnly(2022, 8, 1), [], [], Ranks, payments);

        Assert.Equal(ProposalStatus.Funded, view.Proposal.Status);
        Assert.Equal(("overdrawn", true, Token.Pha.Whole(80_000)), (view.Standing, view.IsOverdrawn, view.Overdrawn));
        Assert.Equal([40_000L, -20_000L, -80_000L], view.Chart.Select(c => c.BalanceWholeTokens));
        Assert.Equal([Token.Pha.Zero, Token.Pha.Whole(20_000), Token.Pha.Whole(80_000)], view.Chart.Select(c => c.OverdrawnAfter));
        var kinds = view.Timeline.Select(e => e.Kind).ToArray();
        Assert.Equal([TreasuryEventKind.Proposal, TreasuryEventKind.Proposal, TreasuryEventKind.Draw, TreasuryEventKind.Payment, TreasuryEventKind.Overdraw, TreasuryEventKind.Overdraw], kinds);
        Assert.Equal(view.Timeline.OrderBy(e => e.At).Select(e => e.At), view.Timeline.Select(e => e.At));
        var paid = view.Timeline.Single(e => e.Kind == TreasuryEventKind.Payment);
        Assert.Equal(("2022-05 payout paid", hash, "https://phala.subscan.io/extrinsic/" + hash), (paid.Text, paid.TxHash, paid.Explorer!.ToString()));
        Assert.Contains("allowed by root: Council top-up on its way.", view.Timeline[^1].Text, StringComparison.Ordinal);
        Assert.Equal(1, view.Timeline.Count(e => e.Text.Contains("steps on the treasury's timeline", StringComparison.Ordinal))); // not nine copies
    }

    [Fact]
    public void Build_NoMonthClosed_ClaimsNoRunway_AndTheRunwayNeverCountsMonthsAfterTheLastClosed()
    {
        var aug = new Period(2024, 8);
        var ledger = new FundingLedger(TreasuryDemo.Proposal14());
        ledger = TreasuryDraws.DrawMonth(ledger, aug, Token.Pha.Whole(10_000), new DateOnly(2024, 9, 6)).Value;
        var bounty = new DrawRequest("bounty:1", DrawKind.Bounty, aug.Next, Token.Pha.Whole(30_000), new DateOnly(2024, 9, 20), "bounty");
        ledger = ledger.Record(bounty).Value; // a bounty of September, a month not closed yet

        var none = TreasuryOverview.Build(ledger, null, aug.AddMonths(2), new DateOnly(2024, 10, 15), [], [], Ranks);
        var closedAugust = TreasuryOverview.Build(ledger, aug, aug.AddMonths(2), new DateOnly(2024, 10, 15), [], [], Ranks);

        Assert.Equal(("no month closed yet", false), (none.Runway.Format(), none.Runway.IsBounded));
        Assert.Equal(Token.Pha.Whole(10_000), closedAugust.Runway.SpentInWindow); // June..August: September's bounty is not counted
        Assert.Equal("18.0 months", closedAugust.Runway.Format()); // 60,000 left × 3 / 10,000
        Assert.Equal([aug, aug.Next], closedAugust.Chart.TakeLast(2).Select(c => c.Month)); // the chart still shows every draw
    }
}
