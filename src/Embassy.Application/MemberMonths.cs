using System.Globalization;
using System.Text;
using System.Text.Json;
using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.Policies;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>A diagnostic of the member's report with how to fix it.</summary>
public sealed record MemberDiagnostic(Diagnostic Diagnostic, string Fix);

/// <summary>One department on the member's month: what they suggested and what is paid (R3: the suggested score is kept for comparison).</summary>
/// <param name="Code">Department code.</param>
/// <param name="Name">Department name.</param>
/// <param name="Suggested">"30 / 40" as the report wrote it, or null.</param>
/// <param name="Final">The final points of the frozen month (R3 mean of the reviewers), null before the month is published.</param>
public sealed record DepartmentScoreRow(string Code, string Name, string? Suggested, Points? Final)
{
    /// <summary>True while the month is open: <see cref="Final"/> is the reviewers' current R3 mean, which an appeal may change.</summary>
    public bool Provisional { get; init; }

    /// <summary>Issue #14: until when the member may appeal this score (null when it cannot be appealed).</summary>
    public DateTimeOffset? AppealUntil { get; init; }
}

/// <summary>
/// What the parser read from the member's report: the version the month scores (R7: before the deadline the latest one;
/// after it the one frozen at the deadline, or a later one a reviewer accepted), in <paramref name="Version"/>.
/// </summary>
public sealed record MemberReportReading(
    long ReportId,
    int IssueNumber,
    string Title,
    string HtmlUrl,
    int Version,
    DateTimeOffset FiledAt,
    Period? PeriodRead,
    IReadOnlyList<string> Departments,
    string? Wallet,
    IReadOnlyList<MemberDiagnostic> Diagnostics)
{
    /// <summary>The latest version synced from GitHub; above <see cref="Version"/> when the member edited after the deadline (R7).</summary>
    public int LatestVersion { get; init; }

    /// <summary>R7: true when <see cref="Version"/> is a later version a reviewer accepted, rather than the deadline's.</summary>
    public bool Accepted { get; init; }

    /// <summary>R7: the member edited the report after the deadline and the month does not score that edit.</summary>
    public bool HasUnscoredEdit => LatestVersion > Version;
}

/// <summary>R5: an amount carried from an earlier month (<paramref name="From"/>) and paid with a later payout.</summary>
public sealed record CarriedAmount(Period From, TokenAmount Amount);

/// <summary>The member's month, from filing to payment (issue #14).</summary>
public sealed record MemberMonthView
{
    public required Period Period { get; init; }

    /// <summary>Where the month stands for the member: no-report, filed, needs-fix, late, unmatched, scored, rejected, locked, approved, paid.</summary>
    public required string Status { get; init; }

    /// <summary>R7: the end of the filing window.</summary>
    public required DateTimeOffset Deadline { get; init; }

    public required bool DeadlinePassed { get; init; }

    public MemberReportReading? Report { get; init; }

    public required IReadOnlyList<DepartmentScoreRow> Scores { get; init; }

    /// <summary>R8: the month's percentage (published months only).</summary>
    public Percent? Percent { get; init; }

    /// <summary>The reward explained from the frozen month (published months only).</summary>
    public RewardExplanation? Reward { get; init; }

    /// <summary>Why the reward could not be explained, when it could not (never expected: the frozen parts always add up).</summary>
    public IReadOnlyList<Diagnostic> RewardProblems { get; init; } = [];

    /// <summary>R5: a total below the rail's minimum is carried to the member's next payout, not paid now.</summary>
    public TokenAmount? CarriedToNextPayout { get; init; }

    /// <summary>Issue #13: why the payout was held out of the signing file (an unproven address change), or null.</summary>
    public string? HeldReason { get; init; }

    /// <summary>R5: amounts earlier months carried (below the minimum, or held) that this month's payout pays, oldest first.</summary>
    public IReadOnlyList<CarriedAmount> CarriedIn { get; init; } = [];

    /// <summary>What this month's payout pays: the reward plus <see cref="CarriedIn"/>; null when nothing is paid this month.</summary>
    public TokenAmount? Paid { get; init; }

    /// <summary>The current transaction hash of each signing batch.</summary>
    public IReadOnlyList<string> Transactions { get; init; } = [];

    /// <summary>The payout rail of the month's policy (R9): substrate, evm, manual.</summary>
    public string Rail { get; init; } = "manual";

    /// <summary>EVM chain id of the month's policy, when on the evm rail.</summary>
    public long? ChainId { get; init; }

    /// <summary>Where the month's transactions are looked up: the policy's <c>payout.explorer</c> or its chain's (issue #13), or null.</summary>
    public string? Explorer { get; init; }

    /// <summary>R8: promotion progress and what the next month needs, or null when no automatic promotion applies.</summary>
    public string? Progress { get; init; }

    /// <summary>Issue #14: the member's appeals of this month's scores, with their decisions.</summary>
    public IReadOnlyList<AppealView> Appeals { get; init; } = [];
}

/// <summary>
/// A member's yearly statement as a table (issue #14): the header and one row per published month, every cell text
/// exactly as the CSV writes it; <see cref="Numeric"/> names the columns that hold numbers (amounts as exact decimal
/// text, smallest units as integers), which a spreadsheet writer may store as numbers where a double holds them exactly.
/// </summary>
public sealed record StatementTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>The statement's columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["period", "state", "rank", "percent", "token", "decimals", "pool_share", "bonus", "capped", "total", "total_units", "carried_units", "transactions"];

    /// <summary>The columns of numbers: percent, decimals, the whole-token amounts and the smallest units.</summary>
    public static IReadOnlySet<string> Numeric { get; } =
        new HashSet<string>(["percent", "decimals", "pool_share", "bonus", "capped", "total", "total_units", "carried_units"], StringComparer.Ordinal);
}

/// <summary>A line of the member's history.</summary>
public sealed record MemberHistoryRow(Period Period, string Status, Percent? Percent, TokenAmount? Total, string? Report);

/// <summary>
/// A member's own months (issue #14): what was read and what to fix before the R7 deadline, suggested against final
/// scores, and — once the month is published — the reward explained line by line from the frozen month, so that it
/// sums to the amount paid to the unit.
/// </summary>
public sealed class MemberMonths(IDbContextFactory<EmbassyDbContext> databases, TimeProvider time, PublicQueries publicQueries, PolicyCatalog? catalog = null)
{
    private readonly PolicyCatalog _catalog = catalog ?? PolicyCatalog.Shipped;

    /// <summary>The member record of a GitHub login, or null.</summary>
    public async Task<long?> MemberIdAsync(string login, CancellationToken cancellationToken = default)
    {
        var normalized = MemberHandle.Normalize(login);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.MemberHandles.Where(h => h.Kind == MemberHandle.GitHub && h.NormalizedValue == normalized)
            .Select(h => (long?)h.MemberId).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The member's month (by the signed-in <paramref name="login"/>): never another member's.</summary>
    public async Task<MemberMonthView> MonthAsync(string login, Period period, CancellationToken cancellationToken = default)
    {
        var memberId = await MemberIdAsync(login, cancellationToken).ConfigureAwait(false);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var close = await db.MonthCloses.AsNoTracking().Where(c => c.Period == period)
            .Select(c => new { c.Id, c.State }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var snapshot = (await MonthStore.FindAsync(db, period, cancellationToken).ConfigureAwait(false))?.Month;
        var policy = (snapshot is null ? null : _catalog.Find(snapshot.Policy.Id)) ?? _catalog.ForPeriod(period);
        var deadline = policy.Deadline.EndOf(period);

        // R7: freeze at the first look after the deadline, as the reviewer's pages do, so the member reads the version scored.
        await ReportFreezes.FreezeDueAsync(db, policy, period, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var items = await ReviewQueue.ItemsAsync(db, policy, period, cancellationToken).ConfigureAwait(false);
        var normalized = MemberHandle.Normalize(login);
        var mine = items.Where(i => (memberId is not null && i.MemberId == memberId) || MemberHandle.Normalize(i.Author) == normalized).ToArray();
        // R7: one accepted report per member and month; the page follows the one that counts (not rejected), else the first.
        var item = mine.FirstOrDefault(i => i.State != ReviewStates.Rejected) ?? mine.FirstOrDefault();
        MemberReportReading? reading = null;
        var suggested = new Dictionary<string, string>(StringComparer.Ordinal);
        if (item is not null)
        {
            var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == item.ReportId, cancellationToken).ConfigureAwait(false);
            // R7: the version the month scores, the rule of the review page (ReviewQueue.DetailAsync): not the latest edit.
            var freeze = await db.ReportFreezes.AsNoTracking().Where(f => f.ReportId == report.Id).Select(f => new { f.VersionNumber, f.AcceptedVersion })
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            var scored = ReportFreeze.Scored(report.LatestVersion, freeze?.VersionNumber, freeze?.AcceptedVersion);
            var version = await db.ReportVersions.AsNoTracking().Include(v => v.Parse).Include(v => v.Diagnostics)
                .SingleAsync(v => v.ReportId == report.Id && v.Number == scored, cancellationToken).ConfigureAwait(false);
            suggested = SuggestedScores(version.Parse?.SuggestedScores);
            reading = new MemberReportReading(
                report.Id,
                report.IssueNumber,
                version.Title,
                report.HtmlUrl,
                version.Number,
                report.CreatedAt,
                version.Parse?.Period,
                item.Departments,
                version.Parse?.Wallet,
                version.Diagnostics.OrderBy(d => d.Ordinal).Select(d => new MemberDiagnostic(ToDiagnostic(d), FixFor(d.Code))).ToArray())
            {
                LatestVersion = report.LatestVersion,
                Accepted = freeze?.AcceptedVersion == scored,
            };
        }

        var published = close is not null && close.State != MonthState.Locked;
        var row = published && memberId is { } id ? snapshot!.Member(id) : null;
        var departments = Offered(policy, item?.Departments ?? [], row);
        IReadOnlyList<DepartmentScoreRow> scores = departments.Select(d => new DepartmentScoreRow(
            d.Code,
            d.Name,
            suggested.GetValueOrDefault(d.Code),
            row is null ? null : row.Points.GetValueOrDefault(d.Code))).ToArray();

        if (close is null && item is not null && reading is not null)
        {
            // Open month: the scores are published to the member as the reviewers' current mean (R3), and each scored
            // department can be appealed within the policy's window from its latest score (issue #14).
            var latest = ReviewQueue.LatestScores(await db.Scores.AsNoTracking().Where(x => x.ReportId == item.ReportId).ToListAsync(cancellationToken).ConfigureAwait(false));
            var panel = ReviewQueue.Panel(policy, latest).ToDictionary(x => x.Department, StringComparer.Ordinal);
            var now = time.GetUtcNow();
            scores = scores.Select(r =>
            {
                if (!panel.TryGetValue(r.Code, out var p))
                {
                    return r;
                }

                var until = latest.Where(x => x.Department == r.Code).Max(x => x.RecordedAt).AddDays(policy.Review.AppealWindowDays);
                return r with { Final = p.Total, Provisional = true, AppealUntil = now < until ? until : null };
            }).ToArray();
        }

        var appeals = item is null ? [] : (await db.Appeals.AsNoTracking().Where(a => a.ReportId == item.ReportId).OrderBy(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(a => new AppealView(a.Id, a.ReportId, a.Period, a.Department, a.FiledBy, a.Reason, a.FiledAt, a.State, a.DecidedBy, a.Decision, a.DecidedAt)).ToArray();
        var status = close is not null && (row is not null || item is not null) ? close.State
            : item?.State ?? "no-report";
        var view = new MemberMonthView
        {
            Period = period,
            Status = status,
            Deadline = deadline,
            DeadlinePassed = time.GetUtcNow() >= deadline,
            Report = reading,
            Scores = scores,
            Appeals = appeals,
            Rail = policy.Payout.Rail switch { PayoutRail.Substrate => "substrate", PayoutRail.Evm => "evm", _ => "manual" },
            ChainId = policy.Payout.Rail == PayoutRail.Evm ? policy.Payout.ChainId : null,
            Explorer = Chain.BlockExplorer.Template(policy.Payout),
            Progress = memberId is { } who ? await ProgressAsync(who, cancellationToken).ConfigureAwait(false) : null,
        };
        if (row is null)
        {
            return view;
        }

        var explained = Explain(snapshot!, row);
        var payout = await db.Payouts.AsNoTracking().Where(p => p.MonthCloseId == close!.Id && p.MemberId == row.MemberId)
            .Select(p => new { p.Id, p.Units, p.CarriedUnits, p.HeldReason }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var carriedIn = payout is null ? [] : await (
                from p in db.Payouts.AsNoTracking()
                join mc in db.MonthCloses on p.MonthCloseId equals mc.Id
                where p.SettledByPayoutId == payout.Id
                select new { mc.Period, p.CarriedUnits })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var payments = await MonthCloseWorkflow.PaymentsAsync(db, close!.Id, cancellationToken).ConfigureAwait(false);
        return view with
        {
            Percent = row.Percent,
            Reward = explained.IsSuccess ? explained.Value : null,
            RewardProblems = explained.Errors.ToArray(),
            CarriedToNextPayout = payout is { CarriedUnits: var c } && c != UInt128.Zero ? snapshot!.Token.Units(c) : null,
            HeldReason = payout?.HeldReason,
            CarriedIn = [.. carriedIn.OrderBy(c => c.Period).Select(c => new CarriedAmount(c.Period, snapshot!.Token.Units(c.CarriedUnits)))],
            Paid = payout is { Units: var paid } && paid != UInt128.Zero ? snapshot!.Token.Units(paid) : null,
            Transactions = payments.Select(p => p.TxHash).ToArray(),
        };
    }

    /// <summary>Explains a member's frozen month (R5, R6, R10) from the snapshot's department pools, points and shares.</summary>
    public static Result<RewardExplanation> Explain(Embassy.Domain.Closing.MonthStatement month, Embassy.Domain.Closing.StatementMember member)
    {
        ArgumentNullException.ThrowIfNull(month);
        ArgumentNullException.ThrowIfNull(member);
        var byCode = month.Departments.ToDictionary(d => d.Code, StringComparer.Ordinal);
        var departments = new List<DepartmentShare>();
        var others = new List<KeyValuePair<string, TokenAmount>>();
        foreach (var (code, share) in member.Shares)
        {
            if (byCode.TryGetValue(code, out var d))
            {
                departments.Add(new DepartmentShare(code, d.Pool, d.Points, member.Points.GetValueOrDefault(code), share));
            }
            else
            {
                others.Add(new(code, share));
            }
        }

        return RewardExplanation.Explain(departments, others, member.Bonus, member.Capped, member.Total);
    }

    /// <summary>Every month the member filed for or was paid in, newest first.</summary>
    public async Task<IReadOnlyList<MemberHistoryRow>> HistoryAsync(string login, CancellationToken cancellationToken = default)
    {
        var memberId = await MemberIdAsync(login, cancellationToken).ConfigureAwait(false);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var reports = await (
                from r in db.Reports.Where(r => r.Period != null && r.Presence == ReportPresence.Present && (r.MemberId == memberId || r.AuthorLogin == login))
                join f in db.ReportFreezes on r.Id equals f.ReportId into freezes // at most one per report
                from f in freezes.DefaultIfEmpty()
                select new
                {
                    r.Id,
                    Period = r.Period!.Value,
                    r.IssueNumber,
                    r.LatestVersion,
                    r.CreatedAt,
                    Frozen = f == null ? (int?)null : f.VersionNumber,
                    Accepted = f == null ? null : f.AcceptedVersion,
                })
            .AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = reports.Select(r => r.Id).ToArray();
        var versions = (await db.ReportVersions.AsNoTracking().Where(v => ids.Contains(v.ReportId))
            .Select(v => new { v.ReportId, v.Number, v.IssueUpdatedAt, v.Title }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(v => v.ReportId);

        // R7: each line names the version its month scores — the deadline's, or a later one a reviewer accepted — as the
        // member's month page does (MonthAsync), not an edit made after the deadline. A report past its deadline that no
        // look has frozen yet is read as the freeze would read it, without writing here.
        var now = time.GetUtcNow();
        var title = new Dictionary<long, string>();
        foreach (var r in reports)
        {
            var mine = versions[r.Id].ToArray();
            var deadline = _catalog.ForPeriod(r.Period).Deadline.EndOf(r.Period);
            var frozen = r.Frozen
                ?? (now >= deadline && mine.Length > 0 ? (int?)ReportFreeze.DeadlineVersion([.. mine.Select(v => new VersionStamp(v.Number, v.IssueUpdatedAt))], deadline, r.CreatedAt) : null);
            var number = ReportFreeze.Scored(r.LatestVersion, frozen, r.Accepted);
            if (mine.FirstOrDefault(v => v.Number == number) is { } version)
            {
                title[r.Id] = version.Title;
            }
        }

        var titles = reports.GroupBy(r => r.Period).ToDictionary(
            g => g.Key,
            g => string.Join("; ", g.OrderBy(r => r.IssueNumber).Select(r => "#" + r.IssueNumber.ToString(CultureInfo.InvariantCulture) + " " + title.GetValueOrDefault(r.Id))));
        var closes = (await MonthStore.AllAsync(db, cancellationToken).ConfigureAwait(false)).Select(c => new { c.Month.Period, c.State, c.Month }).ToArray();
        var rows = new Dictionary<Period, MemberHistoryRow>();
        foreach (var c in closes.Where(c => c.State != MonthState.Locked))
        {
            if (memberId is { } id && c.Month.Member(id) is { } m)
            {
                rows[c.Period] = new MemberHistoryRow(c.Period, c.State, m.Percent, m.Total, titles.GetValueOrDefault(c.Period));
            }
        }

        foreach (var period in titles.Keys.Where(p => !rows.ContainsKey(p)))
        {
            var status = closes.FirstOrDefault(c => c.Period == period)?.State;
            if (status is null)
            {
                var items = await ReviewQueue.ItemsAsync(db, _catalog.ForPeriod(period), period, cancellationToken).ConfigureAwait(false);
                var normalized = MemberHandle.Normalize(login);
                var mine = items.Where(i => (memberId is not null && i.MemberId == memberId) || MemberHandle.Normalize(i.Author) == normalized).ToArray();
                status = (mine.FirstOrDefault(i => i.State != ReviewStates.Rejected) ?? mine.FirstOrDefault())?.State ?? "no-report";
            }

            rows[period] = new MemberHistoryRow(period, status, null, null, titles[period]);
        }

        return rows.Values.OrderByDescending(r => r.Period).ToArray();
    }

    /// <summary>
    /// The member's statement of a calendar year (CSV, RFC 4180 via the domain's writer): one row per published month with
    /// rank, status, percentage and every amount in exact smallest units beside the whole-token text.
    /// </summary>
    public async Task<string> StatementCsvAsync(string login, int year, CancellationToken cancellationToken = default)
    {
        var table = await StatementAsync(login, year, cancellationToken).ConfigureAwait(false);
        return CsvWriter.Document([table.Header, .. table.Rows]);
    }

    /// <summary>
    /// The member's statement of a calendar year as a table, the one source of the CSV and the XLSX downloads (so both
    /// hold the same rows and the same exact integers). Every cell is already neutralised as the CSV writes it
    /// (<see cref="CsvWriter.Neutralise"/>), so a spreadsheet runs none of them in either file.
    /// </summary>
    public async Task<StatementTable> StatementAsync(string login, int year, CancellationToken cancellationToken = default)
    {
        var memberId = await MemberIdAsync(login, cancellationToken).ConfigureAwait(false);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var ids = await db.MonthCloses.AsNoTracking().Select(c => new { c.Id, c.Period }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var closes = (await MonthStore.AllAsync(db, cancellationToken).ConfigureAwait(false)).Where(c => c.State != MonthState.Locked)
            .Select(c => new { ids.Single(i => i.Period == c.Month.Period).Id, c.Month.Period, c.State, c.Month }).ToArray();
        // The units' decimals are a column of their own.
        var rows = new List<IReadOnlyList<string>>();
        foreach (var c in closes.Where(c => c.Period.Year == year).OrderBy(c => c.Period))
        {
            var snapshot = c.Month;
            if (memberId is not { } id || snapshot.Member(id) is not { } m)
            {
                continue;
            }

            var carried = await db.Payouts.AsNoTracking().Where(p => p.MonthCloseId == c.Id && p.MemberId == id).Select(p => p.CarriedUnits)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var txs = await MonthCloseWorkflow.PaymentsAsync(db, c.Id, cancellationToken).ConfigureAwait(false);
            string[] row =
            [
                c.Period.ToString(),
                c.State,
                m.Rank.Code,
                m.Percent.Rounded.ToString("0.##", CultureInfo.InvariantCulture),
                snapshot.Token.Symbol,
                snapshot.Token.Decimals.ToString(CultureInfo.InvariantCulture),
                m.PoolShare.Format(grouped: false),
                m.Bonus.Format(grouped: false),
                m.Capped.Format(grouped: false),
                m.Total.Format(grouped: false),
                m.Total.Units.ToString(CultureInfo.InvariantCulture),
                carried.Aggregate(UInt128.Zero, (a, u) => a + u).ToString(CultureInfo.InvariantCulture),
                string.Join(' ', txs.Select(t => t.TxHash)),
            ];
            rows.Add(row.Select(CsvWriter.Neutralise).ToArray());
        }

        return new StatementTable(StatementTable.Columns, rows);
    }

    /// <summary>R8: the public page's streak, with what the next month needs.</summary>
    private async Task<string?> ProgressAsync(long memberId, CancellationToken cancellationToken)
    {
        var page = await publicQueries.MemberAsync(memberId, cancellationToken).ConfigureAwait(false);
        if (page?.Progress is not { } progress)
        {
            return null;
        }

        var rule = publicQueries.PolicyInForce.Promotions.FirstOrDefault(p => p.From.Code == page.Rank);
        return rule is null ? progress
            : progress + string.Create(CultureInfo.InvariantCulture, $"; the next month needs an accepted report at {rule.Percent:0.##} % or more");
    }

    /// <summary>The departments to show: the report's chosen ones and the policy's basic ones (R3), plus any the frozen month scored.</summary>
    private static IReadOnlyList<Department> Offered(Policy policy, IReadOnlyList<string> chosen, Embassy.Domain.Closing.StatementMember? row)
    {
        var list = ReviewQueue.Offered(policy, chosen).ToList();
        foreach (var code in row?.Points.Keys ?? [])
        {
            if (!list.Any(d => d.Code == code))
            {
                list.Add(policy.FindDepartment(code) ?? new Department { Code = code, Name = code, Kind = DepartmentKind.Basic, Max = Points.Zero });
            }
        }

        return list;
    }

    private static Dictionary<string, string> SuggestedScores(string? json)
    {
        var suggested = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json))
        {
            return suggested;
        }

        try
        {
            foreach (var (code, v) in JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(json) ?? [])
            {
                suggested[code] = v.GetValueOrDefault("score", "?") + " / " + v.GetValueOrDefault("max", "?");
            }
        }
        catch (JsonException)
        {
            // Suggested scores are for comparison only; an unreadable value shows nothing.
        }

        return suggested;
    }

    private static Diagnostic ToDiagnostic(ReportDiagnostic d) => new(
        d.Code,
        d.Severity switch { "error" => Severity.Error, "warning" => Severity.Warning, _ => Severity.Info },
        d.Message,
        d.LineNumber is { } line ? new SourcePosition(line, d.ColumnNumber ?? 0, d.Source) : null);

    /// <summary>How to fix a parser diagnostic by editing the issue (the page updates at the next sync).</summary>
    public static string FixFor(string code) => code switch
    {
        "PERIOD_MISSING" => "Put the month in the title, e.g. \"October 2026 Contribution\".",
        "PERIOD_YEAR_INFERRED" or "PERIOD_CONTRADICTS_FILING" or "PERIOD_FAR_FROM_FILING" => "Check the month and year in the title; correct them if they are not the month you report on.",
        "REPORT_LATE" => "Filed after the deadline (R7): ask an admin to accept it late, with a reason.",
        "WALLET_MISSING" => "Add your payout address on its own line, e.g. \"Wallet Address: 0x…\".",
        "WALLET_BAD_CHECKSUM" or "WALLET_INVALID" => "Copy the payout address again from your wallet; it has a typo.",
        "WALLET_WRONG_RAIL" or "WALLET_WRONG_NETWORK" => "Give an address of the program's payout rail (R9): an Ethereum 0x address from November 2025, a Phala address before.",
        "WALLET_NO_CHECKSUM" => "Copy the address with its mixed-case checksum from your wallet.",
        "WALLET_MULTIPLE" => "Keep one payout address in the report.",
        "DEPARTMENTS_MISSING" or "DEPARTMENT_COUNT" => "Declare the departments you chose on the \"Departments:\" line (the policy's number, e.g. 2 to 3).",
        "DEPARTMENT_UNKNOWN" => "Use the department codes of the policy in force (e.g. CM, CC, BD).",
        "DEPARTMENT_NO_EVIDENCE" => "Add links to your work under the department's section.",
        "SUPPLEMENTARY_COUNT" => "Keep at most the allowed number of supplementary tasks.",
        "SCORE_ABOVE_MAX" or "SCORE_MAX_MISMATCH" => "Write each suggested score out of the department's maximum, e.g. 30/40.",
        "TEMPLATE_PLACEHOLDER" => "Replace the template's placeholder with your own text.",
        "RANK_UNKNOWN" => "Write your rank as the program names it (candidate, ambassador, senior).",
        "REPORT_DRAFT" => "Remove the draft mark when the report is final.",
        "REPORT_EMPTY" or "REPORT_TRUNCATED" => "Fill in the report template.",
        _ when code.StartsWith("FORM_", StringComparison.Ordinal) => "File with the current report form of the program, or fix the field it names.",
        _ => "Edit the issue to address the message; the check runs again at the next sync.",
    };
}
