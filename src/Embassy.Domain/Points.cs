using System.Globalization;

namespace Embassy.Domain;

/// <summary>
/// A number of score points, exact to the hundredth (RULES.md R3: whole points, a policy may allow halves;
/// reviewer means round to the policy's step). Held as an integer of hundredths so that ratios of points
/// (R5 shares) are exact integer arithmetic.
/// </summary>
public readonly record struct Points : IComparable<Points>
{
    private Points(long hundredths) => Hundredths = hundredths;

    /// <summary>The value in hundredths of a point.</summary>
    public long Hundredths { get; }

    /// <summary>Zero points.</summary>
    public static Points Zero => default;

    /// <summary>Whole points.</summary>
    public static Points Of(int whole) => new(checked(whole * 100L));

    /// <summary>From hundredths of a point.</summary>
    public static Points FromHundredths(long hundredths) => new(hundredths);

    /// <summary>From a decimal number of points; more than two decimals throw.</summary>
    public static Points Of(decimal value)
    {
        var h = value * 100m;
        if (h != decimal.Truncate(h))
        {
            throw new ArgumentException($"{value} has more than two decimals.", nameof(value));
        }

        return new Points(decimal.ToInt64(h));
    }

    /// <summary>The value as a decimal.</summary>
    public decimal Value => Hundredths / 100m;

    /// <summary>True when the value is a multiple of <paramref name="step"/>.</summary>
    public bool IsMultipleOf(Points step) => step.Hundredths > 0 && Hundredths % step.Hundredths == 0;

    /// <summary>Parses "35", "35.5"; never throws.</summary>
    public static bool TryParse(string? text, out Points points)
    {
        points = default;
        if (!decimal.TryParse(text?.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d)
            || d * 100m != decimal.Truncate(d * 100m) || Math.Abs(d) > 1_000_000_000m)
        {
            return false;
        }

        points = new Points(decimal.ToInt64(d * 100m));
        return true;
    }

    /// <summary>Adds.</summary>
    public static Points operator +(Points a, Points b) => new(checked(a.Hundredths + b.Hundredths));

    /// <summary>Subtracts.</summary>
    public static Points operator -(Points a, Points b) => new(checked(a.Hundredths - b.Hundredths));

    /// <summary>Orders.</summary>
    public static bool operator <(Points a, Points b) => a.Hundredths < b.Hundredths;

    /// <summary>Orders.</summary>
    public static bool operator >(Points a, Points b) => a.Hundredths > b.Hundredths;

    /// <summary>Orders.</summary>
    public static bool operator <=(Points a, Points b) => a.Hundredths <= b.Hundredths;

    /// <summary>Orders.</summary>
    public static bool operator >=(Points a, Points b) => a.Hundredths >= b.Hundredths;

    /// <inheritdoc />
    public int CompareTo(Points other) => Hundredths.CompareTo(other.Hundredths);

    /// <summary>"35" or "35.5".</summary>
    public override string ToString() => Value.ToString("0.##", CultureInfo.InvariantCulture);
}
