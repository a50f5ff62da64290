namespace Embassy.Domain.Tests;

public sealed class Utf16RepairTests
{
    [Theory]
    [InlineData("{\"b\":\"half \\ud83d emoji\"}", "{\"b\":\"half \\uFFFD emoji\"}", 1)]
    [InlineData("{\"b\":\"low \\ude00 first\"}", "{\"b\":\"low \\uFFFD first\"}", 1)]
    [InlineData("{\"b\":\"pair \\ud83d\\ude00 stays\"}", "{\"b\":\"pair \\ud83d\\ude00 stays\"}", 0)]
    [InlineData("{\"b\":\"two highs \\uD83D\\uD83D\\uDE00\"}", "{\"b\":\"two highs \\uFFFD\\uD83D\\uDE00\"}", 1)]
    [InlineData("{\"b\":\"escaped backslash \\\\ud83d is text\"}", "{\"b\":\"escaped backslash \\\\ud83d is text\"}", 0)]
    [InlineData("{\"b\":\"at the end \\ud83d\"}", "{\"b\":\"at the end \\uFFFD\"}", 1)]
    [InlineData("{\"b\":\"cut \\ud83", "{\"b\":\"cut \\ud83", 0)]
    [InlineData("", "", 0)]
    public void RepairJson_ReplacesLoneSurrogateEscapes_AndLeavesPairsAndTextAlone(string json, string expected, int count)
    {
        var repaired = Utf16Repair.RepairJson(json, out var n);

        Assert.Equal((expected, count), (repaired, n));
    }

    [Fact]
    public void RepairJson_RawLoneSurrogateCharacters_BecomeReplacementCharacters()
    {
        var repaired = Utf16Repair.RepairJson("{\"b\":\"a\ud83db\ud83d\ude00c\ude00\"}", out var n);

        Assert.Equal(("{\"b\":\"a\uFFFDb\ud83d\ude00c\uFFFD\"}", 2), (repaired, n));
    }

    [Fact]
    public void Repair_PlainText_ReplacesOnlyUnpairedSurrogates()
    {
        Assert.Equal(("x\uFFFD🎉\uFFFD", 2), (Utf16Repair.Repair("x\ud83d🎉\ude00", out var n), n));
        var clean = "no surrogates here 🎉";
        Assert.Same(clean, Utf16Repair.Repair(clean, out var none));
        Assert.Equal(0, none);
    }

    [Fact]
    public void RepairJson_RandomText_NeverThrows_AndLeavesNoLoneSurrogateEscapeOrCharacter()
    {
        var random = new Random(11);
        const string alphabet = "\\u\"dD8eEaAfF0123 {}:,";
        for (var i = 0; i < 5000; i++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var k = 0; k < chars.Length; k++)
            {
                chars[k] = random.Next(10) == 0 ? (char)random.Next(0xD800, 0xE000) : alphabet[random.Next(alphabet.Length)];
            }

            var repaired = Utf16Repair.RepairJson(new string(chars), out _);

            Assert.Equal(0, CountLone(repaired));
        }
    }

    private static int CountLone(string s)
    {
        var lone = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                lone++;
            }
        }

        return lone;
    }
}
