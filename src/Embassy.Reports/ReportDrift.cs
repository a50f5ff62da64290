using Embassy.Domain.Rules;

namespace Embassy.Reports;

/// <summary>A parsed report as the rule-drift view reads it (<see cref="RuleDrift"/>).</summary>
public static class ReportDrift
{
    /// <summary>The declared departments, the member's own scores and the filing time of <paramref name="issue"/>.</summary>
    public static DriftReport Of(IssueSnapshot issue, ParsedReport parsed)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(parsed);
        return new DriftReport(
            issue.Number,
            parsed.Author ?? issue.AuthorLogin ?? string.Empty,
            issue.CreatedAt,
            parsed.Departments,
            parsed.SuggestedScores.ToDictionary(s => s.Key, s => s.Value.Score.Value, StringComparer.Ordinal));
    }
}
