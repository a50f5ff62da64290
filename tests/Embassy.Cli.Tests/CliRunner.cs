using System.Globalization;

namespace Embassy.Cli.Tests;

/// <summary>Runs the CLI in-process, as the executable would, and captures both streams.</summary>
internal static class CliRunner
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = EmbassyCli.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
