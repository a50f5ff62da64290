using System.Buffers;
using System.Numerics;

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
        var parts = new UInt128[weights.Count];
        Split(total, weights.ToArray(), keys.ToArray(), parts);
        return parts;
    }

    /// <summary>
    /// Splits <paramref name="total"/> by <paramref name="weights"/> into <paramref name="parts"/> (same length).
    /// Scratch space comes from <see cref="ArrayPool{T}"/>: a 100,000-member month allocates no large temporaries.
    /// </summary>
    public static void Split(UInt128 total, ReadOnlySpan<UInt128> weights, ReadOnlySpan<string> keys, Span<UInt128> parts)
    {
        if (weights.Length != keys.Length || parts.Length != weights.Length)
        {
            throw new ArgumentException("Each weight needs a key and a part.", nameof(keys));
        }

        Split(total, weights, keys, parts, inKeyOrder: false);
    }

    /// <summary>
    /// <see cref="Split(UInt128, ReadOnlySpan{UInt128}, ReadOnlySpan{string}, Span{UInt128})"/> for weights already in
    /// ascending order of distinct keys (the engine's members are ordered by id): the index is the key's rank, so the
    /// keys are not needed.
    /// </summary>
    internal static void SplitInKeyOrder(UInt128 total, ReadOnlySpan<UInt128> weights, Span<UInt128> parts)
    {
        if (parts.Length != weights.Length)
        {
            throw new ArgumentException("Each weight needs a part.", nameof(parts));
        }

        Split(total, weights, default, parts, inKeyOrder: true);
    }

    private static void Split(UInt128 total, ReadOnlySpan<UInt128> weights, ReadOnlySpan<string> keys, Span<UInt128> parts, bool inKeyOrder)
    {
        var n = weights.Length;
        parts.Clear();
        UInt128 sum = 0;
        for (var i = 0; i < n; i++)
        {
            sum = checked(sum + weights[i]);
        }

        if (sum == 0 || n == 0)
        {
            return;
        }

        // Tie-break by key: when keys arrive sorted (members are ordered by id) the index is the key's rank.
        var sorted = true;
        for (var i = 1; i < n && sorted && !inKeyOrder; i++)
        {
            sorted = string.CompareOrdinal(keys[i - 1], keys[i]) < 0;
        }

        int[]? byKey = null; // byKey[rank] = index, when the keys are not in order
        int[]? keyRank = null;
        if (!sorted)
        {
            byKey = new int[n];
            for (var i = 0; i < n; i++)
            {
                byKey[i] = i;
            }

            var keyCopy = keys.ToArray();
            Array.Sort(keyCopy, byKey, StringComparer.Ordinal);
            keyRank = new int[n];
            for (var r = 0; r < n; r++)
            {
                keyRank[byKey[r]] = r;
            }
        }

        UInt128 given = 0;
        var remainders = ArrayPool<UInt128>.Shared.Rent(n);
        try
        {
            // total × w / sum = q·w + r·w / sum with (q, r) = total / sum: when r·w fits in 64 bits (it does for
            // points, whose sum is small) each share needs one 64-bit division instead of a 128-bit one.
            var (q, r) = UInt128.DivRem(total, sum);
            var narrow = sum <= ulong.MaxValue;
            for (var i = 0; i < n; i++)
            {
                var w = weights[i];
                if (narrow && w <= ulong.MaxValue && Math.BigMul((ulong)r, (ulong)w, out var low) == 0)
                {
                    var (extra, rest) = Math.DivRem(low, (ulong)sum);
                    parts[i] = (q * w) + extra;
                    remainders[i] = rest;
                }
                else
                {
                    (parts[i], remainders[i]) = UInt128.DivRem(checked(total * w), sum);
                }

                given += parts[i];
            }

            var leftover = total - given; // < n, because each floor loses less than one unit
            if (leftover == 0)
            {
                return;
            }

            // Remainders are below the sum of weights. When the sum is small enough (it is for points: at most
            // a few billion hundredths), remainder and key rank pack into one ulong whose order is the R5 order,
            // and sorting plain integers is several times faster than sorting composite entries.
            var rankBits = 64 - BitOperations.LeadingZeroCount((ulong)n);
            if (sum <= (UInt128)(ulong.MaxValue >> rankBits))
            {
                var packed = ArrayPool<ulong>.Shared.Rent(n);
                try
                {
                    var mask = (1UL << rankBits) - 1;
                    for (var i = 0; i < n; i++)
                    {
                        // Ascending sort puts the largest remainder last; among equal remainders the smallest key
                        // rank must come last too, so the rank is stored inverted.
                        var rank = (ulong)(keyRank?[i] ?? i);
                        packed[i] = ((ulong)remainders[i] << rankBits) | (mask - rank);
                    }

                    // Only which entries are the `leftover` largest matters, not their order: select, don't sort.
                    var top = (int)leftover;
                    var span = packed.AsSpan(0, n);
                    SelectLargest(span, top);
                    foreach (var value in span[(n - top)..])
                    {
                        var rank = (int)(mask - (value & mask));
                        parts[byKey?[rank] ?? rank]++;
                    }
                }
                finally
                {
                    ArrayPool<ulong>.Shared.Return(packed);
                }

                return;
            }

            var entries = ArrayPool<Entry>.Shared.Rent(n);
            try
            {
                for (var i = 0; i < n; i++)
                {
                    entries[i] = new Entry(remainders[i], keyRank?[i] ?? i, i);
                }

                var span = entries.AsSpan(0, n);
                span.Sort();
                for (var k = 0; (UInt128)k < leftover; k++)
                {
                    parts[span[k].Index]++;
                }
            }
            finally
            {
                ArrayPool<Entry>.Shared.Return(entries);
            }
        }
        finally
        {
            ArrayPool<UInt128>.Shared.Return(remainders);
        }
    }

    /// <summary>
    /// Rearranges <paramref name="values"/> (distinct) so that its last <paramref name="count"/> elements are the
    /// largest ones, in any order (Hoare's selection, median of three; expected linear time).
    /// </summary>
    internal static void SelectLargest(Span<ulong> values, int count)
    {
        var target = values.Length - count; // everything from here on must be ≥ everything before
        if (count <= 0 || target <= 0)
        {
            return;
        }

        var lo = 0;
        var hi = values.Length - 1;
        while (hi - lo > 16)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (values[mid] < values[lo])
            {
                (values[mid], values[lo]) = (values[lo], values[mid]);
            }

            if (values[hi] < values[lo])
            {
                (values[hi], values[lo]) = (values[lo], values[hi]);
            }

            if (values[hi] < values[mid])
            {
                (values[hi], values[mid]) = (values[mid], values[hi]);
            }

            var pivot = values[mid];
            var i = lo;
            var j = hi;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            // [lo, j] ≤ pivot ≤ [i, hi]; continue in the side holding the boundary.
            if (target <= j)
            {
                hi = j;
            }
            else if (target >= i)
            {
                lo = i;
            }
            else
            {
                return;
            }
        }

        values[lo..(hi + 1)].Sort();
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
