using Embassy.Chain;
using Embassy.Domain;
using Embassy.Domain.Rules;

namespace Embassy.Application;

/// <summary>The month's side of payment checks (#13): which batch a hash pays and what the chain says about it.</summary>
public sealed partial class MonthCloseWorkflow
{
    /// <summary>
    /// Before a hash is recorded for batch <paramref name="batch"/> (the first unpaid batch when null): checks it on the
    /// chain through <see cref="PaymentChecks"/> (R9). Answers the batch number to record, or the problems line by line.
    /// Does nothing for a month that is not approved or a malformed hash: the recording step refuses those itself.
    /// </summary>
    private async Task<Result<int?>> CheckPaymentAsync(Period period, int? batch, string hash, string actor, string? overrideReason, CancellationToken cancellationToken, bool correcting = false)
    {
        if (payments is null)
        {
            return Result<int?>.Ok(batch);
        }

        var preview = await PreviewAsync(period, cancellationToken).ConfigureAwait(false);
        var policy = PolicyOf(preview.Month?.Policy.Id, period);
        var open = preview.State == MonthState.Approved || (correcting && preview.State == MonthState.Paid);
        if (!open || !Domain.Closing.TransactionHash.IsValid(hash, policy.Payout.Rail))
        {
            return Result<int?>.Ok(batch);
        }

        var number = batch ?? Enumerable.Range(1, Math.Max(preview.Batches, 1)).FirstOrDefault(b => preview.Payments.All(p => p.Batch != b), 1);
        if (preview.Payments.Any(p => p.Batch == number) != correcting || number < 1 || number > Math.Max(preview.Batches, 1))
        {
            return Result<int?>.Ok(number); // recorded already (or, to correct, not yet), or no such batch: the lifecycle says so
        }

        EvmPayout? evm = null;
        if (policy.Payout.Rail == PayoutRail.Evm)
        {
            var built = await EvmPayoutAsync(period, cancellationToken).ConfigureAwait(false);
            evm = built.IsSuccess && number <= built.Value.Chunks.Count ? built.Value : null;
        }

        var accepted = await payments.AcceptAsync(
            PaymentChecks.MonthSubject(period), number, hash, evm?.Profile, evm?.Chunks[number - 1], SafeOf(policy), actor, overrideReason, cancellationToken).ConfigureAwait(false);
        return accepted.IsSuccess ? Result<int?>.Ok(number) : Result<int?>.Fail(accepted.Diagnostics);
    }

    /// <summary>The treasury Safe a policy names (<c>payout.safe</c>), when it is a valid EVM address.</summary>
    internal static EvmAddress? SafeOf(Policy policy) =>
        policy.Payout.Rail == PayoutRail.Evm && EvmAddress.Parse(policy.Payout.Safe) is { IsSuccess: true } safe ? safe.Value : null;
}
