using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.Policies;

namespace Embassy.Reports.Tests;

/// <summary>The rule-drift view over the program's real reports (../shared/fixtures), month by month under the policy in force.</summary>
public sealed class ReportDriftTests
{
    [Fact]
    public void Drift_RealReports_ListsTheOneDepartmentReportsAndTheMaximumSelfScores_AsTheirTruthSays()
    {
        var checkedMonths = 0;
        foreach (var month in Fixtures.Reports.GroupBy(f => f.Truth.Period).Where(g => g.Key is not null))
        {
            var period = Period.Parse(month.Key!).Value;
            if (PolicyCatalog.Shipped.InForce(period) is not { Model: RewardModel.DepartmentPools } policy)
            {
                continue; // V.1–V.3 reports score basic and supplementary tasks, not 2–3 chosen departments
            }

            var reports = month.Select(f => ReportDrift.Of(f.Issue, ReportParser.Shipped.Parse(f.Issue))).ToList();
            var drift = RuleDrift.Find(policy, period, reports).ToDictionary(d => d.Code);

            // Expected from the hand-written truth of each fixture, not from the parser.
            bool Selectable(string code) => policy.FindDepartment(code)?.Kind == DepartmentKind.Selectable;
            var outside = month.Where(f => f.Truth.Departments.Count(Selectable) is var n && (n < policy.Choice.Min || n > policy.Choice.Max)).Select(f => f.Issue.Number);
            var atMax = month.Where(f => f.Truth.SuggestedScores.Count > 0 && f.Truth.SuggestedScores.All(s => policy.FindDepartment(s.Key) is { } d && s.Value.Score >= d.Max.Value)).Select(f => f.Issue.Number);
            Assert.Equal(outside.Order(), drift[RuleDrift.DepartmentCount].Reports.Select(r => r.Number));
            Assert.Equal(atMax.Order(), drift[RuleDrift.SelfScoreAtMax].Reports.Select(r => r.Number));
            Assert.Equal(
                month.Where(f => policy.Deadline.IsLate(period, f.Issue.CreatedAt)).Select(f => f.Issue.Number).Order(),
                drift[RuleDrift.Late].Reports.Select(r => r.Number));
            checkedMonths++;
        }

        Assert.True(checkedMonths >= 10, $"only {checkedMonths} months of real reports were checked");
    }

    [Fact]
    public void Drift_2026_OneDepartmentAtFortyOfForty_IsListedUnderBothRules()
    {
        // The 2026 practice of issue #17: "Department: Content Creation" with CC 40/40.
        var fixture = Fixtures.Reports.Where(f => f.Truth.Period is { } p && string.CompareOrdinal(p, "2026-01") >= 0 && f.Truth.Departments.Count == 1 && f.Truth.SuggestedScores.Count > 0).ToList();
        Assert.NotEmpty(fixture);
        foreach (var (issue, truth) in fixture)
        {
            var period = Period.Parse(truth.Period!).Value;
            var drift = RuleDrift.Find(PolicyCatalog.Shipped.ForPeriod(period), period, [ReportDrift.Of(issue, ReportParser.Shipped.Parse(issue))]).ToDictionary(d => d.Code);
            Assert.Equal([issue.Number], drift[RuleDrift.DepartmentCount].Reports.Select(r => r.Number));
            Assert.Equal([issue.Number], drift[RuleDrift.SelfScoreAtMax].Reports.Select(r => r.Number));
            Assert.Empty(drift[RuleDrift.ScoreAboveMax].Reports);
        }
    }

    [Fact]
    public void Drift_ScoreAboveTheMaximum_IsListed()
    {
        var period = new Period(2026, 1);
        var policy = PolicyCatalog.Shipped.ForPeriod(period);
        var filed = new DateTimeOffset(2026, 2, 2, 0, 0, 0, TimeSpan.Zero);
        var reports = new[]
        {
            new DriftReport(1, "a", filed, ["CM", "CC"], new Dictionary<string, decimal> { ["CM"] = 45, ["CC"] = 30 }),
            new DriftReport(2, "b", filed.AddDays(10), ["CM", "CC"], new Dictionary<string, decimal> { ["CM"] = 40, ["CC"] = 40 }),
        };

        var drift = RuleDrift.Find(policy, period, reports).ToDictionary(d => d.Code);

        Assert.Equal([1L], drift[RuleDrift.ScoreAboveMax].Reports.Select(r => r.Number));
        Assert.Equal([2L], drift[RuleDrift.Late].Reports.Select(r => r.Number));
        Assert.Equal([2L], drift[RuleDrift.SelfScoreAtMax].Reports.Select(r => r.Number)); // every department at the maximum, not just one
        Assert.Empty(drift[RuleDrift.DepartmentCount].Reports);
    }
}
