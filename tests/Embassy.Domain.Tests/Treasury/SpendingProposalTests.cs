using Embassy.Domain.Treasury;
using static Embassy.Domain.Tests.Treasury.TreasuryTestData;

namespace Embassy.Domain.Tests.Treasury;

public class SpendingProposalTests
{
    [Fact]
    public void Validate_Proposal14_HasNoDiagnostics()
    {
        var proposal = Proposal14();

        Assert.Empty(proposal.Validate());
        Assert.Equal(Pha(100_000), proposal.Milestones[0].Cost + proposal.Milestones[1].Cost);
    }

    [Fact]
    public void Validate_MilestonesNotAddingUp_Warns()
    {
        var proposal = Proposal14() with { Requested = Pha(120_000) };

        var d = Assert.Single(proposal.Validate());

        Assert.Equal(TreasuryCodes.MilestonesMismatch, d.Code);
        Assert.Equal(Severity.Warning, d.Severity);
    }

    [Fact]
    public void Validate_MissingNumberTitleOrAmount_AreErrors()
    {
        var proposal = Proposal14() with { Number = 0, Title = " ", Requested = Token.Pha.Zero, Milestones = [] };

        var found = proposal.Validate();

        Assert.Equal(3, found.Count);
        Assert.All(found, d => Assert.Equal(TreasuryCodes.ProposalInvalid, d.Code));
    }

    [Fact]
    public void Validate_MilestonesOutOfOrder_IsAnError()
    {
        var p = Proposal14();
        var proposal = p with { Milestones = [p.Milestones[1] with { Number = 2 }, p.Milestones[0] with { Number = 1 }] };

        Assert.Contains(proposal.Validate(), d => d.Code == TreasuryCodes.ProposalInvalid && d.IsError);
    }

    [Fact]
    public void WithStatus_ChangesStatusAndAppendsAnEvent()
    {
        var at = new DateTimeOffset(2022, 4, 29, 16, 30, 0, TimeSpan.Zero);
        var proposal = Proposal14(ProposalStatus.Proposed);

        var approved = proposal.WithStatus(ProposalStatus.Approved, at, "council");

        Assert.Equal(ProposalStatus.Proposed, proposal.Status);
        Assert.Empty(proposal.Timeline);
        Assert.Equal(ProposalStatus.Approved, approved.Status);
        var e = Assert.Single(approved.Timeline);
        Assert.Equal((at, ProposalEventKind.Approved, "council"), (e.At, e.Kind, e.Actor));
        Assert.True(approved.IsOpenForDraws);
    }

    [Fact]
    public void WithMilestone_RecordsReportDateAndEvent()
    {
        var at = new DateTimeOffset(2022, 7, 1, 9, 0, 0, TimeSpan.Zero);

        var reported = Proposal14().WithMilestone(1, MilestoneStatus.Reported, "45,500 community members; 32 active ambassadors.", at, "rhee");

        var m = reported.Milestones[0];
        Assert.Equal((MilestoneStatus.Reported, new DateOnly(2022, 7, 1)), (m.Status, m.Date));
        Assert.StartsWith("45,500", m.ReportText, StringComparison.Ordinal);
        Assert.Equal(MilestoneStatus.Open, reported.Milestones[1].Status);
        Assert.Equal(ProposalEventKind.MilestoneReported, reported.Timeline.Single().Kind);
    }

    [Fact]
    public void WithMilestone_UnknownNumber_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Proposal14().WithMilestone(3, MilestoneStatus.Completed, "x", DateTimeOffset.UnixEpoch, "rhee"));
    }
}
