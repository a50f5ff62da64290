using Embassy.Domain.Treasury;

namespace Embassy.Domain.Tests.Treasury;

/// <summary>Builders for treasury tests; each call returns fresh values.</summary>
internal static class TreasuryTestData
{
    public static TokenAmount Pha(ulong whole) => Token.Pha.Whole(whole);

    /// <summary>Khala treasury proposal #14 as in seed 001: 100,000 PHA, milestones of 80,000 and 20,000 PHA.</summary>
    public static SpendingProposal Proposal14(ProposalStatus status = ProposalStatus.Funded) => new()
    {
        Number = 14,
        Title = "Phala community bounty - April. 2022",
        Proponent = "3zfavDwAsV83TGCDYko4gs3uYPQq4fuS8mcy5BtFqjzyPes8",
        Date = new DateOnly(2022, 4, 29),
        Requested = Pha(100_000),
        Status = status,
        Milestones =
        [
            new Milestone(1, "Grow number of Ambassadors to 40+ people", Pha(80_000), new MilestoneTarget(TargetMetric.Ambassadors, 40)),
            new Milestone(2, "Growth to 50,000 community users", Pha(20_000), new MilestoneTarget(TargetMetric.CommunityUsers, 50_000)),
        ],
    };

    public static DrawRequest Payout(Period month, TokenAmount amount) =>
        new($"payout:{month}", DrawKind.MonthPayout, month, amount, month.Next.FirstDay.AddDays(9), $"{month} payout");

    public static DrawOverride Override(string reason = "Treasury top-up approved on-chain, funds arrive next week") =>
        new("admin-alice", reason, new DateTimeOffset(2024, 10, 10, 12, 0, 0, TimeSpan.Zero));

    public static FundingLedger LedgerWith(SpendingProposal proposal, params (Period Month, ulong Pha)[] payouts)
    {
        var ledger = new FundingLedger(proposal);
        foreach (var (month, pha) in payouts)
        {
            ledger = ledger.Record(Payout(month, Pha(pha))).Value;
        }

        return ledger;
    }

    public static PriceRecord Price(Period period, string price) =>
        new(period, TokenPrice.Parse(price, Token.Pha).Value, "CoinGecko monthly close", period.LastDay);
}
