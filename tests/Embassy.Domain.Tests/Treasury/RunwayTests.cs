using Embassy.Domain.Treasury;
using static Embassy.Domain.Tests.Treasury.TreasuryTestData;

namespace Embassy.Domain.Tests.Treasury;

public class RunwayTests
{
    private static readonly Period Jul = new(2024, 7);

    [Fact]
    public void Runway_IsRemainingOverMeanSpendOfLastThreeClosedMonths()
    {
        // 10,000 a month for three months: 70,000 left lasts 7 months.
        var ledger = LedgerWith(Proposal14(), (Jul, 10_000), (Jul.Next, 10_000), (Jul.AddMonths(2), 10_000));

        var runway = ledger.RunwayAt(Jul.AddMonths(2));

        Assert.Equal(Pha(70_000), runway.Remaining);
        Assert.Equal(Pha(10_000), runway.MonthlySpend);
        Assert.Equal(70, runway.Tenths);
        Assert.Equal("7.0 months", runway.Format());
        Assert.Equal(Jul, runway.FirstMonth);
    }

    [Fact]
    public void Runway_IsRoundedDownToOneDecimal()
    {
        // 100,000 − 30,001 = 69,999 left at 10,000.33… a month is 6.9999… months: shown 6.9, never 7.0.
        var ledger = LedgerWith(Proposal14(), (Jul, 10_000), (Jul.Next, 10_000), (Jul.AddMonths(2), 10_001));

        var runway = ledger.RunwayAt(Jul.AddMonths(2));

        Assert.Equal("6.9 months", runway.Format());
        Assert.True(runway.IsShorterThan(7));
        Assert.False(runway.IsShorterThan(6));
    }

    [Fact]
    public void Runway_CountsOnlyTheWindow_AndEmptyMonthsInIt()
    {
        // 40,000 in March is outside the window Jun–Aug; July had no draw, so the window's mean is 12,000 / 3.
        var ledger = LedgerWith(Proposal14(), (new Period(2024, 3), 40_000), (new Period(2024, 6), 6_000), (new Period(2024, 8), 6_000));

        var runway = ledger.RunwayAt(new Period(2024, 8));

        Assert.Equal(Pha(12_000), runway.SpentInWindow);
        Assert.Equal(Pha(4_000), runway.MonthlySpend);
        Assert.Equal("12.0 months", runway.Format()); // 48,000 / 4,000
    }

    [Fact]
    public void Runway_WithADifferentWindow_UsesThatManyMonths()
    {
        var ledger = LedgerWith(Proposal14(), (Jul, 30_000), (Jul.Next, 10_000));

        Assert.Equal("6.0 months", ledger.RunwayAt(Jul.Next, window: 1).Format()); // 60,000 / 10,000
        Assert.Equal("3.0 months", ledger.RunwayAt(Jul.Next, window: 2).Format()); // 60,000 / 20,000
    }

    [Fact]
    public void Runway_WithoutSpendInTheWindow_IsUnbounded()
    {
        var ledger = LedgerWith(Proposal14(), (new Period(2023, 1), 5_000));

        var runway = ledger.RunwayAt(new Period(2024, 9));

        Assert.False(runway.IsBounded);
        Assert.Null(runway.Tenths);
        Assert.False(runway.IsShorterThan(1));
        Assert.Equal("no spend in 2024-07..2024-09", runway.Format());
    }

    [Fact]
    public void Runway_WhenNothingRemains_IsZero()
    {
        var ledger = LedgerWith(Proposal14(), (Jul, 50_000), (Jul.Next, 50_000));

        Assert.Equal("0.0 months", ledger.RunwayAt(Jul.Next).Format());
    }

    [Fact]
    public void Runway_WindowBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FundingLedger(Proposal14()).RunwayAt(Jul, window: 0));
    }
}
