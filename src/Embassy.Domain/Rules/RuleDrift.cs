namespace Embassy.Domain.Rules;

/// <summary>What one report of a month said, as far as the written rules look at it (the input of <see cref="RuleDrift"/>).</summary>
/// <param name="Number">The report's issue number.</param>
/// <param name="Author">Who filed it.</param>
/// <param name="FiledAt">When it was filed (the creation time, R7).</param>
/// <param name="Departments">The selectable departments it declares.</param>
/// <param name="SuggestedScores">The member's own score per department, with the maximum the report wrote.</param>
public sealed record DriftReport(long Number, string Author, DateTimeOffset FiledAt, IReadOnlyList<string> Departments, IReadOnlyDictionary<string, decimal> SuggestedScores);

/// <summary>One written rule and the reports of a month that break it.</summary>
/// <param name="Code">Stable code: <see cref="RuleDrift.DepartmentCount"/>, <see cref="RuleDrift.ScoreAboveMax"/>, <see cref="RuleDrift.Late"/> or <see cref="RuleDrift.SelfScoreAtMax"/>.</param>
/// <param name="Rule">The rule as the policy writes it, in words.</param>
/// <param name="Reports">The reports that break it, by number.</param>
public sealed record DriftRule(string Code, string Rule, IReadOnlyList<DriftReport> Reports);

/// <summary>
/// How far a month's practice has drifted from the policy in force (issue #17): for each rule a lead may choose to
/// enforce or to relax — 2 to 3 departments (R3), suggested scores within the maxima (R3), the deadline (R7), and
/// self-scores at the maximum (not a rule, but the sign that scores stopped telling work apart) — the reports that
/// break it. Pure: reports in, counts and lists out.
/// </summary>
public static class RuleDrift
{
    /// <summary>Fewer or more departments than the policy's <see cref="ChoiceRule"/> (R3).</summary>
    public const string DepartmentCount = "DRIFT_DEPARTMENT_COUNT";

    /// <summary>A suggested score above the department's maximum (R3).</summary>
    public const string ScoreAboveMax = "DRIFT_SCORE_ABOVE_MAX";

    /// <summary>Filed after the month's deadline (R7).</summary>
    public const string Late = "DRIFT_LATE";

    /// <summary>Every suggested score at the department's maximum.</summary>
    public const string SelfScoreAtMax = "DRIFT_SELF_SCORE_AT_MAX";

    /// <summary>The four rules for <paramref name="period"/> under <paramref name="policy"/>, each with the reports that break it, in report order.</summary>
    public static IReadOnlyList<DriftRule> Find(Policy policy, Period period, IReadOnlyList<DriftReport> reports)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(reports);
        var ordered = reports.OrderBy(r => r.Number).ToList();
        var deadline = policy.Deadline.EndOf(period);
        decimal? MaxOf(string code) => policy.FindDepartment(code)?.Max.Value ?? policy.FindSupplementary(code)?.Max.Value;
        bool OutsideRange(DriftReport r) =>
            r.Departments.Count(d => policy.FindDepartment(d)?.Kind == DepartmentKind.Selectable) is var n && (n < policy.Choice.Min || n > policy.Choice.Max);
        bool AboveMax(DriftReport r) => r.SuggestedScores.Any(s => MaxOf(s.Key) is { } max && s.Value > max);
        bool AtMax(DriftReport r) =>
            r.SuggestedScores.Count > 0 && r.SuggestedScores.All(s => MaxOf(s.Key) is { } max && s.Value >= max);

        return
        [
            new(DepartmentCount, $"Each month a member chooses {policy.Choice.Min} to {policy.Choice.Max} departments.", ordered.Where(OutsideRange).ToList()),
            new(ScoreAboveMax, "A suggested score is at most the department's maximum.", ordered.Where(AboveMax).ToList()),
            new(Late, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"A report for {period} is filed by {deadline.UtcDateTime:yyyy-MM-dd HH:mm} UTC."), ordered.Where(r => policy.Deadline.IsLate(period, r.FiledAt)).ToList()),
            new(SelfScoreAtMax, "Self-scores at the maximum in every department (not a rule: scores that no longer tell work apart).", ordered.Where(AtMax).ToList()),
        ];
    }
}
