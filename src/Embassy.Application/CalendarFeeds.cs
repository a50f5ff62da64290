using System.Globalization;
using System.Security.Cryptography;
using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.Policies;
using Calendar = Ical.Net.Calendar;
using Ical.Net.CalendarComponents;
using CalDateTime = Ical.Net.DataTypes.CalDateTime;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>A user's calendar feed as their page lists it (the secret is shown once, when made).</summary>
public sealed record CalendarFeedInfo(string Kind, DateTimeOffset CreatedAt);

/// <summary>
/// Reminders as calendar feeds (issue #14, RFC 5545 through Ical.Net): a member's feed holds each month's R7 report
/// deadline and, once scores are published, the appeal window; a reviewer's feed holds when each month's reviews are due
/// (<see cref="ReviewRule.DueOf"/>, <c>review.review_due_days</c> after the deadline) with their unscored reports. Times
/// are in the policy's time zone, with its VTIMEZONE. Calendar apps cannot sign in, so each feed is reached by a random
/// secret address (<c>/calendar/{secret}.ics</c>) whose SHA-256 alone is stored; rotating it ends the old address, and
/// the owner's current role is checked at every fetch (a reviewer feed stops when the reviewer role goes).
/// </summary>
public sealed class CalendarFeeds(
    IDbContextFactory<EmbassyDbContext> databases,
    TimeProvider time,
    AccessTokens access,
    MemberMonths months,
    ReviewQueue queue,
    PolicyCatalog? catalog = null)
{
    /// <summary>A member's feed: deadlines and appeal windows.</summary>
    public const string MemberKind = "member";

    /// <summary>A reviewer's feed: reviews due.</summary>
    public const string ReviewerKind = "reviewer";

    /// <summary>Code of a feed kind the user's role does not allow.</summary>
    public const string KindNotAllowed = "CALENDAR_KIND_NOT_ALLOWED";

    /// <summary>Months before the current one the feeds cover (a calendar keeps what it saw; older months add nothing).</summary>
    public const int MonthsBack = 3;

    private readonly PolicyCatalog _catalog = catalog ?? PolicyCatalog.Shipped;

    /// <summary>The kinds of feed a role may have: members a member feed, reviewers (and admins) a reviewer feed too.</summary>
    public static IReadOnlyList<string> KindsFor(string? role) =>
        Roles.Covers(role, Roles.Reviewer) ? [MemberKind, ReviewerKind] : Roles.Covers(role, Roles.Member) ? [MemberKind] : [];

    /// <summary>The user's feeds.</summary>
    public async Task<IReadOnlyList<CalendarFeedInfo>> FeedsAsync(string login, CancellationToken cancellationToken = default)
    {
        var normalized = MemberHandle.Normalize(login);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return (await db.CalendarFeeds.AsNoTracking().Where(f => f.Login == normalized).ToListAsync(cancellationToken).ConfigureAwait(false))
            .OrderBy(f => f.Kind, StringComparer.Ordinal).Select(f => new CalendarFeedInfo(f.Kind, f.CreatedAt)).ToArray();
    }

    /// <summary>
    /// Makes the user's feed of <paramref name="kind"/>, or replaces its secret (the old address stops working at once);
    /// returns the new secret, which is not kept.
    /// </summary>
    public async Task<Result<string>> RotateAsync(string login, string kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(login);
        var normalized = MemberHandle.Normalize(login);
        if (!KindsFor(await access.RoleOfAsync(normalized, cancellationToken).ConfigureAwait(false)).Contains(kind, StringComparer.Ordinal))
        {
            return Result<string>.Fail(KindNotAllowed, $"'{kind}' is not a calendar your role has (member: deadlines and appeals; reviewer: reviews due).");
        }

        var secret = "cal_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.Login == normalized && f.Kind == kind, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            db.CalendarFeeds.Add(new CalendarFeedRecord { Login = normalized, Kind = kind, Hash = AccessTokens.Hash(secret), CreatedAt = now });
        }
        else
        {
            (row.Hash, row.CreatedAt) = (AccessTokens.Hash(secret), now);
        }

        ProgramTables.Audit(db, now, normalized, row is null ? "calendar.created" : "calendar.rotated", "user:" + normalized, kind);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<string>.Ok(secret);
    }

    /// <summary>Turns the user's feed of <paramref name="kind"/> off; true when there was one.</summary>
    public async Task<bool> RevokeAsync(string login, string kind, CancellationToken cancellationToken = default)
    {
        var normalized = MemberHandle.Normalize(login);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.Login == normalized && f.Kind == kind, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return false;
        }

        db.CalendarFeeds.Remove(row);
        ProgramTables.Audit(db, time.GetUtcNow(), normalized, "calendar.revoked", "user:" + normalized, kind);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The feed of a secret as iCalendar text, or null for an unknown secret or one whose owner's role no longer allows it.</summary>
    public async Task<string?> FeedAsync(string? secret, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(secret) || !secret.StartsWith("cal_", StringComparison.Ordinal))
        {
            return null;
        }

        var hash = AccessTokens.Hash(secret);
        CalendarFeedRecord? row;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            row = await db.CalendarFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.Hash == hash, cancellationToken).ConfigureAwait(false);
        }

        if (row is null || !KindsFor(await access.RoleOfAsync(row.Login, cancellationToken).ConfigureAwait(false)).Contains(row.Kind, StringComparer.Ordinal))
        {
            return null;
        }

        var events = row.Kind == ReviewerKind
            ? await ReviewerEventsAsync(row.Login, cancellationToken).ConfigureAwait(false)
            : await MemberEventsAsync(row.Login, cancellationToken).ConfigureAwait(false);
        return Render(row.Kind, events, time.GetUtcNow());
    }

    /// <summary>One event of a feed: a span ending at <paramref name="End"/>, with a stable id so calendar apps update it in place.</summary>
    public sealed record FeedEvent(string Uid, string Summary, string Description, DateTimeOffset Start, DateTimeOffset End, DeadlineRule Zone);

    /// <summary>R7 deadlines of the months the feed covers, and each open month's appeal window from the member's month page.</summary>
    private async Task<IReadOnlyList<FeedEvent>> MemberEventsAsync(string login, CancellationToken cancellationToken)
    {
        var list = new List<FeedEvent>();
        foreach (var period in Periods())
        {
            var policy = _catalog.ForPeriod(period);
            var deadline = policy.Deadline.EndOf(period);
            list.Add(new FeedEvent(
                $"deadline-{period}",
                $"Report for {period} due",
                $"File your {period} report as a GitHub issue before the end of day {policy.Deadline.Day.ToString(CultureInfo.InvariantCulture)} of the next month (R7); you can edit it until then.",
                deadline.AddHours(-1),
                deadline,
                policy.Deadline));

            // The appeal window is the member's month page's (MemberMonths): the same use case, no second computation.
            var month = await months.MonthAsync(login, period, cancellationToken).ConfigureAwait(false);
            var open = month.Scores.Where(s => s.AppealUntil is not null).ToArray();
            if (open.Length > 0)
            {
                var until = open.Max(s => s.AppealUntil!.Value);
                var from = open.Min(s => s.AppealUntil!.Value).AddDays(-policy.Review.AppealWindowDays);
                list.Add(new FeedEvent(
                    $"appeal-{period}",
                    $"Appeal window for your {period} scores",
                    $"You may appeal a department's score of {period} with a reason on your month page, /me/months/{period}, until the window ends: " + string.Join(", ", open.Select(s => s.Code + " until " + ProgramTables.Stamp(s.AppealUntil!.Value))),
                    from,
                    until,
                    policy.Deadline));
            }
        }

        return list;
    }

    /// <summary>When each month's reviews are due, with the reviewer's unscored reports of the months still open.</summary>
    private async Task<IReadOnlyList<FeedEvent>> ReviewerEventsAsync(string login, CancellationToken cancellationToken)
    {
        HashSet<Period> closed;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            closed = (await db.MonthCloses.AsNoTracking().Select(c => c.Period).ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet();
        }

        var list = new List<FeedEvent>();
        foreach (var period in Periods())
        {
            var policy = _catalog.ForPeriod(period);
            var due = policy.Review.DueOf(policy.Deadline, period);
            var description = $"Score the {period} reports assigned to you by then (review.review_due_days: {policy.Review.ReviewDueDays.ToString(CultureInfo.InvariantCulture)} days after the report deadline).";
            if (!closed.Contains(period))
            {
                var unscored = ReviewQueue.Unscored(await queue.ListAsync(period, cancellationToken).ConfigureAwait(false), login);
                description += unscored.Count == 0
                    ? " Nothing of yours is unscored."
                    : $" Not scored by you yet: {string.Join(", ", unscored.Select(i => "#" + i.IssueNumber.ToString(CultureInfo.InvariantCulture)))}.";
            }

            list.Add(new FeedEvent($"review-due-{period}", $"Reviews for {period} due", description, due.AddHours(-1), due, policy.Deadline));
        }

        return list;
    }

    /// <summary>The iCalendar document: each event in the policy's time zone, with the VTIMEZONE of every zone used.</summary>
    public static string Render(string kind, IReadOnlyList<FeedEvent> events, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(events);
        var calendar = new Calendar { ProductId = "-//Embassy//Reminders//EN" };
        calendar.AddProperty("X-WR-CALNAME", kind == ReviewerKind ? "Embassy: reviews due" : "Embassy: my reports");
        var zones = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            var zone = ZoneId(e.Zone);
            if (zone != "UTC" && zones.Add(zone))
            {
                calendar.AddTimeZone(zone, e.Start.UtcDateTime.AddYears(-1), includeHistoricalData: false);
            }

            calendar.Events.Add(new CalendarEvent
            {
                Uid = e.Uid + "-" + kind + "@embassy",
                Summary = e.Summary,
                Description = e.Description,
                DtStart = Local(e.Start, e.Zone),
                DtEnd = Local(e.End, e.Zone),
                DtStamp = new CalDateTime(now.UtcDateTime, "UTC", true),
            });
        }

        return new CalendarSerializer(calendar).SerializeToString() ?? string.Empty;
    }

    private static string ZoneId(DeadlineRule rule) => rule.Zone == TimeZoneInfo.Utc ? "UTC" : rule.Zone.Id;

    /// <summary>The instant as the policy's local time, tagged with its TZID (UTC as UTC).</summary>
    private static CalDateTime Local(DateTimeOffset instant, DeadlineRule rule)
    {
        var zone = ZoneId(rule);
        return zone == "UTC"
            ? new CalDateTime(instant.UtcDateTime, "UTC", true)
            : new CalDateTime(DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, rule.Zone).DateTime, DateTimeKind.Unspecified), zone, true);
    }

    private Period CurrentPeriod() => Period.Of(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));

    /// <summary>The months the feeds cover: <see cref="MonthsBack"/> months before the current one, and the current one.</summary>
    private IEnumerable<Period> Periods()
    {
        var period = CurrentPeriod();
        for (var i = 0; i < MonthsBack; i++)
        {
            period = period.Previous;
        }

        for (var i = 0; i <= MonthsBack; i++, period = period.Next)
        {
            yield return period;
        }
    }
}
