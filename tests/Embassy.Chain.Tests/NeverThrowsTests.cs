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
    public void Parse_EverySingleCharacterTypo_NeverThrowsAndIsRejected()
    {
        // Exhaustive rather than sampled, so the outcome is the same on every run.
        var alphabet = Base58.Alphabet + "0OIl x\u00e9";
        var rejected = 0;
        for (var at = 0; at < Treasury.Length; at++)
        {
            foreach (var c in alphabet)
            {
                if (c == Treasury[at])
                {
                    continue;
                }

                var typed = Treasury[..at] + c + Treasury[(at + 1)..];
                Assert.False(Ss58Address.Parse(typed, 30).IsSuccess, typed);
                rejected++;
            }
        }

        Assert.Equal(Treasury.Length * (alphabet.Length - 1), rejected);
    }

    [Fact]
    public void Parse_VeryLongInput_ReturnsBadLength()
    {
        var result = Ss58Address.Parse(string.Concat(Enumerable.Repeat(Treasury, 5)));

        Assert.Equal(ChainCodes.AddressBadLength, result.Errors.Single().Code);
    }
}
