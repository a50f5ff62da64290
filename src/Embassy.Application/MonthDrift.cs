using System.Globalization;
using System.Text.Json;
using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.Policies;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>A month's rule drift as the web shows it: the policy in force, how many reports were read, and each rule's reports.</summary>
/// <param name="Period">The month.</param>
/// <param name="PolicyId">The policy in force for it (R1).</param>
/// <param name="Reports">How many of the month's reports were read.</param>
/// <param name="Rules">Each rule with the reports that break it.</param>
public sealed record MonthDriftView(Period Period, string PolicyId, int Reports, IReadOnlyList<DriftRule> Rules);

/// <summary>
/// The stored reports of a month (each one's latest parse, as intake read it) against the rules of the policy in force
/// (<see cref="RuleDrift"/>), so a program lead sees how practice has drifted and can choose to enforce or relax a rule.
/// </summary>
public sealed class MonthDrift(IDbContextFactory<EmbassyDbContext> databases, PolicyCatalog? catalog = null)
{
    private readonly PolicyCatalog _catalog = catalog ?? PolicyCatalog.Shipped;

    /// <summary>The drift of <paramref name="period"/>.</summary>
    public async Task<MonthDriftView> ForMonthAsync(Period period, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Reports.AsNoTracking()
            .Where(r => r.Period == period && r.Presence == ReportPresence.Present)
            .Select(r => new
            {
                r.IssueNumber,
                r.AuthorLogin,
                r.CreatedAt,
                Parse = db.ReportVersions.Where(v => v.ReportId == r.Id && v.Number == r.LatestVersion).Select(v => v.Parse).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var reports = rows
            .Select(r => new DriftReport(r.IssueNumber, r.AuthorLogin, r.CreatedAt, Departments(r.Parse?.Departments), Scores(r.Parse?.SuggestedScores)))
            .ToList();
        var policy = _catalog.ForPeriod(period);
        return new MonthDriftView(period, policy.Id, reports.Count, RuleDrift.Find(policy, period, reports));
    }

    private static string[] Departments(string? csv) =>
        string.IsNullOrWhiteSpace(csv) ? [] : csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // The intake's shape: {"CM": {"score": "30", "max": "40"}}; an unreadable entry is left out rather than guessed.
    private static Dictionary<string, decimal> Scores(string? json)
    {
        var scores = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return scores;
        }

        var parsed = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(json) ?? [];
        foreach (var (code, fields) in parsed)
        {
            if (fields.TryGetValue("score", out var text) && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var score))
            {
                scores[code] = score;
            }
        }

        return scores;
    }
}
