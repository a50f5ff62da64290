using Embassy.Domain;

namespace Embassy.Chain;

/// <summary>What the evm rail needs to know (R9): the chain id, the ERC-20 contract and the token's decimals.</summary>
/// <param name="ChainId">EIP-155 chain id (1 = Ethereum mainnet).</param>
/// <param name="Contract">The ERC-20 token contract the transfers call.</param>
/// <param name="Token">The token, with the contract's decimals.</param>
public sealed record EvmTokenProfile(ulong ChainId, EvmAddress Contract, Token Token)
{
    /// <summary>The ERC-20 PHA token on Ethereum mainnet: 18 decimals (R5: "an 18-decimal ERC-20 uses 10^18").</summary>
    public static EvmTokenProfile PhaOnEthereum { get; } = new(
        1,
        EvmAddress.Parse("0x6c5bA91642F10282b576d91922Ae6448C9d52f4E").Value,
        new Token("PHA", 18));
}
