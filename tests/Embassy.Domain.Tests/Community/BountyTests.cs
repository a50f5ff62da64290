using Embassy.Domain.Community;
using Embassy.Domain.Treasury;

namespace Embassy.Domain.Tests.Community;

public class BountyTests
{
    private static readonly Period Apr = new(2022, 4);

    private static BountyAward Award(BountyAmount? amount = null, string approver = "rhee", IReadOnlyList<string>? evidence = null) => new()
    {
        Id = "1",
        Title = "Phala Discord bot for solo miners and delegators",
        Recipient = new BountyRecipient("l00k", new Dictionary<string, string> { ["discord"] = "l00k#1990" }, "43xMrZE9ooC3o6z7NZpFDVDhn4H8dQ6UcNjUSRTtGWBqA1fs"),
        Evidence = evidence ?? ["https://github.com/l00k/phala-discord-bot"],
        Approver = approver,
        Amount = amount ?? BountyAmount.InTokens(Token.Pha.Whole(5_000)),
        Month = Apr,
        Date = new DateOnly(2022, 4, 29),
        ProposalNumber = 14,
    };

    private static PriceRecord Price(Period p, string price) =>
        new(p, TokenPrice.Parse(price, Token.Pha).Value, "CoinGecko", p.LastDay);

    [Fact]
    public void Validate_CompleteAward_HasNoDiagnostics()
    {
        Assert.Empty(Award().Validate());
    }

    [Fact]
    public void Validate_NoEvidence_IsAnError()
    {
        Assert.Equal(CommunityCodes.BountyNoEvidence, Award(evidence: []).Validate().Single().Code);
    }

    [Theory]
    [InlineData("not a link")]
    [InlineData("ftp://example.org/file")]
    [InlineData("/relative/path")]
    public void Validate_EvidenceThatIsNotAnHttpLink_IsAnError(string link)
    {
        Assert.Equal(CommunityCodes.EvidenceLinkInvalid, Award(evidence: [link]).Validate().Single().Code);
    }

    [Fact]
    public void Validate_NoApprover_IsAnError()
    {
        Assert.Equal(CommunityCodes.BountyNoApprover, Award(approver: " ").Validate().Single().Code);
    }

    [Theory]
    [InlineData("l00k")]
    [InlineData("@L00K#1990")]
    public void Validate_ApprovedByTheRecipient_IsAnError(string approver)
    {
        Assert.Equal(CommunityCodes.BountySelfApproved, Award(approver: approver).Validate().Single().Code);
    }

    [Fact]
    public void Validate_ZeroAmount_IsAnError()
    {
        Assert.Equal(CommunityCodes.BountyZero, Award(BountyAmount.InUsd(UsdAmount.Zero)).Validate().Single().Code);
    }

    [Fact]
    public void Validate_RecipientWhoIsAMember_IsFlagged()
    {
        var award = Award();

        var d = award.Validate(memberAddresses: new HashSet<string> { award.Recipient.Address }).Single();

        Assert.Equal((CommunityCodes.BountyRecipientIsMember, Severity.Warning), (d.Code, d.Severity));
    }

    [Fact]
    public void Resolve_InTokens_IsTheAmount()
    {
        var result = Award().Amount.Resolve(Apr, [], Token.Pha);

        Assert.Equal(Token.Pha.Whole(5_000), result.Value);
    }

    [Fact]
    public void Resolve_InDollars_ConvertsAtTheMonthsRecordedPrice()
    {
        var amount = BountyAmount.InUsd(UsdAmount.Dollars(500));

        var result = amount.Resolve(Apr, [Price(Apr.Previous, "1"), Price(Apr, "0.4")], Token.Pha);

        Assert.Equal(Token.Pha.Whole(1_250), result.Value);
    }

    [Fact]
    public void Resolve_InDollarsWithoutAPrice_IsAnError()
    {
        var result = BountyAmount.InUsd(UsdAmount.Dollars(500)).Resolve(Apr, [Price(Apr.Previous, "1")], Token.Pha);

        Assert.Equal(TreasuryCodes.PriceMissing, result.Errors.Single().Code);
    }

    [Fact]
    public void ToDraw_DrawsOnTheProposalAndCountsInTheAwardMonth()
    {
        var proposal = new SpendingProposal
        {
            Number = 14, Title = "Community bounty", Proponent = "x", Date = new DateOnly(2022, 4, 1),
            Requested = Token.Pha.Whole(100_000), Status = ProposalStatus.Funded,
        };
        var award = Award();

        var ledger = new FundingLedger(proposal).Record(award.ToDraw(Token.Pha.Whole(5_000))).Value;

        var draw = ledger.Draws.Single();
        Assert.Equal(("bounty:1", DrawKind.Bounty, Apr), (draw.Request.Id, draw.Request.Kind, draw.Request.Month));
        Assert.Equal(Token.Pha.Whole(95_000), ledger.Remaining);
        Assert.Equal(Token.Pha.Whole(5_000), ledger.SpentIn(Apr));
    }
}
