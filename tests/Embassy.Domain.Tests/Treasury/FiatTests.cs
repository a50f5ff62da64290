using System.Globalization;
using Embassy.Domain.Treasury;
using static Embassy.Domain.Tests.Treasury.TreasuryTestData;

namespace Embassy.Domain.Tests.Treasury;

public class FiatTests
{
    [Theory]
    [InlineData("2000", "2,000.00")]
    [InlineData("2,000 $", "2,000.00")]
    [InlineData("$2,000.50", "2,000.50")]
    [InlineData("2000 USD", "2,000.00")]
    [InlineData("0.125", "0.125")]
    [InlineData(".5", "0.50")]
    public void UsdAmount_Parse_ReadsExactDollars(string text, string formatted)
    {
        var result = UsdAmount.Parse(text);

        Assert.True(result.IsSuccess, string.Join("; ", result.Diagnostics));
        Assert.Equal(formatted, result.Value.Format());
    }

    [Theory]
    [InlineData("")]
    [InlineData("-5")]
    [InlineData("2e3")]
    [InlineData("1,00")]
    [InlineData("12.")]
    [InlineData("NaN")]
    [InlineData("0.0000000000000000001")]
    public void UsdAmount_Parse_BadText_IsAnError(string text)
    {
        Assert.Equal(TreasuryCodes.UsdInvalid, UsdAmount.Parse(text).Errors.Single().Code);
    }

    [Fact]
    public void UsdAmount_EqualValuesWrittenDifferently_AreEqual()
    {
        Assert.Equal(UsdAmount.Parse("2000.00").Value, UsdAmount.Dollars(2000));
        Assert.Equal(UsdAmount.Cents(150), UsdAmount.Parse("1.5").Value);
        Assert.True(UsdAmount.Parse("1999.999").Value < UsdAmount.Dollars(2000));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.000")]
    [InlineData("-0.12")]
    [InlineData("abc")]
    public void TokenPrice_Parse_ZeroNegativeOrText_IsAnError(string text)
    {
        Assert.Equal(TreasuryCodes.PriceInvalid, TokenPrice.Parse(text, Token.Pha).Errors.Single().Code);
    }

    [Fact]
    public void TokensWorth_TwoThousandDollarsAtAPrice_IsFlooredToThePlanck()
    {
        // 2,000 / 0.1234 = 16,207.455429497568881685… PHA; 12 decimals keep …568 and drop the rest.
        var price = TokenPrice.Parse("0.1234", Token.Pha).Value;

        var amount = price.TokensWorth(UsdAmount.Dollars(2000));

        Assert.Equal(UInt128.Parse("16207455429497568", CultureInfo.InvariantCulture), amount.Units);
        Assert.Equal("16,207.455429497568 PHA", amount.ToString());
    }

    [Fact]
    public void TokensWorth_OnAnEighteenDecimalToken_UsesItsUnits()
    {
        var erc20 = new Token("PHA", 18);
        var price = TokenPrice.Parse("0.5", erc20).Value;

        Assert.Equal(erc20.Whole(4000), price.TokensWorth(UsdAmount.Dollars(2000)));
    }

    [Fact]
    public void WorthOf_IsExact()
    {
        var price = TokenPrice.Parse("0.1234", Token.Pha).Value;

        Assert.Equal("1,234.00", price.WorthOf(Pha(10_000)).Format());
        Assert.Equal("0.0000000000001234", price.WorthOf(Token.Pha.Units(1)).Format());
    }

    [Fact]
    public void Property_TokensWorth_IsTheLargestAmountNotAboveTheDollars()
    {
        FsCheck.Check.QuickThrowOnFailure(FsCheck.Fluent.Prop.ForAll<uint, uint>((cents, priceMillionths) =>
        {
            var usd = UsdAmount.Cents(cents);
            var price = TokenPrice.Parse(((priceMillionths + 1UL) / 1_000_000m).ToString(CultureInfo.InvariantCulture), Token.Pha).Value;
            var amount = price.TokensWorth(usd);
            return price.WorthOf(amount) <= usd && price.WorthOf(amount + Token.Pha.Units(1)) > usd;
        }));
    }

    [Fact]
    public void Cap_BelowTheCap_LeavesAmountsAndSaysNothing()
    {
        var sep = new Period(2024, 9);
        var rule = new FiatCapRule("senior bounties", UsdAmount.Dollars(2000), CapMode.Clamp);

        var result = FiatCap.Apply(rule, sep, [("alice", Pha(8_000)), ("bob", Pha(8_000))], [Price(sep, "0.1234")], Token.Pha);

        Assert.True(result.IsSuccess);
        Assert.Empty(result.Diagnostics);
        Assert.False(result.Value.Exceeded);
        Assert.All(result.Value.Lines, l => Assert.Equal(l.Requested, l.Paid));
    }

    [Fact]
    public void Cap_AboveTheCap_InFlagMode_KeepsAmountsAndWarns()
    {
        var sep = new Period(2024, 9);
        var rule = new FiatCapRule("senior bounties", UsdAmount.Dollars(2000), CapMode.Flag);

        var result = FiatCap.Apply(rule, sep, [("alice", Pha(10_000)), ("bob", Pha(10_000))], [Price(sep, "0.1234")], Token.Pha);

        Assert.True(result.IsSuccess);
        var w = Assert.Single(result.Diagnostics);
        Assert.Equal(TreasuryCodes.CapExceeded, w.Code);
        Assert.Contains("worth 2,468.00 USD", w.Message, StringComparison.Ordinal);
        Assert.Contains("CoinGecko monthly close 2024-09-30", w.Message, StringComparison.Ordinal);
        Assert.True(result.Value.Exceeded);
        Assert.Equal(Pha(20_000), result.Value.PaidTotal);
    }

    [Fact]
    public void Cap_AboveTheCap_InClampMode_SharesTheCapExactlyByAmount()
    {
        var sep = new Period(2024, 9);
        var rule = new FiatCapRule("senior bounties", UsdAmount.Dollars(2000), CapMode.Clamp);

        var result = FiatCap.Apply(rule, sep, [("alice", Pha(15_000)), ("bob", Pha(5_000)), ("carol", Pha(10_000))], [Price(sep, "0.1234")], Token.Pha);

        Assert.Equal(TreasuryCodes.CapClamped, result.Diagnostics.Single().Code);
        var outcome = result.Value;
        Assert.Equal(outcome.CapInTokens, outcome.PaidTotal);
        Assert.Equal(UInt128.Parse("16207455429497568", CultureInfo.InvariantCulture), outcome.PaidTotal.Units);
        Assert.All(outcome.Lines, l => Assert.True(l.Paid <= l.Requested));
        var alice = outcome.Lines.Single(l => l.Key == "alice").Paid.Units;
        var bob = outcome.Lines.Single(l => l.Key == "bob").Paid.Units;
        Assert.InRange(alice - 3 * bob, UInt128.Zero, (UInt128)3); // 3 : 1, up to the leftover units
    }

    [Fact]
    public void Cap_WithoutAPriceForTheMonth_IsAnError()
    {
        var rule = new FiatCapRule("senior bounties", UsdAmount.Dollars(2000), CapMode.Clamp);

        var result = FiatCap.Apply(rule, new Period(2024, 10), [("alice", Pha(1))], [Price(new Period(2024, 9), "0.1234")], Token.Pha);

        var e = result.Errors.Single();
        Assert.Equal(TreasuryCodes.PriceMissing, e.Code);
        Assert.Contains("2024-10", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Property_Clamp_PaysExactlyTheCapAndNoLineGrows()
    {
        var sep = new Period(2024, 9);
        var rule = new FiatCapRule("capped", UsdAmount.Dollars(2000), CapMode.Clamp);
        FsCheck.Check.QuickThrowOnFailure(FsCheck.Fluent.Prop.ForAll<uint[]>(amounts =>
        {
            var lines = amounts.Select((a, i) => ($"m{i:D3}", Token.Pha.Units((UInt128)a * 1_000_000_000UL))).ToArray();
            var outcome = FiatCap.Apply(rule, sep, lines, [Price(sep, "0.1234")], Token.Pha).Value;
            var noneGrew = outcome.Lines.All(l => l.Paid <= l.Requested);
            return outcome.Exceeded
                ? noneGrew && outcome.PaidTotal == outcome.CapInTokens
                : noneGrew && outcome.PaidTotal == outcome.RequestedTotal;
        }));
    }

    [Fact]
    public void PriceRecord_Create_ByAnAdmin_NeedsAPriceAndASource()
    {
        var sep = new Period(2024, 9);

        var ok = PriceRecord.Create(sep, "$0.1234", " CoinGecko ", new DateOnly(2024, 9, 30), Token.Pha);
        var bad = PriceRecord.Create(sep, "0", "", new DateOnly(2024, 9, 30), Token.Pha);

        Assert.Equal(("0.1234", "CoinGecko"), (ok.Value.Price.Format(), ok.Value.Source));
        Assert.Equal([TreasuryCodes.PriceInvalid, TreasuryCodes.PriceSourceMissing], bad.Errors.Select(e => e.Code));
    }
}
