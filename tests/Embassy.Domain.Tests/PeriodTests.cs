namespace Embassy.Domain.Tests;

public class PeriodTests
{
    [Fact]
    public void Parse_ValidText_RoundTrips()
    {
        var p = Period.Parse("2024-09").Value;
        Assert.Equal(new Period(2024, 9), p);
        Assert.Equal("2024-09", p.ToString());
        Assert.Equal(new Period(2024, 10), p.Next);
        Assert.Equal(new Period(2025, 1), new Period(2024, 12).Next);
        Assert.Equal(new Period(2023, 12), new Period(2024, 1).Previous);
        Assert.Equal(new Period(2023, 11), new Period(2024, 2).AddMonths(-3));
        Assert.Equal(new DateOnly(2024, 2, 29), new Period(2024, 2).LastDay);
    }

    [Theory]
    [InlineData("2024-13")]
    [InlineData("2024-9")]
    [InlineData("24-09")]
    [InlineData("September 2024")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_BadText_FailsWithPeriodInvalid(string? text)
    {
        var r = Period.Parse(text);
        Assert.False(r.IsSuccess);
        Assert.Equal("PERIOD_INVALID", r.Errors.Single().Code);
    }
}
