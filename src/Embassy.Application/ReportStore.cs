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
    public async Task<AppliedIssue> ApplyAsync(EmbassyDbContext db, RepositoryName repository, GitHubIssue issue, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var lookup = await LoadAsync(db, repository, [issue], cancellationToken).ConfigureAwait(false);
        return await ApplyCoreAsync(db, lookup, issue, actor, delivery: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Applies one issue of a batch (a sync's page) against <paramref name="lookup"/>, the batch's rows read by
    /// <see cref="LoadAsync"/>; the caller saves once for the whole batch. The same rules as the one-issue overload.
    /// </summary>
    public Task<AppliedIssue> ApplyAsync(
        EmbassyDbContext db, ReportLookup lookup, GitHubIssue issue, string actor, CancellationToken cancellationToken = default) =>
        ApplyCoreAsync(db, lookup, issue, actor, delivery: null, cancellationToken);

    /// <summary>
    /// Reads the stored rows that applying <paramref name="issues"/> needs — their reports with the content hash of each
    /// latest version now, and the GitHub handles of their authors at first need — in one query each, tracked on
    /// <paramref name="db"/>. Issue #16: a page's lookups are a few queries, not a few per issue. The lookup follows
    /// what the batch changes (new reports, versions, linked or renamed handles), so an issue applied after another
    /// sees it as it would after a save.
    /// </summary>
    public static async Task<ReportLookup> LoadAsync(
        EmbassyDbContext db, RepositoryName repository, IReadOnlyCollection<GitHubIssue> issues, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(issues);
        var key = repository.Key;
        var numbers = issues.Select(i => i.Number).Distinct().ToList();
        var reports = numbers.Count == 1
            ? await db.Reports.Where(r => r.Repository == key && r.IssueNumber == numbers[0]).ToListAsync(cancellationToken).ConfigureAwait(false)
            : await db.Reports.Where(r => r.Repository == key && numbers.Contains(r.IssueNumber)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var lookup = new ReportLookup(repository, issues);
        foreach (var report in reports)
        {
            lookup.Reports.Add(report.IssueNumber, report);
        }

        if (reports.Count > 0)
        {
            var ids = reports.Select(r => r.Id).ToList();
            var hashes = await (
                    from v in db.ReportVersions
                    join r in db.Reports on v.ReportId equals r.Id
                    where ids.Contains(r.Id) && v.Number == r.LatestVersion
                    select new { v.ReportId, v.ContentHash })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var byId = reports.ToDictionary(r => r.Id);
            foreach (var h in hashes)
            {
                lookup.LatestHashes[byId[h.ReportId].IssueNumber] = h.ContentHash;
            }
        }

        return lookup;
    }

    /// <summary>
    /// Applies the issue a webhook delivery carried; <paramref name="delivery"/> is its place in the queue. Deliveries
    /// come late, out of order and replayed: one older than the stored issue (by <c>updated_at</c>, then by delivery order)
    /// never overwrites it, and none brings a deleted report back (only a sync that finds the issue listed does).
    /// </summary>
    public Task<AppliedIssue> ApplyDeliveryAsync(
        EmbassyDbContext db, RepositoryName repository, GitHubIssue issue, string actor, long delivery, CancellationToken cancellationToken = default) =>
        ApplyDeliveryCoreAsync(db, repository, issue, actor, delivery, cancellationToken);

    private async Task<AppliedIssue> ApplyDeliveryCoreAsync(
        EmbassyDbContext db, RepositoryName repository, GitHubIssue issue, string actor, long delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var lookup = await LoadAsync(db, repository, [issue], cancellationToken).ConfigureAwait(false);
        return await ApplyCoreAsync(db, lookup, issue, actor, delivery, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads, spread over the cores, the issues of <paramref name="lookup"/>'s batch that applying will store as a new
    /// version (no report yet, or newer content than the latest version), so that applying, which stays in the batch's
    /// order, finds their readings done. Issue #16: intake reads only the issue, so the order of reading changes nothing;
    /// an issue not read ahead is read when applied.
    /// </summary>
    public async Task ReadAheadAsync(ReportLookup lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var issues = lookup.Issues;
        var hashes = new string[issues.Count];
        await Spread(issues.Count, i => hashes[i] = ContentHash(issues[i].Title, issues[i].Body)).ConfigureAwait(false);
        var wanted = new List<int>();
        for (var i = 0; i < issues.Count; i++)
        {
            lookup.Hashes[issues[i]] = hashes[i];
            var report = lookup.Reports.GetValueOrDefault(issues[i].Number);
            if (intake is not null && (report is null
                || (!IsOlder(report, issues[i], null) && !string.Equals(lookup.LatestHashes.GetValueOrDefault(issues[i].Number), hashes[i], StringComparison.Ordinal))))
            {
                wanted.Add(i);
            }
        }

        var readings = new ReportReading[wanted.Count];
        await Spread(wanted.Count, k => readings[k] = intake!.Read(issues[wanted[k]])).ConfigureAwait(false);
        for (var k = 0; k < wanted.Count; k++)
        {
            lookup.Readings[issues[wanted[k]]] = readings[k];
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> for 0…<paramref name="count"/>-1 on one task per core and awaits them: no thread waits
    /// blocked (a blocked pool thread would starve the HTTP and database continuations a sync needs).
    /// </summary>
    private static Task Spread(int count, Action<int> work)
    {
        var tasks = Math.Min(count, Environment.ProcessorCount);
        return Task.WhenAll(Enumerable.Range(0, tasks).Select(t => Task.Run(() =>
        {
            for (var i = t; i < count; i += tasks)
            {
                work(i);
            }
        })));
    }

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
        EmbassyDbContext db, ReportLookup lookup, GitHubIssue issue, string actor, long? delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(issue);
        var now = time.GetUtcNow();
        var key = lookup.Repository.Key;
        var report = lookup.Reports.GetValueOrDefault(issue.Number);
        if (report is not null && (IsOlder(report, issue, delivery) || (delivery is not null && report.Presence == ReportPresence.Deleted)))
        {
            return new AppliedIssue(report, ReportChange.Stale, report.MemberId is null, false);
        }

        var hash = lookup.Hashes.GetValueOrDefault(issue) ?? ContentHash(issue.Title, issue.Body);
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
            lookup.Reports.Add(issue.Number, report);
            change = ReportChange.New;
        }
        else
        {
            var latestHash = lookup.LatestHashes.GetValueOrDefault(issue.Number);
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
                var reading = lookup.Readings.Remove(issue, out var ahead) ? ahead : intake.Read(issue);
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
            lookup.LatestHashes[issue.Number] = hash;
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
            report.MemberId = await MatchAsync(db, lookup, issue, actor, now, Subject(report), cancellationToken).ConfigureAwait(false);
            if (report.MemberId is not null && change == ReportChange.Unchanged)
            {
                db.AuditLog.Add(new AuditEntry { At = now, Actor = actor, Action = "report.matched", Subject = Subject(report), Details = "member " + report.MemberId });
            }
        }
        else if (issue.AuthorId is { } id && report.AuthorId == id && !string.Equals(report.AuthorLogin, issue.AuthorLogin, StringComparison.OrdinalIgnoreCase))
        {
            await MatchAsync(db, lookup, issue, actor, now, Subject(report), cancellationToken).ConfigureAwait(false); // follows the rename
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
    private static async Task<long?> MatchAsync(
        EmbassyDbContext db, ReportLookup lookup, GitHubIssue issue, string actor, DateTimeOffset now, string subject, CancellationToken cancellationToken)
    {
        var login = MemberHandle.Normalize(issue.AuthorLogin);
        var handles = await lookup.HandlesAsync(db, cancellationToken).ConfigureAwait(false);
        if (issue.AuthorId is { } id)
        {
            var linked = handles.SingleOrDefault(h => h.GitHubUserId == id);
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

        var byLogin = handles.SingleOrDefault(h => string.Equals(h.NormalizedValue, login, StringComparison.Ordinal));
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

/// <summary>
/// The stored rows a batch of issues is applied against (<see cref="ReportStore.LoadAsync"/>): their reports by issue
/// number, the content hash of each one's latest version, and the GitHub handles of their authors. Tracked entities of one
/// context; use it with that context, for that batch.
/// </summary>
public sealed class ReportLookup
{
    private List<MemberHandle>? _handles;

    internal ReportLookup(RepositoryName repository, IReadOnlyCollection<GitHubIssue> issues)
    {
        Repository = repository;
        Issues = [.. issues];
    }

    internal RepositoryName Repository { get; }

    internal IReadOnlyList<GitHubIssue> Issues { get; }

    /// <summary>Content hashes and readings done ahead (<see cref="ReportStore.ReadAheadAsync"/>), by issue instance.</summary>
    internal Dictionary<GitHubIssue, string> Hashes { get; } = new(ReferenceEqualityComparer.Instance);

    internal Dictionary<GitHubIssue, ReportReading> Readings { get; } = new(ReferenceEqualityComparer.Instance);

    internal Dictionary<int, Report> Reports { get; } = [];

    internal Dictionary<int, string?> LatestHashes { get; } = [];

    /// <summary>
    /// The GitHub handles whose user id or login is an author's in the batch, read once at first need. Matching looks in
    /// this list as it would in the table after a save: the handles a match links or renames change here, and no other
    /// handle can come to match an author of the batch.
    /// </summary>
    internal async Task<List<MemberHandle>> HandlesAsync(EmbassyDbContext db, CancellationToken cancellationToken)
    {
        if (_handles is null)
        {
            var logins = Issues.Select(i => MemberHandle.Normalize(i.AuthorLogin)).Distinct(StringComparer.Ordinal).ToList();
            var ids = Issues.Select(i => i.AuthorId).OfType<long>().Distinct().ToList();
            _handles = await db.MemberHandles
                .Where(h => h.Kind == MemberHandle.GitHub && (logins.Contains(h.NormalizedValue) || (h.GitHubUserId != null && ids.Contains(h.GitHubUserId.Value))))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        return _handles;
    }
}
