using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.GitHub;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>How a sync runs.</summary>
/// <param name="Since">Only issues updated at or after this time (the CLI's <c>--since</c>); remembered for later syncs.</param>
/// <param name="Full">
/// Lists every issue (no conditional request, no early stop) and looks up each known report that was not listed,
/// to mark deleted and transferred issues. Incremental syncs learn of those from webhooks.
/// </param>
public sealed record SyncOptions(DateTimeOffset? Since = null, bool Full = false);

/// <summary>Progress after each page.</summary>
public sealed record SyncProgress(int Pages, int Issues);

/// <summary>What a sync did.</summary>
public sealed record SyncSummary
{
    /// <summary>Requests sent to GitHub, retries included.</summary>
    public int Requests { get; init; }

    /// <summary>The first request was answered 304: nothing changed.</summary>
    public bool NotModified { get; init; }

    public int Pages { get; init; }

    public int New { get; init; }

    public int Edited { get; init; }

    public int Unchanged { get; init; }

    /// <summary>Reports whose author matches no member's GitHub login (R2: held for an admin).</summary>
    public int Unmatched { get; init; }

    /// <summary>New or edited reports whose latest version has error diagnostics.</summary>
    public int Invalid { get; init; }

    public int PullRequestsSkipped { get; init; }

    public int MarkedDeleted { get; init; }

    public int MarkedTransferred { get; init; }

    /// <summary>The repository's new name when this sync found it renamed or transferred (and followed it).</summary>
    public string? RenamedTo { get; init; }

    /// <summary>Reports whose comment or labels could not be written back (queued: retried with back-off).</summary>
    public int WriteBackProblems { get; init; }
}

/// <summary>
/// Brings a repository's report issues into the database: incremental, idempotent and safe to break.
/// The first page is requested with the last sync's ETag, so an unchanged repository costs one request answered 304;
/// pages are sorted by last update, newest first, and listing stops at issues older than the watermark of the last
/// complete sync, so one edit costs one page. Each page is saved in one transaction and the ETag and watermark
/// move only when the whole sync succeeded: a sync broken midway and run again ends as an unbroken one.
/// Only one instance syncs a repository at a time (<see cref="IWorkLock"/>, a PostgreSQL advisory lock when shared).
/// </summary>
public sealed class IssueSync(
    IDbContextFactory<EmbassyDbContext> databases,
    GitHubClient github,
    ReportStore store,
    IWorkLock workLock,
    TimeProvider time,
    WriteBack? writeBack = null)
{
    /// <summary>Diagnostic code when another instance is syncing the same repository.</summary>
    public const string Busy = "SYNC_BUSY";

    private const string Actor = "github-sync";

    /// <summary>Syncs <paramref name="repository"/>.</summary>
    public async Task<Result<SyncSummary>> SyncAsync(
        RepositoryName repository, SyncOptions? options = null, IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new SyncOptions();
        await using var held = await workLock.TryAcquireAsync("sync:" + repository.Key, cancellationToken).ConfigureAwait(false);
        if (held is null)
        {
            return Result<SyncSummary>.Fail(Busy, $"Another instance is syncing {repository} right now; try again when it is done.");
        }

        var requestsBefore = github.RequestCount;
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);

        // A repository renamed before is asked for by its new name: no redirect to pay for on every sync.
        repository = await GitHubRepositories.CurrentNameAsync(db, repository, cancellationToken).ConfigureAwait(false);
        var state = await db.GitHubSyncStates.SingleOrDefaultAsync(s => s.Repository == repository.Key, cancellationToken).ConfigureAwait(false);
        var since = options.Since ?? state?.Since;
        var sameQuery = state is not null && state.Since == since;
        var etag = options.Full || !sameQuery ? null : state!.ETag;
        var watermark = options.Full || !sameQuery ? null : state!.Watermark;

        var summary = new SyncSummary();
        var warnings = new List<Diagnostic>();
        var seen = new HashSet<int>();
        string? firstETag = null;
        DateTimeOffset? newest = null;
        Uri? next = null;
        Task<Result<IssuePage>>? ahead = null;
        var first = true;
        while (first || next is not null)
        {
            var page = ahead is not null
                ? await ahead.ConfigureAwait(false)
                : await github.ListIssuesAsync(repository, new IssueQuery(since), next, first ? etag : null, cancellationToken).ConfigureAwait(false);
            ahead = null;
            if (!page.IsSuccess)
            {
                return Result<SyncSummary>.Fail(page.Diagnostics);
            }

            warnings.AddRange(page.Diagnostics); // e.g. an issue with half an emoji, read as U+FFFD
            if (first && page.Value.NotModified)
            {
                summary = summary with { NotModified = true };
                break;
            }

            if (first)
            {
                firstETag = page.Value.ETag;

                // Renamed or transferred: GitHub redirected the list; the issues name the repository as it is now.
                if (page.Value.RedirectedTo is not null && page.Value.Issues.FirstOrDefault()?.Repository is { } now && !now.Equals(repository))
                {
                    await GitHubRepositories.RenameAsync(db, repository, now, page.Value.RepositoryId, Actor, "the issue list redirected to it", time, cancellationToken)
                        .ConfigureAwait(false);
                    summary = summary with { RenamedTo = now.ToString() };
                    repository = now;
                }
                else if (page.Value.RepositoryId is { } id)
                {
                    await GitHubRepositories.RecordIdAsync(db, repository, id, cancellationToken).ConfigureAwait(false);
                }
            }

            first = false;
            summary = summary with { Pages = summary.Pages + 1, PullRequestsSkipped = summary.PullRequestsSkipped + page.Value.PullRequestsSkipped };
            var touched = new List<Report>();

            // Sorted newest first: once a page reaches issues older than the last complete sync, the rest is known.
            var last = watermark is { } w && page.Value.Issues.Count > 0 && page.Value.Issues.Min(i => i.UpdatedAt) < w;
            next = last ? null : page.Value.Next;

            // The next page is asked for while this one is read and saved (the same requests as one after the other);
            // a failure of it is returned after this page is saved, as before.
            if (next is not null)
            {
                ahead = github.ListIssuesAsync(repository, new IssueQuery(since), next, null, cancellationToken);
            }

            // Issue #16: one unit of work per page. The page's reports, latest hashes and authors' handles are read in a
            // few queries (ReportStore.LoadAsync), every issue is applied in memory (read ahead in parallel) in the page's order, and the page is
            // saved once, in one transaction: a save per issue made EF scan everything tracked on the page each time.
            try
            {
                var lookup = await ReportStore.LoadAsync(db, repository, page.Value.Issues, cancellationToken).ConfigureAwait(false);
                await store.ReadAheadAsync(lookup).ConfigureAwait(false);
                foreach (var issue in page.Value.Issues)
                {
                    seen.Add(issue.Number);
                    newest = newest is null || issue.UpdatedAt > newest ? issue.UpdatedAt : newest;
                    var applied = await store.ApplyAsync(db, lookup, issue, Actor, cancellationToken).ConfigureAwait(false);
                    summary = Count(summary, applied);
                    if (applied.Change is ReportChange.New or ReportChange.Edited)
                    {
                        touched.Add(applied.Report);
                    }
                }

                await TrackedRows.SaveAsync(db, cancellationToken).ConfigureAwait(false); // one transaction: all of the page or none

                if (writeBack is not null && touched.Count > 0)
                {
                    // durable: written below or retried later
                    await WriteBack.EnqueueAllAsync(db, touched.Select(r => r.Id).ToList(), time, cancellationToken).ConfigureAwait(false);
                }
            }
            catch when (ahead is not null)
            {
                await Task.WhenAny(ahead).ConfigureAwait(false); // no request left running past a failed sync
                throw;
            }

            db.ChangeTracker.Clear(); // keeps each page's work proportional to the page, not to the sync so far
            progress?.Report(new SyncProgress(summary.Pages, summary.New + summary.Edited + summary.Unchanged));
        }

        if (options.Full && !summary.NotModified)
        {
            summary = await ReconcileMissingAsync(db, repository, seen, summary, cancellationToken).ConfigureAwait(false);
        }

        state = await db.GitHubSyncStates.SingleOrDefaultAsync(s => s.Repository == repository.Key, cancellationToken).ConfigureAwait(false)
            ?? db.GitHubSyncStates.Add(new GitHubSyncState { Repository = repository.Key }).Entity;
        if (!summary.NotModified)
        {
            state.ETag = firstETag;
            state.Since = since;
            state.Watermark = Max(watermark ?? (sameQuery ? state.Watermark : null), newest);
        }

        state.LastSyncedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (writeBack is not null)
        {
            // The queue is durable: a write-back that fails now waits its back-off and is retried; the sync stands.
            var (_, failed) = await writeBack.ProcessDueAsync(databases, time, cancellationToken).ConfigureAwait(false);
            summary = summary with { WriteBackProblems = failed };
        }

        return Result<SyncSummary>.Ok(summary with { Requests = github.RequestCount - requestsBefore }, warnings);
    }

    private async Task<SyncSummary> ReconcileMissingAsync(
        EmbassyDbContext db, RepositoryName repository, HashSet<int> seen, SyncSummary summary, CancellationToken cancellationToken)
    {
        var key = repository.Key;
        var known = await db.Reports.Where(r => r.Repository == key && r.Presence == ReportPresence.Present)
            .Select(r => r.IssueNumber).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var number in known.Where(n => !seen.Contains(n)).Order())
        {
            var lookup = await github.GetIssueAsync(repository, number, cancellationToken).ConfigureAwait(false);
            if (!lookup.IsSuccess)
            {
                continue; // unknown: leave it as it is rather than guess
            }

            switch (lookup.Value.Whereabouts)
            {
                case IssueWhereabouts.Deleted:
                    await store.MarkGoneAsync(db, repository, number, ReportPresence.Deleted, null, Actor, cancellationToken).ConfigureAwait(false);
                    summary = summary with { MarkedDeleted = summary.MarkedDeleted + 1 };
                    break;
                case IssueWhereabouts.Transferred:
                    await store.MarkGoneAsync(db, repository, number, ReportPresence.Transferred, lookup.Value.MovedTo?.ToString(), Actor, cancellationToken).ConfigureAwait(false);
                    summary = summary with { MarkedTransferred = summary.MarkedTransferred + 1 };
                    break;
                case IssueWhereabouts.Present when lookup.Value.Issue is { IsPullRequest: false } issue:
                    summary = Count(summary, await store.ApplyAsync(db, repository, issue, Actor, cancellationToken).ConfigureAwait(false));
                    break;
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return summary;
    }

    private static SyncSummary Count(SyncSummary s, AppliedIssue applied) => s with
    {
        New = s.New + (applied.Change == ReportChange.New ? 1 : 0),
        Edited = s.Edited + (applied.Change == ReportChange.Edited ? 1 : 0),
        Unchanged = s.Unchanged + (applied.Change is ReportChange.Unchanged or ReportChange.Stale ? 1 : 0),
        Unmatched = s.Unmatched + (applied.Unmatched ? 1 : 0),
        Invalid = s.Invalid + (applied.Invalid && applied.Change is ReportChange.New or ReportChange.Edited ? 1 : 0),
    };

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a > b ? a : b;
}
