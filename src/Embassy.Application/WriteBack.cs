using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.GitHub;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>
/// Tells members on their own issue what Embassy found (on by default when Embassy can write; <c>GitHub:WriteBack</c>).
/// One comment per report with what was read (period, departments, wallet, suggested scores) and what to fix before
/// the R7 deadline, edited in place when it changes; and labels for the period and state (<c>2024-12</c>, <c>late</c>,
/// <c>needs-fix</c>, <c>accepted</c>, <c>scored</c>, <c>paid</c>). Nothing is sent when nothing changed since the last
/// write-back. Sync and webhooks do not call it directly: they queue the report (<see cref="EnqueueAsync"/>), and the
/// queue (<see cref="ProcessDueAsync"/>) writes, retrying a failure with back-off.
/// </summary>
public sealed class WriteBack(GitHubClient github, Policies.PolicyCatalog? catalog = null)
{
    /// <summary>Attempts before a report's write-back is left until its next change.</summary>
    public const int MaxAttempts = 8;

    /// <summary>Queues <paramref name="reportId"/> for write-back (once: a queued report stays queued once); saves.</summary>
    public static async Task EnqueueAsync(EmbassyDbContext db, long reportId, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var job = await db.WriteBackJobs.SingleOrDefaultAsync(j => j.ReportId == reportId, cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            db.WriteBackJobs.Add(new WriteBackJob { ReportId = reportId, RequestedAt = time.GetUtcNow() });
        }
        else
        {
            // A new change: whatever failed before gets a fresh start now.
            (job.Attempts, job.NotBefore, job.RequestedAt) = (0, null, time.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Queues each of <paramref name="reportIds"/> as the one-report overload does, with one query and one save.</summary>
    public static async Task EnqueueAllAsync(EmbassyDbContext db, IReadOnlyCollection<long> reportIds, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reportIds);
        ArgumentNullException.ThrowIfNull(time);
        var jobs = await db.WriteBackJobs.Where(j => reportIds.Contains(j.ReportId)).ToDictionaryAsync(j => j.ReportId, cancellationToken).ConfigureAwait(false);
        foreach (var reportId in reportIds.Distinct())
        {
            if (jobs.TryGetValue(reportId, out var job))
            {
                // A new change: whatever failed before gets a fresh start now.
                (job.Attempts, job.NotBefore, job.RequestedAt) = (0, null, time.GetUtcNow());
            }
            else
            {
                db.WriteBackJobs.Add(new WriteBackJob { ReportId = reportId, RequestedAt = time.GetUtcNow() });
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The wait after failed attempt <paramref name="attempts"/>: 1 min, 2, 4… up to an hour.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));

    /// <summary>
    /// Writes every queued report that is due, oldest first (the client paces the writes for GitHub's content-creation
    /// limit); a success removes the row, a failure waits its back-off. Returns (written, failed).
    /// </summary>
    public async Task<(int Written, int Failed)> ProcessDueAsync(IDbContextFactory<EmbassyDbContext> databases, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(databases);
        ArgumentNullException.ThrowIfNull(time);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var jobs = (await db.WriteBackJobs.Where(j => j.Attempts < MaxAttempts).OrderBy(j => j.Id).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Where(j => j.NotBefore is null || j.NotBefore <= now).ToList();
        var (written, failed) = (0, 0);
        foreach (var job in jobs)
        {
            var report = await db.Reports.SingleAsync(r => r.Id == job.ReportId, cancellationToken).ConfigureAwait(false);
            var result = await UpdateAsync(db, report, cancellationToken).ConfigureAwait(false);
            if (result.IsSuccess)
            {
                db.WriteBackJobs.Remove(job);
                written++;
            }
            else
            {
                job.Attempts++;
                job.NotBefore = time.GetUtcNow() + Backoff(job.Attempts);
                job.LastError = string.Join("; ", result.Errors.Select(e => e.Code + ": " + e.Message));
                failed++;
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return (written, failed);
    }

    /// <summary>Hidden marker in the comment, so people and tools can tell it is Embassy's.</summary>
    public const string Marker = "<!-- embassy:report-check -->";

    /// <summary>The state labels Embassy manages; it never touches other labels.</summary>
    public static IReadOnlyList<string> StateLabels { get; } = ["late", "needs-fix", "accepted", "scored", "paid"];

    /// <summary>Brings the report's comment and labels up to date; false when nothing needed sending.</summary>
    public async Task<Result<bool>> UpdateAsync(EmbassyDbContext db, Report report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(report);
        if (report.Presence != ReportPresence.Present)
        {
            return Result<bool>.Ok(false);
        }

        var diagnostics = await db.ReportDiagnostics
            .Where(d => db.ReportVersions.Any(v => v.Id == d.ReportVersionId && v.ReportId == report.Id && v.Number == report.LatestVersion))
            .OrderBy(d => d.Ordinal).ToListAsync(cancellationToken).ConfigureAwait(false);
        var parse = await db.ReportParses
            .Where(p => db.ReportVersions.Any(v => v.Id == p.ReportVersionId && v.ReportId == report.Id && v.Number == report.LatestVersion))
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var body = CommentBody(report, diagnostics, parse, catalog);
        var wanted = Labels(report, diagnostics);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body + "\n--\n" + string.Join('\n', wanted))));
        if (string.Equals(hash, report.WriteBackHash, StringComparison.Ordinal))
        {
            return Result<bool>.Ok(false);
        }

        var repository = RepositoryName.Of(report.Repository);
        Result<GitHubComment>? comment = null;
        if (report.WriteBackCommentId is { } id)
        {
            comment = await github.UpdateCommentAsync(repository, id, body, cancellationToken).ConfigureAwait(false);
            if (!comment.IsSuccess && comment.Errors.Any(e => e.Code == GitHubCodes.NotFound))
            {
                comment = null; // someone deleted it: post a new one
            }
        }

        if (comment is null && report.WriteBackCommentId is null)
        {
            // Idempotent: a comment posted by an attempt whose answer was lost is found by its marker and edited.
            var existing = await github.ListCommentsAsync(repository, report.IssueNumber, cancellationToken).ConfigureAwait(false);
            if (!existing.IsSuccess)
            {
                return Result<bool>.Fail(existing.Diagnostics);
            }

            if (existing.Value.FirstOrDefault(c => c.Body.StartsWith(Marker, StringComparison.Ordinal)) is { } mine)
            {
                comment = await github.UpdateCommentAsync(repository, mine.Id, body, cancellationToken).ConfigureAwait(false);
            }
        }

        comment ??= await github.CreateCommentAsync(repository, report.IssueNumber, body, cancellationToken).ConfigureAwait(false);
        if (!comment.IsSuccess)
        {
            return Result<bool>.Fail(comment.Diagnostics);
        }

        report.WriteBackCommentId = comment.Value.Id;
        var current = report.Labels.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var add = wanted.Except(current, StringComparer.Ordinal).ToList();
        if (add.Count > 0)
        {
            var added = await github.AddLabelsAsync(repository, report.IssueNumber, add, cancellationToken).ConfigureAwait(false);
            if (!added.IsSuccess)
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return Result<bool>.Fail(added.Diagnostics);
            }
        }

        foreach (var stale in current.Where(l => IsManaged(l) && !wanted.Contains(l, StringComparer.Ordinal)))
        {
            var removed = await github.RemoveLabelAsync(repository, report.IssueNumber, stale, cancellationToken).ConfigureAwait(false);
            if (!removed.IsSuccess)
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return Result<bool>.Fail(removed.Diagnostics);
            }
        }

        report.Labels = string.Join('\n', current.Where(l => !IsManaged(l)).Concat(wanted).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        report.WriteBackHash = hash;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<bool>.Ok(true);
    }

    /// <summary>The labels a report should carry: its period and its state.</summary>
    public static IReadOnlyList<string> Labels(Report report, IReadOnlyList<ReportDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var labels = new List<string>();
        if (report.Period is { } period)
        {
            labels.Add(period.ToString());
        }

        if (report.ReviewState == "late" || diagnostics.Any(d => d.Code == "REPORT_LATE"))
        {
            labels.Add("late");
        }

        if (diagnostics.Any(d => d.Severity == "error" && d.Code != "REPORT_LATE"))
        {
            labels.Add("needs-fix");
        }

        if (report.ReviewState is "accepted" or "scored" or "paid")
        {
            labels.Add(report.ReviewState);
        }

        return labels;
    }

    /// <summary>The comment: every diagnostic in plain words, problems first.</summary>
    public static string CommentBody(Report report, IReadOnlyList<ReportDiagnostic> diagnostics) => CommentBody(report, diagnostics, null);

    /// <summary>
    /// The comment: what was read (<paramref name="parse"/>: period, departments, wallet, suggested scores), then every
    /// diagnostic in plain words, problems first, with the R7 deadline to fix them by. The member's own text is quoted
    /// as inline code with backticks and line breaks removed, so it cannot restyle the comment.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="diagnostics">Its diagnostics.</param>
    /// <param name="parse">What was read, when known.</param>
    /// <param name="catalog">The program's policies, for the deadline (default: the shipped ones).</param>
    public static string CommentBody(Report report, IReadOnlyList<ReportDiagnostic> diagnostics, ReportParse? parse, Policies.PolicyCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var sb = new StringBuilder();
        sb.AppendLine(Marker);
        var period = report.Period is { } p ? $" for {p}" : string.Empty;
        sb.AppendLine(CultureInfo.InvariantCulture, $"**Embassy checked this report{period}** (version {report.LatestVersion}).");
        sb.AppendLine();
        if (parse is not null)
        {
            sb.AppendLine("What Embassy read:");
            sb.AppendLine(CultureInfo.InvariantCulture, $"- Period: {(parse.Period is { } read ? read.ToString() : "not found")}");
            sb.AppendLine(CultureInfo.InvariantCulture, $"- Departments: {(parse.Departments.Length > 0 ? Code(parse.Departments.Replace(",", ", ", StringComparison.Ordinal)) : "none found")}");
            sb.AppendLine(CultureInfo.InvariantCulture, $"- Wallet: {(parse.Wallet is { Length: > 0 } wallet ? Code(wallet) : "not found")}");
            sb.AppendLine(CultureInfo.InvariantCulture, $"- Suggested scores: {Scores(parse.SuggestedScores)}");
            sb.AppendLine();
        }

        var deadline = report.Period is { } due
            ? " before the deadline, " + (catalog ?? Policies.PolicyCatalog.Shipped).ForPeriod(due).Deadline.EndOf(due).UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : string.Empty;
        var errors = diagnostics.Where(d => d.Severity == "error").ToList();
        var notes = diagnostics.Where(d => d.Severity != "error").ToList();
        if (errors.Count == 0 && notes.Count == 0)
        {
            sb.AppendLine("No problems found. Thank you!");
        }

        if (errors.Count > 0)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"Please fix{deadline} (edit the issue; this comment updates itself):");
            foreach (var d in errors)
            {
                sb.AppendLine(Line(d));
            }

            sb.AppendLine();
        }

        if (notes.Count > 0)
        {
            sb.AppendLine("Worth a look:");
            foreach (var d in notes)
            {
                sb.AppendLine(Line(d));
            }
        }

        return sb.ToString().TrimEnd() + "\n";
    }

    private static string Code(string text)
    {
        var clean = new string(text.Where(c => c is not ('`' or '\r' or '\n')).Take(120).ToArray());
        return "`" + clean + "`";
    }

    /// <summary>The suggested scores as <c>CM 30/40, MK 28/40</c>, from the parse's JSON.</summary>
    private static string Scores(string json)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(json);
            var parts = doc.RootElement.EnumerateObject()
                .Select(kv => $"{kv.Name} {GitHubIssue.Str(kv.Value, "score")}/{GitHubIssue.Str(kv.Value, "max")}").ToList();
            return parts.Count > 0 ? Code(string.Join(", ", parts)) : "none found";
        }
        catch (System.Text.Json.JsonException)
        {
            return "none found";
        }
    }

    private static string Line(ReportDiagnostic d) =>
        d.LineNumber is { } line and > 0
            ? string.Create(CultureInfo.InvariantCulture, $"- {d.Message} (line {line})")
            : $"- {d.Message}";

    private static bool IsManaged(string label) =>
        StateLabels.Contains(label, StringComparer.Ordinal) || Period.TryParse(label, out _);
}
