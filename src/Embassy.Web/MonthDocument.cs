using Embassy.Application;
using Embassy.Domain;

namespace Embassy.Web;

/// <summary>An amount as the API gives it: the exact smallest units, and the text a person reads (the policy's display rule).</summary>
/// <param name="Units">Smallest units, as a decimal string (exact; more than a JSON number can hold).</param>
/// <param name="Display">Whole tokens cut to the display decimals, e.g. "38,338.0447".</param>
public sealed record AmountDocument(string Units, string Display)
{
    /// <summary>The document of <paramref name="amount"/>.</summary>
    public static AmountDocument Of(TokenAmount amount) => new(amount.Units.ToString(System.Globalization.CultureInfo.InvariantCulture), amount.Display());
}

/// <summary>The token a month pays in.</summary>
public sealed record TokenDocument(string Symbol, int Decimals, int DisplayDecimals);

/// <summary>A department's month.</summary>
public sealed record DepartmentDocument(string Code, string Name, AmountDocument Pool, decimal Points, AmountDocument Unspent);

/// <summary>A member's month.</summary>
public sealed record MemberMonthDocument(
    long MemberId, string Login, string Name, string Rank, string Status, decimal Percent,
    IReadOnlyDictionary<string, AmountDocument> Shares, AmountDocument PoolShare, AmountDocument Bonus, AmountDocument Capped, AmountDocument Total);

/// <summary>
/// The public API's month (issue #10: "the API gets its own month document"): a typed period, every amount as
/// <see cref="AmountDocument"/>, and the record of the close, read from the month's frozen result; not the store's shape.
/// </summary>
public sealed record MonthDocument(
    Period Period,
    string State,
    string PolicyId,
    string PolicyVersion,
    string PolicyHash,
    TokenDocument Token,
    AmountDocument Pool,
    AmountDocument Paid,
    AmountDocument Unspent,
    AmountDocument Carried,
    int ActiveMembers,
    IReadOnlyList<DepartmentDocument> Departments,
    IReadOnlyList<MemberMonthDocument> Members,
    int Batches,
    IReadOnlyList<string> Transactions,
    string? LockReason,
    IReadOnlyList<MonthHistoryEntry> History)
{
    /// <summary>The document of a published month.</summary>
    public static MonthDocument Of(PublishedMonth month)
    {
        ArgumentNullException.ThrowIfNull(month);
        var s = month.Snapshot;
        var token = s.TokenValue();
        AmountDocument A(string units) => AmountDocument.Of(s.Amount(units));
        return new MonthDocument(
            month.Period,
            month.State,
            s.PolicyId,
            s.PolicyVersion,
            s.PolicyHash,
            new TokenDocument(token.Symbol, token.Decimals, token.DisplayDecimals),
            A(s.PoolUnits),
            AmountDocument.Of(s.TotalPaid()),
            A(s.UnspentUnits),
            A(s.CarriedUnits),
            s.ActiveMembers,
            s.Departments.Select(d => new DepartmentDocument(d.Code, d.Name, A(d.PoolUnits), d.PointsHundredths / 100m, A(d.UnspentUnits))).ToArray(),
            s.Members.Select(m => new MemberMonthDocument(
                m.MemberId, m.Login, m.Name, m.Rank, m.Status, m.Percent.Rounded,
                m.SharesUnits.ToDictionary(kv => kv.Key, kv => A(kv.Value), StringComparer.Ordinal),
                A(m.PoolShareUnits), A(m.BonusUnits), A(m.CappedUnits), A(m.TotalUnits))).ToArray(),
            month.Batches,
            month.Transactions,
            month.LockReason,
            month.History);
    }
}
