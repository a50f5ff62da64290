using System.CommandLine;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.Policies;
using Embassy.Reports;

namespace Embassy.Cli;

/// <summary>
/// <c>embassy report parse --issue FILE.json [--policy ID] [--format json|text]</c>: reads monthly reports filed as
/// GitHub issues (issue #7). Exit 0 when no report has an error, 1 when one has, 2 when the file cannot be read.
/// </summary>
internal static class ReportCommands
{
    public static Command Create()
    {
        var issue = new Option<FileInfo>("--issue")
        {
            Description = "A GitHub REST API issue object (number, title, body, user.login, created_at, html_url), or an array of them.",
            Required = true,
        };
        var policy = new Option<string?>("--policy")
        {
            Description = "Read every report under this policy (e.g. phala-v4) instead of the one in force for its month.",
        };
        var format = new Option<string>("--format")
        {
            Description = "Output: json (the intake contract) or text.",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "text");

        var parse = new Command("parse", "Parse and validate monthly reports filed as GitHub issues.") { issue, policy, format };
        parse.SetAction(pr =>
        {
            var output = pr.InvocationConfiguration.Output;
            var error = pr.InvocationConfiguration.Error;
            var file = pr.GetValue(issue)!;
            Policy? forced = null;
            if (pr.GetValue(policy) is { } id)
            {
                var found = CliPolicies.Current.Catalog.Get(id);
                if (!found.IsSuccess)
                {
                    DiagnosticLines.Write(error, found.Diagnostics);
                    return EmbassyCli.UsageError;
                }

                forced = found.Value;
            }

            if (ReadIssues(file, error, warnings: true) is not { } read)
            {
                return EmbassyCli.UsageError;
            }

            var (json, issues) = read;

            var reports = issues.Select(i => CliPolicies.Current.Parser.Parse(i, forced)).ToArray();
            if (pr.GetValue(format) == "text")
            {
                foreach (var r in reports)
                {
                    output.WriteLine(ReportJson.Summary(r));
                }
            }
            else
            {
                output.WriteLine(ReportJson.Write(reports, asArray: json.TrimStart().StartsWith('[')));
            }

            return reports.Any(r => r.HasErrors) ? EmbassyCli.Invalid : EmbassyCli.Ok;
        });

        return new Command("report", "Monthly reports: parse and validate the issues members file.") { parse, Drift() };
    }

    /// <summary>
    /// Reads a file of GitHub issue objects; on a file that cannot be read or parsed, writes why to
    /// <paramref name="error"/> and gives null (the caller exits 2). Warnings (e.g. TEXT_INVALID_UTF16) are written when
    /// <paramref name="warnings"/> is set.
    /// </summary>
    private static (string Json, IReadOnlyList<IssueSnapshot> Issues)? ReadIssues(FileInfo file, TextWriter error, bool warnings)
    {
        string json;
        try
        {
            json = File.ReadAllText(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The file system reports a missing or locked file only by throwing; the member gets a line, exit 2.
            DiagnosticLines.Write(error, [Diagnostic.Error(ReportCodes.IssueFileUnreadable, $"Cannot read {file.FullName}: {ex.Message}")]);
            return null;
        }

        var issues = IssueJson.Parse(json);
        if (!issues.IsSuccess)
        {
            DiagnosticLines.Write(error, issues.Diagnostics);
            return null;
        }

        if (warnings && issues.Diagnostics.Count > 0)
        {
            DiagnosticLines.Write(error, issues.Diagnostics);
        }

        return (json, issues.Value);
    }

    /// <summary>
    /// <c>embassy report drift --issue FILE.json --period YYYY-MM [--format text|json]</c>: how many of the month's reports
    /// break which rule of the policy in force (<see cref="RuleDrift"/>), with the reports listed, so a lead can decide
    /// whether to enforce the rule or publish a relaxed one. Exit 0 (drift is information, not an error), 2 on bad input.
    /// </summary>
    private static Command Drift()
    {
        var issue = new Option<FileInfo>("--issue") { Description = "GitHub REST API issue objects (an array, or one).", Required = true };
        var period = new Option<string>("--period") { Description = "The month, YYYY-MM: its reports are those the parser reads for it.", Required = true };
        var format = new Option<string>("--format") { Description = "Output: text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("json", "text");
        var command = new Command("drift", "How many of a month's reports break which rule of the policy in force, with the reports.") { issue, period, format };
        command.SetAction(pr =>
        {
            var output = pr.InvocationConfiguration.Output;
            var error = pr.InvocationConfiguration.Error;
            var month = MonthInputFiles.ParsePeriod(pr.GetValue(period));
            if (!month.IsSuccess)
            {
                DiagnosticLines.Write(error, month.Diagnostics);
                return EmbassyCli.UsageError;
            }

            var file = pr.GetValue(issue)!;
            if (ReadIssues(file, error, warnings: false) is not { Issues: var issues })
            {
                return EmbassyCli.UsageError;
            }

            var program = CliPolicies.Current;
            var policy = program.Catalog.ForPeriod(month.Value);
            var reports = issues
                .Select(i => (Issue: i, Parsed: program.Parser.Parse(i)))
                .Where(x => x.Parsed.Period == month.Value)
                .Select(x => ReportDrift.Of(x.Issue, x.Parsed))
                .ToList();
            var drift = RuleDrift.Find(policy, month.Value, reports);
            if (pr.GetValue(format) == "json")
            {
                output.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
                {
                    period = month.Value.ToString(),
                    policy = policy.Id,
                    reports = reports.Count,
                    rules = drift.Select(d => new { code = d.Code, rule = d.Rule, count = d.Reports.Count, reports = d.Reports.Select(r => new { number = r.Number, author = r.Author }) }),
                }));
                return EmbassyCli.Ok;
            }

            output.WriteLine($"{month.Value} under {policy.Id}: {reports.Count} report(s)");
            foreach (var d in drift)
            {
                output.WriteLine($"{d.Code}: {d.Reports.Count} of {reports.Count} — {d.Rule}");
                foreach (var r in d.Reports)
                {
                    output.WriteLine($"  #{r.Number} {r.Author}");
                }
            }

            return EmbassyCli.Ok;
        });
        return command;
    }
}
