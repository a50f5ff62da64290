using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Embassy.Domain;
using Embassy.Domain.Rules;

namespace Embassy.Cli;

/// <summary>
/// Writes a computed month as an aligned table (people), JSON (the contract other tools read) or CSV
/// (spreadsheets). Amounts in JSON and CSV are integers of the smallest unit written as strings (R5);
/// the table shows whole tokens. Everything is formatted with the invariant culture.
/// </summary>
internal static class AllocationOutput
{
    /// <summary>The formats <c>allocate</c> writes.</summary>
    public static readonly IReadOnlyList<string> Formats = ["table", "json", "csv"];

    /// <summary>Writes <paramref name="month"/> in <paramref name="format"/> (one of <see cref="Formats"/>).</summary>
    public static void Write(TextWriter output, MonthAllocation month, string format)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(format switch
        {
            "json" => Json(month),
            "csv" => Csv(month),
            _ => Table(month),
        });
    }

    /// <summary>
    /// The share columns: the policy's departments in its order (department pools), or reward and surplus
    /// (threshold model), plus any other key a member's shares hold.
    /// </summary>
    public static IReadOnlyList<string> ShareColumns(MonthAllocation month)
    {
        ArgumentNullException.ThrowIfNull(month);
        var columns = month.Departments.Count > 0 ? month.Departments.Select(d => d.Code).ToList() : ["reward", "surplus"];
        foreach (var key in month.Members.SelectMany(m => m.Shares.Keys).Order(StringComparer.Ordinal))
        {
            if (!columns.Contains(key))
            {
                columns.Add(key);
            }
        }

        return columns;
    }

    /// <summary>The month as aligned text tables: members, departments, pool, proposals.</summary>
    public static string Table(MonthAllocation month)
    {
        ArgumentNullException.ThrowIfNull(month);
        var token = month.Token;
        var shareColumns = ShareColumns(month);
        using var w = new StringWriter(CultureInfo.InvariantCulture);
        w.WriteLine($"{month.Policy.Id} ({month.Policy.Version}), {month.Period}, amounts in {token.Symbol}");
        w.WriteLine();

        var columns = new List<(string, bool)> { ("member", false), ("rank", false), ("percent", true) };
        columns.AddRange(shareColumns.Select(c => (c, true)));
        columns.Add(("bonus", true));
        var anyCapped = month.Members.Any(m => m.Capped is not null);
        if (anyCapped)
        {
            columns.Add(("capped", true)); // R10: held back by a clamping fiat cap
        }

        columns.Add(("total", true));
        var members = new AlignedTable(columns);
        foreach (var m in month.Members)
        {
            var cells = new List<string> { m.Id, m.Rank.Code, m.Status == MonthStatus.Accepted ? m.Percent.ToString() : "no report" };
            cells.AddRange(shareColumns.Select(c => m.Shares.GetValueOrDefault(c, token.Zero).Format()));
            cells.Add(m.Bonus.Format());
            if (anyCapped)
            {
                cells.Add("-" + (m.Capped ?? token.Zero).Format());
            }

            cells.Add(m.Total.Format());
            members.Add(cells);
        }

        members.Rule();
        var totals = new List<string> { "all", string.Empty, string.Empty };
        totals.AddRange(shareColumns.Select(c => month.Members.Aggregate(token.Zero, (a, m) => a + m.Shares.GetValueOrDefault(c, token.Zero)).Format()));
        totals.Add(month.Members.Aggregate(token.Zero, (a, m) => a + m.Bonus).Format());
        if (anyCapped)
        {
            totals.Add("-" + month.Members.Aggregate(token.Zero, (a, m) => a + (m.Capped ?? token.Zero)).Format());
        }

        totals.Add(month.TotalPaid.Format());
        members.Add(totals);
        members.WriteTo(w);

        if (month.Departments.Count > 0)
        {
            w.WriteLine();
            var departments = new AlignedTable([("department", false), ("pool", true), ("points", true), ("unspent", true), ("carried", true), ("redistributed", true)]);
            foreach (var d in month.Departments)
            {
                departments.Add([d.Code, d.Pool.Format(), d.Points.ToString(), d.Unspent.Format(), d.Carried.Format(), d.Redistributed.Format()]);
            }

            departments.WriteTo(w);
        }

        var b = month.PoolBreakdown;
        w.WriteLine();
        w.WriteLine($"Pool:      {month.Pool} (base {b.Base.Format()}{(b.Overridden ? " set by --pool" : string.Empty)}, growth {b.Growth.Format()}, carried in {b.CarriedIn.Format()}; {b.ActiveMembers.ToString(CultureInfo.InvariantCulture)} active members)");
        var bonuses = month.Members.Aggregate(token.Zero, (a, m) => a + m.Bonus);
        var capped = month.Members.Aggregate(token.Zero, (a, m) => a + (m.Capped ?? token.Zero));
        w.WriteLine($"Paid:      {month.TotalPaid} ({month.PaidFromPool.Format()} from the pool + {bonuses.Format()} bonuses{(capped.IsZero ? string.Empty : " - " + capped.Format() + " held back by a fiat cap")})");
        w.WriteLine($"Unspent:   {month.Unspent} (returns to the treasury{(capped.IsZero ? string.Empty : ", what a cap held back included")})");
        w.WriteLine($"Carried:   {month.Carried} (to next month)");
        if (month.Proposals.Count == 0)
        {
            w.WriteLine("Proposals: none");
        }
        else
        {
            w.WriteLine("Proposals (an admin confirms them; R8):");
            foreach (var p in month.Proposals)
            {
                w.WriteLine($"  {p.Member}: {p.From} -> {p.To} from {p.EffectiveFrom}: {p.Reason}");
            }
        }

        return w.ToString();
    }

    /// <summary>The JSON contract of <c>embassy allocate --format json</c>; extra fields follow the contract's in each object.</summary>
    public static string Json(MonthAllocation month)
    {
        ArgumentNullException.ThrowIfNull(month);
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = NewJsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartObject("policy");
            w.WriteString("id", month.Policy.Id);
            w.WriteString("version", month.Policy.Version);
            w.WriteString("hash", month.Policy.Hash);
            w.WriteEndObject();
            w.WriteString("period", month.Period.ToString());
            WriteToken(w, month.Token);
            w.WriteString("pool", Units(month.Pool));

            w.WriteStartArray("departments");
            foreach (var d in month.Departments)
            {
                w.WriteStartObject();
                w.WriteString("code", d.Code);
                w.WriteString("pool", Units(d.Pool));
                w.WriteRawNumber("points", d.Points.ToString());
                w.WriteString("unspent", Units(d.Unspent));
                w.WriteString("carried", Units(d.Carried));
                w.WriteString("redistributed", Units(d.Redistributed));
                w.WriteEndObject();
            }

            w.WriteEndArray();

            w.WriteStartArray("members");
            foreach (var m in month.Members)
            {
                w.WriteStartObject();
                w.WriteString("id", m.Id);
                w.WriteString("rank", m.Rank.Code);
                w.WriteRawNumber("percent", m.Percent.Rounded.ToString("0.0#", CultureInfo.InvariantCulture));
                w.WriteStartObject("shares");
                foreach (var c in ShareColumns(month).Where(m.Shares.ContainsKey))
                {
                    w.WriteString(c, Units(m.Shares[c]));
                }

                w.WriteEndObject();
                w.WriteString("bonus", Units(m.Bonus));
                w.WriteString("total", Units(m.Total));
                w.WriteString("capped", Units(m.Capped ?? month.Token.Zero));
                w.WriteString("status", m.Status.ToString().ToLowerInvariant());
                w.WriteStartArray("chosen");
                foreach (var c in m.Chosen)
                {
                    w.WriteStringValue(c);
                }

                w.WriteEndArray();
                w.WriteStartObject("points");
                foreach (var (code, points) in m.Points.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    w.WriteRawNumber(code, points.ToString());
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("unspent", Units(month.Unspent));
            w.WriteString("carried", Units(month.Carried));

            w.WriteStartArray("proposals");
            foreach (var p in month.Proposals)
            {
                w.WriteStartObject();
                w.WriteString("member", p.Member);
                w.WriteString("from", p.From.Code);
                w.WriteString("to", p.To.Code);
                w.WriteString("reason", p.Reason);
                w.WriteString("effectiveFrom", p.EffectiveFrom.ToString());
                w.WriteEndObject();
            }

            w.WriteEndArray();

            var b = month.PoolBreakdown;
            w.WriteStartObject("poolBreakdown");
            w.WriteString("base", Units(b.Base));
            w.WriteString("growth", Units(b.Growth));
            w.WriteString("carriedIn", Units(b.CarriedIn));
            w.WriteNumber("activeMembers", b.ActiveMembers);
            w.WriteBoolean("overridden", b.Overridden);
            w.WriteEndObject();

            w.WriteStartObject("carriedOut");
            foreach (var (code, amount) in month.CarriedOut.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                w.WriteString(code.Length == 0 ? "*" : code, Units(amount));
            }

            w.WriteEndObject();
            WriteWarnings(w, month.Warnings);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>One row per member: <c>member,rank,percent,&lt;share columns&gt;,bonus[,capped],total</c>, amounts in smallest units, each amount header naming the decimals (<c>total (12 decimals)</c>), after a byte order mark.</summary>
    public static string Csv(MonthAllocation month)
    {
        ArgumentNullException.ThrowIfNull(month);
        var shareColumns = ShareColumns(month);
        // R10: a capped column only when a fiat cap held something back, so the contract stays as it was otherwise.
        var anyCapped = month.Members.Any(m => m.Capped is not null);
        // Every amount column is in smallest units, so each names the token's decimals (R5).
        string[] amounts = [.. shareColumns, "bonus", .. anyCapped ? ["capped"] : Array.Empty<string>(), "total"];
        string[] header = ["member", "rank", "percent", .. amounts.Select(c => CsvWriter.UnitsColumn(c, month.Token.Decimals))];
        return CsvWriter.Document(
        [
            header,
            .. month.Members.Select(m => (string[])
            [
                m.Id,
                m.Rank.Code,
                m.Percent.Rounded.ToString("0.##", CultureInfo.InvariantCulture),
                .. shareColumns.Select(c => m.Shares.TryGetValue(c, out var a) ? Units(a) : "0"),
                Units(m.Bonus),
                .. anyCapped ? [Units(m.Capped ?? month.Token.Zero)] : Array.Empty<string>(),
                Units(m.Total),
            ]),
        ]);
    }

    /// <summary>Smallest units as a decimal string (R5: exact integers, never floating point).</summary>
    public static string Units(TokenAmount amount) => amount.Units.ToString(CultureInfo.InvariantCulture);

    /// <summary><paramref name="to"/> − <paramref name="from"/> in smallest units, signed: "-200000000000000", "0", "5".</summary>
    public static string SignedUnits(TokenAmount from, TokenAmount to) =>
        to >= from ? Units(to - from) : "-" + Units(from - to);

    /// <summary><paramref name="to"/> − <paramref name="from"/> in whole tokens, signed: "+1,234.5", "-200", "0".</summary>
    public static string SignedTokens(TokenAmount from, TokenAmount to)
    {
        if (to == from)
        {
            return "0";
        }

        return to > from ? "+" + (to - from).Format() : "-" + (from - to).Format();
    }

    /// <summary>A JSON writer that keeps the key order given and writes non-ASCII text as is.</summary>
    public static Utf8JsonWriter NewJsonWriter(IBufferWriter<byte> buffer) =>
        new(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public static void WriteToken(Utf8JsonWriter w, Token token)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject("token");
        w.WriteString("symbol", token.Symbol);
        w.WriteNumber("decimals", token.Decimals);
        w.WriteEndObject();
    }

    public static void WriteWarnings(Utf8JsonWriter w, IEnumerable<Diagnostic> warnings)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartArray("warnings");
        foreach (var d in warnings.Where(d => !d.IsError))
        {
            w.WriteStartObject();
            w.WriteString("code", d.Code);
            w.WriteString("message", d.Message);
            if (d.Position is { } p)
            {
                w.WriteString("at", p.ToString());
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteRawNumber(this Utf8JsonWriter w, string name, string number)
    {
        w.WritePropertyName(name);
        w.WriteRawValue(number);
    }
}

/// <summary>Text columns padded to their widest cell; numbers right-aligned, a dashed rule under the header.</summary>
internal sealed class AlignedTable
{
    private readonly IReadOnlyList<(string Header, bool Right)> _columns;
    private readonly List<IReadOnlyList<string>?> _rows = [];

    public AlignedTable(IReadOnlyList<(string Header, bool Right)> columns) => _columns = columns;

    /// <summary>Adds a row; it must have one cell per column.</summary>
    public void Add(IReadOnlyList<string> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count != _columns.Count)
        {
            throw new ArgumentException($"A row needs {_columns.Count} cells, not {cells.Count}.", nameof(cells));
        }

        _rows.Add(cells);
    }

    /// <summary>A dashed rule before the next row (e.g. above a totals row).</summary>
    public void Rule() => _rows.Add(null);

    public void WriteTo(TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        var widths = _columns.Select((c, i) => Math.Max(c.Header.Length, _rows.Max(r => r?[i].Length ?? 0))).ToArray();
        WriteRow(w, _columns.Select(c => c.Header).ToList(), widths);
        WriteRule(w, widths);
        foreach (var row in _rows)
        {
            if (row is null)
            {
                WriteRule(w, widths);
            }
            else
            {
                WriteRow(w, row, widths);
            }
        }
    }

    private void WriteRow(TextWriter w, IReadOnlyList<string> cells, int[] widths)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                sb.Append("  ");
            }

            sb.Append(_columns[i].Right ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]));
        }

        w.WriteLine(sb.ToString().TrimEnd());
    }

    private static void WriteRule(TextWriter w, int[] widths) =>
        w.WriteLine(string.Join("  ", widths.Select(n => new string('-', n))));
}
