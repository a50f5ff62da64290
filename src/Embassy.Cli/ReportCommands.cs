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

            string json;
            try
            {
                json = File.ReadAllText(file.FullName);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The file system reports a missing or locked file only by throwing; the member gets a line, exit 2.
                DiagnosticLines.Write(error, [Diagnostic.Error(ReportCodes.IssueFileUnreadable, $"Cannot read {file.FullName}: {ex.Message}")]);
                return EmbassyCli.UsageError;
            }

            var issues = IssueJson.Parse(json);
            if (!issues.IsSuccess)
            {
                DiagnosticLines.Write(error, issues.Diagnostics);
                return EmbassyCli.UsageError;
            }

            if (issues.Diagnostics.Count > 0)
            {
                DiagnosticLines.Write(error, issues.Diagnostics); // e.g. TEXT_INVALID_UTF16: read, with a warning
            }

            var reports = issues.Value.Select(i => CliPolicies.Current.Parser.Parse(i, forced)).ToArray();
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

        return new Command("report", "Monthly reports: parse and validate the issues members file.") { parse };
    }
}
