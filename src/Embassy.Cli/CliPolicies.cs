using System.CommandLine;
using Embassy.Application;
using Embassy.Domain;

namespace Embassy.Cli;

/// <summary>
/// The program's rules for one run of the CLI: the folder given by <c>--policies DIR</c> or
/// <c>EMBASSY_Program__Policies</c>, or the shipped Phala policies (<see cref="ProgramPolicies"/>). Held per run
/// (an async-local), so runs in one process — the tests' — never see each other's program.
/// </summary>
internal static class CliPolicies
{
    /// <summary>The environment variable naming the program's folder (the web app's <c>Program:Policies</c>).</summary>
    public const string Variable = "EMBASSY_Program__Policies";

    private static readonly AsyncLocal<ProgramPolicies?> Running = new();

    /// <summary>The option every command takes.</summary>
    public static Option<string?> Option { get; } = new("--policies")
    {
        HelpName = "DIR",
        Description = "The program's folder of policy files (default: EMBASSY_Program__Policies, else the shipped Phala policies).",
        Recursive = true,
    };

    /// <summary>The program's rules for the command running now.</summary>
    public static ProgramPolicies Current => Running.Value ?? ProgramPolicies.Shipped;

    /// <summary>Loads the program's rules for a run; its diagnostics say why they cannot be used.</summary>
    public static Result<ProgramPolicies> Load(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var folder = parse.GetValue(Option);
        if (string.IsNullOrWhiteSpace(folder))
        {
            folder = Environment.GetEnvironmentVariable(Variable);
        }

        return ProgramPolicies.FromFolder(folder);
    }

    /// <summary>Runs <paramref name="action"/> with <paramref name="policies"/> as <see cref="Current"/>.</summary>
    public static int With(ProgramPolicies policies, Func<int> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var before = Running.Value;
        Running.Value = policies;
        try
        {
            return action();
        }
        finally
        {
            Running.Value = before;
        }
    }
}
