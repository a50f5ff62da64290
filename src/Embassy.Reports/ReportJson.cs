using System.Globalization;
using System.Text;
using System.Text.Json;
using Embassy.Domain;

namespace Embassy.Reports;

/// <summary>
/// Writes parsed reports in the intake output contract (issue #7): one object per report, camelCase, null or
/// empty where the report does not say. Handles are written normalized; the wallet as written.
/// </summary>
public static class ReportJson
{
    /// <summary>One report as an indented JSON object.</summary>
    public static string Write(ParsedReport report) => Write([report], asArray: false);

    /// <summary>Several reports as a JSON array (or a single object when <paramref name="asArray"/> is false and there is one).</summary>
    public static string Write(IReadOnlyList<ParsedReport> reports, bool asArray)
    {
        ArgumentNullException.ThrowIfNull(reports);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            if (asArray || reports.Count != 1)
            {
                w.WriteStartArray();
                foreach (var r in reports)
                {
                    WriteReport(w, r);
                }

                w.WriteEndArray();
            }
            else
            {
                WriteReport(w, reports[0]);
            }
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteReport(Utf8JsonWriter w, ParsedReport r)
    {
        w.WriteStartObject();
        w.WriteNumber("number", r.Number);
        WriteString(w, "author", r.Author);
        WriteString(w, "period", r.Period?.ToString());
        if (r.Form is { } form)
        {
            // Only for reports written with an issue form, so that free-text reports keep their shape.
            w.WriteStartObject("form");
            w.WriteNumber("version", form.Version);
            w.WriteString("policy", form.PolicyId);
            w.WriteEndObject();
        }

        WriteString(w, "rank", r.Rank?.Code);
        WriteString(w, "discord", r.Discord?.Normalized);
        WriteString(w, "telegram", r.Telegram?.Normalized);
        WriteString(w, "twitter", r.Twitter?.Normalized);
        WriteString(w, "wallet", r.Wallet);
        WriteString(w, "walletKind", r.WalletKind switch { WalletKind.Ss58 => "ss58", WalletKind.Evm => "evm", _ => null });
        WriteStrings(w, "departments", r.Departments);
        WriteStrings(w, "supplementary", r.Supplementary);
        w.WriteStartObject("suggestedScores");
        foreach (var (code, s) in r.SuggestedScores)
        {
            w.WriteStartObject(code);
            w.WriteNumber("score", s.Score.Value);
            w.WriteNumber("max", s.Max.Value);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        if (r.OverallSuggested is { } overall)
        {
            w.WriteNumber("overallSuggested", overall.Value);
        }
        else
        {
            w.WriteNull("overallSuggested");
        }

        w.WriteBoolean("late", r.Late);
        w.WriteStartArray("evidence");
        foreach (var e in r.Evidence)
        {
            w.WriteStartObject();
            w.WriteString("url", e.Url);
            w.WriteString("kind", LinkClassifier.Name(e.Kind));
            WriteString(w, "department", e.Department);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("diagnostics");
        foreach (var d in r.Diagnostics)
        {
            w.WriteStartObject();
            w.WriteString("code", d.Code);
            w.WriteString("severity", SeverityName(d.Severity));
            w.WriteString("message", d.Message);
            if (d.Position is { Source: null, Line: > 0 } p)
            {
                w.WriteNumber("line", p.Line);
            }
            else
            {
                w.WriteNull("line");
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>"error", "warning" or "info".</summary>
    public static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    /// <summary>A readable summary of one report with its diagnostics, for people.</summary>
    public static string Summary(ParsedReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(c, $"Report #{r.Number} by {r.Author ?? "?"}: {r.Period?.ToString() ?? "month unknown"}{(r.PolicyId is null ? string.Empty : " (" + r.PolicyId + ")")}{(r.Late ? " — LATE" : string.Empty)}");
        sb.AppendLine(c, $"  rank:        {r.Rank?.Code ?? "-"}");
        sb.AppendLine(c, $"  discord:     {r.Discord?.Normalized ?? "-"}");
        sb.AppendLine(c, $"  telegram:    {r.Telegram?.Normalized ?? "-"}");
        sb.AppendLine(c, $"  twitter:     {r.Twitter?.Normalized ?? "-"}");
        sb.AppendLine(c, $"  wallet:      {r.Wallet ?? "-"}{(r.WalletKind is { } k ? " (" + (k == WalletKind.Ss58 ? "ss58" : "evm") + ")" : string.Empty)}");
        sb.AppendLine(c, $"  departments: {(r.Departments.Count == 0 ? "-" : string.Join(", ", r.Departments))}{(r.Supplementary.Count == 0 ? string.Empty : "; supplementary: " + string.Join(", ", r.Supplementary))}");
        var scores = r.SuggestedScores.Select(x => $"{x.Key} {x.Value.Score}/{x.Value.Max}").ToArray();
        sb.AppendLine(c, $"  suggested:   {(scores.Length == 0 ? "-" : string.Join(", ", scores))}; overall {r.OverallSuggested?.ToString() ?? "-"}");
        var kinds = r.Evidence.GroupBy(e => LinkClassifier.Name(e.Kind)).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}");
        sb.AppendLine(c, $"  evidence:    {r.Evidence.Count} link(s){(r.Evidence.Count == 0 ? string.Empty : " (" + string.Join(", ", kinds) + ")")}");
        if (r.Diagnostics.Count == 0)
        {
            sb.AppendLine("  no problems found");
        }

        foreach (var d in r.Diagnostics)
        {
            var where = d.Position is { } p ? (p.Source ?? "line " + p.Line.ToString(c)) + ": " : string.Empty;
            sb.AppendLine(c, $"  {where}{SeverityName(d.Severity)} {d.Code}: {d.Message}");
        }

        return sb.ToString();
    }

    private static void WriteString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
