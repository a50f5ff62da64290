using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.Policies;
using Embassy.Reports;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>Why accepting a later version was refused (R7).</summary>
public static class FreezeCodes
{
    /// <summary>The report's deadline has not passed: nothing is frozen, the latest version is scored anyway.</summary>
    public const string NotFrozen = "VERSION_NOT_FROZEN";

    /// <summary>The version is not a later edit than the frozen one, does not exist, or is the one scored already.</summary>
    public const string NotAcceptable = "VERSION_NOT_ACCEPTABLE";

    /// <summary>The version's content is not what the reviewer saw (a forged form, or an edit synced since the page was read).</summary>
    public const string HashMismatch = "VERSION_HASH_MISMATCH";
}

/// <summary>A version of a report edited after its deadline (R7), with its content hash and a line diff from the frozen text.</summary>
/// <param name="Number">The version's number.</param>
/// <param name="Title">Its title.</param>
/// <param name="Body">Its body.</param>
/// <param name="ContentHash">The hash of its title, body and links (<see cref="ReportFreezes.ContentHash"/>).</param>
/// <param name="IssueUpdatedAt">GitHub's update time of the issue at this version.</param>
/// <param name="LinkCount">How many evidence links the parser reads in it.</param>
/// <param name="Diff">The lines against the frozen body, or null when the texts are too long to compare (the page shows the text whole).</param>
public sealed record LaterVersion(int Number, string Title, string Body, string ContentHash, DateTimeOffset IssueUpdatedAt, int LinkCount, IReadOnlyList<DiffLine>? Diff);

/// <summary>What the reviewer page shows of a frozen report (R7).</summary>
public sealed record FreezeView(
    int FrozenVersion, string FrozenHash, DateTimeOffset FrozenAt, int LinkCount, int? AcceptedVersion, string? AcceptedBy, DateTimeOffset? AcceptedAt, IReadOnlyList<LaterVersion> Later)
{
    /// <summary>The version the month scores.</summary>
    public int ScoredVersion => ReportFreeze.Scored(FrozenVersion, FrozenVersion, AcceptedVersion);
}

/// <summary>
/// RULES.md R7: at the report deadline each report's text and link list are frozen with a content hash; later edits are
/// kept as versions a reviewer may accept, and the month scores the frozen version unless a later one was accepted. The
/// version frozen is chosen by GitHub's edit times (<see cref="ReportFreeze.DeadlineVersion"/>), so a freeze written after
/// the deadline still freezes what stood at it. <see cref="FreezeWorker"/> freezes each month within a minute of its
/// deadline; the queue, the review page and the month close also freeze what is due when they find it unfrozen (a host
/// without the worker, such as the command line).
/// </summary>
public sealed class ReportFreezes(IDbContextFactory<EmbassyDbContext> databases, TimeProvider time, PolicyCatalog? catalog = null)
{
    private readonly PolicyCatalog _catalog = catalog ?? PolicyCatalog.Shipped;

    /// <summary>The report's freeze with its later versions, or null while its month's deadline has not passed (or no such report).</summary>
    public async Task<FreezeView?> ForReportAsync(long reportId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken).ConfigureAwait(false);
        if (report?.Period is not { } period)
        {
            return null;
        }

        var policy = _catalog.ForPeriod(period);
        await FreezeDueAsync(db, policy, period, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var freeze = await db.ReportFreezes.AsNoTracking().SingleOrDefaultAsync(f => f.ReportId == reportId, cancellationToken).ConfigureAwait(false);
        if (freeze is null)
        {
            return null;
        }

        var versions = await db.ReportVersions.AsNoTracking().Where(v => v.ReportId == reportId && v.Number >= freeze.VersionNumber)
            .OrderBy(v => v.Number).ToListAsync(cancellationToken).ConfigureAwait(false);
        var frozen = versions.First(v => v.Number == freeze.VersionNumber);
        var later = versions.Where(v => v.Number > freeze.VersionNumber).Select(v =>
        {
            var links = LinksOf(v.Body);
            return new LaterVersion(v.Number, v.Title, v.Body, ContentHash(v.Title, v.Body, links), v.IssueUpdatedAt, links.Count, ReportFreeze.Diff(frozen.Body, v.Body));
        }).ToArray();
        var linkCount = freeze.Links.Length == 0 ? 0 : freeze.Links.Split('\n').Length;
        return new FreezeView(freeze.VersionNumber, freeze.ContentHash, freeze.FrozenAt, linkCount, freeze.AcceptedVersion, freeze.AcceptedBy, freeze.AcceptedAt, later);
    }

    /// <summary>
    /// R7: a reviewer accepts a version edited after the deadline, so the month scores it instead of the frozen one.
    /// <paramref name="contentHash"/> is the version's hash as the page showed it: a version whose content is not that
    /// (a forged form, an edit synced since) is refused. Needs a reason; refused on one's own report and in a closed
    /// month; audited.
    /// </summary>
    public async Task<Result<int>> AcceptAsync(long reportId, int version, string? contentHash, string reviewer, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewer);
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result<int>.Fail(WorkflowCodes.ReasonRequired, "Give a reason for scoring the later version; it is kept in the audit log.");
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var decided = await DecidableAsync(db, reportId, reviewer, "Nobody accepts a version of their own report; another reviewer must.", cancellationToken).ConfigureAwait(false);
        if (!decided.IsSuccess)
        {
            return Result<int>.Fail(decided.Diagnostics);
        }

        var (report, period) = decided.Value;
        var policy = _catalog.ForPeriod(period);
        var now = time.GetUtcNow();
        await FreezeDueAsync(db, policy, period, now, cancellationToken).ConfigureAwait(false);
        var freeze = await db.ReportFreezes.SingleOrDefaultAsync(f => f.ReportId == reportId, cancellationToken).ConfigureAwait(false);
        if (freeze is null)
        {
            return Result<int>.Fail(FreezeCodes.NotFrozen, $"The deadline of {period} has not passed: report #{report.IssueNumber.ToString(CultureInfo.InvariantCulture)} is scored as it stands (R7).");
        }

        if (!ReportFreeze.CanAccept(version, report.LatestVersion, freeze.VersionNumber, freeze.AcceptedVersion))
        {
            return Result<int>.Fail(FreezeCodes.NotAcceptable, string.Create(CultureInfo.InvariantCulture,
                $"Version {version} cannot be accepted: report #{report.IssueNumber} is frozen at version {freeze.VersionNumber}, scores version {freeze.AcceptedVersion ?? freeze.VersionNumber} and has {report.LatestVersion} (R7)."));
        }

        var chosen = await db.ReportVersions.Include(v => v.Parse).SingleAsync(v => v.ReportId == reportId && v.Number == version, cancellationToken).ConfigureAwait(false);
        var hash = ContentHash(chosen.Title, chosen.Body, LinksOf(chosen.Body));
        if (!string.Equals(hash, contentHash?.Trim(), StringComparison.Ordinal))
        {
            return Result<int>.Fail(FreezeCodes.HashMismatch, string.Create(CultureInfo.InvariantCulture, $"Version {version} is not the text you were shown (its content hash is {hash[..12]}…); read the page again."));
        }

        freeze.AcceptedVersion = version;
        freeze.AcceptedHash = hash;
        freeze.AcceptedBy = reviewer;
        freeze.AcceptedAt = now;
        ProgramTables.Audit(db, now, reviewer, "report.version-accepted", $"report:{report.Repository}#{report.IssueNumber}",
            string.Create(CultureInfo.InvariantCulture, $"version {version} ({hash}) scored instead of the deadline's version {freeze.VersionNumber} ({freeze.ContentHash}): {reason.Trim()}"));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<int>.Ok(version);
    }

    /// <summary>
    /// R7: a reviewer withdraws the acceptance of a later version, so the month scores the version frozen at the deadline
    /// again. Needs a reason; refused on one's own report, when no later version is accepted and in a closed month;
    /// audited. Returns the version scored after it (the frozen one).
    /// </summary>
    public async Task<Result<int>> WithdrawAsync(long reportId, string reviewer, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewer);
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result<int>.Fail(WorkflowCodes.ReasonRequired, "Give a reason for scoring the deadline's version again; it is kept in the audit log.");
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var decided = await DecidableAsync(db, reportId, reviewer, "Nobody changes which version of their own report is scored; another reviewer must.", cancellationToken).ConfigureAwait(false);
        if (!decided.IsSuccess)
        {
            return Result<int>.Fail(decided.Diagnostics);
        }

        var report = decided.Value.Report;
        var freeze = await db.ReportFreezes.SingleOrDefaultAsync(f => f.ReportId == reportId, cancellationToken).ConfigureAwait(false);
        if (freeze?.AcceptedVersion is not { } accepted)
        {
            return Result<int>.Fail(FreezeCodes.NotAcceptable, string.Create(CultureInfo.InvariantCulture,
                $"Report #{report.IssueNumber} has no later version accepted: it is scored as it stood at the deadline{(freeze is null ? " (or as it stands, before the deadline)" : $", version {freeze.VersionNumber}")} (R7)."));
        }

        var now = time.GetUtcNow();
        var (acceptedHash, acceptedBy) = (freeze.AcceptedHash, freeze.AcceptedBy);
        (freeze.AcceptedVersion, freeze.AcceptedHash, freeze.AcceptedBy, freeze.AcceptedAt) = (null, null, null, null);
        ProgramTables.Audit(db, now, reviewer, "report.version-withdrawn", $"report:{report.Repository}#{report.IssueNumber}",
            string.Create(CultureInfo.InvariantCulture,
                $"version {accepted} ({acceptedHash}, accepted by {acceptedBy}) no longer scored; the deadline's version {freeze.VersionNumber} ({freeze.ContentHash}) is: {reason.Trim()}"));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<int>.Ok(freeze.VersionNumber);
    }

    /// <summary>
    /// Who may change which version of a report is scored (R7), checked the same way for accepting and withdrawing: the
    /// report exists and names a month, the reviewer is not its author (issue #12), and the month is not closed.
    /// </summary>
    private static async Task<Result<(Report Report, Period Period)>> DecidableAsync(
        EmbassyDbContext db, long reportId, string reviewer, string ownReport, CancellationToken cancellationToken)
    {
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken).ConfigureAwait(false);
        if (report?.Period is not { } period)
        {
            return Result<(Report, Period)>.Fail(WorkflowCodes.NotFound, $"There is no report {reportId} with a month.");
        }

        var self = MemberHandle.Normalize(reviewer);
        if (MemberHandle.Normalize(report.AuthorLogin) == self
            || (report.MemberId is { } owner && await db.MemberHandles.AnyAsync(h => h.MemberId == owner && h.Kind == MemberHandle.GitHub && h.NormalizedValue == self, cancellationToken).ConfigureAwait(false)))
        {
            return Result<(Report, Period)>.Fail(AccessCodes.ScoreOwnReport, ownReport);
        }

        return await MonthStore.IsFrozenAsync(db, period, cancellationToken).ConfigureAwait(false)
            ? Result<(Report, Period)>.Fail(WorkflowCodes.MonthClosed, $"{period} is closed; reopen it before changing which version is scored.")
            : Result<(Report, Period)>.Ok((report, period));
    }

    /// <summary>
    /// R7: freezes every report of <paramref name="period"/> not frozen yet, once its deadline has passed: the version at the
    /// deadline, its normalised link list and their content hash. Idempotent, and safe beside another freezer (a report
    /// frozen meanwhile is left as it is).
    /// </summary>
    internal static async Task<int> FreezeDueAsync(EmbassyDbContext db, Policy policy, Period period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var deadline = policy.Deadline.EndOf(period);
        if (now < deadline)
        {
            return 0;
        }

        // Only the columns the freeze reads: whole report rows were a third of the freeze of a 10,000-report month.
        var due = await db.Reports.AsNoTracking().Where(r => r.Period == period && !db.ReportFreezes.Any(f => f.ReportId == r.Id))
            .Select(r => new { r.Id, r.CreatedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (due.Count == 0)
        {
            return 0;
        }

        var versions = (await db.ReportVersions.AsNoTracking()
                .Where(v => db.Reports.Any(r => r.Id == v.ReportId && r.Period == period) && !db.ReportFreezes.Any(f => f.ReportId == v.ReportId))
                .Select(v => new { v.ReportId, v.Number, v.IssueUpdatedAt, v.Title, v.Body })
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(v => v.ReportId);
        var rows = new List<ReportFreezeRecord>(due.Count);
        foreach (var report in due)
        {
            var mine = versions[report.Id].ToArray();
            if (mine.Length == 0)
            {
                continue;
            }

            var number = ReportFreeze.DeadlineVersion(mine.Select(v => new VersionStamp(v.Number, v.IssueUpdatedAt)).ToArray(), deadline, report.CreatedAt);
            var frozen = mine.Single(v => v.Number == number);
            var links = LinksOf(frozen.Body);
            rows.Add(new ReportFreezeRecord { ReportId = report.Id, VersionNumber = number, ContentHash = ContentHash(frozen.Title, frozen.Body, links), Links = string.Join('\n', links), FrozenAt = now });
        }

        // Plain inserts in one transaction (the caller's, when it has one), as the month close writes its rows: a statement
        // and a commit per report made the first look at a month of 1,800 reports take 20 s, and 200-row statements of
        // 1,000 named parameters spent a fifth of a 10,000-member lock binding them.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
        await BulkRows.InsertFreezesAsync(db, rows, cancellationToken).ConfigureAwait(false);
        if (tx is not null)
        {
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return rows.Count;
    }

    /// <summary>
    /// R7 at the deadline itself: freezes every report of every month whose deadline has passed and that is not frozen yet
    /// (<see cref="FreezeWorker"/> runs it every minute, so a month is frozen within a minute of its deadline rather than
    /// at whatever looks at it first, and the month close finds its reports frozen). Returns the reports frozen.
    /// </summary>
    public async Task<int> FreezeDueMonthsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var open = await db.Reports.Where(r => r.Period != null && !db.ReportFreezes.Any(f => f.ReportId == r.Id))
            .Select(r => r.Period!.Value).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        var frozen = 0;
        foreach (var period in open.Order())
        {
            var policy = _catalog.ForPeriod(period);
            if (now >= policy.Deadline.EndOf(period))
            {
                frozen += await FreezeDueAsync(db, policy, period, now, cancellationToken).ConfigureAwait(false);
            }
        }

        return frozen;
    }

    /// <summary>
    /// The hex SHA-256 of what R7 freezes: the title, the body and the link list, each part prefixed by its length so no
    /// two different contents hash alike.
    /// </summary>
    public static string ContentHash(string title, string body, IReadOnlyList<string> links)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(links);
        var sb = new StringBuilder();
        foreach (var part in new[] { title, body }.Concat(links))
        {
            sb.Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>The version's evidence links as the shipped parser reads them, normalised (issue #14), in order of appearance.</summary>
    private static IReadOnlyList<string> LinksOf(string body) =>
        ReportParser.Shipped.EvidenceUrls(body).Select(u => LinkNormaliser.Normalise(u) ?? u).ToArray();
}
