using System.CommandLine;
using System.Text;
using Embassy.Domain;
using Embassy.Policies;
using Embassy.Reports;

namespace Embassy.Cli;

/// <summary>
/// <c>embassy github issue-form --policy ID [--out FILE]</c>: the GitHub issue form for a policy's monthly report,
/// to commit as <c>.github/ISSUE_TEMPLATE/report-ID.yml</c> in the repository members file reports in.
/// </summary>
internal static class GitHubCommands
{
    /// <summary>The <c>github</c> command group.</summary>
    public static Command Create()
    {
        var group = new Command("github", "Files for the GitHub repository members file reports in.");
        group.Subcommands.Add(IssueForm());
        return group;
    }

    private static Command IssueForm()
    {
        var policy = new Option<string>("--policy")
        {
            HelpName = "ID|FILE.yaml",
            Description = "A shipped policy id (see embassy policy list) or a policy .yaml file.",
            Required = true,
        };
        var outFile = new Option<string?>("--out")
        {
            HelpName = "FILE|DIR",
            Description = "Write the form to this file, or into this directory as report-ID.yml (default: standard output).",
        };
        var command = new Command("issue-form", "Write the GitHub issue form (.github/ISSUE_TEMPLATE/*.yml) for a policy's monthly report.") { policy, outFile };
        command.SetAction(pr =>
        {
            var output = pr.InvocationConfiguration.Output;
            var error = pr.InvocationConfiguration.Error;
            var name = pr.GetValue(policy) ?? string.Empty;
            var loaded = MonthInputFiles.LooksLikeFile(name) ? PolicyLoader.LoadFile(name) : CliPolicies.Current.Catalog.Get(name);
            DiagnosticLines.Write(error, loaded.Diagnostics);
            if (!loaded.IsSuccess)
            {
                return DiagnosticLines.ExitCode(loaded.Diagnostics);
            }

            var yaml = ReportIssueForm.Write(loaded.Value);
            if (pr.GetValue(outFile) is not { Length: > 0 } target)
            {
                output.Write(yaml);
                return EmbassyCli.Ok;
            }

            var path = Directory.Exists(target) ? Path.Combine(target, ReportIssueForm.FileName(loaded.Value)) : target;
            try
            {
                File.WriteAllText(path, yaml, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The file system reports a missing directory or a locked file only by throwing: a readable line, exit 2.
                DiagnosticLines.Write(error, [Diagnostic.Error("USAGE_OUT_UNWRITABLE", $"Cannot write {path}: {ex.Message}")]);
                return EmbassyCli.UsageError;
            }

            output.WriteLine($"Wrote {path} (form v{ReportIssueForm.Version} for {loaded.Value.Id}); commit it under .github/ISSUE_TEMPLATE/.");
            return EmbassyCli.Ok;
        });
        return command;
    }
}
