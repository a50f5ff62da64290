using System.Globalization;
using Embassy.Chain;
using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.Domain.Closing;
using Embassy.GitHub;
using Embassy.Domain.Rules;
using Embassy.Policies;
using Microsoft.EntityFrameworkCore;
using DomainMember = Embassy.Domain.Rules.Member;

namespace Embassy.Application;

/// <summary>States of a month close, as stored (the names of <see cref="Domain.Closing.MonthState"/>).</summary>
public static class MonthState
{
    public const string Open = "open";
    public const string Locked = "locked";
    public const string Approved = "approved";
    public const string Paid = "paid";
}

/// <summary>A step of a month's history: who did what, when and why (the audit log's month entries).</summary>
/// <param name="At">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Action">The stable verb, e.g. <c>month.reopened</c>.</param>
/// <param name="Details">What it said.</param>
public sealed record MonthHistoryEntry(DateTimeOffset At, string Actor, string Action, string? Details);

/// <summary>A month's payment state: its state, its signing batches and the current transaction of each paid batch.</summary>
/// <param name="State">The month's state (<c>open</c> before a lock).</param>
/// <param name="Batches">Signing batches of the payout (0 before approval).</param>
/// <param name="Payments">The current transaction of each paid batch.</param>
public sealed record MonthPayments(string State, int Batches, IReadOnlyList<BatchPayment> Payments);

/// <summary>What a preview shows: the allocation the engine would lock now, and what a person should look at first.</summary>
/// <param name="State">The month's state.</param>
/// <param name="Month">The computed (or, once locked, frozen) month; null when the input has errors.</param>
/// <param name="Diagnostics">Engine errors and warnings, plus unscored reports.</param>
/// <param name="Transactions">Recorded transaction hashes (current ones, by batch).</param>
/// <param name="Confirmed">Proposals already confirmed, as "member→rank".</param>
/// <param name="Funding">Before approval: what approving would draw on the proposal in force (R10); null when approved or without a proposal.</param>
public sealed record MonthPreview(
    string State, MonthStatement? Month, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> Transactions, IReadOnlySet<string> Confirmed, MonthFunding? Funding = null)
{
    /// <summary>The month's reports by state (accepted, scored, unscored, late, unmatched, duplicates); null once locked.</summary>
    public ReportCounts? Reports { get; init; }

    /// <summary>What a lock would be refused for now (errors an admin may override carry the reason to give); empty once locked.</summary>
    public IReadOnlyList<Diagnostic> Guards { get; init; } = [];

    /// <summary>Signing batches of the payout (0 before approval).</summary>
    public int Batches { get; init; }

    /// <summary>The current transaction of each paid batch.</summary>
    public IReadOnlyList<BatchPayment> Payments { get; init; } = [];

    /// <summary>The month's history: locks, reopenings, approval, payments and corrections, oldest first.</summary>
    public IReadOnlyList<MonthHistoryEntry> History { get; init; } = [];

    /// <summary>The admin's reason when the lock overrode a guard.</summary>
    public string? LockReason { get; init; }
}

/// <summary>
/// The month close (RULES.md R4–R9) as the application runs it: the rules of each step are the domain's
/// <see cref="MonthLifecycle"/> and <see cref="LockGuards"/>; this class gathers their input, and applies each
/// transition in one transaction that first takes the month's row (a conditional update), so two requests — a double
/// click, two admins, two instances — cannot both win: the loser changes nothing and gets <see cref="ClosingCodes.MonthChanged"/>
/// or the state it found. The month is stored once: its <c>month_closes</c> row, from the lock on.
/// </summary>
public sealed partial class MonthCloseWorkflow(
    IDbContextFactory<EmbassyDbContext> databases, TimeProvider time, PolicyCatalog? catalog = null, IWorkLock? workLock = null, GitHubOptions? github = null,
    PaymentChecks? payments = null)
{
    /// <summary>How long a lock waits for a running sync to finish before it is refused.</summary>
    public static readonly TimeSpan SyncWait = TimeSpan.FromSeconds(60);

    /// <summary>Code: a sync of the repository is running and did not finish in <see cref="SyncWait"/>.</summary>
    public const string SyncRunning = "MONTH_SYNC_RUNNING";

    private readonly PolicyCatalog _catalog = catalog ?? PolicyCatalog.Shipped;

    /// <summary>The policy in force for a month (R1).</summary>
    public Policy PolicyFor(Period period) => _catalog.ForPeriod(period);

    /// <summary>The state of a month and its frozen snapshot when locked, else the live computation with the lock guards.</summary>
    public async Task<MonthPreview> PreviewAsync(Period period, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var close = await db.MonthCloses.AsNoTracking().SingleOrDefaultAsync(c => c.Period == period, cancellationToken).ConfigureAwait(false);
        var payments = close is null ? [] : await PaymentsAsync(db, close.Id, cancellationToken).ConfigureAwait(false);
        var history = await HistoryAsync(db, period, cancellationToken).ConfigureAwait(false);
        if (close is not null)
        {
            var frozen = await MonthStore.StatementAsync(db, close, cancellationToken).ConfigureAwait(false);
            var confirmed = await ConfirmedAsync(db, frozen, cancellationToken).ConfigureAwait(false);
            var lockedFunding = close.State == MonthState.Locked ? await FundingAsync(db, period, frozen, cancellationToken).ConfigureAwait(false) : null;
            return new MonthPreview(close.State, frozen, FundingDiagnostics(period, lockedFunding), payments.Select(p => p.TxHash).ToArray(), confirmed, lockedFunding)
            {
                Batches = close.Batches,
                Payments = payments,
                History = history,
                LockReason = close.LockReason,
            };
        }

        var computed = await ComputeAsync(db, period, cancellationToken).ConfigureAwait(false);
        var funding = computed.Month is null ? null : await FundingAsync(db, period, computed.Month, cancellationToken).ConfigureAwait(false);
        return new MonthPreview(MonthState.Open, computed.Month, [.. computed.Extra, .. computed.Result.Diagnostics, .. FundingDiagnostics(period, funding)], [], new HashSet<string>(), funding)
        {
            Reports = computed.Facts.Reports,
            Guards = LockGuards.Check(computed.Facts, null),
            History = history,
        };
    }

    /// <summary>
    /// The month's state and recorded transactions alone: what a payment step and the payments list answer with, without
    /// reading the frozen statement a preview reads (every member's row and allocations).
    /// </summary>
    public async Task<MonthPayments> PaymentStateAsync(Period period, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var close = await db.MonthCloses.AsNoTracking().Where(c => c.Period == period).Select(c => new { c.Id, c.State, c.Batches })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return close is null
            ? new MonthPayments(MonthState.Open, 0, [])
            : new MonthPayments(close.State, close.Batches, await PaymentsAsync(db, close.Id, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Locks the month without overriding a guard.</summary>
    public Task<Result<MonthStatement>> LockAsync(Period period, string actor, CancellationToken cancellationToken = default) =>
        LockAsync(period, actor, null, cancellationToken);

    /// <summary>
    /// Locks the month: the allocation is computed, frozen and stored. Refused when it is not open, when a lock guard
    /// (<see cref="LockGuards"/>) says no, or when the input has errors. <paramref name="overrideReason"/> lets an admin
    /// lock before the deadline or with unscored reports; it is kept on the month and in the audit log. A running sync
    /// of the repository is waited for, so no report arrives after the lock.
    /// </summary>
    public async Task<Result<MonthStatement>> LockAsync(Period period, string actor, string? overrideReason, CancellationToken cancellationToken = default)
    {
        await using var gate = await AcquireSyncAsync(cancellationToken).ConfigureAwait(false);
        if (gate is BlockedGate)
        {
            return Result<MonthStatement>.Fail(SyncRunning, $"A sync of the reports is running and did not finish within {SyncWait.TotalSeconds:0} s; lock {period} when it has finished.");
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var existing = await db.MonthCloses.AsNoTracking().Where(c => c.Period == period).Select(c => c.State).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var month = existing is null ? MonthLifecycle.Opened(period) : new MonthLifecycle { Period = period, State = MonthLifecycle.ParseState(existing) };
        if (month.State != Domain.Closing.MonthState.Open)
        {
            return Result<MonthStatement>.Fail(month.Lock([], actor, time.GetUtcNow(), string.Empty).Diagnostics);
        }

        var (result, statement, extra, facts) = await ComputeAsync(db, period, cancellationToken).ConfigureAwait(false);
        var guards = LockGuards.Check(facts, overrideReason);
        if (guards.Any(g => g.IsError))
        {
            return Result<MonthStatement>.Fail(guards);
        }

        if (!result.IsSuccess || statement is null)
        {
            return Result<MonthStatement>.Fail([Diagnostic.Error(WorkflowCodes.MonthHasErrors, $"{period} cannot be closed: the engine found errors."), .. result.Errors]);
        }

        var allocation = result.Value;
        var now = time.GetUtcNow();
        var transition = month.Lock(guards, actor, now, $"policy {allocation.Policy.Id} {allocation.Policy.Version}; pool {allocation.Pool}; paid {statement.TotalPaid}; reports: {LockGuards.Describe(facts.Reports)}", overrideReason);
        if (!transition.IsSuccess)
        {
            return Result<MonthStatement>.Fail(transition.Diagnostics);
        }

        var close = MonthStore.NewRow(statement, actor, now, transition.Value.Event.Reason);
        db.MonthCloses.Add(close);
        Audit(db, period, transition.Value.Event);
        if (!await SaveOrLoseAsync(db, cancellationToken).ConfigureAwait(false))
        {
            return Result<MonthStatement>.Fail(Lost(period, "locked it"));
        }

        await MonthStore.WriteMembersAsync(db, close.Id, statement, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Result<MonthStatement>.Ok(statement, [.. extra, .. result.Diagnostics, .. guards]);
    }

    /// <summary>
    /// Reopens a locked month before approval (a score to fix, a late report to take): the frozen result is discarded and
    /// the month is open again. The reason is kept in the audit log and on the month's public page.
    /// </summary>
    public async Task<Result<MonthStatement>> ReopenAsync(Period period, string actor, string? reason, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var (close, month) = await TakeAsync(db, period, cancellationToken).ConfigureAwait(false);
        var transition = month.Reopen(actor, reason, time.GetUtcNow());
        if (!transition.IsSuccess || close is null)
        {
            return Result<MonthStatement>.Fail(transition.Diagnostics);
        }

        var snapshot = await MonthStore.StatementAsync(db, close, cancellationToken).ConfigureAwait(false);
        await db.Allocations.Where(a => a.MonthCloseId == close.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.MonthMembers.Where(m => m.MonthCloseId == close.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.MonthDepartments.Where(d => d.MonthCloseId == close.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.MonthProposals.Where(p => p.MonthCloseId == close.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.MonthCarries.Where(c => c.MonthCloseId == close.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var removed = await db.MonthCloses.Where(c => c.Id == close.Id && c.State == MonthState.Locked).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        if (removed != 1)
        {
            return Result<MonthStatement>.Fail(Lost(period, "changed it"));
        }

        Audit(db, period, transition.Value.Event with { Details = $"{transition.Value.Event.Details}: pool {snapshot.Pool}, paid {snapshot.TotalPaid} under {snapshot.Policy.Id}" });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Result<MonthStatement>.Ok(snapshot);
    }

    /// <summary>Approves a locked month: one payout per member with an amount, to their address on the policy's rail.</summary>
    public Task<Result<MonthStatement>> ApproveAsync(Period period, string actor, CancellationToken cancellationToken = default) =>
        ApproveAsync(period, actor, null, cancellationToken);

    /// <summary>
    /// Approves a locked month: one payout per member with an amount, to their address on the policy's rail, and the
    /// month's total drawn on the spending proposal in force (RULES.md R10). A draw beyond the proposal's remaining balance
    /// is refused unless <paramref name="overrideReason"/> is given; the reason and <paramref name="actor"/> are then kept
    /// on the draw and in the audit log. A month with nothing to pay is approved and paid at once, with no draw.
    /// </summary>
    public async Task<Result<MonthStatement>> ApproveAsync(Period period, string actor, string? overrideReason, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var (close, month) = await TakeAsync(db, period, cancellationToken).ConfigureAwait(false);
        if (close is null || month.State != Domain.Closing.MonthState.Locked)
        {
            return Result<MonthStatement>.Fail(month.Approve(0, actor, time.GetUtcNow(), string.Empty).Diagnostics);
        }

        var snapshot = await MonthStore.StatementAsync(db, close, cancellationToken).ConfigureAwait(false);
        var policy = PolicyOf(snapshot.Policy.Id, period);
        var rail = RailName(policy.Payout.Rail);
        var addresses = await CurrentAddressesAsync(db, policy, snapshot, cancellationToken).ConfigureAwait(false);
        var provenance = await ProvenanceAsync(db, policy, addresses.Keys, cancellationToken).ConfigureAwait(false);
        var approvedAt = time.GetUtcNow();
        var missing = new List<Diagnostic>();
        var heldWarnings = new List<Diagnostic>();
        var payouts = new List<Payout>();
        var (owed, owedElsewhere) = await OwedAsync(db, snapshot, close.Id, rail, cancellationToken).ConfigureAwait(false);
        heldWarnings.AddRange(owedElsewhere);
        var settles = new List<(Payout Payout, long[] Carries)>();
        foreach (var m in snapshot.Members)
        {
            // R5: what earlier months carried for the member (below the minimum, or held) is added to this payout.
            (UInt128 Units, long[] Payouts, string[] Months)? carriedIn = owed.TryGetValue(m.MemberId, out var owes) ? owes : null;
            var total = carriedIn is { } due ? m.Total + snapshot.Token.Units(due.Units) : m.Total;
            if (total.IsZero)
            {
                continue;
            }

            if (!addresses.TryGetValue(m.MemberId, out var address))
            {
                missing.Add(Diagnostic.Error(WorkflowCodes.PayoutNoAddress, $"{m.Name} ({m.Login}) is owed {total} but has no {rail} address."));
                continue;
            }

            var belowMinimum = policy.Payout.Minimum is { } min && total < min;

            // Issue #13: an unproven address change inside the policy's cooling period is left out of the signing file and
            // its amount carried, as below the minimum (R5: carried, not lost); the signers and the admin see why.
            var held = HoldReason(policy, provenance.GetValueOrDefault(m.MemberId), approvedAt);
            if (held is not null)
            {
                heldWarnings.Add(Diagnostic.Warning(PayoutAddressHeld, $"{m.Name} ({m.Login}): {held}"));
            }

            var carried = belowMinimum || held is not null;
            if (carried && m.Total.IsZero)
            {
                // Nothing new to carry: the earlier carries stay owed on their own rows.
                continue;
            }

            var payout = new Payout
            {
                MonthCloseId = close.Id,
                MemberId = m.MemberId,
                Rail = rail,
                Address = address,
                Units = carried ? UInt128.Zero : total.Units,
                // Carried again: only this month's part is new; the earlier carries stay owed on their own rows.
                CarriedUnits = carried ? m.Total.Units : UInt128.Zero,
                HeldReason = held,
            };
            payouts.Add(payout);
            if (!carried && carriedIn is { } c)
            {
                settles.Add((payout, c.Payouts));
                heldWarnings.Add(Diagnostic.Info(PayoutCarriedIn, $"{m.Name} ({m.Login}): {snapshot.Token.Units(c.Units)} carried from {string.Join(", ", c.Months)} is added to this payout (R5)."));
            }
        }

        if (missing.Count > 0)
        {
            return Result<MonthStatement>.Fail(missing);
        }

        var batches = BatchCount(policy, snapshot.Token, Lines(snapshot, payouts));
        if (!batches.IsSuccess)
        {
            return Result<MonthStatement>.Fail(batches.Diagnostics);
        }

        var now = time.GetUtcNow();
        var paidMembers = payouts.Count(p => p.Units != UInt128.Zero);
        var transition = month.Approve(batches.Value, actor, now, string.Create(CultureInfo.InvariantCulture, $"{snapshot.TotalPaid} to {paidMembers} members in {batches.Value} signing batch(es)"));
        if (!transition.IsSuccess)
        {
            return Result<MonthStatement>.Fail(transition.Diagnostics);
        }

        var next = transition.Value.Month;
        var nextState = MonthLifecycle.Name(next.State);
        var claimed = await db.MonthCloses.Where(c => c.Id == close.Id && c.State == MonthState.Locked)
            .ExecuteUpdateAsync(
                u => u.SetProperty(c => c.State, nextState).SetProperty(c => c.Batches, next.Batches).SetProperty(c => c.ApprovedBy, actor)
                    .SetProperty(c => c.ApprovedAt, now).SetProperty(c => c.PaidAt, next.State == Domain.Closing.MonthState.Paid ? now : null),
                cancellationToken).ConfigureAwait(false);
        if (claimed != 1)
        {
            return Result<MonthStatement>.Fail(Lost(period, "approved it"));
        }

        db.Payouts.AddRange(payouts);
        IReadOnlyList<Diagnostic> drawDiagnostics = [];
        if (!snapshot.TotalPaid.IsZero)
        {
            // R10: the month's total is drawn on the proposal in force; an overdraw needs an admin's reason.
            var adminOverride = string.IsNullOrWhiteSpace(overrideReason) ? null : new Embassy.Domain.Treasury.DrawOverride(actor, overrideReason.Trim(), now);
            var drawn = await TreasuryStore.DrawMonthAsync(db, period, snapshot.TotalPaid, DateOnly.FromDateTime(now.UtcDateTime), adminOverride, actor, now, cancellationToken).ConfigureAwait(false);
            if (!drawn.IsSuccess)
            {
                return Result<MonthStatement>.Fail(drawn.Diagnostics);
            }

            drawDiagnostics = drawn.Diagnostics;
        }

        Audit(db, period, transition.Value.Event);
        await MonthReceipts.RequestAsync(db, period, github, now, cancellationToken).ConfigureAwait(false); // issue #14: the receipts, in this transaction
        if (!await SaveOrLoseAsync(db, cancellationToken).ConfigureAwait(false))
        {
            return Result<MonthStatement>.Fail(Lost(period, "approved it"));
        }

        foreach (var (payout, carries) in settles)
        {
            // One conditional update per member: a carry another month's approval paid meanwhile is never paid twice.
            var settled = await db.Payouts.Where(p => carries.Contains(p.Id) && p.SettledByPayoutId == null)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.SettledByPayoutId, payout.Id), cancellationToken).ConfigureAwait(false);
            if (settled != carries.Length)
            {
                return Result<MonthStatement>.Fail(Lost(period, "paid a carried amount"));
            }
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Result<MonthStatement>.Ok(snapshot, [.. drawDiagnostics, .. heldWarnings]);
    }

    /// <summary>The payout file of an approved month (Embassy.Chain's manual sheet: CSV), for the treasury signers.</summary>
    public async Task<Result<ManualPayout>> PayoutFileAsync(Period period, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var close = await db.MonthCloses.AsNoTracking().SingleOrDefaultAsync(c => c.Period == period, cancellationToken).ConfigureAwait(false);
        if (close is null || close.State == MonthState.Locked)
        {
            return Result<ManualPayout>.Fail(WorkflowCodes.MonthNotApproved, $"{period} is not approved yet; payout files follow approval.");
        }

        var snapshot = await MonthStore.StatementAsync(db, close, cancellationToken).ConfigureAwait(false);
        var policy = PolicyOf(snapshot.Policy.Id, period);
        var payouts = await db.Payouts.AsNoTracking().Where(p => p.MonthCloseId == close.Id).OrderBy(p => p.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return ManualPayout.Build(Lines(snapshot, payouts), snapshot.Token, policy.Payout.Ss58Prefix, period, snapshot.Policy.Id, policy.Payout.Minimum);
    }

    /// <summary>
    /// The evm rail's payout (R9): Safe Transaction Builder batches of ERC-20 transfers for the policy's token contract,
    /// for an approved month whose policy pays on the evm rail.
    /// </summary>
    public async Task<Result<EvmPayout>> EvmPayoutAsync(Period period, CancellationToken cancellationToken = default)
    {
        var sheet = await PayoutFileAsync(period, cancellationToken).ConfigureAwait(false);
        if (!sheet.IsSuccess)
        {
            return Result<EvmPayout>.Fail(sheet.Diagnostics);
        }

        // The sheet is the frozen month's payout, with its token and policy: the month is not read a second time.
        var policy = PolicyOf(sheet.Value.PolicyId, period);
        var lines = sheet.Value.Rows.Select(r => new PayoutLine(r.Member, r.Address, r.Amount, r.Handle)).ToArray();
        return PayoutRails.Evm(policy, sheet.Value.Token, lines, period.ToString());
    }

    /// <summary>
    /// The substrate rail's payout (R9): unsigned <c>utility.batch_all</c> call data of <c>balances.transfer_keep_alive</c>
    /// transfers, chunked, each with the BLAKE2b-256 call hash multisig approvers compare; for an approved month whose
    /// policy pays on the substrate rail (the Phala parachain profile, with the policy's prefix and minimum).
    /// </summary>
    public async Task<Result<SubstratePayout>> SubstratePayoutAsync(Period period, CancellationToken cancellationToken = default)
    {
        var sheet = await PayoutFileAsync(period, cancellationToken).ConfigureAwait(false);
        if (!sheet.IsSuccess)
        {
            return Result<SubstratePayout>.Fail(sheet.Diagnostics);
        }

        // The sheet is the frozen month's payout, with its token and policy: the month is not read a second time.
        var policy = PolicyOf(sheet.Value.PolicyId, period);
        var lines = sheet.Value.Rows.Select(r => new PayoutLine(r.Member, r.Address, r.Amount, r.Handle)).ToArray();
        return PayoutRails.Substrate(policy, sheet.Value.Token, lines, period.ToString());
    }

    /// <summary>Records the transaction of the first batch without one (a payout of one batch: the month's transaction).</summary>
    public Task<Result<string>> RecordTransactionAsync(Period period, string txHash, string actor, CancellationToken cancellationToken = default) =>
        RecordTransactionAsync(period, null, txHash, actor, cancellationToken);

    /// <summary>
    /// Records the transaction that paid signing batch <paramref name="batch"/> of an approved month (the first batch
    /// without one when null); the month becomes paid when every batch has its transaction (R9). A batch is recorded
    /// once; a wrong hash is corrected with <see cref="CorrectTransactionAsync"/>.
    /// </summary>
    public Task<Result<string>> RecordTransactionAsync(Period period, int? batch, string txHash, string actor, CancellationToken cancellationToken = default) =>
        RecordTransactionAsync(period, batch, txHash, actor, overrideReason: null, cancellationToken);

    /// <summary>As above; <paramref name="overrideReason"/> records a hash the chain does not confirm as the batch (#13, audited).</summary>
    public async Task<Result<string>> RecordTransactionAsync(Period period, int? batch, string txHash, string actor, string? overrideReason, CancellationToken cancellationToken = default)
    {
        var hash = (txHash ?? string.Empty).Trim();

        // #13: the chain's word on the hash, before the month's row is taken (MonthCloseWorkflow.Payments.cs).
        var checkedPayment = await CheckPaymentAsync(period, batch, hash, actor, overrideReason, cancellationToken).ConfigureAwait(false);
        if (!checkedPayment.IsSuccess)
        {
            return Result<string>.Fail(checkedPayment.Diagnostics);
        }

        batch = checkedPayment.Value;
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var (close, month) = await TakeAsync(db, period, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (close is null || month.State != Domain.Closing.MonthState.Approved)
        {
            return Result<string>.Fail(month.RecordPayment(1, hash, actor, now).Diagnostics);
        }

        var policy = PolicyOf(close.PolicyName, period);
        if (!TransactionHash.IsValid(hash, policy.Payout.Rail))
        {
            return Result<string>.Fail(WorkflowCodes.TxHashInvalid, "A transaction hash is 0x followed by 64 hexadecimal digits.");
        }

        var number = batch ?? Enumerable.Range(1, Math.Max(month.Batches, 1)).FirstOrDefault(b => month.Payments.All(p => p.Batch != b), 1);
        var transition = month.RecordPayment(number, hash, actor, now);
        if (!transition.IsSuccess)
        {
            return Result<string>.Fail(transition.Diagnostics);
        }

        db.PayoutTransactions.Add(new PayoutTransaction { MonthCloseId = close.Id, Batch = number, TxHash = hash, RecordedBy = actor, RecordedAt = now });
        if (transition.Value.Month.State == Domain.Closing.MonthState.Paid
            && await db.MonthCloses.Where(c => c.Id == close.Id && c.State == MonthState.Approved)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.State, MonthState.Paid).SetProperty(c => c.PaidAt, now), cancellationToken).ConfigureAwait(false) != 1)
        {
            return Result<string>.Fail(Lost(period, "recorded a payment"));
        }

        Audit(db, period, transition.Value.Event);
        if (transition.Value.Month.State == Domain.Closing.MonthState.Paid)
        {
            await MonthReceipts.RequestAsync(db, period, github, now, cancellationToken).ConfigureAwait(false); // issue #14: the receipts gain the payment
        }

        if (!await SaveOrLoseAsync(db, cancellationToken).ConfigureAwait(false))
        {
            return Result<string>.Fail(Lost(period, "recorded this batch"));
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Result<string>.Ok(hash);
    }

    /// <summary>
    /// Corrects the recorded transaction of a batch (a mistyped hash): the old row is kept, superseded, with who and why;
    /// the new hash becomes the batch's transaction. The reason appears in the audit log and on the month's public page.
    /// </summary>
    public async Task<Result<string>> CorrectTransactionAsync(Period period, int batch, string txHash, string actor, string? reason, CancellationToken cancellationToken = default)
    {
        var hash = (txHash ?? string.Empty).Trim();

        // #13: a corrected hash is checked on the chain like a first one (MonthCloseWorkflow.Payments.cs).
        var checkedPayment = string.IsNullOrWhiteSpace(reason) ? Result<int?>.Ok(batch) // refused below: nothing to check
            : await CheckPaymentAsync(period, batch, hash, actor, overrideReason: null, cancellationToken, correcting: true).ConfigureAwait(false);
        if (!checkedPayment.IsSuccess)
        {
            return Result<string>.Fail(checkedPayment.Diagnostics);
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var (close, month) = await TakeAsync(db, period, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var policy = PolicyOf(close?.PolicyName, period);
        if (close is not null && !TransactionHash.IsValid(hash, policy.Payout.Rail))
        {
            return Result<string>.Fail(WorkflowCodes.TxHashInvalid, "A transaction hash is 0x followed by 64 hexadecimal digits.");
        }

        var transition = month.CorrectPayment(batch, hash, actor, reason, now);
        if (!transition.IsSuccess || close is null)
        {
            return Result<string>.Fail(transition.Diagnostics);
        }

        var superseded = await db.PayoutTransactions.Where(t => t.MonthCloseId == close.Id && t.Batch == batch && t.SupersededAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.SupersededAt, now).SetProperty(t => t.SupersededBy, actor).SetProperty(t => t.CorrectionReason, reason!.Trim()), cancellationToken)
            .ConfigureAwait(false);
        if (superseded != 1)
        {
            return Result<string>.Fail(Lost(period, "corrected this batch"));
        }

        db.PayoutTransactions.Add(new PayoutTransaction { MonthCloseId = close.Id, Batch = batch, TxHash = hash, RecordedBy = actor, RecordedAt = now });
        Audit(db, period, transition.Value.Event);
        await MonthReceipts.RequestAsync(db, period, github, now, cancellationToken).ConfigureAwait(false); // issue #14: the receipts show the corrected link
        if (!await SaveOrLoseAsync(db, cancellationToken).ConfigureAwait(false))
        {
            return Result<string>.Fail(Lost(period, "corrected this batch"));
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Result<string>.Ok(hash);
    }

    /// <summary>Confirms a rank change the engine proposed at close (R8): a rank event from the first day of the next month.</summary>
    public async Task<Result<string>> ConfirmProposalAsync(Period period, string member, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var frozen = (await MonthStore.FindAsync(db, period, cancellationToken).ConfigureAwait(false))?.Month;
        var proposal = frozen?.Proposals.FirstOrDefault(p => string.Equals(p.Member, member, StringComparison.Ordinal));
        var snapshotMember = frozen?.Members.FirstOrDefault(m => string.Equals(m.Login, member, StringComparison.Ordinal));
        if (proposal is null || snapshotMember is null || snapshotMember.MemberId == 0)
        {
            return Result<string>.Fail(WorkflowCodes.ProposalUnknown, $"No rank change was proposed for '{member}' in {period}.");
        }

        var from = proposal.EffectiveFrom.FirstDay;
        if (await db.RankEvents.AnyAsync(e => e.MemberId == snapshotMember.MemberId && e.Rank == proposal.To.Code && e.EffectiveFrom == from, cancellationToken).ConfigureAwait(false))
        {
            return Result<string>.Ok(proposal.To.Code);
        }

        var now = time.GetUtcNow();
        db.RankEvents.Add(new RankEvent { MemberId = snapshotMember.MemberId, Rank = proposal.To.Code, EffectiveFrom = from, Actor = actor, Reason = "Promotion confirmed at the close of " + period + ": " + proposal.Reason, RecordedAt = now });
        ProgramTables.Audit(db, now, actor, "rank.changed", "member:" + snapshotMember.MemberId, $"{proposal.From} → {proposal.To} from {from:yyyy-MM-dd} (proposed at close of {period})");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<string>.Ok(proposal.To.Code);
    }

    /// <summary>Locked months, newest first, with their state.</summary>
    public async Task<IReadOnlyList<(Period Period, string State)>> ClosedMonthsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.MonthCloses.AsNoTracking().Select(c => new { c.Period, c.State }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => (r.Period, r.State)).OrderByDescending(r => r.Period).ToArray();
    }

    private static async Task<MonthFunding?> FundingAsync(EmbassyDbContext db, Period period, MonthStatement snapshot, CancellationToken cancellationToken)
    {
        var total = snapshot.TotalPaid;
        return total.IsZero ? null : await TreasuryStore.CheckMonthAsync(db, period, total, period.Next.FirstDay, cancellationToken).ConfigureAwait(false);
    }

    // R10: the preview says before approval what approving would draw, and that an overdraw needs a reason.
    private static IReadOnlyList<Diagnostic> FundingDiagnostics(Period period, MonthFunding? funding) => funding?.Problem is { } problem
        ? [Diagnostic.Warning(problem.Code, $"Approving {period} would be refused: {problem.Message}")]
        : [];

    internal static string RailName(PayoutRail rail) => rail switch
    {
        PayoutRail.Substrate => "substrate",
        PayoutRail.Evm => "evm",
        _ => "manual",
    };

    /// <summary>The current payment of each batch of a month.</summary>
    internal static async Task<IReadOnlyList<BatchPayment>> PaymentsAsync(EmbassyDbContext db, long monthCloseId, CancellationToken cancellationToken) =>
        (await db.PayoutTransactions.AsNoTracking().Where(t => t.MonthCloseId == monthCloseId && t.SupersededAt == null)
            .OrderBy(t => t.Batch).Select(t => new { t.Batch, t.TxHash }).ToListAsync(cancellationToken).ConfigureAwait(false))
        .Select(t => new BatchPayment(t.Batch, t.TxHash)).ToArray();

    /// <summary>The month's audit entries, oldest first.</summary>
    internal static async Task<IReadOnlyList<MonthHistoryEntry>> HistoryAsync(EmbassyDbContext db, Period period, CancellationToken cancellationToken)
    {
        var subject = "month:" + period;
        var rows = await db.AuditLog.AsNoTracking().Where(a => a.Subject == subject).OrderBy(a => a.Id)
            .Select(a => new { a.At, a.Actor, a.Action, a.Details }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(a => new MonthHistoryEntry(a.At, a.Actor, a.Action, a.Details)).ToArray();
    }

    /// <summary>
    /// Takes the month's row for this transaction before reading it: on PostgreSQL the no-op update holds the row lock until
    /// commit, so a concurrent step waits and then reads the state the first one left; SQLite's write transaction (BEGIN
    /// IMMEDIATE) serialises the whole file the same way.
    /// </summary>
    private static async Task<(MonthClose? Close, MonthLifecycle Month)> TakeAsync(EmbassyDbContext db, Period period, CancellationToken cancellationToken)
    {
        await db.MonthCloses.Where(c => c.Period == period).ExecuteUpdateAsync(u => u.SetProperty(c => c.Batches, c => c.Batches), cancellationToken).ConfigureAwait(false);
        var close = await db.MonthCloses.AsNoTracking().SingleOrDefaultAsync(c => c.Period == period, cancellationToken).ConfigureAwait(false);
        if (close is null)
        {
            return (null, MonthLifecycle.Opened(period));
        }

        var payments = await PaymentsAsync(db, close.Id, cancellationToken).ConfigureAwait(false);
        return (close, new MonthLifecycle { Period = period, State = MonthLifecycle.ParseState(close.State), Batches = close.Batches, Payments = payments });
    }

    private static void Audit(EmbassyDbContext db, Period period, MonthEvent e)
    {
        var details = e.Reason is null ? e.Details : $"{e.Details}; reason: {e.Reason}";
        ProgramTables.Audit(db, e.At, e.Actor, e.Action, "month:" + period, details);
        EmbassyMetrics.MonthTransition(e.Action); // every transition passes here, once, before its save
    }

    /// <summary>Saves; false when a unique key refused the write (a concurrent step won: nothing of this one is kept).</summary>
    private static async Task<bool> SaveOrLoseAsync(EmbassyDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            return false;
        }
    }

    private static Diagnostic[] Lost(Period period, string what) =>
        [Diagnostic.Error(ClosingCodes.MonthChanged, $"Another request {what} first; {period} was not changed by this one. Reload the month to see its state.")];

    private async Task<IAsyncDisposable?> AcquireSyncAsync(CancellationToken cancellationToken)
    {
        if (workLock is null || github is null || !RepositoryName.Parse(github.Repository).IsSuccess)
        {
            return null;
        }

        // Lock takes the sync's work lock (the same name IssueSync uses), so reports still arriving are in before the freeze.
        var name = "sync:" + RepositoryName.Parse(github.Repository).Value.Key;
        var started = time.GetTimestamp();
        while (true)
        {
            var held = await workLock.TryAcquireAsync(name, cancellationToken).ConfigureAwait(false);
            if (held is not null)
            {
                return held;
            }

            if (time.GetElapsedTime(started) >= SyncWait)
            {
                return new BlockedGate();
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<Dictionary<long, string>> CurrentAddressesAsync(EmbassyDbContext db, Policy policy, MonthStatement snapshot, CancellationToken cancellationToken)
    {
        var rail = RailName(policy.Payout.Rail);
        var ids = snapshot.Members.Where(m => m.MemberId > 0).Select(m => m.MemberId).ToHashSet();
        var rows = await db.PayoutAddresses.AsNoTracking().Where(a => policy.Payout.Rail == PayoutRail.Manual || a.Rail == rail)
            .Select(a => new { a.Id, a.MemberId, a.Address, a.ValidFrom }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Where(a => ids.Contains(a.MemberId)).GroupBy(a => a.MemberId)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.ValidFrom).ThenBy(a => a.Id).Last().Address);
    }

    /// <summary>
    /// R5: the amounts earlier months carried per member (below the rail's minimum, or held) and not yet paid, split into
    /// what this month's payout on <paramref name="rail"/> in the month's token can pay (summed, with the payout rows
    /// and months) and carries in another token or on another rail (PHA before and after the move to Ethereum): those
    /// cannot be added to this payout, stay owed, and the approval warns about each.
    /// </summary>
    private static async Task<(Dictionary<long, (UInt128 Units, long[] Payouts, string[] Months)> Owed, List<Diagnostic> Elsewhere)> OwedAsync(
        EmbassyDbContext db, MonthStatement snapshot, long closeId, string rail, CancellationToken cancellationToken)
    {
        var token = snapshot.Token;
        var rows = await (
                from p in db.Payouts.AsNoTracking()
                join c in db.MonthCloses on p.MonthCloseId equals c.Id
                where p.SettledByPayoutId == null && p.CarriedUnits != UInt128.Zero && p.MonthCloseId != closeId
                select new { p.Id, p.MemberId, p.CarriedUnits, p.Rail, c.Period, c.Token, c.Decimals })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var here = rows.Where(r => r.Rail == rail && r.Token == token.Symbol && r.Decimals == token.Decimals).ToList();
        var owed = here.GroupBy(r => r.MemberId).ToDictionary(
            g => g.Key,
            g => (g.Aggregate(UInt128.Zero, (sum, r) => checked(sum + r.CarriedUnits)), g.Select(r => r.Id).ToArray(), g.Select(r => r.Period.ToString()).Distinct().Order(StringComparer.Ordinal).ToArray()));
        var members = snapshot.Members.Where(m => m.MemberId > 0).ToDictionary(m => m.MemberId);
        var elsewhere = rows.Except(here).Where(r => members.ContainsKey(r.MemberId)).OrderBy(r => r.MemberId).ThenBy(r => r.Period)
            .Select(r => Diagnostic.Warning(PayoutCarriedElsewhere, string.Create(CultureInfo.InvariantCulture,
                $"{members[r.MemberId].Name} ({members[r.MemberId].Login}): {r.CarriedUnits} smallest units of {r.Token} ({r.Decimals} decimals) carried from {r.Period} on the {r.Rail} rail cannot be added to this month's {token.Symbol} payout on {rail}; it stays owed (R5).")))
            .ToList();
        return (owed, elsewhere);
    }

    private static PayoutLine[] Lines(MonthStatement snapshot, IEnumerable<Payout> payouts)
    {
        var names = snapshot.Members.Where(m => m.MemberId > 0).ToDictionary(m => m.MemberId, m => m.Login);
        var token = snapshot.Token;
        return payouts.Where(p => p.Units != UInt128.Zero)
            .Select(p => new PayoutLine(names.GetValueOrDefault(p.MemberId) ?? p.MemberId.ToString(CultureInfo.InvariantCulture), p.Address, token.Units(p.Units), names.GetValueOrDefault(p.MemberId)))
            .ToArray();
    }

    /// <summary>R9: how many signing batches the policy's rail makes of these lines (the files the signers sign, one hash each).</summary>
    private static Result<int> BatchCount(Policy policy, Token token, PayoutLine[] lines)
    {
        if (lines.Length == 0)
        {
            return Result<int>.Ok(0);
        }

        return policy.Payout.Rail switch
        {
            PayoutRail.Evm => PayoutRails.Evm(policy, token, lines, "the month").Map(p => p.Chunks.Count),
            PayoutRail.Substrate => PayoutRails.Substrate(policy, token, lines, "the month").Map(p => p.Batches.Count),
            _ => Result<int>.Ok(1),
        };
    }

    /// <summary>The policy a frozen month was computed with (R1), or the one in force when the catalogue no longer has it.</summary>
    private Policy PolicyOf(string? policyId, Period period) => (policyId is null ? null : _catalog.Find(policyId)) ?? PolicyFor(period);

    private static async Task<IReadOnlySet<string>> ConfirmedAsync(EmbassyDbContext db, MonthStatement snapshot, CancellationToken cancellationToken)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in snapshot.Proposals)
        {
            var member = snapshot.Members.FirstOrDefault(m => m.Login == p.Member);
            var from = p.EffectiveFrom.FirstDay;
            if (member is not null && await db.RankEvents.AnyAsync(e => e.MemberId == member.MemberId && e.Rank == p.To.Code && e.EffectiveFrom == from, cancellationToken).ConfigureAwait(false))
            {
                set.Add(p.Member);
            }
        }

        return set;
    }

    /// <summary>Builds the engine's input from the database, computes the month, and gathers what the lock guards look at.</summary>
    private async Task<(Result<MonthAllocation> Result, MonthStatement? Month, IReadOnlyList<Diagnostic> Extra, LockFacts Facts)> ComputeAsync(
        EmbassyDbContext db, Period period, CancellationToken cancellationToken)
    {
        var policy = PolicyFor(period);
        var roster = await MemberRoster.ForCloseAsync(db, period.FirstDay, RailName(policy.Payout.Rail), cancellationToken).ConfigureAwait(false);
        var members = new List<DomainMember>(roster.Count);
        var active = new List<CloseMember>(roster.Count);
        foreach (var m in roster)
        {
            if (m.Rank is null || m.Rank == Rank.Terminated.Code)
            {
                continue;
            }

            members.Add(new DomainMember(m.EngineId, new Rank(m.Rank), m.Joined, null, m.Region));
            active.Add(m);
        }

        // The month's scores, read once: who scored which report (the queue's states) and the columns the mean needs (R3);
        // the reason and times of 30,000 scores are not read at a close.
        // From the month's reports (by their period index) to their scores, not every score of every month.
        var scoreRows = await (
                from r in db.Reports.Where(r => r.Period == period)
                join s in db.Scores on r.Id equals s.ReportId
                select new Score { Id = s.Id, ReportId = s.ReportId, Reviewer = s.Reviewer, Department = s.Department, EffortHundredths = s.EffortHundredths, ResultsHundredths = s.ResultsHundredths, IsLeadOverride = s.IsLeadOverride })
            .AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var scoresOf = scoreRows.ToLookup(s => s.ReportId);
        var extra = new List<Diagnostic>();
        await ReportFreezes.FreezeDueAsync(db, policy, period, time.GetUtcNow(), cancellationToken).ConfigureAwait(false); // R7: the queue scores the frozen versions
        var queue = await ReviewQueue.ItemsAsync(db, policy, period, scoresOf, cancellationToken).ConfigureAwait(false);
        foreach (var item in queue.Where(i => i.State is ReviewStates.Filed or ReviewStates.NeedsFix))
        {
            extra.Add(Diagnostic.Warning("REPORT_UNSCORED", $"Report #{item.IssueNumber} by {item.Author} is not scored ({item.State}); it counts as no report."));
        }

        foreach (var item in queue.Where(i => i.State == ReviewStates.Unmatched))
        {
            extra.Add(Diagnostic.Warning("REPORT_UNMATCHED", $"Report #{item.IssueNumber} by {item.Author} matches no member; link the author to count it."));
        }

        extra.AddRange(MemberRoster.SharedAddressWarnings(active.Select(m => (m.EngineId, m.Address))));
        var byId = roster.ToDictionary(r => r.Id);
        var scored = queue.Where(i => i.State == ReviewStates.Scored && i.MemberId is not null && byId.ContainsKey(i.MemberId.Value)).ToArray();
        // R7: one accepted report per member and month, the first filed (lowest id); members in the queue's order.
        var reportOf = new Dictionary<long, ReviewItem>(scored.Length);
        foreach (var item in scored)
        {
            if (!reportOf.TryGetValue(item.MemberId!.Value, out var first) || item.ReportId < first.ReportId)
            {
                reportOf[item.MemberId.Value] = item;
            }
        }

        var lines = new List<ScoreLine>(reportOf.Count * 3);
        var choices = new List<MemberChoice>(reportOf.Count);
        var reviewers = new List<ReviewerScore>(4);
        foreach (var item in reportOf.Values)
        {
            var engineId = byId[item.MemberId!.Value].EngineId;
            var latest = ReviewQueue.LatestScores(scoresOf[item.ReportId]);
            for (var i = 0; i < latest.Count; i++)
            {
                var department = latest[i].Department;
                if (IndexOfDepartment(latest, department) < i)
                {
                    continue; // its reviewers met already
                }

                reviewers.Clear();
                for (var j = i; j < latest.Count; j++)
                {
                    if (string.Equals(latest[j].Department, department, StringComparison.Ordinal))
                    {
                        var s = latest[j];
                        reviewers.Add(new ReviewerScore(Points.FromHundredths(s.EffortHundredths), Points.FromHundredths(s.ResultsHundredths), s.IsLeadOverride, s.Id));
                    }
                }

                // R3: several reviewers' scores meet in the mean, rounded half up to the policy's step (one domain rule).
                var (effort, results) = ReviewerScores.Final(reviewers, policy.Scoring.Step);
                lines.Add(new ScoreLine(engineId, department, effort, results, null));
            }

            var chosen = item.Departments.Where(d => policy.FindDepartment(d)?.Kind == DepartmentKind.Selectable).ToArray();
            if (chosen.Length > 0)
            {
                choices.Add(new MemberChoice(engineId, chosen));
            }
        }

        var history = await MonthStore.HistoryAsync(db, period, cancellationToken).ConfigureAwait(false);
        var previous = await MonthStore.CarriedOutAsync(db, period.Previous, cancellationToken).ConfigureAwait(false);
        var carried = new Dictionary<string, TokenAmount>(StringComparer.Ordinal);
        if (previous is { } last && last.Token == policy.Token)
        {
            foreach (var (code, amount) in last.CarriedOut)
            {
                if (code.Length == 0 || policy.FindDepartment(code) is not null)
                {
                    carried[code] = amount;
                }
            }
        }

        // R10: a policy with fiat caps converts them with the month's recorded price (one domain rule, in the engine).
        var prices = policy.FiatCaps.Count > 0
            ? (await TreasuryStore.PricesAsync(db, policy.Token, cancellationToken).ConfigureAwait(false)).ToArray()
            : [];
        var input = new MonthInput
        {
            Policy = policy,
            Period = period,
            Members = members,
            Scores = lines,
            Choices = choices,
            History = history,
            CarriedIn = carried,
            Prices = prices,
        };
        var result = MonthEngine.Compute(input);
        var held = new Dictionary<long, string>();
        if (!result.IsSuccess)
        {
            // A member's own error (one department, a score above the maximum) holds that member's report, not the month.
            var reportByEngineId = reportOf.Values.ToDictionary(i => byId[i.MemberId!.Value].EngineId, StringComparer.Ordinal);
            var wrong = MemberErrors.Find(input);
            if (wrong.Count > 0)
            {
                input = input with
                {
                    Scores = lines.Where(l => !wrong.ContainsKey(l.Member)).ToArray(),
                    Choices = choices.Where(c => !wrong.ContainsKey(c.Member)).ToArray(),
                };
                result = MonthEngine.Compute(input);
                foreach (var (member, errors) in wrong.OrderBy(w => w.Key, StringComparer.Ordinal))
                {
                    var item = reportByEngineId[member];
                    var why = string.Join("; ", errors.Select(e => e.Code + ": " + e.Message));
                    held[item.ReportId] = why;
                    extra.Add(Diagnostic.Warning(WorkflowCodes.ReportHeld, $"Report #{item.IssueNumber} by {item.Author} is held, so it counts as no report: {why} Correct the scores, or reject the report."));
                }
            }
        }

        var facts = Facts(period, policy, members.Count, queue, held) with { OpenAppeals = await Appeals.OpenAsync(db, period, cancellationToken).ConfigureAwait(false) };
        if (!result.IsSuccess)
        {
            return (result, null, extra, facts);
        }

        // A pool far from the previous month's usually means the wrong policy is in force (issue #17: V.5's 90,000 vs 45,000);
        // a payout above the monthly plan of the proposal the month would draw on means the funding runs out sooner (R10).
        var previousPool = await MonthStore.PoolAsync(db, period.Previous, cancellationToken).ConfigureAwait(false);
        var plan = await TreasuryStore.PlanInForceAsync(db, result.Value.TotalPaid, cancellationToken).ConfigureAwait(false);
        extra.AddRange(CloseWarnings.Check(policy, result.Value.Pool, previousPool, result.Value.TotalPaid, plan?.PlannedPerMonth, plan?.Proposal));
        var names = roster.ToDictionary(r => r.EngineId, r => (r.Id, r.DisplayName), StringComparer.Ordinal);
        var statement = MonthStatement.From(result.Value, policy.Name, code => policy.FindDepartment(code)?.Name ?? code, names);
        return (result, statement, extra, facts);
    }

    private static int IndexOfDepartment(IReadOnlyList<Score> scores, string department)
    {
        for (var i = 0; i < scores.Count; i++)
        {
            if (string.Equals(scores[i].Department, department, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The lock guards' input: the time, the catalogue's first month, the deadline (R7) and the month's reports.</summary>
    private LockFacts Facts(Period period, Policy policy, int members, IReadOnlyList<ReviewItem> queue, IReadOnlyDictionary<long, string> held)
    {
        var matched = queue.Where(i => i.MemberId is not null && i.State is not (ReviewStates.Late or ReviewStates.Unmatched or ReviewStates.Rejected)).GroupBy(i => i.MemberId!.Value).ToArray();
        // A held report (its member's own error) counts as not scored: the lock waits for a fix, or an override with a reason.
        var unscored = matched.Where(g => g.All(i => i.State != ReviewStates.Scored || held.ContainsKey(i.ReportId))).Select(g => g.OrderBy(i => i.ReportId).First()).ToArray();
        var counts = new ReportCounts(
            Filed: matched.Length,
            Scored: matched.Length - unscored.Length,
            Unscored: unscored.Length,
            Late: queue.Count(i => i.State == ReviewStates.Late),
            Unmatched: queue.Count(i => i.State == ReviewStates.Unmatched),
            Duplicates: matched.Sum(g => g.Count() - 1)); // R7: one accepted report per member and month
        var first = _catalog.All.Count == 0 ? policy.From : _catalog.All.Min(p => p.From);
        return new LockFacts(period, time.GetUtcNow(), first, policy.Deadline.EndOf(period), members, counts,
            unscored.Select(i => string.Create(CultureInfo.InvariantCulture, $"#{i.IssueNumber} by {i.Author}{(held.ContainsKey(i.ReportId) ? " (held)" : string.Empty)}")).ToArray());
    }

    /// <summary>Stands for a sync lock that could not be had in time.</summary>
    private sealed class BlockedGate : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>A member with their GitHub login and rank history, as the engine and pages need them.</summary>
public sealed record RosterEntry(Data.Entities.Member Member, string? GitHubLogin, IReadOnlyList<RankEvent> Ranks)
{
    /// <summary>The engine's id: the GitHub login (lower case), or <c>member-N</c> without one.</summary>
    public string EngineId => EngineIdOf(Member.Id, GitHubLogin);

    /// <summary>The engine's id of the member <paramref name="id"/> with <paramref name="login"/>.</summary>
    public static string EngineIdOf(long id, string? login) => login ?? "member-" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The first day of the first rank event.</summary>
    public DateOnly? Joined => Ranks.Count == 0 ? null : Ranks.Min(r => r.EffectiveFrom);

    /// <summary>The rank in force on <paramref name="day"/> (see <see cref="MemberRoster.RankAt"/>).</summary>
    public string? RankAt(DateOnly day) => MemberRoster.RankAt(Ranks.Select(r => (r.EffectiveFrom, r.Id, r.Rank)), day);

    /// <summary>The member's current payout address on <paramref name="rail"/> (the latest recorded), or null.</summary>
    public string? AddressOn(string rail) =>
        Member.PayoutAddresses.Where(a => a.Rail == rail).OrderBy(a => a.ValidFrom).ThenBy(a => a.Id).LastOrDefault()?.Address;
}

/// <summary>
/// A registry member as a month close reads them: what the engine and the close's warnings use, on the month's first day
/// and the policy's rail. Read as a few narrow columns (issue #10: whole rows of members, handles, rank events and
/// addresses were a fifth of a lock's time at 10,000 members).
/// </summary>
/// <param name="Id">Registry id.</param>
/// <param name="EngineId">The engine's id (see <see cref="RosterEntry.EngineId"/>).</param>
/// <param name="DisplayName">The display name.</param>
/// <param name="Region">The region, for regional bonuses.</param>
/// <param name="Rank">The rank in force on the day (<see cref="MemberRoster.RankAt"/>), or null without rank events.</param>
/// <param name="Joined">The first day of the first rank event.</param>
/// <param name="Address">The current payout address on the rail, or null.</param>
public sealed record CloseMember(long Id, string EngineId, string DisplayName, string? Region, string? Rank, DateOnly? Joined, string? Address);

/// <summary>Loads the member registry.</summary>
public static class MemberRoster
{
    /// <summary>
    /// R2: the rank in force on <paramref name="day"/> is the latest event effective by then (the later recorded of two on
    /// one day); a member whose first event comes after the day (joined during the month) has that first rank.
    /// </summary>
    public static string? RankAt(IEnumerable<(DateOnly From, long Id, string Rank)> events, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(events);
        (DateOnly From, long Id, string Rank)? inForce = null, first = null;
        foreach (var e in events)
        {
            if (e.From <= day && (inForce is not { } f || (e.From, e.Id).CompareTo((f.From, f.Id)) > 0))
            {
                inForce = e;
            }

            if (first is not { } g || (e.From, e.Id).CompareTo((g.From, g.Id)) < 0)
            {
                first = e;
            }
        }

        return (inForce ?? first)?.Rank;
    }

    /// <summary>The registry as the close of the month starting <paramref name="day"/> reads it (see <see cref="CloseMember"/>).</summary>
    public static async Task<IReadOnlyList<CloseMember>> ForCloseAsync(EmbassyDbContext db, DateOnly day, string rail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var members = await db.Members.AsNoTracking().OrderBy(m => m.Id).Select(m => new { m.Id, m.DisplayName, m.Region }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var logins = new Dictionary<long, string>(members.Count);
        foreach (var h in await db.MemberHandles.AsNoTracking().Where(h => h.Kind == MemberHandle.GitHub).OrderBy(h => h.Id).Select(h => new { h.MemberId, h.NormalizedValue }).ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            logins.TryAdd(h.MemberId, h.NormalizedValue); // the first GitHub handle, as RosterEntry.GitHubLogin
        }

        var ranks = (await db.RankEvents.AsNoTracking().Select(r => new { r.MemberId, r.EffectiveFrom, r.Id, r.Rank }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(r => r.MemberId, r => (r.EffectiveFrom, r.Id, r.Rank));
        var addresses = new Dictionary<long, (DateOnly From, long Id, string Address)>();
        foreach (var a in await db.PayoutAddresses.AsNoTracking().Where(a => a.Rail == rail).Select(a => new { a.MemberId, a.ValidFrom, a.Id, a.Address }).ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            // The latest recorded, as RosterEntry.AddressOn.
            if (!addresses.TryGetValue(a.MemberId, out var current) || (a.ValidFrom, a.Id).CompareTo((current.From, current.Id)) > 0)
            {
                addresses[a.MemberId] = (a.ValidFrom, a.Id, a.Address);
            }
        }

        var result = new CloseMember[members.Count];
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            var events = ranks[m.Id];
            DateOnly? joined = null;
            foreach (var e in events)
            {
                joined = joined is { } j && j <= e.EffectiveFrom ? j : e.EffectiveFrom;
            }

            result[i] = new CloseMember(
                m.Id,
                RosterEntry.EngineIdOf(m.Id, logins.GetValueOrDefault(m.Id)),
                m.DisplayName,
                m.Region,
                RankAt(events, day),
                joined,
                addresses.TryGetValue(m.Id, out var address) ? address.Address : null);
        }

        return result;
    }

    /// <summary>Every member with handles, rank events and payout addresses.</summary>
    public static async Task<IReadOnlyList<RosterEntry>> LoadAsync(EmbassyDbContext db, CancellationToken cancellationToken = default) =>
        await LoadAsync(db, null, cancellationToken).ConfigureAwait(false);

    /// <summary>One member with handles, rank events and payout addresses, or null (a member's page needs no one else).</summary>
    public static async Task<RosterEntry?> OneAsync(EmbassyDbContext db, long id, CancellationToken cancellationToken = default) =>
        (await LoadAsync(db, id, cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    private static async Task<IReadOnlyList<RosterEntry>> LoadAsync(EmbassyDbContext db, long? only, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Three flat queries stitched by member id: EF's split-query Include took 0.6-0.9 s for 10,000 members.
        var members = await db.Members.AsNoTracking().Where(m => only == null || m.Id == only).OrderBy(m => m.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var byId = members.ToDictionary(m => m.Id);
        foreach (var h in await db.MemberHandles.AsNoTracking().Where(h => only == null || h.MemberId == only).OrderBy(h => h.Id).ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            byId.GetValueOrDefault(h.MemberId)?.Handles.Add(h);
        }

        foreach (var r in await db.RankEvents.AsNoTracking().Where(r => only == null || r.MemberId == only).OrderBy(r => r.Id).ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            byId.GetValueOrDefault(r.MemberId)?.RankEvents.Add(r);
        }

        foreach (var a in await db.PayoutAddresses.AsNoTracking().Where(a => only == null || a.MemberId == only).OrderBy(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            byId.GetValueOrDefault(a.MemberId)?.PayoutAddresses.Add(a);
        }

        return members.Select(m => new RosterEntry(
            m,
            m.Handles.FirstOrDefault(h => h.Kind == MemberHandle.GitHub)?.NormalizedValue,
            m.RankEvents.OrderBy(r => r.EffectiveFrom).ThenBy(r => r.Id).ToArray())).ToArray();
    }

    /// <summary>
    /// Current payout addresses on <paramref name="rail"/> that several of <paramref name="roster"/> share, with those
    /// members (R9: one address per member and rail). Never merged: the admin and the signers are told instead.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<RosterEntry>> SharedAddresses(IEnumerable<RosterEntry> roster, string rail)
    {
        ArgumentNullException.ThrowIfNull(roster);
        return roster.Select(m => (Member: m, Address: m.AddressOn(rail))).Where(x => x.Address is not null)
            .GroupBy(x => x.Address!, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<RosterEntry>)g.Select(x => x.Member).ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>One warning per shared address: which members it pays (see <see cref="SharedAddresses"/>).</summary>
    public static IEnumerable<Diagnostic> SharedAddressWarnings(IEnumerable<RosterEntry> roster, string rail) =>
        SharedAddressWarnings(roster.Select(m => (m.EngineId, m.AddressOn(rail))));

    /// <summary>One warning per address that several of <paramref name="addresses"/> (member, current address) share.</summary>
    public static IEnumerable<Diagnostic> SharedAddressWarnings(IEnumerable<(string Member, string? Address)> addresses) =>
        addresses.Where(x => x.Address is not null).GroupBy(x => x.Address!, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(s => Diagnostic.Warning(
                WorkflowCodes.AddressShared,
                string.Create(CultureInfo.InvariantCulture, $"The payout address {s.Key} is shared by {s.Count()} members ({string.Join(", ", s.Select(m => m.Member))}); each is paid on a line of their own. Check that they are different people.")));
}
