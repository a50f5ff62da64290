using Embassy.Application;
using Embassy.Domain;
using Embassy.Domain.Closing;

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

/// <summary>A rank change the close proposed (R8), for an admin to confirm.</summary>
public sealed record ProposalDocument(string Member, string From, string To, string Reason, Period EffectiveFrom);

/// <summary>A member's month.</summary>
public sealed record MemberMonthDocument(
    long MemberId, string Login, string Name, string Rank, string Status, decimal Percent,
    IReadOnlyDictionary<string, AmountDocument> Shares, AmountDocument PoolShare, AmountDocument Bonus, AmountDocument Capped, AmountDocument Total);

/// <summary>A warning or note of a step that succeeded (#13): a held payout, an amount carried in, a pool that changed.</summary>
/// <param name="Code">The stable code, e.g. <c>PAYOUT_ADDRESS_HELD</c>.</param>
/// <param name="Severity"><c>warning</c> or <c>info</c>.</param>
/// <param name="Message">What it means, in a sentence.</param>
public sealed record NoticeDocument(string Code, string Severity, string Message)
{
    /// <summary>The notices among <paramref name="diagnostics"/>: everything but errors, in order.</summary>
    public static IReadOnlyList<NoticeDocument> Of(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return [.. diagnostics.Where(d => !d.IsError).Select(d => new NoticeDocument(d.Code, d.Severity == Embassy.Domain.Severity.Warning ? "warning" : "info", d.Message))];
    }
}

/// <summary>
/// The answer to recording or correcting a batch's transaction (R9, #13): the month's state after the step, the batch and
/// the hash now recorded for it, how many of the payout's batches have a transaction, what the payment check found for
/// that hash, and the warnings and notes of the step, as the other month steps give them (<see cref="MonthDocument.Notices"/>).
/// </summary>
/// <param name="Period">The month.</param>
/// <param name="State">The month's state after the step: <c>approved</c> while batches are left, then <c>paid</c>.</param>
/// <param name="Batch">The signing batch, from 1.</param>
/// <param name="TxHash">The hash recorded for <paramref name="Batch"/>.</param>
/// <param name="Recorded">Batches with a transaction now.</param>
/// <param name="Batches">The payout's signing batches.</param>
/// <param name="Check">
/// The payment check of this hash — <c>verified</c>, <c>not_verified</c> (no chain endpoint, or a rail Embassy does not
/// read) or <c>overridden</c> (recorded with an admin's reason over the chain's word) — or null when none was made.
/// </param>
/// <param name="Notices">The step's warnings and notes (errors are a problem answer instead).</param>
public sealed record TransactionDocument(
    Period Period, string State, int Batch, string TxHash, int Recorded, int Batches, string? Check, IReadOnlyList<NoticeDocument> Notices)
{
    /// <summary>
    /// The document of a step that recorded <paramref name="txHash"/> with <paramref name="diagnostics"/>, read against the
    /// month <paramref name="after"/> it. <paramref name="batch"/> is the batch asked for; when none was, the batch that
    /// now carries the hash (the workflow records the first batch without one).
    /// </summary>
    public static TransactionDocument Of(
        Period period, string txHash, IReadOnlyList<Diagnostic> diagnostics, MonthPayments after, int? batch, IReadOnlyList<Embassy.Data.Entities.PaymentCheckRecord> checks)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(checks);
        var number = batch ?? after.Payments.LastOrDefault(b => Same(b.TxHash, txHash))?.Batch ?? 0;
        // The latest check of the hash the batch carries (checks come latest first per batch), as GET …/payments shows it.
        var check = checks.FirstOrDefault(c => c.Batch == number && Same(c.TxHash, txHash))?.Outcome;
        return new TransactionDocument(period, after.State, number, txHash, after.Payments.Count, after.Batches, check, NoticeDocument.Of(diagnostics));
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The API's month: a typed period, every amount as <see cref="AmountDocument"/>, and the record of the close, read from
/// the month's typed <see cref="MonthStatement"/>, never the store's shape. The public month, the admin's preview and
/// the answers of lock, reopen and approve all use it.
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
    IReadOnlyList<ProposalDocument> Proposals,
    int Batches,
    IReadOnlyList<string> Transactions,
    string? LockReason,
    IReadOnlyList<MonthHistoryEntry> History)
{
    /// <summary>
    /// The warnings and notes of the step that answered with this month (lock, approve, reopen; #13), so an API user sees
    /// what the admin's page shows; null, and left out of the JSON, where the month is only read (the public month).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<NoticeDocument>? Notices { get; init; }

    /// <summary>The document of a published month.</summary>
    public static MonthDocument Of(PublishedMonth month)
    {
        ArgumentNullException.ThrowIfNull(month);
        return Of(month.Month, month.State, month.Batches, month.Transactions, month.LockReason, month.History);
    }

    /// <summary>The document of a computed or frozen month in <paramref name="state"/>, with the record of its close.</summary>
    public static MonthDocument Of(
        MonthStatement month, string state, int batches = 0, IReadOnlyList<string>? transactions = null, string? lockReason = null, IReadOnlyList<MonthHistoryEntry>? history = null)
    {
        ArgumentNullException.ThrowIfNull(month);
        var token = month.Token;
        return new MonthDocument(
            month.Period,
            state,
            month.Policy.Id,
            month.Policy.Version,
            month.Policy.Hash,
            new TokenDocument(token.Symbol, token.Decimals, token.DisplayDecimals),
            AmountDocument.Of(month.Pool),
            AmountDocument.Of(month.TotalPaid),
            AmountDocument.Of(month.Unspent),
            AmountDocument.Of(month.Carried),
            month.ActiveMembers,
            month.Departments.Select(d => new DepartmentDocument(d.Code, d.Name, AmountDocument.Of(d.Pool), d.Points.Value, AmountDocument.Of(d.Unspent))).ToArray(),
            month.Members.Select(m => new MemberMonthDocument(
                m.MemberId, m.Login, m.Name, m.Rank.Code, m.Status.ToString(), m.Percent.Rounded,
                m.Shares.ToDictionary(kv => kv.Key, kv => AmountDocument.Of(kv.Value), StringComparer.Ordinal),
                AmountDocument.Of(m.PoolShare), AmountDocument.Of(m.Bonus), AmountDocument.Of(m.Capped), AmountDocument.Of(m.Total))).ToArray(),
            month.Proposals.Select(p => new ProposalDocument(p.Member, p.From.Code, p.To.Code, p.Reason, p.EffectiveFrom)).ToArray(),
            batches,
            transactions ?? [],
            lockReason,
            history ?? []);
    }
}
