namespace Embassy.Domain.Rules;

/// <summary>A member as the engine sees them for one month (RULES.md R2).</summary>
/// <param name="Id">Stable member id (the GitHub login in Embassy).</param>
/// <param name="Rank">Rank on the first day of the month.</param>
/// <param name="Joined">First day in the program, if known.</param>
/// <param name="Left">Day the member left, if they did.</param>
/// <param name="Region">Region or crew, for reports.</param>
public sealed record Member(string Id, Rank Rank, DateOnly? Joined = null, DateOnly? Left = null, string? Region = null)
{
    /// <summary>True when the member is in the program on <paramref name="day"/>.</summary>
    public bool ActiveOn(DateOnly day) => (Joined is null || Joined <= day) && (Left is null || Left > day);

    /// <summary>True when the member is in the program at any time during <paramref name="period"/>.</summary>
    public bool ActiveDuring(Period period) =>
        (Joined is null || Joined <= period.LastDay) && (Left is null || Left > period.FirstDay);
}

/// <summary>
/// One reviewed score: a member's points in one department or task for the month. Either
/// <paramref name="Effort"/> and <paramref name="Result"/> (R3: 0–20 each) or plain <paramref name="Points"/>.
/// </summary>
/// <param name="Member">Member id.</param>
/// <param name="Department">Department or supplementary task code.</param>
/// <param name="Effort">Effort points.</param>
/// <param name="Result">Result points.</param>
/// <param name="Points">Plain points, when effort/result are not split.</param>
/// <param name="Position">Where the line came from (a CSV line), for messages.</param>
public sealed record ScoreLine(string Member, string Department, Points? Effort, Points? Result, Points? Points, SourcePosition? Position = null)
{
    /// <summary>The line's total points.</summary>
    public Points Total => Points ?? (Effort ?? Embassy.Domain.Points.Zero) + (Result ?? Embassy.Domain.Points.Zero);
}

/// <summary>The departments a member declared for the month, with V.3's own weights where the policy has them (R3).</summary>
/// <param name="Member">Member id.</param>
/// <param name="Departments">Chosen department codes.</param>
/// <param name="WeightsPercent">V.3: each chosen department's share of the shared points, in percent, summing to 100.</param>
/// <param name="Position">Where the declaration came from.</param>
public sealed record MemberChoice(string Member, IReadOnlyList<string> Departments, IReadOnlyDictionary<string, decimal>? WeightsPercent = null, SourcePosition? Position = null);

/// <summary>How a closed month ended for a member, for streaks (R7, R8).</summary>
public enum MonthStatus
{
    /// <summary>An accepted, scored report.</summary>
    Accepted,

    /// <summary>Filed after the deadline: not scored, counts as 0 % (R7).</summary>
    Late,

    /// <summary>No report.</summary>
    Missing,
}

/// <summary>A member's result in an earlier closed month (R8 streaks).</summary>
/// <param name="Period">The month.</param>
/// <param name="Member">Member id.</param>
/// <param name="Rank">The member's rank in that month.</param>
/// <param name="Percent">The month's percentage.</param>
/// <param name="Status">How the month ended.</param>
public sealed record ClosedMonth(Period Period, string Member, Rank Rank, Percent Percent, MonthStatus Status);

/// <summary>An approved bonus outside the pool (R6), audited by reason and approver.</summary>
public sealed record AdHocBonus(string Member, TokenAmount Amount, string Reason, string Approver);

/// <summary>Everything the engine needs to compute one month.</summary>
public sealed record MonthInput
{
    /// <summary>The policy in force.</summary>
    public required Policy Policy { get; init; }

    /// <summary>The month.</summary>
    public required Period Period { get; init; }

    /// <summary>The program's members.</summary>
    public required IReadOnlyList<Member> Members { get; init; }

    /// <summary>The month's reviewed scores.</summary>
    public required IReadOnlyList<ScoreLine> Scores { get; init; }

    /// <summary>Declared departments; when absent, a member's chosen departments are the selectable ones they have scores in.</summary>
    public IReadOnlyList<MemberChoice> Choices { get; init; } = [];

    /// <summary>Earlier closed months, any order.</summary>
    public IReadOnlyList<ClosedMonth> History { get; init; } = [];

    /// <summary>Amounts carried into this month: per department code (R4 carry_forward), or under "" for the whole pool (R5 threshold surplus).</summary>
    public IReadOnlyDictionary<string, TokenAmount> CarriedIn { get; init; } = new Dictionary<string, TokenAmount>();

    /// <summary>Approved ad-hoc bonuses (R6).</summary>
    public IReadOnlyList<AdHocBonus> Bonuses { get; init; } = [];

    /// <summary>Replaces the policy's computed base pool for this month (the program lead's decision), when set.</summary>
    public TokenAmount? PoolOverride { get; init; }

    /// <summary>
    /// Recorded token prices (any months): a policy with a fiat cap (R10) converts its dollar cap with the month's
    /// price. Without one, a cap that covers a paid member is an error, never a guess.
    /// </summary>
    public IReadOnlyList<Treasury.PriceRecord> Prices { get; init; } = [];
}
