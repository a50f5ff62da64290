using FsCheck;
using FsCheck.Fluent;

namespace Embassy.Chain.Tests;

public class Base58Tests
{
    [Fact]
    public void Encode_RandomBytes_MatchesSimpleBaseBitcoinAlphabet()
    {
        Prop.ForAll<byte[]>(bytes =>
        {
            var ours = Base58.Encode(bytes);
            var theirs = SimpleBase.Base58.Bitcoin.Encode(bytes);
            return ours == theirs;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TryDecode_EncodedBytes_RoundTripsIncludingLeadingZeros()
    {
        Prop.ForAll<byte[]>(bytes =>
        {
            if (bytes.Length > 60)
            {
                bytes = bytes[..60];
            }

            var text = Base58.Encode(bytes);
            Span<byte> output = stackalloc byte[Base58.MaxTextLength];
            var length = Base58.TryDecode(text, output);
            return length == bytes.Length && output[..length].SequenceEqual(bytes);
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("00", "1")]
    [InlineData("0000", "11")]
    [InlineData("61", "2g")]
    [InlineData("626262", "a3gV")]
    [InlineData("636363", "aPEr")]
    [InlineData("00eb15231dfceb60925886b67d065299925915aeb172c06647", "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L")]
    public void Encode_KnownVector_MatchesBitcoinBase58(string hex, string expected)
    {
        Assert.Equal(expected, Base58.Encode(Convert.FromHexString(hex)));
    }

    [Fact]
    public void FirstBadCharacter_ConfusableCharacters_AreOutsideTheAlphabet()
    {
        Assert.Equal(0, Base58.FirstBadCharacter(Base58.Alphabet));
        Assert.Equal(3, Base58.FirstBadCharacter("ab0c"));
        Assert.Equal(1, Base58.FirstBadCharacter("Oab"));
        Assert.Equal(2, Base58.FirstBadCharacter("aIb"));
        Assert.Equal(4, Base58.FirstBadCharacter("abcl"));
        Assert.Equal(2, Base58.FirstBadCharacter("a\u00e9"));
    }
}
