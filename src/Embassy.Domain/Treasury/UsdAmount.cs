using System.Numerics;

namespace Embassy.Domain.Treasury;

/// <summary>
/// An exact, non-negative amount of US dollars, e.g. a cap of "maximum 2,000 $ worth of PHA per month" (RULES.md R10)
/// or a bounty promised in dollars. Held as an exact decimal, never a double, so a cap compares exactly.
/// </summary>
public readonly record struct UsdAmount : IComparable<UsdAmount>
{
    private readonly ExactDecimal _value;

    private UsdAmount(ExactDecimal value) => _value = value;

    /// <summary>Zero dollars.</summary>
    public static UsdAmount Zero => default;

    /// <summary>Whole dollars.</summary>
    public static UsdAmount Dollars(ulong dollars) => new(new ExactDecimal(dollars, 0));

    /// <summary>Whole cents.</summary>
    public static UsdAmount Cents(ulong cents) => new(new ExactDecimal(cents, 2));

    /// <summary>The exact value as a numerator over a power of ten (for conversions).</summary>
    internal ExactDecimal Exact => _value;

    internal static UsdAmount FromExact(ExactDecimal value) => new(value);

    /// <summary>True for zero.</summary>
    public bool IsZero => _value.IsZero;

    /// <summary>Rounded down to whole cents: what a person is shown as "worth".</summary>
    public UsdAmount FloorToCents() => new(_value.Floor(2));

    /// <summary>"2,000.00" (grouped, at least two decimals, more when the value has them).</summary>
    public string Format() => _value.Format(2, grouped: true);

    /// <summary>"2,000.00 USD".</summary>
    public override string ToString() => Format() + " USD";

    /// <summary>
    /// Parses "2000", "2,000", "2,000 $", "$2,000.50", "2000 USD". Never throws on bad text.
    /// </summary>
    /// <returns>The amount, or the error <see cref="TreasuryCodes.UsdInvalid"/>.</returns>
    public static Result<UsdAmount> Parse(string? text)
    {
        var s = (text ?? string.Empty).Trim();
        if (s.EndsWith("USD", StringComparison.OrdinalIgnoreCase))
        {
            s = s[..^3].TrimEnd();
        }

        s = s.Trim().TrimStart('$').TrimEnd('$').Trim();
        return ExactDecimal.TryParse(s, out var value)
            ? Result<UsdAmount>.Ok(new UsdAmount(value))
            : Result<UsdAmount>.Fail(TreasuryCodes.UsdInvalid, $"'{text}' is not a dollar amount; write e.g. 2000 or 2,000.50.");
    }

    /// <inheritdoc />
    public int CompareTo(UsdAmount other) => _value.CompareTo(other._value);

    /// <summary>Orders amounts.</summary>
    public static bool operator <(UsdAmount left, UsdAmount right) => left.CompareTo(right) < 0;

    /// <summary>Orders amounts.</summary>
    public static bool operator >(UsdAmount left, UsdAmount right) => left.CompareTo(right) > 0;

    /// <summary>Orders amounts.</summary>
    public static bool operator <=(UsdAmount left, UsdAmount right) => left.CompareTo(right) <= 0;

    /// <summary>Orders amounts.</summary>
    public static bool operator >=(UsdAmount left, UsdAmount right) => left.CompareTo(right) >= 0;

    /// <summary>Adds exactly.</summary>
    public static UsdAmount operator +(UsdAmount left, UsdAmount right)
    {
        var scale = Math.Max(left._value.Scale, right._value.Scale);
        var l = left._value.Mantissa * BigInteger.Pow(10, scale - left._value.Scale);
        var r = right._value.Mantissa * BigInteger.Pow(10, scale - right._value.Scale);
        return new UsdAmount(new ExactDecimal(l + r, scale));
    }
}
