namespace Embassy.Domain.Tests;

public class TokenAmountTests
{
    [Theory]
    [InlineData("8,178.333333333333", "8178333333333333")]
    [InlineData("8178.333333333333", "8178333333333333")]
    [InlineData("0.01", "10000000000")]
    [InlineData("84,000", "84000000000000000")]
    [InlineData("84000 PHA", "84000000000000000")]
    [InlineData("0.000000000001", "1")]
    [InlineData(".5", "500000000000")]
    [InlineData(" 1 ", "1000000000000")]
    public void Parse_HumanAmount_GivesExactUnits(string text, string units)
    {
        var result = TokenAmount.Parse(text, Token.Pha);
        Assert.True(result.IsSuccess, string.Join("; ", result.Diagnostics));
        Assert.Equal(UInt128.Parse(units, System.Globalization.CultureInfo.InvariantCulture), result.Value.Units);
    }

    [Theory]
    [InlineData("1.0000000000001", "AMOUNT_TOO_MANY_DECIMALS")]
    [InlineData("-5", "AMOUNT_NEGATIVE")]
    [InlineData("", "AMOUNT_EMPTY")]
    [InlineData(null, "AMOUNT_EMPTY")]
    [InlineData("abc", "AMOUNT_INVALID")]
    [InlineData("1,00", "AMOUNT_INVALID")]
    [InlineData("1.2.3", "AMOUNT_INVALID")]
    [InlineData("1e5", "AMOUNT_INVALID")]
    [InlineData("12.", "AMOUNT_INVALID")]
    [InlineData("NaN", "AMOUNT_INVALID")]
    [InlineData("999999999999999999999999999999", "AMOUNT_TOO_LARGE")]
    public void Parse_BadText_GivesClearError(string? text, string code)
    {
        var result = TokenAmount.Parse(text, Token.Pha);
        Assert.False(result.IsSuccess);
        Assert.Equal(code, result.Errors.Single().Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Errors.Single().Message));
    }

    [Theory]
    [InlineData("8178333333333333", "8,178.333333333333")]
    [InlineData("10000000000", "0.01")]
    [InlineData("84000000000000000", "84,000")]
    [InlineData("0", "0")]
    [InlineData("1", "0.000000000001")]
    [InlineData("1234567000000000000000", "1,234,567,000")]
    public void Format_Units_GivesGroupedTrimmedText(string units, string expected)
    {
        var amount = Token.Pha.Units(UInt128.Parse(units, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, amount.Format());
        Assert.Equal(expected.Replace(",", "", StringComparison.Ordinal), amount.Format(grouped: false));
    }

    [Fact]
    public void FormatThenParse_RoundTripsForRandomAmounts()
    {
        FsCheck.Check.QuickThrowOnFailure(FsCheck.Fluent.Prop.ForAll<ulong, ulong>((hi, lo) =>
        {
            var units = ((UInt128)(hi >> 20) << 64) | lo;
            foreach (var token in new[] { Token.Pha, new Token("ETHPHA", 18), new Token("X", 0) })
            {
                var a = token.Units(units);
                if (TokenAmount.Parse(a.Format(), token).Value != a || TokenAmount.Parse(a.Format(false), token).Value != a)
                {
                    return false;
                }
            }

            return true;
        }));
    }

    [Fact]
    public void Arithmetic_IsExactAndRefusesNegativeAndMixedTokens()
    {
        var a = Token.Pha.Whole(3);
        var b = Token.Pha.Units(1);
        Assert.Equal(Token.Pha.Units(3_000_000_000_001), a + b);
        Assert.Throws<OverflowException>(() => b - a);
        Assert.Throws<ArgumentException>(() => a + new Token("ETH", 18).Whole(1));
    }

    [Theory]
    [InlineData(18, 4, "38338044743307901234567", "38,338.0447", true)]
    [InlineData(18, 4, "38338040000000000000000", "38,338.04", false)]
    [InlineData(18, 4, "38338000000000000000000", "38,338", false)]
    [InlineData(12, 4, "99999", "0", true)]
    [InlineData(12, 2, "8178333333333333", "8,178.33", true)]
    [InlineData(12, 12, "8178333333333333", "8,178.333333333333", false)]
    [InlineData(6, 9, "1234567", "1.234567", false)] // never more decimals than the token has
    public void Display_CutsToTheTokensDisplayDecimals_AndTrimsZeros(int decimals, int display, string units, string shown, bool cut)
    {
        var amount = new Token("PHA", decimals, display).Units(UInt128.Parse(units, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal((shown, cut), (amount.Display(), amount.IsCutForDisplay));
    }

    [Fact]
    public void Token_DisplayDecimals_AreNotPartOfItsIdentity()
    {
        var shownTwo = new Token("PHA", 12, 2);

        Assert.Equal(Token.Pha, shownTwo);
        Assert.Equal(Token.Pha.GetHashCode(), shownTwo.GetHashCode());
        Assert.NotEqual(Token.Pha, new Token("PHA", 18));
        Assert.Equal(Token.Pha.Whole(3), shownTwo.Whole(3));
        Assert.Equal(Token.DefaultDisplayDecimals, Token.Pha.DisplayDecimals);
    }
}
