using System.Globalization;
using Embassy.Domain.Rules;

namespace Embassy.Domain.Closing;

/// <summary>Where a month is in its close (RULES.md R4–R9).</summary>
public enum MonthState
{
    /// <summary>Reports come in and are scored; nothing is frozen.</summary>
    Open,

    /// <summary>The engine's result is frozen for checking; it can still be reopened.</summary>
    Locked,

    /// <summary>Payouts are fixed and drawn on the treasury; the signers' files exist.</summary>
    Approved,

    /// <summary>Every signing batch has its transaction recorded (R9: a month is paid once).</summary>
    Paid,
}

/// <summary>Stable codes of the month close.</summary>
public static class ClosingCodes
{
    /// <summary>Lock of a month that is not open.</summary>
    public const string MonthAlreadyClosed = "MONTH_ALREADY_CLOSED";

    /// <summary>A step that needs a locked month.</summary>
    public const string MonthNotLocked = "MONTH_NOT_LOCKED";

    /// <summary>A step that needs an approved month.</summary>
    public const string MonthNotApproved = "MONTH_NOT_APPROVED";

    /// <summary>A step on a month that is paid.</summary>
    public const string MonthAlreadyPaid = "MONTH_ALREADY_PAID";

    /// <summary>Another request changed the month first (a double click, a second admin): nothing was done.</summary>
    public const string MonthChanged = "MONTH_CHANGED";

    /// <summary>The month has not ended.</summary>
    public const string MonthNotEnded = "MONTH_NOT_ENDED";

    /// <summary>The month is before the first month any policy covers.</summary>
    public const string MonthBeforePolicies = "MONTH_BEFORE_POLICIES";

    /// <summary>The report deadline (R7) has not passed.</summary>
    public const string DeadlineNotPassed = "MONTH_DEADLINE_NOT_PASSED";

    /// <summary>Accepted reports that no reviewer has scored.</summary>
    public const string ReportsUnscored = "MONTH_REPORTS_UNSCORED";

    /// <summary>Nobody is in the registry for the month.</summary>
    public const string NoMembers = "MONTH_NO_MEMBERS";

    /// <summary>A step that must say why (reopen, correction, override).</summary>
    public const string ReasonRequired = "REASON_REQUIRED";

    /// <summary>A guard an admin overrode, kept with the reason.</summary>
    public const string GuardOverridden = "MONTH_GUARD_OVERRIDDEN";

    /// <summary>Issue #14: a member's appeal of the month is not decided.</summary>
    public const string AppealsOpen = "MONTH_APPEALS_OPEN";

    /// <summary>A payment for a batch the payout does not have.</summary>
    public const string BatchUnknown = "PAYMENT_BATCH_UNKNOWN";

    /// <summary>A second payment for a batch that has one (correct it instead).</summary>
    public const string BatchAlreadyRecorded = "PAYMENT_BATCH_RECORDED";

    /// <summary>A correction of a batch that has no payment yet.</summary>
    public const string BatchNotRecorded = "PAYMENT_BATCH_NOT_RECORDED";

    /// <summary>A transaction hash recorded for another batch of the month.</summary>
    public const string HashReused = "PAYMENT_HASH_REUSED";

    /// <summary>Not a transaction hash of the rail.</summary>
    public const string TxHashInvalid = "TX_HASH_INVALID";
}

/// <summary>The transaction that paid one signing batch of a month (R9).</summary>
/// <param name="Batch">1-based batch number, in the order of the payout file.</param>
/// <param name="TxHash">The transaction hash as recorded.</param>
public sealed record BatchPayment(int Batch, string TxHash);

/// <summary>
/// What happened to a month: one audited event per transition (actor, time, reason). The application stores it in the
/// audit log, and the public month page shows reopenings and corrections from there.
/// </summary>
/// <param name="Action">A stable verb: <c>month.locked</c>, <c>month.reopened</c>, <c>month.approved</c>,
/// <c>month.payment-recorded</c>, <c>month.paid</c>, <c>month.payment-corrected</c>.</param>
/// <param name="From">State before.</param>
/// <param name="To">State after.</param>
/// <param name="Actor">Who did it.</param>
/// <param name="At">When.</param>
/// <param name="Reason">Why, where the step needs one (reopen, correction, an overridden guard).</param>
/// <param name="Details">What changed, for the log.</param>
public sealed record MonthEvent(string Action, MonthState From, MonthState To, string Actor, DateTimeOffset At, string? Reason, string Details);

/// <summary>A transition: the month after it and the event that records it.</summary>
/// <param name="Month">The month after the transition.</param>
/// <param name="Event">The event to audit.</param>
public sealed record MonthTransition(MonthLifecycle Month, MonthEvent Event);

/// <summary>
/// The month close as one aggregate: <c>open → locked → approved → paid</c>, with <c>locked → open</c> (a reopen, with a
/// reason, before approval) and the correction of a recorded payment (with a reason; the old hash stays in the event).
/// Each method checks the transition against the current state and returns the next state with its event, or the
/// reason it is refused; the application applies it as one conditional update, so a lost race changes nothing.
/// </summary>
public sealed record MonthLifecycle
{
    /// <summary>The month.</summary>
    public required Period Period { get; init; }

    /// <summary>Its state.</summary>
    public required MonthState State { get; init; }

    /// <summary>Signing batches of the payout, fixed at approval (0 before; 0 for a month with nothing to pay).</summary>
    public int Batches { get; init; }

    /// <summary>The current payment of each batch that has one, by batch number.</summary>
    public IReadOnlyList<BatchPayment> Payments { get; init; } = [];

    /// <summary>An open month.</summary>
    public static MonthLifecycle Opened(Period period) => new() { Period = period, State = MonthState.Open };

    /// <summary>
    /// Locks an open month once <paramref name="guards"/> (from <see cref="LockGuards.Check"/>) has no error: the result is
    /// frozen. Overridden guards are kept as the event's reason.
    /// </summary>
    public Result<MonthTransition> Lock(IReadOnlyList<Diagnostic> guards, string actor, DateTimeOffset at, string details, string? overrideReason = null)
    {
        ArgumentNullException.ThrowIfNull(guards);
        if (State != MonthState.Open)
        {
            return Result<MonthTransition>.Fail(ClosingCodes.MonthAlreadyClosed, $"{Period} is already {Name(State)}; a month is locked once (reopen it first, before approval).");
        }

        if (guards.Any(g => g.IsError))
        {
            return Result<MonthTransition>.Fail(guards);
        }

        // An overridden guard is kept: the admin's reason on the event, the guard's figures in its details.
        var overridden = guards.Where(g => g.Code == ClosingCodes.GuardOverridden).Select(g => g.Message).ToArray();
        return overridden.Length == 0
            ? Ok(this with { State = MonthState.Locked }, "month.locked", actor, at, null, details, guards)
            : Ok(this with { State = MonthState.Locked }, "month.locked", actor, at, overrideReason?.Trim(), details + "; overridden: " + string.Join(" ", overridden), guards);
    }

    /// <summary>Reopens a locked month (before approval): the frozen result is discarded; a reason is required.</summary>
    public Result<MonthTransition> Reopen(string actor, string? reason, DateTimeOffset at)
    {
        if (State != MonthState.Locked)
        {
            return Result<MonthTransition>.Fail(
                State == MonthState.Open ? ClosingCodes.MonthNotLocked : ClosingCodes.MonthAlreadyClosed,
                State == MonthState.Open ? $"{Period} is open; there is nothing to reopen." : $"{Period} is {Name(State)}; only a locked month can be reopened, before approval.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result<MonthTransition>.Fail(ClosingCodes.ReasonRequired, $"Say why {Period} is reopened; the reason is kept in the audit log and on the month's page.");
        }

        return Ok(this with { State = MonthState.Open, Batches = 0, Payments = [] }, "month.reopened", actor, at, reason.Trim(), "the frozen result is discarded", []);
    }

    /// <summary>
    /// Approves a locked month whose payout has <paramref name="batches"/> signing batches. A month with nothing to pay
    /// (no batch) is paid at once: there is nothing to sign and nothing to draw.
    /// </summary>
    public Result<MonthTransition> Approve(int batches, string actor, DateTimeOffset at, string details)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(batches);
        if (State != MonthState.Locked)
        {
            return Result<MonthTransition>.Fail(NotLockedCode(), $"{Period} is {Name(State)}; only a locked month can be approved.");
        }

        return batches == 0
            ? Ok(this with { State = MonthState.Paid, Batches = 0 }, "month.approved", actor, at, null, details + "; nothing to pay, so the month is paid", [])
            : Ok(this with { State = MonthState.Approved, Batches = batches }, "month.approved", actor, at, null, details, []);
    }

    /// <summary>
    /// Records the transaction that paid batch <paramref name="batch"/> (R9); the month is paid once every batch has one.
    /// <paramref name="hash"/> must already be checked against the rail (<see cref="TransactionHash.IsValid"/>).
    /// </summary>
    public Result<MonthTransition> RecordPayment(int batch, string hash, string actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(hash);
        if (State != MonthState.Approved)
        {
            return Result<MonthTransition>.Fail(
                State == MonthState.Paid ? ClosingCodes.MonthAlreadyPaid : ClosingCodes.MonthNotApproved,
                State == MonthState.Paid ? $"{Period} is already paid; a month can be paid once (R9). A wrong hash is corrected, with a reason." : $"{Period} is {Name(State)}; approve it before recording a payment.");
        }

        if (CheckBatch(batch) is { } unknown)
        {
            return Result<MonthTransition>.Fail([unknown]);
        }

        if (Payments.Any(p => p.Batch == batch))
        {
            return Result<MonthTransition>.Fail(ClosingCodes.BatchAlreadyRecorded, $"Batch {batch} of {Period} has its transaction already; correct it, with a reason, if it is wrong.");
        }

        if (Payments.Any(p => string.Equals(p.TxHash, hash, StringComparison.OrdinalIgnoreCase)))
        {
            return Result<MonthTransition>.Fail(ClosingCodes.HashReused, $"{hash} is recorded for another batch of {Period}; each batch is its own transaction.");
        }

        var payments = Payments.Append(new BatchPayment(batch, hash)).OrderBy(p => p.Batch).ToArray();
        var paid = payments.Length == Batches;
        var next = this with { State = paid ? MonthState.Paid : MonthState.Approved, Payments = payments };
        var details = string.Create(CultureInfo.InvariantCulture, $"batch {batch} of {Batches}: tx {hash}");
        return Ok(next, paid ? "month.paid" : "month.payment-recorded", actor, at, null, details, []);
    }

    /// <summary>Replaces the recorded transaction of a batch (a mistyped hash); the reason and the old hash are kept in the event.</summary>
    public Result<MonthTransition> CorrectPayment(int batch, string hash, string actor, string? reason, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(hash);
        if (State is not (MonthState.Approved or MonthState.Paid))
        {
            return Result<MonthTransition>.Fail(ClosingCodes.MonthNotApproved, $"{Period} is {Name(State)}; there is no payment to correct.");
        }

        if (CheckBatch(batch) is { } unknown)
        {
            return Result<MonthTransition>.Fail([unknown]);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result<MonthTransition>.Fail(ClosingCodes.ReasonRequired, $"Say why the transaction of batch {batch} is corrected; the old hash and the reason stay in the audit log.");
        }

        var old = Payments.FirstOrDefault(p => p.Batch == batch);
        if (old is null)
        {
            return Result<MonthTransition>.Fail(ClosingCodes.BatchNotRecorded, $"Batch {batch} of {Period} has no transaction yet; record it instead.");
        }

        if (Payments.Any(p => p.Batch != batch && string.Equals(p.TxHash, hash, StringComparison.OrdinalIgnoreCase)))
        {
            return Result<MonthTransition>.Fail(ClosingCodes.HashReused, $"{hash} is recorded for another batch of {Period}; each batch is its own transaction.");
        }

        var payments = Payments.Select(p => p.Batch == batch ? new BatchPayment(batch, hash) : p).ToArray();
        var details = string.Create(CultureInfo.InvariantCulture, $"batch {batch}: tx {old.TxHash} → {hash}");
        return Ok(this with { Payments = payments }, "month.payment-corrected", actor, at, reason.Trim(), details, []);
    }

    /// <summary>The state as stored and shown: <c>open</c>, <c>locked</c>, <c>approved</c>, <c>paid</c>.</summary>
    public static string Name(MonthState state) => state switch
    {
        MonthState.Open => "open",
        MonthState.Locked => "locked",
        MonthState.Approved => "approved",
        MonthState.Paid => "paid",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>Reads a stored state name.</summary>
    public static MonthState ParseState(string name) => name switch
    {
        "open" => MonthState.Open,
        "locked" => MonthState.Locked,
        "approved" => MonthState.Approved,
        "paid" => MonthState.Paid,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a month state."),
    };

    private string NotLockedCode() => State switch
    {
        MonthState.Open => ClosingCodes.MonthNotLocked,
        MonthState.Paid => ClosingCodes.MonthAlreadyPaid,
        _ => ClosingCodes.MonthAlreadyClosed,
    };

    private Diagnostic? CheckBatch(int batch) => batch < 1 || batch > Batches
        ? Diagnostic.Error(ClosingCodes.BatchUnknown, string.Create(CultureInfo.InvariantCulture, $"{Period}'s payout has {Batches} signing batch{(Batches == 1 ? "" : "es")}; there is no batch {batch}."))
        : null;

    private Result<MonthTransition> Ok(MonthLifecycle next, string action, string actor, DateTimeOffset at, string? reason, string details, IReadOnlyList<Diagnostic> warnings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return Result<MonthTransition>.Ok(new MonthTransition(next, new MonthEvent(action, State, next.State, actor, at, reason, details)), warnings.Where(w => !w.IsError));
    }
}

/// <summary>Transaction hashes as each rail writes them (R9).</summary>
public static class TransactionHash
{
    /// <summary>
    /// True when <paramref name="hash"/> can be a transaction of <paramref name="rail"/>: 0x and 64 hexadecimal digits on
    /// substrate and evm; on the manual rail any reference up to 200 characters without control characters.
    /// </summary>
    public static bool IsValid(string? hash, PayoutRail rail)
    {
        if (string.IsNullOrEmpty(hash))
        {
            return false;
        }

        if (rail == PayoutRail.Manual)
        {
            return hash.Length <= 200 && !hash.Any(char.IsControl);
        }

        return hash.Length == 66 && hash[0] == '0' && hash[1] == 'x' && hash.AsSpan(2).ContainsAnyExcept("0123456789abcdefABCDEF") == false;
    }
}
