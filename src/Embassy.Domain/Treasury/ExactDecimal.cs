using System.Globalization;
using System.Numerics;

namespace Embassy.Domain.Treasury;

/// <summary>
/// A non-negative decimal held exactly as <c>Mantissa / 10^Scale</c>, normalized (no trailing zero digits), so that
/// fiat amounts and prices never pass through floating point (STYLE.md: no double for money). Shared by
/// <see cref="UsdAmount"/> and <see cref="TokenPrice"/>, which give it a meaning.
/// </summary>
internal readonly record struct ExactDecimal
{
    /// <summary>Most decimals a price or fiat amount may have; more is refused rather than rounded.</summary>
    public const int MaxScale = 18;

    public ExactDecimal(BigInteger mantissa, int scale)
    {
        if (mantissa.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(mantissa), "Exact decimals here are never negative.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(scale);
        while (scale > 0 && !mantissa.IsZero && mantissa % 10 == 0)
        {
            mantissa /= 10;
            scale--;
        }

        if (mantissa.IsZero)
        {
            scale = 0;
        }

        Mantissa = mantissa;
        Scale = scale;
    }

    public BigInteger Mantissa { get; }

    public int Scale { get; }

    public BigInteger Denominator => BigInteger.Pow(10, Scale);

    public bool IsZero => Mantissa.IsZero;

    public int CompareTo(ExactDecimal other) =>
        (Mantissa * other.Denominator).CompareTo(other.Mantissa * Denominator);

    /// <summary>Rounds down to <paramref name="decimals"/> places.</summary>
    public ExactDecimal Floor(int decimals) =>
        Scale <= decimals ? this : new ExactDecimal(Mantissa / BigInteger.Pow(10, Scale - decimals), decimals);

    /// <summary>"2,000", "0.1234", with at least <paramref name="minDecimals"/> decimals.</summary>
    public string Format(int minDecimals, bool grouped)
    {
        var den = Denominator;
        var whole = BigInteger.DivRem(Mantissa, den, out var frac);
        var wholeText = whole.ToString(CultureInfo.InvariantCulture);
        if (grouped && wholeText.Length > 3)
        {
            var parts = new List<string>();
            for (var end = wholeText.Length; end > 0; end -= 3)
            {
                parts.Insert(0, wholeText[Math.Max(0, end - 3)..end]);
            }

            wholeText = string.Join(',', parts);
        }

        var decimals = Math.Max(Scale, minDecimals);
        if (decimals == 0)
        {
            return wholeText;
        }

        var fracText = (frac * BigInteger.Pow(10, decimals - Scale)).ToString(CultureInfo.InvariantCulture).PadLeft(decimals, '0');
        return wholeText + "." + fracText;
    }

    /// <summary>
    /// Reads "2000", "2,000", "0.1234", ".5". Grouping commas must be in groups of three. Never throws;
    /// returns false for anything else (signs, exponents, more than <see cref="MaxScale"/> decimals).
    /// </summary>
    public static bool TryParse(string text, out ExactDecimal value)
    {
        value = default;
        var s = text.Trim();
        if (s.Length == 0 || s.Length > 80)
        {
            return false;
        }

        var dot = s.IndexOf('.', StringComparison.Ordinal);
        var wholePart = dot < 0 ? s : s[..dot];
        var fracPart = dot < 0 ? string.Empty : s[(dot + 1)..];
        if ((wholePart.Length == 0 && fracPart.Length == 0) || (dot >= 0 && fracPart.Length == 0)
            || !fracPart.All(char.IsAsciiDigit) || fracPart.Length > MaxScale || !IsGroupedDigits(wholePart))
        {
            return false;
        }

        var digits = wholePart.Replace(",", string.Empty, StringComparison.Ordinal) + fracPart;
        if (digits.Length == 0)
        {
            digits = "0";
        }

        value = new ExactDecimal(BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture), fracPart.Length);
        return true;
    }

    private static bool IsGroupedDigits(string s)
    {
        if (!s.Contains(',', StringComparison.Ordinal))
        {
            return s.All(char.IsAsciiDigit);
        }

        var groups = s.Split(',');
        return groups[0].Length is >= 1 and <= 3 && groups[0].All(char.IsAsciiDigit)
            && groups.Skip(1).All(g => g.Length == 3 && g.All(char.IsAsciiDigit));
    }
}
