using Embassy.Domain.Treasury;
using static Embassy.Domain.Tests.Treasury.TreasuryTestData;

namespace Embassy.Domain.Tests.Treasury;

public class DrawCsvTests
{
    [Fact]
    public void Parse_GoodFile_GivesDrawsThatFeedTheRunway()
    {
        const string csv = "id,kind,month,amount,date,reference\n"
            + "payout:2024-07,payout,2024-07,\"10,000\",2024-08-10,July payout\n"
            + "payout:2024-08,payout,2024-08,10000,2024-09-10,\n"
            + "bounty:1,bounty,2024-09,9999.5,2024-09-20,Telegram bot\n";

        var draws = DrawCsv.Parse(csv, Token.Pha, "draws.csv");

        Assert.True(draws.IsSuccess, string.Join("; ", draws.Diagnostics));
        var ledger = draws.Value.Aggregate(new FundingLedger(Proposal14()), (l, d) => l.Record(d).Value);
        Assert.Equal(Pha(100_000) - Pha(29_999) - Token.Pha.Units(500_000_000_000), ledger.Remaining);
        Assert.Equal(DrawKind.Bounty, ledger.Draws[^1].Request.Kind);
        Assert.Equal("July payout", ledger.Draws[0].Request.Reference);
    }

    [Fact]
    public void Parse_BadRows_GiveLineNumberedErrors()
    {
        const string csv = "id,kind,month,amount,date\n,payout,2024-07,1,2024-08-10\na,gift,2024-07,1,2024-08-10\nb,payout,July,1,2024-08-10\nc,payout,2024-07,-1,2024-08-10\nd,payout,2024-07,1,10.08.2024\n";

        var result = DrawCsv.Parse(csv, Token.Pha, "draws.csv");

        Assert.Equal([2, 3, 4, 5, 6], result.Errors.Select(e => e.Position!.Value.Line));
        Assert.Equal("AMOUNT_NEGATIVE", result.Errors.ElementAt(3).Code);
    }

    [Fact]
    public void Parse_MissingColumns_IsAHeaderError()
    {
        Assert.Equal(DrawCsv.HeaderInvalid, DrawCsv.Parse("id,amount\n", Token.Pha).Errors.Single().Code);
    }
}
