using System.Globalization;

namespace Embassy.Domain.Rules;

/// <summary>What a line of a member's reward explanation is.</summary>
public enum RewardLineKind
{
    /// <summary>A department share: department pool × my points ÷ department total (R5).</summary>
    DepartmentShare,

    /// <summary>A share of the threshold model (V.1–V.3 reward or surplus, R5), not a department pool.</summary>
    Share,

    /// <summary>Rank bonus and approved ad-hoc bonuses (R6).</summary>
    Bonus,

    /// <summary>What a clamping fiat cap held back (R10); its amount is subtracted.</summary>
    Cap,
}

/// <summary>
/// One line of a member's reward explanation. For a department share, <see cref="Floor"/> is
/// ⌊pool × points ÷ total⌋ in smallest units and <see cref="LeftoverUnits"/> the units the largest remainder added (R5),
/// so <c>Amount = Floor + LeftoverUnits</c>.
/// </summary>
/// <param name="Kind">What the line is.</param>
/// <param name="Code">Department or share code; empty for bonus and cap.</param>
/// <param name="Amount">The line's amount (a cap's amount is subtracted from the total).</param>
/// <param name="DepartmentPool">The department's pool (department shares only).</param>
/// <param name="MemberPoints">The member's points counted in the department.</param>
/// <param name="DepartmentPoints">Every member's points in the department.</param>
/// <param name="Floor">The floored exact share.</param>
/// <param name="LeftoverUnits">Units given by the largest remainder.</param>
/// <param name="Text">The line as people read it, amounts exact.</param>
public sealed record RewardLine(
    RewardLineKind Kind,
    string Code,
    TokenAmount Amount,
    TokenAmount? DepartmentPool,
    Points? MemberPoints,
    Points? DepartmentPoints,
    TokenAmount? Floor,
    UInt128 LeftoverUnits,
    string Text)
{
    /// <summary>The line's signed contribution to the total: a cap subtracts.</summary>
    public bool Subtracts => Kind == RewardLineKind.Cap;
}

/// <summary>One department share of a member's month, as the frozen month recorded it.</summary>
/// <param name="Code">Department code.</param>
/// <param name="DepartmentPool">The department's pool (after carry-in and redistribution, R4).</param>
/// <param name="DepartmentPoints">Total points of all members in the department.</param>
/// <param name="MemberPoints">The member's points in the department.</param>
/// <param name="Share">The member's share as paid.</param>
public sealed record DepartmentShare(string Code, TokenAmount DepartmentPool, Points DepartmentPoints, Points MemberPoints, TokenAmount Share);

/// <summary>A member's reward explained line by line; the lines sum to <see cref="Total"/> to the unit.</summary>
/// <param name="Lines">Department shares, other shares, bonus, cap.</param>
/// <param name="Total">What the month pays the member.</param>
public sealed record RewardExplanation(IReadOnlyList<RewardLine> Lines, TokenAmount Total)
{
    /// <summary>
    /// Explains a member's month from its recorded parts (R5, R6, R10). Refuses (<c>REWARD_UNEXPLAINED</c>) a share
    /// that is not its floored exact share or one unit above it, and parts that do not sum to the total: an explanation
    /// that did not add up would be worse than none.
    /// </summary>
    /// <param name="departments">Department shares (R5).</param>
    /// <param name="otherShares">Shares that are not department pools (threshold model "reward", "surplus").</param>
    /// <param name="bonus">Rank and ad-hoc bonuses (R6).</param>
    /// <param name="capped">Held back by a clamping fiat cap (R10), zero when none.</param>
    /// <param name="total">The amount paid.</param>
    public static Result<RewardExplanation> Explain(
        IReadOnlyList<DepartmentShare> departments,
        IReadOnlyList<KeyValuePair<string, TokenAmount>> otherShares,
        TokenAmount bonus,
        TokenAmount capped,
        TokenAmount total)
    {
        ArgumentNullException.ThrowIfNull(departments);
        ArgumentNullException.ThrowIfNull(otherShares);
        var lines = new List<RewardLine>();
        var errors = new List<Diagnostic>();
        var token = total.Token;
        foreach (var d in departments)
        {
            if (d.Share.IsZero && d.MemberPoints.Hundredths == 0)
            {
                continue;
            }

            if (d.DepartmentPoints.Hundredths <= 0 || d.MemberPoints.Hundredths < 0 || d.MemberPoints > d.DepartmentPoints)
            {
                errors.Add(Diagnostic.Error("REWARD_UNEXPLAINED", $"{d.Code}: {d.MemberPoints} of {d.DepartmentPoints} points cannot make a share."));
                continue;
            }

            // R5: floor(pool × points / total); the largest remainder adds at most one unit.
            var exact = d.DepartmentPool.Units * (UInt128)(ulong)d.MemberPoints.Hundredths;
            var floor = exact / (UInt128)(ulong)d.DepartmentPoints.Hundredths;
            if (d.Share.Units < floor || d.Share.Units > floor + 1)
            {
                errors.Add(Diagnostic.Error("REWARD_UNEXPLAINED", $"{d.Code}: the share {d.Share} is not {d.DepartmentPool} × {d.MemberPoints} ÷ {d.DepartmentPoints}."));
                continue;
            }

            var leftover = d.Share.Units - floor;
            var text = string.Create(
                CultureInfo.InvariantCulture,
                $"{d.Code}: {d.DepartmentPool} × {d.MemberPoints} ÷ {d.DepartmentPoints} points = {d.Share}")
                + (leftover > 0 ? " (the exact share rounded down, plus one leftover unit for a largest remainder, R5)" : " (the exact share rounded down, R5)");
            lines.Add(new RewardLine(RewardLineKind.DepartmentShare, d.Code, d.Share, d.DepartmentPool, d.MemberPoints, d.DepartmentPoints, token.Units(floor), leftover, text));
        }

        foreach (var (code, amount) in otherShares)
        {
            var what = code switch
            {
                "reward" => "reward: full reward × percentage (threshold model, R5)",
                "surplus" => "surplus: an equal part of the surplus for members at 90 % or more (R5)",
                _ => code,
            };
            lines.Add(new RewardLine(RewardLineKind.Share, code, amount, null, null, null, null, 0, $"{what} = {amount}"));
        }

        if (!bonus.IsZero)
        {
            lines.Add(new RewardLine(RewardLineKind.Bonus, string.Empty, bonus, null, null, null, null, 0, $"plus bonus (rank and approved ad-hoc, R6) = {bonus}"));
        }

        if (!capped.IsZero)
        {
            lines.Add(new RewardLine(RewardLineKind.Cap, string.Empty, capped, null, null, null, null, 0, $"minus the fiat cap's hold-back (returned to the treasury, R10) = {capped}"));
        }

        if (errors.Count > 0)
        {
            return Result<RewardExplanation>.Fail(errors);
        }

        UInt128 plus = 0;
        UInt128 minus = 0;
        foreach (var l in lines)
        {
            if (l.Subtracts)
            {
                minus += l.Amount.Units;
            }
            else
            {
                plus += l.Amount.Units;
            }
        }

        if (plus < minus || plus - minus != total.Units)
        {
            return Result<RewardExplanation>.Fail("REWARD_UNEXPLAINED", $"The parts of the reward do not sum to the {total} paid.");
        }

        return Result<RewardExplanation>.Ok(new RewardExplanation(lines, total));
    }

    /// <summary>Explains one member's month of a computed allocation.</summary>
    /// <exception cref="ArgumentException">The member is not in the month.</exception>
    public static Result<RewardExplanation> Explain(MonthAllocation month, string memberId)
    {
        ArgumentNullException.ThrowIfNull(month);
        var m = month.Members.FirstOrDefault(x => string.Equals(x.Id, memberId, StringComparison.Ordinal))
            ?? throw new ArgumentException($"Member '{memberId}' is not in {month.Period}.", nameof(memberId));
        var byCode = month.Departments.ToDictionary(d => d.Code, StringComparer.Ordinal);
        var departments = new List<DepartmentShare>();
        var others = new List<KeyValuePair<string, TokenAmount>>();
        foreach (var (code, share) in m.Shares)
        {
            if (byCode.TryGetValue(code, out var d))
            {
                departments.Add(new DepartmentShare(code, d.Pool, d.Points, m.Points.TryGetValue(code, out var p) ? p : Points.Zero, share));
            }
            else
            {
                others.Add(new(code, share));
            }
        }

        return Explain(departments, others, m.Bonus, m.Capped ?? month.Token.Zero, m.Total);
    }

    /// <summary>The lines' signed sum, which equals <see cref="Total"/>.</summary>
    public TokenAmount Sum()
    {
        var plus = Total.Token.Zero;
        var minus = Total.Token.Zero;
        foreach (var l in Lines)
        {
            if (l.Subtracts)
            {
                minus += l.Amount;
            }
            else
            {
                plus += l.Amount;
            }
        }

        return plus - minus;
    }
}
