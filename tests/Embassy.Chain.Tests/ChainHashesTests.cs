using System.Text;

namespace Embassy.Chain.Tests;

/// <summary>The hash primitives against their published vectors.</summary>
public class ChainHashesTests
{
    [Fact]
    public void Blake2b512_Abc_MatchesRfc7693AppendixA()
    {
        Span<byte> hash = stackalloc byte[64];
        ChainHashes.Blake2b512("abc"u8, hash);

        Assert.Equal(
            "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
            Convert.ToHexStringLower(hash));
    }

    [Fact]
    public void Blake2b256_Empty_MatchesReferenceVector()
    {
        Span<byte> hash = stackalloc byte[32];
        ChainHashes.Blake2b256([], hash);

        Assert.Equal("0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8", Convert.ToHexStringLower(hash));
    }

    [Theory]
    [InlineData("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    public void Keccak256_KnownInput_MatchesPublishedVector(string input, string expected)
    {
        Span<byte> hash = stackalloc byte[32];
        ChainHashes.Keccak256(Encoding.ASCII.GetBytes(input), hash);

        Assert.Equal(expected, Convert.ToHexStringLower(hash));
    }

    [Fact]
    public void Keccak256_TransferSignature_GivesTheErc20Selector()
    {
        Span<byte> hash = stackalloc byte[32];
        ChainHashes.Keccak256("transfer(address,uint256)"u8, hash);

        Assert.Equal(EvmPayout.TransferSelector.ToArray(), hash[..4].ToArray());
    }

    [Fact]
    public void Blake2b512_ReusedAcrossCalls_GivesTheSameDigest()
    {
        Span<byte> first = stackalloc byte[64];
        Span<byte> second = stackalloc byte[64];
        ChainHashes.Blake2b512("SS58PRE"u8, first);
        ChainHashes.Blake2b512("other input"u8, second);
        ChainHashes.Blake2b512("SS58PRE"u8, second);

        Assert.Equal(first.ToArray(), second.ToArray());
    }
}
