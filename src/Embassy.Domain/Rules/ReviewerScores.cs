namespace Embassy.Domain.Rules;

/// <summary>One reviewer's latest score for one department (R3).</summary>
/// <param name="Effort">Effort points.</param>
/// <param name="Results">Results points.</param>
/// <param name="IsLeadOverride">A lead reviewer's override (kept with a reason elsewhere).</param>
/// <param name="Order">Recording order (higher is later); the latest lead override wins.</param>
public sealed record ReviewerScore(Points Effort, Points Results, bool IsLeadOverride = false, long Order = 0);

/// <summary>The final score of a department from several reviewers' scores (RULES.md R3).</summary>
public static class ReviewerScores
{
    /// <summary>
    /// R3: the mean of the reviewers' effort and of their results, each rounded half up to the policy's step; a lead
    /// reviewer's override replaces the mean (the latest override when there are several). Exact: integer hundredths.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="scores"/> is empty.</exception>
    public static (Points Effort, Points Results) Final(IReadOnlyList<ReviewerScore> scores, Points step)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentOutOfRangeException.ThrowIfZero(scores.Count, nameof(scores));
        // Loops, not LINQ: the close calls this for every member and department.
        ReviewerScore? lead = null;
        long effort = 0, results = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            var s = scores[i];
            if (s.IsLeadOverride && (lead is null || s.Order > lead.Order))
            {
                lead = s;
            }

            effort = checked(effort + s.Effort.Hundredths);
            results = checked(results + s.Results.Hundredths);
        }

        return lead is not null
            ? (lead.Effort, lead.Results)
            : (Mean(effort, scores.Count, step), Mean(results, scores.Count, step));
    }

    /// <summary>R3: sum ÷ n rounded half up (away from zero for the non-negative points of a score) to a multiple of the step.</summary>
    public static Points Mean(IEnumerable<long> hundredths, int count, Points step)
    {
        ArgumentNullException.ThrowIfNull(hundredths);
        return Mean(hundredths.Sum(), count, step);
    }

    /// <summary>R3: <paramref name="sum"/> of <paramref name="count"/> scores ÷ n, rounded half up to a multiple of the step.</summary>
    public static Points Mean(long sum, int count, Points step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var unit = Math.Max(1, step.Hundredths);
        var divisor = checked(count * unit);

        // round(sum / divisor) half up, in integers: floor((2 sum + divisor) / (2 divisor)).
        var steps = sum >= 0
            ? checked((2 * sum) + divisor) / (2 * divisor)
            : -(checked((-2 * sum) + divisor) / (2 * divisor));
        return Points.FromHundredths(checked(steps * unit));
    }
}
