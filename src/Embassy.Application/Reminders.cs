using System.Globalization;
using System.Text;
using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.GitHub;
using Embassy.Policies;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>What a reminders run did.</summary>
public sealed record ReminderRun(int Posted, int Failed, int Skipped);

/// <summary>
/// Reminders written back to GitHub (issue #14), when the month's policy has <c>reminders: { days_before_deadline: N,
/// tracking_issue: K }</c> and write-back is on. N days before the R7 deadline, one comment on issue K mentions the members
/// who have not filed for the month yet; N days before the reviews are due (<see cref="ReviewRule.DueOf"/>), one comment
/// there mentions each reviewer with the reports assigned to them that they have not scored. Each comment is posted once a
/// month, whatever the number of instances running this (<see cref="OutboundComments"/>: a unique claim row).
/// </summary>
public sealed class Reminders(IDbContextFactory<EmbassyDbContext> databases, GitHubClient github, GitHubOptions options, TimeProvider time, PolicyCatalog? catalog = null)
{
    private readonly PolicyCatalog _catalog = catalog ?? PolicyCatalog.Shipped;

    /// <summary>The claim key of a month's reminder of <paramref name="kind"/> (<c>members</c>, <c>reviewers</c>).</summary>
    public static string Key(Period period, string kind) => $"reminder/{period}/{kind}";

    /// <summary>Posts every reminder that is due now and not posted yet (or failed and due for a retry).</summary>
    public async Task<ReminderRun> RunAsync(CancellationToken cancellationToken = default)
    {
        if (!options.WriteBackEnabled || string.IsNullOrWhiteSpace(options.Repository))
        {
            return new ReminderRun(0, 0, 0);
        }

        var now = time.GetUtcNow();
        var (posted, failed, skipped) = (0, 0, 0);
        var current = Period.Of(DateOnly.FromDateTime(now.UtcDateTime));
        foreach (var period in new[] { current.Previous.Previous, current.Previous, current })
        {
            var policy = _catalog.ForPeriod(period);
            if (policy.Reminders is not { } rule)
            {
                continue;
            }

            var due = new List<(string Kind, Func<EmbassyDbContext, Task<string?>> Body)>();
            if (rule.IsDue(policy.Deadline.EndOf(period), now))
            {
                due.Add(("members", db => MembersBodyAsync(db, policy, period, cancellationToken)));
            }

            if (rule.IsDue(policy.Review.DueOf(policy.Deadline, period), now))
            {
                due.Add(("reviewers", db => ReviewersBodyAsync(db, policy, period, cancellationToken)));
            }

            foreach (var (kind, body) in due)
            {
                await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
                if (await db.MonthCloses.AnyAsync(c => c.Period == period, cancellationToken).ConfigureAwait(false))
                {
                    continue; // locked or later: nothing left to remind of
                }

                var key = Key(period, kind);
                var row = await OutboundComments.ClaimNewAsync(db, key, options.Repository!, rule.TrackingIssue, now, cancellationToken).ConfigureAwait(false)
                    ?? await OutboundComments.TryClaimAsync(db, key, now, cancellationToken).ConfigureAwait(false);
                if (row is null)
                {
                    skipped++; // posted already, or another instance is posting it
                    continue;
                }

                var sent = await OutboundComments.PostAsync(db, github, row, await body(db).ConfigureAwait(false), time, cancellationToken).ConfigureAwait(false);
                if (sent.IsSuccess)
                {
                    posted++;
                }
                else
                {
                    failed++;
                }
            }
        }

        return new ReminderRun(posted, failed, skipped);
    }

    /// <summary>The members' reminder: every member on the roster (R2, not terminated) with a GitHub login and no report for the month.</summary>
    private async Task<string?> MembersBodyAsync(EmbassyDbContext db, Policy policy, Period period, CancellationToken cancellationToken)
    {
        var roster = await MemberRoster.ForCloseAsync(db, period.FirstDay, "none", cancellationToken).ConfigureAwait(false);
        var logins = (await db.MemberHandles.AsNoTracking().Where(h => h.Kind == MemberHandle.GitHub).OrderBy(h => h.Id).Select(h => new { h.MemberId, h.Value })
            .ToListAsync(cancellationToken).ConfigureAwait(false)).GroupBy(h => h.MemberId).ToDictionary(g => g.Key, g => g.First().Value);
        var items = await ReviewQueue.ItemsAsync(db, policy, period, cancellationToken).ConfigureAwait(false);
        var filedMembers = items.Where(i => i.MemberId is not null).Select(i => i.MemberId!.Value).ToHashSet();
        var filedLogins = items.Select(i => MemberHandle.Normalize(i.Author)).ToHashSet(StringComparer.Ordinal);
        var missing = roster
            .Where(m => m.Rank is { } rank && rank != Rank.Terminated.Code && logins.ContainsKey(m.Id)
                && !filedMembers.Contains(m.Id) && !filedLogins.Contains(MemberHandle.Normalize(logins[m.Id])))
            .Select(m => logins[m.Id]).Order(StringComparer.OrdinalIgnoreCase).ToArray();
        if (missing.Length == 0)
        {
            return null; // everyone has filed: nothing to remind of
        }

        var sb = new StringBuilder();
        sb.AppendLine(OutboundComments.Marker(Key(period, "members")));
        sb.AppendLine(CultureInfo.InvariantCulture, $"**Reminder: reports for {period} are due by {Stamp(policy.Deadline.EndOf(period), policy.Deadline)}** (R7; a report filed later is late and not scored).");
        sb.AppendLine();
        sb.AppendLine("Not filed yet: " + string.Join(" ", missing.Select(l => "@" + l)));
        return sb.ToString();
    }

    /// <summary>The reviewers' reminder: each reviewer with reports assigned to them and not scored by them.</summary>
    private async Task<string?> ReviewersBodyAsync(EmbassyDbContext db, Policy policy, Period period, CancellationToken cancellationToken)
    {
        var items = await ReviewQueue.WithAssignmentsAsync(db, policy, await ReviewQueue.ItemsAsync(db, policy, period, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        var lines = items.SelectMany(i => i.AssignedTo).Select(MemberHandle.Normalize).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(r => (Reviewer: r, Reports: ReviewQueue.Unscored(items, r))).Where(x => x.Reports.Count > 0).ToArray();
        if (lines.Length == 0)
        {
            return null;
        }

        var sb = new StringBuilder();
        sb.AppendLine(OutboundComments.Marker(Key(period, "reviewers")));
        sb.AppendLine(CultureInfo.InvariantCulture, $"**Reminder: reviews of the {period} reports are due by {Stamp(policy.Review.DueOf(policy.Deadline, period), policy.Deadline)}.** Not scored yet:");
        sb.AppendLine();
        foreach (var (reviewer, reports) in lines)
        {
            sb.AppendLine("- @" + reviewer + ": " + string.Join(", ", reports.Select(i => "#" + i.IssueNumber.ToString(CultureInfo.InvariantCulture))));
        }

        return sb.ToString();
    }

    /// <summary>"2026-02-06 00:00 Europe/Berlin (2026-02-05 23:00 UTC)": the policy's local time, and UTC beside it.</summary>
    internal static string Stamp(DateTimeOffset instant, DeadlineRule rule)
    {
        var utc = instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        if (rule.Zone == TimeZoneInfo.Utc)
        {
            return utc;
        }

        var local = TimeZoneInfo.ConvertTime(instant, rule.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return $"{local} {rule.Zone.Id} ({utc})";
    }
}
