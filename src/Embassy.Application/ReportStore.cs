using System.Security.Cryptography;
using System.Text;
using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.GitHub;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>What applying an issue did to its report.</summary>
public enum ReportChange
{
    /// <summary>First seen: a report with version 1.</summary>
    New,

    /// <summary>Title or body changed: a new version.</summary>
    Edited,

    /// <summary>Same content; only state, labels or timestamps refreshed.</summary>
    Unchanged,
}

/// <summary>The outcome of applying one issue. <see cref="Invalid"/>: the new version has error diagnostics.</summary>
public sealed record AppliedIssue(Report Report, ReportChange Change, bool Unmatched, bool Invalid);

/// <summary>
/// Keeps reports in step with their issues. Idempotent: applying the same issue twice changes nothing; an edit of
/// title or body is a new version (R7: versions are kept); reports are never deleted, only marked (deleted,
/// transferred); the author is matched to a member by GitHub login, and an unknown author stays unmatched (R2).
/// Changes are tracked on the given context; the caller saves.
/// </summary>
public sealed class ReportStore(IReportIntake? intake, TimeProvider time)
{
    /// <summary>Applies a synced issue to its report.</summary>
    public async Task<AppliedIssue> ApplyAsync(EmbassyDbContext db, RepositoryName repository, GitHubIssue issue, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(issue);
        var now = time.GetUtcNow();
        var key = repository.Key;
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Repository == key && r.IssueNumber == issue.Number, cancellationToken).ConfigureAwait(false);
        var hash = ContentHash(issue.Title, issue.Body);
        ReportChange change;
        if (report is null)
        {
            report = new Report
            {
                Repository = key,
                IssueNumber = issue.Number,
                GitHubIssueId = issue.Id,
                AuthorLogin = issue.AuthorLogin,
                IssueState = issue.State,
                Presence = ReportPresence.Present,
                HtmlUrl = issue.HtmlUrl,
                CreatedAt = issue.CreatedAt,
                UpdatedAt = issue.UpdatedAt,
                Labels = string.Empty,
                ReviewState = "pending",
                FirstSeenAt = now,
                LastSyncedAt = now,
            };
            db.Reports.Add(report);
            change = ReportChange.New;
        }
        else
        {
            var latestHash = await db.ReportVersions.Where(v => v.ReportId == report.Id && v.Number == report.LatestVersion)
                .Select(v => v.ContentHash).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            change = string.Equals(latestHash, hash, StringComparison.Ordinal) ? ReportChange.Unchanged : ReportChange.Edited;
        }

        var invalid = false;
        if (change != ReportChange.Unchanged)
        {
            var version = new ReportVersion
            {
                Number = report.LatestVersion + 1,
                Title = issue.Title,
                Body = issue.Body,
                IssueCreatedAt = issue.CreatedAt,
                IssueUpdatedAt = issue.UpdatedAt,
                ContentHash = hash,
                SyncedAt = now,
            };
            if (intake is not null)
            {
                var reading = intake.Read(issue);
                version.Parse = new ReportParse
                {
                    ParserVersion = reading.ParserVersion,
                    Period = reading.Period,
                    Wallet = reading.Wallet,
                    Departments = string.Join(',', reading.Departments),
                    SuggestedScores = reading.SuggestedScoresJson,
                    ParsedAt = now,
                };
                var ordinal = 0;
                foreach (var d in reading.Diagnostics)
                {
                    version.Diagnostics.Add(new ReportDiagnostic
                    {
                        Ordinal = ordinal++,
                        Code = d.Code,
                        Severity = d.Severity.ToString().ToLowerInvariant(),
                        Message = d.Message,
                        LineNumber = d.Position?.Line,
                        ColumnNumber = d.Position?.Column,
                        Source = d.Position?.Source,
                    });
                }

                report.Period = reading.Period;
                invalid = reading.Diagnostics.Any(d => d.IsError);
            }

            report.Versions.Add(version);
            report.LatestVersion = version.Number;
            db.AuditLog.Add(new AuditEntry
            {
                At = now,
                Actor = actor,
                Action = change == ReportChange.New ? "report.filed" : "report.edited",
                Subject = Subject(report),
                Details = $"version {version.Number}",
            });
        }

        if (report.Presence != ReportPresence.Present)
        {
            report.Presence = ReportPresence.Present; // seen again (e.g. transferred back)
            report.PresenceChangedAt = now;
        }

        report.IssueState = issue.State;
        report.Labels = string.Join('\n', issue.Labels.Order(StringComparer.Ordinal));
        report.UpdatedAt = issue.UpdatedAt;
        report.LastSyncedAt = now;
        if (report.MemberId is null)
        {
            var login = MemberHandle.Normalize(issue.AuthorLogin);
            report.MemberId = await db.MemberHandles.Where(h => h.Kind == MemberHandle.GitHub && h.NormalizedValue == login)
                .Select(h => (long?)h.MemberId).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (report.MemberId is not null && change == ReportChange.Unchanged)
            {
                db.AuditLog.Add(new AuditEntry { At = now, Actor = actor, Action = "report.matched", Subject = Subject(report), Details = "member " + report.MemberId });
            }
        }

        return new AppliedIssue(report, change, report.MemberId is null, invalid);
    }

    /// <summary>Marks a report whose issue was deleted or transferred; the report and its versions stay.</summary>
    public async Task<Report?> MarkGoneAsync(
        EmbassyDbContext db, RepositoryName repository, int number, string presence, string? detail, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = repository.Key;
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Repository == key && r.IssueNumber == number, cancellationToken).ConfigureAwait(false);
        if (report is null || report.Presence == presence)
        {
            return report;
        }

        var now = time.GetUtcNow();
        report.Presence = presence;
        report.PresenceChangedAt = now;
        db.AuditLog.Add(new AuditEntry { At = now, Actor = actor, Action = "report." + presence, Subject = Subject(report), Details = detail });
        return report;
    }

    /// <summary>Hex SHA-256 of title and body, unambiguous about where one ends.</summary>
    public static string ContentHash(string title, string body)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(body);
        var text = title.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + title + "\n" + body;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static string Subject(Report report) => $"report:{report.Repository}#{report.IssueNumber}";
}
