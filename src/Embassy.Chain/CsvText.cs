using System.Text;

namespace Embassy.Chain;

/// <summary>RFC 4180 CSV writing: fields quoted only when they hold a comma, a quote or a line break.</summary>
internal static class CsvText
{
    public static string Line(params string?[] fields)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            var f = fields[i] ?? string.Empty;
            if (f.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                sb.Append('"').Append(f.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                sb.Append(f);
            }
        }

        return sb.Append('\n').ToString();
    }
}
