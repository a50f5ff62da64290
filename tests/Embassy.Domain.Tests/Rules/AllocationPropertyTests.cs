using Embassy.Domain.Rules;
using FsCheck;
using FsCheck.Fluent;
using static Embassy.Domain.Tests.TestPolicies;

namespace Embassy.Domain.Tests.Rules;

/// <summary>R5 invariants over random members, scores and weights (FsCheck).</summary>
public class AllocationPropertyTests
{
    private static readonly string[] Selectable = ["CM", "MK", "CC", "BD", "TECH"];

    /// <summary>A random month: weights (summing to 100 %), pool, members and their 2–3 departments with scores.</summary>
    private sealed record Case(int[] Weights, ulong PoolTokens, (string Id, (string Dept, int Effort, int Result)[] Scores)[] Members);

    private static Arbitrary<Case> Cases()
    {
        var gen =
            from raw in Gen.ArrayOf(Gen.Choose(1, 50), 7)
            from pool in Gen.Choose(1, 500_000)
            from n in Gen.Choose(1, 40)
            from members in Gen.ArrayOf(
                from k in Gen.Choose(2, 3)
                from depts in Gen.Shuffle(Selectable)
                from extra in Gen.Elements("", "BASIC", "OTHERS")
                from scores in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 20), Gen.Choose(0, 20)), 4)
                select depts.Take(k).Concat(extra.Length > 0 ? [extra] : []).Select((d, i) => (d, scores[i].Item1, scores[i].Item2)).ToArray(),
                n)
            select new Case(ToBasisPoints(raw), (ulong)pool, members.Select((s, i) => ($"m{i:D3}", s)).ToArray());
        return Arb.From(gen);
    }

    private static int[] ToBasisPoints(int[] raw)
    {
        // Scale random weights to basis points summing to exactly 10,000 (the last takes the rounding).
        var sum = raw.Sum();
        var bp = raw.Select(r => r * 10_000 / sum).ToArray();
        bp[^1] += 10_000 - bp.Sum();
        return bp;
    }

    private static Policy PolicyOf(Case c)
    {
        var v4 = V4();
        return v4 with
        {
            Pool = v4.Pool with { Base = Token.Pha.Whole(c.PoolTokens) },
            Departments = [.. v4.Departments.Select((d, i) => d with { WeightBasisPoints = c.Weights[i] })],
        };
    }

    private static MonthInput InputOf(Case c, Func<IEnumerable<ScoreLine>, IEnumerable<ScoreLine>>? reorder = null) => new()
    {
        Policy = PolicyOf(c),
        Period = new Period(2024, 9),
        Members = c.Members.Select(m => M(m.Id)).ToList(),
        Scores = (reorder ?? (x => x))(c.Members.SelectMany(m => m.Scores.Select(s => ER(m.Id, s.Dept, s.Effort, s.Result)))).ToList(),
    };

    [Fact]
    public void Explanation_OfEveryMember_SumsToTheirTotalToTheUnit()
    {
        // The member's page explains the reward line by line from the month's result; it must add up exactly (R5).
        Check.QuickThrowOnFailure(Prop.ForAll(Cases(), c =>
        {
            var month = MonthEngine.Compute(InputOf(c)).Value;
            return month.Members.All(m => RewardExplanation.Explain(month, m.Id) is { IsSuccess: true } e && e.Value.Sum() == m.Total);
        }));
    }

    [Fact]
    public void Shares_SumExactlyToEachDepartmentPool_AndNoneIsNegative()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(Cases(), c =>
        {
            var month = MonthEngine.Compute(InputOf(c)).Value;
            foreach (var d in month.Departments)
            {
                var paid = month.Members.Aggregate(UInt128.Zero, (s, m) => s + m.Shares.GetValueOrDefault(d.Code, Token.Pha.Zero).Units);
                var expected = d.Points > Points.Zero ? d.Pool.Units : UInt128.Zero;
                if (paid != expected)
                {
                    return false;
                }
            }

            // The whole pool is accounted for: paid + unspent + carried.
            return month.PaidFromPool + month.Unspent + month.Carried == month.Pool;
        }));
    }

    [Fact]
    public void MorePoints_NeverGetLess()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(Cases(), c =>
        {
            var month = MonthEngine.Compute(InputOf(c)).Value;
            foreach (var d in month.Departments)
            {
                var ranked = month.Members.Where(m => m.Points.ContainsKey(d.Code)).OrderBy(m => m.Points[d.Code]).ToList();
                for (var i = 1; i < ranked.Count; i++)
                {
                    var lower = ranked[i - 1].Shares.GetValueOrDefault(d.Code, Token.Pha.Zero);
                    var higher = ranked[i].Shares.GetValueOrDefault(d.Code, Token.Pha.Zero);
                    if (ranked[i].Points[d.Code] > ranked[i - 1].Points[d.Code] && higher < lower)
                    {
                        return false;
                    }
                }
            }

            return true;
        }));
    }

    [Fact]
    public void SameInput_SameOutput_AndShufflingRowsChangesNothing()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(Cases(), Arb.From(Gen.Choose(0, int.MaxValue)), (c, seed) =>
        {
            var a = MonthEngine.Compute(InputOf(c)).Value;
            var b = MonthEngine.Compute(InputOf(c)).Value;
            var rng = new Random(seed);
            var shuffled = InputOf(c, rows => rows.OrderBy(_ => rng.Next()));
            shuffled = shuffled with { Members = shuffled.Members.OrderBy(_ => rng.Next()).ToList() };
            var s = MonthEngine.Compute(shuffled).Value;
            static string Key(MonthAllocation m) => string.Join("|", m.Members.Select(x => $"{x.Id}:{string.Join(",", x.Shares.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Key + "=" + k.Value.Units))}"));
            return Key(a) == Key(b) && Key(a) == Key(s);
        }));
    }

    [Fact]
    public void ThresholdModel_PaysAtMostThePool_AndCarriesTheRest()
    {
        var gen =
            from n in Gen.Choose(1, 30)
            from scores in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 50), Gen.Choose(0, 30)), n)
            from pool in Gen.Choose(1, 1_000_000)
            select (scores, pool);
        Check.QuickThrowOnFailure(Prop.ForAll(Arb.From(gen), x =>
        {
            var input = new MonthInput
            {
                Policy = V1(),
                Period = new Period(2022, 8),
                Members = x.scores.Select((_, i) => M($"m{i:D2}")).ToList(),
                Scores = x.scores.SelectMany((s, i) => new[] { S($"m{i:D2}", "CM", s.Item1), S($"m{i:D2}", "VSM", s.Item2) }).ToList(),
                PoolOverride = Token.Pha.Whole((ulong)x.pool),
            };
            var month = MonthEngine.Compute(input).Value;
            return month.PaidFromPool + month.Carried == month.Pool
                && month.Members.All(m => !m.Percent.AtLeast(40) ? m.PoolShare.IsZero : true);
        }));
    }
}
