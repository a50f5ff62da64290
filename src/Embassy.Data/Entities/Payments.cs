namespace Embassy.Data.Entities;

/// <summary>
/// What the chain said about a recorded payout transaction (R9), one row per accepted hash of a signing batch:
/// <c>verified</c> (its transfers are the batch, line by line), <c>not_verified</c> (no chain endpoint configured, or a
/// rail Embassy cannot read) or <c>overridden</c> (the chain disagreed and an admin recorded it anyway, with a reason).
/// Refused hashes leave no row: they are not recorded.
/// </summary>
public sealed class PaymentCheckRecord
{
    public long Id { get; set; }

    /// <summary><c>month:YYYY-MM</c> or <c>bounties:YYYY-MM</c>.</summary>
    public required string Subject { get; set; }

    /// <summary>The signing batch, from 1.</summary>
    public int Batch { get; set; }

    public required string TxHash { get; set; }

    /// <summary><c>verified</c>, <c>not_verified</c> or <c>overridden</c>.</summary>
    public required string Outcome { get; set; }

    /// <summary>What did not match, one problem per line (overridden), or why it was not checked.</summary>
    public string? Detail { get; set; }

    public string? OverrideReason { get; set; }

    public required string CheckedBy { get; set; }

    public DateTimeOffset CheckedAt { get; set; }
}
