using System.Globalization;
using System.Text.Json;
using Embassy.Chain;
using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.Policies;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>
/// Fills a database with a made-up program: members, synced-looking reports, reviewer scores and closed, paid months.
/// For the clearly labelled demo (its own database file, never a real one) and for load tests. Deterministic for a seed.
/// </summary>
public sealed partial class DemoProgram(IDbContextFactory<EmbassyDbContext> databases, TimeProvider time, PolicyCatalog? catalog = null)
{
    /// <summary>The actor written to the audit log.</summary>
    public const string Actor = "demo-seed";

    /// <summary>The demo closes its months when it is seeded, so the last one may still be before its report deadline (R7).</summary>
    public const string DemoLockReason = "Demo program: every made-up month is closed when the demo is seeded.";

    /// <summary>The repository the demo's reports pretend to come from.</summary>
    public const string Repository = "demo/embassy-reports";

    private static readonly string[] Regions = ["Poland", "Vietnam", "Nigeria", "Brazil", "Turkey", "India", "Spain", "Korea"];
    private readonly PolicyCatalog _catalog = catalog ?? PolicyCatalog.Shipped;

    /// <summary>True when the database has no members yet.</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return !await db.Members.AnyAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Seeds <paramref name="members"/> members and <paramref name="closedMonths"/> months ending last month: every month is
    /// reported, scored, closed, approved and paid; the current month is left open with filed reports to review, and, unless
    /// <paramref name="flagged"/> is false, with the reports a reviewer must look at twice (late, unmatched, bad wallet, one
    /// department, a duplicate).
    /// </summary>
    public async Task SeedAsync(int members, int closedMonths, int seed = 42, IProgress<string>? progress = null, CancellationToken cancellationToken = default, bool flagged = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(members);
        ArgumentOutOfRangeException.ThrowIfNegative(closedMonths);
        var rng = new Random(seed);
        var current = Period.Of(time.GetUtcNow()).Previous;
        var first = current.AddMonths(-closedMonths);
        var now = time.GetUtcNow();
        await using (var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 1; i <= members; i++)
            {
                var key = new byte[32];
                rng.NextBytes(key);
                var login = string.Create(CultureInfo.InvariantCulture, $"demo-member-{i:D4}");
                var m = new Data.Entities.Member { DisplayName = string.Create(CultureInfo.InvariantCulture, $"Demo Member {i:D4}"), Region = Regions[i % Regions.Length], CreatedAt = now };
                m.Handles.Add(new MemberHandle { Kind = MemberHandle.GitHub, Value = login, NormalizedValue = login });

                // The crews' leads (R11) are seniors from the start, so every closed month already counts them as such.
                var rank = IsCrewLead(i, members) ? Rank.Senior : i % 5 == 0 ? Rank.Ambassador : Rank.Candidate;
                m.RankEvents.Add(new RankEvent { Rank = rank.Code, EffectiveFrom = first.FirstDay, Actor = Actor, Reason = "Demo program", RecordedAt = now });
                m.PayoutAddresses.Add(new PayoutAddress { Rail = "substrate", Address = Ss58Address.Encode(key, ChainProfile.PhalaPrefix), ValidFrom = first.FirstDay, RecordedAt = now });
                m.PayoutAddresses.Add(new PayoutAddress { Rail = "evm", Address = EvmAddress.ToChecksum(key.AsSpan(0, 20)), ValidFrom = first.FirstDay, RecordedAt = now });
                db.Members.Add(m);
            }

            ProgramTables.Audit(db, now, Actor, "demo.seeded", "program", string.Create(CultureInfo.InvariantCulture, $"{members} members, {closedMonths} closed months"));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        var workflow = new MonthCloseWorkflow(databases, time, _catalog);
        var issue = 0;
        for (var period = first; period <= current; period = period.Next)
        {
            var close = period < current;
            issue = await SeedMonthAsync(period, rng, issue, scored: close, cancellationToken).ConfigureAwait(false);
            if (!close)
            {
                continue;
            }

            var locked = await workflow.LockAsync(period, Actor, DemoLockReason, cancellationToken).ConfigureAwait(false);
            if (!locked.IsSuccess)
            {
                throw new InvalidOperationException("The demo month did not close: " + string.Join("; ", locked.Errors));
            }

            var approved = await workflow.ApproveAsync(period, Actor, cancellationToken).ConfigureAwait(false);
            if (!approved.IsSuccess)
            {
                throw new InvalidOperationException("The demo month was not approved: " + string.Join("; ", approved.Errors));
            }

            var hash = new byte[32];
            rng.NextBytes(hash);
            await workflow.RecordTransactionAsync(period, "0x" + Convert.ToHexStringLower(hash), Actor, cancellationToken).ConfigureAwait(false);
            progress?.Report(period + " closed");
        }

        if (flagged)
        {
            await SeedFlaggedReportsAsync(first, current, issue, cancellationToken).ConfigureAwait(false);
        }

        await SeedCommunityAsync(members, cancellationToken).ConfigureAwait(false);
        await SeedTreasuryAsync(first, current, rng, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A filing time no later than a minute ago: the demo's dates count back from the clock, never ahead of it.</summary>
    private DateTimeOffset NotAfterNow(DateTimeOffset at)
    {
        var latest = time.GetUtcNow().AddMinutes(-1);
        return at < latest ? at : latest;
    }

    private async Task<int> SeedMonthAsync(Period period, Random rng, int issue, bool scored, CancellationToken cancellationToken)
    {
        var policy = _catalog.ForPeriod(period);
        var selectable = policy.Departments.Where(d => d.Kind == DepartmentKind.Selectable).ToArray();
        var shared = policy.Departments.Where(d => d.Kind != DepartmentKind.Selectable).ToArray();
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var members = await db.Members.AsNoTracking().Include(m => m.Handles).OrderBy(m => m.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var filed = period.Next.FirstDay.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        var reports = new List<(Report Report, string[] Chosen)>();
        foreach (var m in members)
        {
            if (rng.Next(10) == 0)
            {
                continue; // some members skip a month
            }

            issue++;
            var login = m.Handles.First(h => h.Kind == MemberHandle.GitHub).Value;
            var chosen = selectable.OrderBy(_ => rng.Next()).Take(policy.Choice.Min).Select(d => d.Code).ToArray();
            var at = NotAfterNow(new DateTimeOffset(filed.AddMinutes(rng.Next(60 * 24 * 3))));
            var title = string.Create(CultureInfo.InvariantCulture, $"{period.FirstDay:MMMM yyyy} Contribution - {m.DisplayName}");
            var body = "_Demo report: made-up text._\n\n- Departments: " + string.Join("/", chosen.Select(c => "[" + c + "]")) + "\n\n"
                + string.Join("\n", chosen.Select(c => "- " + c + ": moderated channels, wrote posts, hosted a call."));
            var report = new Report
            {
                Repository = Repository,
                IssueNumber = issue,
                GitHubIssueId = 1_000_000 + issue,
                AuthorLogin = login,
                MemberId = m.Id,
                IssueState = "open",
                Presence = ReportPresence.Present,
                HtmlUrl = string.Create(CultureInfo.InvariantCulture, $"https://github.com/{Repository}/issues/{issue}"),
                CreatedAt = at,
                UpdatedAt = at,
                Labels = string.Empty,
                Period = period,
                ReviewState = "pending",
                LatestVersion = 1,
                FirstSeenAt = at,
                LastSyncedAt = at,
            };
            var version = new ReportVersion
            {
                Number = 1,
                Title = title,
                Body = body,
                IssueCreatedAt = at,
                IssueUpdatedAt = at,
                ContentHash = ReportStore.ContentHash(title, body),
                SyncedAt = at,
                Parse = new ReportParse
                {
                    ParserVersion = "demo",
                    Period = period,
                    Departments = string.Join(',', chosen),
                    SuggestedScores = JsonSerializer.Serialize(chosen.ToDictionary(c => c, _ => new Dictionary<string, string> { ["score"] = "30", ["max"] = "40" })),
                    ParsedAt = at,
                },
            };
            report.Versions.Add(version);
            db.Reports.Add(report);
            reports.Add((report, chosen));
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (scored)
        {
            foreach (var (report, chosen) in reports)
            {
                foreach (var code in chosen.Concat(shared.Select(d => d.Code)))
                {
                    db.Scores.Add(new Score
                    {
                        ReportId = report.Id,
                        Reviewer = "demo-reviewer",
                        Department = code,
                        EffortHundredths = Points.Of(rng.Next(8, 21)).Hundredths,
                        ResultsHundredths = Points.Of(rng.Next(6, 21)).Hundredths,
                        RecordedAt = NotAfterNow(report.CreatedAt.AddDays(2)),
                    });
                }
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return issue;
    }
}
