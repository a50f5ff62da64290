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
        var diagnostics = new List<Diagnostic>();
        var draws = new List<DrawRequest>();
        foreach (var row in CsvLines.Rows(text, Required, HeaderInvalid, RowInvalid, sourceName, diagnostics))
        {
            var at = row.At;
            string Field(string name) => row.Field(name);
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

        return Result<IReadOnlyList<DrawRequest>>.From(draws, diagnostics);
    }
}
