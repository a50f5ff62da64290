using System.Globalization;
using Embassy.Chain;
using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.Domain.Community;
using Embassy.Domain.Rules;
using Embassy.Domain.Treasury;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>A bounty as an admin enters it (RULES.md R10: a non-member, evidence links, an amount in tokens or dollars).</summary>
/// <param name="Title">What it pays for.</param>
/// <param name="RecipientName">Who is paid.</param>
/// <param name="Handles">Handles, one <c>network=handle</c> per line (may be empty).</param>
/// <param name="Address">The payout address on the month's rail (R9).</param>
/// <param name="Evidence">Links to the work, one per line.</param>
/// <param name="Amount">The amount: whole tokens ("5,000") or dollars ("250.50") when <paramref name="InUsd"/>.</param>
/// <param name="InUsd">True when the amount is in dollars, converted at the month's recorded price.</param>
/// <param name="Month">The month it is awarded in.</param>
/// <param name="Date">The day it was awarded.</param>
/// <param name="ProposalNumber">The proposal it is drawn on.</param>
public sealed record BountyInput(
    string Title, string RecipientName, string? Handles, string Address, string Evidence, string Amount, bool InUsd, Period Month, DateOnly Date, int ProposalNumber);

/// <summary>A stored bounty and where it stands (<c>proposed</c>, <c>approved</c>, <c>drawn</c>, <c>paid</c>).</summary>
/// <param name="Award">The award.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="TxHash">The transaction that paid it, once recorded.</param>
public sealed record StoredBounty(BountyAward Award, string Status, string? TxHash = null);

/// <summary>Prices, channel counts and bounties.</summary>
public sealed partial class TreasuryStore
{
    /// <summary>Bounty states.</summary>
    public static class BountyStates
    {
        public const string Proposed = "proposed";
        public const string Approved = "approved";
        public const string Drawn = "drawn";

        /// <summary>The transaction that paid it is recorded (R9).</summary>
        public const string Paid = "paid";

        /// <summary>Cancelled before the draw, with a reason in the audit log; never drawn or paid.</summary>
        public const string Cancelled = "cancelled";
    }

    /// <summary>Code: no such bounty, or not in the state the step needs.</summary>
    public const string BountyNotReady = "BOUNTY_NOT_READY";

    /// <summary>Code: a bounty's address cannot be paid on its month's rail (#13: checked on entry, not at the draw).</summary>
    public const string BountyAddressInvalid = "BOUNTY_ADDRESS_INVALID";

    /// <summary>Code: the admin approving a bounty entered or last changed it (R10: another admin approves).</summary>
    public const string BountyApproverIsAuthor = "BOUNTY_APPROVER_IS_AUTHOR";

    /// <summary>Code: a cancellation without a reason.</summary>
    public const string BountyReasonMissing = "BOUNTY_REASON_MISSING";

    /// <summary>A month's bounties were already drawn under a clamping bounty cap (R10: the cap is on the month's total).</summary>
    public const string BountyCapDrawnOnce = "BOUNTY_CAP_DRAWN_ONCE";

    /// <summary>
    /// Records the USD price of the token of <paramref name="period"/>'s policy, with its source and date (R10). A second
    /// price for the month replaces the first; both are in the audit log.
    /// </summary>
    public async Task<Result<PriceRecord>> RecordPriceAsync(Period period, string? price, string? source, DateOnly date, string actor, CancellationToken cancellationToken = default)
    {
        var record = PriceRecord.Create(period, price, source, date, PolicyFor(period).Token);
        if (!record.IsSuccess)
        {
            return record;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await UpsertPriceAsync(db, record.Value, actor, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return record;
    }

    /// <summary>
    /// Imports prices from CSV (<c>period,price,source,date</c>, <see cref="PriceCsv"/>): every bad line is reported with
    /// its number and nothing is stored unless the whole file is good.
    /// </summary>
    /// <returns>The prices stored, or the file's errors.</returns>
    public async Task<Result<IReadOnlyList<PriceRecord>>> ImportPricesAsync(string? csv, string actor, string? fileName = null, CancellationToken cancellationToken = default)
    {
        var token = PolicyFor(Period.Of(time.GetUtcNow())).Token;
        var parsed = PriceCsv.Parse(csv, token, fileName ?? "prices.csv");
        if (!parsed.IsSuccess)
        {
            return parsed;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var p in parsed.Value)
        {
            await UpsertPriceAsync(db, p, actor, cancellationToken).ConfigureAwait(false);
        }

        ProgramTables.Audit(db, time.GetUtcNow(), actor, "prices.imported", "prices", string.Create(CultureInfo.InvariantCulture, $"{parsed.Value.Count} prices from {fileName ?? "prices.csv"}"));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return parsed;
    }

    /// <summary>Every recorded price of <paramref name="token"/>'s symbol, newest month first, read as <paramref name="token"/>.</summary>
    public async Task<IReadOnlyList<PriceRecord>> PricesAsync(Token token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await PricesAsync(db, token, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a channel's member count on a day (R10: "recorded community counts"); a second count for the day replaces the first.</summary>
    public async Task<Result<ChannelCount>> RecordChannelCountAsync(ChannelCount count, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(count);
        var normalized = count with { Channel = (count.Channel ?? string.Empty).Trim().ToLowerInvariant(), Source = (count.Source ?? string.Empty).Trim() };
        var found = CommunityMetrics.Validate([normalized]).ToList();
        if (normalized.Source.Length == 0)
        {
            found.Add(Diagnostic.Error(CommunityCodes.MetricsInvalid, "Say where the count was read (group info, server insights)."));
        }

        if (found.Any(d => d.IsError))
        {
            return Result<ChannelCount>.Fail(found);
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var row = await db.ChannelCounts.FirstOrDefaultAsync(c => c.Channel == normalized.Channel && c.Date == normalized.Date, cancellationToken).ConfigureAwait(false);
        var details = string.Create(CultureInfo.InvariantCulture, $"{normalized.Channel} {normalized.Date:yyyy-MM-dd}: {normalized.Members} ({normalized.Source})");
        if (row is null)
        {
            db.ChannelCounts.Add(new ChannelCountRecord { Channel = normalized.Channel, Date = normalized.Date, Members = normalized.Members, Source = normalized.Source, RecordedBy = actor, RecordedAt = now });
        }
        else
        {
            details += string.Create(CultureInfo.InvariantCulture, $"; replaces {row.Members} ({row.Source})");
            row.Members = normalized.Members;
            row.Source = normalized.Source;
            row.RecordedBy = actor;
            row.RecordedAt = now;
        }

        ProgramTables.Audit(db, now, actor, "channel.counted", "channel:" + normalized.Channel, details);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<ChannelCount>.Ok(normalized);
    }

    /// <summary>Every recorded channel count, oldest first.</summary>
    public async Task<IReadOnlyList<ChannelCount>> ChannelCountsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return (await db.ChannelCounts.AsNoTracking().OrderBy(c => c.Date).ThenBy(c => c.Channel).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(TreasuryRecords.ToDomain).ToArray();
    }

    /// <summary>Every bounty, newest first.</summary>
    public async Task<IReadOnlyList<StoredBounty>> BountiesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.CommunityBounties.AsNoTracking().OrderByDescending(b => b.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new StoredBounty(TreasuryRecords.ToDomain(r), r.Status, r.TxHash)).ToArray();
    }

    /// <summary>
    /// Records a bounty proposed for approval: checked as <see cref="BountyAward.Validate"/> does (a recipient who is a
    /// member is a warning), except for the approver, who is whoever approves it later.
    /// </summary>
    /// <returns>The bounty (its id is the stored row's), or the errors.</returns>
    public async Task<Result<BountyAward>> CreateBountyAsync(BountyInput input, string actor, CancellationToken cancellationToken = default)
    {
        var built = RowFrom(input, actor);
        if (!built.IsSuccess)
        {
            return Result<BountyAward>.Fail(built.Diagnostics);
        }

        var row = built.Value;
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var found = await CheckBountyAsync(db, row, cancellationToken).ConfigureAwait(false);
        if (found.Any(d => d.IsError))
        {
            return Result<BountyAward>.Fail(found);
        }

        db.CommunityBounties.Add(row);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var award = TreasuryRecords.ToDomain(row);
        ProgramTables.Audit(db, row.CreatedAt, actor, "bounty.created", "bounty:" + award.Id, $"{award.Title}: {award.Amount} to {award.Recipient.Name} ({award.Month}, proposal #{award.ProposalNumber.ToString(CultureInfo.InvariantCulture)})");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<BountyAward>.Ok(award, found);
    }

    // The row an input makes (amount parsed in the month's token or in dollars); nothing is stored.
    private Result<CommunityBountyRecord> RowFrom(BountyInput input, string actor)
    {
        ArgumentNullException.ThrowIfNull(input);
        var token = PolicyFor(input.Month).Token;
        BountyAmount amount;
        if (input.InUsd)
        {
            var usd = UsdAmount.Parse(input.Amount);
            if (!usd.IsSuccess)
            {
                return Result<CommunityBountyRecord>.Fail(usd.Diagnostics);
            }

            amount = BountyAmount.InUsd(usd.Value);
        }
        else
        {
            var tokens = TokenAmount.Parse(input.Amount, token);
            if (!tokens.IsSuccess)
            {
                return Result<CommunityBountyRecord>.Fail(tokens.Diagnostics);
            }

            amount = BountyAmount.InTokens(tokens.Value);
        }

        var handles = (input.Handles ?? string.Empty).Replace("\r", string.Empty, StringComparison.Ordinal)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var evidence = (input.Evidence ?? string.Empty).Replace("\r", string.Empty, StringComparison.Ordinal)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Result<CommunityBountyRecord>.Ok(new CommunityBountyRecord
        {
            Title = (input.Title ?? string.Empty).Trim(),
            RecipientName = (input.RecipientName ?? string.Empty).Trim(),
            RecipientHandles = string.Join('\n', handles.Where(h => h.Contains('=', StringComparison.Ordinal))),
            RecipientAddress = (input.Address ?? string.Empty).Trim(),
            Evidence = string.Join('\n', evidence),
            AmountUnits = amount.Tokens?.Units,
            AmountUsd = amount.Usd?.Format().Replace(",", string.Empty, StringComparison.Ordinal),
            Token = token.Symbol,
            TokenDecimals = token.Decimals,
            Period = input.Month,
            Date = input.Date,
            ProposalNumber = input.ProposalNumber,
            Status = BountyStates.Proposed,
            CreatedBy = actor,
            CreatedAt = time.GetUtcNow(),
        });
    }

    // BountyAward.Validate (a recipient who is a member is a warning; the approver comes later), a title, a recorded
    // proposal, and (#13) the address checked on the month's rail and stored in its canonical form.
    private async Task<List<Diagnostic>> CheckBountyAsync(EmbassyDbContext db, CommunityBountyRecord row, CancellationToken cancellationToken)
    {
        var policy = PolicyFor(row.Period);
        var address = AddressCheck.Check(row.RecipientAddress, policy.Payout.Rail, policy.Payout.Ss58Prefix);
        if (address.Valid && address.Canonical is { } canonical)
        {
            row.RecipientAddress = canonical;
        }

        var award = TreasuryRecords.ToDomain(row);
        var (ids, addresses) = await MembersAsync(db, cancellationToken).ConfigureAwait(false);
        var found = award.Validate(ids, addresses).Where(d => d.Code != CommunityCodes.BountyNoApprover).ToList();
        if (!address.Valid && !string.IsNullOrWhiteSpace(row.RecipientAddress))
        {
            found.Add(Diagnostic.Error(BountyAddressInvalid, $"{row.RecipientAddress} cannot be paid on the {MonthCloseWorkflow.RailName(policy.Payout.Rail)} rail of {policy.Id} ({row.Period}): {address.Error?.Message}"));
        }

        found.AddRange(address.Warnings);
        if (string.IsNullOrWhiteSpace(row.Title))
        {
            found.Add(Diagnostic.Error(CommunityCodes.BountyRecipientMissing, "A bounty needs a title saying what it pays for."));
        }

        if (!await db.SpendingProposals.AnyAsync(p => p.Number == row.ProposalNumber, cancellationToken).ConfigureAwait(false))
        {
            found.Add(Diagnostic.Error(ProposalMissing, $"No proposal #{row.ProposalNumber.ToString(CultureInfo.InvariantCulture)} is recorded to draw the bounty on."));
        }

        return found;
    }

    /// <summary>
    /// Changes a bounty before it is drawn (a typo in the address or the amount must not block the month's draw): checked
    /// as on entry, audited with what it was; an approved bounty goes back to proposed, to be approved again by another admin.
    /// </summary>
    public async Task<Result<BountyAward>> EditBountyAsync(long id, BountyInput input, string actor, CancellationToken cancellationToken = default)
    {
        var built = RowFrom(input, actor);
        if (!built.IsSuccess)
        {
            return Result<BountyAward>.Fail(built.Diagnostics);
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.CommunityBounties.FirstOrDefaultAsync(b => b.Id == id, cancellationToken).ConfigureAwait(false);
        if (row is null || (row.Status != BountyStates.Proposed && row.Status != BountyStates.Approved))
        {
            return Result<BountyAward>.Fail([NotEditable(id, row?.Status, "changed")]);
        }

        var next = built.Value;
        var found = await CheckBountyAsync(db, next, cancellationToken).ConfigureAwait(false);
        if (found.Any(d => d.IsError))
        {
            return Result<BountyAward>.Fail(found);
        }

        var before = TreasuryRecords.ToDomain(row);
        (row.Title, row.RecipientName, row.RecipientHandles, row.RecipientAddress, row.Evidence) = (next.Title, next.RecipientName, next.RecipientHandles, next.RecipientAddress, next.Evidence);
        (row.AmountUnits, row.AmountUsd, row.Token, row.TokenDecimals) = (next.AmountUnits, next.AmountUsd, next.Token, next.TokenDecimals);
        (row.Period, row.Date, row.ProposalNumber, row.Status, row.Approver, row.ApprovedAt) = (next.Period, next.Date, next.ProposalNumber, BountyStates.Proposed, null, null);
        var after = TreasuryRecords.ToDomain(row);
        ProgramTables.Audit(db, time.GetUtcNow(), actor, "bounty.edited", "bounty:" + after.Id,
            $"was {before.Title}: {before.Amount} to {before.Recipient.Name} at {before.Recipient.Address} ({before.Month}); now {after.Title}: {after.Amount} to {after.Recipient.Name} at {after.Recipient.Address} ({after.Month}); proposed again");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<BountyAward>.Ok(after, found);
    }

    /// <summary>Cancels a bounty before it is drawn, with a reason (audited); a cancelled bounty is never drawn or paid.</summary>
    public async Task<Result<BountyAward>> CancelBountyAsync(long id, string? reason, string actor, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result<BountyAward>.Fail(BountyReasonMissing, "Say why the bounty is cancelled; the reason is kept in the audit log.");
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var claimed = await db.CommunityBounties.Where(b => b.Id == id && (b.Status == BountyStates.Proposed || b.Status == BountyStates.Approved))
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, BountyStates.Cancelled), cancellationToken).ConfigureAwait(false);
        var row = await db.CommunityBounties.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, cancellationToken).ConfigureAwait(false);
        if (claimed != 1 || row is null)
        {
            return Result<BountyAward>.Fail([NotEditable(id, row?.Status, "cancelled")]);
        }

        var award = TreasuryRecords.ToDomain(row);
        ProgramTables.Audit(db, time.GetUtcNow(), actor, "bounty.cancelled", "bounty:" + award.Id, $"{award.Title}: {award.Amount} to {award.Recipient.Name} — {reason.Trim()}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<BountyAward>.Ok(award);
    }

    private static Diagnostic NotEditable(long id, string? state, string what) => Diagnostic.Error(
        BountyNotReady,
        state is null
            ? $"No bounty {id.ToString(CultureInfo.InvariantCulture)} is recorded."
            : $"Bounty {id.ToString(CultureInfo.InvariantCulture)} is {state}; only a bounty not yet drawn can be {what}.");

    /// <summary>Approves a proposed bounty: <paramref name="actor"/> becomes its approver, who must not be its recipient (R10).</summary>
    public async Task<Result<BountyAward>> ApproveBountyAsync(long id, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.CommunityBounties.FirstOrDefaultAsync(b => b.Id == id, cancellationToken).ConfigureAwait(false);
        if (row is null || row.Status != BountyStates.Proposed)
        {
            return Result<BountyAward>.Fail([NotProposed(id, row?.Status)]);
        }

        var award = TreasuryRecords.ToDomain(row) with { Approver = actor };
        var (ids, addresses) = await MembersAsync(db, cancellationToken).ConfigureAwait(false);
        var found = award.Validate(ids, addresses).ToList();

        // R10 "another admin approves it": never the admin who entered (or last changed) it, nor its recipient.
        if (string.Equals(actor.Trim(), row.CreatedBy.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(actor.Trim(), LastEditor(db, id), StringComparison.OrdinalIgnoreCase))
        {
            found.Add(Diagnostic.Error(BountyApproverIsAuthor, $"Bounty {id.ToString(CultureInfo.InvariantCulture)} was entered or changed by {actor}; another admin must approve it."));
        }
        if (found.Any(d => d.IsError))
        {
            return Result<BountyAward>.Fail(found);
        }

        // A conditional transition: only the request that finds the bounty still proposed approves it; the others (a
        // double click, two admins at once) are told what they found instead of approving it again.
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var claimed = await db.CommunityBounties.Where(b => b.Id == id && b.Status == BountyStates.Proposed)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, BountyStates.Approved).SetProperty(b => b.Approver, actor).SetProperty(b => b.ApprovedAt, now), cancellationToken)
            .ConfigureAwait(false);
        if (claimed != 1)
        {
            var state = await db.CommunityBounties.AsNoTracking().Where(b => b.Id == id).Select(b => b.Status).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return Result<BountyAward>.Fail([NotProposed(id, state)]);
        }

        ProgramTables.Audit(db, now, actor, "bounty.approved", "bounty:" + award.Id, $"{award.Title}: {award.Amount} to {award.Recipient.Name}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Result<BountyAward>.Ok(award, found);
    }

    // Whoever last changed the bounty (its latest bounty.edited entry), or null.
    private static string? LastEditor(EmbassyDbContext db, long id)
    {
        var subject = "bounty:" + id.ToString(CultureInfo.InvariantCulture);
        return db.AuditLog.AsNoTracking().Where(a => a.Subject == subject && a.Action == "bounty.edited").OrderByDescending(a => a.Id).Select(a => a.Actor).FirstOrDefault();
    }

    private static Diagnostic NotProposed(long id, string? state) => Diagnostic.Error(
        BountyNotReady,
        state is null
            ? $"No bounty {id.ToString(CultureInfo.InvariantCulture)} is recorded."
            : $"Bounty {id.ToString(CultureInfo.InvariantCulture)} is {state}, not waiting for approval; it was not changed by this request.");

    /// <summary>
    /// Draws the approved bounties of <paramref name="month"/> on proposal <paramref name="proposalNumber"/> and prepares
    /// their payout lines for the month's rail (<see cref="BountyPayouts.Prepare"/>): dollar amounts at the month's recorded
    /// price, an overdraw refused unless <paramref name="overrideReason"/> is given (R10). All or nothing.
    /// </summary>
    public async Task<Result<PreparedBounties>> DrawBountiesAsync(
        Period month, int proposalNumber, string actor, string? overrideReason = null, CancellationToken cancellationToken = default)
    {
        var policy = PolicyFor(month);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var proposal = await LoadProposalAsync(db, proposalNumber, cancellationToken).ConfigureAwait(false);
        if (proposal is null)
        {
            return Result<PreparedBounties>.Fail(ProposalMissing, $"No proposal #{proposalNumber.ToString(CultureInfo.InvariantCulture)} is recorded.");
        }

        var rows = await db.CommunityBounties
            .Where(b => b.Period == month && b.ProposalNumber == proposalNumber && b.Status == BountyStates.Approved)
            .OrderBy(b => b.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return Result<PreparedBounties>.Fail(BountyNotReady, $"No approved bounty of {month} waits to be drawn on proposal #{proposalNumber.ToString(CultureInfo.InvariantCulture)}.");
        }

        var now = time.GetUtcNow();
        var ledger = TreasuryRecords.LedgerOf(proposal);
        var (ids, addresses) = await MembersAsync(db, cancellationToken).ConfigureAwait(false);
        var prices = await PricesAsync(db, policy.Token, cancellationToken).ConfigureAwait(false);
        var adminOverride = string.IsNullOrWhiteSpace(overrideReason) ? null : new DrawOverride(actor, overrideReason.Trim(), now);
        if (!string.Equals(ledger.Funding.Token.Symbol, policy.Token.Symbol, StringComparison.Ordinal))
        {
            return Result<PreparedBounties>.Fail(TreasuryCodes.TokenMismatch, $"{month} pays in {policy.Token.Symbol}; proposal #{proposalNumber.ToString(CultureInfo.InvariantCulture)} is funded in {ledger.Funding.Token.Symbol}.");
        }

        // R10: the policy's bounty cap ("maximum 2,000 $ worth of PHA … to community educators") is on the month's total,
        // so a month's bounties are drawn together when it clamps: the payout file then pays exactly what was drawn.
        var cap = policy.FiatCaps.FirstOrDefault(c => c.Bounties)?.Rule;
        if (cap is { Mode: CapMode.Clamp } && await db.CommunityBounties.AnyAsync(b => b.Period == month && (b.Status == BountyStates.Drawn || b.Status == BountyStates.Paid), cancellationToken).ConfigureAwait(false))
        {
            return Result<PreparedBounties>.Fail(BountyCapDrawnOnce, $"{month}'s bounties were already drawn under the {cap.Name} cap of {cap.Cap} a month; a clamping cap covers the month's bounties in one draw. Approve the rest for a later month.");
        }

        // The check runs in the payout's token; the draws are stored in the proposal's, rounded up (R10).
        var prepared = BountyPayouts.Prepare(
            rows.Select(TreasuryRecords.ToDomain).ToArray(), TreasuryRecords.InToken(ledger, policy.Token), policy, prices, cap, ids, addresses, adminOverride);
        if (!prepared.IsSuccess)
        {
            return prepared;
        }

        foreach (var b in prepared.Value.Bounties)
        {
            var amount = TreasuryRecords.InToken(b.Draw.Amount, ledger.Funding.Token, roundUp: true).Value;
            var draw = b.Draw with { Request = b.Draw.Request with { Amount = amount } };
            Record(db, proposal, draw, actor, now);
            rows.Single(r => r.Id.ToString(CultureInfo.InvariantCulture) == b.Award.Id).Status = BountyStates.Drawn;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return prepared;
    }

    /// <summary>
    /// The payout file of <paramref name="month"/>'s drawn bounties (Embassy.Chain's manual sheet, CSV) for the treasury
    /// signers; amounts as drawn, in the month's token (R9: no key is ever held here).
    /// </summary>
    public async Task<Result<ManualPayout>> BountyPayoutFileAsync(Period month, CancellationToken cancellationToken = default)
    {
        var policy = PolicyFor(month);
        var lines = await BountyLinesAsync(month, cancellationToken).ConfigureAwait(false);
        return lines.IsSuccess
            ? ManualPayout.Build(lines.Value, policy.Token, policy.Payout.Ss58Prefix, month, policy.Id)
            : Result<ManualPayout>.Fail(lines.Diagnostics);
    }

    /// <summary>The month's drawn bounties as the policy's substrate batch (R9, R10: the same rails as the month's payout).</summary>
    public async Task<Result<SubstratePayout>> BountySubstratePayoutAsync(Period month, CancellationToken cancellationToken = default)
    {
        var policy = PolicyFor(month);
        var lines = await BountyLinesAsync(month, cancellationToken).ConfigureAwait(false);
        return lines.IsSuccess ? PayoutRails.Substrate(policy, policy.Token, lines.Value, month + " bounties") : Result<SubstratePayout>.Fail(lines.Diagnostics);
    }

    /// <summary>The month's drawn bounties as Safe batches of ERC-20 transfers (R9, R10).</summary>
    public async Task<Result<EvmPayout>> BountyEvmPayoutAsync(Period month, CancellationToken cancellationToken = default)
    {
        var policy = PolicyFor(month);
        var lines = await BountyLinesAsync(month, cancellationToken).ConfigureAwait(false);
        return lines.IsSuccess ? PayoutRails.Evm(policy, policy.Token, lines.Value, month + " bounties") : Result<EvmPayout>.Fail(lines.Diagnostics);
    }

    /// <summary>
    /// Records the transaction that paid <paramref name="month"/>'s drawn bounties (R9: Embassy never signs; the treasury
    /// does and tells Embassy the hash). Every drawn bounty of the month becomes paid with the hash, the actor and the time,
    /// on its proposal's timeline and in the audit log. Refused when none is drawn (nothing to pay, or already paid) and for
    /// a hash that is not one of the policy's rail.
    /// </summary>
    public Task<Result<int>> RecordBountyPaymentAsync(Period month, string? txHash, string actor, CancellationToken cancellationToken = default) =>
        RecordBountyPaymentAsync(month, txHash, actor, overrideReason: null, cancellationToken);

    /// <summary>As above; <paramref name="overrideReason"/> records a hash the chain does not confirm as the bounties' batch (#13, audited).</summary>
    public async Task<Result<int>> RecordBountyPaymentAsync(Period month, string? txHash, string actor, string? overrideReason, CancellationToken cancellationToken = default)
    {
        var hash = (txHash ?? string.Empty).Trim();
        var policy = PolicyFor(month);
        if (!Embassy.Domain.Closing.TransactionHash.IsValid(hash, policy.Payout.Rail))
        {
            return Result<int>.Fail(WorkflowCodes.TxHashInvalid, "A transaction hash is 0x followed by 64 hexadecimal digits.");
        }

        // #13: the chain checks the hash against the drawn bounties' transfers before they become paid.
        var checkedPayment = await CheckBountyPaymentAsync(month, hash, actor, overrideReason, cancellationToken).ConfigureAwait(false);
        if (!checkedPayment.IsSuccess)
        {
            return Result<int>.Fail(checkedPayment.Diagnostics);
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.CommunityBounties.Where(b => b.Period == month && b.Status == BountyStates.Drawn)
            .OrderBy(b => b.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            var paid = await db.CommunityBounties.AnyAsync(b => b.Period == month && b.Status == BountyStates.Paid, cancellationToken).ConfigureAwait(false);
            return Result<int>.Fail(BountyNotReady, paid
                ? $"{month}'s bounties are already paid; a payment is recorded once."
                : $"No bounty of {month} is drawn; draw the approved bounties and have the treasury pay the file first.");
        }

        var now = time.GetUtcNow();
        foreach (var row in rows)
        {
            (row.Status, row.TxHash, row.PaidBy, row.PaidAt) = (BountyStates.Paid, hash, actor, now);
        }

        var text = $"{month} bounties paid: {string.Join(", ", rows.Select(r => "bounty:" + r.Id.ToString(CultureInfo.InvariantCulture)))} in {hash}";
        foreach (var proposal in await db.SpendingProposals.Where(p => rows.Select(r => r.ProposalNumber).Contains(p.Number)).ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            db.ProposalEvents.Add(new ProposalEventRecord { ProposalId = proposal.Id, At = now, Kind = TreasuryRecords.Code(ProposalEventKind.Note), Text = text, Actor = actor });
        }

        ProgramTables.Audit(db, now, actor, "bounties.paid", "bounties:" + month, text);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Result<int>.Ok(rows.Count);
    }

    // Nothing drawn (or already paid) is refused by the recording step itself; the check runs only when there is a batch to pay.
    private async Task<Result<bool>> CheckBountyPaymentAsync(Period month, string hash, string actor, string? overrideReason, CancellationToken cancellationToken)
    {
        if (payments is null)
        {
            return Result<bool>.Ok(true);
        }

        await using (var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await db.CommunityBounties.AnyAsync(b => b.Period == month && b.Status == BountyStates.Drawn, cancellationToken).ConfigureAwait(false))
            {
                return Result<bool>.Ok(true);
            }
        }

        var policy = PolicyFor(month);
        var evm = policy.Payout.Rail == Embassy.Domain.Rules.PayoutRail.Evm ? await BountyEvmPayoutAsync(month, cancellationToken).ConfigureAwait(false) : null;
        var payout = evm is { IsSuccess: true } ? evm.Value : null;
        var accepted = await payments.AcceptAsync(
            PaymentChecks.BountiesSubject(month), 1, hash, payout?.Profile, payout?.Transfers, MonthCloseWorkflow.SafeOf(policy), actor, overrideReason, cancellationToken).ConfigureAwait(false);
        return accepted.IsSuccess ? Result<bool>.Ok(true) : Result<bool>.Fail(accepted.Diagnostics);
    }

    /// <summary>
    /// The paid bounty batches of the months before <paramref name="month"/>, newest first, at most <paramref name="max"/>
    /// (#13: what the signers of <paramref name="month"/>'s bounties compare with), each as its payout sheet of the bounties
    /// paid then. A month whose sheet cannot be built any more (a price since removed) is left out rather than guessed.
    /// </summary>
    public async Task<IReadOnlyList<(Period Month, ManualPayout Sheet)>> PaidBountySheetsAsync(Period month, int max, CancellationToken cancellationToken = default)
    {
        List<Period> months;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            months = await db.CommunityBounties.AsNoTracking().Where(b => b.Status == BountyStates.Paid)
                .Select(b => b.Period).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        var sheets = new List<(Period, ManualPayout)>();
        foreach (var m in months.Where(m => m < month).OrderDescending())
        {
            var policy = PolicyFor(m);
            var lines = await BountyLinesAsync(m, cancellationToken, paidOnly: true).ConfigureAwait(false);
            if (lines.IsSuccess && ManualPayout.Build(lines.Value, policy.Token, policy.Payout.Ss58Prefix, m, policy.Id) is { IsSuccess: true } sheet)
            {
                sheets.Add((m, sheet.Value));
                if (sheets.Count == max)
                {
                    break;
                }
            }
        }

        return sheets;
    }

    /// <summary>
    /// Where the address of each drawn bounty of <paramref name="month"/> comes from (#13), by recipient name: when and by
    /// whom the bounty was entered or last edited (the edit that may have changed the address). A bounty's recipient is
    /// not a member and cannot prove an address, so none is proven.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, AddressProvenance>> BountyAddressOriginsAsync(Period month, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.CommunityBounties.AsNoTracking().Where(b => b.Period == month && (b.Status == BountyStates.Drawn || b.Status == BountyStates.Paid))
            .OrderBy(b => b.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var subjects = rows.Select(r => "bounty:" + r.Id.ToString(CultureInfo.InvariantCulture)).ToArray();
        var edits = (await db.AuditLog.AsNoTracking().Where(a => a.Action == "bounty.edited" && subjects.Contains(a.Subject))
                .Select(a => new { a.Subject, a.At, a.Actor, a.Id }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .GroupBy(a => a.Subject, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(a => a.At).ThenBy(a => a.Id).Last(), StringComparer.Ordinal);
        var origins = new Dictionary<string, AddressProvenance>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var (at, by) = edits.GetValueOrDefault("bounty:" + row.Id.ToString(CultureInfo.InvariantCulture)) is { } edit ? (edit.At, edit.Actor) : (row.CreatedAt, row.CreatedBy);
            origins[row.RecipientName] = new AddressProvenance(row.RecipientAddress, at, by, Proven: false, IsChange: false, Previous: null);
        }

        return origins;
    }

    /// <summary>The payout lines of the month's drawn bounties (or, <paramref name="paidOnly"/>, those paid), clamped as when they were drawn.</summary>
    private async Task<Result<IReadOnlyList<PayoutLine>>> BountyLinesAsync(Period month, CancellationToken cancellationToken, bool paidOnly = false)
    {
        var policy = PolicyFor(month);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.CommunityBounties.AsNoTracking().Where(b => b.Period == month && ((!paidOnly && b.Status == BountyStates.Drawn) || b.Status == BountyStates.Paid))
            .OrderBy(b => b.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return Result<IReadOnlyList<PayoutLine>>.Fail(BountyNotReady, $"No bounty of {month} is drawn yet; draw the approved bounties first.");
        }

        var prices = await PricesAsync(db, policy.Token, cancellationToken).ConfigureAwait(false);
        var lines = new List<PayoutLine>();
        foreach (var award in rows.Select(TreasuryRecords.ToDomain))
        {
            var amount = award.Amount.Resolve(award.Month, prices, policy.Token);
            if (!amount.IsSuccess)
            {
                return Result<IReadOnlyList<PayoutLine>>.Fail(amount.Diagnostics);
            }

            lines.Add(new PayoutLine("bounty:" + award.Id, award.Recipient.Address, amount.Value, award.Recipient.Name));
        }

        // The same clamp as when the month's bounties were drawn (one draw per month under a clamping cap, R10).
        if (policy.FiatCaps.FirstOrDefault(c => c.Bounties)?.Rule is { Mode: CapMode.Clamp } cap)
        {
            var capped = FiatCap.Apply(cap, month, lines.Select(l => (l.Member, l.Amount)).ToArray(), prices, policy.Token);
            if (!capped.IsSuccess)
            {
                return Result<IReadOnlyList<PayoutLine>>.Fail(capped.Diagnostics);
            }

            var paid = capped.Value.Lines.ToDictionary(l => l.Key, l => l.Paid, StringComparer.Ordinal);
            lines = lines.Select(l => l with { Amount = paid[l.Member] }).ToList();
        }

        return Result<IReadOnlyList<PayoutLine>>.Ok(lines);
    }

    private async Task UpsertPriceAsync(EmbassyDbContext db, PriceRecord price, string actor, CancellationToken cancellationToken)
    {
        var symbol = price.Price.Token.Symbol;
        var now = time.GetUtcNow();
        var row = await db.TokenPrices.FirstOrDefaultAsync(p => p.Period == price.Period && p.Token == symbol, cancellationToken).ConfigureAwait(false);
        var details = string.Create(CultureInfo.InvariantCulture, $"{price.Price} for {price.Period} from {price.Source} ({price.Date:yyyy-MM-dd})");
        if (row is null)
        {
            db.TokenPrices.Add(new TokenPriceRecord { Period = price.Period, Token = symbol, UsdPrice = price.Price.Format().Replace(",", string.Empty, StringComparison.Ordinal), Source = price.Source, Date = price.Date, RecordedBy = actor, RecordedAt = now });
        }
        else
        {
            details += $"; replaces {row.UsdPrice} from {row.Source}";
            row.UsdPrice = price.Price.Format().Replace(",", string.Empty, StringComparison.Ordinal);
            row.Source = price.Source;
            row.Date = price.Date;
            row.RecordedBy = actor;
            row.RecordedAt = now;
        }

        ProgramTables.Audit(db, now, actor, "price.recorded", "price:" + price.Period + ":" + symbol, details);
    }

    /// <summary>The recorded prices of <paramref name="token"/>, newest month first.</summary>
    internal static async Task<IReadOnlyList<PriceRecord>> PricesAsync(EmbassyDbContext db, Token token, CancellationToken cancellationToken)
    {
        var rows = await db.TokenPrices.AsNoTracking().Where(p => p.Token == token.Symbol).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => TreasuryRecords.ToDomain(r, token)).OfType<PriceRecord>().OrderByDescending(p => p.Period).ToArray();
    }

    private static async Task<(IReadOnlySet<string> Ids, IReadOnlySet<string> Addresses)> MembersAsync(EmbassyDbContext db, CancellationToken cancellationToken)
    {
        var handles = await db.MemberHandles.AsNoTracking().Select(h => h.NormalizedValue).ToListAsync(cancellationToken).ConfigureAwait(false);
        var addresses = await db.PayoutAddresses.AsNoTracking().Select(a => a.Address).ToListAsync(cancellationToken).ConfigureAwait(false);
        return (new HashSet<string>(handles, StringComparer.OrdinalIgnoreCase), new HashSet<string>(addresses, StringComparer.Ordinal));
    }
}
