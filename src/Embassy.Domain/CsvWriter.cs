using System.Text;

namespace Embassy.Domain;

/// <summary>
/// The one RFC 4180 writer every CSV output shares (payout files, month downloads, the CLI), the counterpart of
/// <see cref="CsvRecords"/>: a field is quoted only when it holds a comma, a quote or a line break, and a cell a
/// spreadsheet would run as a formula is neutralised, since names and titles come from untrusted reports.
/// </summary>
public static class CsvWriter
{
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
    /// A cell that starts with <c>=</c>, <c>+</c>, <c>@</c>, a tab or a carriage return, or with <c>-</c> not followed by
    /// a digit, gets a leading apostrophe so a spreadsheet shows it as text instead of running it (OWASP's CSV
    /// injection advice). Numbers, negative ones included, addresses and amounts are left exactly as they are.
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
            '-' => value.Length == 1 || !char.IsAsciiDigit(value[1]),
            _ => false,
        };
        return risky ? "'" + value : value;
    }
}
