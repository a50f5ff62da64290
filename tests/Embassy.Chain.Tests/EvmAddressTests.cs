using Embassy.Domain;
using FsCheck;
using FsCheck.Fluent;

namespace Embassy.Chain.Tests;

public class EvmAddressTests
{
    // The test vectors published in EIP-55 itself.
    public static TheoryData<string> Eip55Vectors => new()
    {
        "0x52908400098527886E0F7030069857D2E4169EE7",
        "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
        "0xde709f2102306220921060314715629080e2fb77",
        "0x27b1fdb04752bbc536007a920d24acb045561c26",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    };

    [Theory]
    [MemberData(nameof(Eip55Vectors))]
    public void ToChecksum_Eip55Vector_ReproducesIt(string vector)
    {
        var bytes = Convert.FromHexString(vector[2..]);

        Assert.Equal(vector, EvmAddress.ToChecksum(bytes));
    }

    [Theory]
    [MemberData(nameof(Eip55Vectors))]
    public void Parse_Eip55Vector_IsValidWithoutWarning(string vector)
    {
        var result = EvmAddress.Parse(vector);

        Assert.True(result.IsSuccess);
        Assert.Equal(vector, result.Value.Text);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Parse_AllLowerCase_NormalizesWithWarning()
    {
        var result = EvmAddress.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");

        Assert.True(result.IsSuccess);
        Assert.Equal("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", result.Value.Text);
        Assert.Equal(ChainCodes.EvmNormalized, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Parse_AllUpperCase_NormalizesWithWarning()
    {
        var result = EvmAddress.Parse("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED");

        Assert.True(result.IsSuccess);
        Assert.Equal("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", result.Value.Text);
        Assert.Equal(ChainCodes.EvmNormalized, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Parse_MixedCaseWrongChecksum_ReturnsEvmBadChecksum()
    {
        // One letter's case flipped in a correctly checksummed address.
        var result = EvmAddress.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD");

        Assert.Equal(ChainCodes.EvmBadChecksum, Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("", ChainCodes.AddressEmpty)]
    [InlineData("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", ChainCodes.EvmMissingPrefix)]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA", ChainCodes.EvmBadLength)]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg", ChainCodes.EvmBadCharacter)]
    [InlineData("0x0000000000000000000000000000000000000000", ChainCodes.EvmZeroAddress)]
    [InlineData("0x21f8a1a9d638d83cb01b735bdd1edd3b2fa986a25a1c06e115be8acacec5a6ef", ChainCodes.AddressIsHexKey)]
    [InlineData("41PLCEdup7XdUH4hsik4hyFoihDRYKfpN2K48jZH8ehL2tP2", ChainCodes.AddressIsSs58)]
    public void Parse_BadInput_ReturnsSpecificCode(string input, string code)
    {
        Assert.Equal(code, Assert.Single(EvmAddress.Parse(input).Errors).Code);
    }

    [Fact]
    public void Parse_BadCharacter_GivesItsPosition()
    {
        var error = Assert.Single(EvmAddress.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg").Errors);

        Assert.Equal(42, error.Position!.Value.Column);
    }

    [Fact]
    public void Parse_PhaTokenContract_IsAlreadyChecksummed()
    {
        var result = EvmAddress.Parse(EvmTokenProfile.PhaOnEthereum.Contract.Text);

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void ToChecksum_RandomAddresses_AgreesWithIsValidAndParse()
    {
        Prop.ForAll<byte[]>(seed =>
        {
            var bytes = new byte[20];
            seed.AsSpan(0, Math.Min(seed.Length, 20)).CopyTo(bytes);
            bytes[19] |= 1; // never the zero address
            var text = EvmAddress.ToChecksum(bytes);
            var parsed = EvmAddress.Parse(text);
            return parsed.IsSuccess && parsed.Diagnostics.Count == 0 && EvmAddress.IsValid(text)
                && EvmAddress.IsValid(text.ToLowerInvariant())
                && EvmAddress.IsValid("0x" + text[2..].ToUpperInvariant())
                && parsed.Value.Bytes.ToArray().AsSpan().SequenceEqual(bytes);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Parse_SurroundingWhitespace_TrimsWithWarning()
    {
        var result = EvmAddress.Parse(" 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\t");

        Assert.True(result.IsSuccess);
        Assert.Equal(ChainCodes.AddressTrimmed, Assert.Single(result.Diagnostics).Code);
        Assert.Equal(Severity.Warning, result.Diagnostics[0].Severity);
    }
}
