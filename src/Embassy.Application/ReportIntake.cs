using System.Globalization;
using System.Text.Json;
using Embassy.Domain;
using Embassy.GitHub;
using Embassy.Reports;

namespace Embassy.Application;

/// <summary>What intake read from one version of a report issue.</summary>
/// <param name="ParserVersion">Which parser read it, so a newer one can re-read old versions.</param>
/// <param name="Period">The month reported on.</param>
/// <param name="Wallet">The payout address as written.</param>
/// <param name="Departments">Chosen department codes.</param>
/// <param name="SuggestedScoresJson">The member's suggested scores, as JSON.</param>
/// <param name="Diagnostics">Everything found wrong or worth a look.</param>
public sealed record ReportReading(
    string ParserVersion,
    Period? Period,
    string? Wallet,
    IReadOnlyList<string> Departments,
    string SuggestedScoresJson,
    IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// The seam between sync and the report parser: reads a synced issue version. Sync stores whatever this
/// returns beside the version; it never fails a sync (a report that cannot be read gets diagnostics).
/// </summary>
public interface IReportIntake
{
    /// <summary>Reads one issue version.</summary>
    ReportReading Read(GitHubIssue issue);
}

/// <summary>Intake by <see cref="ReportParser.Shipped"/> (Embassy.Reports) over the shipped policies (R1).</summary>
public sealed class ParserReportIntake(ReportParser parser) : IReportIntake
{
    private static readonly string Version = "embassy-reports/" +
        (typeof(ReportParser).Assembly.GetName().Version?.ToString() ?? "0");

    /// <summary>Intake by the shipped parser.</summary>
    public ParserReportIntake()
        : this(ReportParser.Shipped)
    {
    }

    /// <inheritdoc />
    public ReportReading Read(GitHubIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var parsed = parser.Parse(new IssueSnapshot(issue.Number, issue.Title, issue.Body, issue.AuthorLogin, issue.CreatedAt, issue.HtmlUrl));
        EmbassyMetrics.ReportParsed(!parsed.HasErrors);
        var scores = parsed.SuggestedScores.ToDictionary(
            kv => kv.Key,
            kv => new Dictionary<string, string>
            {
                ["score"] = kv.Value.Score.Value.ToString(CultureInfo.InvariantCulture),
                ["max"] = kv.Value.Max.Value.ToString(CultureInfo.InvariantCulture),
            },
            StringComparer.Ordinal);
        return new ReportReading(Version, parsed.Period, parsed.Wallet, parsed.Departments, JsonSerializer.Serialize(scores), parsed.Diagnostics);
    }
}
