using Embassy.Domain.Rules;

namespace Embassy.Domain.Tests.Rules;

public sealed class DeadlineRuleTests
{
    [Fact]
    public void EndOf_IsMidnightEndingDayFiveOfTheNextMonth_UtcByDefault()
    {
        var rule = new DeadlineRule(5, "UTC");

        Assert.Equal(new DateTimeOffset(2026, 11, 6, 0, 0, 0, TimeSpan.Zero), rule.EndOf(new Period(2026, 10)));
        Assert.Equal(new DateTimeOffset(2027, 1, 6, 0, 0, 0, TimeSpan.Zero), rule.EndOf(new Period(2026, 12)));
    }

    [Fact]
    public void IsLate_FiledAtTheEndInstant_IsLate_OneTickBefore_IsNot()
    {
        var rule = new DeadlineRule(5, "UTC");
        var end = rule.EndOf(new Period(2026, 10));

        Assert.True(rule.IsLate(new Period(2026, 10), end));
        Assert.False(rule.IsLate(new Period(2026, 10), end.AddTicks(-1)));
    }

    [Fact]
    public void EndOf_InAnotherZone_IsThatZonesMidnight() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 6, 0, 0, 0, TimeSpan.FromHours(8)), new DeadlineRule(5, "Asia/Shanghai").EndOf(new Period(2026, 10)));
}
