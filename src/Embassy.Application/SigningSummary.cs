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
/// <param name="Kind"><c>new_recipient</c>, <c>address_changed</c> or <c>amount_unusual</c>.</param>
/// <param name="Member">The member.</param>
/// <param name="Address">The address paid now.</param>
/// <param name="Previous">The address (or amount) of the last paid month, when there was one.</param>
/// <param name="Amount">The amount paid now.</param>
/// <param name="Note">What it means, in a sentence.</param>
public sealed record SigningChange(string Kind, string Member, string Address, string? Previous, TokenAmount Amount, string Note);

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

    /// <summary>An amount more than twice, or less than half, the member's last one.</summary>
    public const string AmountUnusual = "amount_unusual";

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

    /// <summary>What changed since <see cref="ComparedWith"/>.</summary>
    public required IReadOnlyList<SigningChange> Changes { get; init; }

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
        foreach (var (p, state) in await workflow.ClosedMonthsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (p < period && state == MonthState.Paid && await workflow.PayoutFileAsync(p, cancellationToken).ConfigureAwait(false) is { IsSuccess: true } file)
            {
                (previous, last) = (p, file.Value);
                break;
            }
        }

        IReadOnlyList<SigningBatch> batches;
        switch (policy.Payout.Rail)
        {
            case PayoutRail.Evm:
                var evm = await workflow.EvmPayoutAsync(period, cancellationToken).ConfigureAwait(false);
                if (!evm.IsSuccess)
                {
                    return Result<SigningSummary>.Fail(evm.Diagnostics);
                }

                batches = [.. evm.Value.Chunks.Select((c, i) => new SigningBatch(i + 1, c.Count, c.Aggregate(sheet.Value.Token.Zero, (a, t) => a + t.Amount)))];
                break;
            case PayoutRail.Substrate:
                var substrate = await workflow.SubstratePayoutAsync(period, cancellationToken).ConfigureAwait(false);
                if (!substrate.IsSuccess)
                {
                    return Result<SigningSummary>.Fail(substrate.Diagnostics);
                }

                batches = [.. substrate.Value.Batches.Select((b, i) => new SigningBatch(i + 1, b.Transfers.Count, b.Transfers.Aggregate(sheet.Value.Token.Zero, (a, t) => a + t.Amount)))];
                break;
            default:
                batches = [new SigningBatch(1, sheet.Value.Rows.Count, sheet.Value.Total)];
                break;
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
            Batches = batches,
            ComparedWith = previous,
            Changes = last is null ? [] : Diff(sheet.Value, last),
            Steps = StepsFor(policy, safe, batches.Count),
        });
    }

    /// <summary>
    /// The changes a signer checks first: members paid for the first time, members paid to another address than in
    /// <paramref name="last"/>, and amounts more than twice or less than half the member's last one.
    /// </summary>
    public static IReadOnlyList<SigningChange> Diff(ManualPayout now, ManualPayout last)
    {
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(last);
        var before = last.Rows.ToLookup(r => r.Member, StringComparer.Ordinal);
        var changes = new List<SigningChange>();
        foreach (var row in now.Rows)
        {
            var was = before[row.Member].FirstOrDefault();
            if (was is null)
            {
                changes.Add(new SigningChange(NewRecipient, row.Member, row.Address, null, row.Amount, $"{row.Member} was not paid in the last paid month."));
                continue;
            }

            if (!string.Equals(was.Address, row.Address, StringComparison.OrdinalIgnoreCase))
            {
                changes.Add(new SigningChange(AddressChanged, row.Member, row.Address, was.Address, row.Amount, $"{row.Member} was paid to {was.Address} last time; check the change with them before signing."));
            }

            if (!was.Amount.IsZero && (row.Amount.Units > was.Amount.Units * 2 || row.Amount.Units * 2 < was.Amount.Units))
            {
                changes.Add(new SigningChange(AmountUnusual, row.Member, row.Address, was.Amount.ToString(), row.Amount, $"{row.Amount} against {was.Amount} last time."));
            }
        }

        return changes;
    }

    private static string[] StepsFor(Policy policy, string? safe, int batches)
    {
        var n = batches.ToString(CultureInfo.InvariantCulture);
        return policy.Payout.Rail switch
        {
            PayoutRail.Evm =>
            [
                $"Open app.safe.global and select the treasury Safe {safe ?? "(the policy names none: check the address with the other signers)"} on chain {policy.Payout.ChainId?.ToString(CultureInfo.InvariantCulture)}.",
                "Apps → Transaction Builder → drag in the batch file (payout-…-safe-1.json); the builder checks the file's checksum.",
                $"Compare the builder's list with this page: {n} batch(es), each transfer calls transfer(to, value) on {policy.Payout.TokenContract}, value in smallest units.",
                "Create batch → Simulate → Send batch; every other signer confirms it in the Safe's queue until the threshold is met.",
                "Once executed, record each batch's transaction hash in Embassy; it is checked on the chain before the month is paid.",
            ],
            PayoutRail.Substrate =>
            [
                $"Open Polkadot-JS Apps connected to the Phala network (SS58 prefix {policy.Payout.Ss58Prefix.ToString(CultureInfo.InvariantCulture)}).",
                "Developer → Extrinsics → Decode: paste a batch's call data (0x…) from the signing file; it shows utility.batchAll of balances.transferKeepAlive.",
                "Check the call hash Apps shows against the file's call hash for that batch, and the recipients and amounts against this page.",
                $"Submit (or, from a multisig, approve with that call hash) each of the {n} batch(es); the other signatories approve the same hash.",
                "Record each batch's transaction hash in Embassy.",
            ],
            _ => ["Pay each line of the CSV/XLSX sheet by hand, then record the transaction hash(es) in Embassy."],
        };
    }
}
