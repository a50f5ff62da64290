using System.Globalization;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.Domain.Treasury;

namespace Embassy.Application;

/// <summary>
/// The month close's draw on a spending proposal (RULES.md R10: "payouts are drawn against a proposal … A close that
/// would overdraw the funding is refused unless an admin overrides with a reason"). One id per month ("payout:2024-09"),
/// so a month is drawn once, as it is paid once (R9).
/// </summary>
public static class TreasuryDraws
{
    /// <summary>The draw id of a month's payout.</summary>
    public static string MonthId(Period period) => "payout:" + period.ToString();

    /// <summary>
    /// Draws <paramref name="allocation"/>'s total (pool shares and bonuses) on <paramref name="ledger"/>; refused with
    /// <see cref="TreasuryCodes.Overdrawn"/> when it exceeds the remaining balance and no override is given.
    /// </summary>
    public static Result<FundingLedger> DrawMonth(FundingLedger ledger, MonthAllocation allocation, DateOnly date, DrawOverride? adminOverride = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(allocation);
        return DrawMonth(ledger, allocation.Period, allocation.TotalPaid, date, adminOverride);
    }

    /// <summary>Draws a month's payout total on <paramref name="ledger"/> (see the allocation overload).</summary>
    public static Result<FundingLedger> DrawMonth(FundingLedger ledger, Period period, TokenAmount total, DateOnly date, DrawOverride? adminOverride = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var reference = string.Create(CultureInfo.InvariantCulture, $"{period} payout");
        return ledger.Record(new DrawRequest(MonthId(period), DrawKind.MonthPayout, period, total, date, reference), adminOverride);
    }
}
