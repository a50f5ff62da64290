using System.Globalization;

namespace Embassy.Domain;

/// <summary>
/// An exact ratio shown as a percentage (RULES.md R8: points earned / points possible).
/// Kept as a fraction so that threshold tests (≥ 65 %) never suffer rounding; <see cref="Rounded"/> is for display.
/// </summary>
public readonly record struct Percent(long Numerator, long Denominator)
{
    /// <summary>A percentage of points earned over points possible; zero possible gives 0 %.</summary>
    public static Percent Of(Points earned, Points possible) =>
        possible.Hundredths <= 0 ? new Percent(0, 1) : new Percent(earned.Hundredths, possible.Hundredths);

    /// <summary>True when this is at least <paramref name="percent"/> % (exact: 100·n ≥ p·d).</summary>
    public bool AtLeast(decimal percent) => Numerator * 100m >= percent * Denominator;

    /// <summary>The percentage rounded half up to two decimals, for display and JSON.</summary>
    public decimal Rounded => Denominator == 0 ? 0m : Math.Round(Numerator * 100m / Denominator, 2, MidpointRounding.AwayFromZero);

    /// <summary>"95.5 %".</summary>
    public override string ToString() => Rounded.ToString("0.##", CultureInfo.InvariantCulture) + " %";
}
