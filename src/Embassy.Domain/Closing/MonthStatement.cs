using Embassy.Domain.Rules;

namespace Embassy.Domain.Closing;

/// <summary>
/// A month's result as people read it (RULES.md R4–R8): the engine's <see cref="MonthAllocation"/> with the names of the
/// members and departments, typed. The preview computes one; the lock freezes it and it never changes after. Pages, the
/// API, downloads, payout files and later months' streaks all read this one shape.
/// </summary>
public sealed record MonthStatement
{
    /// <summary>The month.</summary>
    public required Period Period { get; init; }

    /// <summary>Id, version and content hash of the policy that computed it (R1).</summary>
    public required PolicyReference Policy { get; init; }

    /// <summary>The policy's name as people read it.</summary>
    public required string PolicyName { get; init; }

    /// <summary>The token of every amount, with the policy's display rule.</summary>
    public required Token Token { get; init; }

    /// <summary>The month's pool, carried amounts included (R4).</summary>
    public required TokenAmount Pool { get; init; }

    /// <summary>What returns to the treasury, with what a fiat cap held back (R4, R10).</summary>
    public required TokenAmount Unspent { get; init; }

    /// <summary>What is carried to the next month (R4, R5).</summary>
    public required TokenAmount Carried { get; init; }

    /// <summary>Members counted as active on the first day (R4).</summary>
    public required int ActiveMembers { get; init; }

    /// <summary>Each department's month, in the policy's order.</summary>
    public required IReadOnlyList<StatementDepartment> Departments { get; init; }

    /// <summary>Each member's month, in the engine's order.</summary>
    public required IReadOnlyList<StatementMember> Members { get; init; }

    /// <summary>Rank changes the engine proposed (R8), for an admin to confirm.</summary>
    public required IReadOnlyList<RankProposal> Proposals { get; init; }

    /// <summary>Amounts carried out per department code ("" for a whole-pool carry).</summary>
    public required IReadOnlyDictionary<string, TokenAmount> CarriedOut { get; init; }

    /// <summary>Everything the month pays: the sum of the members' totals.</summary>
    public TokenAmount TotalPaid => Members.Aggregate(Token.Zero, (a, m) => a + m.Total);

    /// <summary>The member with <paramref name="memberId"/> (a registry id), or null.</summary>
    public StatementMember? Member(long memberId) => memberId > 0 ? Members.FirstOrDefault(m => m.MemberId == memberId) : null;

    /// <summary>The statement of an engine result.</summary>
    /// <param name="allocation">The engine's result.</param>
    /// <param name="policyName">The policy's name.</param>
    /// <param name="departmentName">A department's name from its code (the code when the policy has none).</param>
    /// <param name="names">Registry id and display name by engine id; a member not in it gets id 0 and the engine id as name.</param>
    public static MonthStatement From(
        MonthAllocation allocation, string policyName, Func<string, string> departmentName, IReadOnlyDictionary<string, (long Id, string Name)> names)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        ArgumentNullException.ThrowIfNull(departmentName);
        ArgumentNullException.ThrowIfNull(names);
        return new MonthStatement
        {
            Period = allocation.Period,
            Policy = allocation.Policy,
            PolicyName = policyName,
            Token = allocation.Token,
            Pool = allocation.Pool,
            Unspent = allocation.Unspent,
            Carried = allocation.Carried,
            ActiveMembers = allocation.PoolBreakdown.ActiveMembers,
            CarriedOut = allocation.CarriedOut.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
            Departments = allocation.Departments.Select(d => new StatementDepartment(d.Code, departmentName(d.Code), d.Pool, d.Points, d.Unspent)).ToArray(),
            Members = allocation.Members.Select(m =>
            {
                var (id, name) = names.TryGetValue(m.Id, out var n) ? n : (0L, m.Id);
                return new StatementMember(
                    id,
                    m.Id,
                    name,
                    m.Rank,
                    m.Status,
                    m.Percent,
                    // The engine's read-only maps as they are (structs over the month's columns, in the policy's order of
                    // codes): copying them into two dictionaries per member was a tenth of a 10,000-member lock.
                    m.Chosen,
                    m.Points,
                    m.Shares,
                    m.PoolShare,
                    m.Bonus,
                    m.Capped ?? allocation.Token.Zero,
                    m.Total);
            }).ToArray(),
            Proposals = allocation.Proposals,
        };
    }
}

/// <summary>A department's month.</summary>
/// <param name="Code">The department's code.</param>
/// <param name="Name">Its name.</param>
/// <param name="Pool">Its pool (R4).</param>
/// <param name="Points">Points scored in it.</param>
/// <param name="Unspent">What it returns to the treasury.</param>
public sealed record StatementDepartment(string Code, string Name, TokenAmount Pool, Points Points, TokenAmount Unspent);

/// <summary>A member's month.</summary>
/// <param name="MemberId">Registry id; 0 for a member computed outside the registry (the CLI).</param>
/// <param name="Login">The engine's id: the GitHub login, lower case.</param>
/// <param name="Name">The display name.</param>
/// <param name="Rank">Rank during the month.</param>
/// <param name="Status">Accepted, late or missing (R7).</param>
/// <param name="Percent">The month's percentage (R8).</param>
/// <param name="Chosen">Chosen departments.</param>
/// <param name="Points">Points per department or task.</param>
/// <param name="Shares">Share of the pool per department (or reward/surplus).</param>
/// <param name="PoolShare">The sum of <paramref name="Shares"/>.</param>
/// <param name="Bonus">Rank and ad-hoc bonuses (R6).</param>
/// <param name="Capped">What a clamping fiat cap held back (R10); zero when none did.</param>
/// <param name="Total">What the month pays the member: pool share plus bonus, less what a cap held back (as frozen).</param>
public sealed record StatementMember(
    long MemberId,
    string Login,
    string Name,
    Rank Rank,
    MonthStatus Status,
    Percent Percent,
    IReadOnlyList<string> Chosen,
    IReadOnlyDictionary<string, Points> Points,
    IReadOnlyDictionary<string, TokenAmount> Shares,
    TokenAmount PoolShare,
    TokenAmount Bonus,
    TokenAmount Capped,
    TokenAmount Total);
