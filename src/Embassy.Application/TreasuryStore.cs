using System.Globalization;
using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.Domain.Community;
using Embassy.Domain.Rules;
using Embassy.Domain.Treasury;
using Embassy.Policies;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>A proposal as an admin enters it; amounts as text in whole tokens ("100,000").</summary>
/// <param name="Number">The treasury's proposal number (the key: saving an existing number edits it).</param>
/// <param name="Title">The title.</param>
/// <param name="Proponent">The proponent's address.</param>
/// <param name="Date">The day it was submitted.</param>
/// <param name="Requested">The requested amount in whole tokens, e.g. "100,000" or "0.5".</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Link">Where it can be read, when known.</param>
/// <param name="Token">The token symbol (PHA).</param>
/// <param name="Decimals">The token's decimals (PHA on the parachain: 12; the ERC-20: 18).</param>
/// <param name="PlannedPerMonth">What it plans to pay in rewards a month, in whole tokens ("84,000"); empty: no plan.</param>
public sealed record ProposalInput(
    int Number, string Title, string Proponent, DateOnly Date, string Requested, ProposalStatus Status, string? Link = null, string Token = "PHA", int Decimals = 12,
    string? PlannedPerMonth = null);

/// <summary>A milestone as an admin enters it.</summary>
/// <param name="Number">The milestone's number; 0 adds the next one.</param>
/// <param name="Title">The title.</param>
/// <param name="Cost">Its cost in whole tokens of the proposal.</param>
/// <param name="Metric">What its target counts, or null without a target.</param>
/// <param name="TargetValue">The count to reach.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="ReportText">The milestone report.</param>
public sealed record MilestoneInput(int Number, string Title, string Cost, TargetMetric? Metric, long? TargetValue, MilestoneStatus Status, string? ReportText);

/// <summary>What approving a month would draw, for the preview (RULES.md R10).</summary>
/// <param name="ProposalNumber">The proposal in force.</param>
/// <param name="Needed">The month's total in the proposal's token.</param>
/// <param name="Remaining">What the proposal has left.</param>
/// <param name="Problem">The refusal approval would meet (an overdraw, a closed proposal), or null.</param>
public sealed record MonthFunding(int ProposalNumber, TokenAmount Needed, TokenAmount Remaining, Diagnostic? Problem)
{
    /// <summary>True when approving needs an admin override with a reason.</summary>
    public bool WouldOverdraw => Problem?.Code == TreasuryCodes.Overdrawn;
}

/// <summary>Everything the public treasury page shows.</summary>
/// <param name="Views">One view per proposal that is or was open for draws, newest first.</param>
/// <param name="Counts">Every recorded channel count, oldest first.</param>
/// <param name="LastClosed">The month the runway is measured to.</param>
/// <param name="AsOf">The day milestone targets are counted on.</param>
public sealed record TreasuryPage(IReadOnlyList<TreasuryView> Views, IReadOnlyList<ChannelCount> Counts, Period? LastClosed, DateOnly AsOf);

/// <summary>
/// The treasury's use cases (RULES.md R10): spending proposals with milestones and timeline, their funding ledgers,
/// PHA/USD prices with source and date, recorded channel counts and community bounties drawn on proposals. Every write
/// is audited with its actor. The month close draws through <see cref="DrawMonthAsync"/>.
/// </summary>
public sealed partial class TreasuryStore(IDbContextFactory<EmbassyDbContext> databases, TimeProvider time, PolicyCatalog? catalog = null, PaymentChecks? payments = null)
{
    /// <summary>Code: no approved or funded proposal can take a month's draw; the month is approved without one.</summary>
    public const string NoProposal = "TREASURY_NO_PROPOSAL";

    /// <summary>Code: a proposal number that is not stored.</summary>
    public const string ProposalMissing = "TREASURY_PROPOSAL_MISSING";

    /// <summary>Code: an amount that cannot be read.</summary>
    public const string AmountInvalid = "TREASURY_AMOUNT_INVALID";

    private readonly PolicyCatalog _catalog = catalog ?? PolicyCatalog.Shipped;

    /// <summary>The policy in force for a month (R1).</summary>
    public Policy PolicyFor(Period period) => _catalog.ForPeriod(period);

    /// <summary>Every stored proposal with milestones and timeline, newest first.</summary>
    public async Task<IReadOnlyList<SpendingProposal>> ProposalsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await LoadProposalsAsync(db, cancellationToken).ConfigureAwait(false);
        return rows.Select(TreasuryRecords.ToDomain).OrderByDescending(p => p.Date).ThenByDescending(p => p.Number).ToArray();
    }

    /// <summary>The funding ledger of proposal <paramref name="number"/>, or null when it is not stored.</summary>
    public async Task<FundingLedger?> LedgerAsync(int number, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await LoadProposalAsync(db, number, cancellationToken).ConfigureAwait(false);
        return row is null ? null : TreasuryRecords.LedgerOf(row);
    }

    /// <summary>
    /// Stores a whole proposal with its milestones and timeline (the demo's proposal #14, an import); refused when the
    /// number exists or <see cref="SpendingProposal.Validate"/> finds errors.
    /// </summary>
    public async Task<Result<SpendingProposal>> AddAsync(SpendingProposal proposal, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var found = proposal.Validate();
        if (found.Any(d => d.IsError))
        {
            return Result<SpendingProposal>.Fail(found);
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (await db.SpendingProposals.AnyAsync(p => p.Number == proposal.Number, cancellationToken).ConfigureAwait(false))
        {
            return Result<SpendingProposal>.Fail(TreasuryCodes.ProposalInvalid, $"Proposal #{proposal.Number.ToString(CultureInfo.InvariantCulture)} is already recorded; edit it instead.");
        }

        var now = time.GetUtcNow();
        var row = new SpendingProposalRecord
        {
            Number = proposal.Number,
            Title = proposal.Title,
            Proponent = proposal.Proponent,
            Date = proposal.Date,
            Token = proposal.Requested.Token.Symbol,
            TokenDecimals = proposal.Requested.Token.Decimals,
            RequestedUnits = proposal.Requested.Units,
            PlannedMonthlyUnits = proposal.PlannedPerMonth?.Units,
            Status = TreasuryRecords.Code(proposal.Status),
            Link = proposal.Link?.ToString(),
            RecordedAt = now,
        };
        foreach (var m in proposal.Milestones)
        {
            row.Milestones.Add(MilestoneRow(m));
        }

        foreach (var e in proposal.Timeline)
        {
            row.Events.Add(new ProposalEventRecord { At = e.At, Kind = TreasuryRecords.Code(e.Kind), Text = e.Text, Actor = e.Actor });
        }

        db.SpendingProposals.Add(row);
        ProgramTables.Audit(db, now, actor, "proposal.created", Subject(proposal.Number), $"{proposal.Title}; requests {proposal.Requested}; {proposal.Milestones.Count} milestones; {TreasuryRecords.Code(proposal.Status)}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<SpendingProposal>.Ok(proposal, found);
    }

    /// <summary>
    /// Creates or edits a proposal by its number. A change of status is an event on the timeline (R10); a change of the
    /// requested amount is refused once something is drawn in another token precision.
    /// </summary>
    public async Task<Result<SpendingProposal>> SaveAsync(ProposalInput input, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        Token token;
        try
        {
            token = new Token(string.IsNullOrWhiteSpace(input.Token) ? "PHA" : input.Token.Trim().ToUpperInvariant(), input.Decimals);
        }
        catch (ArgumentException)
        {
            return Result<SpendingProposal>.Fail(TreasuryCodes.ProposalInvalid, $"'{input.Token}' with {input.Decimals.ToString(CultureInfo.InvariantCulture)} decimals is not a token.");
        }

        var requested = TokenAmount.Parse(input.Requested, token);
        if (!requested.IsSuccess)
        {
            return Result<SpendingProposal>.Fail(requested.Diagnostics);
        }

        TokenAmount? plan = null;
        if (!string.IsNullOrWhiteSpace(input.PlannedPerMonth))
        {
            var parsed = TokenAmount.Parse(input.PlannedPerMonth, token);
            if (!parsed.IsSuccess)
            {
                return Result<SpendingProposal>.Fail(parsed.Diagnostics);
            }

            plan = parsed.Value;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await LoadProposalAsync(db, input.Number, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var before = row is null ? null : TreasuryRecords.ToDomain(row);
        var proposal = (before ?? new SpendingProposal { Number = input.Number, Title = input.Title, Proponent = input.Proponent, Date = input.Date, Requested = requested.Value }) with
        {
            Title = input.Title?.Trim() ?? string.Empty,
            Proponent = input.Proponent?.Trim() ?? string.Empty,
            Date = input.Date,
            Requested = requested.Value,
            PlannedPerMonth = plan,
            Link = Uri.TryCreate(input.Link?.Trim(), UriKind.Absolute, out var link) ? link : null,
        };
        if (before is not null && !Equals(before.Requested.Token, token) && row!.Draws.Count > 0)
        {
            return Result<SpendingProposal>.Fail(TreasuryCodes.TokenMismatch, $"Proposal #{input.Number.ToString(CultureInfo.InvariantCulture)} has draws in {before.Requested.Token.Symbol} with {before.Requested.Token.Decimals.ToString(CultureInfo.InvariantCulture)} decimals; its token cannot change.");
        }

        proposal = proposal with { Milestones = proposal.Milestones.Select(m => m with { Cost = TreasuryRecords.InToken(m.Cost, token, roundUp: false).Value }).ToArray() };
        if (before is null || before.Status != input.Status)
        {
            proposal = proposal.WithStatus(input.Status, now, actor);
        }

        var found = proposal.Validate();
        if (found.Any(d => d.IsError))
        {
            return Result<SpendingProposal>.Fail(found);
        }

        if (row is null)
        {
            row = new SpendingProposalRecord { Number = input.Number, Title = proposal.Title, Proponent = proposal.Proponent, Token = token.Symbol, Status = string.Empty, RecordedAt = now };
            db.SpendingProposals.Add(row);
        }

        row.Title = proposal.Title;
        row.Proponent = proposal.Proponent;
        row.Date = proposal.Date;
        row.Token = token.Symbol;
        row.TokenDecimals = token.Decimals;
        row.RequestedUnits = proposal.Requested.Units;
        row.PlannedMonthlyUnits = proposal.PlannedPerMonth?.Units;
        row.Status = TreasuryRecords.Code(proposal.Status);
        row.Link = proposal.Link?.ToString();
        foreach (var m in row.Milestones)
        {
            m.CostUnits = proposal.Milestones[m.Number - 1].Cost.Units;
        }

        foreach (var e in proposal.Timeline.Skip(before?.Timeline.Count ?? 0))
        {
            row.Events.Add(new ProposalEventRecord { At = e.At, Kind = TreasuryRecords.Code(e.Kind), Text = e.Text, Actor = e.Actor });
        }

        ProgramTables.Audit(db, now, actor, before is null ? "proposal.created" : "proposal.edited", Subject(input.Number), $"{proposal.Title}; requests {proposal.Requested}{(proposal.PlannedPerMonth is { } p ? $", plans {p} a month" : string.Empty)}; {row.Status}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<SpendingProposal>.Ok(proposal, found);
    }

    /// <summary>
    /// Adds (number 0) or edits a milestone of proposal <paramref name="number"/>: title, cost, target, status and report.
    /// A new status is an event on the proposal's timeline.
    /// </summary>
    public async Task<Result<SpendingProposal>> SaveMilestoneAsync(int number, MilestoneInput input, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await LoadProposalAsync(db, number, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return Result<SpendingProposal>.Fail(ProposalMissing, $"No proposal #{number.ToString(CultureInfo.InvariantCulture)} is recorded.");
        }

        var proposal = TreasuryRecords.ToDomain(row);
        var cost = TokenAmount.Parse(input.Cost, proposal.Requested.Token);
        if (!cost.IsSuccess)
        {
            return Result<SpendingProposal>.Fail(cost.Diagnostics);
        }

        if (string.IsNullOrWhiteSpace(input.Title))
        {
            return Result<SpendingProposal>.Fail(TreasuryCodes.ProposalInvalid, "A milestone needs a title.");
        }

        if (input.Metric is not null && input.TargetValue is not > 0)
        {
            return Result<SpendingProposal>.Fail(TreasuryCodes.ProposalInvalid, "A milestone target needs a count above zero (e.g. 40 ambassadors).");
        }

        var index = input.Number == 0 ? proposal.Milestones.Count + 1 : input.Number;
        if (index < 1 || index > proposal.Milestones.Count + 1)
        {
            return Result<SpendingProposal>.Fail(TreasuryCodes.ProposalInvalid, $"Proposal #{number.ToString(CultureInfo.InvariantCulture)} has no milestone {input.Number.ToString(CultureInfo.InvariantCulture)}.");
        }

        var now = time.GetUtcNow();
        var target = input.Metric is { } metric ? new MilestoneTarget(metric, input.TargetValue!.Value) : null;
        var existing = index <= proposal.Milestones.Count ? proposal.Milestones[index - 1] : null;
        var edited = new Milestone(index, input.Title.Trim(), cost.Value, target, existing?.Status ?? MilestoneStatus.Open, existing?.ReportText, existing?.Date);
        var milestones = proposal.Milestones.ToList();
        if (existing is null)
        {
            milestones.Add(edited);
        }
        else
        {
            milestones[index - 1] = edited;
        }

        proposal = proposal with { Milestones = milestones };
        var report = string.IsNullOrWhiteSpace(input.ReportText) ? null : input.ReportText.Trim();
        if (input.Status != edited.Status || (report is not null && report != edited.ReportText))
        {
            proposal = input.Status == MilestoneStatus.Open
                ? proposal with { Milestones = milestones.Select(m => m.Number == index ? m with { Status = MilestoneStatus.Open, ReportText = report } : m).ToArray() }
                : proposal.WithMilestone(index, input.Status, report ?? string.Empty, now, actor);
        }

        var found = proposal.Validate();
        if (found.Any(d => d.IsError))
        {
            return Result<SpendingProposal>.Fail(found);
        }

        var saved = proposal.Milestones[index - 1];
        var milestoneRow = row.Milestones.FirstOrDefault(m => m.Number == index);
        if (milestoneRow is null)
        {
            row.Milestones.Add(MilestoneRow(saved));
        }
        else
        {
            var fresh = MilestoneRow(saved);
            milestoneRow.Title = fresh.Title;
            milestoneRow.CostUnits = fresh.CostUnits;
            milestoneRow.TargetMetric = fresh.TargetMetric;
            milestoneRow.TargetValue = fresh.TargetValue;
            milestoneRow.Status = fresh.Status;
            milestoneRow.ReportText = fresh.ReportText;
            milestoneRow.Date = fresh.Date;
        }

        foreach (var e in proposal.Timeline.Skip(row.Events.Count))
        {
            row.Events.Add(new ProposalEventRecord { At = e.At, Kind = TreasuryRecords.Code(e.Kind), Text = e.Text, Actor = e.Actor });
        }

        ProgramTables.Audit(db, now, actor, "milestone.saved", Subject(number) + "/milestone:" + index.ToString(CultureInfo.InvariantCulture), $"{saved.Title}; costs {saved.Cost}; {TreasuryRecords.Code(saved.Status)}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<SpendingProposal>.Ok(proposal, found);
    }

    /// <summary>The public treasury page: every proposal that was opened for draws, its ledger, runway and milestone progress.</summary>
    public async Task<TreasuryPage> PageAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var current = Period.Of(now);
        var asOf = DateOnly.FromDateTime(now.UtcDateTime);
        var policy = PolicyFor(current);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await LoadProposalsAsync(db, cancellationToken).ConfigureAwait(false);

        // Issue #13: the runway is measured on closed months only, those approved (so drawn) or paid; a month still open
        // or only locked has drawn nothing yet, and counting it would stretch the runway.
        var closes = await db.MonthCloses.AsNoTracking()
            .Where(c => c.State == MonthState.Approved || c.State == MonthState.Paid)
            .Select(c => new { c.Id, c.Period, c.PolicyName, c.Batches })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        Period? lastClosed = closes.Count == 0 ? null : closes.Max(c => c.Period);
        var payments = new List<TreasuryPayment>();
        var closeIds = closes.Select(c => c.Id).ToArray();
        var txs = await db.PayoutTransactions.AsNoTracking().Where(t => t.SupersededAt == null && closeIds.Contains(t.MonthCloseId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var t in txs)
        {
            var close = closes.First(c => c.Id == t.MonthCloseId);
            var payout = (_catalog.Find(close.PolicyName) ?? PolicyFor(close.Period)).Payout;
            var batches = close.Batches > 1 ? $", batch {t.Batch.ToString(CultureInfo.InvariantCulture)} of {close.Batches.ToString(CultureInfo.InvariantCulture)}" : string.Empty;
            payments.Add(new TreasuryPayment(TreasuryDraws.MonthId(close.Period), t.RecordedAt, $"{close.Period} payout{batches}", t.TxHash, Chain.BlockExplorer.TransactionUrl(payout, t.TxHash), t.RecordedBy));
        }

        var paidBounties = await db.CommunityBounties.AsNoTracking().Where(b => b.TxHash != null)
            .Select(b => new { b.Id, b.Title, b.Period, b.TxHash, b.PaidAt, b.PaidBy })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var b in paidBounties)
        {
            payments.Add(new TreasuryPayment(
                "bounty:" + b.Id.ToString(CultureInfo.InvariantCulture), b.PaidAt ?? now, $"Bounty \"{b.Title}\" ({b.Period})", b.TxHash!, Chain.BlockExplorer.TransactionUrl(PolicyFor(b.Period).Payout, b.TxHash!), b.PaidBy));
        }

        var roster = await MemberRoster.LoadAsync(db, cancellationToken).ConfigureAwait(false);
        var spans = MetricsRegistry.RankSpans(roster);
        var counts = (await db.ChannelCounts.AsNoTracking().OrderBy(c => c.Date).ThenBy(c => c.Channel).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(TreasuryRecords.ToDomain).ToArray();
        var views = rows
            .Select(TreasuryRecords.LedgerOf)
            .Where(l => l.Proposal.Status is not (ProposalStatus.Proposed or ProposalStatus.Rejected) || l.Draws.Count > 0)
            .OrderByDescending(l => l.Proposal.Date).ThenByDescending(l => l.Proposal.Number)
            .Select(l => TreasuryOverview.Build(l, lastClosed, current, asOf, spans, counts, policy.Ranks, payments))
            .ToArray();
        return new TreasuryPage(views, counts, lastClosed, asOf);
    }

    /// <summary>
    /// What approving <paramref name="period"/> with <paramref name="total"/> would draw, on which proposal, and whether it
    /// would be refused; null when no proposal is open for draws.
    /// </summary>
    public static async Task<MonthFunding?> CheckMonthAsync(EmbassyDbContext db, Period period, TokenAmount total, DateOnly date, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var inForce = await InForceAsync(db, total, cancellationToken).ConfigureAwait(false);
        if (inForce is null)
        {
            return null;
        }

        var ledger = inForce.Value.Ledger;
        var needed = TreasuryRecords.InToken(total, ledger.Funding.Token, roundUp: true);
        if (!needed.IsSuccess)
        {
            return new MonthFunding(ledger.Proposal.Number, total, ledger.Remaining, needed.Errors.First());
        }

        var check = TreasuryDraws.DrawMonth(ledger, period, needed.Value, date);
        return new MonthFunding(ledger.Proposal.Number, needed.Value, ledger.Remaining, check.Errors.FirstOrDefault());
    }

    /// <summary>
    /// Draws a month's payout total on the proposal in force (R10), in the caller's transaction (the caller saves): the
    /// oldest approved or funded proposal in the month's token that can cover it, else the oldest with a balance left, else
    /// the newest. Refused with <see cref="TreasuryCodes.Overdrawn"/> (figures in the message) unless
    /// <paramref name="adminOverride"/> carries a reason; the override is kept on the draw and in the audit. Without any
    /// open proposal the month is not drawn and a warning <see cref="NoProposal"/> says so.
    /// </summary>
    public static async Task<Result<Draw?>> DrawMonthAsync(
        EmbassyDbContext db, Period period, TokenAmount total, DateOnly date, DrawOverride? adminOverride, string actor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = TreasuryDraws.MonthId(period);
        if (await db.TreasuryDraws.AnyAsync(d => d.DrawKey == key, cancellationToken).ConfigureAwait(false))
        {
            // R9/R10: a month is paid once, so it is drawn once, on one proposal.
            return Result<Draw?>.Fail(TreasuryCodes.DrawDuplicate, $"{period} is already drawn on a proposal; a month is drawn once.");
        }

        var inForce = await InForceAsync(db, total, cancellationToken).ConfigureAwait(false);
        if (inForce is null)
        {
            return Result<Draw?>.Ok(null, [Diagnostic.Warning(NoProposal, $"No approved or funded {total.Token.Symbol} spending proposal is recorded; {period}'s {total} is not drawn on any (R10).")]);
        }

        var (row, ledger) = inForce.Value;
        var needed = TreasuryRecords.InToken(total, ledger.Funding.Token, roundUp: true);
        if (!needed.IsSuccess)
        {
            return Result<Draw?>.Fail(needed.Diagnostics);
        }

        var drawn = TreasuryDraws.DrawMonth(ledger, period, needed.Value, date, adminOverride);
        if (!drawn.IsSuccess)
        {
            return Result<Draw?>.Fail(drawn.Errors.Select(e => e with { Message = $"Approving {period} is refused: {e.Message}" }));
        }

        var draw = drawn.Value.Draws[^1];
        Record(db, row, draw, actor, now);
        return Result<Draw?>.Ok(draw, drawn.Diagnostics);
    }

    /// <summary>
    /// The proposal a month paying <paramref name="total"/> would draw on (the one <see cref="DrawMonthAsync"/> picks) and
    /// its monthly plan, when it records one (issue #17); null when no proposal is open or the one in force plans none.
    /// </summary>
    public static async Task<(int Proposal, TokenAmount PlannedPerMonth)?> PlanInForceAsync(EmbassyDbContext db, TokenAmount total, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var inForce = await InForceAsync(db, total, cancellationToken).ConfigureAwait(false);
        return inForce?.Ledger.Proposal is { PlannedPerMonth: { } plan } p ? (p.Number, plan) : null;
    }

    /// <summary>Adds a draw row, its timeline event and the audit entry (the caller saves).</summary>
    private static void Record(EmbassyDbContext db, SpendingProposalRecord row, Draw draw, string actor, DateTimeOffset now)
    {
        db.TreasuryDraws.Add(TreasuryRecords.ToRow(draw, row.Id, actor, now));
        var text = $"{draw.Request.Reference}: {draw.Amount} drawn ({draw.Request.Id})" + (draw.Override is { } o ? $"; overdraw allowed by {o.Actor}: {o.Reason}" : string.Empty);
        db.ProposalEvents.Add(new ProposalEventRecord { ProposalId = row.Id, At = now, Kind = TreasuryRecords.Code(ProposalEventKind.Drawn), Text = text, Actor = actor });
        ProgramTables.Audit(db, now, actor, draw.Override is null ? "treasury.drawn" : "treasury.overdrawn", Subject(row.Number), text);
    }

    private static async Task<(SpendingProposalRecord Row, FundingLedger Ledger)?> InForceAsync(EmbassyDbContext db, TokenAmount total, CancellationToken cancellationToken)
    {
        var open = new[] { TreasuryRecords.Code(ProposalStatus.Approved), TreasuryRecords.Code(ProposalStatus.Funded) };
        var rows = await db.SpendingProposals.Include(p => p.Milestones).Include(p => p.Events).Include(p => p.Draws).AsSplitQuery()
            .Where(p => open.Contains(p.Status) && p.Token == total.Token.Symbol)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var ledgers = rows.Select(r => (Row: r, Ledger: TreasuryRecords.LedgerOf(r)))
            .OrderBy(x => x.Ledger.Proposal.Date).ThenBy(x => x.Ledger.Proposal.Number).ToArray();
        if (ledgers.Length == 0)
        {
            return null;
        }

        bool Covers(FundingLedger l) => TreasuryRecords.InToken(total, l.Funding.Token, roundUp: true) is { IsSuccess: true } n && n.Value <= l.Remaining;
        return ledgers.Cast<(SpendingProposalRecord, FundingLedger)?>().FirstOrDefault(x => Covers(x!.Value.Item2))
            ?? ledgers.Cast<(SpendingProposalRecord, FundingLedger)?>().FirstOrDefault(x => !x!.Value.Item2.Remaining.IsZero)
            ?? ledgers[^1];
    }

    private static Task<List<SpendingProposalRecord>> LoadProposalsAsync(EmbassyDbContext db, CancellationToken cancellationToken) =>
        db.SpendingProposals.AsNoTracking().Include(p => p.Milestones).Include(p => p.Events).Include(p => p.Draws).AsSplitQuery().ToListAsync(cancellationToken);

    private static Task<SpendingProposalRecord?> LoadProposalAsync(EmbassyDbContext db, int number, CancellationToken cancellationToken) =>
        db.SpendingProposals.Include(p => p.Milestones).Include(p => p.Events).Include(p => p.Draws).AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Number == number, cancellationToken);

    private static ProposalMilestoneRecord MilestoneRow(Milestone m) => new()
    {
        Number = m.Number,
        Title = m.Title,
        CostUnits = m.Cost.Units,
        TargetMetric = m.Target is null ? null : TreasuryRecords.Code(m.Target.Metric),
        TargetValue = m.Target?.Value,
        Status = TreasuryRecords.Code(m.Status),
        ReportText = m.ReportText,
        Date = m.Date,
    };

    private static string Subject(int number) => "proposal:" + number.ToString(CultureInfo.InvariantCulture);
}
