using Embassy.Domain.Rules;
using static Embassy.Domain.Tests.TestPolicies;

namespace Embassy.Domain.Tests.Rules;

/// <summary>The per-member maps of a computed month behave like read-only dictionaries.</summary>
public class CodeValuesTests
{
    [Fact]
    public void Shares_ActLikeADictionary_InThePolicysOrder()
    {
        var month = MonthEngine.Compute(new MonthInput
        {
            Policy = V4(),
            Period = new Period(2024, 8),
            Members = [new Member("a", Rank.Ambassador), new Member("b", Rank.Ambassador)],
            Scores =
            [
                new ScoreLine("a", "MK", Points.Of(10), Points.Of(10), null),
                new ScoreLine("a", "CM", Points.Of(15), Points.Of(15), null),
                new ScoreLine("b", "CM", Points.Of(5), Points.Of(5), null),
                new ScoreLine("b", "CC", Points.Of(20), Points.Of(20), null),
            ],
        }).Value;
        var a = month.Members.Single(m => m.Id == "a");

        Assert.Equal(["CM", "MK"], a.Shares.Keys); // policy order, not line order
        Assert.Equal(2, a.Shares.Count);
        Assert.True(a.Shares.ContainsKey("CM"));
        Assert.False(a.Shares.ContainsKey("CC"));
        Assert.False(a.Shares.TryGetValue("cm", out _)); // codes are exact
        Assert.Throws<KeyNotFoundException>(() => a.Shares["CC"]);
        Assert.Equal(Points.Of(30), a.Points["CM"]);
        Assert.Equal(a.PoolShare, a.Shares.Values.Aggregate(Token.Pha.Zero, (s, v) => s + v));
        Assert.NotEqual(a.Shares, month.Members.Single(m => m.Id == "b").Shares);
    }

    [Fact]
    public void Equality_IsByCodesAndValues()
    {
        MonthAllocation Compute() => MonthEngine.Compute(new MonthInput
        {
            Policy = V4(),
            Period = new Period(2024, 8),
            Members = [new Member("a", Rank.Ambassador)],
            Scores = [new ScoreLine("a", "CM", Points.Of(15), Points.Of(15), null), new ScoreLine("a", "MK", Points.Of(1), Points.Of(1), null)],
        }).Value;

        var first = Compute().Members.Single();
        var second = Compute().Members.Single();

        Assert.Equal(first.Shares, second.Shares);
        Assert.True(first.Points == second.Points);
        Assert.Equal(first.Shares.GetHashCode(), second.Shares.GetHashCode());
        Assert.Empty(default(CodeValues<Points>));
    }
}
