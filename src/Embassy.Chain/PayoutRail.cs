namespace Embassy.Chain;

/// <summary>How a policy pays its members (RULES.md R9). No rail ever holds a key: Embassy prepares, the treasury signs.</summary>
public enum PayoutRail
{
    /// <summary>SS58 addresses; an unsigned <c>utility.batch_all</c> of <c>balances.transfer_keep_alive</c> calls.</summary>
    Substrate,

    /// <summary>EIP-55 0x addresses; a Safe Transaction Builder batch of ERC-20 transfers, and a CSV.</summary>
    Evm,

    /// <summary>CSV and XLSX only, for a person to pay by hand. Either kind of address is accepted.</summary>
    Manual,
}
