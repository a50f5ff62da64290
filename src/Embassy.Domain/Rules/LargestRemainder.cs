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
            (parts[i], remainders[i]) = UInt128.DivRem(checked(total * weights[i]), sum);
            given += parts[i];
        }

        var leftover = total - given; // < n, because each floor loses less than one unit
        if (leftover == 0)
        {
            return parts;
        }

        // Tie-break by key: when keys arrive sorted (members are ordered by id) the index is the key's rank;
        // otherwise rank the keys once. Sorting plain structs keeps 100,000-member months fast.
        var keyRank = new int[n];
        var sorted = true;
        for (var i = 1; i < n && sorted; i++)
        {
            sorted = string.CompareOrdinal(keys[i - 1], keys[i]) < 0;
        }

        if (sorted)
        {
            for (var i = 0; i < n; i++)
            {
                keyRank[i] = i;
            }
        }
        else
        {
            var byKey = Enumerable.Range(0, n).OrderBy(i => keys[i], StringComparer.Ordinal).ToArray();
            for (var r = 0; r < n; r++)
            {
                keyRank[byKey[r]] = r;
            }
        }

        var entries = new Entry[n];
        for (var i = 0; i < n; i++)
        {
            entries[i] = new Entry(remainders[i], keyRank[i], i);
        }

        Array.Sort(entries);
        var order = entries.Select(e => e.Index).ToArray();
        for (var k = 0; (UInt128)k < leftover; k++)
        {
            parts[order[k]]++;
        }

        return parts;
    }

    private readonly record struct Entry(UInt128 Remainder, int KeyRank, int Index) : IComparable<Entry>
    {
        // Largest remainder first; equal remainders by key ascending (R5: ties broken by member id).
        public int CompareTo(Entry other)
        {
            var c = other.Remainder.CompareTo(Remainder);
            return c != 0 ? c : KeyRank.CompareTo(other.KeyRank);
        }
    }
}
