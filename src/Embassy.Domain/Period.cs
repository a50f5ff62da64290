using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Embassy.Domain;

/// <summary>A calendar month the program evaluates, written <c>YYYY-MM</c>.</summary>
public readonly record struct Period : IComparable<Period>
{
    /// <summary>Creates a period; throws when the month is not 1–12 or the year is out of 1–9999.</summary>
    public Period(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Year = year;
        Month = month;
    }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>The month, 1–12.</summary>
    public int Month { get; }

    /// <summary>The first day of the month.</summary>
    public DateOnly FirstDay => new(Year, Month, 1);

    /// <summary>The last day of the month.</summary>
    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    /// <summary>The month after this one.</summary>
    public Period Next => Month == 12 ? new Period(Year + 1, 1) : new Period(Year, Month + 1);

    /// <summary>The month before this one.</summary>
    public Period Previous => Month == 1 ? new Period(Year - 1, 12) : new Period(Year, Month - 1);

    /// <summary>The period containing a date.</summary>
    public static Period Of(DateOnly date) => new(date.Year, date.Month);

    /// <summary>The period containing an instant, in UTC.</summary>
    public static Period Of(DateTimeOffset instant) => new(instant.UtcDateTime.Year, instant.UtcDateTime.Month);

    /// <summary>Whole months from <paramref name="other"/> to this period (positive when this is later).</summary>
    public int MonthsSince(Period other) => (Year - other.Year) * 12 + (Month - other.Month);

    /// <summary>Adds whole months.</summary>
    public Period AddMonths(int months)
    {
        var index = checked(Year * 12 + (Month - 1) + months);
        return new Period(index / 12, index % 12 + 1);
    }

    /// <summary>Parses <c>YYYY-MM</c> exactly.</summary>
    public static Result<Period> Parse(string? text)
    {
        if (TryParse(text, out var period))
        {
            return Result<Period>.Ok(period);
        }

        return Result<Period>.Fail("PERIOD_INVALID", $"'{text}' is not a month; write it as YYYY-MM, e.g. 2024-09.");
    }

    /// <summary>Parses <c>YYYY-MM</c> exactly.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Period period)
    {
        period = default;
        if (text is null)
        {
            return false;
        }

        var s = text.Trim();
        if (s.Length != 7 || s[4] != '-'
            || !int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(s.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || y < 1 || m < 1 || m > 12)
        {
            return false;
        }

        period = new Period(y, m);
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(Period other) => (Year, Month).CompareTo((other.Year, other.Month));

    /// <summary>Orders periods in time.</summary>
    public static bool operator <(Period left, Period right) => left.CompareTo(right) < 0;

    /// <summary>Orders periods in time.</summary>
    public static bool operator >(Period left, Period right) => left.CompareTo(right) > 0;

    /// <summary>Orders periods in time.</summary>
    public static bool operator <=(Period left, Period right) => left.CompareTo(right) <= 0;

    /// <summary>Orders periods in time.</summary>
    public static bool operator >=(Period left, Period right) => left.CompareTo(right) >= 0;

    /// <summary><c>YYYY-MM</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
