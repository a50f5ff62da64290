using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Policies;
using Embassy.Reports;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>A finding of the evidence check on a report, with the other report's issue number when there is one.</summary>
public sealed record ReportEvidenceFinding(EvidenceFinding Finding, long? OtherReportId, int? OtherIssueNumber);

/// <summary>
/// Issue #14: the evidence check of one report against the other reports of its month and the same member's reports of
/// every month (latest versions, read by the shipped parser): the same link or X post, an X post dated outside the month
/// in the policy's time zone, a paragraph repeated from an earlier month. Reviewers see the findings with both reports.
/// </summary>
public sealed class EvidenceChecks(IDbContextFactory<EmbassyDbContext> databases, PolicyCatalog? catalog = null)
{
    private readonly PolicyCatalog _catalog = catalog ?? PolicyCatalog.Shipped;

    /// <summary>The findings that name <paramref name="reportId"/>, as the flagged report or the other one.</summary>
    public async Task<IReadOnlyList<ReportEvidenceFinding>> ForReportAsync(long reportId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken).ConfigureAwait(false);
        if (report?.Period is not { } period)
        {
            return [];
        }

        var login = report.AuthorLogin;
        var member = report.MemberId;
        var rows = await db.Reports.AsNoTracking()
            .Where(r => r.Presence == ReportPresence.Present && r.Period != null && (r.Period == period || r.AuthorLogin == login || (member != null && r.MemberId == member)))
            .Select(r => new { r.Id, r.IssueNumber, r.AuthorLogin, r.MemberId, r.CreatedAt, r.HtmlUrl, Period = r.Period!.Value, Version = db.ReportVersions.Where(v => v.ReportId == r.Id && v.Number == r.LatestVersion).Select(v => new { v.Title, v.Body }).FirstOrDefault() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // Findings name reports as people do ("#12"); the id stands in where two repositories share an issue number.
        var unique = rows.GroupBy(r => r.IssueNumber).Where(g => g.Count() == 1).Select(g => g.Key).ToHashSet();
        string KeyOf(long id, int number) => unique.Contains(number) ? "#" + number.ToString(System.Globalization.CultureInfo.InvariantCulture) : "report " + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var reports = rows.Where(r => r.Version is not null).Select(r =>
        {
            var parsed = ReportParser.Shipped.Parse(new IssueSnapshot(r.IssueNumber, r.Version!.Title, r.Version.Body, r.AuthorLogin, r.CreatedAt, r.HtmlUrl), _catalog.ForPeriod(r.Period));
            return new EvidenceReport(KeyOf(r.Id, r.IssueNumber), r.AuthorLogin.ToLowerInvariant(), r.Period, parsed.Evidence, r.Version.Body);
        }).ToArray();
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(_catalog.ForPeriod(period).Deadline.TimeZone, out var tz) ? tz : TimeZoneInfo.Utc;
        var key = KeyOf(report.Id, report.IssueNumber);
        var numbers = rows.ToDictionary(r => KeyOf(r.Id, r.IssueNumber), r => (r.Id, r.IssueNumber));
        return EvidenceIntegrity.Check(reports, zone).Where(f => f.Report == key || f.Other == key).Select(f =>
        {
            var other = f.Report == key ? f.Other : f.Report;
            return other is not null && numbers.TryGetValue(other, out var o)
                ? new ReportEvidenceFinding(f, o.Id, o.IssueNumber)
                : new ReportEvidenceFinding(f, null, null);
        }).ToArray();
    }
}
