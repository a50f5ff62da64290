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

    /// <summary>
    /// The data rows of a CSV text with a header naming at least <paramref name="required"/> columns (any order,
    /// case-insensitive; a BOM, CRLF and blank lines are fine). Problems go to <paramref name="diagnostics"/> with their
    /// line: an open quote (<paramref name="rowCode"/>), a header lacking columns or an empty file (<paramref name="headerCode"/>).
    /// </summary>
    public static IEnumerable<CsvRow> Rows(
        string? text, string[] required, string headerCode, string rowCode, string? sourceName, List<Diagnostic> diagnostics)
    {
        var lines = (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        Dictionary<string, int>? columns = null;
        var expected = string.Join(",", required);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = i == 0 ? lines[i].TrimStart('\uFEFF') : lines[i];
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var at = new SourcePosition(i + 1, 0, sourceName);
            if (!TrySplit(line, out var fields))
            {
                diagnostics.Add(Diagnostic.Error(rowCode, "A quoted field is not closed on this line.", at));
                continue;
            }

            if (columns is null)
            {
                columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                for (var c = 0; c < fields.Count; c++)
                {
                    columns.TryAdd(fields[c].Trim(), c);
                }

                var missing = required.Where(r => !columns.ContainsKey(r)).ToArray();
                if (missing.Length > 0)
                {
                    diagnostics.Add(Diagnostic.Error(headerCode, $"The header lacks {string.Join(", ", missing)}; expected {expected}.", at));
                    yield break;
                }

                continue;
            }

            yield return new CsvRow(at, columns, fields);
        }

        if (columns is null && diagnostics.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(headerCode, $"The file is empty; expected the header {expected}.", new SourcePosition(1, 0, sourceName)));
        }
    }
}

/// <summary>One data row of <see cref="CsvLines.Rows"/>: its position and its fields by column name.</summary>
internal readonly record struct CsvRow(SourcePosition At, IReadOnlyDictionary<string, int> Columns, IReadOnlyList<string> Fields)
{
    /// <summary>The trimmed field of column <paramref name="name"/>, or empty when the row is short or lacks it.</summary>
    public string Field(string name) => Columns.TryGetValue(name, out var c) && c < Fields.Count ? Fields[c].Trim() : string.Empty;
}
