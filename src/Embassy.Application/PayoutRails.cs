using Embassy.Chain;
using Embassy.Domain;
using Embassy.Domain.Rules;

namespace Embassy.Application;

/// <summary>
/// The policy's payout rail files from payout lines (RULES.md R9), shared by a month's payout and the month's community
/// bounties (R10: bounties are "paid through the same payout rails"). Embassy builds unsigned files; it holds no key.
/// </summary>
public static class PayoutRails
{
    /// <summary>Code: the policy does not pay on the evm rail (or names no valid token contract).</summary>
    public const string NotEvm = "PAYOUT_NOT_EVM";

    /// <summary>Code: the policy does not pay on the substrate rail.</summary>
    public const string NotSubstrate = "PAYOUT_NOT_SUBSTRATE";

    /// <summary>Safe Transaction Builder batches of ERC-20 transfers of the policy's token contract and chain.</summary>
    /// <param name="policy">The policy whose payout rule applies.</param>
    /// <param name="token">The token paid (its decimals).</param>
    /// <param name="lines">What to pay to whom.</param>
    /// <param name="what">What is paid, for messages ("2026-10", "2026-10 bounties").</param>
    public static Result<EvmPayout> Evm(Policy policy, Token token, IReadOnlyList<PayoutLine> lines, string what)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Payout.Rail != PayoutRail.Evm || EvmAddress.Parse(policy.Payout.TokenContract) is not { IsSuccess: true } contract)
        {
            return Result<EvmPayout>.Fail(NotEvm, $"{what} is paid under {policy.Id} on the {MonthCloseWorkflow.RailName(policy.Payout.Rail)} rail, not as an ERC-20 on an EVM chain.");
        }

        var profile = new EvmTokenProfile((ulong)(policy.Payout.ChainId ?? 1), contract.Value, token);
        var safe = MonthCloseWorkflow.SafeOf(policy);
        return EvmPayout.Build(lines, profile, policy.Payout.ChunkSize).Map(p => p with { Safe = safe });
    }

    /// <summary>
    /// Unsigned <c>utility.batch_all</c> call data of <c>balances.transfer_keep_alive</c> transfers, chunked, each with the
    /// BLAKE2b-256 call hash multisig approvers compare (the Phala profile with the policy's prefix and minimum).
    /// </summary>
    /// <param name="policy">The policy whose payout rule applies.</param>
    /// <param name="token">The token paid (its decimals).</param>
    /// <param name="lines">What to pay to whom.</param>
    /// <param name="what">What is paid, for messages.</param>
    public static Result<SubstratePayout> Substrate(Policy policy, Token token, IReadOnlyList<PayoutLine> lines, string what)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(token);
        if (policy.Payout.Rail != PayoutRail.Substrate)
        {
            return Result<SubstratePayout>.Fail(NotSubstrate, $"{what} is paid under {policy.Id} on the {MonthCloseWorkflow.RailName(policy.Payout.Rail)} rail, not on a substrate chain.");
        }

        var profile = ChainProfile.Phala with
        {
            Ss58Prefix = policy.Payout.Ss58Prefix,
            ExistentialDeposit = policy.Payout.Minimum ?? token.Units(token.UnitsPerToken / 100),
        };
        return SubstratePayout.Build(lines, profile, policy.Payout.ChunkSize);
    }
}
