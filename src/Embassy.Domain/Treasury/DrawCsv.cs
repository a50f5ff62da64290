using System.Globalization;

namespace Embassy.Domain.Treasury;

/// <summary>
/// Reads recorded draws from CSV text with the header <c>id,kind,month,amount,date,reference</c> (amount in whole tokens,
/// kind one of payout, bounty, other), so the runway (RULES.md R10) can be computed from a treasury export. Never throws on
/// bad text; every problem names its line.
/// </summary>
public static class DrawCsv
{
    /// <summary>A draws CSV row that cannot be read.</summary>
    public const string RowInvalid = "DRAW_CSV_ROW";

    /// <summary>A draws CSV without the needed header.</summary>
    public const string HeaderInvalid = "DRAW_CSV_HEADER";

    private static readonly string[] Required = ["id", "kind", "month", "amount", "date"];

    /// <summary>Parses <paramref name="text"/> as draws of <paramref name="token"/>.</summary>
    public static Result<IReadOnlyList<DrawRequest>> Parse(string? text, Token token, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(token);
        var lines = (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var diagnostics = new List<Diagnostic>();
        var draws = new List<DrawRequest>();
        Dictionary<string, int>? columns = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = i == 0 ? lines[i].TrimStart('\uFEFF') : lines[i];
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var at = new SourcePosition(i + 1, 0, sourceName);
            if (!CsvLines.TrySplit(line, out var fields))
            {
                diagnostics.Add(Diagnostic.Error(RowInvalid, "A quoted field is not closed on this line.", at));
                continue;
            }

            if (columns is null)
            {
                columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                for (var c = 0; c < fields.Count; c++)
                {
                    columns.TryAdd(fields[c].Trim(), c);
                }

                var missing = Required.Where(r => !columns.ContainsKey(r)).ToArray();
                if (missing.Length > 0)
                {
                    diagnostics.Add(Diagnostic.Error(HeaderInvalid, $"The header lacks {string.Join(", ", missing)}; expected id,kind,month,amount,date,reference.", at));
                    break;
                }

                continue;
            }

            string Field(string name) => columns.TryGetValue(name, out var c) && c < fields.Count ? fields[c].Trim() : string.Empty;
            var before = diagnostics.Count;
            var id = Field("id");
            if (id.Length == 0)
            {
                diagnostics.Add(Diagnostic.Error(RowInvalid, "The id is empty.", at));
            }

            DrawKind? kind = Field("kind").ToLowerInvariant() switch
            {
                "payout" or "month" or "monthpayout" => DrawKind.MonthPayout,
                "bounty" => DrawKind.Bounty,
                "other" => DrawKind.Other,
                _ => null,
            };
            if (kind is null)
            {
                diagnostics.Add(Diagnostic.Error(RowInvalid, $"'{Field("kind")}' is not a kind; write payout, bounty or other.", at));
            }

            if (!Period.TryParse(Field("month"), out var month))
            {
                diagnostics.Add(Diagnostic.Error(RowInvalid, $"'{Field("month")}' is not a month; write YYYY-MM.", at));
            }

            var amount = TokenAmount.Parse(Field("amount"), token);
            diagnostics.AddRange(amount.Errors.Select(e => e with { Position = at }));
            if (!DateOnly.TryParseExact(Field("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                diagnostics.Add(Diagnostic.Error(RowInvalid, $"'{Field("date")}' is not a date; write YYYY-MM-DD.", at));
            }

            if (diagnostics.Count == before)
            {
                draws.Add(new DrawRequest(id, kind!.Value, month, amount.Value, date, Field("reference")));
            }
        }

        if (columns is null && diagnostics.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(HeaderInvalid, "The file is empty; expected the header id,kind,month,amount,date,reference.", new SourcePosition(1, 0, sourceName)));
        }

        return Result<IReadOnlyList<DrawRequest>>.From(draws, diagnostics);
    }
}
