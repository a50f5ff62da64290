using Embassy.Domain.Rules;

namespace Embassy.Domain.Tests.Rules;

/// <summary>Issue #14 calibration (R3): reviewers' offsets from the panel mean and members' suggested-minus-final gaps, exact.</summary>
public class CalibrationTests
{
    private static readonly Period October = new(2026, 10);
    private static readonly Period November = new(2026, 11);

    [Fact]
    public void ReviewerOffsets_AreTotalsMinusThePanelMean_PerMonth_IgnoringPanelsOfOne()
    {
        CalibrationPanel[] panels =
        [
            new(October, Points.Of(30), [("rita", Points.Of(27)), ("sam", Points.Of(33))]),
            new(October, Points.Of(20), [("rita", Points.Of(20)), ("sam", Points.Of(21)), ("tom", Points.Of(19))]),
            new(November, Points.Of(25), [("rita", Points.Of(25))]), // alone: her own mean
            new(November, Points.Of(31), [("rita", Points.Of(29)), ("sam", Points.Of(33))]),
        ];

        var offsets = Calibration.ReviewerOffsets(panels);

        Assert.Equal(new OffsetTally(Points.Of(-3), Points.Of(3), 2), offsets[("rita", October)]);
        Assert.Equal(new OffsetTally(Points.Of(4), Points.Of(4), 2), offsets[("sam", October)]);
        Assert.Equal(new OffsetTally(Points.Of(-1), Points.Of(1), 1), offsets[("tom", October)]);
        Assert.Equal(new OffsetTally(Points.Of(-2), Points.Of(2), 1), offsets[("rita", November)]);
        Assert.Equal(new OffsetTally(Points.Of(2), Points.Of(2), 1), offsets[("sam", November)]);
        Assert.Equal(5, offsets.Count);
    }

    [Fact]
    public void Tally_KeepsTheSumsExact_AndRoundsOnlyTheDisplayedMean()
    {
        var tally = OffsetTally.Empty.Add(Points.Of(1)).Add(Points.Of(1)).Add(Points.FromHundredths(-1)); // 1.99 over 3

        Assert.Equal(Points.FromHundredths(199), tally.Sum);
        Assert.Equal(Points.FromHundredths(201), tally.AbsoluteSum);
        Assert.Equal(0.66m, tally.Mean());
        Assert.Equal(0.67m, tally.MeanAbsolute());
        Assert.Equal(0.7m, OffsetTally.Empty.Add(Points.FromHundredths(35)).Add(Points.FromHundredths(105)).Mean(1)); // 0.7 exactly
        Assert.Null(OffsetTally.Empty.Mean());
        Assert.Equal(new OffsetTally(Points.FromHundredths(199), Points.FromHundredths(201), 3), OffsetTally.Empty.Plus(tally));
    }

    [Fact]
    public void MemberGaps_AreSuggestedMinusFinal_PerMemberAndMonth()
    {
        SuggestedAndFinal[] scores =
        [
            new(October, "alice", "CM", Points.Of(30), Points.Of(27)),
            new(October, "alice", "CC", Points.Of(35), Points.Of(20)),
            new(November, "alice", "CM", Points.Of(20), Points.Of(24)),
            new(October, "bob", "CM", Points.Of(30), Points.Of(30)),
        ];

        var gaps = Calibration.MemberGaps(scores);

        Assert.Equal(new OffsetTally(Points.Of(18), Points.Of(18), 2), gaps[("alice", October)]);
        Assert.Equal(new OffsetTally(Points.Of(-4), Points.Of(4), 1), gaps[("alice", November)]);
        Assert.Equal(new OffsetTally(Points.Zero, Points.Zero, 1), gaps[("bob", October)]);
    }
}
