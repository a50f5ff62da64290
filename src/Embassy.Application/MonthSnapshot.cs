using System.Globalization;
using System.Text.Json;
using Embassy.Domain;
using Embassy.Domain.Rules;

namespace Embassy.Application;

/// <summary>
/// A closed month frozen at lock time: exactly what the engine computed (amounts as smallest-unit digits), with the names
/// people read. Public pages, downloads and later months' streaks read this; it never changes after the lock.
/// </summary>
public sealed record MonthSnapshot
{
    public required string Period { get; init; }

    public required string PolicyId { get; init; }

    public required string PolicyName { get; init; }

    public required string PolicyVersion { get; init; }

    public required string PolicyHash { get; init; }

    public required string Token { get; init; }

    public required int Decimals { get; init; }

    /// <summary>Decimals pages show (the policy's display rule); months frozen before it existed read the default.</summary>
    public int DisplayDecimals { get; init; } = Domain.Token.DefaultDisplayDecimals;

    public required string PoolUnits { get; init; }

    public required string UnspentUnits { get; init; }

    public required string CarriedUnits { get; init; }

    public required int ActiveMembers { get; init; }

    public required IReadOnlyList<SnapshotDepartment> Departments { get; init; }

    public required IReadOnlyList<SnapshotMember> Members { get; init; }

    public required IReadOnlyList<SnapshotProposal> Proposals { get; init; }

    public IReadOnlyDictionary<string, string> CarriedOut { get; init; } = new Dictionary<string, string>();

    /// <summary>The token of the amounts.</summary>
    public Token TokenValue() => new(Token, Decimals, DisplayDecimals);

    /// <summary>An amount of this month's token from smallest-unit digits.</summary>
    public TokenAmount Amount(string units) => TokenValue().Units(UInt128.Parse(units, NumberStyles.None, CultureInfo.InvariantCulture));

    /// <summary>Sum of members' totals.</summary>
    public TokenAmount TotalPaid() => Members.Aggregate(TokenValue().Zero, (a, m) => a + Amount(m.TotalUnits));

    /// <summary>Freezes an engine result.</summary>
    public static MonthSnapshot From(MonthAllocation allocation, Policy policy, IReadOnlyDictionary<string, (long Id, string Name)> names)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(names);
        static string U(TokenAmount a) => a.Units.ToString(CultureInfo.InvariantCulture);
        return new MonthSnapshot
        {
            Period = allocation.Period.ToString(),
            PolicyId = allocation.Policy.Id,
            PolicyName = policy.Name,
            PolicyVersion = allocation.Policy.Version,
            PolicyHash = allocation.Policy.Hash,
            Token = allocation.Token.Symbol,
            Decimals = allocation.Token.Decimals,
            DisplayDecimals = allocation.Token.DisplayDecimals,
            PoolUnits = U(allocation.Pool),
            UnspentUnits = U(allocation.Unspent),
            CarriedUnits = U(allocation.Carried),
            ActiveMembers = allocation.PoolBreakdown.ActiveMembers,
            CarriedOut = allocation.CarriedOut.ToDictionary(kv => kv.Key, kv => U(kv.Value), StringComparer.Ordinal),
            Departments = allocation.Departments.Select(d => new SnapshotDepartment(
                d.Code,
                policy.FindDepartment(d.Code)?.Name ?? d.Code,
                U(d.Pool),
                d.Points.Hundredths,
                U(d.Unspent))).ToArray(),
            Members = allocation.Members.Select(m =>
            {
                var who = names.TryGetValue(m.Id, out var n) ? n : (0L, m.Id);
                return new SnapshotMember(
                    who.Item1,
                    m.Id,
                    who.Item2,
                    m.Rank.Code,
                    m.Status.ToString(),
                    m.Percent.Numerator,
                    m.Percent.Denominator,
                    m.Chosen,
                    m.Points.ToDictionary(kv => kv.Key, kv => kv.Value.Hundredths, StringComparer.Ordinal),
                    m.Shares.ToDictionary(kv => kv.Key, kv => U(kv.Value), StringComparer.Ordinal),
                    U(m.PoolShare),
                    U(m.Bonus),
                    U(m.Total),
                    U(m.Capped ?? allocation.Token.Zero));
            }).ToArray(),
            Proposals = allocation.Proposals.Select(p => new SnapshotProposal(p.Member, p.From.Code, p.To.Code, p.Reason, p.EffectiveFrom.ToString())).ToArray(),
        };
    }

    /// <summary>JSON text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Reads JSON text written by <see cref="ToJson"/>.</summary>
    public static MonthSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<MonthSnapshot>(json, JsonOptions) ?? throw new InvalidOperationException("Empty month snapshot.");

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}

/// <summary>A department's month.</summary>
public sealed record SnapshotDepartment(string Code, string Name, string PoolUnits, long PointsHundredths, string UnspentUnits);

/// <summary>
/// A member's month. <c>TotalUnits</c> is what is paid; <c>CappedUnits</c> is what a clamping fiat cap (R10) held back
/// from the engine's total (pool share plus bonus), returned to the treasury.
/// </summary>
public sealed record SnapshotMember(
    long MemberId,
    string Login,
    string Name,
    string Rank,
    string Status,
    long PercentNumerator,
    long PercentDenominator,
    IReadOnlyList<string> Chosen,
    IReadOnlyDictionary<string, long> PointsHundredths,
    IReadOnlyDictionary<string, string> SharesUnits,
    string PoolShareUnits,
    string BonusUnits,
    string TotalUnits,
    string CappedUnits = "0")
{
    /// <summary>The month's percentage.</summary>
    public Percent Percent => new(PercentNumerator, PercentDenominator);
}

/// <summary>A proposed rank change, to confirm.</summary>
public sealed record SnapshotProposal(string Member, string From, string To, string Reason, string EffectiveFrom);
