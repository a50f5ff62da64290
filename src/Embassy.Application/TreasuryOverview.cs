using Embassy.Domain;
using Embassy.Domain.Community;
using Embassy.Domain.Rules;
using Embassy.Domain.Treasury;

namespace Embassy.Application;

/// <summary>
/// What the public treasury page shows for one proposal (RULES.md R10: "its remaining balance and runway are always
/// visible"; issue #6: funding, paid, remaining and runway with a chart, milestone targets with progress; issue #13: the
/// standing says overdrawn when it is, the timeline is made of what happened, each payment links to its explorer).
/// </summary>
/// <param name="Proposal">The proposal, with milestones and timeline.</param>
/// <param name="Funding">The funding.</param>
/// <param name="Paid">Drawn so far.</param>
/// <param name="Remaining">Left, never below zero.</param>
/// <param name="Overdrawn">Drawn beyond the funding by admin override.</param>
/// <param name="Runway">The runway over the window of closed months.</param>
/// <param name="Chart">Spent per month and balance after it, from the first draw's month to the last closed (or drawn) month.</param>
/// <param name="Targets">Milestone targets with their progress on the day given.</param>
/// <param name="Draws">Every draw, overrides included, newest first.</param>
/// <param name="Timeline">What happened, oldest first: the proposal's own events, each draw, each payment.</param>
public sealed record TreasuryView(
    SpendingProposal Proposal,
    TokenAmount Funding,
    TokenAmount Paid,
    TokenAmount Remaining,
    TokenAmount Overdrawn,
    Runway Runway,
    IReadOnlyList<LedgerMonth> Chart,
    IReadOnlyList<TargetProgress> Targets,
    IReadOnlyList<Draw> Draws,
    IReadOnlyList<TreasuryEvent> Timeline)
{
    /// <summary>True when draws went beyond the funding (admin overrides, R10).</summary>
    public bool IsOverdrawn => !Overdrawn.IsZero;

    /// <summary>What the page's badge says: "overdrawn" when it is, whatever the recorded status ("funded"), else the status.</summary>
    public string Standing => IsOverdrawn ? "overdrawn" : TreasuryRecords.Code(Proposal.Status);
}

/// <summary>What a timeline entry records.</summary>
public enum TreasuryEventKind
{
    /// <summary>An event of the proposal itself: submitted, approved, funded, a note.</summary>
    Proposal,

    /// <summary>A milestone reported or completed.</summary>
    Milestone,

    /// <summary>An amount drawn on the funding.</summary>
    Draw,

    /// <summary>An amount drawn beyond the funding by an admin's override.</summary>
    Overdraw,

    /// <summary>A transaction that paid what a draw was for.</summary>
    Payment,
}

/// <summary>One entry of a proposal's timeline.</summary>
/// <param name="At">When (a draw's day at 00:00 UTC).</param>
/// <param name="Kind">What it records.</param>
/// <param name="Text">What happened.</param>
/// <param name="Amount">The amount drawn, for a draw.</param>
/// <param name="TxHash">The transaction, for a payment.</param>
/// <param name="Explorer">Where the transaction is looked up, when the rail's policy or chain profile names an explorer.</param>
/// <param name="Actor">Who, when known.</param>
public sealed record TreasuryEvent(DateTimeOffset At, TreasuryEventKind Kind, string Text, TokenAmount? Amount = null, string? TxHash = null, Uri? Explorer = null, string? Actor = null);

/// <summary>A recorded payment of something drawn on a proposal: a month's signing batch or a month's bounties.</summary>
/// <param name="DrawId">The draw it paid (<c>payout:2024-11</c>, <c>bounty:7</c>).</param>
/// <param name="At">When the hash was recorded.</param>
/// <param name="What">What it paid, in words ("2024-11 payout, batch 1 of 2").</param>
/// <param name="TxHash">The transaction hash.</param>
/// <param name="Explorer">Its explorer address, or null.</param>
/// <param name="Actor">Who recorded it.</param>
public sealed record TreasuryPayment(string DrawId, DateTimeOffset At, string What, string TxHash, Uri? Explorer, string? Actor);

/// <summary>Builds the treasury page's read model from a ledger and the registry's counts; pure, so the web and the CLI share it.</summary>
public static class TreasuryOverview
{
    /// <summary>
    /// The view of <paramref name="ledger"/>: its runway over the <paramref name="window"/> closed months ending with
    /// <paramref name="lastClosed"/> (null: none closed yet, so no runway is claimed — issue #13: months still open have not
    /// drawn, so counting them would stretch the runway), the chart up to the later of that month and the last draw, the
    /// timeline of the proposal's events, its draws and <paramref name="payments"/>, and milestone progress on
    /// <paramref name="asOf"/> from <paramref name="spans"/> (rank spans, R2) and <paramref name="counts"/>.
    /// </summary>
    public static TreasuryView Build(
        FundingLedger ledger,
        Period? lastClosed,
        Period current,
        DateOnly asOf,
        IEnumerable<RankSpan> spans,
        IEnumerable<ChannelCount> counts,
        IReadOnlyList<RankRule> ranks,
        IEnumerable<TreasuryPayment>? payments = null,
        int window = Runway.DefaultWindow)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(ranks);
        var through = lastClosed ?? current.Previous;
        if (ledger.Draws.Count > 0 && ledger.Draws.Max(d => d.Request.Month) is var lastDrawn && lastDrawn > through)
        {
            through = lastDrawn;
        }

        var first = ledger.Draws.Count == 0 ? through : ledger.Draws.Min(d => d.Request.Month);
        if (first > through)
        {
            first = through;
        }

        var ambassador = ranks.Any(r => r.Rank == Rank.Ambassador) ? Rank.Ambassador : ranks[0].Rank;
        return new TreasuryView(
            ledger.Proposal,
            ledger.Funding,
            ledger.Paid,
            ledger.Remaining,
            ledger.Overdrawn,
            lastClosed is { } closed ? ledger.RunwayAt(closed, window) : Runway.BeforeAnyClose(ledger, current),
            ledger.Series(first, through),
            CommunityMetrics.Progress(ledger.Proposal, asOf, spans, counts, ranks, ambassador),
            ledger.Draws.Reverse().ToArray(),
            Timeline(ledger, payments ?? []));
    }

    /// <summary>
    /// The proposal's timeline from what was recorded: its own events (a draw's event is replaced by the draw itself, which
    /// says more), every draw with its amount and any override, and every payment of what was drawn, oldest first.
    /// </summary>
    public static IReadOnlyList<TreasuryEvent> Timeline(FundingLedger ledger, IEnumerable<TreasuryPayment> payments)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(payments);
        var list = new List<TreasuryEvent>();
        foreach (var e in ledger.Proposal.Timeline.Where(e => e.Kind != ProposalEventKind.Drawn))
        {
            var kind = e.Kind is ProposalEventKind.MilestoneReported or ProposalEventKind.MilestoneCompleted ? TreasuryEventKind.Milestone : TreasuryEventKind.Proposal;
            list.Add(new TreasuryEvent(e.At, kind, e.Text, Actor: e.Actor));
        }

        var drawIds = ledger.Draws.Select(d => d.Request.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var d in ledger.Draws)
        {
            var at = new DateTimeOffset(d.Request.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var text = $"{d.Request.Reference}: {d.Amount} drawn ({d.Request.Id})";
            list.Add(d.Override is { } o
                ? new TreasuryEvent(at, TreasuryEventKind.Overdraw, text + $", beyond the funding; allowed by {o.Actor}: {o.Reason}", d.Amount, Actor: o.Actor)
                : new TreasuryEvent(at, TreasuryEventKind.Draw, text, d.Amount));
        }

        foreach (var p in payments.Where(p => drawIds.Contains(p.DrawId)))
        {
            list.Add(new TreasuryEvent(p.At, TreasuryEventKind.Payment, $"{p.What} paid", TxHash: p.TxHash, Explorer: p.Explorer, Actor: p.Actor));
        }

        return list.OrderBy(e => e.At).ThenBy(e => e.Kind).ToArray();
    }
}
