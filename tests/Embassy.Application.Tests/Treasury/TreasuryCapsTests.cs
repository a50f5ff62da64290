using Embassy.Application;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.Domain.Treasury;
using Embassy.Policies;

namespace Embassy.Application.Tests.Treasury;

public class TreasuryCapsTests
{
    private static readonly Period Sep = new(2024, 9);

    private static MonthAllocation Month()
    {
        var policy = PolicyCatalog.Shipped.Get("phala-v4").Value;
        Member[] members = [new("ann", Rank.Senior), new("ben", Rank.Senior), new("cat", Rank.Ambassador)];
        var scores = members.SelectMany(m => new[] { new ScoreLine(m.Id, "CM", Points.Of(20), Points.Of(20), null), new ScoreLine(m.Id, "MK", Points.Of(10), Points.Of(10), null) }).ToArray();
        var input = new MonthInput
        {
            Policy = policy,
            Period = Sep,
            Members = members,
            Scores = scores,
            Choices = members.Select(m => new MemberChoice(m.Id, ["CM", "MK"])).ToArray(),
        };
        var result = MonthEngine.Compute(input);
        Assert.True(result.IsSuccess, string.Join("; ", result.Diagnostics));
        return result.Value;
    }

    private static PriceRecord Price(string price) => new(Sep, TokenPrice.Parse(price, Token.Pha).Value, "CoinGecko", Sep.LastDay);

    [Fact]
    public void ApplyToMonth_ClampsTheSeniorsTotalsToTheCapAndLeavesOthersOut()
    {
        var month = Month();
        var rule = new FiatCapRule("senior bounties", UsdAmount.Dollars(2_000), CapMode.Clamp);

        var result = TreasuryCaps.ApplyToMonth(month, rule, new HashSet<Rank> { Rank.Senior }, [Price("0.5")]);

        Assert.True(result.IsSuccess);
        Assert.Equal(TreasuryCodes.CapClamped, result.Diagnostics.Single().Code);
        Assert.Equal(["ann", "ben"], result.Value.Lines.Select(l => l.Key));
        Assert.Equal(Token.Pha.Whole(4_000), result.Value.PaidTotal);
        Assert.Equal(result.Value.Lines[0].Paid, result.Value.Lines[1].Paid); // equal months, equal shares
        Assert.Equal(month.Members.Single(m => m.Id == "ann").Total, result.Value.Lines[0].Requested);
    }

    [Fact]
    public void ApplyToMonth_WhenTheCapBuysMoreThanThePayout_ChangesNothing()
    {
        var rule = new FiatCapRule("senior bounties", UsdAmount.Dollars(2_000), CapMode.Flag);

        // 2,000 $ at 0.01 $/PHA is 200,000 PHA: more than the whole month pays.
        var result = TreasuryCaps.ApplyToMonth(Month(), rule, new HashSet<Rank> { Rank.Senior }, [Price("0.01")]);

        Assert.Empty(result.Diagnostics);
        Assert.False(result.Value.Exceeded);
    }
}
