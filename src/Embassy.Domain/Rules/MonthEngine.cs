using System.Buffers;
using System.Globalization;

namespace Embassy.Domain.Rules;

/// <summary>
/// Computes a month under a policy (RULES.md R3–R8): the pool with growth, department pools, each member's
/// exact share, bonuses, unspent and carried amounts, percentages and proposed rank changes.
/// A pure function: the same input gives the same output, and rows may come in any order.
/// Input with any error computes nothing (no partial results).
/// </summary>
public static class MonthEngine
{
    /// <summary>Computes the month, or returns every input error found.</summary>
    public static Result<MonthAllocation> Compute(MonthInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var policy = input.Policy;
        var diagnostics = new List<Diagnostic>();
        if (!policy.Covers(input.Period))
        {
            diagnostics.Add(Diagnostic.Warning("POLICY_NOT_IN_FORCE", $"Policy {policy.Id} is in force {policy.From}–{policy.Until?.ToString() ?? "open-ended"}, not in {input.Period}."));
        }

        var sheets = ScoreSheet.Build(input, diagnostics, out var count);
        try
        {
            if (diagnostics.Any(d => d.IsError))
            {
                return Result<MonthAllocation>.Fail(diagnostics);
            }

            var allocation = policy.Model == RewardModel.DepartmentPools
                ? DepartmentPools(input, sheets.AsSpan(0, count), diagnostics)
                : Threshold(input, sheets[..count], diagnostics);
            if (allocation is null)
            {
                return Result<MonthAllocation>.Fail(diagnostics);
            }

            // R10: the policy's member caps flag or clamp what the month pays, with the month's recorded price.
            var capped = MonthCaps.Apply(allocation, policy, input.Prices);
            diagnostics.AddRange(capped.Diagnostics);
            return capped.IsSuccess ? Result<MonthAllocation>.From(capped.Value, diagnostics) : Result<MonthAllocation>.Fail(diagnostics);
        }
        finally
        {
            ArrayPool<ScoreSheet>.Shared.Return(sheets, clearArray: true);
        }
    }

    /// <summary>R4: base + floor(max(0, active − baseline) / step) × growth, with active counted on the first day.</summary>
    public static PoolBreakdown PoolOf(Policy policy, Period period, IReadOnlyList<Member> members, TokenAmount? baseOverride = null, TokenAmount? carriedIn = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(members);
        var floor = policy.RankIndex(policy.Pool.ActiveFrom);
        var day = period.FirstDay;
        var active = 0;
        foreach (var m in members)
        {
            var index = policy.RankIndex(m.Rank);
            if (index >= floor && index >= 0 && policy.Ranks[index].Member && m.ActiveOn(day))
            {
                active++;
            }
        }

        var growth = policy.Token.Zero;
        if (policy.Pool.GrowthStep > 0 && active > policy.Pool.BaselineMembers)
        {
            growth = policy.Pool.GrowthAmount * (ulong)((active - policy.Pool.BaselineMembers) / policy.Pool.GrowthStep);
        }

        return new PoolBreakdown(baseOverride ?? policy.Pool.Base, baseOverride is null ? growth : policy.Token.Zero, carriedIn ?? policy.Token.Zero, active, baseOverride is not null);
    }

    private static MonthAllocation DepartmentPools(MonthInput input, ReadOnlySpan<ScoreSheet> sheets, List<Diagnostic> diagnostics)
    {
        var policy = input.Policy;
        var token = policy.Token;
        var carriedIn = input.CarriedIn;
        var carriedTotal = carriedIn.Values.Aggregate(token.Zero, (a, b) => a + b);
        var breakdown = PoolOf(policy, input.Period, input.Members, input.PoolOverride, carriedTotal);
        var basePool = breakdown.Base + breakdown.Growth;
        var departments = policy.Departments;

        // R5 applied to departments too: weights split the pool with largest remainders, so the parts sum exactly.
        var deptPools = LargestRemainder.Split(
            basePool.Units,
            departments.Select(d => (UInt128)(ulong)d.WeightBasisPoints).ToArray(),
            departments.Select(d => d.Code).ToArray());
        for (var i = 0; i < departments.Count; i++)
        {
            if (carriedIn.TryGetValue(departments[i].Code, out var c))
            {
                deptPools[i] += c.Units;
            }
        }

        // Totals per department, and how many members have points in each: one pass over the sheets, visiting only
        // the departments a member has points in (a mask), not every department for every member.
        var totals = new long[departments.Count];
        var counts = new int[departments.Count];
        foreach (ref readonly var s in sheets)
        {
            for (var rest = s.DepartmentMask; rest != 0; rest &= rest - 1)
            {
                var d = System.Numerics.BitOperations.TrailingZeroCount(rest);
                if (d < departments.Count && s.Counts(d, out var pts))
                {
                    totals[d] += pts.Hundredths;
                    if (pts.Hundredths > 0)
                    {
                        counts[d]++;
                    }
                }
            }
        }

        var unspent = new UInt128[departments.Count];
        var carried = new UInt128[departments.Count];
        var redistributed = new UInt128[departments.Count];
        var empty = Enumerable.Range(0, departments.Count).Where(i => totals[i] == 0 && deptPools[i] > 0).ToList();
        if (empty.Count > 0)
        {
            var rule = policy.Pool.Unspent;
            var receivers = Enumerable.Range(0, departments.Count).Where(i => totals[i] > 0).ToList();
            if (rule == UnspentRule.Redistribute && receivers.Count > 0)
            {
                // R4 redistribute: the empty departments' pools are shared among the others by weight.
                UInt128 freed = 0;
                foreach (var i in empty)
                {
                    freed += deptPools[i];
                    redistributed[i] = deptPools[i];
                    deptPools[i] = 0;
                }

                var extra = LargestRemainder.Split(
                    freed,
                    receivers.Select(i => (UInt128)(ulong)Math.Max(departments[i].WeightBasisPoints, 1)).ToArray(),
                    receivers.Select(i => departments[i].Code).ToArray());
                for (var k = 0; k < receivers.Count; k++)
                {
                    deptPools[receivers[k]] += extra[k];
                }
            }
            else
            {
                if (rule == UnspentRule.Redistribute)
                {
                    diagnostics.Add(Diagnostic.Warning("POOL_NOBODY_SCORED", "Nobody scored in any department; the whole pool returns to the treasury."));
                }

                foreach (var i in empty)
                {
                    if (rule == UnspentRule.CarryForward)
                    {
                        carried[i] = deptPools[i];
                    }
                    else
                    {
                        unspent[i] = deptPools[i];
                    }
                }
            }
        }

        // R5: member's share = department pool × points / department total, largest remainder.
        var deptCodes = departments.Select(d => d.Code).ToArray();
        var shareValues = new UInt128[sheets.Length * departments.Count]; // one array of units, a slice per member
        var shareMasks = ArrayPool<ulong>.Shared.Rent(Math.Max(sheets.Length, 1)); // scratch, returned below
        shareMasks.AsSpan().Clear();

        // The members with points in each department, gathered for all departments in one more pass: department d's
        // rows are at starts[d] .. starts[d] + counts[d] of one rented array of rows and one of weights, in sheet
        // (member id) order. Nothing is allocated per member.
        var starts = new int[departments.Count + 1];
        var widest = 0;
        for (var d = 0; d < departments.Count; d++)
        {
            starts[d + 1] = starts[d] + (totals[d] == 0 ? 0 : counts[d]);
            widest = Math.Max(widest, totals[d] == 0 ? 0 : counts[d]);
        }

        var who = ArrayPool<int>.Shared.Rent(Math.Max(starts[^1], 1));
        var weights = ArrayPool<UInt128>.Shared.Rent(Math.Max(starts[^1], 1));
        var parts = ArrayPool<UInt128>.Shared.Rent(Math.Max(widest, 1));
        try
        {
            var next = starts[..^1];
            for (var s = 0; s < sheets.Length; s++)
            {
                for (var rest = sheets[s].DepartmentMask; rest != 0; rest &= rest - 1)
                {
                    var d = System.Numerics.BitOperations.TrailingZeroCount(rest);
                    if (d < departments.Count && totals[d] != 0 && sheets[s].Counts(d, out var p) && p.Hundredths > 0)
                    {
                        who[next[d]] = s;
                        weights[next[d]++] = (UInt128)(ulong)p.Hundredths;
                    }
                }
            }

            for (var d = 0; d < departments.Count; d++)
            {
                var count = starts[d + 1] - starts[d];
                if (totals[d] == 0)
                {
                    continue;
                }

                // Sheets are ordered by member id, so the R5 tie-break by id is the order of the weights.
                LargestRemainder.SplitInKeyOrder(deptPools[d], weights.AsSpan(starts[d], count), parts.AsSpan(0, count));
                for (var k = 0; k < count; k++)
                {
                    var row = who[starts[d] + k];
                    shareValues[row * departments.Count + d] = parts[k];
                    shareMasks[row] |= 1UL << d;
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(who);
            ArrayPool<UInt128>.Shared.Return(weights);
            ArrayPool<UInt128>.Shared.Return(parts);
        }

        var members = new MemberResult[sheets.Length];
        var shareColumn = new UnitsColumn(shareValues, token);
        var pointColumn = new ArrayColumn<Points>(sheets.Length > 0 ? sheets[0].Values : []);
        var adHoc = AdHocBonuses(input);
        for (var i = 0; i < sheets.Length; i++)
        {
            UInt128 poolShare = 0;
            foreach (var part in shareValues.AsSpan(i * departments.Count, departments.Count))
            {
                poolShare += part;
            }

            members[i] = Result(sheets[i], new CodeValues<TokenAmount>(deptCodes, shareColumn, i * departments.Count, shareMasks[i]), token.Units(poolShare), pointColumn, policy, adHoc);
        }

        ArrayPool<ulong>.Shared.Return(shareMasks);

        var deptResults = departments.Select((d, i) => new DepartmentResult(
            d.Code,
            token.Units(deptPools[i]),
            Points.FromHundredths(totals[i]),
            token.Units(unspent[i]),
            token.Units(carried[i]),
            token.Units(redistributed[i]))).ToList();
        var carriedOut = departments.Select((d, i) => (d.Code, Amount: token.Units(carried[i])))
            .Where(x => !x.Amount.IsZero).ToDictionary(x => x.Code, x => x.Amount, StringComparer.Ordinal);

        return new MonthAllocation
        {
            Policy = new PolicyReference(policy.Id, policy.Version, policy.Hash),
            Period = input.Period,
            Token = token,
            Pool = basePool + carriedTotal,
            PoolBreakdown = breakdown,
            Departments = deptResults,
            Members = members,
            Unspent = token.Units(Sum(unspent)),
            Carried = token.Units(Sum(carried)),
            CarriedOut = carriedOut,
            Proposals = Streaks.Propose(input, members),
            Warnings = diagnostics,
        };
    }

    private static MonthAllocation? Threshold(MonthInput input, ScoreSheet[] sheets, List<Diagnostic> diagnostics)
    {
        var policy = input.Policy;
        var token = policy.Token;
        var rule = policy.Threshold!;
        var carriedTotal = input.CarriedIn.Values.Aggregate(token.Zero, (a, b) => a + b);
        var breakdown = PoolOf(policy, input.Period, input.Members, input.PoolOverride, carriedTotal);
        var pool = breakdown.Base + breakdown.Growth + carriedTotal;

        // R5 (V.1–V.3): a full reward per member; below the threshold nothing, otherwise full × percentage.
        // Full reward as a fraction (numerator / divisor) so that full × percentage is floored once, not twice:
        // pool_per_member is pool / members (members with no report count: their share becomes surplus).
        var fullNum = new UInt128[sheets.Length];
        UInt128 fullDiv = 1;
        if (rule.FullReward == FullRewardBasis.PoolPerMember)
        {
            if (sheets.Length > 0)
            {
                Array.Fill(fullNum, pool.Units);
                fullDiv = (UInt128)(ulong)sheets.Length;
            }
        }
        else
        {
            for (var s = 0; s < sheets.Length; s++)
            {
                if (rule.ByRank.TryGetValue(sheets[s].Member.Rank, out var amount))
                {
                    fullNum[s] = amount.Units;
                }
                else
                {
                    diagnostics.Add(Diagnostic.Warning("THRESHOLD_NO_RANK_REWARD", $"Policy {policy.Id} sets no full reward for rank '{sheets[s].Member.Rank}' (member {sheets[s].Member.Id}); they receive nothing."));
                }
            }
        }

        var reward = new UInt128[sheets.Length];
        UInt128 paid = 0;
        for (var s = 0; s < sheets.Length; s++)
        {
            var pct = sheets[s].Percent;
            if (sheets[s].Status == MonthStatus.Accepted && pct.AtLeast(rule.MinPercent) && pct.Denominator > 0)
            {
                var num = (UInt128)(ulong)Math.Min(pct.Numerator, pct.Denominator);
                reward[s] = checked(fullNum[s] * num) / checked(fullDiv * (UInt128)(ulong)pct.Denominator);
                paid += reward[s];
            }
        }

        if (paid > pool.Units)
        {
            diagnostics.Add(Diagnostic.Error("POOL_OVERDRAWN", $"The rewards ({token.Units(paid)}) exceed the month's pool ({pool}); raise the pool or lower the per-rank rewards."));
            return null;
        }

        // Surplus: shared equally by those at ≥ 90 %; if nobody, carried forward to next month (R5).
        var surplus = pool.Units - paid;
        var best = Enumerable.Range(0, sheets.Length).Where(s => sheets[s].Status == MonthStatus.Accepted && sheets[s].Percent.AtLeast(rule.SurplusMinPercent)).ToList();
        var bonusShare = new UInt128[sheets.Length];
        UInt128 carried = 0;
        if (best.Count > 0)
        {
            var parts = LargestRemainder.Split(surplus, best.Select(_ => (UInt128)1).ToArray(), best.Select(s => sheets[s].Member.Id).ToArray());
            for (var k = 0; k < best.Count; k++)
            {
                bonusShare[best[k]] = parts[k];
            }
        }
        else
        {
            carried = surplus;
        }

        var adHoc = AdHocBonuses(input);
        var shareUnits = new UInt128[sheets.Length * ThresholdShareKeys.Length];
        var shareColumn = new UnitsColumn(shareUnits, token);
        var pointColumn = new ArrayColumn<Points>(sheets.Length > 0 ? sheets[0].Values : []);
        var members = new MemberResult[sheets.Length];
        for (var i = 0; i < sheets.Length; i++)
        {
            (shareUnits[2 * i], shareUnits[(2 * i) + 1]) = (reward[i], bonusShare[i]);
            var present = (reward[i] > 0 ? 1UL : 0) | (bonusShare[i] > 0 ? 2UL : 0);
            members[i] = Result(sheets[i], new CodeValues<TokenAmount>(ThresholdShareKeys, shareColumn, 2 * i, present), token.Units(reward[i] + bonusShare[i]), pointColumn, policy, adHoc);
        }

        return new MonthAllocation
        {
            Policy = new PolicyReference(policy.Id, policy.Version, policy.Hash),
            Period = input.Period,
            Token = token,
            Pool = pool,
            PoolBreakdown = breakdown,
            Departments = [],
            Members = members,
            Unspent = token.Zero,
            Carried = token.Units(carried),
            CarriedOut = carried > 0 ? new Dictionary<string, TokenAmount> { [""] = token.Units(carried) } : new Dictionary<string, TokenAmount>(),
            Proposals = Streaks.Propose(input, members),
            Warnings = diagnostics,
        };
    }

    /// <summary>The threshold model's share codes (V.1–V.3): the reward, and the surplus for ≥ 90 % (R5).</summary>
    private static readonly string[] ThresholdShareKeys = ["reward", "surplus"];

    private static MemberResult Result(in ScoreSheet sheet, CodeValues<TokenAmount> shares, TokenAmount poolShare, ArrayColumn<Points> points, Policy policy, Dictionary<string, TokenAmount>? adHoc)
    {
        var token = policy.Token;

        // R6: the promotional bonus is paid for a month with an accepted report (bonus_requires_report).
        var bonus = token.Zero;
        if (!policy.BonusRequiresReport || sheet.Status == MonthStatus.Accepted)
        {
            var bonuses = policy.RankBonuses;
            for (var k = 0; k < bonuses.Count; k++) // by index: an interface's enumerator is an object per member
            {
                if (bonuses[k].Rank == sheet.Member.Rank)
                {
                    bonus += bonuses[k].Amount;
                }
            }
        }

        if (adHoc is not null && adHoc.TryGetValue(sheet.Member.Id, out var extra))
        {
            bonus += extra;
        }

        return new MemberResult
        {
            Id = sheet.Member.Id,
            Rank = sheet.Member.Rank,
            Status = sheet.Status,
            Percent = sheet.Percent,
            Chosen = sheet.Chosen,
            Points = sheet.AllPoints(points),
            Shares = shares,
            Bonus = bonus,
            PoolShare = poolShare,
        };
    }

    /// <summary>R6: approved ad-hoc bonuses summed per member, once per month (null when there are none).</summary>
    private static Dictionary<string, TokenAmount>? AdHocBonuses(MonthInput input)
    {
        if (input.Bonuses.Count == 0)
        {
            return null;
        }

        var sums = new Dictionary<string, TokenAmount>(StringComparer.Ordinal);
        foreach (var b in input.Bonuses)
        {
            sums[b.Member] = sums.TryGetValue(b.Member, out var sum) ? sum + b.Amount : b.Amount;
        }

        return sums;
    }

    private static UInt128 Sum(UInt128[] values)
    {
        UInt128 total = 0;
        foreach (var v in values)
        {
            total = checked(total + v);
        }

        return total;
    }

    internal static string Pct(Percent p) => p.Rounded.ToString("0.##", CultureInfo.InvariantCulture) + " %";
}
