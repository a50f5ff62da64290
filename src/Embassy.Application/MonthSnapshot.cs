using System.Globalization;
using System.Text.Json;
using Embassy.Domain;
using Embassy.Domain.Closing;
using Embassy.Domain.Rules;

namespace Embassy.Application;

/// <summary>
/// The stored form of a frozen <see cref="MonthStatement"/> (amounts as smallest-unit digits, JSON in
/// <c>month_closes.snapshot</c>). Only the store reads and writes it; everything else reads the typed statement.
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

    /// <summary>The stored form of <paramref name="month"/>.</summary>
    public static MonthSnapshot Of(MonthStatement month)
    {
        ArgumentNullException.ThrowIfNull(month);
        static string U(TokenAmount a) => a.Units.ToString(CultureInfo.InvariantCulture);
        return new MonthSnapshot
        {
            Period = month.Period.ToString(),
            PolicyId = month.Policy.Id,
            PolicyName = month.PolicyName,
            PolicyVersion = month.Policy.Version,
            PolicyHash = month.Policy.Hash,
            Token = month.Token.Symbol,
            Decimals = month.Token.Decimals,
            DisplayDecimals = month.Token.DisplayDecimals,
            PoolUnits = U(month.Pool),
            UnspentUnits = U(month.Unspent),
            CarriedUnits = U(month.Carried),
            ActiveMembers = month.ActiveMembers,
            CarriedOut = month.CarriedOut.ToDictionary(kv => kv.Key, kv => U(kv.Value), StringComparer.Ordinal),
            Departments = month.Departments.Select(d => new SnapshotDepartment(d.Code, d.Name, U(d.Pool), d.Points.Hundredths, U(d.Unspent))).ToArray(),
            Members = month.Members.Select(m => new SnapshotMember(
                m.MemberId,
                m.Login,
                m.Name,
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
                U(m.Capped))).ToArray(),
            Proposals = month.Proposals.Select(p => new SnapshotProposal(p.Member, p.From.Code, p.To.Code, p.Reason, p.EffectiveFrom.ToString())).ToArray(),
        };
    }

    /// <summary>The typed month, read once from the stored digits.</summary>
    public MonthStatement ToStatement()
    {
        var token = new Token(Token, Decimals, DisplayDecimals);
        TokenAmount A(string units) => token.Units(UInt128.Parse(units, NumberStyles.None, CultureInfo.InvariantCulture));
        return new MonthStatement
        {
            Period = Domain.Period.Parse(Period).Value,
            Policy = new PolicyReference(PolicyId, PolicyVersion, PolicyHash),
            PolicyName = PolicyName,
            Token = token,
            Pool = A(PoolUnits),
            Unspent = A(UnspentUnits),
            Carried = A(CarriedUnits),
            ActiveMembers = ActiveMembers,
            CarriedOut = CarriedOut.ToDictionary(kv => kv.Key, kv => A(kv.Value), StringComparer.Ordinal),
            Departments = Departments.Select(d => new StatementDepartment(d.Code, d.Name, A(d.PoolUnits), Points.FromHundredths(d.PointsHundredths), A(d.UnspentUnits))).ToArray(),
            Members = Members.Select(m => new StatementMember(
                m.MemberId,
                m.Login,
                m.Name,
                new Rank(m.Rank),
                Enum.TryParse<MonthStatus>(m.Status, out var status) ? status : MonthStatus.Missing,
                new Percent(m.PercentNumerator, m.PercentDenominator),
                m.Chosen,
                m.PointsHundredths.ToDictionary(kv => kv.Key, kv => Points.FromHundredths(kv.Value), StringComparer.Ordinal),
                m.SharesUnits.ToDictionary(kv => kv.Key, kv => A(kv.Value), StringComparer.Ordinal),
                A(m.PoolShareUnits),
                A(m.BonusUnits),
                A(m.CappedUnits),
                A(m.TotalUnits))).ToArray(),
            Proposals = Proposals.Select(p => new RankProposal(p.Member, new Rank(p.From), new Rank(p.To), p.Reason, Domain.Period.Parse(p.EffectiveFrom).Value)).ToArray(),
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
    string CappedUnits = "0");

/// <summary>A proposed rank change, to confirm.</summary>
public sealed record SnapshotProposal(string Member, string From, string To, string Reason, string EffectiveFrom);
