using Embassy.Domain.Rules;

namespace Embassy.Domain.Tests;

/// <summary>Policies built in code for domain tests (the domain must not depend on the YAML loader).</summary>
internal static class TestPolicies
{
    private static readonly Points Twenty = Points.Of(20);

    public static Department Dept(string code, int weightPercent, DepartmentKind kind = DepartmentKind.Selectable) => new()
    {
        Code = code,
        Name = code,
        Kind = kind,
        WeightBasisPoints = weightPercent * 100,
        EffortMax = Twenty,
        ResultMax = Twenty,
        Max = Points.Of(40),
    };

    public static IReadOnlyList<RankRule> Ranks { get; } =
    [
        new(Rank.Candidate, "Candidate"),
        new(Rank.Ambassador, "Ambassador"),
        new(Rank.Senior, "Senior"),
        new(Rank.Head, "Head", Appointed: true),
    ];

    /// <summary>V.4 as in the seed: 84,000 PHA for 20, +21,000 per 5, seven departments, 2–3 chosen.</summary>
    public static Policy V4(UnspentRule unspent = UnspentRule.Return) => new()
    {
        Id = "test-v4",
        Name = "Test V.4",
        Version = "V.4",
        From = new Period(2024, 7),
        Token = Token.Pha,
        Ranks = Ranks,
        Model = RewardModel.DepartmentPools,
        Pool = new PoolRule(Token.Pha.Whole(84_000), 20, 5, Token.Pha.Whole(21_000), unspent, Rank.Candidate),
        Departments =
        [
            Dept("BASIC", 10, DepartmentKind.Basic), Dept("CM", 25), Dept("MK", 20), Dept("CC", 20), Dept("BD", 10), Dept("TECH", 10),
            Dept("OTHERS", 5, DepartmentKind.Others),
        ],
        Choice = new ChoiceRule(2, 3),
        Scoring = new ScoringRule(Points.Of(1), PercentBasis.ChosenDepartments, Points.Zero),
        RankBonuses = [new RankBonus(Rank.Head, Token.Pha.Whole(4000)), new RankBonus(Rank.Senior, Token.Pha.Whole(2000))],
        Promotions = [new StreakRule(Rank.Candidate, Rank.Ambassador, 65, 3), new StreakRule(Rank.Ambassador, Rank.Senior, 90, 3)],
        Deadline = new DeadlineRule(5, "UTC"),
        Payout = new PayoutRule { Rail = PayoutRail.Substrate },
    };

    /// <summary>V.1/V.3-style threshold policy: basic CM 50 + VSM 30, supplementary up to 2 × 10, 40 % / 90 %.</summary>
    public static Policy V1(FullRewardBasis basis = FullRewardBasis.PoolPerMember, IReadOnlyDictionary<Rank, TokenAmount>? byRank = null) => new()
    {
        Id = "test-v1",
        Name = "Test V.1",
        Version = "V.1",
        From = new Period(2022, 6),
        Token = Token.Pha,
        Ranks = Ranks,
        Model = RewardModel.Threshold,
        Pool = new PoolRule(Token.Pha.Whole(10_000), 0, 0, Token.Pha.Zero, UnspentRule.CarryForward, Rank.Candidate),
        Departments =
        [
            new Department { Code = "CM", Name = "CM", Kind = DepartmentKind.Basic, Max = Points.Of(50) },
            new Department { Code = "VSM", Name = "VSM", Kind = DepartmentKind.Basic, Max = Points.Of(30) },
        ],
        Supplementary = new SupplementaryRule(
            [new SupplementaryTask("CC", "CC", Points.Of(10), []), new SupplementaryTask("TT", "TT", Points.Of(10), []), new SupplementaryTask("BH", "BH", Points.Of(10), [])],
            2,
            Points.Of(20)),
        Choice = new ChoiceRule(0, 0),
        Scoring = new ScoringRule(Points.Of(1), PercentBasis.FixedTotal, Points.Of(100)),
        Threshold = new ThresholdRule(basis, byRank ?? new Dictionary<Rank, TokenAmount>(), 40, 90),
        Promotions = [new StreakRule(Rank.Candidate, Rank.Ambassador, 40, 3)],
        Terminations = [new StreakRule(Rank.Candidate, Rank.Terminated, 40, 3), new StreakRule(Rank.Ambassador, Rank.Terminated, 40, 3)],
        Deadline = new DeadlineRule(3, "UTC"),
        Payout = new PayoutRule { Rail = PayoutRail.Substrate },
    };

    public static Member M(string id, Rank? rank = null, DateOnly? joined = null, DateOnly? left = null) => new(id, rank ?? Rank.Ambassador, joined, left);

    public static ScoreLine S(string member, string dept, int points) => new(member, dept, null, null, Points.Of(points));

    public static ScoreLine ER(string member, string dept, int effort, int result) => new(member, dept, Points.Of(effort), Points.Of(result), null);
}
