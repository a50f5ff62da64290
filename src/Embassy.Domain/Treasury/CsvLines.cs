namespace Embassy.Domain.Treasury;

/// <summary>Header-and-rows access over <see cref="CsvRecords"/> for the treasury and community imports (the domain reads no files).</summary>
internal static class CsvLines
{
    /// <summary>
    /// The data rows of a CSV text with a header naming at least <paramref name="required"/> columns (any order,
    /// case-insensitive; a BOM, CRLF and blank lines are fine). Problems go to <paramref name="diagnostics"/> with their
    /// line: an open quote (<paramref name="rowCode"/>), a header lacking columns or an empty file (<paramref name="headerCode"/>).
    /// </summary>
    public static IEnumerable<CsvRow> Rows(
        string? text, string[] required, string headerCode, string rowCode, string? sourceName, List<Diagnostic> diagnostics)
    {
        var records = CsvRecords.Read(text, sourceName, rowCode, diagnostics);
        if (records is null)
        {
            yield break;
        }

        Dictionary<string, int>? columns = null;
        var expected = string.Join(",", required);
        foreach (var (line, fields) in records)
        {
            var at = new SourcePosition(line, 0, sourceName);
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
