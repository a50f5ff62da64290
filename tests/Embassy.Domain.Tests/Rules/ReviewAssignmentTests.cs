using Embassy.Domain.Rules;
using FsCheck;
using FsCheck.Fluent;

namespace Embassy.Domain.Tests.Rules;

public class ReviewAssignmentTests
{
    [Fact]
    public void Assign_ReviewerWhoFiledAReport_NeverGetsIt()
    {
        var reports = new[] { new AssignableReport(1, ["rita"]), new AssignableReport(2, ["Sam"]), new AssignableReport(3, ["alice"]) };

        var panels = ReviewAssignment.Assign(reports, ["rita", "sam", "tom"], 2);

        Assert.Equal(["sam", "tom"], panels[1].Order());
        Assert.Equal(["rita", "tom"], panels[2].Order());
        Assert.Equal(2, panels[3].Count);
    }

    [Fact]
    public void Assign_TooFewEligibleReviewers_GivesThoseThereAre()
    {
        var panels = ReviewAssignment.Assign([new AssignableReport(7, ["rita"])], ["rita", "sam"], 3);

        Assert.Equal(["sam"], panels[7]);
    }

    [Fact]
    public void Assign_AnyMonth_EachReportGetsNDistinctReviewers_LoadsWithinOne_AndTheSameInputGivesTheSamePanels()
    {
        var gen =
            from reviewers in Gen.Choose(2, 9)
            from reports in Gen.Choose(0, 60)
            from n in Gen.Choose(1, 3)
            select (Reviewers: Enumerable.Range(0, reviewers).Select(i => "r" + i).ToArray(), Reports: reports, N: Math.Min(n, reviewers));
        Check.QuickThrowOnFailure(Prop.ForAll(Arb.From(gen), c =>
        {
            var reports = Enumerable.Range(1, c.Reports).Select(i => new AssignableReport(i, ["member" + i])).ToArray();
            var panels = ReviewAssignment.Assign(reports, c.Reviewers, c.N);
            var again = ReviewAssignment.Assign(reports.Reverse().ToArray(), c.Reviewers.Reverse().ToArray(), c.N);
            var loads = c.Reviewers.Select(r => panels.Values.Count(p => p.Contains(r))).ToArray();
            return panels.Values.All(p => p.Count == c.N && p.Distinct().Count() == c.N)
                && (loads.Length == 0 || loads.Max() - loads.Min() <= 1)
                && panels.All(kv => again[kv.Key].SequenceEqual(kv.Value));
        }));
    }

    [Theory]
    [InlineData(new[] { 30, 20 }, 10, true)]
    [InlineData(new[] { 30, 21 }, 10, false)]
    [InlineData(new[] { 30 }, 0, false)]
    public void Disagree_SpreadAtOrAboveThePolicysSetting_IsFlagged(int[] totals, int spread, bool expected) =>
        Assert.Equal(expected, new ReviewRule(DisagreementSpread: spread).Disagree(totals.Select(Points.Of)));
}
