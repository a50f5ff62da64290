using System.Globalization;
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

    /// <summary>
    /// Older than what is stored (an earlier <c>updated_at</c>, or the same second from an earlier delivery), or about
    /// a deleted issue: nothing was changed.
    /// </summary>
    Stale,
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
    /// <summary>
    /// Applies an issue as a sync listed it: GitHub's state now. It restores a report marked deleted or transferred
    /// (GitHub lists the issue, so it is there), but an issue older than the stored one still changes nothing.
    /// </summary>
    public Task<AppliedIssue> ApplyAsync(EmbassyDbContext db, RepositoryName repository, GitHubIssue issue, string actor, CancellationToken cancellationToken = default) =>
        ApplyCoreAsync(db, repository, issue, actor, delivery: null, cancellationToken);

    /// <summary>
    /// Applies the issue a webhook delivery carried; <paramref name="delivery"/> is its place in the queue. Deliveries
    /// come late, out of order and replayed: one older than the stored issue (by <c>updated_at</c>, then by delivery order)
    /// never overwrites it, and none brings a deleted report back (only a sync that finds the issue listed does).
    /// </summary>
    public Task<AppliedIssue> ApplyDeliveryAsync(
        EmbassyDbContext db, RepositoryName repository, GitHubIssue issue, string actor, long delivery, CancellationToken cancellationToken = default) =>
        ApplyCoreAsync(db, repository, issue, actor, delivery, cancellationToken);

    /// <summary>True when <paramref name="issue"/> (from <paramref name="delivery"/>, or a sync when null) is older than what <paramref name="report"/> holds.</summary>
    public static bool IsOlder(Report report, GitHubIssue issue, long? delivery)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(issue);
        if (issue.UpdatedAt != report.UpdatedAt)
        {
            return issue.UpdatedAt < report.UpdatedAt;
        }

        // The same second (GitHub's precision): the later delivery wins; a sync reads GitHub as it is and wins a tie.
        return delivery is { } d && report.AppliedDelivery is { } applied && d < applied;
    }

    private async Task<AppliedIssue> ApplyCoreAsync(
        EmbassyDbContext db, RepositoryName repository, GitHubIssue issue, string actor, long? delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(issue);
        var now = time.GetUtcNow();
        var key = repository.Key;
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Repository == key && r.IssueNumber == issue.Number, cancellationToken).ConfigureAwait(false);
        if (report is not null && (IsOlder(report, issue, delivery) || (delivery is not null && report.Presence == ReportPresence.Deleted)))
        {
            return new AppliedIssue(report, ReportChange.Stale, report.MemberId is null, false);
        }

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

                // R7: a frozen report stays in the month it was frozen in; a later edit is a version a reviewer may accept.
                if (report.Id == 0 || !await db.ReportFreezes.AnyAsync(f => f.ReportId == report.Id, cancellationToken).ConfigureAwait(false))
                {
                    report.Period = reading.Period;
                }

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
        if (issue.UpdatedAt > report.UpdatedAt)
        {
            report.AppliedDelivery = delivery; // a newer second: whoever brought it
        }
        else if (delivery is not null && (report.AppliedDelivery is null || delivery > report.AppliedDelivery))
        {
            report.AppliedDelivery = delivery; // the same second: the later delivery
        }

        report.UpdatedAt = issue.UpdatedAt;
        report.LastSyncedAt = now;
        report.AuthorId ??= issue.AuthorId;
        if (report.MemberId is null)
        {
            report.MemberId = await MatchAsync(db, issue, actor, now, Subject(report), cancellationToken).ConfigureAwait(false);
            if (report.MemberId is not null && change == ReportChange.Unchanged)
            {
                db.AuditLog.Add(new AuditEntry { At = now, Actor = actor, Action = "report.matched", Subject = Subject(report), Details = "member " + report.MemberId });
            }
        }
        else if (issue.AuthorId is { } id && report.AuthorId == id && !string.Equals(report.AuthorLogin, issue.AuthorLogin, StringComparison.OrdinalIgnoreCase))
        {
            await MatchAsync(db, issue, actor, now, Subject(report), cancellationToken).ConfigureAwait(false); // follows the rename
        }

        if (issue.AuthorId is not null && issue.AuthorId == report.AuthorId)
        {
            report.AuthorLogin = issue.AuthorLogin; // the same account under its current login
        }

        return new AppliedIssue(report, change, report.MemberId is null, invalid);
    }

    /// <summary>
    /// R2: the member whose GitHub identity wrote the issue. By GitHub user id once linked (a renamed login follows, and
    /// is audited); by login otherwise, linking the id on the way. A login that now belongs to another account (renamed
    /// and re-claimed: same login, different id) is not the member: the report stays unmatched, and that is audited.
    /// </summary>
    private static async Task<long?> MatchAsync(EmbassyDbContext db, GitHubIssue issue, string actor, DateTimeOffset now, string subject, CancellationToken cancellationToken)
    {
        var login = MemberHandle.Normalize(issue.AuthorLogin);
        if (issue.AuthorId is { } id)
        {
            var linked = await db.MemberHandles.SingleOrDefaultAsync(h => h.Kind == MemberHandle.GitHub && h.GitHubUserId == id, cancellationToken).ConfigureAwait(false);
            if (linked is not null)
            {
                if (linked.NormalizedValue != login)
                {
                    db.AuditLog.Add(new AuditEntry
                    {
                        At = now, Actor = actor, Action = "member.github_renamed", Subject = "member:" + linked.MemberId.ToString(CultureInfo.InvariantCulture),
                        Details = $"{linked.Value} → {issue.AuthorLogin} (GitHub user {id.ToString(CultureInfo.InvariantCulture)})",
                    });
                    (linked.Value, linked.NormalizedValue) = (issue.AuthorLogin, login);
                }

                return linked.MemberId;
            }
        }

        var byLogin = await db.MemberHandles.SingleOrDefaultAsync(h => h.Kind == MemberHandle.GitHub && h.NormalizedValue == login, cancellationToken).ConfigureAwait(false);
        if (byLogin is null)
        {
            return null;
        }

        if (issue.AuthorId is { } author)
        {
            if (byLogin.GitHubUserId is { } known && known != author)
            {
                db.AuditLog.Add(new AuditEntry
                {
                    At = now, Actor = actor, Action = "report.login_reclaimed", Subject = subject,
                    Details = string.Create(CultureInfo.InvariantCulture, $"'{issue.AuthorLogin}' is GitHub user {author} now; member {byLogin.MemberId} is user {known}: left unmatched"),
                });
                return null;
            }

            if (byLogin.GitHubUserId is null)
            {
                byLogin.GitHubUserId = author;
                db.AuditLog.Add(new AuditEntry
                {
                    At = now, Actor = actor, Action = "member.github_linked", Subject = "member:" + byLogin.MemberId.ToString(CultureInfo.InvariantCulture),
                    Details = string.Create(CultureInfo.InvariantCulture, $"{byLogin.Value} is GitHub user {author}"),
                });
            }
        }

        return byLogin.MemberId;
    }

    /// <summary>Marks a report whose issue was deleted or transferred; the report and its versions stay.</summary>
    /// <remarks>
    /// <paramref name="at"/> is the issue's <c>updated_at</c> in the event, when one told it: it moves the report's, so
    /// an event older than the deletion or transfer cannot bring the report back. A deleted report stays deleted.
    /// </remarks>
    public async Task<Report?> MarkGoneAsync(
        EmbassyDbContext db, RepositoryName repository, int number, string presence, string? detail, string actor, CancellationToken cancellationToken = default,
        DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = repository.Key;
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Repository == key && r.IssueNumber == number, cancellationToken).ConfigureAwait(false);
        if (report is not null && at > report.UpdatedAt)
        {
            report.UpdatedAt = at.Value;
        }

        if (report is null || report.Presence == presence || report.Presence == ReportPresence.Deleted)
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
