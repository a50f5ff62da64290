namespace Embassy.Chain;

/// <summary>
/// The stable diagnostic codes of <c>Embassy.Chain</c> (STYLE.md "one error model"). Tools, tests and the
/// report parser match on these strings, so they never change meaning once shipped.
/// </summary>
public static class ChainCodes
{
    /// <summary>Nothing was given (or only whitespace).</summary>
    public const string AddressEmpty = "ADDRESS_EMPTY";

    /// <summary>Surrounding whitespace was removed (warning).</summary>
    public const string AddressTrimmed = "ADDRESS_TRIMMED";

    /// <summary>An Ethereum 0x address was given where an SS58 address is expected.</summary>
    public const string AddressIsEvm = "ADDRESS_IS_EVM";

    /// <summary>A valid SS58 address was given where an Ethereum 0x address is expected.</summary>
    public const string AddressIsSs58 = "ADDRESS_IS_SS58";

    /// <summary>A 32-byte hex string (a public key, a hash or a private key) was given instead of an address.</summary>
    public const string AddressIsHexKey = "ADDRESS_IS_HEX_KEY";

    /// <summary>A character outside the base58 alphabet; the position says where.</summary>
    public const string AddressBadCharacter = "ADDRESS_BAD_CHARACTER";

    /// <summary>The decoded address is not a one- or two-byte prefix, a 32-byte account id and a 2-byte checksum.</summary>
    public const string AddressBadLength = "ADDRESS_BAD_LENGTH";

    /// <summary>The SS58 checksum (BLAKE2b-512 of "SS58PRE" + payload) does not match: usually a typo.</summary>
    public const string BadChecksum = "BAD_CHECKSUM";

    /// <summary>The address uses a prefix byte the SS58 registry reserves (46, 47, or the top bit set).</summary>
    public const string AddressReservedPrefix = "ADDRESS_RESERVED_PREFIX";

    /// <summary>A valid SS58 address, but of another network than the policy's.</summary>
    public const string AddressOtherNetwork = "ADDRESS_OTHER_NETWORK";

    /// <summary>An EVM address without its 0x prefix.</summary>
    public const string EvmMissingPrefix = "EVM_MISSING_PREFIX";

    /// <summary>An EVM address whose hex part is not 40 digits.</summary>
    public const string EvmBadLength = "EVM_BAD_LENGTH";

    /// <summary>A character that is not a hex digit in an EVM address; the position says where.</summary>
    public const string EvmBadCharacter = "EVM_BAD_CHARACTER";

    /// <summary>A mixed-case EVM address whose EIP-55 checksum is wrong: usually a typo.</summary>
    public const string EvmBadChecksum = "EVM_BAD_CHECKSUM";

    /// <summary>An all-lower or all-upper case EVM address was accepted and written with its EIP-55 checksum (warning).</summary>
    public const string EvmNormalized = "EVM_NORMALIZED";

    /// <summary>The zero address 0x000…0: tokens sent there are burnt.</summary>
    public const string EvmZeroAddress = "EVM_ZERO_ADDRESS";

    /// <summary>A payout line whose address is not valid on the rail.</summary>
    public const string PayoutBadAddress = "PAYOUT_BAD_ADDRESS";

    /// <summary>Two lines of one member paid the same account; they were merged into one transfer (warning).</summary>
    public const string PayoutMerged = "PAYOUT_MERGED";

    /// <summary>
    /// Several members are paid to one address: each keeps a transfer of their own and the signers are told (warning); one
    /// person may be claiming several rewards, or a member typed another's address.
    /// </summary>
    public const string PayoutAddressShared = "PAYOUT_ADDRESS_SHARED";

    /// <summary>A transfer below the rail's minimum was not made and is carried to the member's next payout (warning, R5/R9).</summary>
    public const string PayoutBelowMinimum = "PAYOUT_BELOW_MINIMUM";

    /// <summary>A payout line of zero was left out (info).</summary>
    public const string PayoutZero = "PAYOUT_ZERO";

    /// <summary>Nothing is left to pay after merging and carrying.</summary>
    public const string PayoutEmpty = "PAYOUT_EMPTY";

    /// <summary>A payout line's amount is in another token than the rail's.</summary>
    public const string PayoutWrongToken = "PAYOUT_WRONG_TOKEN";

    /// <summary>A proof signature is not 65 bytes of 0x hex (r, s, v), so no signer can be recovered from it.</summary>
    public const string ProofSignatureMalformed = "PROOF_SIGNATURE_MALFORMED";

    /// <summary>The signature is well formed, but the account that signed the message is not the address to prove.</summary>
    public const string ProofWrongSigner = "PROOF_WRONG_SIGNER";
}
