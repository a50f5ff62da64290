using Embassy.Domain.Rules;

namespace Embassy.Domain.Tests.Rules;

/// <summary>Issue #14: when reviews are due (days after the R7 deadline, in the policy's zone) and when a reminder is due.</summary>
public sealed class ReminderDatesTests
{
    [Fact]
    public void DueOf_CountsCalendarDaysAfterTheDeadline_KeepingLocalMidnightAcrossAClockChange()
    {
        var berlin = new DeadlineRule(5, "Europe/Berlin");

        // September 2026's deadline is 6 October 00:00 CEST; 30 days on is 5 November 00:00 CET, after the clock change.
        var due = new ReviewRule(ReviewDueDays: 30).DueOf(berlin, new Period(2026, 9));

        Assert.Equal(new DateTimeOffset(2026, 10, 5, 22, 0, 0, TimeSpan.Zero), berlin.EndOf(new Period(2026, 9)));
        Assert.Equal(new DateTimeOffset(2026, 11, 4, 23, 0, 0, TimeSpan.Zero), due);
        Assert.Equal(new DateTimeOffset(2026, 11, 13, 0, 0, 0, TimeSpan.Zero), new ReviewRule().DueOf(new DeadlineRule(5, "UTC"), new Period(2026, 10)));
    }

    [Theory]
    [InlineData(2, false)] // four days before: not yet
    [InlineData(3, true)]  // exactly three days before
    [InlineData(5, true)]
    [InlineData(6, false)] // the deadline itself has passed
    public void IsDue_FromTheDaysBefore_UntilTheDeadline(int day, bool expected)
    {
        var deadline = new DateTimeOffset(2026, 1, 6, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(expected, new ReminderRule(3, 12).IsDue(deadline, new DateTimeOffset(2026, 1, day, 0, 0, 0, TimeSpan.Zero)));
    }
}
