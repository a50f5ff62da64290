using Embassy.Domain.Rules;
using static Embassy.Domain.Tests.TestPolicies;

namespace Embassy.Domain.Tests.Rules;

public class BadInputTests
{
    private static Result<MonthAllocation> Run(IReadOnlyList<ScoreLine> scores, IReadOnlyList<MemberChoice>? choices = null, IReadOnlyList<Member>? members = null) =>
        MonthEngine.Compute(new MonthInput
        {
            Policy = V4(),
            Period = new Period(2024, 9),
            Members = members ?? [M("a"), M("b")],
            Scores = scores,
            Choices = choices ?? [],
        });

    private static void AssertFails(Result<MonthAllocation> r, string code, int line)
    {
        Assert.False(r.IsSuccess);
        var e = Assert.Single(r.Errors, e => e.Code == code);
        Assert.Equal(line, e.Position?.Line);
        Assert.Throws<InvalidOperationException>(() => r.Value); // nothing computed from partial data
    }

    private static ScoreLine At(ScoreLine s, int line) => s with { Position = new SourcePosition(line, 0, "scores.csv") };

    [Fact]
    public void UnknownMember_FailsWithLine() =>
        AssertFails(Run([At(S("a", "CM", 10), 2), At(S("a", "MK", 10), 3), At(S("zed", "CM", 10), 4)]), "SCORE_UNKNOWN_MEMBER", 4);

    [Fact]
    public void DepartmentNotChosen_FailsWithLine() =>
        AssertFails(Run([At(S("a", "CM", 10), 2), At(S("a", "MK", 10), 3), At(S("a", "CC", 10), 4)], [new MemberChoice("a", ["CM", "MK"])]), "SCORE_NOT_CHOSEN", 4);

    [Fact]
    public void TwentyOneEffortPoints_FailsWithLine() =>
        AssertFails(Run([At(ER("a", "CM", 21, 0), 2), At(S("a", "MK", 10), 3)]), "SCORE_ABOVE_MAX", 2);

    [Fact]
    public void NegativeScore_FailsWithLine() =>
        AssertFails(Run([At(S("a", "CM", 10), 2), At(ER("a", "MK", -1, 5), 3)]), "SCORE_NEGATIVE", 3);

    [Fact]
    public void DuplicateRow_FailsWithLine() =>
        AssertFails(Run([At(S("a", "CM", 10), 2), At(S("a", "MK", 10), 3), At(S("a", "cm", 12), 4)]), "SCORE_DUPLICATE", 4);

    [Theory]
    [InlineData(3)]
    [InlineData(20_000)]
    public void DuplicateRows_EachReportedOnce_NamingTheFirstLine(int copies)
    {
        // One member's CM row repeated, and an MK row once between: every repeat is one error, never one per pair.
        var lines = Enumerable.Range(0, copies).Select(i => At(S("a", i % 2 == 0 ? "CM" : "cm", 10), i + 2)).Append(At(S("a", "MK", 10), copies + 2)).ToArray();

        var errors = Run(lines).Errors.Where(e => e.Code == "SCORE_DUPLICATE").ToArray();

        Assert.Equal(copies - 1, errors.Length);
        Assert.Equal(Enumerable.Range(3, copies - 1), errors.Select(e => e.Position!.Value.Line).Order());
        Assert.All(errors, e => Assert.Contains("CM on line 2;", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownDepartment_FailsWithLine() =>
        AssertFails(Run([At(S("a", "CM", 10), 2), At(S("a", "ASTRO", 10), 3)]), "SCORE_UNKNOWN_DEPARTMENT", 3);

    [Fact]
    public void FourDepartments_FailsAsTooMany() =>
        AssertFails(Run([At(S("a", "CM", 10), 2), At(S("a", "MK", 10), 3), At(S("a", "CC", 10), 4), At(S("a", "BD", 10), 5)]), "CHOICE_TOO_MANY", 2);

    [Fact]
    public void HalfPointWithWholeStep_Fails() =>
        AssertFails(Run([At(new ScoreLine("a", "CM", null, null, Points.Of(10.5m)), 2), At(S("a", "MK", 10), 3)]), "SCORE_BAD_STEP", 2);

    [Fact]
    public void MemberWhoLeft_CannotBeScored() =>
        AssertFails(Run([At(S("a", "CM", 10), 2)], members: [M("a", left: new DateOnly(2024, 8, 1))]), "SCORE_MEMBER_INACTIVE", 2);

    [Fact]
    public void CarryIntoUnknownDepartment_IsAnError()
    {
        var r = MonthEngine.Compute(new MonthInput
        {
            Policy = V4(),
            Period = new Period(2024, 9),
            Members = [M("a")],
            Scores = [S("a", "CM", 10), S("a", "MK", 10)],
            CarriedIn = new Dictionary<string, TokenAmount> { ["ASTRO"] = Token.Pha.Whole(5) },
        });
        Assert.Equal("CARRY_UNKNOWN_DEPARTMENT", Assert.Single(r.Errors).Code);
    }

    [Fact]
    public void BonusForNonMember_IsAnError_NotSilentlyDropped()
    {
        var r = MonthEngine.Compute(new MonthInput
        {
            Policy = V4(),
            Period = new Period(2024, 9),
            Members = [M("a"), M("gone", left: new DateOnly(2024, 1, 1))],
            Scores = [S("a", "CM", 10), S("a", "MK", 10)],
            Bonuses = [new AdHocBonus("zed", Token.Pha.Whole(100), "leadership", "lead"), new AdHocBonus("gone", Token.Pha.Whole(1), "x", "lead")],
        });
        Assert.Equal(2, r.Errors.Count(e => e.Code == "BONUS_UNKNOWN_MEMBER"));
    }

    [Fact]
    public void BonusForMemberWhoJoinedMidMonthWithoutScores_IsPaid()
    {
        var r = MonthEngine.Compute(new MonthInput
        {
            Policy = V4(),
            Period = new Period(2024, 9),
            Members = [M("a"), M("new", joined: new DateOnly(2024, 9, 15))],
            Scores = [S("a", "CM", 10), S("a", "MK", 10)],
            Bonuses = [new AdHocBonus("new", Token.Pha.Whole(100), "onboarding event", "lead")],
        });
        Assert.Equal(Token.Pha.Whole(100), r.Value.Members.Single(m => m.Id == "new").Total);
    }
}
