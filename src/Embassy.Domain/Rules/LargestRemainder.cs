namespace Embassy.Domain.Rules;

/// <summary>
/// Splits an integer amount in proportion to integer weights so that the parts sum to the amount exactly
/// (RULES.md R5): each part is floored, and the leftover units go one each to the largest fractional
/// remainders, ties broken by key ascending (ordinal). Deterministic; no floating point.
/// </summary>
public static class LargestRemainder
{
    /// <summary>
    /// Splits <paramref name="total"/> by <paramref name="weights"/>. <paramref name="keys"/> breaks ties and must be
    /// distinct. All weights zero gives all parts zero (the caller decides what happens to the amount).
    /// </summary>
    /// <returns>Parts in the order of the inputs.</returns>
    public static UInt128[] Split(UInt128 total, IReadOnlyList<UInt128> weights, IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(keys);
        if (weights.Count != keys.Count)
        {
            throw new ArgumentException("Each weight needs a key.", nameof(keys));
        }

        var n = weights.Count;
        var parts = new UInt128[n];
        UInt128 sum = 0;
        for (var i = 0; i < n; i++)
        {
            sum = checked(sum + weights[i]);
        }

        if (sum == 0 || n == 0)
        {
            return parts;
        }

        var remainders = new UInt128[n];
        UInt128 given = 0;
        for (var i = 0; i < n; i++)
        {
            var product = checked(total * weights[i]);
            parts[i] = product / sum;
            remainders[i] = product % sum;
            given += parts[i];
        }

        var leftover = total - given; // < n, because each floor loses less than one unit
        if (leftover == 0)
        {
            return parts;
        }

        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var c = remainders[b].CompareTo(remainders[a]);
            return c != 0 ? c : string.CompareOrdinal(keys[a], keys[b]);
        });
        for (var k = 0; (UInt128)k < leftover; k++)
        {
            parts[order[k]]++;
        }

        return parts;
    }
}
