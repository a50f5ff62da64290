using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.Text;
using Embassy.Domain;
using Embassy.Domain.Rules;

namespace Embassy.Cli;

/// <summary>
/// <c>embassy simulate</c>: the same month under two policies side by side, with each member's difference
/// (B − A). Both runs use the same files; an input error under either policy computes nothing.
/// </summary>
internal static class SimulateCommands
{
    private static readonly string[] Formats = ["table", "json"];

    /// <summary>The <c>simulate</c> command.</summary>
    public static Command Create()
    {
        var period = new Option<string?>("--period") { HelpName = "YYYY-MM", Description = "The month, YYYY-MM (required)." };
        var scores = new Option<string?>("--scores") { HelpName = "FILE.csv", Description = "scores.csv: member,department,effort,result or member,department,points (required)." };
        var policies = new Option<string[]>("--policy") { HelpName = "ID|FILE.yaml", Description = "A shipped policy id or a policy .yaml file; give exactly two: --policy A --policy B." };
        var members = new Option<string?>("--members") { HelpName = "FILE.csv", Description = "members.csv: id,rank[,joined,left,region]. Default: everyone in the scores, rank ambassador." };
        var choices = new Option<string?>("--choices") { HelpName = "FILE.csv", Description = "choices.csv: member,departments (CM;MK or V.3 weights MK:90;CC:10)." };
        var prices = new Option<string?>("--prices") { HelpName = "FILE.csv", Description = "prices.csv: period,price,source,date (the treasury import's format), for a policy's fiat caps (R10)." };
        var format = new Option<string?>("--format") { HelpName = "table|json", Description = "table (default) or json." };
        var command = new Command("simulate", "Compute the same month under two policies and show each member's difference.")
        {
            period, scores, policies, members, choices, prices, format,
        };
        command.SetAction(pr => Run(
            pr.InvocationConfiguration.Output,
            pr.InvocationConfiguration.Error,
            pr.GetValue(period),
            pr.GetValue(scores),
            pr.GetValue(policies) ?? [],
            pr.GetValue(members),
            pr.GetValue(choices),
            pr.GetValue(prices),
            pr.GetValue(format)));
        return command;
    }

    private static int Run(TextWriter output, TextWriter error, string? periodText, string? scores, string[] policyArgs, string? members, string? choices, string? pricesPath, string? formatText)
    {
        var format = (formatText ?? "table").Trim().ToLowerInvariant();
        var usage = new List<Diagnostic>();
        if (!Formats.Contains(format))
        {
            usage.Add(DiagnosticLines.Usage($"--format '{formatText}' is not one of {string.Join(", ", Formats)}."));
        }

        if (string.IsNullOrWhiteSpace(scores))
        {
            usage.Add(DiagnosticLines.Usage("--scores FILE.csv is required."));
        }

        if (policyArgs.Length != 2)
        {
            usage.Add(DiagnosticLines.Usage($"give exactly two policies (--policy A --policy B), not {policyArgs.Length.ToString(CultureInfo.InvariantCulture)}."));
        }

        var period = MonthInputFiles.ParsePeriod(periodText);
        usage.AddRange(period.Diagnostics);
        if (usage.Any(d => d.IsError))
        {
            return Fail(error, usage);
        }

        var diagnostics = new List<Diagnostic>();
        var loaded = new List<Policy>();
        foreach (var arg in policyArgs)
        {
            var r = MonthInputFiles.ResolvePolicy(arg, period.Value);
            diagnostics.AddRange(r.Diagnostics);
            if (r.IsSuccess)
            {
                loaded.Add(r.Value);
            }
        }

        if (diagnostics.Any(d => d.IsError))
        {
            return Fail(error, diagnostics);
        }

        var (a, b) = (loaded[0], loaded[1]);
        if (a.Token != b.Token)
        {
            diagnostics.Add(DiagnosticLines.Usage(
                $"{a.Id} pays in {a.Token.Symbol} with {a.Token.Decimals.ToString(CultureInfo.InvariantCulture)} decimals and {b.Id} in {b.Token.Symbol} with {b.Token.Decimals.ToString(CultureInfo.InvariantCulture)}; amounts of different tokens cannot be compared."));
            return Fail(error, diagnostics);
        }

        var sheets = MonthInputFiles.Read(new MonthFiles(scores!, members, choices, null), MonthInputFiles.RankCodes(loaded));
        diagnostics.AddRange(sheets.Diagnostics);
        var priceList = MonthInputFiles.ReadPrices(pricesPath, a.Token, diagnostics);
        if (diagnostics.Any(d => d.IsError))
        {
            return Fail(error, diagnostics);
        }

        // Each policy's own errors (a department it does not have) name the policy.
        var months = new List<MonthAllocation>();
        foreach (var policy in loaded)
        {
            var month = MonthEngine.Compute(MonthInputFiles.ToInput(sheets.Value, policy, period.Value) with { Prices = priceList });
            diagnostics.AddRange(month.Diagnostics.Select(d => d with { Message = $"under {policy.Id}: {d.Message}" }));
            if (month.IsSuccess)
            {
                months.Add(month.Value);
            }
        }

        DiagnosticLines.Write(error, diagnostics);
        if (months.Count != 2)
        {
            return DiagnosticLines.ExitCode(diagnostics);
        }

        output.Write(format == "json" ? Json(months[0], months[1]) : Table(months[0], months[1]));
        return EmbassyCli.Ok;
    }

    /// <summary>Member ids in either month, ordered.</summary>
    private static List<string> Ids(MonthAllocation a, MonthAllocation b) =>
        a.Members.Select(m => m.Id).Union(b.Members.Select(m => m.Id), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private static TokenAmount TotalOf(MonthAllocation month, string id) =>
        month.Members.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.Ordinal))?.Total ?? month.Token.Zero;

    private static string Table(MonthAllocation a, MonthAllocation b)
    {
        using var w = new StringWriter(CultureInfo.InvariantCulture);
        var nameA = a.Policy.Id;
        var nameB = string.Equals(a.Policy.Id, b.Policy.Id, StringComparison.Ordinal) ? b.Policy.Id + " (B)" : b.Policy.Id;
        w.WriteLine($"{a.Period}: {a.Policy.Id} ({a.Policy.Version}) vs {b.Policy.Id} ({b.Policy.Version}), amounts in {a.Token.Symbol}; difference = {nameB} - {nameA}");
        w.WriteLine();
        var table = new AlignedTable([("member", false), (nameA, true), (nameB, true), ("difference", true)]);
        foreach (var id in Ids(a, b))
        {
            var ta = TotalOf(a, id);
            var tb = TotalOf(b, id);
            table.Add([id, ta.Format(), tb.Format(), AllocationOutput.SignedTokens(ta, tb)]);
        }

        table.Rule();
        table.Add(["all paid", a.TotalPaid.Format(), b.TotalPaid.Format(), AllocationOutput.SignedTokens(a.TotalPaid, b.TotalPaid)]);
        table.Add(["pool", a.Pool.Format(), b.Pool.Format(), AllocationOutput.SignedTokens(a.Pool, b.Pool)]);
        table.Add(["unspent", a.Unspent.Format(), b.Unspent.Format(), AllocationOutput.SignedTokens(a.Unspent, b.Unspent)]);
        table.Add(["carried", a.Carried.Format(), b.Carried.Format(), AllocationOutput.SignedTokens(a.Carried, b.Carried)]);
        table.WriteTo(w);

        foreach (var month in new[] { a, b })
        {
            w.WriteLine();
            w.WriteLine($"{month.Policy.Id} department pools:");
            if (month.Departments.Count == 0)
            {
                w.WriteLine("  none (threshold model: one pool)");
            }

            foreach (var d in month.Departments)
            {
                w.WriteLine($"  {d.Code,-8} {d.Pool.Format(),20}  ({d.Points} points)");
            }
        }

        return w.ToString();
    }

    private static string Json(MonthAllocation a, MonthAllocation b)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = AllocationOutput.NewJsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("period", a.Period.ToString());
            AllocationOutput.WriteToken(w, a.Token);
            WriteSide(w, "a", a);
            WriteSide(w, "b", b);
            w.WriteStartArray("members");
            foreach (var id in Ids(a, b))
            {
                var ta = TotalOf(a, id);
                var tb = TotalOf(b, id);
                w.WriteStartObject();
                w.WriteString("id", id);
                w.WriteString("a", AllocationOutput.Units(ta));
                w.WriteString("b", AllocationOutput.Units(tb));
                w.WriteString("difference", AllocationOutput.SignedUnits(ta, tb));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("difference");
            w.WriteString("pool", AllocationOutput.SignedUnits(a.Pool, b.Pool));
            w.WriteString("paid", AllocationOutput.SignedUnits(a.TotalPaid, b.TotalPaid));
            w.WriteString("unspent", AllocationOutput.SignedUnits(a.Unspent, b.Unspent));
            w.WriteString("carried", AllocationOutput.SignedUnits(a.Carried, b.Carried));
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static void WriteSide(System.Text.Json.Utf8JsonWriter w, string name, MonthAllocation month)
    {
        w.WriteStartObject(name);
        w.WriteStartObject("policy");
        w.WriteString("id", month.Policy.Id);
        w.WriteString("version", month.Policy.Version);
        w.WriteString("hash", month.Policy.Hash);
        w.WriteEndObject();
        w.WriteString("pool", AllocationOutput.Units(month.Pool));
        w.WriteString("paid", AllocationOutput.Units(month.TotalPaid));
        w.WriteString("unspent", AllocationOutput.Units(month.Unspent));
        w.WriteString("carried", AllocationOutput.Units(month.Carried));
        w.WriteStartArray("departments");
        foreach (var d in month.Departments)
        {
            w.WriteStartObject();
            w.WriteString("code", d.Code);
            w.WriteString("pool", AllocationOutput.Units(d.Pool));
            w.WritePropertyName("points");
            w.WriteRawValue(d.Points.ToString());
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static int Fail(TextWriter error, IEnumerable<Diagnostic> diagnostics)
    {
        var list = diagnostics.ToList();
        DiagnosticLines.Write(error, list);
        return DiagnosticLines.ExitCode(list);
    }
}
