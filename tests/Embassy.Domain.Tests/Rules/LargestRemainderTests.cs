using System.Numerics;
using Embassy.Domain.Rules;
using FsCheck;
using FsCheck.Fluent;

namespace Embassy.Domain.Tests.Rules;

/// <summary>
/// R5 largest remainder against a plain reference (BigInteger, LINQ sort), on both of its paths: small weight sums
/// (remainder and key packed into one integer) and sums too large to pack (composite entries).
/// </summary>
public class LargestRemainderTests
{
    [Fact]
    public void Split_TiesGoToTheSmallerKey_WhateverTheInputOrder()
    {
        // 10 over three equal weights: 3 each and one unit left; the three remainders tie, "a" gets it.
        var parts = LargestRemainder.Split(10, [1, 1, 1], ["c", "a", "b"]);

        Assert.Equal([(UInt128)3, 4, 3], parts);
    }

    [Fact]
    public void Split_LargestRemainderWins_BeforeTheKey()
    {
        // 100 × 1/6 = 16.67 and 100 × 5/6 = 83.33: "z" has the larger remainder and takes the unit.
        var parts = LargestRemainder.Split(100, [5, 1], ["a", "z"]);

        Assert.Equal([(UInt128)83, 17], parts);
    }

    [Fact]
    public void Split_HugeWeights_TakeTheUnpackedPathAndStayExact()
    {
        var big = (UInt128)ulong.MaxValue * 1_000;
        var parts = LargestRemainder.Split(7, [big, big, big + 1], ["b", "a", "c"]);

        Assert.Equal(Reference(7, [big, big, big + 1], ["b", "a", "c"]), parts);
        Assert.Equal((UInt128)7, parts[0] + parts[1] + parts[2]);
    }

    [Fact]
    public void Split_AllWeightsZero_GivesNothing()
    {
        Assert.Equal([(UInt128)0, 0], LargestRemainder.Split(50, [0, 0], ["a", "b"]));
    }

    [Fact]
    public void Split_MatchesTheReference_SmallAndHugeWeights()
    {
        var gen =
            from n in Gen.OneOf(Gen.Choose(1, 60), Gen.Choose(61, 3_000)) // small ones sort; large ones select
            from huge in Gen.Elements(false, true)
            from weights in Gen.ArrayOf(Gen.Choose(0, 9), n)
            from total in Gen.Choose(0, 100_000)
            from order in Gen.Shuffle(Enumerable.Range(0, n).ToArray())
            select (
                Total: (UInt128)(ulong)total,
                Weights: weights.Select(w => huge ? (UInt128)w << 70 | (UInt128)(ulong)w : (UInt128)(ulong)w).ToArray(),
                Keys: order.Select(i => $"k{i:D4}").ToArray());

        Prop.ForAll(Arb.From(gen), c =>
        {
            var parts = LargestRemainder.Split(c.Total, c.Weights, c.Keys);
            var expected = Reference(c.Total, c.Weights, c.Keys);
            return parts.SequenceEqual(expected);
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>R5 read literally: floor each share, then one unit each to the largest remainders, ties by key.</summary>
    private static UInt128[] Reference(UInt128 total, UInt128[] weights, string[] keys)
    {
        var sum = weights.Aggregate(BigInteger.Zero, (a, w) => a + (BigInteger)w);
        if (sum.IsZero)
        {
            return new UInt128[weights.Length];
        }

        var exact = weights.Select(w => (BigInteger)total * (BigInteger)w).ToArray();
        var parts = exact.Select(e => BigInteger.Divide(e, sum)).ToArray();
        var leftover = (BigInteger)total - parts.Aggregate(BigInteger.Zero, (a, p) => a + p);
        var order = Enumerable.Range(0, weights.Length)
            .OrderByDescending(i => BigInteger.Remainder(exact[i], sum))
            .ThenBy(i => keys[i], StringComparer.Ordinal)
            .Take((int)leftover);
        foreach (var i in order)
        {
            parts[i] += 1;
        }

        return parts.Select(p => (UInt128)p).ToArray();
    }
}
