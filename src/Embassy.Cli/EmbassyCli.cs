using System.CommandLine;

namespace Embassy.Cli;

/// <summary>
/// The <c>embassy</c> command line. A thin host (STYLE.md): each feature contributes one command
/// group from its own file; the work itself lives in the libraries.
/// </summary>
public static class EmbassyCli
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code when the input was understood but is invalid (a bad address, a bad report).</summary>
    public const int Invalid = 1;

    /// <summary>Exit code for bad usage or unreadable input (a malformed CSV, an unknown policy).</summary>
    public const int UsageError = 2;

    /// <summary>Builds the command tree.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("Embassy: runs a community ambassador program — rules, reports, rewards, payouts.") { CliPolicies.Option };
        foreach (var group in CommandGroups())
        {
            root.Subcommands.Add(group);
        }

        return root;
    }

    /// <summary>Runs the CLI with the given arguments, writing to the given streams; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var parse = Build().Parse(args);
        if (parse.Errors.Count > 0)
        {
            // Bad usage (an unknown option, a missing argument) is exit code 2, distinct from invalid data (1).
            foreach (var e in parse.Errors)
            {
                error.WriteLine("error: " + e.Message);
            }

            error.WriteLine("Run 'embassy --help' or 'embassy <command> --help' for usage.");
            return UsageError;
        }

        // The program's rules (its own folder, or the shipped policies): a broken policy file stops the run with file:line lines.
        var policies = CliPolicies.Load(parse);
        if (!policies.IsSuccess)
        {
            DiagnosticLines.Write(error, policies.Diagnostics);
            return DiagnosticLines.ExitCode(policies.Diagnostics);
        }

        var config = new InvocationConfiguration { Output = output, Error = error };
        return CliPolicies.With(policies.Value, () => parse.Invoke(config));
    }

    // One line per feature; each feature's commands live in its own file.
    private static IEnumerable<Command> CommandGroups()
    {
        yield return AddressCommands.Create();
        yield return PayoutCommands.Create();
        yield return ReportCommands.Create();
        yield return PolicyCommands.Create();
        yield return AllocateCommands.Create();
        yield return SimulateCommands.Create();
        yield return TreasuryCommands.Create();
        yield return SyncCommands.Create();
        yield return GitHubCommands.Create();
        foreach (var command in OperationsCommands.Create())
        {
            yield return command; // backup, restore, admin link
        }
    }
}
