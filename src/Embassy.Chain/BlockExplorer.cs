using Embassy.Domain.Rules;

namespace Embassy.Chain;

/// <summary>
/// Where people look a payout transaction up (R9, issue #13): the policy's <c>payout.explorer</c> when it names one, else
/// the explorer of a chain Embassy has a profile of — Ethereum mainnet and Sepolia on Etherscan, the Phala parachain
/// (SS58 prefix 30) on Subscan. A chain without either gets no link rather than a guessed one.
/// </summary>
public static class BlockExplorer
{
    /// <summary>The explorers of the chains Embassy knows, by rail and chain (EVM chain id, or SS58 prefix for substrate).</summary>
    public static string? KnownTemplate(PayoutRail rail, long? chainId, ushort ss58Prefix) => rail switch
    {
        PayoutRail.Evm when chainId is null or 1 => "https://etherscan.io/tx/{tx}",
        PayoutRail.Evm when chainId == 11155111 => "https://sepolia.etherscan.io/tx/{tx}",
        PayoutRail.Substrate when ss58Prefix == ChainProfile.PhalaPrefix => "https://phala.subscan.io/extrinsic/{tx}",
        _ => null,
    };

    /// <summary>The address template for <paramref name="payout"/>'s transactions, or null.</summary>
    public static string? Template(PayoutRule payout)
    {
        ArgumentNullException.ThrowIfNull(payout);
        return payout.Explorer ?? KnownTemplate(payout.Rail, payout.ChainId, payout.Ss58Prefix);
    }

    /// <summary>
    /// The explorer address of <paramref name="hash"/> paid under <paramref name="payout"/>, or null (no explorer known, or
    /// not a 32-byte 0x hash, so nothing typed wrongly becomes a link).
    /// </summary>
    public static Uri? TransactionUrl(PayoutRule payout, string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        return Template(payout) is { } template ? Fill(template, hash) : null;
    }

    /// <summary>Puts <paramref name="hash"/> into <paramref name="template"/>, or null when it is not a transaction hash.</summary>
    public static Uri? Fill(string template, string hash)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(hash);
        if (hash.Length != 66 || !hash.StartsWith("0x", StringComparison.Ordinal) || !hash.AsSpan(2).ContainsOnlyHex())
        {
            return null;
        }

        return Uri.TryCreate(template.Replace("{tx}", hash, StringComparison.Ordinal), UriKind.Absolute, out var url) ? url : null;
    }

    private static bool ContainsOnlyHex(this ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
