using Embassy.Domain.Treasury;

namespace Embassy.Domain.Rules;

/// <summary>
/// The policy's fiat caps on members' month totals (RULES.md R10: "the close flags and clamps amounts above a cap as
/// the policy says"), e.g. proposal #14's "maximum 2000$ worth of PHA/month … to active Senior Ambassadors". One pure
/// function, run by the engine for every month it computes, so the CLI and the web close cap the same way.
/// </summary>
public static class MonthCaps
{
    /// <summary>
    /// Applies each member cap of <paramref name="policy"/> (its <see cref="Policy.FiatCaps"/> that cover ranks) to
    /// <paramref name="allocation"/>. A flagging cap adds a warning; a clamping cap lowers the covered members' totals
    /// (<see cref="MemberResult.Capped"/>) and adds what it held back to the month's unspent amount, which returns to the
    /// treasury, so the month still sums: paid + unspent + carried = pool + bonuses.
    /// </summary>
    /// <returns>
    /// The capped month with the caps' warnings; or <see cref="TreasuryCodes.PriceMissing"/>, naming the month and the
    /// token, when a cap covers a member with an amount and no price is recorded for the month. A cap that covers
    /// nobody paid needs no price.
    /// </returns>
    public static Result<MonthAllocation> Apply(MonthAllocation allocation, Policy policy, IReadOnlyList<PriceRecord> prices)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(prices);
        var diagnostics = new List<Diagnostic>();
        var heldBack = new Dictionary<string, UInt128>(StringComparer.Ordinal);
        foreach (var cap in policy.FiatCaps.Where(c => !c.Bounties))
        {
            var lines = allocation.Members
                .Where(m => cap.Ranks.Contains(m.Rank) && !m.Total.IsZero)
                .OrderBy(m => m.Id, StringComparer.Ordinal)
                .Select(m => (m.Id, m.Total))
                .ToArray();
            if (lines.Length == 0)
            {
                continue; // nobody it covers is paid this month: no price is needed
            }

            var outcome = FiatCap.Apply(cap.Rule, allocation.Period, lines, prices, allocation.Token);
            diagnostics.AddRange(outcome.Diagnostics);
            if (!outcome.IsSuccess)
            {
                return Result<MonthAllocation>.Fail(diagnostics);
            }

            foreach (var line in outcome.Value.Lines.Where(l => l.Paid < l.Requested))
            {
                heldBack[line.Key] = heldBack.GetValueOrDefault(line.Key) + (line.Requested - line.Paid).Units;
            }
        }

        if (heldBack.Count == 0)
        {
            return Result<MonthAllocation>.Ok(allocation, diagnostics);
        }

        var token = allocation.Token;
        var returned = token.Zero;
        var members = allocation.Members.Select(m =>
        {
            if (!heldBack.TryGetValue(m.Id, out var held))
            {
                return m;
            }

            // Two caps over the same member never take more than the member's total.
            var amount = TokenAmount.Min(token.Units(held), m.Total);
            returned += amount;
            return m with { Capped = (m.Capped ?? token.Zero) + amount };
        }).ToArray();
        return Result<MonthAllocation>.Ok(allocation with { Members = members, Unspent = allocation.Unspent + returned }, diagnostics);
    }
}
