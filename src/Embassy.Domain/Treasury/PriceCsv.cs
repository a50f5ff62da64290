using System.Globalization;

namespace Embassy.Domain.Treasury;

/// <summary>
/// Reads monthly prices from CSV text with the header <c>period,price,source,date</c> (any column order, extra columns
/// ignored), e.g. <c>2024-09,0.1234,CoinGecko monthly close,2024-09-30</c> (RULES.md R10: the price is recorded with
/// its source and date). Never throws on bad text; every problem names its line.
/// </summary>
public static class PriceCsv
{
    private static readonly string[] Required = ["period", "price", "source", "date"];

    /// <summary>Parses <paramref name="text"/> as prices of <paramref name="token"/>.</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="token">The token the prices are for.</param>
    /// <param name="sourceName">The file name for positions, e.g. "prices.csv".</param>
    /// <returns>
    /// The prices in file order, or every error found: <see cref="TreasuryCodes.PriceCsvHeader"/>,
    /// <see cref="TreasuryCodes.PriceCsvRow"/>, <see cref="TreasuryCodes.PriceInvalid"/>, <see cref="TreasuryCodes.PriceCsvDuplicate"/>.
    /// </returns>
    public static Result<IReadOnlyList<PriceRecord>> Parse(string? text, Token token, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(token);
        var diagnostics = new List<Diagnostic>();
        var records = new List<PriceRecord>();
        var seen = new Dictionary<Period, int>();
        Dictionary<string, int>? columns = null;
        foreach (var (lineNo, fields) in CsvRecords.Read(text, sourceName, TreasuryCodes.PriceCsvRow, diagnostics) ?? [])
        {
            var at = new SourcePosition(lineNo, 0, sourceName);
            if (columns is null)
            {
                columns = ReadHeader(fields, at, diagnostics);
                if (columns is null)
                {
                    break;
                }

                continue;
            }

            var row = ReadRow(fields, columns, token, at, diagnostics);
            if (row is null)
            {
                continue;
            }

            if (seen.TryGetValue(row.Period, out var first))
            {
                diagnostics.Add(Diagnostic.Error(
                    TreasuryCodes.PriceCsvDuplicate,
                    string.Create(CultureInfo.InvariantCulture, $"{row.Period} already has a price on line {first}; one price per month."),
                    at));
                continue;
            }

            seen[row.Period] = lineNo;
            records.Add(row);
        }

        if (columns is null && diagnostics.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(TreasuryCodes.PriceCsvHeader, "The file is empty; expected the header period,price,source,date.", new SourcePosition(1, 0, sourceName)));
        }

        return Result<IReadOnlyList<PriceRecord>>.From(records, diagnostics);
    }

    private static Dictionary<string, int>? ReadHeader(IReadOnlyList<string> fields, SourcePosition at, List<Diagnostic> diagnostics)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var c = 0; c < fields.Count; c++)
        {
            columns.TryAdd(fields[c].Trim(), c);
        }

        var missing = Required.Where(r => !columns.ContainsKey(r)).ToArray();
        if (missing.Length > 0)
        {
            diagnostics.Add(Diagnostic.Error(
                TreasuryCodes.PriceCsvHeader,
                $"The header lacks {string.Join(", ", missing)}; expected period,price,source,date.",
                at));
            return null;
        }

        return columns;
    }

    private static PriceRecord? ReadRow(IReadOnlyList<string> fields, Dictionary<string, int> columns, Token token, SourcePosition at, List<Diagnostic> diagnostics)
    {
        string Field(string name) => columns[name] < fields.Count ? fields[columns[name]].Trim() : string.Empty;

        var before = diagnostics.Count;
        var periodText = Field("period");
        if (!Period.TryParse(periodText, out var period))
        {
            diagnostics.Add(Diagnostic.Error(TreasuryCodes.PriceCsvRow, $"'{periodText}' is not a month; write YYYY-MM.", at));
        }

        var price = TokenPrice.Parse(Field("price"), token);
        foreach (var e in price.Errors)
        {
            diagnostics.Add(e with { Position = at });
        }

        var source = Field("source");
        if (source.Length == 0)
        {
            diagnostics.Add(Diagnostic.Error(TreasuryCodes.PriceCsvRow, "The source is empty; say where the price was read (R10).", at));
        }

        var dateText = Field("date");
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            diagnostics.Add(Diagnostic.Error(TreasuryCodes.PriceCsvRow, $"'{dateText}' is not a date; write YYYY-MM-DD.", at));
        }

        return diagnostics.Count == before ? new PriceRecord(period, price.Value, source, date) : null;
    }
}
