using Embassy.Domain;

namespace Embassy.Cli;

/// <summary>
/// Prints diagnostics the way compilers do (<c>scores.csv:7: error SCORE_ABOVE_MAX: …</c>) and maps them to
/// the CLI's exit codes: usage and unreadable-file problems exit 2, invalid data exits 1, warnings change nothing.
/// </summary>
internal static class DiagnosticLines
{
    // Problems with how the command was called or with a file as a whole, rather than with values in it.
    private static readonly HashSet<string> UsageCodes = new(StringComparer.Ordinal)
    {
        "PERIOD_INVALID", "POLICY_UNKNOWN", "POLICY_UNREADABLE", "POLICY_FOLDER_MISSING",
    };

    /// <summary>Writes each diagnostic on its own line, in file and line order (found order otherwise).</summary>
    public static void Write(TextWriter error, IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(error);
        var ordered = diagnostics
            .OrderBy(d => d.Position?.Source ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(d => d.Position?.Line ?? 0);
        foreach (var d in ordered)
        {
            error.WriteLine(Format(d));
        }
    }

    /// <summary>
    /// "file:line[:col]: severity CODE: message"; a position without a line shows the file only, and a message
    /// that repeats the file name at its start (as the policy loader's do) is not repeated.
    /// </summary>
    public static string Format(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (diagnostic.Position is not { } p)
        {
            return diagnostic.ToString();
        }

        var message = diagnostic.Message;
        if (p.Source is { Length: > 0 } source && message.StartsWith(source + ": ", StringComparison.Ordinal))
        {
            message = message[(source.Length + 2)..];
        }

        var trimmed = diagnostic with { Message = message };
        return p.Line > 0 || p.Source is null
            ? trimmed.ToString()
            : (trimmed with { Position = null }).ToString().Insert(0, p.Source + ": ");
    }

    /// <summary>0 without errors; 2 when any error is about usage or an unusable file; 1 for invalid data.</summary>
    public static int ExitCode(IEnumerable<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.IsError).ToList();
        if (errors.Count == 0)
        {
            return EmbassyCli.Ok;
        }

        return errors.Any(IsUsage) ? EmbassyCli.UsageError : EmbassyCli.Invalid;
    }

    /// <summary>A usage error: the command line was wrong.</summary>
    public static Diagnostic Usage(string message) => Diagnostic.Error("USAGE", message);

    private static bool IsUsage(Diagnostic d) =>
        d.Code.StartsWith("USAGE", StringComparison.Ordinal) || UsageCodes.Contains(d.Code) || MonthCsv.FileCodes.Contains(d.Code);
}
