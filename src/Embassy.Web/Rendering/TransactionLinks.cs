using Embassy.Chain;
using Embassy.Domain.Rules;

namespace Embassy.Web.Rendering;

/// <summary>Where people look a payout transaction up (R9): a block explorer for the rail's chain, when Embassy knows one (<see cref="BlockExplorer"/>).</summary>
public static class TransactionLinks
{
    /// <summary>The explorer address of <paramref name="hash"/>, or null (unknown chain, or not a transaction hash).</summary>
    public static string? For(string rail, long? chainId, string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        var template = rail switch
        {
            "evm" => BlockExplorer.KnownTemplate(PayoutRail.Evm, chainId, 0),
            "substrate" => BlockExplorer.KnownTemplate(PayoutRail.Substrate, null, ChainProfile.PhalaPrefix),
            _ => null,
        };
        return template is null ? null : BlockExplorer.Fill(template, hash)?.ToString();
    }

    /// <summary>The explorer address of <paramref name="hash"/> paid under <paramref name="payout"/> (its <c>payout.explorer</c> first), or null.</summary>
    public static string? For(PayoutRule payout, string hash) => BlockExplorer.TransactionUrl(payout, hash)?.ToString();
}
