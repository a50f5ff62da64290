using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.Domain.Treasury;

namespace Embassy.Application;

/// <summary>
/// Applies a fiat cap to a closed month (RULES.md R10: "the close flags and clamps amounts above a cap as the policy
/// says"), e.g. proposal #14's "maximum 2000$ worth of PHA/month … to active Senior Ambassadors": the cap covers the
/// month totals of the members of the given ranks, converted with the month's recorded price.
/// </summary>
public static class TreasuryCaps
{
    /// <summary>
    /// Caps the totals (pool share and bonus) of <paramref name="allocation"/>'s members whose rank is in
    /// <paramref name="ranks"/> and whose total is not zero. The outcome's lines say, per member, what the close pays.
    /// </summary>
    /// <returns>The outcome (with a warning when above the cap), or <see cref="TreasuryCodes.PriceMissing"/>.</returns>
    public static Result<CapOutcome> ApplyToMonth(MonthAllocation allocation, FiatCapRule rule, IReadOnlySet<Rank> ranks, IEnumerable<PriceRecord> prices)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        ArgumentNullException.ThrowIfNull(ranks);
        var lines = allocation.Members
            .Where(m => ranks.Contains(m.Rank) && !m.Total.IsZero)
            .OrderBy(m => m.Id, StringComparer.Ordinal)
            .Select(m => (m.Id, m.Total))
            .ToArray();
        return FiatCap.Apply(rule, allocation.Period, lines, prices, allocation.Token);
    }

    /// <summary>
    /// Applies the member caps of <paramref name="policy"/> (its <see cref="Policy.FiatCaps"/> that cover ranks) to a
    /// month about to be closed, R10: "the close flags and clamps amounts above a cap as the policy says". A flagging cap
    /// adds a warning; a clamping cap lowers the members' totals in the snapshot (what is paid) and adds what it held
    /// back to the month's unspent amount, which returns to the treasury.
    /// </summary>
    /// <returns>
    /// The snapshot to lock, with the caps' warnings; or <see cref="TreasuryCodes.PriceMissing"/> when a cap covers a
    /// member with an amount and no price is recorded for the month (a cap is never converted with a guessed price).
    /// </returns>
    public static Result<MonthSnapshot> CapMonth(MonthSnapshot snapshot, MonthAllocation allocation, Policy policy, IEnumerable<PriceRecord> prices)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(allocation);
        ArgumentNullException.ThrowIfNull(policy);
        var priceList = prices?.ToArray() ?? [];
        var diagnostics = new List<Diagnostic>();
        var heldBack = new Dictionary<string, UInt128>(StringComparer.Ordinal);
        foreach (var cap in policy.FiatCaps.Where(c => !c.Bounties))
        {
            if (!allocation.Members.Any(m => cap.Ranks.Contains(m.Rank) && !m.Total.IsZero))
            {
                continue; // nobody it covers is paid this month: no price is needed
            }

            var outcome = ApplyToMonth(allocation, cap.Rule, cap.Ranks, priceList);
            if (!outcome.IsSuccess)
            {
                return Result<MonthSnapshot>.Fail(outcome.Diagnostics);
            }

            diagnostics.AddRange(outcome.Diagnostics);
            foreach (var line in outcome.Value.Lines.Where(l => l.Paid < l.Requested))
            {
                heldBack[line.Key] = heldBack.GetValueOrDefault(line.Key) + (line.Requested - line.Paid).Units;
            }
        }

        if (heldBack.Count == 0)
        {
            return Result<MonthSnapshot>.Ok(snapshot, diagnostics);
        }

        static string U(UInt128 units) => units.ToString(System.Globalization.CultureInfo.InvariantCulture);
        UInt128 returned = 0;
        var members = snapshot.Members.Select(m =>
        {
            if (!heldBack.TryGetValue(m.Login, out var held))
            {
                return m;
            }

            // Two caps over the same member never take more than the member's total.
            var total = snapshot.Amount(m.TotalUnits).Units;
            held = UInt128.Min(held, total);
            returned += held;
            return m with { TotalUnits = U(total - held), CappedUnits = U(held) };
        }).ToArray();
        return Result<MonthSnapshot>.Ok(
            snapshot with { Members = members, UnspentUnits = U(snapshot.Amount(snapshot.UnspentUnits).Units + returned) },
            diagnostics);
    }
}
