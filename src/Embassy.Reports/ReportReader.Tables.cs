using Embassy.Domain;

namespace Embassy.Reports;

public sealed partial class ReportParser
{
    /// <summary>Reads one report; this part: suggested scores written as a Markdown table.</summary>
    private sealed partial class Reader
    {
        // A table of more rows than this is not a score table (and is not worth reading cell by cell).
        private const int MaxTableRows = 40;

        /// <summary>
        /// Issue #11: suggested scores in a GitHub table, one department per row ("| CC | 36/40 |", "| Content Creation |
        /// 18 | 18 | 36 |") or one per column ("| | CC | CM |" over "| Suggested | 36/40 | 30/40 |"). A cell is a
        /// score when it is a fraction, or a bare number in a column headed as a score or total (out of the policy's
        /// maximum), or effort and result columns summed (R3). Tables of weights are not scores. What the lines around
        /// the table already gave is kept (<c>TryAdd</c>).
        /// </summary>
        private void ReadScoreTables()
        {
            for (var i = 0; i + 1 < lines.Length; i++)
            {
                if (!lines[i].Contains('|', StringComparison.Ordinal) || !IsTableSeparator(lines[i + 1]))
                {
                    continue;
                }

                var header = Cells(lines[i]);
                var rows = new List<(string[] Cells, int Line)>();
                var k = i + 2;
                for (; k < lines.Length && rows.Count <= MaxTableRows && lines[k].Contains('|', StringComparison.Ordinal); k++)
                {
                    rows.Add((Cells(lines[k]), k + 1));
                }

                if (header.Length >= 2 && rows.Count is > 0 and <= MaxTableRows && !IsWeightTable(header))
                {
                    if (!ReadRowTable(header, rows))
                    {
                        ReadColumnTable(header, rows);
                    }
                }

                i = k - 1;
            }
        }

        // One department per row: its name or code in the first cell.
        private bool ReadRowTable(string[] header, List<(string[] Cells, int Line)> rows)
        {
            var keys = header.Select(Text.Key).ToArray();
            var total = Array.FindLastIndex(keys, IsTotalKey);
            var effort = Array.FindIndex(keys, h => h.Contains("effort", StringComparison.Ordinal));
            var result = Array.FindIndex(keys, h => h.StartsWith("result", StringComparison.Ordinal) || h.Contains(" result", StringComparison.Ordinal));
            var read = false;
            foreach (var (cells, line) in rows)
            {
                if (cells.Length < 2 || _vocabulary.Resolve(cells[0], policy) is not { } code || code == "BASIC" && policy?.FindDepartment(code) is null)
                {
                    continue;
                }

                read = true;
                var max = PolicyMax(code);
                SuggestedScore? score = null;
                if (total > 0 && total < cells.Length)
                {
                    score = CellScore(cells[total], max, line);
                }

                if (score is null && effort > 0 && result > 0 && effort < cells.Length && result < cells.Length
                    && CellScore(cells[effort], null, line) is { } e && CellScore(cells[result], null, line) is { } r)
                {
                    // R3: effort and result, each of their half, are the department's score.
                    var sum = new SuggestedScore(e.Score + r.Score, max ?? e.Max + r.Max, line);
                    score = sum.Score <= sum.Max ? sum : null;
                }

                for (var c = 1; score is null && c < cells.Length; c++)
                {
                    // No score column named: the one fraction of the row ("| CC | 36/40 |").
                    if (c != effort && c != result && Fraction().Match(cells[c]) is { Success: true })
                    {
                        score = CellScore(cells[c], max, line);
                    }
                }

                if (score is not null)
                {
                    Scores.TryAdd(code, score);
                }
            }

            return read;
        }

        // One department per column, and a row of scores ("Suggested", "Score", "Total").
        private void ReadColumnTable(string[] header, List<(string[] Cells, int Line)> rows)
        {
            var codes = header.Select(h => _vocabulary.Resolve(h, policy)).ToArray();
            if (codes.Skip(1).All(c => c is null))
            {
                return;
            }

            foreach (var (cells, line) in rows)
            {
                if (cells.Length == 0 || !IsTotalKey(Text.Key(cells[0])))
                {
                    continue;
                }

                for (var c = 1; c < Math.Min(cells.Length, codes.Length); c++)
                {
                    if (codes[c] is { } code && CellScore(cells[c], PolicyMax(code), line) is { } score)
                    {
                        Scores.TryAdd(code, score);
                    }
                }

                return;
            }
        }

        // A cell's score: a fraction ("36/40", "36 / 40"), or a bare number out of the department's maximum.
        private static SuggestedScore? CellScore(string cell, Points? max, int line)
        {
            var text = cell.Trim().Trim('*', '`', ' ');
            var f = Fraction().Match(text);
            if (f.Success)
            {
                return TryPoints(f.Groups[1].Value, out var s) && TryPoints(f.Groups[2].Value, out var m) && m > Points.Zero && m <= Points.Of(200) && s <= m
                    ? new SuggestedScore(s, m, line)
                    : null;
            }

            if (text.Length is > 0 and <= 6 && !text.Contains('%', StringComparison.Ordinal) && TryPoints(text, out var bare) && bare >= Points.Zero)
            {
                var of = max ?? Points.Zero;
                return max is null ? new SuggestedScore(bare, bare, line) : bare <= of ? new SuggestedScore(bare, of, line) : null;
            }

            return null;
        }

        private static bool IsTotalKey(string key) =>
            key.Contains("score", StringComparison.Ordinal) || key.Contains("total", StringComparison.Ordinal)
            || key.Contains("suggest", StringComparison.Ordinal) || key.Contains("points", StringComparison.Ordinal);

        private static bool IsWeightTable(string[] header) =>
            header.Any(h => Text.ContainsIgnoreCase(h, "weight") || h.Contains('%', StringComparison.Ordinal)) && !header.Any(h => IsTotalKey(Text.Key(h)));

        // "|---|:--:|", "--- | ---": pipes, dashes, colons and spaces, with a dash.
        private static bool IsTableSeparator(string line)
        {
            var dash = false;
            var pipe = false;
            foreach (var c in line)
            {
                switch (c)
                {
                    case '-':
                        dash = true;
                        break;
                    case '|':
                        pipe = true;
                        break;
                    case ':' or ' ' or '\t':
                        break;
                    default:
                        return false;
                }
            }

            return dash && pipe;
        }

        // The cells of a table row, without the empty ones the outer pipes make.
        private static string[] Cells(string line)
        {
            var t = line.Trim();
            if (t.StartsWith('|'))
            {
                t = t[1..];
            }

            if (t.EndsWith('|'))
            {
                t = t[..^1];
            }

            return t.Split('|', StringSplitOptions.TrimEntries);
        }
    }
}
