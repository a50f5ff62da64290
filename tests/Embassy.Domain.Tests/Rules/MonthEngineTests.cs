using Embassy.Domain.Rules;
using static Embassy.Domain.Tests.TestPolicies;

namespace Embassy.Domain.Tests.Rules;

public class MonthEngineTests
{
    private static readonly Period Sep2024 = new(2024, 9);

    private static MonthAllocation Compute(Policy policy, IReadOnlyList<Member> members, IReadOnlyList<ScoreLine> scores, IReadOnlyList<ClosedMonth>? history = null, Period? period = null)
    {
        var result = MonthEngine.Compute(new MonthInput
        {
            Policy = policy,
            Period = period ?? Sep2024,
            Members = members,
            Scores = scores,
            History = history ?? [],
        });
        Assert.True(result.IsSuccess, string.Join("\n", result.Diagnostics));
        return result.Value;
    }

    private static List<Member> Twenty(params Member[] extra) =>
        Enumerable.Range(1, 20 - extra.Length).Select(i => M($"filler{i:D2}")).Concat(extra).ToList();

    [Fact]
    public void Allocate_FiveMemberCmExample_MemberAGets38Of145OfCmPool()
    {
        // program-history/2024-09-v4.1.md: A 38, B 32, C 20, D 25, E 30 in CM; A gets 38/145 of 25 % of 84,000.
        var members = new[] { "A", "B", "C", "D", "E" }.Select(id => M(id)).ToList();
        var scores = new[] { ("A", 38), ("B", 32), ("C", 20), ("D", 25), ("E", 30) }
            .SelectMany(x => new[] { S(x.Item1, "CM", x.Item2), S(x.Item1, "MK", 10) }).ToList();
        var month = Compute(V4(), members, scores);

        // 21,000 PHA × 38/145 = 5,503.448275862068|965… planck: floor, plus one leftover unit because A has the
        // largest remainder (140/145) of the three leftover units (R5).
        var shares = month.Members.ToDictionary(m => m.Id, m => m.Shares["CM"].Units);
        Assert.Equal((UInt128)5_503_448_275_862_069, shares["A"]);
        Assert.Equal((UInt128)4_634_482_758_620_690, shares["B"]);
        Assert.Equal((UInt128)2_896_551_724_137_931, shares["C"]);
        Assert.Equal((UInt128)3_620_689_655_172_414, shares["D"]);
        Assert.Equal((UInt128)4_344_827_586_206_896, shares["E"]);
        Assert.Equal(Token.Pha.Whole(21_000).Units, shares.Values.Aggregate(UInt128.Zero, (s, v) => s + v));
        Assert.Equal(Points.Of(145), month.Departments.Single(d => d.Code == "CM").Points);
        Assert.Equal("5,503.448275862069", month.Members.Single(m => m.Id == "A").Shares["CM"].Format());
    }

    [Fact]
    public void Allocate_ThreeDepartmentExample_Gives8178Point333PhaToThePlanck()
    {
        // program-history/2024-09-v4.1.md: (30/240)·21,000 + (28/180)·16,800 + (35/200)·16,800 = 8,178.333… PHA.
        var scores = new List<ScoreLine> { S("A", "CM", 30), S("A", "CC", 28), S("A", "MK", 35) };
        // Six others hold the rest: CM 6 × 35 = 210 (of 240), CC 4 × 38 = 152 (of 180), MK 5 × 33 = 165 (of 200).
        // In CC the three leftover planck go to the 38s, whose remainders (120/180) beat A's (60/180) (R5).
        var others = new[] { "B", "C", "D", "E", "F", "G" };
        var members = others.Select(o => M(o)).Append(M("A")).ToList();
        scores.AddRange(others.Select(o => S(o, "CM", 35)));
        scores.AddRange(others.Take(4).Select(o => S(o, "CC", 38)));
        scores.AddRange(others.Take(5).Select(o => S(o, "MK", 33)));
        scores.Add(S("G", "MK", 0));
        var month = Compute(V4(), members, scores);
        var a = month.Members.Single(m => m.Id == "A");

        // 21,000·30/240 = 2,625 exactly; 16,800·28/180 = 2,613.333…; 16,800·35/200 = 2,940 exactly.
        Assert.Equal("2,625", a.Shares["CM"].Format());
        Assert.Equal("2,940", a.Shares["MK"].Format());
        Assert.Equal("2,613.333333333333", a.Shares["CC"].Format());
        Assert.Equal("8,178.333333333333", a.PoolShare.Format());
        foreach (var d in month.Departments.Where(d => d.Points > Points.Zero))
        {
            Assert.Equal(d.Pool.Units, month.Members.Aggregate(UInt128.Zero, (s, m) => s + m.Shares.GetValueOrDefault(d.Code, Token.Pha.Zero).Units));
        }
    }

    [Theory]
    [InlineData(20, 84_000)]
    [InlineData(24, 84_000)]
    [InlineData(25, 105_000)]
    [InlineData(29, 105_000)]
    [InlineData(30, 126_000)]
    [InlineData(31, 126_000)] // R4: floor((31 − 20) / 5) = 2 steps; the "31 → 105,000" contradicts R4 (see the closing note)
    public void PoolOf_GrowsBy21000ForEveryFiveMembersAboveTwenty(int active, ulong expected)
    {
        var members = Enumerable.Range(0, active).Select(i => M($"m{i}", Rank.Candidate)).ToList();
        Assert.Equal(Token.Pha.Whole(expected), MonthEngine.PoolOf(V4(), Sep2024, members) is var b ? b.Base + b.Growth : default);
    }

    [Fact]
    public void PoolOf_CountsOnlyMembersActiveOnFirstDay()
    {
        var members = Enumerable.Range(0, 25).Select(i => M($"m{i}", Rank.Candidate)).ToList();
        members[0] = members[0] with { Joined = new DateOnly(2024, 9, 2) };   // joins after the first day
        members[1] = members[1] with { Left = new DateOnly(2024, 8, 31) };    // left before it
        var b = MonthEngine.PoolOf(V4(), Sep2024, members);
        Assert.Equal(23, b.ActiveMembers);
        Assert.Equal(Token.Pha.Zero, b.Growth);
    }

    [Fact]
    public void Allocate_SeniorAndHeadWithReport_GetRankBonusOutsidePool()
    {
        var members = new List<Member> { M("head", Rank.Head), M("senior", Rank.Senior), M("quiet", Rank.Senior), M("amb") };
        var scores = new List<ScoreLine> { S("head", "CM", 30), S("head", "MK", 30), S("senior", "CM", 20), S("senior", "CC", 20), S("amb", "CM", 10), S("amb", "BD", 10) };
        var month = Compute(V4(), members, scores);
        Assert.Equal(Token.Pha.Whole(4000), month.Members.Single(m => m.Id == "head").Bonus);
        Assert.Equal(Token.Pha.Whole(2000), month.Members.Single(m => m.Id == "senior").Bonus);
        Assert.Equal(Token.Pha.Zero, month.Members.Single(m => m.Id == "quiet").Bonus); // R6: no report, no bonus
        Assert.Equal(MonthStatus.Missing, month.Members.Single(m => m.Id == "quiet").Status);
        Assert.Equal(Token.Pha.Zero, month.Members.Single(m => m.Id == "amb").Bonus);
        Assert.Equal(month.PaidFromPool + Token.Pha.Whole(6000), month.TotalPaid);
    }

    [Fact]
    public void Allocate_EmptyDepartmentWithReturn_LeavesPoolUnspent()
    {
        var month = Compute(V4(), [M("a"), M("b")], [S("a", "CM", 30), S("a", "MK", 20), S("b", "CM", 10), S("b", "MK", 40)]);
        // Nobody in BASIC, CC, BD, TECH, OTHERS: 10+20+10+10+5 = 55 % of 84,000 = 46,200 unspent.
        Assert.Equal(Token.Pha.Whole(46_200), month.Unspent);
        Assert.Equal(Token.Pha.Zero, month.Carried);
        Assert.Equal(month.Pool, month.PaidFromPool + month.Unspent);
    }

    [Fact]
    public void Allocate_EmptyDepartmentWithCarryForward_CarriesItAndNextMonthAddsIt()
    {
        var month = Compute(V4(UnspentRule.CarryForward), [M("a")], [S("a", "CM", 30), S("a", "MK", 20)]);
        Assert.Equal(Token.Pha.Whole(8_400), month.CarriedOut["BD"]);
        Assert.Equal(Token.Pha.Whole(46_200), month.Carried);

        var next = MonthEngine.Compute(new MonthInput
        {
            Policy = V4(UnspentRule.CarryForward),
            Period = Sep2024.Next,
            Members = [M("a")],
            Scores = [S("a", "CM", 30), S("a", "BD", 20)],
            CarriedIn = month.CarriedOut,
        }).Value;
        Assert.Equal(Token.Pha.Whole(8_400 * 2), next.Members.Single().Shares["BD"]);
        Assert.Equal(Token.Pha.Whole(84_000 + 46_200), next.Pool);
    }

    [Fact]
    public void Allocate_EmptyDepartmentWithRedistribute_SharesItAmongOthersByWeight()
    {
        var month = Compute(V4(UnspentRule.Redistribute), [M("a"), M("b")], [S("a", "CM", 30), S("a", "MK", 20), S("b", "MK", 20), S("b", "CM", 1)]);
        Assert.Equal(Token.Pha.Zero, month.Unspent);
        Assert.Equal(month.Pool, month.PaidFromPool);
        // CM:MK = 25:20 of the whole pool, to within the one unit largest remainder may move.
        var cm = month.Departments.Single(d => d.Code == "CM").Pool.Units;
        var mk = month.Departments.Single(d => d.Code == "MK").Pool.Units;
        Assert.Equal(month.Pool.Units, cm + mk);
        var ideal = 84_000 * Token.Pha.UnitsPerToken * 25 / 45;
        Assert.True(cm == ideal || cm == ideal + 1, $"CM pool {cm}, ideal {ideal}");
        Assert.Equal(Token.Pha.Whole(46_200), month.Departments.Where(d => d.Code is not ("CM" or "MK")).Aggregate(Token.Pha.Zero, (a, d) => a + d.Redistributed));
    }

    [Fact]
    public void Allocate_BasicAndOthers_OpenToEveryMemberWithReport()
    {
        var month = Compute(V4(), [M("a"), M("b")], [S("a", "CM", 30), S("a", "MK", 20), S("a", "BASIC", 40), S("b", "CM", 30), S("b", "CC", 30), S("b", "OTHERS", 10)]);
        Assert.Equal(Token.Pha.Whole(8_400), month.Members.Single(m => m.Id == "a").Shares["BASIC"]);
        Assert.Equal(Token.Pha.Whole(4_200), month.Members.Single(m => m.Id == "b").Shares["OTHERS"]);
        // Percent counts chosen departments only (R8): a has 50/80.
        Assert.Equal(62.5m, month.Members.Single(m => m.Id == "a").Percent.Rounded);
    }

    [Fact]
    public void Allocate_EffortAndResult_AddUpToPoints()
    {
        var month = Compute(V4(), [M("a")], [ER("a", "CM", 18, 17), ER("a", "CC", 20, 20)]);
        Assert.Equal(Points.Of(35), month.Members.Single().Points["CM"]);
        Assert.Equal(93.75m, month.Members.Single().Percent.Rounded);
    }

    [Fact]
    public void Allocate_SameInput_SameOutputAndHashRecorded()
    {
        var policy = V4() with { Hash = "sha256:abc" };
        var scores = new List<ScoreLine> { S("a", "CM", 13), S("a", "MK", 7), S("b", "CM", 29), S("b", "MK", 11), S("c", "CM", 3), S("c", "MK", 31) };
        var one = Compute(policy, [M("a"), M("b"), M("c")], scores);
        var two = Compute(policy, [M("c"), M("a"), M("b")], scores.AsEnumerable().Reverse().ToList());
        Assert.Equal(one.Members.Select(m => (m.Id, m.Total)), two.Members.Select(m => (m.Id, m.Total)));
        Assert.Equal("sha256:abc", one.Policy.Hash);
    }

    [Fact]
    public void Allocate_TiesInRemainder_GoToLowestMemberId()
    {
        // 3 members with equal points share 10 units: floor 3 each, one leftover unit to the first id.
        var policy = V4() with { Pool = V4().Pool with { Base = Token.Pha.Units(40) }, Departments = [Dept("CM", 25), Dept("MK", 75)] };
        var month = Compute(policy, [M("b"), M("a"), M("c")], [S("a", "CM", 10), S("b", "CM", 10), S("c", "CM", 10), S("a", "MK", 1), S("b", "MK", 1), S("c", "MK", 1)]);
        Assert.Equal([4, 3, 3], month.Members.Select(m => (int)m.Shares["CM"].Units));
        Assert.Equal(["a", "b", "c"], month.Members.Select(m => m.Id));
    }

    [Fact]
    public void Threshold_BelowFortyPercent_GetsNothing_AndSurplusGoesToNinetyPercent()
    {
        // Pool 10,000 for 4 members: full reward 2,500 each.
        var members = new List<Member> { M("low"), M("half"), M("top"), M("best") };
        var scores = new List<ScoreLine>
        {
            S("low", "CM", 30), S("low", "VSM", 9),                 // 39 % → nothing
            S("half", "CM", 30), S("half", "VSM", 20),               // 50 % → 1,250
            S("top", "CM", 50), S("top", "VSM", 30), S("top", "CC", 10), // 90 % → 2,250 + surplus
            S("best", "CM", 50), S("best", "VSM", 30), S("best", "CC", 10), S("best", "TT", 10), // 100 % → 2,500 + surplus
        };
        var month = Compute(V1(), members, scores, period: new Period(2022, 7));
        var r = month.Members.ToDictionary(m => m.Id);
        Assert.Equal(Token.Pha.Zero, r["low"].Total);
        Assert.Equal(Token.Pha.Whole(1250), r["half"].Total);
        // Surplus 10,000 − (1,250 + 2,250 + 2,500) = 4,000 shared equally by top and best.
        Assert.Equal(Token.Pha.Whole(2250 + 2000), r["top"].Total);
        Assert.Equal(Token.Pha.Whole(2500 + 2000), r["best"].Total);
        Assert.Equal(month.Pool, month.PaidFromPool);
        Assert.Equal(Token.Pha.Zero, month.Carried);
    }

    [Fact]
    public void Threshold_NobodyAtNinety_CarriesSurplusForward()
    {
        var month = Compute(V1(), [M("a"), M("b")], [S("a", "CM", 40), S("a", "VSM", 20), S("b", "CM", 25), S("b", "VSM", 25)], period: new Period(2022, 7));
        // Full 5,000 each; a 60 % → 3,000; b 50 % → 2,500; 4,500 carried.
        Assert.Equal(Token.Pha.Whole(4_500), month.Carried);
        Assert.Equal(Token.Pha.Whole(4_500), month.CarriedOut[""]);
    }

    [Fact]
    public void Threshold_SupplementaryCappedAtTwentyAndAtMostTwoTasks()
    {
        var ok = MonthEngine.Compute(new MonthInput
        {
            Policy = V1(),
            Period = new Period(2022, 7),
            Members = [M("a")],
            Scores = [S("a", "CM", 50), S("a", "VSM", 30), S("a", "CC", 10), S("a", "TT", 10), S("a", "BH", 10)],
        });
        Assert.False(ok.IsSuccess);
        Assert.Contains(ok.Errors, e => e.Code == "SUPPLEMENTARY_TOO_MANY");
    }

    [Fact]
    public void Threshold_ByRank_PaysFixedFullRewardPerRank()
    {
        var byRank = new Dictionary<Rank, TokenAmount> { [Rank.Candidate] = Token.Pha.Whole(1000), [Rank.Ambassador] = Token.Pha.Whole(3000) };
        var month = Compute(V1(FullRewardBasis.ByRank, byRank), [M("c", Rank.Candidate), M("a")], [S("c", "CM", 50), S("c", "VSM", 30), S("a", "CM", 25), S("a", "VSM", 15)], period: new Period(2022, 7));
        Assert.Equal(Token.Pha.Whole(800), month.Members.Single(m => m.Id == "c").Shares["reward"]);  // 1,000 × 80 %
        Assert.Equal(Token.Pha.Whole(1200), month.Members.Single(m => m.Id == "a").Shares["reward"]); // 3,000 × 40 %
        Assert.Equal(Token.Pha.Whole(8_000), month.Carried);                                            // nobody at 90 %
    }

    [Fact]
    public void Threshold_PoolPerMember_FloorsOnceSoThreeWaySplitLosesNothing()
    {
        // 10,000 PHA for 3 members at 100 %: each 3,333.333333333333, one planck of surplus to the first id.
        var scores = new[] { "a", "b", "c" }.SelectMany(id => new[] { S(id, "CM", 50), S(id, "VSM", 30), S(id, "CC", 10), S(id, "TT", 10) }).ToList();
        var month = Compute(V1(), [M("a"), M("b"), M("c")], scores, period: new Period(2022, 7));
        Assert.Equal(["3,333.333333333334", "3,333.333333333333", "3,333.333333333333"], month.Members.Select(m => m.Total.Format()));
        Assert.Equal(month.Pool, month.PaidFromPool);
    }

    [Fact]
    public void Threshold_HalfPercent_RewardIsExactHalfOfShare()
    {
        // 10,000 PHA for 3 members, one at 50 %: 10,000 × 50 / (3 × 100) = 1,666.666666666666 (one floor).
        var scores = new List<ScoreLine> { S("a", "CM", 30), S("a", "VSM", 20) };
        var month = Compute(V1(), [M("a"), M("b"), M("c")], scores, period: new Period(2022, 7));
        Assert.Equal("1,666.666666666666", month.Members.Single(m => m.Id == "a").Shares["reward"].Format());
    }
}
