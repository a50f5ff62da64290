using System.Globalization;
using System.Text.RegularExpressions;
using Embassy.Chain;
using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.Policies;
using Microsoft.EntityFrameworkCore;
using DomainMember = Embassy.Domain.Rules.Member;

namespace Embassy.Application;

/// <summary>States of a month close.</summary>
public static class MonthState
{
    public const string Open = "open";
    public const string Locked = "locked";
    public const string Approved = "approved";
    public const string Paid = "paid";
}

/// <summary>What a preview shows: the allocation the engine would lock now, and what a person should look at first.</summary>
/// <param name="State">The month's state.</param>
/// <param name="Snapshot">The computed (or, once locked, frozen) month; null when the input has errors.</param>
/// <param name="Diagnostics">Engine errors and warnings, plus unscored reports.</param>
/// <param name="Transactions">Recorded transaction hashes.</param>
/// <param name="Confirmed">Proposals already confirmed, as "member→rank".</param>
/// <param name="Funding">Before approval: what approving would draw on the proposal in force (R10); null when approved or without a proposal.</param>
public sealed record MonthPreview(
    string State, MonthSnapshot? Snapshot, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> Transactions, IReadOnlySet<string> Confirmed, MonthFunding? Funding = null);

/// <summary>
/// The month close (RULES.md R4–R9): preview → lock (the engine's result is frozen with the policy used) → approve
/// (payouts per member on the policy's rail) → payout file → transaction hash(es) → paid. A month is locked once and
/// paid once; every step is audited.
/// </summary>
public sealed partial class MonthCloseWorkflow(IDbContextFactory<EmbassyDbContext> databases, TimeProvider time, PolicyCatalog? catalog = null)
{
    private readonly PolicyCatalog _catalog = catalog ?? PolicyCatalog.Shipped;

    /// <summary>The policy in force for a month (R1).</summary>
    public Policy PolicyFor(Period period) => _catalog.ForPeriod(period);

    /// <summary>The state of a month and its frozen snapshot when locked, else the live computation.</summary>
    public async Task<MonthPreview> PreviewAsync(Period period, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await WorkflowRowAsync(db, period, cancellationToken).ConfigureAwait(false);
        var txs = await TransactionsAsync(db, period, cancellationToken).ConfigureAwait(false);
        if (row is not null)
        {
            var frozen = MonthSnapshot.FromJson(row.Snapshot);
            var confirmed = await ConfirmedAsync(db, frozen, cancellationToken).ConfigureAwait(false);
            var lockedFunding = row.State == MonthState.Locked ? await FundingAsync(db, period, frozen, cancellationToken).ConfigureAwait(false) : null;
            return new MonthPreview(row.State, frozen, FundingDiagnostics(period, lockedFunding), txs, confirmed, lockedFunding);
        }

        var (result, snapshot, extra) = await ComputeAsync(db, period, cancellationToken).ConfigureAwait(false);
        var funding = snapshot is null ? null : await FundingAsync(db, period, snapshot, cancellationToken).ConfigureAwait(false);
        return new MonthPreview(MonthState.Open, snapshot, [.. extra, .. result.Diagnostics, .. FundingDiagnostics(period, funding)], txs, new HashSet<string>(), funding);
    }

    /// <summary>Locks the month: the allocation is computed, frozen and stored; refused when already locked or when the input has errors.</summary>
    public async Task<Result<MonthSnapshot>> LockAsync(Period period, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (await WorkflowRowAsync(db, period, cancellationToken).ConfigureAwait(false) is not null
            || await db.MonthCloses.AnyAsync(c => c.Period == period, cancellationToken).ConfigureAwait(false))
        {
            return Result<MonthSnapshot>.Fail(WorkflowCodes.MonthAlreadyClosed, $"{period} is already closed; a month is closed once.");
        }

        var (result, snapshot, extra) = await ComputeAsync(db, period, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess || snapshot is null)
        {
            return Result<MonthSnapshot>.Fail([Diagnostic.Error(WorkflowCodes.MonthHasErrors, $"{period} cannot be closed: the engine found errors."), .. result.Errors]);
        }

        var allocation = result.Value;
        var now = time.GetUtcNow();
        var close = new MonthClose
        {
            Period = period,
            PolicyName = allocation.Policy.Id,
            PolicyVersion = allocation.Policy.Version,
            PolicyHash = allocation.Policy.Hash,
            Token = allocation.Token.Symbol,
            PoolUnits = allocation.Pool.Units,
            UnspentUnits = UInt128.Parse(snapshot.UnspentUnits, NumberStyles.None, CultureInfo.InvariantCulture), // with what a cap held back (R10)
            ClosedBy = actor,
            ClosedAt = now,
        };
        foreach (var m in snapshot.Members.Where(m => m.MemberId > 0))
        {
            foreach (var (dept, units) in m.SharesUnits)
            {
                close.Allocations.Add(new Allocation
                {
                    MemberId = m.MemberId,
                    Department = dept,
                    PointsHundredths = m.PointsHundredths.GetValueOrDefault(dept),
                    Units = UInt128.Parse(units, NumberStyles.None, CultureInfo.InvariantCulture),
                });
            }
        }

        db.MonthCloses.Add(close);
        var periodRow = await db.Periods.SingleOrDefaultAsync(p => p.Period == period, cancellationToken).ConfigureAwait(false);
        if (periodRow is null)
        {
            db.Periods.Add(new PeriodRecord { Period = period, Status = "closed", ClosedAt = now });
        }
        else
        {
            periodRow.Status = "closed";
            periodRow.ClosedAt = now;
        }

        ProgramTables.Audit(db, now, actor, "month.locked", "month:" + period, $"policy {allocation.Policy.Id} {allocation.Policy.Version}; pool {allocation.Pool}; paid {allocation.TotalPaid}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var p = period.ToString();
        var json = snapshot.ToJson();
        var stamp = ProgramTables.Stamp(now);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO app_month_workflow (period, state, snapshot, locked_by, locked_at) VALUES ({p}, {MonthState.Locked}, {json}, {actor}, {stamp})",
            cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Result<MonthSnapshot>.Ok(snapshot, [.. extra, .. result.Diagnostics]);
    }

    /// <summary>Approves a locked month: one payout per member with an amount, to their address on the policy's rail.</summary>
    public Task<Result<MonthSnapshot>> ApproveAsync(Period period, string actor, CancellationToken cancellationToken = default) =>
        ApproveAsync(period, actor, null, cancellationToken);

    /// <summary>
    /// Approves a locked month: one payout per member with an amount, to their address on the policy's rail, and the
    /// month's total drawn on the spending proposal in force (RULES.md R10). A draw beyond the proposal's remaining balance
    /// is refused unless <paramref name="overrideReason"/> is given; the reason and <paramref name="actor"/> are then kept
    /// on the draw and in the audit log.
    /// </summary>
    public async Task<Result<MonthSnapshot>> ApproveAsync(Period period, string actor, string? overrideReason, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var row = await WorkflowRowAsync(db, period, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return Result<MonthSnapshot>.Fail(WorkflowCodes.MonthNotLocked, $"{period} is not locked yet; preview and lock it first.");
        }

        if (row.State != MonthState.Locked)
        {
            return Result<MonthSnapshot>.Fail(row.State == MonthState.Paid ? WorkflowCodes.MonthAlreadyPaid : WorkflowCodes.MonthAlreadyClosed, $"{period} is already {row.State}.");
        }

        var snapshot = MonthSnapshot.FromJson(row.Snapshot);
        var policy = _catalog.Find(snapshot.PolicyId) ?? PolicyFor(period);
        var rail = RailName(policy.Payout.Rail);
        var close = await db.MonthCloses.SingleAsync(c => c.Period == period, cancellationToken).ConfigureAwait(false);
        var ids = snapshot.Members.Select(m => m.MemberId).ToArray();
        var addresses = (await db.PayoutAddresses.Where(a => ids.Contains(a.MemberId)).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Where(a => policy.Payout.Rail == PayoutRail.Manual || a.Rail == rail)
            .GroupBy(a => a.MemberId)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.ValidFrom).ThenBy(a => a.Id).Last().Address);
        var missing = new List<Diagnostic>();
        foreach (var m in snapshot.Members)
        {
            var total = snapshot.Amount(m.TotalUnits);
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
            db.Payouts.Add(new Payout
            {
                MonthCloseId = close.Id,
                MemberId = m.MemberId,
                Rail = rail,
                Address = address,
                Units = belowMinimum ? UInt128.Zero : total.Units,
                CarriedUnits = belowMinimum ? total.Units : UInt128.Zero,
            });
        }

        if (missing.Count > 0)
        {
            return Result<MonthSnapshot>.Fail(missing);
        }

        var now = time.GetUtcNow();

        // R10: the month's total is drawn on the proposal in force; an overdraw needs an admin's reason.
        var adminOverride = string.IsNullOrWhiteSpace(overrideReason) ? null : new Embassy.Domain.Treasury.DrawOverride(actor, overrideReason.Trim(), now);
        var drawn = await TreasuryStore.DrawMonthAsync(db, period, snapshot.TotalPaid(), DateOnly.FromDateTime(now.UtcDateTime), adminOverride, actor, now, cancellationToken).ConfigureAwait(false);
        if (!drawn.IsSuccess)
        {
            return Result<MonthSnapshot>.Fail(drawn.Diagnostics);
        }

        ProgramTables.Audit(db, now, actor, "month.approved", "month:" + period, $"{snapshot.TotalPaid()} to {snapshot.Members.Count(m => !snapshot.Amount(m.TotalUnits).IsZero)} members");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var p = period.ToString();
        var stamp = ProgramTables.Stamp(now);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE app_month_workflow SET state = {MonthState.Approved}, approved_by = {actor}, approved_at = {stamp} WHERE period = {p}",
            cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Result<MonthSnapshot>.Ok(snapshot, drawn.Diagnostics);
    }

    /// <summary>The payout file of an approved month (Embassy.Chain's manual sheet: CSV), for the treasury signers.</summary>
    public async Task<Result<ManualPayout>> PayoutFileAsync(Period period, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await WorkflowRowAsync(db, period, cancellationToken).ConfigureAwait(false);
        if (row is null || row.State == MonthState.Locked)
        {
            return Result<ManualPayout>.Fail(WorkflowCodes.MonthNotApproved, $"{period} is not approved yet; payout files follow approval.");
        }

        var snapshot = MonthSnapshot.FromJson(row.Snapshot);
        var policy = _catalog.Find(snapshot.PolicyId) ?? PolicyFor(period);
        var payouts = await db.Payouts.Where(p => db.MonthCloses.Any(c => c.Id == p.MonthCloseId && c.Period == period)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var names = snapshot.Members.ToDictionary(m => m.MemberId, m => m.Login);
        var token = snapshot.TokenValue();
        var lines = payouts.Where(p => p.Units != UInt128.Zero)
            .Select(p => new PayoutLine(names.GetValueOrDefault(p.MemberId) ?? p.MemberId.ToString(CultureInfo.InvariantCulture), p.Address, token.Units(p.Units), names.GetValueOrDefault(p.MemberId)))
            .ToArray();
        return ManualPayout.Build(lines, token, policy.Payout.Ss58Prefix, period, snapshot.PolicyId, policy.Payout.Minimum);
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

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await WorkflowRowAsync(db, period, cancellationToken).ConfigureAwait(false);
        var snapshot = MonthSnapshot.FromJson(row!.Snapshot);
        var policy = _catalog.Find(snapshot.PolicyId) ?? PolicyFor(period);
        var lines = sheet.Value.Rows.Select(r => new PayoutLine(r.Member, r.Address, r.Amount, r.Handle)).ToArray();
        return PayoutRails.Evm(policy, snapshot.TokenValue(), lines, period.ToString());
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

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await WorkflowRowAsync(db, period, cancellationToken).ConfigureAwait(false);
        var snapshot = MonthSnapshot.FromJson(row!.Snapshot);
        var policy = _catalog.Find(snapshot.PolicyId) ?? PolicyFor(period);
        var lines = sheet.Value.Rows.Select(r => new PayoutLine(r.Member, r.Address, r.Amount, r.Handle)).ToArray();
        return PayoutRails.Substrate(policy, snapshot.TokenValue(), lines, period.ToString());
    }

    /// <summary>Records the transaction that paid an approved month; the month becomes paid. A paid month is refused.</summary>
    public async Task<Result<string>> RecordTransactionAsync(Period period, string txHash, string actor, CancellationToken cancellationToken = default)
    {
        var hash = (txHash ?? string.Empty).Trim();
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var row = await WorkflowRowAsync(db, period, cancellationToken).ConfigureAwait(false);
        if (row is null || row.State == MonthState.Locked)
        {
            return Result<string>.Fail(WorkflowCodes.MonthNotApproved, $"{period} is not approved yet; approve it before recording a payment.");
        }

        if (row.State == MonthState.Paid)
        {
            return Result<string>.Fail(WorkflowCodes.MonthAlreadyPaid, $"{period} is already paid; a month can be paid once (R9).");
        }

        var snapshot = MonthSnapshot.FromJson(row.Snapshot);
        var policy = _catalog.Find(snapshot.PolicyId) ?? PolicyFor(period);
        if (!IsTransactionHash(hash, policy.Payout.Rail))
        {
            return Result<string>.Fail(WorkflowCodes.TxHashInvalid, "A transaction hash is 0x followed by 64 hexadecimal digits.");
        }

        var close = await db.MonthCloses.SingleAsync(c => c.Period == period, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        db.PayoutTransactions.Add(new PayoutTransaction { MonthCloseId = close.Id, TxHash = hash, RecordedBy = actor, RecordedAt = now });
        ProgramTables.Audit(db, now, actor, "month.paid", "month:" + period, "tx " + hash);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var p = period.ToString();
        var stamp = ProgramTables.Stamp(now);
        await db.Database.ExecuteSqlAsync($"UPDATE app_month_workflow SET state = {MonthState.Paid}, paid_at = {stamp} WHERE period = {p}", cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Result<string>.Ok(hash);
    }

    /// <summary>Confirms a rank change the engine proposed at close (R8): a rank event from the first day of the next month.</summary>
    public async Task<Result<string>> ConfirmProposalAsync(Period period, string member, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await WorkflowRowAsync(db, period, cancellationToken).ConfigureAwait(false);
        var proposal = row is null ? null : MonthSnapshot.FromJson(row.Snapshot).Proposals.FirstOrDefault(p => string.Equals(p.Member, member, StringComparison.Ordinal));
        var snapshotMember = row is null ? null : MonthSnapshot.FromJson(row.Snapshot).Members.FirstOrDefault(m => string.Equals(m.Login, member, StringComparison.Ordinal));
        if (proposal is null || snapshotMember is null || snapshotMember.MemberId == 0)
        {
            return Result<string>.Fail(WorkflowCodes.ProposalUnknown, $"No rank change was proposed for '{member}' in {period}.");
        }

        var from = Period.Parse(proposal.EffectiveFrom).Value.FirstDay;
        if (await db.RankEvents.AnyAsync(e => e.MemberId == snapshotMember.MemberId && e.Rank == proposal.To && e.EffectiveFrom == from, cancellationToken).ConfigureAwait(false))
        {
            return Result<string>.Ok(proposal.To);
        }

        var now = time.GetUtcNow();
        db.RankEvents.Add(new RankEvent { MemberId = snapshotMember.MemberId, Rank = proposal.To, EffectiveFrom = from, Actor = actor, Reason = "Promotion confirmed at the close of " + period + ": " + proposal.Reason, RecordedAt = now });
        ProgramTables.Audit(db, now, actor, "rank.changed", "member:" + snapshotMember.MemberId, $"{proposal.From} → {proposal.To} from {from:yyyy-MM-dd} (proposed at close of {period})");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<string>.Ok(proposal.To);
    }

    /// <summary>Locked months, newest first, with their state.</summary>
    public async Task<IReadOnlyList<(Period Period, string State)>> ClosedMonthsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Database.SqlQuery<StateRow>($"SELECT period AS \"Period\", state AS \"State\" FROM app_month_workflow").ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => (Period.Parse(r.Period).Value, r.State)).OrderByDescending(r => r.Item1).ToArray();
    }

    private static async Task<MonthFunding?> FundingAsync(EmbassyDbContext db, Period period, MonthSnapshot snapshot, CancellationToken cancellationToken)
    {
        var total = snapshot.TotalPaid();
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

    internal static bool IsTransactionHash(string hash, PayoutRail rail) =>
        rail == PayoutRail.Manual ? hash.Length is > 0 and <= 200 && !hash.Any(char.IsControl) : TxHashPattern().IsMatch(hash);

    internal static async Task<WorkflowRow?> WorkflowRowAsync(EmbassyDbContext db, Period period, CancellationToken cancellationToken)
    {
        var p = period.ToString();
        return await db.Database.SqlQuery<WorkflowRow>(
                $"SELECT period AS \"Period\", state AS \"State\", snapshot AS \"Snapshot\" FROM app_month_workflow WHERE period = {p}")
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static async Task<IReadOnlyList<MonthSnapshot>> SnapshotsAsync(EmbassyDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<WorkflowRow>(
                $"SELECT period AS \"Period\", state AS \"State\", snapshot AS \"Snapshot\" FROM app_month_workflow")
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => MonthSnapshot.FromJson(r.Snapshot)).ToArray();
    }

    private static async Task<IReadOnlyList<string>> TransactionsAsync(EmbassyDbContext db, Period period, CancellationToken cancellationToken) =>
        await db.PayoutTransactions.Where(t => db.MonthCloses.Any(c => c.Id == t.MonthCloseId && c.Period == period))
            .OrderBy(t => t.Id).Select(t => t.TxHash).ToListAsync(cancellationToken).ConfigureAwait(false);

    private static async Task<IReadOnlySet<string>> ConfirmedAsync(EmbassyDbContext db, MonthSnapshot snapshot, CancellationToken cancellationToken)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in snapshot.Proposals)
        {
            var member = snapshot.Members.FirstOrDefault(m => m.Login == p.Member);
            var from = Period.Parse(p.EffectiveFrom).Value.FirstDay;
            if (member is not null && await db.RankEvents.AnyAsync(e => e.MemberId == member.MemberId && e.Rank == p.To && e.EffectiveFrom == from, cancellationToken).ConfigureAwait(false))
            {
                set.Add(p.Member);
            }
        }

        return set;
    }

    /// <summary>Builds the engine's input from the database and computes the month.</summary>
    private async Task<(Result<MonthAllocation> Result, MonthSnapshot? Snapshot, IReadOnlyList<Diagnostic> Extra)> ComputeAsync(
        EmbassyDbContext db, Period period, CancellationToken cancellationToken)
    {
        var policy = PolicyFor(period);
        var roster = await MemberRoster.LoadAsync(db, cancellationToken).ConfigureAwait(false);
        var members = new List<DomainMember>();
        foreach (var m in roster)
        {
            var rank = m.RankOn(period.FirstDay) ?? m.FirstRank;
            if (rank is null || rank == Rank.Terminated.Code)
            {
                continue;
            }

            members.Add(new DomainMember(m.EngineId, new Rank(rank), m.Joined, null, m.Member.Region));
        }

        var extra = new List<Diagnostic>();
        var queue = await ReviewQueue.ItemsAsync(db, policy, period, cancellationToken).ConfigureAwait(false);
        foreach (var item in queue.Where(i => i.State is ReviewStates.Filed or ReviewStates.NeedsFix))
        {
            extra.Add(Diagnostic.Warning("REPORT_UNSCORED", $"Report #{item.IssueNumber} by {item.Author} is not scored ({item.State}); it counts as no report."));
        }

        foreach (var item in queue.Where(i => i.State == ReviewStates.Unmatched))
        {
            extra.Add(Diagnostic.Warning("REPORT_UNMATCHED", $"Report #{item.IssueNumber} by {item.Author} matches no member; link the author to count it."));
        }

        var byId = roster.ToDictionary(r => r.Member.Id);
        var scored = queue.Where(i => i.State == ReviewStates.Scored && i.MemberId is not null && byId.ContainsKey(i.MemberId.Value)).ToArray();
        var reportIds = scored.Select(i => i.ReportId).ToArray();
        var scoreRows = await db.Scores.Where(s => reportIds.Contains(s.ReportId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var lines = new List<ScoreLine>();
        var choices = new List<MemberChoice>();
        var step = Math.Max(1, policy.Scoring.Step.Hundredths);
        foreach (var item in scored.GroupBy(i => i.MemberId!.Value).Select(g => g.OrderBy(i => i.ReportId).First()))
        {
            var engineId = byId[item.MemberId!.Value].EngineId;
            var latest = ReviewQueue.LatestScores(scoreRows.Where(s => s.ReportId == item.ReportId));
            foreach (var dept in latest.GroupBy(s => s.Department, StringComparer.Ordinal))
            {
                var n = dept.Count();
                long Mean(Func<Score, long> f) => (long)Math.Round(dept.Sum(f) / (decimal)n / step, MidpointRounding.AwayFromZero) * step;
                lines.Add(new ScoreLine(engineId, dept.Key, Points.FromHundredths(Mean(s => s.EffortHundredths)), Points.FromHundredths(Mean(s => s.ResultsHundredths)), null));
            }

            var chosen = item.Departments.Where(d => policy.FindDepartment(d)?.Kind == DepartmentKind.Selectable).ToArray();
            if (chosen.Length > 0)
            {
                choices.Add(new MemberChoice(engineId, chosen));
            }
        }

        var snapshots = await SnapshotsAsync(db, cancellationToken).ConfigureAwait(false);
        var history = snapshots.Where(s => Period.Parse(s.Period).Value < period)
            .SelectMany(s => s.Members.Select(m => new ClosedMonth(
                Period.Parse(s.Period).Value,
                m.Login,
                new Rank(m.Rank),
                m.Percent,
                Enum.TryParse<MonthStatus>(m.Status, out var st) ? st : MonthStatus.Missing)))
            .ToArray();
        var previous = snapshots.FirstOrDefault(s => s.Period == period.Previous.ToString());
        var carried = new Dictionary<string, TokenAmount>(StringComparer.Ordinal);
        if (previous is not null && previous.TokenValue() == policy.Token)
        {
            foreach (var (code, units) in previous.CarriedOut)
            {
                if (code.Length == 0 || policy.FindDepartment(code) is not null)
                {
                    carried[code] = previous.Amount(units);
                }
            }
        }

        var input = new MonthInput
        {
            Policy = policy,
            Period = period,
            Members = members,
            Scores = lines,
            Choices = choices,
            History = history,
            CarriedIn = carried,
        };
        var result = MonthEngine.Compute(input);
        if (!result.IsSuccess)
        {
            return (result, null, extra);
        }

        // R10: the policy's fiat caps, converted with the month's recorded price, flag or clamp what is paid.
        var names = roster.ToDictionary(r => r.EngineId, r => (r.Member.Id, r.Member.DisplayName), StringComparer.Ordinal);
        var snapshot = MonthSnapshot.From(result.Value, policy, names);
        if (policy.FiatCaps.Count > 0)
        {
            var prices = await TreasuryStore.PricesAsync(db, policy.Token, cancellationToken).ConfigureAwait(false);
            var capped = TreasuryCaps.CapMonth(snapshot, result.Value, policy, prices);
            if (!capped.IsSuccess)
            {
                return (Result<MonthAllocation>.Fail([.. result.Diagnostics, .. capped.Diagnostics]), null, extra);
            }

            snapshot = capped.Value;
            extra.AddRange(capped.Diagnostics);
        }

        return (result, snapshot, extra);
    }

    [GeneratedRegex("^0x[0-9a-fA-F]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex TxHashPattern();

    internal sealed record WorkflowRow(string Period, string State, string Snapshot);

    private sealed record StateRow(string Period, string State);
}

/// <summary>A member with their GitHub login and rank history, as the engine and pages need them.</summary>
public sealed record RosterEntry(Data.Entities.Member Member, string? GitHubLogin, IReadOnlyList<RankEvent> Ranks)
{
    /// <summary>The engine's id: the GitHub login (lower case), or <c>member-N</c> without one.</summary>
    public string EngineId => GitHubLogin ?? "member-" + Member.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The first day of the first rank event.</summary>
    public DateOnly? Joined => Ranks.Count == 0 ? null : Ranks.Min(r => r.EffectiveFrom);

    /// <summary>The earliest rank, for a member who joined during a month.</summary>
    public string? FirstRank => Ranks.OrderBy(r => r.EffectiveFrom).ThenBy(r => r.Id).FirstOrDefault()?.Rank;

    /// <summary>The rank in force on <paramref name="day"/> (R2: the latest event effective by then).</summary>
    public string? RankOn(DateOnly day) =>
        Ranks.Where(r => r.EffectiveFrom <= day).OrderBy(r => r.EffectiveFrom).ThenBy(r => r.Id).LastOrDefault()?.Rank;
}

/// <summary>Loads the member registry.</summary>
public static class MemberRoster
{
    /// <summary>Every member with handles and rank events.</summary>
    public static async Task<IReadOnlyList<RosterEntry>> LoadAsync(EmbassyDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var members = await db.Members.AsNoTracking().Include(m => m.Handles).Include(m => m.RankEvents).Include(m => m.PayoutAddresses)
            .AsSplitQuery().OrderBy(m => m.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return members.Select(m => new RosterEntry(
            m,
            m.Handles.FirstOrDefault(h => h.Kind == MemberHandle.GitHub)?.NormalizedValue,
            m.RankEvents.OrderBy(r => r.EffectiveFrom).ThenBy(r => r.Id).ToArray())).ToArray();
    }
}
