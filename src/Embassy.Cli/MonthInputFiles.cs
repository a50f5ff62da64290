using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.Policies;

namespace Embassy.Cli;

/// <summary>The CSV files a month is computed from, as given on the command line.</summary>
/// <param name="Scores">scores.csv (required).</param>
/// <param name="Members">members.csv; without it the members are the scored people, rank ambassador.</param>
/// <param name="Choices">choices.csv: declared departments.</param>
/// <param name="History">history.csv: earlier closed months.</param>
internal sealed record MonthFiles(string Scores, string? Members, string? Choices, string? History);

/// <summary>The policy-independent rows of a month, read and checked.</summary>
internal sealed record MonthSheets(IReadOnlyList<ScoreLine> Scores, IReadOnlyList<Member> Members, IReadOnlyList<MemberChoice> Choices, IReadOnlyList<ClosedMonth> History);

/// <summary>
/// Turns command-line values and files into a <see cref="MonthInput"/>: resolves the policy, reads every file
/// (all of them, so every error is reported at once) and refuses to go on when any has an error.
/// </summary>
internal static class MonthInputFiles
{
    /// <summary>
    /// A shipped policy id, or a path to a policy file; without either, the shipped policy in force for
    /// <paramref name="period"/> (R1).
    /// </summary>
    public static Result<Policy> ResolvePolicy(string? idOrPath, Period period)
    {
        if (string.IsNullOrWhiteSpace(idOrPath))
        {
            return Result<Policy>.Ok(CliPolicies.Current.Catalog.ForPeriod(period));
        }

        return LooksLikeFile(idOrPath) ? PolicyLoader.LoadFile(idOrPath) : CliPolicies.Current.Catalog.Get(idOrPath.Trim());
    }

    /// <summary>True when the text names a file rather than a shipped id.</summary>
    public static bool LooksLikeFile(string idOrPath) =>
        idOrPath.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || idOrPath.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
        || idOrPath.Contains('/', StringComparison.Ordinal)
        || idOrPath.Contains('\\', StringComparison.Ordinal)
        || File.Exists(idOrPath);

    /// <summary>Parses <c>--period</c>; a missing value is a usage error.</summary>
    public static Result<Period> ParsePeriod(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? Result<Period>.Fail([DiagnosticLines.Usage("--period YYYY-MM is required.")])
            : Period.Parse(text);

    /// <summary>The rank codes any of the policies knows, lowest first.</summary>
    public static IReadOnlyList<string> RankCodes(IEnumerable<Policy> policies) =>
        policies.SelectMany(p => p.Ranks).Select(r => r.Rank.Code).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Reads every given file; fails when any has an error (each error reported with its file and line).</summary>
    public static Result<MonthSheets> Read(MonthFiles files, IReadOnlyCollection<string> knownRanks)
    {
        ArgumentNullException.ThrowIfNull(files);
        var diagnostics = new List<Diagnostic>();
        var scores = Collect(MonthCsv.ReadScores(files.Scores), diagnostics);
        var members = files.Members is null ? null : Collect(MonthCsv.ReadMembers(files.Members, knownRanks), diagnostics);
        var choices = files.Choices is null ? [] : Collect(MonthCsv.ReadChoices(files.Choices), diagnostics);
        // Earlier months may have been closed under another policy (an advocate of V.3 before V.4), so history
        // accepts every rank a shipped policy knows as well.
        var historyRanks = knownRanks.Union(RankCodes(CliPolicies.Current.Catalog.All), StringComparer.Ordinal).ToList();
        var history = files.History is null ? [] : Collect(MonthCsv.ReadHistory(files.History, historyRanks), diagnostics);
        if (diagnostics.Any(d => d.IsError))
        {
            return Result<MonthSheets>.Fail(diagnostics);
        }

        // The issue: without --members, the scored people are the members, with rank ambassador.
        members ??= scores!.Select(s => s.Member).Distinct(StringComparer.Ordinal).Select(id => new Member(id, Rank.Ambassador)).ToList();
        return Result<MonthSheets>.Ok(new MonthSheets(scores!, members, choices!, history!), diagnostics);
    }

    /// <summary>
    /// The engine input for one policy. Department names and aliases ("Tech", "Community Management") become the
    /// policy's codes, so one scores file can be computed under policies that spell a department differently.
    /// </summary>
    public static MonthInput ToInput(MonthSheets sheets, Policy policy, Period period)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        ArgumentNullException.ThrowIfNull(policy);
        return new MonthInput
        {
            Policy = policy,
            Period = period,
            Members = sheets.Members,
            Scores = sheets.Scores.Select(s => s with { Department = CodeIn(policy, s.Department) }).ToList(),
            Choices = sheets.Choices.Select(c => c with
            {
                Departments = c.Departments.Select(d => CodeIn(policy, d)).ToList(),
                WeightsPercent = c.WeightsPercent?.GroupBy(w => CodeIn(policy, w.Key), StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Sum(w => w.Value), StringComparer.Ordinal),
            }).ToList(),
            History = sheets.History,
        };
    }

    private static string CodeIn(Policy policy, string text)
    {
        // An exact code wins (V.3 has CC both as a department and as a task); then names and aliases.
        if (policy.FindDepartment(text) is { } d)
        {
            return d.Code;
        }

        if (policy.FindSupplementary(text) is { } t)
        {
            return t.Code;
        }

        return policy.ResolveCode(text) ?? text;
    }

    /// <summary>
    /// <c>--prices FILE</c>: recorded prices in the treasury import's format (<c>period,price,source,date</c>,
    /// <see cref="Domain.Treasury.PriceCsv"/>), which the engine converts fiat caps with (R10). No file: no prices.
    /// </summary>
    public static IReadOnlyList<Domain.Treasury.PriceRecord> ReadPrices(string? path, Token token, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (path is null)
        {
            return [];
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            diagnostics.Add(Diagnostic.Error(ex is FileNotFoundException or DirectoryNotFoundException ? "CSV_FILE_NOT_FOUND" : "CSV_UNREADABLE", $"{path}: cannot read the file: {ex.Message}", new SourcePosition(0, 0, Path.GetFileName(path))));
            return [];
        }

        var parsed = Domain.Treasury.PriceCsv.Parse(text, token, Path.GetFileName(path));
        diagnostics.AddRange(parsed.Diagnostics);
        return parsed.IsSuccess ? parsed.Value : [];
    }

    private static T? Collect<T>(Result<T> result, List<Diagnostic> diagnostics)
    {
        diagnostics.AddRange(result.Diagnostics);
        return result.IsSuccess ? result.Value : default;
    }
}
