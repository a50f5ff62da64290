using Embassy.Chain;
using Embassy.Domain;
using Embassy.Domain.Community;
using Embassy.Domain.Rules;
using Embassy.Domain.Treasury;
using Embassy.Policies;

namespace Embassy.Application.Tests.Treasury;

public class BountyPayoutsTests
{
    // The program treasury's address from seed 000: a valid Phala (prefix 30) SS58 address.
    private const string PhalaAddress = "41PLCEdup7XdUH4hsik4hyFoihDRYKfpN2K48jZH8ehL2tP2";
    private static readonly Period Apr = new(2022, 4);

    private static Policy Substrate() => PolicyCatalog.Shipped.Get("phala-v4").Value with { Payout = new PayoutRule { Rail = PayoutRail.Substrate } };

    private static FundingLedger Ledger(ulong alreadyDrawn = 0)
    {
        var proposal = new SpendingProposal
        {
            Number = 14, Title = "Phala community bounty - April. 2022", Proponent = "3zfavDwAsV83TGCDYko4gs3uYPQq4fuS8mcy5BtFqjzyPes8",
            Date = new DateOnly(2022, 4, 29), Requested = Token.Pha.Whole(100_000), Status = ProposalStatus.Funded,
        };
        var ledger = new FundingLedger(proposal);
        return alreadyDrawn == 0
            ? ledger
            : ledger.Record(new DrawRequest("payout:2022-03", DrawKind.MonthPayout, Apr.Previous, Token.Pha.Whole(alreadyDrawn), new DateOnly(2022, 4, 5), "March")).Value;
    }

    private static BountyAward Award(string id, BountyAmount amount, string address = PhalaAddress) => new()
    {
        Id = id,
        Title = "Phala Telegram bot for solo miners and delegators",
        Recipient = new BountyRecipient("Bot builder " + id, new Dictionary<string, string> { ["telegram"] = "builder" + id }, address),
        Evidence = ["https://t.me/phala_stat_bot"],
        Approver = "rhee",
        Amount = amount,
        Month = Apr,
        Date = new DateOnly(2022, 4, 29),
        ProposalNumber = 14,
    };

    private static PriceRecord AprilPrice(string price) =>
        new(Apr, TokenPrice.Parse(price, Token.Pha).Value, "CoinGecko monthly close", new DateOnly(2022, 4, 30));

    [Fact]
    public void Prepare_BountiesInTokensAndDollars_GiveLinesAndDrawOnTheProposal()
    {
        BountyAward[] awards = [Award("1", BountyAmount.InTokens(Token.Pha.Whole(1_000))), Award("2", BountyAmount.InUsd(UsdAmount.Dollars(300)))];

        var result = BountyPayouts.Prepare(awards, Ledger(), Substrate(), [AprilPrice("0.3")]);

        Assert.True(result.IsSuccess, string.Join("; ", result.Diagnostics));
        var prepared = result.Value;
        Assert.Equal(["bounty:1", "bounty:2"], prepared.Lines.Select(l => l.Member));
        Assert.Equal(Token.Pha.Whole(1_000), prepared.Lines[1].Amount); // 300 $ at 0.3 $/PHA
        Assert.Equal(Token.Pha.Whole(98_000), prepared.Ledger.Remaining);
        Assert.All(prepared.Bounties, b => Assert.Equal(DrawKind.Bounty, b.Draw.Request.Kind));
    }

    [Fact]
    public void Prepare_Lines_GoThroughTheSamePayoutBuilders()
    {
        var prepared = BountyPayouts.Prepare([Award("1", BountyAmount.InTokens(Token.Pha.Whole(1_000)))], Ledger(), Substrate(), []).Value;

        var manual = ManualPayout.Build(prepared.Lines, Token.Pha, period: Apr);
        var substrate = SubstratePayout.Build(prepared.Lines, ChainProfile.Phala);

        Assert.True(manual.IsSuccess, string.Join("; ", manual.Diagnostics));
        Assert.Equal(Token.Pha.Whole(1_000), manual.Value.Total);
        Assert.Equal("bounty:1", manual.Value.Rows.Single().Member);
        Assert.True(substrate.IsSuccess, string.Join("; ", substrate.Diagnostics));
        Assert.Equal(1, substrate.Value.TransferCount);
    }

    [Fact]
    public void Prepare_AddressOfTheWrongRail_IsRefusedAndNothingIsDrawn()
    {
        var evm = Award("1", BountyAmount.InTokens(Token.Pha.Whole(1_000)), "0x52908400098527886E0F7030069857D2E4169EE7");

        var result = BountyPayouts.Prepare([evm], Ledger(), Substrate(), []);

        Assert.Equal(BountyPayouts.AddressInvalid, result.Errors.Single().Code);
    }

    [Fact]
    public void Prepare_BeyondTheRemainingBalance_IsRefusedWithoutOverride_AndDrawnWithOne()
    {
        BountyAward[] awards = [Award("1", BountyAmount.InTokens(Token.Pha.Whole(2_000)))];
        var ledger = Ledger(alreadyDrawn: 99_000);

        var refused = BountyPayouts.Prepare(awards, ledger, Substrate(), []);
        var overridden = BountyPayouts.Prepare(awards, ledger, Substrate(), [], adminOverride: new DrawOverride("admin-alice", "Proposal #15 approved", DateTimeOffset.UnixEpoch));

        Assert.Equal(TreasuryCodes.Overdrawn, refused.Errors.Single().Code);
        Assert.True(overridden.IsSuccess);
        Assert.Contains(overridden.Diagnostics, d => d.Code == TreasuryCodes.OverdrawOverridden);
        Assert.Equal(Token.Pha.Whole(1_000), overridden.Value.Ledger.Overdrawn);
    }

    [Fact]
    public void Prepare_DollarBountyWithoutAPrice_IsRefused()
    {
        var result = BountyPayouts.Prepare([Award("1", BountyAmount.InUsd(UsdAmount.Dollars(300)))], Ledger(), Substrate(), []);

        Assert.Equal(TreasuryCodes.PriceMissing, result.Errors.Single().Code);
    }

    [Fact]
    public void Prepare_WithAClampingCap_PaysTheCapSharedByAmount()
    {
        // Proposal #14: "Maximum 2,000$ worth of PHA are rewarded to community educators/developers".
        BountyAward[] awards = [Award("1", BountyAmount.InUsd(UsdAmount.Dollars(1_500))), Award("2", BountyAmount.InUsd(UsdAmount.Dollars(1_500)))];
        var cap = new FiatCapRule("educator bounties", UsdAmount.Dollars(2_000), CapMode.Clamp);

        var result = BountyPayouts.Prepare(awards, Ledger(), Substrate(), [AprilPrice("0.5")], cap);

        Assert.True(result.IsSuccess, string.Join("; ", result.Diagnostics));
        Assert.Contains(result.Diagnostics, d => d.Code == TreasuryCodes.CapClamped);
        Assert.Equal([Token.Pha.Whole(2_000), Token.Pha.Whole(2_000)], result.Value.Lines.Select(l => l.Amount));
        Assert.Equal(Token.Pha.Whole(96_000), result.Value.Ledger.Remaining);
    }

    [Fact]
    public void Prepare_OneInvalidBounty_DrawsNone()
    {
        BountyAward[] awards = [Award("1", BountyAmount.InTokens(Token.Pha.Whole(1_000))), Award("2", BountyAmount.InTokens(Token.Pha.Whole(1_000))) with { Evidence = [] }];

        var result = BountyPayouts.Prepare(awards, Ledger(), Substrate(), []);

        Assert.Equal(CommunityCodes.BountyNoEvidence, result.Errors.Single().Code);
    }

    [Fact]
    public void DrawMonth_ClosingBeyondTheFunding_IsRefusedUnlessOverridden()
    {
        var ledger = Ledger(alreadyDrawn: 20_000);
        var period = new Period(2022, 5);

        var refused = TreasuryDraws.DrawMonth(ledger, period, Token.Pha.Whole(84_000), new DateOnly(2022, 6, 6));
        var ok = TreasuryDraws.DrawMonth(ledger, period, Token.Pha.Whole(80_000), new DateOnly(2022, 6, 6));

        Assert.Equal(TreasuryCodes.Overdrawn, refused.Errors.Single().Code);
        Assert.Equal("payout:2022-05", ok.Value.Draws[^1].Request.Id);
        Assert.True(ok.Value.Remaining.IsZero);
    }
}
