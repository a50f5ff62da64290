using Embassy.Domain.Rules;

namespace Embassy.Domain.Tests.Rules;

/// <summary>R7: which version is frozen at the deadline, which one is scored, which ones may be accepted; the line diff.</summary>
public class ReportFreezeTests
{
    private static readonly DateTimeOffset Deadline = new(2024, 10, 5, 23, 59, 59, TimeSpan.Zero);

    [Fact]
    public void DeadlineVersion_IsTheLatestEditedByTheDeadline()
    {
        VersionStamp[] versions = [new(1, Deadline.AddDays(-4)), new(2, Deadline.AddSeconds(-1)), new(3, Deadline.AddSeconds(1)), new(4, Deadline.AddDays(3))];

        Assert.Equal(2, ReportFreeze.DeadlineVersion(versions, Deadline, Deadline.AddDays(-4)));
        Assert.Equal(2, ReportFreeze.DeadlineVersion([.. versions.Reverse()], Deadline, Deadline.AddDays(-4))); // order does not matter
        Assert.Equal(1, ReportFreeze.DeadlineVersion([new(1, Deadline)], Deadline, Deadline.AddDays(-1))); // at the deadline is in time
    }

    [Fact]
    public void DeadlineVersion_OfALateReport_IsTheFiledOne_AndWithoutAnyInTime_TheFirstSeen()
    {
        var filed = Deadline.AddDays(2);

        Assert.Equal(1, ReportFreeze.DeadlineVersion([new(1, filed), new(2, filed.AddHours(1))], Deadline, filed));
        Assert.Equal(3, ReportFreeze.DeadlineVersion([new(3, Deadline.AddDays(1)), new(4, Deadline.AddDays(2))], Deadline, Deadline.AddDays(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportFreeze.DeadlineVersion([], Deadline, Deadline));
    }

    [Fact]
    public void Scored_IsTheAcceptedVersion_ElseTheFrozen_ElseTheLatest()
    {
        Assert.Equal(4, ReportFreeze.Scored(5, 2, 4));
        Assert.Equal(2, ReportFreeze.Scored(5, 2, null));
        Assert.Equal(5, ReportFreeze.Scored(5, null, null));
    }

    [Theory]
    [InlineData(3, 4, 2, null, true)]
    [InlineData(4, 4, 2, 3, true)]
    [InlineData(2, 4, 2, null, false)] // the frozen one itself
    [InlineData(1, 4, 2, null, false)] // older than the freeze
    [InlineData(5, 4, 2, null, false)] // does not exist
    [InlineData(3, 4, 2, 3, false)] // scored already
    public void CanAccept_OnlyAnExistingLaterVersionNotScoredYet(int version, int latest, int frozen, int? accepted, bool expected) =>
        Assert.Equal(expected, ReportFreeze.CanAccept(version, latest, frozen, accepted));

    [Fact]
    public void Diff_MarksAddedAndRemovedLines_AndKeepsTheRest()
    {
        var diff = ReportFreeze.Diff("a\nb\nc\nd", "a\nc\nd\ne");

        Assert.Equal(["  a", "- b", "  c", "  d", "+ e"], diff!.Select(l => l.Kind + " " + l.Text));
        Assert.Equal([], ReportFreeze.Diff(string.Empty, string.Empty)!);
        Assert.Equal(["  x", "  y"], ReportFreeze.Diff("x\r\ny", "x\ny")!.Select(l => l.Kind + " " + l.Text)); // line endings are not edits
    }

    [Fact]
    public void Diff_OfTextsTooLongToCompare_IsNull()
    {
        var long1 = string.Join('\n', Enumerable.Range(0, 2_100).Select(i => "line " + i));
        var long2 = string.Join('\n', Enumerable.Range(0, 2_100).Select(i => "other " + i));

        Assert.Null(ReportFreeze.Diff(long1, long2));
        Assert.NotNull(ReportFreeze.Diff(long1, long1[..5_000]));
    }
}
