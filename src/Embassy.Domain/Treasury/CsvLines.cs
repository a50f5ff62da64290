using System.Text;

namespace Embassy.Domain.Treasury;

/// <summary>The small RFC 4180 reader the treasury's CSV imports share (one record per line; the domain reads no files).</summary>
internal static class CsvLines
{
    /// <summary>Splits one RFC 4180 line; false when a quote is left open.</summary>
    public static bool TrySplit(string line, out List<string> fields)
    {
        fields = [];
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    sb.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    sb.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(sb.ToString());
                sb.Clear();
            }
            else
            {
                sb.Append(ch);
            }
        }

        fields.Add(sb.ToString());
        return !quoted;
    }
}
