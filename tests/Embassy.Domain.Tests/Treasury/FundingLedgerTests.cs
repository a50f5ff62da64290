using Embassy.Domain.Treasury;
using static Embassy.Domain.Tests.Treasury.TreasuryTestData;

namespace Embassy.Domain.Tests.Treasury;

public class FundingLedgerTests
{
    private static readonly Period Sep = new(2024, 9);

    [Fact]
    public void Draw_WithinRemaining_IsRecordedAndLowersTheBalance()
    {
        var ledger = new FundingLedger(Proposal14());

        var result = ledger.Record(Payout(Sep, Pha(84_000)));

        Assert.True(result.IsSuccess);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(Pha(84_000), result.Value.Paid);
        Assert.Equal(Pha(16_000), result.Value.Remaining);
        Assert.Null(result.Value.Draws.Single().Override);
    }

    [Fact]
    public void Draw_ExactlyTheRemaining_IsAllowed()
    {
        var ledger = LedgerWith(Proposal14(), (Sep, 84_000));

        var result = ledger.Record(Payout(Sep.Next, Pha(16_000)));

        Assert.True(result.IsSuccess);
        Assert.True(result.Value.Remaining.IsZero);
        Assert.True(result.Value.Overdrawn.IsZero);
    }

    [Fact]
    public void Draw_BeyondRemaining_IsRefusedWithoutOverride()
    {
        var ledger = LedgerWith(Proposal14(), (Sep, 84_000));

        var result = ledger.Record(Payout(Sep.Next, Pha(16_000) + Token.Pha.Units(1)));

        Assert.False(result.IsSuccess);
        var error = result.Errors.Single();
        Assert.Equal(TreasuryCodes.Overdrawn, error.Code);
        Assert.Contains("16,000 PHA left", error.Message, StringComparison.Ordinal);
        Assert.Contains("0.000000000001 PHA", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Draw_BeyondRemaining_WithOverrideAndReason_IsRecordedWithTheOverride()
    {
        var ledger = LedgerWith(Proposal14(), (Sep, 84_000));
        var adminOverride = Override("Proposal #15 approved; bridging until it is funded");

        var result = ledger.Record(Payout(Sep.Next, Pha(20_000)), adminOverride);

        Assert.True(result.IsSuccess);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(TreasuryCodes.OverdrawOverridden, warning.Code);
        Assert.Contains("Proposal #15 approved", warning.Message, StringComparison.Ordinal);
        Assert.Equal(adminOverride, result.Value.Draws[^1].Override);
        Assert.True(result.Value.Remaining.IsZero);
        Assert.Equal(Pha(4_000), result.Value.Overdrawn);
    }

    [Theory]
    [InlineData("admin-alice", "")]
    [InlineData("admin-alice", "   ")]
    [InlineData("", "a reason")]
    public void Draw_BeyondRemaining_WithOverrideMissingActorOrReason_IsRefused(string actor, string reason)
    {
        var ledger = LedgerWith(Proposal14(), (Sep, 84_000));

        var result = ledger.Record(Payout(Sep.Next, Pha(20_000)), new DrawOverride(actor, reason, DateTimeOffset.UnixEpoch));

        Assert.Equal(TreasuryCodes.OverrideIncomplete, result.Errors.Single().Code);
    }

    [Fact]
    public void Draw_WithinRemaining_DoesNotRecordAnUnneededOverride()
    {
        var result = new FundingLedger(Proposal14()).Record(Payout(Sep, Pha(10)), Override());

        Assert.True(result.IsSuccess);
        Assert.Null(result.Value.Draws.Single().Override);
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [InlineData(ProposalStatus.Proposed)]
    [InlineData(ProposalStatus.Rejected)]
    [InlineData(ProposalStatus.Completed)]
    public void Draw_OnProposalNotApprovedOrFunded_IsRefusedEvenWithOverride(ProposalStatus status)
    {
        var result = new FundingLedger(Proposal14(status)).Record(Payout(Sep, Pha(10)), Override());

        Assert.Equal(TreasuryCodes.ProposalNotOpen, result.Errors.Single().Code);
    }

    [Fact]
    public void Draw_SameIdTwice_IsRefused()
    {
        var ledger = LedgerWith(Proposal14(), (Sep, 1_000));

        var result = ledger.Record(Payout(Sep, Pha(1_000)));

        Assert.Equal(TreasuryCodes.DrawDuplicate, result.Errors.Single().Code);
    }

    [Fact]
    public void Draw_Zero_IsRefused()
    {
        var result = new FundingLedger(Proposal14()).Record(Payout(Sep, Token.Pha.Zero));

        Assert.Equal(TreasuryCodes.DrawZero, result.Errors.Single().Code);
    }

    [Fact]
    public void Draw_OfAnotherToken_IsRefused()
    {
        var erc20 = new Token("PHA", 18);

        var result = new FundingLedger(Proposal14()).Record(Payout(Sep, erc20.Whole(1)));

        Assert.Equal(TreasuryCodes.TokenMismatch, result.Errors.Single().Code);
    }

    [Fact]
    public void Record_DoesNotChangeTheOriginalLedger()
    {
        var ledger = new FundingLedger(Proposal14());

        _ = ledger.Record(Payout(Sep, Pha(500)));

        Assert.Empty(ledger.Draws);
        Assert.Equal(Pha(100_000), ledger.Remaining);
    }

    [Fact]
    public void SpentIn_SumsOnlyTheDrawsOfThatMonth()
    {
        var ledger = LedgerWith(Proposal14(), (Sep, 1_000), (Sep.Next, 2_000));
        ledger = ledger.Record(new DrawRequest("bounty:1", DrawKind.Bounty, Sep, Pha(300), new DateOnly(2024, 9, 20), "Telegram bot")).Value;

        Assert.Equal(Pha(1_300), ledger.SpentIn(Sep));
        Assert.Equal(Pha(2_000), ledger.SpentIn(Sep.Next));
    }

    [Fact]
    public void Property_PaidPlusRemainingIsFunding_UntilOverdrawn()
    {
        FsCheck.Check.QuickThrowOnFailure(FsCheck.Fluent.Prop.ForAll<uint[]>(amounts =>
        {
            var ledger = new FundingLedger(Proposal14());
            var month = new Period(2022, 5);
            foreach (var a in amounts.Where(a => a > 0))
            {
                var next = ledger.Record(Payout(month, Token.Pha.Units((UInt128)a * 1_000_000_000_000UL)));
                month = month.Next;
                if (!next.IsSuccess)
                {
                    // Refused only when it does not fit, and then nothing changed.
                    if (next.Errors.Single().Code != TreasuryCodes.Overdrawn)
                    {
                        return false;
                    }

                    continue;
                }

                ledger = next.Value;
            }

            return ledger.Paid + ledger.Remaining == ledger.Funding && ledger.Overdrawn.IsZero;
        }));
    }
}
