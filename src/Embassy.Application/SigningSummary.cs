using System.Globalization;
using Embassy.Chain;
using Embassy.Domain;
using Embassy.Domain.Rules;

namespace Embassy.Application;

/// <summary>One signing batch as the signer checks it.</summary>
/// <param name="Number">From 1.</param>
/// <param name="Transfers">How many transfers.</param>
/// <param name="Total">Its total.</param>
public sealed record SigningBatch(int Number, int Transfers, TokenAmount Total);

/// <summary>A line a careful signer looks at before signing: what changed since the last paid month.</summary>
/// <param name="Kind"><c>new_recipient</c>, <c>address_changed</c>, <c>amount_unusual</c> or <c>payout_held</c>.</param>
/// <param name="Member">The member.</param>
/// <param name="Address">The address paid now (held: the address not paid).</param>
/// <param name="Previous">The address (or usual amount) compared with, when there was one.</param>
/// <param name="Amount">The amount paid now (held: the amount carried).</param>
/// <param name="Note">What it means, in a sentence.</param>
/// <param name="ChangedAt">When the address paid now was set (issue #13), when known.</param>
/// <param name="ChangedBy">Who set it: an admin's login, or the member's own when they proved it.</param>
/// <param name="Proven">Whether the member proved the address by signing Embassy's challenge; null when unknown.</param>
public sealed record SigningChange(
    string Kind, string Member, string Address, string? Previous, TokenAmount Amount, string Note,
    DateTimeOffset? ChangedAt = null, string? ChangedBy = null, bool? Proven = null);

/// <summary>
/// What the treasury signers are handed for an approved month (R9: Embassy prepares, the signers sign): token,
/// contract, chain and Safe from the policy's rail, the totals and batches, the changes since the last paid month, and
/// the steps to load the file in Safe's Transaction Builder or Polkadot-JS Apps.
/// </summary>
public sealed record SigningSummary
{
    /// <summary>Change kinds.</summary>
    public const string NewRecipient = "new_recipient";

    /// <summary>A member paid to another address than last time.</summary>
    public const string AddressChanged = "address_changed";

    /// <summary>An amount more than twice, or less than half, the member's usual one (the median of their last paid months).</summary>
    public const string AmountUnusual = "amount_unusual";

    /// <summary>A payout left out of the file: an unproven address change inside the policy's cooling period (issue #13).</summary>
    public const string PayoutHeld = "payout_held";

    /// <summary>How many earlier paid months make a member's usual amount.</summary>
    public const int UsualMonths = 6;

    /// <summary>The month.</summary>
    public required Period Period { get; init; }

    /// <summary><c>evm</c>, <c>substrate</c> or <c>manual</c>.</summary>
    public required string Rail { get; init; }

    /// <summary>The token's symbol and decimals.</summary>
    public required Token Token { get; init; }

    /// <summary>EVM: the token contract.</summary>
    public string? Contract { get; init; }

    /// <summary>EVM chain id, or null.</summary>
    public long? ChainId { get; init; }

    /// <summary>The treasury Safe from the policy (<c>payout.safe</c>), or null when the policy does not name it.</summary>
    public string? Safe { get; init; }

    /// <summary>The total paid.</summary>
    public required TokenAmount Total { get; init; }

    /// <summary>How many recipients.</summary>
    public required int Recipients { get; init; }

    /// <summary>The batches to sign, in order.</summary>
    public required IReadOnlyList<SigningBatch> Batches { get; init; }

    /// <summary>The last paid month compared with, or null when there is none.</summary>
    public Period? ComparedWith { get; init; }

    /// <summary>What <see cref="ComparedWith"/> stands for when it is not simply the last paid month (bounties: the months of paid bounties compared with).</summary>
    public string? Comparison { get; init; }

    /// <summary>What changed since <see cref="ComparedWith"/>.</summary>
    public required IReadOnlyList<SigningChange> Changes { get; init; }

    /// <summary>Payouts left out of the file, with why (issue #13: unproven address changes in their cooling period).</summary>
    public IReadOnlyList<HeldPayout> Held { get; init; } = [];

    /// <summary>Steps, in order, for the tool the rail's file goes into.</summary>
    public required IReadOnlyList<string> Steps { get; init; }

    /// <summary>The summary of an approved month; fails as the payout files do (not approved, bad addresses).</summary>
    public static async Task<Result<SigningSummary>> ForMonthAsync(MonthCloseWorkflow workflow, Period period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var sheet = await workflow.PayoutFileAsync(period, cancellationToken).ConfigureAwait(false);
        if (!sheet.IsSuccess)
        {
            return Result<SigningSummary>.Fail(sheet.Diagnostics);
        }

        var policy = workflow.PolicyFor(period);
        Period? previous = null;
        ManualPayout? last = null;
        var earlier = new List<ManualPayout>();
        foreach (var (p, state) in await workflow.ClosedMonthsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (p < period && state == MonthState.Paid && await workflow.PayoutFileAsync(p, cancellationToken).ConfigureAwait(false) is { IsSuccess: true } file)
            {
                if (last is null)
                {
                    (previous, last) = (p, file.Value);
                }

                earlier.Add(file.Value);
                if (earlier.Count == UsualMonths)
                {
                    break;
                }
            }
        }

        var provenance = await workflow.AddressProvenanceAsync(period, cancellationToken).ConfigureAwait(false);
        var held = await workflow.HeldAsync(period, cancellationToken).ConfigureAwait(false);

        var batches = BatchesOf(
            policy,
            sheet.Value,
            policy.Payout.Rail == PayoutRail.Evm ? await workflow.EvmPayoutAsync(period, cancellationToken).ConfigureAwait(false) : null,
            policy.Payout.Rail == PayoutRail.Substrate ? await workflow.SubstratePayoutAsync(period, cancellationToken).ConfigureAwait(false) : null);
        if (!batches.IsSuccess)
        {
            return Result<SigningSummary>.Fail(batches.Diagnostics);
        }

        var safe = MonthCloseWorkflow.SafeOf(policy)?.Text;
        return Result<SigningSummary>.Ok(new SigningSummary
        {
            Period = period,
            Rail = MonthCloseWorkflow.RailName(policy.Payout.Rail),
            Token = sheet.Value.Token,
            Contract = policy.Payout.Rail == PayoutRail.Evm ? policy.Payout.TokenContract : null,
            ChainId = policy.Payout.ChainId,
            Safe = safe,
            Total = sheet.Value.Total,
            Recipients = sheet.Value.Rows.Count,
            Batches = batches.Value,
            ComparedWith = previous,
            Changes = Diff(sheet.Value, last, earlier, provenance, held),
            Held = held,
            Steps = StepsFor(policy, batches.Value, sheet.Value.Token),
        });
    }

    /// <summary>
    /// The summary of a month's drawn community bounties (R10: paid on the same rail as the month's payout): the same
    /// rail settings, totals, batches and steps, and the same diff as a month's (#13, <see cref="Diff(ManualPayout, ManualPayout?, IReadOnlyList{ManualPayout}?, IReadOnlyDictionary{string, AddressProvenance}?, IReadOnlyList{HeldPayout}?, string, string)"/>)
    /// against the bounties paid in up to <see cref="UsualMonths"/> earlier months. Bounties pay non-members, one-offs
    /// more often than not, so a recipient (by name) is compared with their latest paid bounty in those months rather
    /// than with the last month alone: new when none, an address changed since then with when and by whom the bounty was
    /// entered or edited, an amount far from the median of theirs. With nothing paid before, every recipient is new.
    /// </summary>
    public static async Task<Result<SigningSummary>> ForBountiesAsync(TreasuryStore treasury, Period month, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(treasury);
        var sheet = await treasury.BountyPayoutFileAsync(month, cancellationToken).ConfigureAwait(false);
        if (!sheet.IsSuccess)
        {
            return Result<SigningSummary>.Fail(sheet.Diagnostics);
        }

        var policy = treasury.PolicyFor(month);
        var batches = BatchesOf(
            policy,
            sheet.Value,
            policy.Payout.Rail == PayoutRail.Evm ? await treasury.BountyEvmPayoutAsync(month, cancellationToken).ConfigureAwait(false) : null,
            policy.Payout.Rail == PayoutRail.Substrate ? await treasury.BountySubstratePayoutAsync(month, cancellationToken).ConfigureAwait(false) : null);
        if (!batches.IsSuccess)
        {
            return Result<SigningSummary>.Fail(batches.Diagnostics);
        }

        var paid = await treasury.PaidBountySheetsAsync(month, UsualMonths, cancellationToken).ConfigureAwait(false);
        var earlier = paid.Select(p => ByRecipient(p.Sheet)).ToArray();
        // Each recipient's latest paid bounty (the newest month first wins): what "last time" means for a bounty.
        var latest = earlier.SelectMany(e => e.Rows).DistinctBy(r => r.Member, StringComparer.Ordinal).ToArray();
        var last = ByRecipient(sheet.Value) with { Rows = latest, Carried = [] };
        var months = paid.Count switch
        {
            0 => null,
            1 => paid[0].Month.ToString(),
            _ => $"{paid[^1].Month}–{paid[0].Month} ({paid.Count.ToString(CultureInfo.InvariantCulture)} months with paid bounties)",
        };
        var notPaidIn = months is null ? "any earlier month (no bounty was paid before)" : $"any bounty paid in {months}";
        var origins = await treasury.BountyAddressOriginsAsync(month, cancellationToken).ConfigureAwait(false);

        var safe = MonthCloseWorkflow.SafeOf(policy)?.Text;
        return Result<SigningSummary>.Ok(new SigningSummary
        {
            Period = month,
            Rail = MonthCloseWorkflow.RailName(policy.Payout.Rail),
            Token = sheet.Value.Token,
            Contract = policy.Payout.Rail == PayoutRail.Evm ? policy.Payout.TokenContract : null,
            ChainId = policy.Payout.ChainId,
            Safe = safe,
            Total = sheet.Value.Total,
            Recipients = sheet.Value.Rows.Count,
            Batches = batches.Value,
            ComparedWith = paid.Count == 0 ? null : paid[0].Month,
            Comparison = months is null ? null : $"the bounties paid in {months}",
            Changes = Diff(ByRecipient(sheet.Value), last, earlier, origins, null, notPaidIn, "month of paid bounties"),
            Steps = StepsFor(policy, batches.Value, sheet.Value.Token),
        });
    }

    // A bounty sheet's lines are keyed by bounty ("bounty:12") and name the recipient in the handle column; the diff
    // compares recipients, so it reads the sheet keyed by them.
    private static ManualPayout ByRecipient(ManualPayout sheet) =>
        sheet with { Rows = [.. sheet.Rows.Select(r => r with { Member = r.Handle.Length > 0 ? r.Handle : r.Member })] };

    private static Result<IReadOnlyList<SigningBatch>> BatchesOf(Policy policy, ManualPayout sheet, Result<EvmPayout>? evm, Result<SubstratePayout>? substrate)
    {
        switch (policy.Payout.Rail)
        {
            case PayoutRail.Evm when evm is not null:
                return evm.IsSuccess
                    ? Result<IReadOnlyList<SigningBatch>>.Ok([.. evm.Value.Chunks.Select((c, i) => new SigningBatch(i + 1, c.Count, c.Aggregate(sheet.Token.Zero, (a, t) => a + t.Amount)))])
                    : Result<IReadOnlyList<SigningBatch>>.Fail(evm.Diagnostics);
            case PayoutRail.Substrate when substrate is not null:
                return substrate.IsSuccess
                    ? Result<IReadOnlyList<SigningBatch>>.Ok([.. substrate.Value.Batches.Select((b, i) => new SigningBatch(i + 1, b.Transfers.Count, b.Transfers.Aggregate(sheet.Token.Zero, (a, t) => a + t.Amount)))])
                    : Result<IReadOnlyList<SigningBatch>>.Fail(substrate.Diagnostics);
            default:
                return Result<IReadOnlyList<SigningBatch>>.Ok([new SigningBatch(1, sheet.Rows.Count, sheet.Total)]);
        }
    }

    /// <summary>
    /// The changes a signer checks first: members paid for the first time, members paid to another address than in
    /// <paramref name="last"/>, and amounts more than twice or less than half the member's last one.
    /// </summary>
    public static IReadOnlyList<SigningChange> Diff(ManualPayout now, ManualPayout last) => Diff(now, last, null, null, null);

    /// <summary>
    /// The changes a signer checks first (issue #13): payouts held out of the file; members paid for the first time;
    /// members paid to another address than in <paramref name="last"/>, with when and by whom the address was set and
    /// whether the member proved it; and amounts more than twice or less than half the member's usual one — the median of
    /// their amounts in <paramref name="earlier"/> (the last paid months, newest first; <paramref name="last"/> alone
    /// when not given). With no <paramref name="last"/> (nothing paid before) only held payouts are listed.
    /// </summary>
    /// <param name="now">The payout to sign.</param>
    /// <param name="last">What each recipient was paid last: the last paid month, or for bounties each recipient's latest paid bounty.</param>
    /// <param name="earlier">The earlier paid batches the usual amounts come from, newest first.</param>
    /// <param name="provenance">Where each recipient's address comes from, by recipient.</param>
    /// <param name="held">Payouts held out of the file.</param>
    /// <param name="notPaidIn">What a new recipient was not paid in, for its note.</param>
    /// <param name="batchName">What one of <paramref name="earlier"/> is called in the notes.</param>
    public static IReadOnlyList<SigningChange> Diff(
        ManualPayout now, ManualPayout? last, IReadOnlyList<ManualPayout>? earlier, IReadOnlyDictionary<string, AddressProvenance>? provenance, IReadOnlyList<HeldPayout>? held,
        string notPaidIn = "the last paid month", string batchName = "paid month")
    {
        ArgumentNullException.ThrowIfNull(now);
        var changes = new List<SigningChange>();
        foreach (var h in held ?? [])
        {
            var where = provenance?.GetValueOrDefault(h.Member) is { } hp && string.Equals(hp.Address, h.Address, StringComparison.OrdinalIgnoreCase) ? hp : null;
            changes.Add(new SigningChange(PayoutHeld, h.Member, h.Address, where?.Previous, h.Amount, h.Reason, where?.Since, where?.By, where?.Proven));
        }

        if (last is null)
        {
            return changes;
        }

        var before = last.Rows.ToLookup(r => r.Member, StringComparer.Ordinal);
        var months = earlier is { Count: > 0 } ? earlier : [last];
        foreach (var row in now.Rows)
        {
            var origin = provenance?.GetValueOrDefault(row.Member) is { } p && string.Equals(p.Address, row.Address, StringComparison.OrdinalIgnoreCase) ? p : null;
            var set = origin is null ? string.Empty : $" Set {ProgramTables.Stamp(origin.Since)} by {origin.By ?? "an unknown actor"}, {(origin.Proven ? "proven by the member's signature" : "not proven by the member")}.";
            var was = before[row.Member].FirstOrDefault();
            if (was is null)
            {
                changes.Add(new SigningChange(NewRecipient, row.Member, row.Address, null, row.Amount, $"{row.Member} was not paid in {notPaidIn}.{set}", origin?.Since, origin?.By, origin?.Proven));
                continue;
            }

            if (!string.Equals(was.Address, row.Address, StringComparison.OrdinalIgnoreCase))
            {
                changes.Add(new SigningChange(AddressChanged, row.Member, row.Address, was.Address, row.Amount, $"{row.Member} was paid to {was.Address} last time; check the change with them before signing.{set}", origin?.Since, origin?.By, origin?.Proven));
            }

            if (Usual(months, row.Member) is { IsZero: false } usual && (row.Amount.Units > usual.Units * 2 || row.Amount.Units * 2 < usual.Units))
            {
                changes.Add(new SigningChange(AmountUnusual, row.Member, row.Address, usual.ToString(), row.Amount, $"{row.Amount} against a usual {usual} (median of the last {Math.Min(months.Count, UsualMonths)} {batchName}(s))."));
            }
        }

        return changes;
    }

    /// <summary>The median of a member's amounts in the months they were paid in (the lower middle for an even count).</summary>
    private static TokenAmount? Usual(IReadOnlyList<ManualPayout> months, string member)
    {
        var amounts = months.Select(m => m.Rows.FirstOrDefault(r => string.Equals(r.Member, member, StringComparison.Ordinal))?.Amount)
            .OfType<TokenAmount>().OrderBy(a => a.Units).ToArray();
        return amounts.Length == 0 ? null : amounts[(amounts.Length - 1) / 2];
    }

    /// <summary>The steps printed with a built substrate file of <paramref name="policy"/>: the same text the summary shows.</summary>
    public static IReadOnlyList<string> StepsOf(Policy policy, SubstratePayout payout)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return SignerSteps.For(policy.Payout, payout);
    }

    /// <summary>The batches' transfers and total: what the steps tell the signer to compare.</summary>
    private static IReadOnlyList<string> StepsFor(Policy policy, IReadOnlyList<SigningBatch> batches, Token token) =>
        SignerSteps.For(policy.Payout, batches.Count, batches.Sum(b => b.Transfers), batches.Aggregate(token.Zero, (a, b) => a + b.Total));
}
