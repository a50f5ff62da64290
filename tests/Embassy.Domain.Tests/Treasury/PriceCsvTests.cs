using Embassy.Domain.Treasury;

namespace Embassy.Domain.Tests.Treasury;

public class PriceCsvTests
{
    [Fact]
    public void Parse_GoodFile_ReadsEveryMonthWithSourceAndDate()
    {
        const string csv = "period,price,source,date\n2024-08,0.1102,CoinGecko monthly close,2024-08-31\r\n2024-09,\"0.1234\",\"Kraken, daily close\",2024-09-30\n";

        var result = PriceCsv.Parse(csv, Token.Pha, "prices.csv");

        Assert.True(result.IsSuccess, string.Join("; ", result.Diagnostics));
        Assert.Equal(2, result.Value.Count);
        var sep = result.Value[1];
        Assert.Equal((new Period(2024, 9), "0.1234", "Kraken, daily close", new DateOnly(2024, 9, 30)), (sep.Period, sep.Price.Format(), sep.Source, sep.Date));
    }

    [Fact]
    public void Parse_ColumnsInAnyOrderWithExtras_AreRead()
    {
        const string csv = "\uFEFFdate,note,Price,Period,Source\n2024-09-30,x,0.5,2024-09,manual\n";

        var result = PriceCsv.Parse(csv, Token.Pha);

        Assert.Equal("0.5", result.Value.Single().Price.Format());
    }

    [Fact]
    public void Parse_BadRows_GiveLineNumberedErrors()
    {
        const string csv = "period,price,source,date\n2024-13,0.1,a,2024-09-30\n\n2024-09,zero,a,2024-09-30\n2024-10,0.1,,2024-10-31\n2024-11,0.1,a,30/11/2024\n";

        var result = PriceCsv.Parse(csv, Token.Pha, "prices.csv");

        Assert.False(result.IsSuccess);
        var lines = result.Errors.Select(e => (e.Position!.Value.Line, e.Code)).ToArray();
        Assert.Equal(
            [(2, TreasuryCodes.PriceCsvRow), (4, TreasuryCodes.PriceInvalid), (5, TreasuryCodes.PriceCsvRow), (6, TreasuryCodes.PriceCsvRow)],
            lines);
        Assert.All(result.Errors, e => Assert.Equal("prices.csv", e.Position!.Value.Source));
        Assert.StartsWith("prices.csv:4: error PRICE_INVALID", result.Errors.ElementAt(1).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TwoPricesForOneMonth_IsAnErrorOnTheSecond()
    {
        const string csv = "period,price,source,date\n2024-09,0.1,a,2024-09-30\n2024-09,0.2,b,2024-09-30\n";

        var e = PriceCsv.Parse(csv, Token.Pha).Errors.Single();

        Assert.Equal((TreasuryCodes.PriceCsvDuplicate, 3), (e.Code, e.Position!.Value.Line));
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("period,price,date\n2024-09,0.1,2024-09-30\n")]
    public void Parse_MissingHeader_IsAnError(string csv)
    {
        Assert.Equal(TreasuryCodes.PriceCsvHeader, PriceCsv.Parse(csv, Token.Pha).Errors.Single().Code);
    }

    [Fact]
    public void Parse_UnclosedQuote_IsAnError()
    {
        const string csv = "period,price,source,date\n2024-09,0.1,\"open,2024-09-30\n";

        var e = PriceCsv.Parse(csv, Token.Pha).Errors.Single();

        Assert.Equal((TreasuryCodes.PriceCsvRow, 2), (e.Code, e.Position!.Value.Line));
    }

    [Fact]
    public void Parse_NeverThrows_OnRandomText()
    {
        FsCheck.Check.QuickThrowOnFailure(FsCheck.Fluent.Prop.ForAll<string>(text =>
        {
            var result = PriceCsv.Parse("period,price,source,date\n" + text, Token.Pha);
            return result.IsSuccess || result.Errors.Any();
        }));
    }
}
