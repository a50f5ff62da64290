using Embassy.Domain.Rules;
using static Embassy.Domain.Tests.TestPolicies;

namespace Embassy.Domain.Tests.Rules;

public class MemberErrorsTests
{
    private static ScoreLine S(string member, string dept, int effort, int result) => new(member, dept, Points.Of(effort), Points.Of(result), null);

    [Fact]
    public void Find_NamesOnlyTheMembersWhoseOwnInputFails_WithTheirErrors()
    {
        var policy = V4();
        var input = new MonthInput
        {
            Policy = policy,
            Period = new Period(2024, 8),
            Members = [M("ann"), M("bob"), M("cat")],
            Scores = [S("ann", "CM", 15, 15), S("ann", "MK", 10, 10), S("bob", "CM", 25, 10), S("cat", "CM", 5, 5), S("cat", "MK", 5, 5)],
            Choices = [new MemberChoice("ann", ["CM", "MK"]), new MemberChoice("bob", ["CM", "MK"]), new MemberChoice("cat", ["CM", "MK"])],
        };

        var whole = MonthEngine.Compute(input);
        var found = MemberErrors.Find(input);

        Assert.False(whole.IsSuccess); // one member's score above the maximum stops the whole month
        var bob = Assert.Single(found);
        Assert.Equal("bob", bob.Key);
        Assert.Equal("SCORE_ABOVE_MAX", Assert.Single(bob.Value).Code);
        Assert.True(MonthEngine.Compute(input with { Scores = input.Scores.Where(s => s.Member != "bob").ToArray() }).IsSuccess);
    }

    [Fact]
    public void Find_AMonthWithoutMemberErrors_NamesNobody() =>
        Assert.Empty(MemberErrors.Find(new MonthInput
        {
            Policy = V4(),
            Period = new Period(2024, 8),
            Members = [M("ann")],
            Scores = [S("ann", "CM", 15, 15), S("ann", "MK", 10, 10)],
            Choices = [new MemberChoice("ann", ["CM", "MK"])],
        }));
}
