namespace Embassy.Domain.Rules;

/// <summary>The computed month (RULES.md R4–R8): pool, department pools, members' shares and bonuses, proposals.</summary>
public sealed record MonthAllocation
{
    /// <summary>Id, version and content hash of the policy used (R1).</summary>
    public required PolicyReference Policy { get; init; }

    /// <summary>The month.</summary>
    public required Period Period { get; init; }

    /// <summary>The token.</summary>
    public required Token Token { get; init; }

    /// <summary>The month's pool, including amounts carried in.</summary>
    public required TokenAmount Pool { get; init; }

    /// <summary>How the pool was made.</summary>
    public required PoolBreakdown PoolBreakdown { get; init; }

    /// <summary>Each department's pool and points.</summary>
    public required IReadOnlyList<DepartmentResult> Departments { get; init; }

    /// <summary>Each member's result, ordered by id.</summary>
    public required IReadOnlyList<MemberResult> Members { get; init; }

    /// <summary>Pool left unpaid that returns to the treasury (R4 unspent: return).</summary>
    public required TokenAmount Unspent { get; init; }

    /// <summary>Pool carried to next month (R4 carry_forward per department; R5 surplus nobody reached 90 % for).</summary>
    public required TokenAmount Carried { get; init; }

    /// <summary>Carried amounts per department code ("" for the threshold model's whole-pool carry).</summary>
    public required IReadOnlyDictionary<string, TokenAmount> CarriedOut { get; init; }

    /// <summary>Proposed rank changes for an admin to confirm (R8).</summary>
    public required IReadOnlyList<RankProposal> Proposals { get; init; }

    /// <summary>Warnings about the input (nothing here stopped the computation).</summary>
    public required IReadOnlyList<Diagnostic> Warnings { get; init; }

    /// <summary>Everything paid from the pool (sum of members' pool shares).</summary>
    public TokenAmount PaidFromPool => Members.Aggregate(Token.Zero, (a, m) => a + m.PoolShare);

    /// <summary>Everything paid, bonuses included.</summary>
    public TokenAmount TotalPaid => Members.Aggregate(Token.Zero, (a, m) => a + m.Total);
}

/// <summary>Which policy computed a month (R1).</summary>
public sealed record PolicyReference(string Id, string Version, string Hash);

/// <summary>How the month's pool was made (R4).</summary>
/// <param name="Base">Base pool (or the override).</param>
/// <param name="Growth">Growth for active members above the baseline.</param>
/// <param name="CarriedIn">Amounts carried in from earlier months.</param>
/// <param name="ActiveMembers">Members counted as active on the first day.</param>
/// <param name="Overridden">True when the base came from an override.</param>
public sealed record PoolBreakdown(TokenAmount Base, TokenAmount Growth, TokenAmount CarriedIn, int ActiveMembers, bool Overridden);

/// <summary>One department's month.</summary>
/// <param name="Code">Department code.</param>
/// <param name="Pool">Its pool, after carry-in and redistribution.</param>
/// <param name="Points">Total points scored in it.</param>
/// <param name="Unspent">Returned to the treasury.</param>
/// <param name="Carried">Carried to next month.</param>
/// <param name="Redistributed">Given to other departments.</param>
public sealed record DepartmentResult(string Code, TokenAmount Pool, Points Points, TokenAmount Unspent, TokenAmount Carried, TokenAmount Redistributed);

/// <summary>One member's month.</summary>
public sealed record MemberResult
{
    /// <summary>Member id.</summary>
    public required string Id { get; init; }

    /// <summary>Rank during the month.</summary>
    public required Rank Rank { get; init; }

    /// <summary>Accepted when the member has scores; Missing otherwise.</summary>
    public required MonthStatus Status { get; init; }

    /// <summary>The month's percentage (R8).</summary>
    public required Percent Percent { get; init; }

    /// <summary>Chosen departments.</summary>
    public required IReadOnlyList<string> Chosen { get; init; }

    /// <summary>Points counted per department or task.</summary>
    public required CodeValues<Points> Points { get; init; }

    /// <summary>Share of the pool per department (department pools) or "reward"/"surplus" (threshold).</summary>
    public required CodeValues<TokenAmount> Shares { get; init; }

    /// <summary>Rank bonus plus approved ad-hoc bonuses (R6).</summary>
    public required TokenAmount Bonus { get; init; }

    /// <summary>Sum of <see cref="Shares"/>.</summary>
    public required TokenAmount PoolShare { get; init; }

    /// <summary>
    /// What a clamping fiat cap (R10) held back from this member's pool share and bonus; null when no cap lowered it.
    /// The amount held back returns to the treasury with the month's unspent pool.
    /// </summary>
    public TokenAmount? Capped { get; init; }

    /// <summary>Pool share plus bonus, less what a fiat cap held back: what the month pays the member.</summary>
    public TokenAmount Total => Capped is { } held ? PoolShare + Bonus - held : PoolShare + Bonus;
}

/// <summary>A proposed rank change (R8); takes effect on the first day of the next month once an admin confirms it.</summary>
public sealed record RankProposal(string Member, Rank From, Rank To, string Reason, Period EffectiveFrom);
