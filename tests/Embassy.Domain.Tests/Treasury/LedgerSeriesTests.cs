using Embassy.Domain.Treasury;
using static Embassy.Domain.Tests.Treasury.TreasuryTestData;

namespace Embassy.Domain.Tests.Treasury;

public class LedgerSeriesTests
{
    [Fact]
    public void Series_GivesEachMonthsSpendAndTheBalanceAfterIt_IncludingEmptyMonths()
    {
        var jun = new Period(2024, 6);
        var ledger = LedgerWith(Proposal14(), (new Period(2024, 5), 20_000), (jun, 10_000), (jun.AddMonths(2), 5_000));

        var series = ledger.Series(jun, jun.AddMonths(2));

        Assert.Equal([jun, jun.Next, jun.AddMonths(2)], series.Select(p => p.Month));
        Assert.Equal([Pha(10_000), Pha(0), Pha(5_000)], series.Select(p => p.Spent));
        Assert.Equal([Pha(70_000), Pha(70_000), Pha(65_000)], series.Select(p => p.RemainingAfter));
        Assert.Equal([70_000L, 70_000L, 65_000L], series.Select(p => p.BalanceWholeTokens));
        Assert.All(series, p => Assert.True(p.OverdrawnAfter.IsZero));
    }

    [Fact]
    public void Series_BeyondTheFunding_KeepsRemainingAtZero_AndCountsTheOverdraw()
    {
        var jun = new Period(2024, 6);
        var proposal = Proposal14();
        var ledger = new FundingLedger(proposal)
            .Record(Payout(jun, Pha(90_000))).Value
            .Record(Payout(jun.Next, Pha(40_000)), Override()).Value;

        var series = ledger.Series(jun, jun.Next);

        Assert.Equal([Pha(10_000), Pha(0)], series.Select(p => p.RemainingAfter));
        Assert.Equal([Pha(0), Pha(30_000)], series.Select(p => p.OverdrawnAfter));
        Assert.Equal([10_000L, -30_000L], series.Select(p => p.BalanceWholeTokens));
    }

    [Fact]
    public void Series_ThroughBeforeFrom_Throws()
    {
        Assert.Throws<ArgumentException>(() => new FundingLedger(Proposal14()).Series(new Period(2024, 6), new Period(2024, 5)));
    }
}
