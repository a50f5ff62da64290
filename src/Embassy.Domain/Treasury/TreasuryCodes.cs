namespace Embassy.Domain.Treasury;

/// <summary>
/// Stable diagnostic codes of the treasury rules (RULES.md R10). Tools, the web layer and tests match on these,
/// so they never change once shipped.
/// </summary>
public static class TreasuryCodes
{
    /// <summary>A draw would take more than the proposal's remaining balance and no admin override was given.</summary>
    public const string Overdrawn = "TREASURY_OVERDRAWN";

    /// <summary>An admin allowed a draw beyond the remaining balance; recorded with the reason.</summary>
    public const string OverdrawOverridden = "TREASURY_OVERDRAW_OVERRIDDEN";

    /// <summary>An override was given without an actor or a reason.</summary>
    public const string OverrideIncomplete = "TREASURY_OVERRIDE_INCOMPLETE";

    /// <summary>A draw on a proposal that is not approved or funded (proposed, rejected, completed).</summary>
    public const string ProposalNotOpen = "TREASURY_PROPOSAL_NOT_OPEN";

    /// <summary>A draw of another token than the proposal's.</summary>
    public const string TokenMismatch = "TREASURY_TOKEN_MISMATCH";

    /// <summary>A draw of nothing.</summary>
    public const string DrawZero = "TREASURY_DRAW_ZERO";

    /// <summary>A draw id already on the ledger.</summary>
    public const string DrawDuplicate = "TREASURY_DRAW_DUPLICATE";

    /// <summary>The milestone costs do not add up to the requested amount.</summary>
    public const string MilestonesMismatch = "TREASURY_MILESTONES_MISMATCH";

    /// <summary>A proposal field is missing or invalid (number, title, amount).</summary>
    public const string ProposalInvalid = "TREASURY_PROPOSAL_INVALID";

    /// <summary>No PHA/USD price is recorded for the month a fiat amount needs (R10).</summary>
    public const string PriceMissing = "TREASURY_PRICE_MISSING";

    /// <summary>An amount is above a fiat cap; flagged and left as it is (cap mode "flag").</summary>
    public const string CapExceeded = "TREASURY_CAP_EXCEEDED";

    /// <summary>An amount was above a fiat cap and was lowered to the cap (cap mode "clamp").</summary>
    public const string CapClamped = "TREASURY_CAP_CLAMPED";

    /// <summary>A price text is not an exact positive decimal.</summary>
    public const string PriceInvalid = "PRICE_INVALID";

    /// <summary>A price recorded without its source.</summary>
    public const string PriceSourceMissing = "PRICE_SOURCE_MISSING";

    /// <summary>A fiat amount text is not an exact non-negative decimal.</summary>
    public const string UsdInvalid = "USD_INVALID";

    /// <summary>The prices CSV has no header or a header without the needed columns.</summary>
    public const string PriceCsvHeader = "PRICE_CSV_HEADER";

    /// <summary>A prices CSV row cannot be read (missing field, bad period, bad date, empty source).</summary>
    public const string PriceCsvRow = "PRICE_CSV_ROW";

    /// <summary>Two prices CSV rows for the same month.</summary>
    public const string PriceCsvDuplicate = "PRICE_CSV_DUPLICATE";
}
