using Embassy.Domain.Rules;
using static Embassy.Domain.Tests.TestPolicies;

namespace Embassy.Domain.Tests.Rules;

public class StreakTests
{
    private static readonly Period Sep = new(2024, 9);

    private static ClosedMonth H(string period, string member, Rank rank, int percent, MonthStatus status = MonthStatus.Accepted) =>
        new(Period.Parse(period).Value, member, rank, new Percent(percent, 100), status);

    /// <summary>A month where member "a" scores <paramref name="cm"/> and <paramref name="mk"/> of 40 each.</summary>
    private static MonthAllocation Month(Policy policy, Rank rank, int cm, int mk, IReadOnlyList<ClosedMonth> history, Period? period = null)
    {
        var p = period ?? Sep;
        var scores = policy.Model == RewardModel.Threshold
            ? new List<ScoreLine> { S("a", "CM", cm), S("a", "VSM", mk) }
            : [S("a", "CM", cm), S("a", "MK", mk)];
        var r = MonthEngine.Compute(new MonthInput { Policy = policy, Period = p, Members = [M("a", rank)], Scores = scores, History = history });
        Assert.True(r.IsSuccess, string.Join("; ", r.Diagnostics));
        return r.Value;
    }

    [Fact]
    public void Candidate_ThreeMonthsAt65_IsProposedForAmbassadorFromNextMonth()
    {
        var month = Month(V4(), Rank.Candidate, 26, 26, [H("2024-07", "a", Rank.Candidate, 70), H("2024-08", "a", Rank.Candidate, 65)]);
        var p = Assert.Single(month.Proposals);
        Assert.Equal((Rank.Candidate, Rank.Ambassador), (p.From, p.To));
        Assert.Equal(new Period(2024, 10), p.EffectiveFrom);
        Assert.Contains("2024-07 70 %", p.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Candidate_GapInHistory_BreaksStreak()
    {
        var month = Month(V4(), Rank.Candidate, 40, 40, [H("2024-06", "a", Rank.Candidate, 90), H("2024-08", "a", Rank.Candidate, 90)]);
        Assert.Empty(month.Proposals);
    }

    [Fact]
    public void Candidate_LateMonth_BreaksStreak()
    {
        var month = Month(V4(), Rank.Candidate, 40, 40, [H("2024-07", "a", Rank.Candidate, 90), H("2024-08", "a", Rank.Candidate, 90, MonthStatus.Late)]);
        Assert.Empty(month.Proposals);
    }

    [Fact]
    public void Candidate_CurrentMonthBelow65_NoProposal()
    {
        var month = Month(V4(), Rank.Candidate, 25, 26, [H("2024-07", "a", Rank.Candidate, 90), H("2024-08", "a", Rank.Candidate, 90)]);
        Assert.Empty(month.Proposals); // 51/80 = 63.75 %
    }

    [Fact]
    public void Ambassador_RankChangeMidStreak_CountsOnlyMonthsAtCurrentRank()
    {
        // Promoted to ambassador in August: July's 95 % as candidate does not count towards senior.
        var history = new[] { H("2024-07", "a", Rank.Candidate, 95), H("2024-08", "a", Rank.Ambassador, 95) };
        Assert.Empty(Month(V4(), Rank.Ambassador, 40, 40, history).Proposals);

        var later = history.Append(H("2024-09", "a", Rank.Ambassador, 92)).ToList();
        var p = Assert.Single(Month(V4(), Rank.Ambassador, 36, 36, later, new Period(2024, 10)).Proposals);
        Assert.Equal(Rank.Senior, p.To);
    }

    [Fact]
    public void Senior_NeverAutomaticallyHead()
    {
        var history = Enumerable.Range(1, 12).Select(i => H(new Period(2023, 9).AddMonths(i - 1).ToString(), "a", Rank.Senior, 100)).ToList();
        Assert.Empty(Month(V4(), Rank.Senior, 40, 40, history).Proposals);
        Assert.Empty(Month(V4(), Rank.Head, 40, 40, history.Select(h => h with { Rank = Rank.Head }).ToList()).Proposals);
    }

    [Fact]
    public void V3Termination_ThreeMonthsBelow40_ProposesTermination()
    {
        var period = new Period(2022, 9);
        var history = new[] { H("2022-07", "a", Rank.Ambassador, 30), H("2022-08", "a", Rank.Ambassador, 0, MonthStatus.Missing) };
        var p = Assert.Single(Month(V1(), Rank.Ambassador, 20, 10, history, period).Proposals);
        Assert.Equal(Rank.Terminated, p.To);

        // At 40 % in the current month there is no termination.
        Assert.Empty(Month(V1(), Rank.Ambassador, 30, 10, history, period).Proposals);
    }

    [Fact]
    public void Candidate_WithoutReportThisMonth_IsNotPromoted()
    {
        var r = MonthEngine.Compute(new MonthInput
        {
            Policy = V4(),
            Period = Sep,
            Members = [M("a", Rank.Candidate)],
            Scores = [],
            History = [H("2024-07", "a", Rank.Candidate, 100), H("2024-08", "a", Rank.Candidate, 100)],
        }).Value;
        Assert.Empty(r.Proposals);
        Assert.Equal(MonthStatus.Missing, r.Members.Single().Status);
    }
}
