using Embassy.Domain;
using Embassy.Domain.Community;
using Embassy.Domain.Rules;
using Embassy.Domain.Treasury;

namespace Embassy.Application;

/// <summary>
/// What the public treasury page shows for one proposal (RULES.md R10: "its remaining balance and runway are always
/// visible"; issue #6: funding, paid, remaining and runway with a chart, milestone targets with progress).
/// </summary>
/// <param name="Proposal">The proposal, with milestones and timeline.</param>
/// <param name="Funding">The funding.</param>
/// <param name="Paid">Drawn so far.</param>
/// <param name="Remaining">Left, never below zero.</param>
/// <param name="Overdrawn">Drawn beyond the funding by admin override.</param>
/// <param name="Runway">The runway over the window of closed months.</param>
/// <param name="Chart">Spent per month and balance after it, from the first draw's month to the last closed month.</param>
/// <param name="Targets">Milestone targets with their progress on the day given.</param>
/// <param name="Draws">Every draw, overrides included, newest first.</param>
public sealed record TreasuryView(
    SpendingProposal Proposal,
    TokenAmount Funding,
    TokenAmount Paid,
    TokenAmount Remaining,
    TokenAmount Overdrawn,
    Runway Runway,
    IReadOnlyList<LedgerMonth> Chart,
    IReadOnlyList<TargetProgress> Targets,
    IReadOnlyList<Draw> Draws);

/// <summary>Builds the treasury page's read model from a ledger and the registry's counts; pure, so the web and the CLI share it.</summary>
public static class TreasuryOverview
{
    /// <summary>
    /// The view of <paramref name="ledger"/> after <paramref name="lastClosed"/>, its runway over <paramref name="window"/>
    /// months, and milestone progress on <paramref name="asOf"/> from <paramref name="spans"/> (rank spans, R2) and
    /// <paramref name="counts"/> (recorded channel counts).
    /// </summary>
    public static TreasuryView Build(
        FundingLedger ledger,
        Period lastClosed,
        DateOnly asOf,
        IEnumerable<RankSpan> spans,
        IEnumerable<ChannelCount> counts,
        IReadOnlyList<RankRule> ranks,
        int window = Runway.DefaultWindow)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var first = ledger.Draws.Count == 0 ? lastClosed : ledger.Draws.Min(d => d.Request.Month);
        if (first > lastClosed)
        {
            first = lastClosed;
        }

        var ambassador = ranks.Any(r => r.Rank == Rank.Ambassador) ? Rank.Ambassador : ranks[0].Rank;
        return new TreasuryView(
            ledger.Proposal,
            ledger.Funding,
            ledger.Paid,
            ledger.Remaining,
            ledger.Overdrawn,
            ledger.RunwayAt(lastClosed, window),
            ledger.Series(first, lastClosed),
            CommunityMetrics.Progress(ledger.Proposal, asOf, spans, counts, ranks, ambassador),
            ledger.Draws.Reverse().ToArray());
    }
}
