using Embassy.Domain.Rules;
using static Embassy.Domain.Tests.TestPolicies;

namespace Embassy.Domain.Tests.Rules;

public class RewardExplanationTests
{
    private static MonthAllocation Compute(Policy policy, IReadOnlyList<Member> members, IReadOnlyList<ScoreLine> scores, Period period, IReadOnlyList<AdHocBonus>? bonuses = null)
    {
        var result = MonthEngine.Compute(new MonthInput { Policy = policy, Period = period, Members = members, Scores = scores, Bonuses = bonuses ?? [] });
        Assert.True(result.IsSuccess, string.Join("\n", result.Diagnostics));
        return result.Value;
    }

    [Fact]
    public void Explain_FiveMemberCmExample_ShowsPoolTimesPointsOverTotalAndTheLeftoverUnit()
    {
        // program-history/2024-09-v4.1.md: A has 38 of 145 CM points; the exact share 5,503.448275862068|965… is
        // floored and A's remainder (140/145) is among the largest, so one leftover unit is added (R5).
        var members = new[] { "A", "B", "C", "D", "E" }.Select(id => M(id)).ToList();
        var scores = new[] { ("A", 38), ("B", 32), ("C", 20), ("D", 25), ("E", 30) }
            .SelectMany(x => new[] { S(x.Item1, "CM", x.Item2), S(x.Item1, "MK", 10) }).ToList();
        var month = Compute(V4(), members, scores, new Period(2024, 9));

        var explained = RewardExplanation.Explain(month, "A").Value;

        var cm = explained.Lines.Single(l => l.Code == "CM");
        Assert.Equal(RewardLineKind.DepartmentShare, cm.Kind);
        Assert.Equal(Token.Pha.Whole(21_000), cm.DepartmentPool);
        Assert.Equal(Points.Of(38), cm.MemberPoints);
        Assert.Equal(Points.Of(145), cm.DepartmentPoints);
        Assert.Equal((UInt128)5_503_448_275_862_068, cm.Floor!.Value.Units);
        Assert.Equal(UInt128.One, cm.LeftoverUnits);
        Assert.Equal("CM: 21,000 PHA × 38 ÷ 145 points = 5,503.448275862069 PHA (the exact share rounded down, plus one leftover unit for a largest remainder, R5)", cm.Text);
        Assert.Equal(month.Members.Single(m => m.Id == "A").Total, explained.Sum());
    }

    [Fact]
    public void Explain_SeniorWithAdHocBonus_AddsOneBonusLineAndSumsToTheTotal()
    {
        var members = new[] { M("s", Rank.Senior), M("t") };
        var scores = new[] { S("s", "CM", 30), S("s", "MK", 17), S("t", "CM", 11), S("t", "MK", 23) };
        var month = Compute(V4(), members, scores, new Period(2024, 9), [new AdHocBonus("s", Token.Pha.Units(7), "leading the AMA", "lead")]);

        var explained = RewardExplanation.Explain(month, "s").Value;

        var bonus = explained.Lines.Single(l => l.Kind == RewardLineKind.Bonus);
        Assert.Equal(Token.Pha.Whole(2000).Units + 7, bonus.Amount.Units);
        Assert.Equal(month.Members.Single(m => m.Id == "s").Total, explained.Sum());
        Assert.Equal(explained.Total, explained.Sum());
    }

    [Fact]
    public void Explain_ThresholdModel_ListsRewardAndSurplus()
    {
        // a at 90 % gets 90 % of the full reward plus the surplus that b (50 %) and c (15 %, below 40 %) leave (R5).
        var members = new[] { M("a"), M("b"), M("c") };
        var scores = new[] { S("a", "CM", 50), S("a", "VSM", 30), S("a", "CC", 10), S("b", "CM", 30), S("b", "VSM", 20), S("c", "CM", 10), S("c", "VSM", 5) };
        var month = Compute(V1(), members, scores, new Period(2022, 7));

        var explained = RewardExplanation.Explain(month, "a").Value;

        Assert.Contains(explained.Lines, l => l.Kind == RewardLineKind.Share && l.Code == "reward");
        Assert.Contains(explained.Lines, l => l.Kind == RewardLineKind.Share && l.Code == "surplus");
        Assert.Equal(month.Members.Single(m => m.Id == "a").Total, explained.Sum());
    }

    [Fact]
    public void Explain_CapSubtracts_AndTheSumIsThePaidAmount()
    {
        var pool = Token.Pha.Whole(100);
        var explained = RewardExplanation.Explain(
            [new DepartmentShare("CM", pool, Points.Of(40), Points.Of(10), Token.Pha.Whole(25))],
            [],
            Token.Pha.Whole(5),
            Token.Pha.Whole(3),
            Token.Pha.Whole(27)).Value;

        Assert.Equal([RewardLineKind.DepartmentShare, RewardLineKind.Bonus, RewardLineKind.Cap], explained.Lines.Select(l => l.Kind));
        Assert.True(explained.Lines[2].Subtracts);
        Assert.Equal(Token.Pha.Whole(27), explained.Sum());
    }

    [Fact]
    public void Explain_ShareThatIsNotPoolTimesPointsOverTotal_IsRefused()
    {
        var result = RewardExplanation.Explain(
            [new DepartmentShare("CM", Token.Pha.Whole(100), Points.Of(40), Points.Of(10), Token.Pha.Units(Token.Pha.Whole(25).Units + 2))],
            [],
            Token.Pha.Zero,
            Token.Pha.Zero,
            Token.Pha.Units(Token.Pha.Whole(25).Units + 2));

        Assert.False(result.IsSuccess);
        Assert.Equal("REWARD_UNEXPLAINED", result.Errors.Single().Code);
    }

    [Fact]
    public void Explain_PartsThatDoNotSumToTheTotal_AreRefused()
    {
        var result = RewardExplanation.Explain(
            [new DepartmentShare("CM", Token.Pha.Whole(100), Points.Of(40), Points.Of(10), Token.Pha.Whole(25))],
            [],
            Token.Pha.Zero,
            Token.Pha.Zero,
            Token.Pha.Whole(26));

        Assert.Equal("REWARD_UNEXPLAINED", result.Errors.Single().Code);
    }
}
