namespace Embassy.Domain.Rules;

/// <summary>One department's panel of a report: the R3 mean that is paid and each reviewer's total.</summary>
public sealed record CalibrationPanel(Period Period, Points Mean, IReadOnlyList<(string Reviewer, Points Total)> Totals);

/// <summary>A member's suggested and final points for one department of a closed month (R3: the suggested score is kept for comparison).</summary>
public sealed record SuggestedAndFinal(Period Period, string Member, string Department, Points Suggested, Points Final);

/// <summary>
/// A sum of offsets and how many went into it, kept exact (integer hundredths) so the mean is divided only for display.
/// </summary>
/// <param name="Sum">The offsets added up, signed.</param>
/// <param name="AbsoluteSum">Their sizes added up: a reviewer above on one report and below on another is not "calibrated".</param>
/// <param name="Count">How many offsets.</param>
public sealed record OffsetTally(Points Sum, Points AbsoluteSum, int Count)
{
    public static OffsetTally Empty { get; } = new(Points.Zero, Points.Zero, 0);

    /// <summary>This tally with one more offset.</summary>
    public OffsetTally Add(Points offset) =>
        new(Sum + offset, AbsoluteSum + (offset < Points.Zero ? Points.Zero - offset : offset), Count + 1);

    /// <summary>Two tallies as one.</summary>
    public OffsetTally Plus(OffsetTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Sum + other.Sum, AbsoluteSum + other.AbsoluteSum, Count + other.Count);
    }

    /// <summary>The mean offset, rounded half away from zero to <paramref name="decimals"/> places: for display only.</summary>
    public decimal? Mean(int decimals = 2) => Count == 0 ? null : Math.Round(Sum.Value / Count, decimals, MidpointRounding.AwayFromZero);

    /// <summary>The mean size of the offsets, rounded as <see cref="Mean"/>: for display only.</summary>
    public decimal? MeanAbsolute(int decimals = 2) => Count == 0 ? null : Math.Round(AbsoluteSum.Value / Count, decimals, MidpointRounding.AwayFromZero);
}

/// <summary>
/// Issue #14, calibration: how far each reviewer's totals sit from the panel's R3 mean (the score paid), and how far each
/// member's suggested scores sit from their final ones, per month. Pure and exact: offsets are whole hundredths of a point.
/// </summary>
public static class Calibration
{
    /// <summary>
    /// R3: per reviewer and month, their total minus the panel's mean over every panel of two or more reviewers (a panel of
    /// one is its own mean and says nothing about calibration).
    /// </summary>
    public static IReadOnlyDictionary<(string Reviewer, Period Period), OffsetTally> ReviewerOffsets(IEnumerable<CalibrationPanel> panels)
    {
        ArgumentNullException.ThrowIfNull(panels);
        var tallies = new Dictionary<(string, Period), OffsetTally>();
        foreach (var panel in panels.Where(p => p.Totals.Count >= 2))
        {
            foreach (var (reviewer, total) in panel.Totals)
            {
                var key = (reviewer, panel.Period);
                tallies[key] = tallies.GetValueOrDefault(key, OffsetTally.Empty).Add(total - panel.Mean);
            }
        }

        return tallies;
    }

    /// <summary>R3: per member and month, suggested minus final points over the departments that have both.</summary>
    public static IReadOnlyDictionary<(string Member, Period Period), OffsetTally> MemberGaps(IEnumerable<SuggestedAndFinal> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var tallies = new Dictionary<(string, Period), OffsetTally>();
        foreach (var s in scores)
        {
            var key = (s.Member, s.Period);
            tallies[key] = tallies.GetValueOrDefault(key, OffsetTally.Empty).Add(s.Suggested - s.Final);
        }

        return tallies;
    }
}
