using System.Globalization;
using System.Numerics;

namespace Embassy.Domain.Rules;

/// <summary>
/// Warnings a month close shows before approval (issue #17), kept apart from the close itself: a pool that moved
/// more than the policy allows from the previous month's (a new policy halving or doubling it, as October 2025 did),
/// and a payout above what the funding proposal planned per month (R10). Warnings, never refusals.
/// </summary>
public static class CloseWarnings
{
    /// <summary>The pool differs from the previous month's by more than the policy's percent.</summary>
    public const string PoolChanged = "CLOSE_POOL_CHANGED";

    /// <summary>The month pays more than its proposal planned per month.</summary>
    public const string AbovePlan = "CLOSE_ABOVE_PLAN";

    /// <summary>
    /// The warnings for a month whose pool is <paramref name="pool"/> under <paramref name="policy"/>, against the previous
    /// month's pool (null: none closed) and the proposal's planned monthly spend (null: none planned). Amounts of tokens
    /// with different decimals (PHA on the parachain, 12, and as an ERC-20, 18) are compared in whole tokens.
    /// </summary>
    /// <param name="policy">The policy in force for the month.</param>
    /// <param name="pool">The month's pool.</param>
    /// <param name="previousPool">The previous month's pool, or null when none is closed.</param>
    /// <param name="payout">What the month pays in all.</param>
    /// <param name="plannedPerMonth">What the funding proposal in force plans a month, or null.</param>
    /// <param name="proposal">That proposal's number, named in the warning when given.</param>
    public static IReadOnlyList<Diagnostic> Check(Policy policy, TokenAmount pool, TokenAmount? previousPool, TokenAmount payout, TokenAmount? plannedPerMonth, int? proposal = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var found = new List<Diagnostic>();
        if (policy.PoolChangeWarningPercent is { } percent && previousPool is { IsZero: false } before)
        {
            var (now, was) = (Scaled(pool, before.Token), (BigInteger)before.Units);
            var change = BigInteger.Abs(now - was);
            if (change * 100 > was * percent)
            {
                found.Add(Diagnostic.Warning(PoolChanged, string.Create(CultureInfo.InvariantCulture,
                    $"The pool is {pool} under {policy.Id}; the previous month's was {before}: a change of more than {percent} %. Check that the policy in force is the one meant.")));
            }
        }

        if (plannedPerMonth is { } plan && Scaled(payout, plan.Token) > plan.Units)
        {
            var over = Scaled(payout, plan.Token) - (BigInteger)plan.Units;
            var name = proposal is { } n ? string.Create(CultureInfo.InvariantCulture, $"proposal #{n}") : "its funding proposal";
            found.Add(Diagnostic.Warning(AbovePlan, $"The month pays {payout}, {plan.Token.Units((UInt128)over)} more than the {plan} a month {name} planned (R10)."));
        }

        return found;
    }

    // The amount in units of the other token's decimals (rounded down: only comparisons use it).
    private static BigInteger Scaled(TokenAmount amount, Token to)
    {
        var units = (BigInteger)amount.Units;
        var shift = to.Decimals - amount.Token.Decimals;
        return shift >= 0 ? units * BigInteger.Pow(10, shift) : units / BigInteger.Pow(10, -shift);
    }
}
