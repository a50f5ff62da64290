using Embassy.Domain.Closing;

namespace Embassy.Domain.Tests.Closing;

public sealed class LockGuardsTests
{
    private static readonly Period Oct = new(2026, 10);
    private static readonly DateTimeOffset Deadline = new(2026, 11, 6, 0, 0, 0, TimeSpan.Zero);
    private static readonly ReportCounts AllScored = new(23, 23, 0, 1, 2, 0);

    private static LockFacts Facts(DateTimeOffset now, Period? period = null, int members = 23, ReportCounts? reports = null, IReadOnlyList<string>? unscored = null) =>
        new(period ?? Oct, now, new Period(2022, 6), Deadline, members, reports ?? AllScored, unscored ?? []);

    [Fact]
    public void Check_AfterTheDeadline_AllScored_PassesWithNothing() =>
        Assert.Empty(LockGuards.Check(Facts(Deadline.AddDays(3)), null));

    [Fact]
    public void Check_OpenAppeals_WaitForADecision_OrAnAdminsReason()
    {
        var facts = Facts(Deadline.AddDays(3)) with { OpenAppeals = ["appeal 4: CM of report 12"] };

        var refused = Assert.Single(LockGuards.Check(facts, null));
        var overridden = Assert.Single(LockGuards.Check(facts, "decided at the call"));

        Assert.Equal((ClosingCodes.AppealsOpen, true), (refused.Code, refused.IsError));
        Assert.Contains("appeal 4: CM of report 12", refused.Message, StringComparison.Ordinal);
        Assert.Equal((ClosingCodes.GuardOverridden, false), (overridden.Code, overridden.IsError));
        Assert.EndsWith("decided at the call", overridden.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MonthNotEnded_IsRefusedEvenWithAReason()
    {
        var guards = LockGuards.Check(Facts(Deadline, period: new Period(2027, 5)), "I insist");

        var e = Assert.Single(guards);
        Assert.Equal((ClosingCodes.MonthNotEnded, true), (e.Code, e.IsError));
        Assert.Contains("2027-06-01 00:00 UTC", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BeforeTheCatalogue_IsRefused()
    {
        var e = Assert.Single(LockGuards.Check(Facts(Deadline.AddDays(1), period: new Period(1999, 1)), "reason"));

        Assert.Equal(ClosingCodes.MonthBeforePolicies, e.Code);
        Assert.Contains("2022-06", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_EmptyRegistry_IsRefused() =>
        Assert.Equal(ClosingCodes.NoMembers, Assert.Single(LockGuards.Check(Facts(Deadline.AddDays(1), members: 0), "reason")).Code);

    [Fact]
    public void Check_BeforeTheDeadline_NeedsAReason()
    {
        var refused = Assert.Single(LockGuards.Check(Facts(Deadline.AddSeconds(-1)), null));
        Assert.Equal((ClosingCodes.DeadlineNotPassed, true), (refused.Code, refused.IsError));
        Assert.Contains("2026-11-06 00:00 UTC", refused.Message, StringComparison.Ordinal);

        var overridden = Assert.Single(LockGuards.Check(Facts(Deadline.AddSeconds(-1)), "every member has filed"));
        Assert.Equal((ClosingCodes.GuardOverridden, false), (overridden.Code, overridden.IsError));
        Assert.EndsWith("every member has filed", overridden.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UnscoredReports_AreNamedWithTheFigures()
    {
        var facts = Facts(Deadline.AddDays(1), reports: new ReportCounts(23, 0, 23, 0, 0, 0), unscored: ["#12 by alice", "#13 by bob"]);

        var e = Assert.Single(LockGuards.Check(facts, null));

        Assert.Equal(ClosingCodes.ReportsUnscored, e.Code);
        Assert.Contains("23 of 23 accepted reports of 2026-10 are not scored (#12 by alice, #13 by bob)", e.Message, StringComparison.Ordinal);
        Assert.False(Assert.Single(LockGuards.Check(facts, "reviewer ill")).IsError);
    }

    [Fact]
    public void Describe_ListsEveryCount() =>
        Assert.Equal("23 accepted, 23 scored, 0 unscored, 1 late, 2 unmatched, 0 duplicates", LockGuards.Describe(AllScored));
}
