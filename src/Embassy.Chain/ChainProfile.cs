using Embassy.Domain;

namespace Embassy.Chain;

/// <summary>
/// What the substrate rail needs to know about a chain (RULES.md R9): its SS58 prefix, the pallet and call
/// indices of <c>utility.batch_all</c> and <c>balances.transfer_keep_alive</c>, its token and existential deposit.
/// Indices come from the chain's runtime metadata and change only with a runtime upgrade that reorders pallets.
/// </summary>
/// <param name="Name">Profile name, e.g. "phala".</param>
/// <param name="Ss58Prefix">The network prefix of its addresses.</param>
/// <param name="UtilityPallet">Index of the Utility pallet.</param>
/// <param name="BatchAllCall">Index of <c>batch_all</c> in the Utility pallet.</param>
/// <param name="BalancesPallet">Index of the Balances pallet.</param>
/// <param name="TransferKeepAliveCall">Index of <c>transfer_keep_alive</c> in the Balances pallet.</param>
/// <param name="ExistentialDeposit">The smallest balance an account may hold; a smaller transfer to a new account fails, so it is the rail's minimum.</param>
public sealed record ChainProfile(
    string Name,
    ushort Ss58Prefix,
    byte UtilityPallet,
    byte BatchAllCall,
    byte BalancesPallet,
    byte TransferKeepAliveCall,
    TokenAmount ExistentialDeposit)
{
    /// <summary>Phala's SS58 prefix, shared with Khala.</summary>
    public const ushort PhalaPrefix = 30;

    /// <summary>
    /// The Phala parachain (until November 2025): prefix 30, Utility 3 / batch_all 2, Balances 40 /
    /// transfer_keep_alive 3, existential deposit 0.01 PHA (R9).
    /// </summary>
    public static ChainProfile Phala { get; } = new(
        "phala", PhalaPrefix, 3, 2, 40, 3, Token.Pha.Units(Token.Pha.UnitsPerToken / 100));

    /// <summary>The chain's token.</summary>
    public Token Token => ExistentialDeposit.Token;
}
