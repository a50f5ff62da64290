using System.Globalization;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.Domain.Community;
using Embassy.Domain.Treasury;

namespace Embassy.Application;

/// <summary>
/// Converts between the treasury's stored rows and the pure domain (RULES.md R10), and between two precisions of the
/// same token: PHA moved from the parachain (12 decimals) to an 18-decimal ERC-20 (R9), so a proposal funded in
/// parachain PHA is drawn on by ERC-20 months.
/// </summary>
public static class TreasuryRecords
{
    /// <summary>The token a row names.</summary>
    public static Token TokenOf(string symbol, int decimals) => new(symbol, decimals);

    /// <summary>
    /// <paramref name="amount"/> in <paramref name="target"/>, a token of the same symbol: exact towards more decimals;
    /// towards fewer, rounded up when <paramref name="roundUp"/> (a draw never understates what left the treasury, R10)
    /// else down (a balance never overstates what is left).
    /// </summary>
    /// <returns>The amount, or <see cref="TreasuryCodes.TokenMismatch"/> for another symbol.</returns>
    public static Result<TokenAmount> InToken(TokenAmount amount, Token target, bool roundUp)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (Equals(amount.Token, target))
        {
            return Result<TokenAmount>.Ok(amount);
        }

        if (!string.Equals(amount.Token.Symbol, target.Symbol, StringComparison.Ordinal))
        {
            return Result<TokenAmount>.Fail(TreasuryCodes.TokenMismatch, $"{amount} cannot be drawn on a proposal funded in {target.Symbol}.");
        }

        if (target.Decimals > amount.Token.Decimals)
        {
            var factor = target.UnitsPerToken / amount.Token.UnitsPerToken;
            return Result<TokenAmount>.Ok(target.Units(checked(amount.Units * factor)));
        }

        var divisor = amount.Token.UnitsPerToken / target.UnitsPerToken;
        var units = UInt128.DivRem(amount.Units, divisor);
        return Result<TokenAmount>.Ok(target.Units(roundUp && units.Remainder != UInt128.Zero ? units.Quotient + 1 : units.Quotient));
    }

    /// <summary>
    /// The same ledger in <paramref name="token"/> (same symbol): the funding rounded down and every draw rounded up, so
    /// a check in the payout's token never allows more than the proposal's own figures do.
    /// </summary>
    public static FundingLedger InToken(FundingLedger ledger, Token token)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        if (Equals(ledger.Funding.Token, token))
        {
            return ledger;
        }

        TokenAmount Down(TokenAmount a) => InToken(a, token, roundUp: false).Value;
        var proposal = ledger.Proposal with
        {
            Requested = Down(ledger.Proposal.Requested),
            Milestones = ledger.Proposal.Milestones.Select(m => m with { Cost = Down(m.Cost) }).ToArray(),
        };
        var draws = ledger.Draws.Select(d => d with { Request = d.Request with { Amount = InToken(d.Amount, token, roundUp: true).Value } }).ToArray();
        return new FundingLedger(proposal, draws);
    }

    /// <summary>A stored code of an enum value: <c>MonthPayout</c> → <c>month_payout</c>.</summary>
    public static string Code<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var sb = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(name[i]));
        }

        return sb.ToString();
    }

    /// <summary>The enum value of a stored code, or <paramref name="fallback"/>.</summary>
    public static TEnum Parse<TEnum>(string? code, TEnum fallback)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Cast<TEnum?>().FirstOrDefault(v => string.Equals(Code(v!.Value), code, StringComparison.Ordinal)) ?? fallback;

    /// <summary>The domain proposal of a stored one (milestones and events must be loaded).</summary>
    public static SpendingProposal ToDomain(SpendingProposalRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var token = TokenOf(row.Token, row.TokenDecimals);
        return new SpendingProposal
        {
            Number = row.Number,
            Title = row.Title,
            Proponent = row.Proponent,
            Date = row.Date,
            Requested = token.Units(row.RequestedUnits),
            PlannedPerMonth = row.PlannedMonthlyUnits is { } plan ? token.Units(plan) : null,
            Status = Parse(row.Status, ProposalStatus.Proposed),
            Link = Uri.TryCreate(row.Link, UriKind.Absolute, out var link) ? link : null,
            Milestones = row.Milestones.OrderBy(m => m.Number).Select(m => new Milestone(
                m.Number,
                m.Title,
                token.Units(m.CostUnits),
                m.TargetMetric is null || m.TargetValue is null ? null : new MilestoneTarget(Parse(m.TargetMetric, TargetMetric.Ambassadors), m.TargetValue.Value),
                Parse(m.Status, MilestoneStatus.Open),
                m.ReportText,
                m.Date)).ToArray(),
            Timeline = row.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new ProposalEvent(e.At, Parse(e.Kind, ProposalEventKind.Note), e.Text, e.Actor)).ToArray(),
        };
    }

    /// <summary>The ledger of a stored proposal (milestones, events and draws loaded).</summary>
    public static FundingLedger LedgerOf(SpendingProposalRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var proposal = ToDomain(row);
        var token = proposal.Requested.Token;
        var draws = row.Draws.OrderBy(d => d.Id).Select(d => new Draw(
            row.Number,
            new DrawRequest(d.DrawKey, Parse(d.Kind, DrawKind.Other), d.Period, token.Units(d.Units), d.Date, d.Reference),
            d.OverrideActor is null ? null : new DrawOverride(d.OverrideActor, d.OverrideReason ?? string.Empty, d.OverrideAt ?? d.RecordedAt))).ToArray();
        return new FundingLedger(proposal, draws);
    }

    /// <summary>A new draw row for <paramref name="draw"/> on the proposal row <paramref name="proposalId"/>.</summary>
    public static TreasuryDrawRecord ToRow(Draw draw, long proposalId, string actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(draw);
        return new TreasuryDrawRecord
        {
            ProposalId = proposalId,
            DrawKey = draw.Request.Id,
            Kind = Code(draw.Request.Kind),
            Period = draw.Request.Month,
            Units = draw.Amount.Units,
            Date = draw.Request.Date,
            Reference = draw.Request.Reference,
            OverrideActor = draw.Override?.Actor,
            OverrideReason = draw.Override?.Reason,
            OverrideAt = draw.Override?.At,
            RecordedBy = actor,
            RecordedAt = at,
        };
    }

    /// <summary>The domain price of a stored one, for <paramref name="token"/>; null when the stored text no longer parses.</summary>
    public static PriceRecord? ToDomain(TokenPriceRecord row, Token token)
    {
        ArgumentNullException.ThrowIfNull(row);
        var price = TokenPrice.Parse(row.UsdPrice, token);
        return price.IsSuccess ? new PriceRecord(row.Period, price.Value, row.Source, row.Date) : null;
    }

    /// <summary>The domain count of a stored one.</summary>
    public static ChannelCount ToDomain(ChannelCountRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new ChannelCount(row.Channel, row.Date, row.Members, row.Source);
    }

    /// <summary>The domain award of a stored bounty (the approver is empty until approved).</summary>
    public static BountyAward ToDomain(CommunityBountyRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var handles = row.RecipientHandles.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split('=', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
        var amount = row.AmountUnits is { } units
            ? BountyAmount.InTokens(TokenOf(row.Token, row.TokenDecimals).Units(units))
            : BountyAmount.InUsd(UsdAmount.Parse(row.AmountUsd).Value);
        return new BountyAward
        {
            Id = row.Id.ToString(CultureInfo.InvariantCulture),
            Title = row.Title,
            Recipient = new BountyRecipient(row.RecipientName, handles, row.RecipientAddress),
            Evidence = row.Evidence.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Approver = row.Approver ?? string.Empty,
            Amount = amount,
            Month = row.Period,
            Date = row.Date,
            ProposalNumber = row.ProposalNumber,
        };
    }
}
