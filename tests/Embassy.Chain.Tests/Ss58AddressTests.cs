using Embassy.Domain;

namespace Embassy.Chain.Tests;

public class Ss58AddressTests
{
    // Seed 000: the program's treasury account on Phala.
    private const string Treasury = "41PLCEdup7XdUH4hsik4hyFoihDRYKfpN2K48jZH8ehL2tP2";

    [Fact]
    public void Parse_TreasuryOfSeed000_DecodesAndReencodesIdentically()
    {
        var result = Ss58Address.Parse(Treasury, ChainProfile.PhalaPrefix);

        Assert.True(result.IsSuccess, string.Join("; ", result.Diagnostics));
        var address = result.Value;
        Assert.Equal(30, address.Prefix);
        Assert.Equal(32, address.PublicKey.Length);
        Assert.Equal(Treasury, address.Text);
        Assert.Equal(Treasury, Ss58Address.Encode(address.PublicKey.Span, 30));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Encode_ThenParse_RoundTripsForOneAndTwoBytePrefixes()
    {
        var key = new byte[32];
        for (var i = 0; i < key.Length; i++)
        {
            key[i] = (byte)(i * 7 + 3);
        }

        foreach (ushort prefix in new ushort[] { 0, 2, 30, 42, 63, 64, 255, 1284, 16383 })
        {
            var text = Ss58Address.Encode(key, prefix);
            var parsed = Ss58Address.Parse(text);
            Assert.True(parsed.IsSuccess, $"prefix {prefix}: {string.Join("; ", parsed.Diagnostics)}");
            Assert.Equal(prefix, parsed.Value.Prefix);
            Assert.Equal(key, parsed.Value.PublicKey.ToArray());
        }
    }

    [Fact]
    public void Parse_Empty_ReturnsAddressEmpty()
    {
        Assert.Equal(ChainCodes.AddressEmpty, FirstError(Ss58Address.Parse("   ")));
        Assert.Equal(ChainCodes.AddressEmpty, FirstError(Ss58Address.Parse(null)));
    }

    [Fact]
    public void Parse_EthereumAddress_ReturnsAddressIsEvm()
    {
        Assert.Equal(ChainCodes.AddressIsEvm, FirstError(Ss58Address.Parse("0x8f580B1d8Bd9BE9B8A55df5dC9B6EB53A06697ff", 30)));
    }

    [Fact]
    public void Parse_HexPublicKey_ReturnsAddressIsHexKey()
    {
        var key = Ss58Address.Parse(Treasury).Value.PublicKeyHex;
        Assert.Equal(ChainCodes.AddressIsHexKey, FirstError(Ss58Address.Parse(key, 30)));
        Assert.Equal(ChainCodes.AddressIsHexKey, FirstError(Ss58Address.Parse(key[2..], 30)));
    }

    [Theory]
    [InlineData('0')]
    [InlineData('O')]
    [InlineData('I')]
    [InlineData('l')]
    public void Parse_CharacterOutsideAlphabet_ReturnsBadCharacterWithPosition(char bad)
    {
        var typed = Treasury[..10] + bad + Treasury[11..];

        var result = Ss58Address.Parse(typed, 30);

        var error = Assert.Single(result.Errors);
        Assert.Equal(ChainCodes.AddressBadCharacter, error.Code);
        Assert.Equal(11, error.Position!.Value.Column);
        Assert.Contains("position 11", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingCharacter_ReturnsBadLength()
    {
        Assert.Equal(ChainCodes.AddressBadLength, FirstError(Ss58Address.Parse(Treasury[..^3], 30)));
        Assert.Equal(ChainCodes.AddressBadLength, FirstError(Ss58Address.Parse(Treasury + "abc", 30)));
    }

    [Fact]
    public void Parse_WrongChecksum_ReturnsBadChecksum()
    {
        // Swap two different characters in the middle: same length, same alphabet, wrong checksum.
        var chars = Treasury.ToCharArray();
        (chars[20], chars[21]) = (chars[21], chars[20]);
        Assert.NotEqual(chars[20], chars[21]);

        Assert.Equal(ChainCodes.BadChecksum, FirstError(Ss58Address.Parse(new string(chars), 30)));
    }

    [Fact]
    public void Parse_PolkadotAddress_ReturnsOtherNetworkNamingIt()
    {
        var key = Ss58Address.Parse(Treasury).Value.PublicKey.Span;
        var polkadot = Ss58Address.Encode(key, 0);

        var result = Ss58Address.Parse(polkadot, 30);

        var error = Assert.Single(result.Errors);
        Assert.Equal(ChainCodes.AddressOtherNetwork, error.Code);
        Assert.Contains("Polkadot address (prefix 0)", error.Message, StringComparison.Ordinal);
        Assert.Contains("starts with 4 or 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SurroundingWhitespace_TrimsWithWarning()
    {
        var result = Ss58Address.Parse("  " + Treasury + "\n", 30);

        Assert.True(result.IsSuccess);
        Assert.Equal(Treasury, result.Value.Text);
        Assert.Equal(ChainCodes.AddressTrimmed, Assert.Single(result.Diagnostics).Code);
        Assert.Equal(Severity.Warning, result.Diagnostics[0].Severity);
    }

    [Theory]
    [InlineData(46)]
    [InlineData(47)]
    public void Parse_ReservedPrefixWithValidChecksum_ReturnsReservedPrefix(byte prefix)
    {
        Assert.Equal(ChainCodes.AddressReservedPrefix, FirstError(Ss58Address.Parse(RawAddress([prefix]))));
    }

    [Fact]
    public void Parse_FirstByteWithTopBitSet_ReturnsReservedPrefix()
    {
        Assert.Equal(ChainCodes.AddressReservedPrefix, FirstError(Ss58Address.Parse(RawAddress([0x80, 0x00]))));
    }

    [Fact]
    public void Encode_ReservedPrefix_Throws()
    {
        Assert.Throws<ArgumentException>(() => Ss58Address.Encode(new byte[32], 46));
        Assert.Throws<ArgumentException>(() => Ss58Address.Encode(new byte[32], 16384));
        Assert.Throws<ArgumentException>(() => Ss58Address.Encode(new byte[31], 30));
    }

    [Fact]
    public void Parse_AccountIndexLengthAddress_ReturnsBadLength()
    {
        // SS58 also encodes 1-, 2-, 4- and 8-byte account indices; a payout needs a 32-byte account id.
        Assert.Equal(ChainCodes.AddressBadLength, FirstError(Ss58Address.Parse(RawAddress([30], keyLength: 4))));
    }

    // Builds base58(prefix bytes ‖ key ‖ first two bytes of BLAKE2b-512("SS58PRE" ‖ prefix ‖ key)).
    private static string RawAddress(byte[] prefixBytes, int keyLength = 32)
    {
        var payload = prefixBytes.Concat(Enumerable.Range(1, keyLength).Select(i => (byte)i)).ToArray();
        var hash = new byte[64];
        ChainHashes.Blake2b512("SS58PRE"u8.ToArray().Concat(payload).ToArray(), hash);
        return Base58.Encode([.. payload, hash[0], hash[1]]);
    }

    private static string FirstError<T>(Result<T> result) => result.Errors.First().Code;
}
