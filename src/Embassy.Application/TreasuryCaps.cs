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
}
