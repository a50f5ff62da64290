using Embassy.Domain.Rules;
using FsCheck;
using FsCheck.Fluent;

namespace Embassy.Chain.Tests;

/// <summary>Parsers of what members type never throw (STYLE.md: parse results carry errors instead).</summary>
public class NeverThrowsTests
{
    private const string Treasury = "41PLCEdup7XdUH4hsik4hyFoihDRYKfpN2K48jZH8ehL2tP2";

    [Fact]
    public void Check_AnyString_NeverThrowsAndIsValidOrHasOneError()
    {
        Prop.ForAll<string>(input =>
        {
            foreach (var rail in new[] { PayoutRail.Substrate, PayoutRail.Evm, PayoutRail.Manual })
            {
                var r = AddressCheck.Check(input, rail, 30);
                if (r.Valid == (r.Error is not null))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Parse_MutatedTreasury_NeverThrowsAndOnlyTheOriginalIsValid()
    {
        var alphabet = Base58.Alphabet + "0OIl x\u00e9";
        Prop.ForAll<int, int>((position, replacement) =>
        {
            var at = Math.Abs(position % Treasury.Length);
            var c = alphabet[Math.Abs(replacement % alphabet.Length)];
            var typed = Treasury[..at] + c + Treasury[(at + 1)..];
            var parsed = Ss58Address.Parse(typed, 30);
            return typed == Treasury ? parsed.IsSuccess : !parsed.IsSuccess;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Parse_VeryLongInput_ReturnsBadLength()
    {
        var result = Ss58Address.Parse(string.Concat(Enumerable.Repeat(Treasury, 5)));

        Assert.Equal(ChainCodes.AddressBadLength, result.Errors.Single().Code);
    }
}
