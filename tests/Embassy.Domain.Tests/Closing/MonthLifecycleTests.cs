using Embassy.Domain.Closing;
using Embassy.Domain.Rules;

namespace Embassy.Domain.Tests.Closing;

public sealed class MonthLifecycleTests
{
    private static readonly Period Oct = new(2026, 10);
    private static readonly DateTimeOffset At = new(2026, 11, 9, 8, 0, 0, TimeSpan.Zero);
    private static readonly string H1 = "0x" + new string('1', 64);
    private static readonly string H2 = "0x" + new string('2', 64);

    private static MonthLifecycle Locked() => MonthLifecycle.Opened(Oct).Lock([], "admin", At, "pool").Value.Month;

    [Fact]
    public void Lock_OpenMonth_BecomesLocked_WithAnEvent()
    {
        var t = MonthLifecycle.Opened(Oct).Lock([], "admin", At, "pool 84,000");

        Assert.True(t.IsSuccess);
        Assert.Equal(MonthState.Locked, t.Value.Month.State);
        Assert.Equal(("month.locked", MonthState.Open, MonthState.Locked, "admin", (string?)null), (t.Value.Event.Action, t.Value.Event.From, t.Value.Event.To, t.Value.Event.Actor, t.Value.Event.Reason));
    }

    [Fact]
    public void Lock_Twice_IsRefused()
    {
        var again = Locked().Lock([], "admin", At, "pool");

        Assert.Equal(ClosingCodes.MonthAlreadyClosed, Assert.Single(again.Errors).Code);
    }

    [Fact]
    public void Lock_WithAGuardError_IsRefusedWithTheGuard()
    {
        var guard = Diagnostic.Error(ClosingCodes.ReportsUnscored, "3 of 23 accepted reports are not scored");

        var t = MonthLifecycle.Opened(Oct).Lock([guard], "admin", At, "pool");

        Assert.Equal(guard, Assert.Single(t.Errors));
    }

    [Fact]
    public void Lock_OverriddenGuard_KeepsTheReasonAndTheFigures()
    {
        var overridden = Diagnostic.Warning(ClosingCodes.GuardOverridden, "3 of 23 accepted reports of 2026-10 are not scored.");

        var t = MonthLifecycle.Opened(Oct).Lock([overridden], "admin", At, "pool", "  reviewers are away; scores are final  ");

        Assert.Equal("reviewers are away; scores are final", t.Value.Event.Reason);
        Assert.Contains("3 of 23", t.Value.Event.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void Reopen_NeedsAReason_AndOnlyBeforeApproval()
    {
        Assert.Equal(ClosingCodes.ReasonRequired, Assert.Single(Locked().Reopen("admin", "  ", At).Errors).Code);
        Assert.Equal(ClosingCodes.MonthNotLocked, Assert.Single(MonthLifecycle.Opened(Oct).Reopen("admin", "why", At).Errors).Code);

        var approved = Locked().Approve(2, "admin", At, "paid").Value.Month;
        Assert.Equal(ClosingCodes.MonthAlreadyClosed, Assert.Single(approved.Reopen("admin", "why", At).Errors).Code);

        var reopened = Locked().Reopen("admin", "a late report was accepted", At);
        Assert.Equal((MonthState.Open, "month.reopened", "a late report was accepted"), (reopened.Value.Month.State, reopened.Value.Event.Action, reopened.Value.Event.Reason));
    }

    [Fact]
    public void Approve_NothingToPay_IsPaidAtOnce()
    {
        var t = Locked().Approve(0, "admin", At, "0 PHA to 0 members");

        Assert.Equal((MonthState.Paid, 0), (t.Value.Month.State, t.Value.Month.Batches));
    }

    [Fact]
    public void Approve_OpenOrApprovedMonth_IsRefused()
    {
        Assert.Equal(ClosingCodes.MonthNotLocked, Assert.Single(MonthLifecycle.Opened(Oct).Approve(1, "admin", At, "").Errors).Code);
        var approved = Locked().Approve(1, "admin", At, "").Value.Month;
        Assert.Equal(ClosingCodes.MonthAlreadyClosed, Assert.Single(approved.Approve(1, "admin", At, "").Errors).Code);
    }

    [Fact]
    public void RecordPayment_PaidOnlyWhenEveryBatchHasItsTransaction()
    {
        var approved = Locked().Approve(2, "admin", At, "").Value.Month;

        var first = approved.RecordPayment(2, H2, "admin", At);
        Assert.Equal((MonthState.Approved, "month.payment-recorded"), (first.Value.Month.State, first.Value.Event.Action));
        var second = first.Value.Month.RecordPayment(1, H1, "admin", At);

        Assert.Equal((MonthState.Paid, "month.paid"), (second.Value.Month.State, second.Value.Event.Action));
        Assert.Equal([new BatchPayment(1, H1), new BatchPayment(2, H2)], second.Value.Month.Payments);
    }

    [Fact]
    public void RecordPayment_SameBatchTwice_UnknownBatch_ReusedHash_PaidMonth_AreRefused()
    {
        var approved = Locked().Approve(2, "admin", At, "").Value.Month;
        var one = approved.RecordPayment(1, H1, "admin", At).Value.Month;

        Assert.Equal(ClosingCodes.BatchAlreadyRecorded, Assert.Single(one.RecordPayment(1, H2, "admin", At).Errors).Code);
        Assert.Equal(ClosingCodes.BatchUnknown, Assert.Single(one.RecordPayment(3, H2, "admin", At).Errors).Code);
        Assert.Equal(ClosingCodes.HashReused, Assert.Single(one.RecordPayment(2, H1.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal), "admin", At).Errors).Code);
        var paid = one.RecordPayment(2, H2, "admin", At).Value.Month;
        Assert.Equal(ClosingCodes.MonthAlreadyPaid, Assert.Single(paid.RecordPayment(1, H2, "admin", At).Errors).Code);
    }

    [Fact]
    public void CorrectPayment_ReplacesTheHash_KeepsTheOldOneInTheEvent_NeedsAReason()
    {
        var paid = Locked().Approve(1, "admin", At, "").Value.Month.RecordPayment(1, H1, "admin", At).Value.Month;

        Assert.Equal(ClosingCodes.ReasonRequired, Assert.Single(paid.CorrectPayment(1, H2, "admin", "", At).Errors).Code);
        Assert.Equal(ClosingCodes.BatchUnknown, Assert.Single(paid.CorrectPayment(2, H2, "admin", "typo", At).Errors).Code);
        var fixedUp = paid.CorrectPayment(1, H2, "admin", "mistyped the last digit", At);

        Assert.Equal(MonthState.Paid, fixedUp.Value.Month.State);
        Assert.Equal([new BatchPayment(1, H2)], fixedUp.Value.Month.Payments);
        Assert.Equal(("month.payment-corrected", "mistyped the last digit"), (fixedUp.Value.Event.Action, fixedUp.Value.Event.Reason));
        Assert.Contains(H1 + " → " + H2, fixedUp.Value.Event.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void CorrectPayment_BatchWithoutPayment_IsRefused()
    {
        var approved = Locked().Approve(2, "admin", At, "").Value.Month;

        Assert.Equal(ClosingCodes.BatchNotRecorded, Assert.Single(approved.CorrectPayment(1, H1, "admin", "typo", At).Errors).Code);
    }

    [Theory]
    [InlineData("0x1111111111111111111111111111111111111111111111111111111111111111", PayoutRail.Evm, true)]
    [InlineData("0xABCDEFabcdef0000000000000000000000000000000000000000000000000000", PayoutRail.Substrate, true)]
    [InlineData("0x111", PayoutRail.Evm, false)]
    [InlineData("1111111111111111111111111111111111111111111111111111111111111111", PayoutRail.Evm, false)]
    [InlineData("0xg111111111111111111111111111111111111111111111111111111111111111", PayoutRail.Evm, false)]
    [InlineData("bank transfer 2026-11-06 #4411", PayoutRail.Manual, true)]
    [InlineData("line\nbreak", PayoutRail.Manual, false)]
    [InlineData("", PayoutRail.Manual, false)]
    public void TransactionHash_PerRail(string hash, PayoutRail rail, bool valid) =>
        Assert.Equal(valid, TransactionHash.IsValid(hash, rail));
}
