using Embassy.Domain;

namespace Embassy.Data.Entities;

/// <summary>
/// A treasury spending proposal that funds the program (RULES.md R10), e.g. Khala proposal #14. The amount is kept
/// like every amount here: decimal digits of the token's smallest unit, with the token's symbol and decimals.
/// </summary>
public sealed class SpendingProposalRecord
{
    public long Id { get; set; }

    /// <summary>The treasury's proposal number; unique.</summary>
    public int Number { get; set; }

    public required string Title { get; set; }

    /// <summary>The proponent's address as submitted.</summary>
    public required string Proponent { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>Token symbol, e.g. PHA.</summary>
    public required string Token { get; set; }

    /// <summary>Decimals of the token's smallest unit (PHA on the parachain: 12).</summary>
    public int TokenDecimals { get; set; }

    /// <summary>The requested amount in smallest units (R5: exact).</summary>
    public UInt128 RequestedUnits { get; set; }

    /// <summary>What it plans to pay in rewards a month, in smallest units; null when it plans none (migration 0019).</summary>
    public UInt128? PlannedMonthlyUnits { get; set; }

    /// <summary><c>proposed</c>, <c>approved</c>, <c>funded</c>, <c>rejected</c> or <c>completed</c>.</summary>
    public required string Status { get; set; }

    public string? Link { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public List<ProposalMilestoneRecord> Milestones { get; } = [];

    public List<ProposalEventRecord> Events { get; } = [];

    public List<TreasuryDrawRecord> Draws { get; } = [];
}

/// <summary>One milestone of a proposal: its cost, target and report (R10).</summary>
public sealed class ProposalMilestoneRecord
{
    public long Id { get; set; }

    public long ProposalId { get; set; }

    /// <summary>1-based; unique per proposal.</summary>
    public int Number { get; set; }

    public required string Title { get; set; }

    /// <summary>The cost in the proposal's token, smallest units.</summary>
    public UInt128 CostUnits { get; set; }

    /// <summary><c>ambassadors</c> or <c>community_users</c>; null without a countable target.</summary>
    public string? TargetMetric { get; set; }

    public long? TargetValue { get; set; }

    /// <summary><c>open</c>, <c>reported</c> or <c>completed</c>.</summary>
    public required string Status { get; set; }

    public string? ReportText { get; set; }

    public DateOnly? Date { get; set; }
}

/// <summary>A line of a proposal's timeline. Append-only.</summary>
public sealed class ProposalEventRecord
{
    public long Id { get; set; }

    public long ProposalId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The event kind (<c>Embassy.Domain.Treasury.ProposalEventKind</c>, lower case).</summary>
    public required string Kind { get; set; }

    public required string Text { get; set; }

    public string? Actor { get; set; }
}

/// <summary>
/// An amount drawn on a proposal: a month's payout or a bounty (R10). An overdraw an admin allowed keeps the admin and
/// the reason on the row. Append-only; one row per draw key and proposal.
/// </summary>
public sealed class TreasuryDrawRecord
{
    public long Id { get; set; }

    public long ProposalId { get; set; }

    /// <summary>The draw's stable id, e.g. <c>payout:2024-09</c> or <c>bounty:7</c>.</summary>
    public required string DrawKey { get; set; }

    /// <summary><c>month_payout</c>, <c>bounty</c> or <c>other</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>The month it counts for in the runway.</summary>
    public Period Period { get; set; }

    /// <summary>The amount in the proposal's token, smallest units.</summary>
    public UInt128 Units { get; set; }

    public DateOnly Date { get; set; }

    public required string Reference { get; set; }

    /// <summary>The admin who allowed an overdraw, when one was needed.</summary>
    public string? OverrideActor { get; set; }

    /// <summary>Why the overdraw was allowed (required with <see cref="OverrideActor"/>).</summary>
    public string? OverrideReason { get; set; }

    public DateTimeOffset? OverrideAt { get; set; }

    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A token's USD price for a month, with its source and date (R10). One per month and token symbol.</summary>
public sealed class TokenPriceRecord
{
    public long Id { get; set; }

    public Period Period { get; set; }

    /// <summary>Token symbol, e.g. PHA; a price is per whole token, so decimals do not matter.</summary>
    public required string Token { get; set; }

    /// <summary>USD per whole token, exact decimal text as entered (e.g. <c>0.1234</c>); never a float.</summary>
    public required string UsdPrice { get; set; }

    public required string Source { get; set; }

    /// <summary>The day the price was read or quoted.</summary>
    public DateOnly Date { get; set; }

    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A community bounty to a non-member (R10): created, approved, then drawn on its proposal and paid.</summary>
public sealed class CommunityBountyRecord
{
    public long Id { get; set; }

    public required string Title { get; set; }

    public required string RecipientName { get; set; }

    /// <summary>Handles as lines of <c>network=handle</c>.</summary>
    public required string RecipientHandles { get; set; }

    public required string RecipientAddress { get; set; }

    /// <summary>Evidence links, one per line.</summary>
    public required string Evidence { get; set; }

    /// <summary>The amount in tokens (smallest units of <see cref="Token"/>/<see cref="TokenDecimals"/>), or null when in dollars.</summary>
    public UInt128? AmountUnits { get; set; }

    /// <summary>The amount in dollars as exact decimal text, or null when in tokens.</summary>
    public string? AmountUsd { get; set; }

    public required string Token { get; set; }

    public int TokenDecimals { get; set; }

    /// <summary>The month it is awarded in (its price month and runway month).</summary>
    public Period Period { get; set; }

    public DateOnly Date { get; set; }

    public int ProposalNumber { get; set; }

    /// <summary><c>proposed</c>, <c>approved</c> or <c>drawn</c>.</summary>
    public required string Status { get; set; }

    public string? Approver { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The transaction that paid it (migration 0007), once an admin records it.</summary>
    public string? TxHash { get; set; }

    public string? PaidBy { get; set; }

    public DateTimeOffset? PaidAt { get; set; }
}

/// <summary>A channel's member count on a day (R10: "recorded community counts"). One per channel and day.</summary>
public sealed class ChannelCountRecord
{
    public long Id { get; set; }

    /// <summary>Lower case, e.g. <c>telegram</c>.</summary>
    public required string Channel { get; set; }

    public DateOnly Date { get; set; }

    public long Members { get; set; }

    public required string Source { get; set; }

    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
