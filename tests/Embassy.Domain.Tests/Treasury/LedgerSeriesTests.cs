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
    }

    [Fact]
    public void Series_ThroughBeforeFrom_Throws()
    {
        Assert.Throws<ArgumentException>(() => new FundingLedger(Proposal14()).Series(new Period(2024, 6), new Period(2024, 5)));
    }
}
