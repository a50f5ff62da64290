using System.Text.RegularExpressions;

namespace Embassy.Web.Rendering;

/// <summary>Where people look a payout transaction up (R9): a block explorer for the rail's chain, when Embassy knows one.</summary>
public static partial class TransactionLinks
{
    /// <summary>The explorer address of <paramref name="hash"/>, or null (unknown chain, or not a transaction hash).</summary>
    public static string? For(string rail, long? chainId, string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        if (!Hash().IsMatch(hash))
        {
            return null;
        }

        return rail switch
        {
            "evm" when chainId is null or 1 => "https://etherscan.io/tx/" + hash,
            "evm" when chainId == 11155111 => "https://sepolia.etherscan.io/tx/" + hash,
            "substrate" => "https://phala.subscan.io/extrinsic/" + hash,
            _ => null,
        };
    }

    [GeneratedRegex("^0x[0-9a-fA-F]{64}$")]
    private static partial Regex Hash();
}
