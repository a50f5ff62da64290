namespace Embassy.Domain.Treasury;

/// <summary>Where a spending proposal stands (RULES.md R10).</summary>
public enum ProposalStatus
{
    /// <summary>Submitted, not yet approved; nothing may be drawn.</summary>
    Proposed,

    /// <summary>Approved by the treasury; payouts may be drawn against it.</summary>
    Approved,

    /// <summary>Approved and the funds were received; payouts may be drawn against it.</summary>
    Funded,

    /// <summary>Rejected; nothing may be drawn.</summary>
    Rejected,

    /// <summary>All milestones done or the proposal was closed; nothing more may be drawn.</summary>
    Completed,
}

/// <summary>Where a milestone stands.</summary>
public enum MilestoneStatus
{
    /// <summary>Not yet reported on.</summary>
    Open,

    /// <summary>A report was written (e.g. "Milestone 1 report" in proposal #14).</summary>
    Reported,

    /// <summary>Accepted as done.</summary>
    Completed,
}

/// <summary>What a milestone target counts (RULES.md R10: tracked from the registry and the recorded community counts).</summary>
public enum TargetMetric
{
    /// <summary>Members of at least a given rank on a date, from the member registry ("40+ ambassadors").</summary>
    Ambassadors,

    /// <summary>The sum of the latest recorded channel member counts ("50,000 community users").</summary>
    CommunityUsers,
}

/// <summary>A milestone's measurable target, e.g. at least 40 ambassadors.</summary>
/// <param name="Metric">What is counted.</param>
/// <param name="Value">The count to reach (inclusive).</param>
public sealed record MilestoneTarget(TargetMetric Metric, long Value);

/// <summary>
/// One milestone of a spending proposal: what it costs and, when it has one, the target that shows it is reached
/// (proposal #14: "Grow number of Ambassadors to 40+ people", 80,000 PHA).
/// </summary>
/// <param name="Number">1-based, in the proposal's order.</param>
/// <param name="Title">As the proposal words it.</param>
/// <param name="Cost">Its share of the requested amount.</param>
/// <param name="Target">Its target, or null when it has none that can be counted.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="ReportText">The milestone report, when written.</param>
/// <param name="Date">When it was reported or completed, when it was.</param>
public sealed record Milestone(
    int Number, string Title, TokenAmount Cost, MilestoneTarget? Target, MilestoneStatus Status = MilestoneStatus.Open,
    string? ReportText = null, DateOnly? Date = null);

/// <summary>What happened to a proposal, for its timeline.</summary>
public enum ProposalEventKind
{
    /// <summary>Submitted to the treasury.</summary>
    Submitted,

    /// <summary>Approved.</summary>
    Approved,

    /// <summary>Funds received.</summary>
    Funded,

    /// <summary>Rejected.</summary>
    Rejected,

    /// <summary>A milestone was reported on.</summary>
    MilestoneReported,

    /// <summary>A milestone was accepted as done.</summary>
    MilestoneCompleted,

    /// <summary>An amount was drawn (a month's payout, a bounty).</summary>
    Drawn,

    /// <summary>Closed.</summary>
    Completed,

    /// <summary>Anything else worth a line on the timeline (an on-chain call, a comment).</summary>
    Note,
}

/// <summary>One line of a proposal's timeline.</summary>
/// <param name="At">When, as an instant (the caller's clock, never read here).</param>
/// <param name="Kind">What happened.</param>
/// <param name="Text">A sentence for the page.</param>
/// <param name="Actor">Who did it, when known.</param>
public sealed record ProposalEvent(DateTimeOffset At, ProposalEventKind Kind, string Text, string? Actor = null);

/// <summary>
/// A treasury spending proposal that funds the program (RULES.md R10), e.g. Khala treasury proposal #14: 100,000 PHA
/// requested in April 2022 with milestones of 80,000 and 20,000 PHA. Immutable: a change of status is a new value
/// with an event on the timeline.
/// </summary>
public sealed record SpendingProposal
{
    /// <summary>The treasury's proposal number (14).</summary>
    public required int Number { get; init; }

    /// <summary>The title as submitted.</summary>
    public required string Title { get; init; }

    /// <summary>The proponent's address as submitted (checked against a rail by the application layer).</summary>
    public required string Proponent { get; init; }

    /// <summary>The day it was submitted.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The amount requested, which is the funding draws are measured against.</summary>
    public required TokenAmount Requested { get; init; }

    /// <summary>
    /// What it plans to pay in member rewards a month, when it says (issue #17: #51 planned six months of rewards and
    /// bounties; motion #102 84,000 PHA a month): a month close paying more than this warns. Null: no plan recorded.
    /// </summary>
    public TokenAmount? PlannedPerMonth { get; init; }

    /// <summary>Where it stands.</summary>
    public ProposalStatus Status { get; init; } = ProposalStatus.Proposed;

    /// <summary>Where it can be read (the treasury page or forum thread), when known.</summary>
    public Uri? Link { get; init; }

    /// <summary>The milestones, in order.</summary>
    public IReadOnlyList<Milestone> Milestones { get; init; } = [];

    /// <summary>The timeline, oldest first.</summary>
    public IReadOnlyList<ProposalEvent> Timeline { get; init; } = [];

    /// <summary>True when payouts may be drawn against it: approved or funded.</summary>
    public bool IsOpenForDraws => Status is ProposalStatus.Approved or ProposalStatus.Funded;

    /// <summary>
    /// Checks what a person could have typed wrong: a number, a title, a non-zero request, milestone numbers 1..n,
    /// and that the milestone costs add up to the request (a warning: the proposal text is what it is).
    /// </summary>
    public IReadOnlyList<Diagnostic> Validate()
    {
        var found = new List<Diagnostic>();
        if (Number <= 0)
        {
            found.Add(Diagnostic.Error(TreasuryCodes.ProposalInvalid, "A proposal needs its treasury number (a positive whole number)."));
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            found.Add(Diagnostic.Error(TreasuryCodes.ProposalInvalid, "A proposal needs a title."));
        }

        if (Requested.IsZero)
        {
            found.Add(Diagnostic.Error(TreasuryCodes.ProposalInvalid, "A proposal must request a non-zero amount."));
        }

        if (PlannedPerMonth is { } plan)
        {
            if (!Equals(plan.Token, Requested.Token))
            {
                found.Add(Diagnostic.Error(TreasuryCodes.TokenMismatch, $"The monthly plan is in {plan.Token.Symbol}; the proposal requests {Requested.Token.Symbol}."));
            }
            else if (plan.IsZero)
            {
                found.Add(Diagnostic.Error(TreasuryCodes.ProposalInvalid, "A monthly plan of 0 would warn on every month; leave it empty when the proposal plans none."));
            }
            else if (plan > Requested)
            {
                found.Add(Diagnostic.Error(TreasuryCodes.ProposalInvalid, $"The monthly plan ({plan}) is more than the whole request ({Requested})."));
            }
        }

        for (var i = 0; i < Milestones.Count; i++)
        {
            var m = Milestones[i];
            if (m.Number != i + 1)
            {
                found.Add(Diagnostic.Error(TreasuryCodes.ProposalInvalid, $"Milestone '{m.Title}' is numbered {m.Number}; milestones are numbered 1, 2, … in order."));
            }

            if (!Equals(m.Cost.Token, Requested.Token))
            {
                found.Add(Diagnostic.Error(TreasuryCodes.TokenMismatch, $"Milestone {m.Number} costs {m.Cost.Token.Symbol}; the proposal requests {Requested.Token.Symbol}."));
            }
        }

        if (Milestones.Count > 0 && found.Count == 0)
        {
            var sum = Milestones.Aggregate(Requested.Token.Zero, (a, m) => a + m.Cost);
            if (sum != Requested)
            {
                found.Add(Diagnostic.Warning(TreasuryCodes.MilestonesMismatch, $"The milestones cost {sum} in all; the proposal requests {Requested}."));
            }
        }

        return found;
    }

    /// <summary>A copy with a new status and its event appended to the timeline.</summary>
    public SpendingProposal WithStatus(ProposalStatus status, DateTimeOffset at, string actor, string? text = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var kind = status switch
        {
            ProposalStatus.Approved => ProposalEventKind.Approved,
            ProposalStatus.Funded => ProposalEventKind.Funded,
            ProposalStatus.Rejected => ProposalEventKind.Rejected,
            ProposalStatus.Completed => ProposalEventKind.Completed,
            ProposalStatus.Proposed => ProposalEventKind.Submitted,
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
        };
        return this with
        {
            Status = status,
            Timeline = [.. Timeline, new ProposalEvent(at, kind, text ?? $"Proposal #{Number}: {status.ToString().ToLowerInvariant()}.", actor)],
        };
    }

    /// <summary>A copy with milestone <paramref name="number"/> reported (or completed) and its event on the timeline.</summary>
    public SpendingProposal WithMilestone(int number, MilestoneStatus status, string reportText, DateTimeOffset at, string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (number < 1 || number > Milestones.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "No such milestone.");
        }

        var kind = status == MilestoneStatus.Completed ? ProposalEventKind.MilestoneCompleted : ProposalEventKind.MilestoneReported;
        var milestones = Milestones.ToArray();
        milestones[number - 1] = milestones[number - 1] with { Status = status, ReportText = reportText, Date = DateOnly.FromDateTime(at.UtcDateTime) };
        var verb = status == MilestoneStatus.Completed ? "completed" : "reported";
        return this with
        {
            Milestones = milestones,
            Timeline = [.. Timeline, new ProposalEvent(at, kind, $"Milestone {number.ToString(System.Globalization.CultureInfo.InvariantCulture)} {verb}: {milestones[number - 1].Title}.", actor)],
        };
    }
}
