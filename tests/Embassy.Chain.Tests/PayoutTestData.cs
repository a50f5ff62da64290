using Embassy.Domain;

namespace Embassy.Chain.Tests;

/// <summary>Small builders for payout tests; each test makes its own lines.</summary>
internal static class PayoutTestData
{
    public static string PhalaAddress(int n)
    {
        var key = new byte[32];
        key[0] = (byte)n;
        key[1] = (byte)(n >> 8);
        key[31] = 0x5a;
        return Ss58Address.Encode(key, 30);
    }

    public static string EvmAddressText(int n)
    {
        var bytes = new byte[20];
        bytes[0] = 0xab; // letters, so the EIP-55 case matters
        bytes[1] = 0xcd;
        bytes[2] = 0xef;
        bytes[18] = unchecked((byte)(n >> 8));
        bytes[19] = unchecked((byte)n);
        return EvmAddress.ToChecksum(bytes);
    }

    public static TokenAmount Pha(string wholeTokens) => TokenAmount.Parse(wholeTokens, Token.Pha).Value;

    public static TokenAmount Erc20(string wholeTokens) => TokenAmount.Parse(wholeTokens, EvmTokenProfile.PhaOnEthereum.Token).Value;
}
