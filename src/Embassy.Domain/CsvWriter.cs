using System.Text;

namespace Embassy.Domain;

/// <summary>
/// The one RFC 4180 writer every CSV output shares (payout files, month downloads, the CLI), the counterpart of
/// <see cref="CsvRecords"/>: a field is quoted only when it holds a comma, a quote or a line break, and a cell a
/// spreadsheet would run as a formula is neutralised, since names and titles come from untrusted reports.
/// </summary>
public static class CsvWriter
{
    /// <summary>
    /// U+FEFF, the UTF-8 byte order mark every CSV file starts with: without it a spreadsheet in a non-English locale
    /// reads the file as its ANSI code page, and a German import turns the amounts into text. <see cref="CsvRecords"/>
    /// skips it, so Embassy reads its own files back unchanged.
    /// </summary>
    public const string ByteOrderMark = "\uFEFF";

    /// <summary>A whole file: the byte order mark, then each record through <see cref="Line(IEnumerable{string?}, bool)"/>.</summary>
    public static string Document(IEnumerable<IEnumerable<string?>> records, bool crlf = false)
    {
        ArgumentNullException.ThrowIfNull(records);
        var sb = new StringBuilder(ByteOrderMark);
        foreach (var record in records)
        {
            sb.Append(Line(record, crlf));
        }

        return sb.ToString();
    }

    /// <summary>
    /// The header of a column of smallest units that says how many decimals they carry, e.g. <c>amount_units (18 decimals)</c>,
    /// so nobody reading the sheet has to guess the token's scale (R5).
    /// </summary>
    public static string UnitsColumn(string name, int decimals)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name} ({decimals} decimals)");
    }

    /// <summary>One record with its line ending (<c>\n</c> unless <paramref name="crlf"/>).</summary>
    public static string Line(IEnumerable<string?> fields, bool crlf = false)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var sb = new StringBuilder();
        var first = true;
        foreach (var value in fields)
        {
            if (!first)
            {
                sb.Append(',');
            }

            first = false;
            var f = Neutralise(value ?? string.Empty);
            if (f.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                sb.Append('"').Append(f.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                sb.Append(f);
            }
        }

        return sb.Append(crlf ? "\r\n" : "\n").ToString();
    }

    /// <summary>One record from the given fields.</summary>
    public static string Line(params string?[] fields) => Line((IEnumerable<string?>)fields);

    /// <summary>
    /// A cell that starts with <c>=</c>, <c>+</c>, <c>@</c>, a tab or a carriage return, or with <c>-</c> unless the whole
    /// cell is a plain number, gets a leading apostrophe so a spreadsheet shows it as text instead of running it (OWASP's
    /// CSV injection advice; <c>-2+3+cmd|…</c> starts with a digit after the minus and still runs). Numbers, negative
    /// ones included, addresses and amounts are left exactly as they are.
    /// </summary>
    public static string Neutralise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return value;
        }

        var risky = value[0] switch
        {
            '=' or '+' or '@' or '\t' or '\r' => true,
            '-' => !IsPlainNumber(value.AsSpan(1)),
            _ => false,
        };
        return risky ? "'" + value : value;
    }

    // Digits with at most one decimal point, at least one digit: what a negative amount or percentage looks like.
    private static bool IsPlainNumber(ReadOnlySpan<char> text)
    {
        var digits = 0;
        var points = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c == '.' && points++ == 0)
            {
                continue;
            }
            else
            {
                return false;
            }
        }

        return digits > 0;
    }
}
