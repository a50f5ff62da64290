using System.Text.Json;
using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.Domain.Closing;
using Embassy.Domain.Rules;
using Embassy.Policies;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>A reviewer's offsets from the panel mean, per month and over all the months shown.</summary>
public sealed record ReviewerCalibrationRow(string Reviewer, IReadOnlyDictionary<Period, OffsetTally> Months, OffsetTally Overall);

/// <summary>A member's suggested-minus-final gap, per closed month and over all the months shown.</summary>
public sealed record MemberGapRow(long MemberId, string Login, string Name, IReadOnlyDictionary<Period, OffsetTally> Months, OffsetTally Overall);

/// <summary>The reviewers' calibration page: the months shown, newest first, and a row per reviewer and per member.</summary>
public sealed record CalibrationView(IReadOnlyList<Period> Periods, IReadOnlyList<ReviewerCalibrationRow> Reviewers, IReadOnlyList<MemberGapRow> Members);

/// <summary>
/// Issue #14, calibration for reviewers, from the stored scores: per reviewer, their offset from the panel's R3 mean (the
/// score paid) over months, with how many panels; per member, how far their suggested scores sit from the final ones
/// of each closed month (the frozen month's points against the suggestions of the version the month scored, R7).
/// Exact: <see cref="OffsetTally"/> keeps whole hundredths; only the page divides and rounds.
/// </summary>
public sealed class ReviewCalibration(IDbContextFactory<EmbassyDbContext> databases, PolicyCatalog? catalog = null)
{
    /// <summary>The most months a page may ask for: each is every score of the month.</summary>
    public const int MaxMonths = 24;

    private readonly PolicyCatalog _catalog = catalog ?? PolicyCatalog.Shipped;

    /// <summary>The calibration over the latest <paramref name="months"/> months that have reports (1 to <see cref="MaxMonths"/>).</summary>
    public async Task<CalibrationView> LatestAsync(int months = 6, CancellationToken cancellationToken = default)
    {
        months = Math.Clamp(months, 1, MaxMonths);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var periods = (await db.Reports.AsNoTracking().Where(r => r.Period != null).Select(r => r.Period!.Value).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false))
            .OrderDescending().Take(months).ToArray();
        if (periods.Length == 0)
        {
            return new CalibrationView([], [], []);
        }

        var reviewers = Calibration.ReviewerOffsets(await PanelsAsync(db, periods, cancellationToken).ConfigureAwait(false));
        var members = await MemberGapsAsync(db, periods, cancellationToken).ConfigureAwait(false);
        return new CalibrationView(
            periods,
            reviewers.GroupBy(t => t.Key.Reviewer, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new ReviewerCalibrationRow(g.Key, g.ToDictionary(t => t.Key.Period, t => t.Value), g.Aggregate(OffsetTally.Empty, (a, t) => a.Plus(t.Value))))
                .ToArray(),
            members);
    }

    /// <summary>
    /// R3: each department panel of every present, not rejected report of <paramref name="periods"/>: each reviewer's
    /// latest total against the mean the close pays. A lead override (an appeal's changed score) is a decision, not a
    /// reviewer's reading, and is left out.
    /// </summary>
    private async Task<List<CalibrationPanel>> PanelsAsync(EmbassyDbContext db, Period[] periods, CancellationToken cancellationToken)
    {
        var panels = new List<CalibrationPanel>();
        foreach (var period in periods)
        {
            // A month at a time: equality on the month is what both providers index and translate.
            var rows = await (
                    from s in db.Scores
                    join r in db.Reports on s.ReportId equals r.Id
                    where r.Period == period && r.Presence == ReportPresence.Present && r.ReviewState != ReviewStates.Rejected && !s.IsLeadOverride
                    select new Score { Id = s.Id, ReportId = s.ReportId, Reviewer = s.Reviewer, Department = s.Department, EffortHundredths = s.EffortHundredths, ResultsHundredths = s.ResultsHundredths })
                .AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
            var policy = _catalog.ForPeriod(period);
            foreach (var report in rows.GroupBy(r => r.ReportId))
            {
                foreach (var p in ReviewQueue.Panel(policy, ReviewQueue.LatestScores(report)))
                {
                    panels.Add(new CalibrationPanel(period, p.Total, p.Totals));
                }
            }
        }

        return panels;
    }

    /// <summary>R3: per member of each closed month of <paramref name="periods"/>, the scored version's suggestions against the frozen points.</summary>
    private static async Task<IReadOnlyList<MemberGapRow>> MemberGapsAsync(EmbassyDbContext db, IReadOnlyCollection<Period> periods, CancellationToken cancellationToken)
    {
        var closed = (await MonthStore.AllAsync(db, cancellationToken).ConfigureAwait(false)).Where(c => periods.Contains(c.Month.Period)).ToArray();
        var scores = new List<SuggestedAndFinal>();
        var names = new Dictionary<string, (long Id, string Name)>(StringComparer.Ordinal);
        foreach (var (_, month) in closed)
        {
            var period = month.Period;
            // R7: the version the month scored (frozen at the deadline, or the accepted later one); the first filed report counts.
            var suggested = (await (
                    from r in db.Reports.Where(r => r.Period == period && r.MemberId != null && r.Presence == ReportPresence.Present && r.ReviewState != ReviewStates.Rejected)
                    join f in db.ReportFreezes on r.Id equals f.ReportId into frozen
                    from f in frozen.DefaultIfEmpty()
                    join v in db.ReportVersions on new { Id = r.Id, Number = f == null ? r.LatestVersion : f.AcceptedVersion ?? f.VersionNumber } equals new { Id = v.ReportId, v.Number }
                    select new { r.Id, MemberId = r.MemberId!.Value, Suggested = v.Parse == null ? null : v.Parse.SuggestedScores })
                .AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false))
                .GroupBy(r => r.MemberId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Id).First().Suggested);
            foreach (var m in month.Members.Where(m => m.Status == MonthStatus.Accepted))
            {
                names[m.Login] = (m.MemberId, m.Name);
                var mine = Suggested(suggested.GetValueOrDefault(m.MemberId));
                foreach (var (code, final) in m.Points)
                {
                    if (mine.TryGetValue(code, out var s))
                    {
                        scores.Add(new SuggestedAndFinal(period, m.Login, code, s, final));
                    }
                }
            }
        }

        return Calibration.MemberGaps(scores).GroupBy(t => t.Key.Member, StringComparer.Ordinal)
            .Select(g => new MemberGapRow(names[g.Key].Id, g.Key, names[g.Key].Name, g.ToDictionary(t => t.Key.Period, t => t.Value), g.Aggregate(OffsetTally.Empty, (a, t) => a.Plus(t.Value))))
            .OrderBy(r => r.Login, StringComparer.Ordinal).ToArray();
    }

    // The intake's shape, {"CM": {"score": "30", "max": "40"}}; a score that is not a number of points is left out.
    private static Dictionary<string, Points> Suggested(string? json)
    {
        var scores = new Dictionary<string, Points>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return scores;
        }

        try
        {
            foreach (var (code, v) in JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(json) ?? [])
            {
                if (Points.TryParse(v.GetValueOrDefault("score"), out var p))
                {
                    scores[code] = p;
                }
            }
        }
        catch (JsonException)
        {
            // Suggested scores are for comparison only; an unreadable value compares nothing.
        }

        return scores;
    }
}
