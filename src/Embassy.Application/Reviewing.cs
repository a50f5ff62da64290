using System.Globalization;
using System.Text.Json;
using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.Policies;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>Where a report stands in the reviewer's queue.</summary>
public static class ReviewStates
{
    public const string Filed = "filed";
    public const string NeedsFix = "needs-fix";
    public const string Late = "late";
    public const string Unmatched = "unmatched";
    public const string Scored = "scored";

    /// <summary>A reviewer rejected it: it counts as no report and does not hold the month's lock.</summary>
    public const string Rejected = "rejected";

    /// <summary>The states in queue order.</summary>
    public static IReadOnlyList<string> All { get; } = [Filed, NeedsFix, Late, Unmatched, Scored];
}

/// <summary>A report in the month's queue.</summary>
public sealed record ReviewItem(long ReportId, string Repository, int IssueNumber, string Author, long? MemberId, string Title, DateTimeOffset FiledAt, string State, IReadOnlyList<string> Departments)
{
    /// <summary>Every flag the report has, not only the one <see cref="State"/> shows: a report both late and unmatched says both.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>The reviewers the report is assigned to (issue #14: balanced, never the author; the policy's reviewers per report).</summary>
    public IReadOnlyList<string> AssignedTo { get; init; } = [];

    /// <summary>Reviewers who have scored it (who, not what: scores stay blind until one's own are in).</summary>
    public IReadOnlyList<string> ScoredBy { get; init; } = [];
}

/// <summary>
/// One department's panel after a reviewer has scored (R3): the mean that will be paid, each reviewer's total, and
/// whether the totals are the policy's disagreement spread or more apart.
/// </summary>
public sealed record PanelScore(string Department, Points Effort, Points Results, IReadOnlyList<(string Reviewer, Points Total)> Totals, bool Disagreement)
{
    /// <summary>The department's final points: mean effort plus mean results.</summary>
    public Points Total => Effort + Results;
}

/// <summary>A reviewer's note on a report, shared with the other reviewers.</summary>
public sealed record SharedNote(string Reviewer, string Note, DateTimeOffset At);

/// <summary>One department's score on the review form.</summary>
/// <param name="Department">Department code.</param>
/// <param name="Effort">Effort points (R3: 0–20).</param>
/// <param name="Result">Result points (R3: 0–20).</param>
public sealed record ScoreEntry(string Department, decimal Effort, decimal Result);

/// <summary>Everything the review page shows for one report.</summary>
public sealed record ReviewDetail
{
    public required ReviewItem Item { get; init; }

    public required Period Period { get; init; }

    public required string HtmlUrl { get; init; }

    public required string Body { get; init; }

    public required int Version { get; init; }

    public string? Wallet { get; init; }

    public string? MemberName { get; init; }

    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    /// <summary>The departments the form offers: the chosen ones, then Basic and Others (R3).</summary>
    public required IReadOnlyList<Department> Offered { get; init; }

    /// <summary>The member's suggested score per department (R3: kept for comparison).</summary>
    public required IReadOnlyDictionary<string, string> Suggested { get; init; }

    /// <summary>This reviewer's latest score per department.</summary>
    public required IReadOnlyDictionary<string, ScoreEntry> Mine { get; init; }

    /// <summary>Every reviewer's latest scores, for the history.</summary>
    public required IReadOnlyList<(string Reviewer, ScoreEntry Score, DateTimeOffset At)> AllScores { get; init; }

    /// <summary>Last month's points per department, from the closed month.</summary>
    public required IReadOnlyDictionary<string, decimal> LastMonth { get; init; }

    public string? Note { get; init; }

    public long? PreviousId { get; init; }

    public long? NextId { get; init; }

    public bool MonthClosed { get; init; }

    /// <summary>Issue #14 blind scoring: true while this reviewer has not scored the report; others' scores are then withheld.</summary>
    public bool Blind { get; init; }

    /// <summary>The panel per department (R3 mean and disagreement), once this reviewer has scored; empty while blind.</summary>
    public IReadOnlyList<PanelScore> Panel { get; init; } = [];

    /// <summary>Every reviewer's note, shared.</summary>
    public IReadOnlyList<SharedNote> Notes { get; init; } = [];
}

/// <summary>The reviewer's queue and scoring (R3, R7): the latest score per reviewer and department counts; scores append, never overwrite.</summary>
public sealed class ReviewQueue(IDbContextFactory<EmbassyDbContext> databases, TimeProvider time, PolicyCatalog? catalog = null)
{
    private readonly PolicyCatalog _catalog = catalog ?? PolicyCatalog.Shipped;

    /// <summary>The month's reports with their states.</summary>
    public async Task<IReadOnlyList<ReviewItem>> ListAsync(Period period, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var policy = _catalog.ForPeriod(period);
        await ReportFreezes.FreezeDueAsync(db, policy, period, time.GetUtcNow(), cancellationToken).ConfigureAwait(false); // R7
        return await WithAssignmentsAsync(db, policy, await ItemsAsync(db, policy, period, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Months that have reports, newest first.</summary>
    public async Task<IReadOnlyList<Period>> PeriodsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var periods = await db.Reports.Where(r => r.Period != null).Select(r => r.Period!.Value).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        return periods.OrderDescending().ToArray();
    }

    /// <summary>A member's own reports with their states, newest month first (what a signed-in member sees).</summary>
    public async Task<IReadOnlyList<(Period Period, ReviewItem Item)>> ForAuthorAsync(string login, CancellationToken cancellationToken = default)
    {
        var normalized = Data.Entities.MemberHandle.Normalize(login);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var memberId = await db.MemberHandles.Where(h => h.Kind == Data.Entities.MemberHandle.GitHub && h.NormalizedValue == normalized)
            .Select(h => (long?)h.MemberId).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var periods = await db.Reports.Where(r => r.Period != null && (r.MemberId == memberId || r.AuthorLogin == login))
            .Select(r => r.Period!.Value).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<(Period, ReviewItem)>();
        foreach (var period in periods.OrderDescending())
        {
            var items = await ItemsAsync(db, _catalog.ForPeriod(period), period, cancellationToken).ConfigureAwait(false);
            list.AddRange(items.Where(i => (memberId is not null && i.MemberId == memberId) || string.Equals(Data.Entities.MemberHandle.Normalize(i.Author), normalized, StringComparison.Ordinal)).Select(i => (period, i)));
        }

        return list;
    }

    /// <summary>The review page of a report, or null when there is no such report.</summary>
    public async Task<ReviewDetail?> DetailAsync(long reportId, string reviewer, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken).ConfigureAwait(false);
        if (report?.Period is not { } period)
        {
            return null;
        }

        var policy = _catalog.ForPeriod(period);
        await ReportFreezes.FreezeDueAsync(db, policy, period, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var items = await ItemsAsync(db, policy, period, cancellationToken).ConfigureAwait(false);
        var index = items.ToList().FindIndex(i => i.ReportId == reportId);
        var item = items[index];
        // R7: the version the month scores (frozen at the deadline, or the later one a reviewer accepted), not the latest edit.
        var freeze = await db.ReportFreezes.AsNoTracking().Where(f => f.ReportId == reportId).Select(f => new { f.VersionNumber, f.AcceptedVersion }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var scoredVersion = ReportFreeze.Scored(report.LatestVersion, freeze?.VersionNumber, freeze?.AcceptedVersion);
        var version = await db.ReportVersions.AsNoTracking().Include(v => v.Parse).Include(v => v.Diagnostics)
            .SingleAsync(v => v.ReportId == reportId && v.Number == scoredVersion, cancellationToken).ConfigureAwait(false);
        var scores = await db.Scores.AsNoTracking().Where(s => s.ReportId == reportId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var latest = LatestScores(scores);
        var suggested = new Dictionary<string, string>(StringComparer.Ordinal);
        if (version.Parse is { SuggestedScores.Length: > 0 } parse)
        {
            try
            {
                var parsed = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(parse.SuggestedScores);
                foreach (var (code, v) in parsed ?? [])
                {
                    suggested[code] = v.GetValueOrDefault("score", "?") + " / " + v.GetValueOrDefault("max", "?");
                }
            }
            catch (JsonException)
            {
                // Suggested scores are for reference only; an unreadable value shows nothing.
            }
        }

        var lastMonth = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var previous = await MonthStore.FindAsync(db, period.Previous, cancellationToken).ConfigureAwait(false);
        if (previous is { Month: var frozen } && report.MemberId is { } memberId && frozen.Member(memberId) is { } m)
        {
            foreach (var (code, points) in m.Points)
            {
                lastMonth[code] = points.Value;
            }
        }

        var memberName = report.MemberId is null ? null
            : await db.Members.Where(m => m.Id == report.MemberId).Select(m => m.DisplayName).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var notes = (await db.ReviewNotes.AsNoTracking().Where(n => n.ReportId == reportId)
            .ToListAsync(cancellationToken).ConfigureAwait(false)).OrderBy(n => n.RecordedAt).ToList();
        var note = notes.FirstOrDefault(n => n.Reviewer == reviewer)?.Note;
        var closed = await MonthStore.IsFrozenAsync(db, period, cancellationToken).ConfigureAwait(false);
        // Issue #14: blind until one's own scores are in (or the month is closed), so nobody anchors on another's numbers.
        var blind = !closed && !latest.Any(s => s.Reviewer == reviewer);
        var visible = blind ? latest.Where(s => s.Reviewer == reviewer).ToArray() : latest;
        return new ReviewDetail
        {
            Item = item,
            Period = period,
            HtmlUrl = report.HtmlUrl,
            Body = version.Body,
            Version = version.Number,
            Wallet = version.Parse?.Wallet,
            MemberName = memberName,
            Diagnostics = version.Diagnostics.OrderBy(d => d.Ordinal).Select(ToDiagnostic).ToArray(),
            Offered = Offered(policy, item.Departments),
            Suggested = suggested,
            Mine = latest.Where(s => s.Reviewer == reviewer).ToDictionary(s => s.Department, ToEntry, StringComparer.Ordinal),
            AllScores = visible.OrderBy(s => s.Reviewer, StringComparer.Ordinal).ThenBy(s => s.Department, StringComparer.Ordinal).Select(s => (s.Reviewer, ToEntry(s), s.RecordedAt)).ToArray(),
            Blind = blind,
            Panel = blind ? [] : Panel(policy, latest),
            Notes = notes.Select(n => new SharedNote(n.Reviewer, n.Note, n.RecordedAt)).ToArray(),
            LastMonth = lastMonth,
            Note = note,
            PreviousId = index > 0 ? items[index - 1].ReportId : null,
            NextId = index < items.Count - 1 ? items[index + 1].ReportId : null,
            MonthClosed = closed,
        };
    }

    /// <summary>Records a reviewer's scores for a report (appended; the latest per reviewer and department counts) and their note.</summary>
    public async Task<Result<int>> ScoreAsync(long reportId, string reviewer, IReadOnlyList<ScoreEntry> entries, string? note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken).ConfigureAwait(false);
        if (report is null)
        {
            return Result<int>.Fail(WorkflowCodes.NotFound, $"There is no report {reportId}.");
        }

        // Issue #12: nobody scores their own report, whether they filed it or it is linked to their member record.
        var self = MemberHandle.Normalize(reviewer);
        if (MemberHandle.Normalize(report.AuthorLogin) == self
            || (report.MemberId is { } owner && await db.MemberHandles.AnyAsync(h => h.MemberId == owner && h.Kind == MemberHandle.GitHub && h.NormalizedValue == self, cancellationToken).ConfigureAwait(false)))
        {
            return Result<int>.Fail(AccessCodes.ScoreOwnReport, "Nobody scores their own report; another reviewer must.");
        }

        if (report.Period is not { } period)
        {
            return Result<int>.Fail(WorkflowCodes.ReportNotScorable, "The report names no month; it needs a fix before it can be scored.");
        }

        if (await MonthStore.IsFrozenAsync(db, period, cancellationToken).ConfigureAwait(false))
        {
            return Result<int>.Fail(WorkflowCodes.MonthClosed, $"{period} is closed; its scores can no longer change.");
        }

        var policy = _catalog.ForPeriod(period);
        var item = (await ItemsAsync(db, policy, period, cancellationToken).ConfigureAwait(false)).Single(i => i.ReportId == reportId);
        if (item.State is ReviewStates.Unmatched or ReviewStates.Late or ReviewStates.Rejected)
        {
            return Result<int>.Fail(WorkflowCodes.ReportNotScorable, $"Report #{item.IssueNumber} is {item.State}; it cannot be scored (R2, R7).");
        }

        var offered = Offered(policy, item.Departments);
        var errors = new List<Diagnostic>();
        var step = policy.Scoring.Step;
        foreach (var e in entries)
        {
            var dept = offered.FirstOrDefault(d => string.Equals(d.Code, e.Department, StringComparison.OrdinalIgnoreCase));
            if (dept is null)
            {
                errors.Add(Diagnostic.Error(WorkflowCodes.ScoreDepartmentNotOffered, $"{e.Department} is not one of this report's departments ({string.Join(", ", offered.Select(d => d.Code))})."));
                continue;
            }

            Check(dept.Code, "effort", e.Effort, MaxOf(dept.EffortMax, dept.Max), step, errors);
            Check(dept.Code, "result", e.Result, MaxOf(dept.ResultMax, dept.Max), step, errors);
        }

        if (errors.Count > 0)
        {
            return Result<int>.Fail(errors);
        }

        var now = time.GetUtcNow();
        var previous = LatestScores(await db.Scores.Where(s => s.ReportId == reportId && s.Reviewer == reviewer).ToListAsync(cancellationToken).ConfigureAwait(false));
        foreach (var e in entries)
        {
            var code = offered.First(d => string.Equals(d.Code, e.Department, StringComparison.OrdinalIgnoreCase)).Code;
            db.Scores.Add(new Score
            {
                ReportId = reportId,
                Reviewer = reviewer,
                Department = code,
                EffortHundredths = Points.Of(e.Effort).Hundredths,
                ResultsHundredths = Points.Of(e.Result).Hundredths,
                SupersedesId = previous.FirstOrDefault(p => p.Department == code)?.Id,
                RecordedAt = now,
            });
        }

        ProgramTables.Audit(db, now, reviewer, "report.scored", $"report:{report.Repository}#{report.IssueNumber}",
            string.Join("; ", entries.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Department} {e.Effort}+{e.Result}"))));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (note is not null)
        {
            await db.ReviewNotes.Where(n => n.ReportId == reportId && n.Reviewer == reviewer).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            if (note.Trim().Length > 0)
            {
                db.ReviewNotes.Add(new ReviewNote { ReportId = reportId, Reviewer = reviewer, Note = note.Trim(), RecordedAt = now });
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return Result<int>.Ok(entries.Count);
    }

    /// <summary>
    /// Rejects a report (issue #10: a reviewer can reject a report): it counts as no report for its month, does not
    /// hold the month's lock, and keeps its scores for the record. Needs a reason; audited. <see cref="ReconsiderAsync"/>
    /// takes it back while the month is open.
    /// </summary>
    public Task<Result<string>> RejectAsync(long reportId, string reviewer, string? reason, CancellationToken cancellationToken = default) =>
        SetReviewStateAsync(reportId, reviewer, reason, Rejected, "report.rejected", cancellationToken);

    /// <summary>Takes back a rejection: the report is reviewed again. Needs a reason; audited.</summary>
    public Task<Result<string>> ReconsiderAsync(long reportId, string reviewer, string? reason, CancellationToken cancellationToken = default) =>
        SetReviewStateAsync(reportId, reviewer, reason, "pending", "report.reconsidered", cancellationToken);

    /// <summary>
    /// Withdraws <paramref name="reviewer"/>'s scores of a report (issue #10: a reviewer can take back a score), while its
    /// month is open. Needs a reason; the audit log keeps every withdrawn value, so nothing is lost.
    /// </summary>
    /// <returns>How many score rows were withdrawn.</returns>
    public async Task<Result<int>> WithdrawScoresAsync(long reportId, string reviewer, string? reason, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var (report, refused) = await OpenReportAsync(db, reportId, reason, cancellationToken).ConfigureAwait(false);
        if (report is null)
        {
            return Result<int>.Fail([refused!]);
        }

        var rows = await db.Scores.Where(s => s.ReportId == reportId && s.Reviewer == reviewer).OrderBy(s => s.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return Result<int>.Fail(WorkflowCodes.NotFound, $"{reviewer} has no score on report #{report.IssueNumber.ToString(CultureInfo.InvariantCulture)} to withdraw.");
        }

        var latest = LatestScores(rows);
        ProgramTables.Audit(db, time.GetUtcNow(), reviewer, "report.scores-withdrawn", $"report:{report.Repository}#{report.IssueNumber}",
            reason!.Trim() + " (withdrawn: " + string.Join("; ", latest.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Department} {Points.FromHundredths(s.EffortHundredths)}+{Points.FromHundredths(s.ResultsHundredths)}"))) + ")");
        // Later rows point at earlier ones (supersedes): remove the newest first.
        foreach (var row in rows.OrderByDescending(r => r.Id))
        {
            db.Scores.Remove(row);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Result<int>.Ok(rows.Count);
    }

    private const string Rejected = "rejected";

    private async Task<Result<string>> SetReviewStateAsync(long reportId, string reviewer, string? reason, string state, string action, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var (report, refused) = await OpenReportAsync(db, reportId, reason, cancellationToken).ConfigureAwait(false);
        if (report is null)
        {
            return Result<string>.Fail([refused!]);
        }

        // Nobody decides about their own report (issue #12), rejecting included.
        if (MemberHandle.Normalize(report.AuthorLogin) == MemberHandle.Normalize(reviewer))
        {
            return Result<string>.Fail(AccessCodes.ScoreOwnReport, "Nobody reviews their own report; another reviewer must.");
        }

        report.ReviewState = state;
        ProgramTables.Audit(db, time.GetUtcNow(), reviewer, action, $"report:{report.Repository}#{report.IssueNumber}", reason!.Trim());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<string>.Ok(state == Rejected ? ReviewStates.Rejected : ReviewStates.Filed);
    }

    /// <summary>The report, if it exists, its month is still open and a reason is given; otherwise why not.</summary>
    private static async Task<(Report? Report, Diagnostic? Refused)> OpenReportAsync(EmbassyDbContext db, long reportId, string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return (null, Diagnostic.Error(WorkflowCodes.ReasonRequired, "Give a reason; it is kept in the audit log."));
        }

        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken).ConfigureAwait(false);
        if (report is null)
        {
            return (null, Diagnostic.Error(WorkflowCodes.NotFound, $"There is no report {reportId}."));
        }

        if (report.Period is { } period && await MonthStore.IsFrozenAsync(db, period, cancellationToken).ConfigureAwait(false))
        {
            return (null, Diagnostic.Error(WorkflowCodes.MonthClosed, $"{period} is closed; reopen it before changing its reviews."));
        }

        return (report, null);
    }

    /// <summary>R3 per department: the reviewers' mean (what will be paid) and the disagreement flag at the policy's spread.</summary>
    internal static IReadOnlyList<PanelScore> Panel(Policy policy, IReadOnlyList<Score> latest) =>
        latest.GroupBy(s => s.Department, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var scores = g.Select(s => new ReviewerScore(Points.FromHundredths(s.EffortHundredths), Points.FromHundredths(s.ResultsHundredths), Order: s.Id)).ToArray();
            var (effort, results) = ReviewerScores.Final(scores, policy.Scoring.Step);
            var totals = g.OrderBy(s => s.Reviewer, StringComparer.Ordinal).Select(s => (s.Reviewer, Points.FromHundredths(s.EffortHundredths + s.ResultsHundredths))).ToArray();
            return new PanelScore(g.Key, effort, results, totals, policy.Review.Disagree(totals.Select(t => t.Item2)));
        }).ToArray();

    /// <summary>
    /// Issue #14: the reviewers each report of the month is assigned to (<see cref="ReviewAssignment"/>), from the users
    /// granted the reviewer role; the author and the logins of the author's member record are never among them.
    /// </summary>
    internal static async Task<IReadOnlyList<ReviewItem>> WithAssignmentsAsync(EmbassyDbContext db, Policy policy, IReadOnlyList<ReviewItem> items, CancellationToken cancellationToken)
    {
        var reviewers = await db.Users.AsNoTracking().Where(u => u.Role == Embassy.Application.Roles.Reviewer).Select(u => u.Login).ToListAsync(cancellationToken).ConfigureAwait(false);
        var handles = (await db.MemberHandles.AsNoTracking().Where(h => h.Kind == MemberHandle.GitHub).Select(h => new { h.MemberId, h.NormalizedValue })
            .ToListAsync(cancellationToken).ConfigureAwait(false)).ToLookup(h => h.MemberId, h => h.NormalizedValue);
        var assignable = items.Where(i => i.State is not (ReviewStates.Rejected or ReviewStates.Unmatched))
            .Select(i => new AssignableReport(i.ReportId, [MemberHandle.Normalize(i.Author), .. i.MemberId is { } m ? handles[m] : []])).ToArray();
        var panels = ReviewAssignment.Assign(assignable, reviewers.Select(MemberHandle.Normalize).ToArray(), policy.Review.ReviewersPerReport);
        return items.Select(i => panels.TryGetValue(i.ReportId, out var p) ? i with { AssignedTo = p } : i).ToArray();
    }

    /// <summary>The reports assigned to <paramref name="reviewer"/> that they have not scored (reports that can be scored).</summary>
    public static IReadOnlyList<ReviewItem> Unscored(IEnumerable<ReviewItem> items, string reviewer)
    {
        ArgumentNullException.ThrowIfNull(items);
        var who = MemberHandle.Normalize(reviewer);
        return items.Where(i => i.State is not (ReviewStates.Rejected or ReviewStates.Unmatched or ReviewStates.Late)
                && i.AssignedTo.Any(a => MemberHandle.Normalize(a) == who)
                && !i.ScoredBy.Any(s => MemberHandle.Normalize(s) == who))
            .OrderBy(i => i.IssueNumber).ToArray();
    }

    internal static IReadOnlyList<Department> Offered(Policy policy, IReadOnlyList<string> chosen)
    {
        var list = new List<Department>();
        foreach (var code in chosen)
        {
            if (policy.FindDepartment(code) is { Kind: DepartmentKind.Selectable } d && !list.Contains(d))
            {
                list.Add(d);
            }
        }

        list.AddRange(policy.Departments.Where(d => d.Kind != DepartmentKind.Selectable));
        return list;
    }

    /// <summary>Each reviewer's latest score per department (the highest id), in the order the pairs first appear.</summary>
    internal static IReadOnlyList<Score> LatestScores(IEnumerable<Score> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        // A report has a few rows: a scan of the short list beats grouping, and the close runs this for every member.
        var latest = new List<Score>(4);
        foreach (var s in scores)
        {
            var at = -1;
            for (var i = 0; i < latest.Count; i++)
            {
                if (string.Equals(latest[i].Reviewer, s.Reviewer, StringComparison.Ordinal) && string.Equals(latest[i].Department, s.Department, StringComparison.Ordinal))
                {
                    at = i;
                    break;
                }
            }

            if (at < 0)
            {
                latest.Add(s);
            }
            else if (s.Id > latest[at].Id)
            {
                latest[at] = s;
            }
        }

        return latest;
    }

    internal static Task<IReadOnlyList<ReviewItem>> ItemsAsync(EmbassyDbContext db, Policy policy, Period period, CancellationToken cancellationToken) =>
        ItemsAsync(db, policy, period, null, cancellationToken);

    /// <summary>The month's reports with their states; <paramref name="scores"/>, the month's scores by report when the caller has read them already (the close), saves reading who scored.</summary>
    internal static async Task<IReadOnlyList<ReviewItem>> ItemsAsync(EmbassyDbContext db, Policy policy, Period period, ILookup<long, Score>? scores, CancellationToken cancellationToken)
    {
        // One query: each present report of the month with what its scored version says (only the columns the queue shows).
        // R7: the scored version is the one frozen at the deadline unless a reviewer accepted a later one; before the
        // freeze, the latest.
        var reports = (await (
                from r in db.Reports.Where(r => r.Period == period && r.Presence == ReportPresence.Present)
                join f in db.ReportFreezes on r.Id equals f.ReportId into frozen
                from f in frozen.DefaultIfEmpty()
                join v in db.ReportVersions on new { Id = r.Id, Number = f == null ? r.LatestVersion : f.AcceptedVersion ?? f.VersionNumber } equals new { Id = v.ReportId, v.Number } into latest
                from v in latest.DefaultIfEmpty()
                select new
                {
                    r.Id, r.Repository, r.IssueNumber, r.AuthorLogin, r.MemberId, r.CreatedAt, r.ReviewState,
                    HasVersion = v != null,
                    Title = v == null ? null : v.Title,
                    Departments = v == null || v.Parse == null ? null : v.Parse.Departments,
                    Errors = v != null && v.Diagnostics.Any(d => d.Severity == "error"),
                    FixErrors = v != null && v.Diagnostics.Any(d => d.Severity == "error" && d.Code != "REPORT_LATE"),
                })
            .AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false)).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToList();
        // Subqueries on the month, not an id list: a list binds one parameter per report (thousands at 10,000 members).
        // Who scored each report, in reviewer order (the queue shows them; a scored report has at least one).
        var scorers = new Dictionary<long, string[]>();
        if (scores is null)
        {
            var rows = await (
                    from r in db.Reports.Where(r => r.Period == period)
                    join s in db.Scores on r.Id equals s.ReportId
                    select new { s.ReportId, s.Reviewer })
                .Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var g in rows.GroupBy(s => s.ReportId))
            {
                scorers[g.Key] = g.Select(s => s.Reviewer).Order(StringComparer.Ordinal).ToArray();
            }
        }
        else
        {
            foreach (var g in scores)
            {
                scorers[g.Key] = g.Select(s => s.Reviewer).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            }
        }

        var acceptedLate = (await db.LateAcceptances.AsNoTracking().Where(a => db.Reports.Any(r => r.Id == a.ReportId && r.Period == period)).Select(a => a.ReportId).ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet();
        var items = new List<ReviewItem>(reports.Count);
        foreach (var r in reports)
        {
            var late = policy.Deadline.IsLate(period, r.CreatedAt) && !acceptedLate.Contains(r.Id);
            var state = r.ReviewState == Rejected ? ReviewStates.Rejected
                : r.MemberId is null ? ReviewStates.Unmatched
                : late ? ReviewStates.Late
                : scorers.ContainsKey(r.Id) ? ReviewStates.Scored
                : !r.HasVersion || r.Errors ? ReviewStates.NeedsFix
                : ReviewStates.Filed;
            var departments = (r.Departments ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            // Every flag at once (issue #14): the state above shows the one that decides what a reviewer can do.
            var flags = new List<string>(4);
            if (r.ReviewState == Rejected) { flags.Add(ReviewStates.Rejected); }
            if (r.MemberId is null) { flags.Add(ReviewStates.Unmatched); }
            if (late) { flags.Add(ReviewStates.Late); }
            if (!r.HasVersion || r.FixErrors) { flags.Add(ReviewStates.NeedsFix); } // lateness is its own flag
            if (scorers.ContainsKey(r.Id)) { flags.Add(ReviewStates.Scored); }
            items.Add(new ReviewItem(r.Id, r.Repository, r.IssueNumber, r.AuthorLogin, r.MemberId, r.Title ?? string.Empty, r.CreatedAt, state, departments)
            {
                Flags = flags,
                ScoredBy = scorers.TryGetValue(r.Id, out var by) ? by : [],
            });
        }

        return items;
    }

    internal static Points MaxOf(Points part, Points total) => part.Hundredths > 0 ? part : Points.FromHundredths(total.Hundredths / 2);

    internal static void Check(string code, string what, decimal value, Points max, Points step, List<Diagnostic> errors)
    {
        var points = Points.Of(Math.Round(value, 2));
        if (value != Math.Round(value, 2) || points < Points.Zero || points > max || (step.Hundredths > 0 && !points.IsMultipleOf(step)))
        {
            errors.Add(Diagnostic.Error(WorkflowCodes.ScoreOutOfRange, string.Create(CultureInfo.InvariantCulture, $"{code} {what} must be 0 to {max} in steps of {step}; got {value}.")));
        }
    }

    private static ScoreEntry ToEntry(Score s) => new(s.Department, s.EffortHundredths / 100m, s.ResultsHundredths / 100m);

    private static Diagnostic ToDiagnostic(ReportDiagnostic d) => new(
        d.Code,
        d.Severity switch { "error" => Severity.Error, "warning" => Severity.Warning, _ => Severity.Info },
        d.Message,
        d.LineNumber is { } line ? new SourcePosition(line, d.ColumnNumber ?? 0, d.Source) : null);
}
