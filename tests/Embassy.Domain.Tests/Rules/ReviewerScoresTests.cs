using Embassy.Domain.Rules;

namespace Embassy.Domain.Tests.Rules;

public sealed class ReviewerScoresTests
{
    private static ReviewerScore S(decimal effort, decimal results, bool lead = false, long order = 0) => new(Points.Of(effort), Points.Of(results), lead, order);

    [Fact]
    public void Final_OneReviewer_IsTheirScore() =>
        Assert.Equal((Points.Of(18), Points.Of(15)), ReviewerScores.Final([S(18, 15)], Points.Of(1)));

    [Fact]
    public void Final_Mean_RoundsHalfUpToTheStep()
    {
        // R3: (17 + 18) / 2 = 17.5 → 18 at step 1; (15 + 16 + 16) / 3 = 15.67 → 16; at step 0.5, 17.5 stays.
        Assert.Equal((Points.Of(18), Points.Of(16)), ReviewerScores.Final([S(17, 15), S(18, 16), S(17.5m, 16)], Points.Of(1)));
        Assert.Equal((Points.Of(17.5m), Points.Of(15.5m)), ReviewerScores.Final([S(17, 15), S(18, 16)], Points.Of(0.5m)));
        Assert.Equal((Points.Of(17), Points.Of(15)), ReviewerScores.Final([S(17, 15), S(17, 15), S(18, 15)], Points.Of(1)));
    }

    [Fact]
    public void Final_LeadOverride_ReplacesTheMean_LatestWins() =>
        Assert.Equal((Points.Of(10), Points.Of(10)), ReviewerScores.Final([S(20, 20), S(5, 5, lead: true, order: 1), S(10, 10, lead: true, order: 2)], Points.Of(1)));

    [Fact]
    public void Final_NoScores_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReviewerScores.Final([], Points.Of(1)));
}
