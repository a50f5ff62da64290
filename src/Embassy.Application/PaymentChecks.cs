using System.Globalization;
using Embassy.Chain;
using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>What a recorded payout transaction is, as the pages say it.</summary>
public static class PaymentCheckOutcomes
{
    /// <summary>The chain confirmed the batch, line by line.</summary>
    public const string Verified = "verified";

    /// <summary>Recorded as typed: no chain endpoint is configured, or the rail is not one Embassy reads.</summary>
    public const string NotVerified = "not_verified";

    /// <summary>The chain disagreed (or did not answer) and an admin recorded it anyway, with a reason.</summary>
    public const string Overridden = "overridden";
}

/// <summary>
/// The check between "an admin typed a hash" and "paid" (R9: a paid month records its transaction hashes; #13: the chain
/// says whether that hash paid this batch). With an EVM JSON-RPC endpoint configured (<c>Chain:Evm:RpcUrl</c>) each hash
/// is checked by <see cref="EvmPaymentVerifier"/> before it is recorded: a hash whose transfers are not the batch is
/// refused line by line unless an admin overrides with a reason (audited). Without an endpoint the hash is recorded as
/// "not verified", never as verified. Each accepted hash leaves a row in <c>payment_checks</c> that the pages show.
/// </summary>
/// <param name="databases">The store.</param>
/// <param name="time">The clock.</param>
/// <param name="evmRpcUrl">The EVM chain's JSON-RPC endpoint, from configuration; null when none is set.</param>
public sealed class PaymentChecks(IDbContextFactory<EmbassyDbContext> databases, TimeProvider time, Uri? evmRpcUrl = null)
{
    /// <summary>Code: the chain does not confirm the hash as this batch, and no override reason was given.</summary>
    public const string Refused = "PAYMENT_NOT_VERIFIED";

    /// <summary>True when hashes are checked on the chain.</summary>
    public bool Verifies => evmRpcUrl is not null;

    /// <summary>
    /// Checks <paramref name="txHash"/> as the payment of <paramref name="transfers"/> (an EVM batch; null for a rail
    /// Embassy cannot read) and records what was found when it is accepted: verified, not verified (no endpoint or rail),
    /// or overridden with <paramref name="overrideReason"/>. Refused, it records nothing and answers every problem.
    /// </summary>
    /// <param name="subject"><c>month:YYYY-MM</c> or <c>bounties:YYYY-MM</c>.</param>
    /// <param name="batch">The signing batch, from 1.</param>
    /// <param name="txHash">The hash, already checked for its form.</param>
    /// <param name="profile">Chain and token of the payout, with <paramref name="transfers"/>; null off the evm rail.</param>
    /// <param name="transfers">The batch's transfers in file order.</param>
    /// <param name="safe">The treasury Safe that must have sent them, when the policy names it.</param>
    /// <param name="actor">Who records the hash.</param>
    /// <param name="overrideReason">The admin's reason to record a hash the chain does not confirm.</param>
    /// <param name="cancellationToken">Cancels the store's work.</param>
    public async Task<Result<PaymentCheck>> AcceptAsync(
        string subject, int batch, string txHash, EvmTokenProfile? profile, IReadOnlyList<PayoutTransfer<EvmAddress>>? transfers, EvmAddress? safe,
        string actor, string? overrideReason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(txHash);
        var check = evmRpcUrl is null || profile is null || transfers is null
            ? PaymentCheck.Unchecked(txHash)
            : await new EvmPaymentVerifier(evmRpcUrl).CheckAsync(txHash, profile, transfers, safe).ConfigureAwait(false);
        var reason = string.IsNullOrWhiteSpace(overrideReason) ? null : overrideReason.Trim();
        var outcome = check.Outcome switch
        {
            PaymentCheckOutcome.Verified => PaymentCheckOutcomes.Verified,
            PaymentCheckOutcome.NotVerified => PaymentCheckOutcomes.NotVerified,
            _ => reason is null ? null : PaymentCheckOutcomes.Overridden,
        };
        if (outcome is null)
        {
            return Result<PaymentCheck>.Fail(
            [
                .. check.Problems,
                Diagnostic.Error(Refused, string.Create(CultureInfo.InvariantCulture,
                    $"Batch {batch}: the chain does not confirm {txHash} as this batch ({check.Problems.Count} problem(s) above); it is not recorded. Correct the hash, or record it with an override reason.")),
            ]);
        }

        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var detail = check.Problems.Count > 0 ? string.Join("\n", check.Problems.Select(p => $"{p.Code}: {p.Message}"))
            : outcome == PaymentCheckOutcomes.NotVerified ? (evmRpcUrl is null ? "No chain endpoint is configured (Chain:Evm:RpcUrl)." : "The payout's rail is not read by Embassy.") : null;
        db.PaymentChecks.Add(new PaymentCheckRecord
        {
            Subject = subject, Batch = batch, TxHash = txHash, Outcome = outcome, Detail = detail, OverrideReason = outcome == PaymentCheckOutcomes.Overridden ? reason : null,
            CheckedBy = actor, CheckedAt = now,
        });
        if (outcome == PaymentCheckOutcomes.Overridden)
        {
            // An admin's word over the chain's is audited with what the chain said (R9; "payment.overridden").
            ProgramTables.Audit(db, now, actor, "payment.overridden", subject,
                string.Create(CultureInfo.InvariantCulture, $"batch {batch}: {txHash} recorded although not confirmed — {reason}\n{detail}"));
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<PaymentCheck>.Ok(check);
    }

    /// <summary>
    /// What was found for each recorded hash of <paramref name="subject"/>, latest first per batch. A check whose
    /// recording was then refused (a conflict) also has a row: readers match rows to the hashes actually recorded.
    /// </summary>
    public async Task<IReadOnlyList<PaymentCheckRecord>> ForAsync(string subject, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.PaymentChecks.AsNoTracking().Where(c => c.Subject == subject).OrderBy(c => c.Batch).ThenByDescending(c => c.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The subject of a month's payment checks.</summary>
    public static string MonthSubject(Period period) => "month:" + period;

    /// <summary>The subject of a month's bounty payment checks.</summary>
    public static string BountiesSubject(Period period) => "bounties:" + period;
}
