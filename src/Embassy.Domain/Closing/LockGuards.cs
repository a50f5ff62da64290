using System.Globalization;

namespace Embassy.Domain.Closing;

/// <summary>How a month's reports stand when it is previewed or locked.</summary>
/// <param name="Filed">Reports filed for the month by members (matched), on time or accepted late.</param>
/// <param name="Scored">Of those, reports a reviewer scored.</param>
/// <param name="Unscored">Accepted reports no reviewer has scored (filed or needing a fix).</param>
/// <param name="Late">Filed after the deadline (R7) and not accepted.</param>
/// <param name="Unmatched">Filed by an author who matches no member (R2).</param>
/// <param name="Duplicates">A member's second or later report of the month (R7: one accepted report per member per month).</param>
public sealed record ReportCounts(int Filed, int Scored, int Unscored, int Late, int Unmatched, int Duplicates);

/// <summary>What the lock guards look at; the application gathers it, the rules below decide.</summary>
/// <param name="Period">The month to lock.</param>
/// <param name="Now">The time of the request.</param>
/// <param name="FirstPeriod">The first month any policy of the catalogue covers.</param>
/// <param name="Deadline">The month's report deadline (R7).</param>
/// <param name="Members">Members in the registry who count for the month.</param>
/// <param name="Reports">The month's reports.</param>
/// <param name="UnscoredReports">The unscored reports as people name them ("#12 by alice"), for the message.</param>
public sealed record LockFacts(Period Period, DateTimeOffset Now, Period FirstPeriod, DateTimeOffset Deadline, int Members, ReportCounts Reports, IReadOnlyList<string> UnscoredReports)
{
    /// <summary>Issue #14: appeals of the month not yet decided, as people name them ("appeal 3: CM of #12").</summary>
    public IReadOnlyList<string> OpenAppeals { get; init; } = [];
}

/// <summary>
/// The guard rails of a lock: a month is locked only when it can be final. Never for a month that has not ended or
/// comes before the policy catalogue; nor for an empty registry. Before the report deadline (R7) or with accepted
/// reports nobody scored, only with an admin's reason, which the lock keeps.
/// </summary>
public static class LockGuards
{
    /// <summary>
    /// The guards' verdict: errors refuse the lock (each with the figures); with <paramref name="overrideReason"/> the
    /// deadline and unscored guards become <see cref="ClosingCodes.GuardOverridden"/> warnings that carry the reason.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Check(LockFacts facts, string? overrideReason)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var list = new List<Diagnostic>();
        var p = facts.Period;
        var ends = new DateTimeOffset(p.Next.FirstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (facts.Now < ends)
        {
            list.Add(Diagnostic.Error(ClosingCodes.MonthNotEnded, Invariant($"{p} has not ended (it ends {ends:yyyy-MM-dd HH:mm} UTC); a month is locked after it ends.")));
        }

        if (p < facts.FirstPeriod)
        {
            list.Add(Diagnostic.Error(ClosingCodes.MonthBeforePolicies, Invariant($"{p} is before {facts.FirstPeriod}, the first month a policy covers; there are no rules to close it under.")));
        }

        if (facts.Members == 0)
        {
            list.Add(Diagnostic.Error(ClosingCodes.NoMembers, $"Nobody in the registry counts for {p}: add members (or run the demo) before closing a month."));
        }

        if (list.Count > 0)
        {
            return list; // no override reaches these
        }

        var reason = string.IsNullOrWhiteSpace(overrideReason) ? null : overrideReason.Trim();
        if (facts.Now < facts.Deadline)
        {
            var text = Invariant($"The report deadline of {p} (R7) is {facts.Deadline.UtcDateTime:yyyy-MM-dd HH:mm} UTC and has not passed: members may still file.");
            list.Add(reason is null
                ? Diagnostic.Error(ClosingCodes.DeadlineNotPassed, text + " An admin may lock before it with a reason.")
                : Diagnostic.Warning(ClosingCodes.GuardOverridden, text + " Locked before it: " + reason));
        }

        var r = facts.Reports;
        if (r.Unscored > 0)
        {
            var names = facts.UnscoredReports.Count == 0 ? string.Empty : " (" + string.Join(", ", facts.UnscoredReports.Take(20)) + (facts.UnscoredReports.Count > 20 ? ", …" : string.Empty) + ")";
            var text = Invariant($"{r.Unscored} of {r.Filed} accepted reports of {p} are not scored{names}; unscored reports count as no report.");
            list.Add(reason is null
                ? Diagnostic.Error(ClosingCodes.ReportsUnscored, text + " Score them, or lock with a reason.")
                : Diagnostic.Warning(ClosingCodes.GuardOverridden, text + " Locked anyway: " + reason));
        }

        if (facts.OpenAppeals.Count > 0)
        {
            // Issue #14: the lock waits for a member's appeal to be decided; an admin may override with a reason.
            var text = Invariant($"{facts.OpenAppeals.Count} appeal(s) of {p} are not decided ({string.Join(", ", facts.OpenAppeals.Take(20))}).");
            list.Add(reason is null
                ? Diagnostic.Error(ClosingCodes.AppealsOpen, text + " Decide them, or lock with a reason.")
                : Diagnostic.Warning(ClosingCodes.GuardOverridden, text + " Locked anyway: " + reason));
        }

        return list;
    }

    /// <summary>The counts as one line, for the preview and the lock's audit entry.</summary>
    public static string Describe(ReportCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return Invariant($"{counts.Filed} accepted, {counts.Scored} scored, {counts.Unscored} unscored, {counts.Late} late, {counts.Unmatched} unmatched, {counts.Duplicates} duplicates");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
