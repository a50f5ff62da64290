using System.Globalization;

namespace Embassy.Domain.Treasury;

/// <summary>What a draw on a proposal pays for.</summary>
public enum DrawKind
{
    /// <summary>A closed month's payout to members.</summary>
    MonthPayout,

    /// <summary>A community bounty to a non-member (R10).</summary>
    Bounty,

    /// <summary>Anything else an admin records (a correction, a fee).</summary>
    Other,
}

/// <summary>An admin's permission to draw beyond the remaining balance (RULES.md R10: "unless an admin overrides with a reason").</summary>
/// <param name="Actor">Who overrode (a GitHub login).</param>
/// <param name="Reason">Why, in words; required.</param>
/// <param name="At">When (the caller's clock).</param>
public sealed record DrawOverride(string Actor, string Reason, DateTimeOffset At);

/// <summary>An amount asked of a proposal, before the overdraw check.</summary>
/// <param name="Id">Stable id, e.g. "payout:2024-09" or "bounty:7"; one draw per id.</param>
/// <param name="Kind">What it pays for.</param>
/// <param name="Month">The month it counts for in the runway (a payout's month, a bounty's award month).</param>
/// <param name="Amount">The amount.</param>
/// <param name="Date">The day it was drawn.</param>
/// <param name="Reference">Free text shown on the treasury page (a transaction hash, a bounty title).</param>
public sealed record DrawRequest(string Id, DrawKind Kind, Period Month, TokenAmount Amount, DateOnly Date, string Reference);

/// <summary>A recorded draw: the request, and the override when it went beyond the balance.</summary>
/// <param name="ProposalNumber">The proposal drawn on.</param>
/// <param name="Request">What was drawn.</param>
/// <param name="Override">The admin override, when the draw exceeded the remaining balance.</param>
public sealed record Draw(int ProposalNumber, DrawRequest Request, DrawOverride? Override = null)
{
    /// <summary>The amount.</summary>
    public TokenAmount Amount => Request.Amount;
}

/// <summary>One month of a ledger's chart: drawn for the month, and the balance after it.</summary>
/// <param name="Month">The month.</param>
/// <param name="Spent">Drawn for it (payouts and bounties).</param>
/// <param name="RemainingAfter">The balance after it, never below zero.</param>
/// <param name="OverdrawnAfter">How far draws had gone beyond the funding after it (admin overrides), zero normally.</param>
public sealed record LedgerMonth(Period Month, TokenAmount Spent, TokenAmount RemainingAfter, TokenAmount OverdrawnAfter)
{
    /// <summary>The balance after the month in whole tokens, negative when overdrawn (what the chart draws), rounded toward zero.</summary>
    public long BalanceWholeTokens =>
        (long)((OverdrawnAfter.IsZero ? (System.Numerics.BigInteger)RemainingAfter.Units : -(System.Numerics.BigInteger)OverdrawnAfter.Units) / RemainingAfter.Token.UnitsPerToken);
}

/// <summary>
/// One proposal's funding and what has been drawn on it (RULES.md R10: "its remaining balance and runway are always
/// visible"). Immutable; <see cref="Record"/> returns a new ledger. The remaining balance never goes below zero: an
/// overridden overdraw shows as <see cref="Overdrawn"/>.
/// </summary>
public sealed record FundingLedger
{
    /// <summary>Creates a ledger for <paramref name="proposal"/> with the draws already recorded.</summary>
    public FundingLedger(SpendingProposal proposal, IReadOnlyList<Draw>? draws = null)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        Proposal = proposal;
        Draws = draws ?? [];
        foreach (var d in Draws)
        {
            if (d.ProposalNumber != proposal.Number || !Equals(d.Amount.Token, proposal.Requested.Token))
            {
                throw new ArgumentException($"Draw {d.Request.Id} is not a {proposal.Requested.Token.Symbol} draw on proposal #{proposal.Number.ToString(CultureInfo.InvariantCulture)}.", nameof(draws));
            }
        }
    }

    /// <summary>The proposal.</summary>
    public SpendingProposal Proposal { get; }

    /// <summary>Every draw, in the order recorded.</summary>
    public IReadOnlyList<Draw> Draws { get; }

    /// <summary>The funding: the requested amount.</summary>
    public TokenAmount Funding => Proposal.Requested;

    /// <summary>The sum of all draws.</summary>
    public TokenAmount Paid => Draws.Aggregate(Funding.Token.Zero, (a, d) => a + d.Amount);

    /// <summary>Funding minus paid, or zero when overdrawn.</summary>
    public TokenAmount Remaining => Paid >= Funding ? Funding.Token.Zero : Funding - Paid;

    /// <summary>How far draws went beyond the funding by admin override; zero normally.</summary>
    public TokenAmount Overdrawn => Paid > Funding ? Paid - Funding : Funding.Token.Zero;

    /// <summary>The sum of draws counted for <paramref name="month"/>.</summary>
    public TokenAmount SpentIn(Period month) =>
        Draws.Where(d => d.Request.Month == month).Aggregate(Funding.Token.Zero, (a, d) => a + d.Amount);

    /// <summary>
    /// Records <paramref name="request"/> after <see cref="OverdrawCheck.Check"/>. On success the new ledger holds the
    /// draw (with the override, when one was needed and given) and the result carries the check's warnings.
    /// </summary>
    public Result<FundingLedger> Record(DrawRequest request, DrawOverride? adminOverride = null)
    {
        var check = OverdrawCheck.Check(this, request, adminOverride);
        return check.Map(draw => new FundingLedger(Proposal, [.. Draws, draw]));
    }

    /// <summary>
    /// One point per month from <paramref name="from"/> to <paramref name="through"/>: what was drawn for it and what
    /// remained after it (draws counted by their month), for the treasury page's chart. Draws counted before
    /// <paramref name="from"/> are already taken off the first point's balance.
    /// </summary>
    public IReadOnlyList<LedgerMonth> Series(Period from, Period through)
    {
        if (through < from)
        {
            throw new ArgumentException($"{through} is before {from}.", nameof(through));
        }

        var token = Funding.Token;
        var before = Draws.Where(d => d.Request.Month < from).Aggregate(token.Zero, (a, d) => a + d.Amount);
        var points = new List<LedgerMonth>();
        var paid = before;
        for (var month = from; month <= through; month = month.Next)
        {
            var spent = SpentIn(month);
            paid += spent;
            points.Add(new LedgerMonth(month, spent, paid >= Funding ? token.Zero : Funding - paid, paid > Funding ? paid - Funding : token.Zero));
        }

        return points;
    }

    /// <summary>The runway at the spend of the <paramref name="window"/> months ending with <paramref name="lastClosed"/>.</summary>
    public Runway RunwayAt(Period lastClosed, int window = Runway.DefaultWindow) => Runway.Of(this, lastClosed, window);
}

/// <summary>
/// Refuses a draw that would take a proposal below zero unless an admin overrides it with a reason
/// (RULES.md R10: "A close that would overdraw the funding is refused unless an admin overrides with a reason").
/// </summary>
public static class OverdrawCheck
{
    /// <summary>Checks <paramref name="request"/> against <paramref name="ledger"/>.</summary>
    /// <returns>
    /// The draw to record, or an error: <see cref="TreasuryCodes.Overdrawn"/> (beyond the remaining balance, no override),
    /// <see cref="TreasuryCodes.OverrideIncomplete"/> (an override without actor or reason),
    /// <see cref="TreasuryCodes.ProposalNotOpen"/>, <see cref="TreasuryCodes.TokenMismatch"/>, <see cref="TreasuryCodes.DrawZero"/>,
    /// <see cref="TreasuryCodes.DrawDuplicate"/>. An accepted override gives the warning <see cref="TreasuryCodes.OverdrawOverridden"/>
    /// and is kept on the draw; an override that was not needed is not recorded.
    /// </returns>
    public static Result<Draw> Check(FundingLedger ledger, DrawRequest request, DrawOverride? adminOverride = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(request);
        var number = ledger.Proposal.Number.ToString(CultureInfo.InvariantCulture);
        if (!ledger.Proposal.IsOpenForDraws)
        {
            return Result<Draw>.Fail(
                TreasuryCodes.ProposalNotOpen,
                $"Proposal #{number} is {ledger.Proposal.Status.ToString().ToLowerInvariant()}; only approved or funded proposals can be drawn on.");
        }

        if (!Equals(request.Amount.Token, ledger.Funding.Token))
        {
            return Result<Draw>.Fail(TreasuryCodes.TokenMismatch, $"Draw {request.Id} is in {request.Amount.Token.Symbol}; proposal #{number} is funded in {ledger.Funding.Token.Symbol}.");
        }

        if (request.Amount.IsZero)
        {
            return Result<Draw>.Fail(TreasuryCodes.DrawZero, $"Draw {request.Id} is zero; there is nothing to record.");
        }

        if (ledger.Draws.Any(d => string.Equals(d.Request.Id, request.Id, StringComparison.Ordinal)))
        {
            return Result<Draw>.Fail(TreasuryCodes.DrawDuplicate, $"Draw {request.Id} is already recorded on proposal #{number}; a month or bounty is paid once.");
        }

        var remaining = ledger.Remaining;
        if (request.Amount <= remaining)
        {
            return Result<Draw>.Ok(new Draw(ledger.Proposal.Number, request));
        }

        var shortBy = request.Amount - remaining;
        var what = $"{request.Id} needs {request.Amount}, but proposal #{number} has {remaining} left (short by {shortBy})";
        if (adminOverride is null)
        {
            return Result<Draw>.Fail(TreasuryCodes.Overdrawn, what + "; an admin may override with a reason.");
        }

        if (string.IsNullOrWhiteSpace(adminOverride.Actor) || string.IsNullOrWhiteSpace(adminOverride.Reason))
        {
            return Result<Draw>.Fail(TreasuryCodes.OverrideIncomplete, what + "; an override needs the admin's name and a reason.");
        }

        return Result<Draw>.Ok(
            new Draw(ledger.Proposal.Number, request, adminOverride),
            [Diagnostic.Warning(TreasuryCodes.OverdrawOverridden, $"{what}; drawn anyway by {adminOverride.Actor}: {adminOverride.Reason}")]);
    }
}
