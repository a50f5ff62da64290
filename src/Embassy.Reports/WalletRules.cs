using Embassy.Chain;
using Embassy.Domain;
using Embassy.Domain.Rules;

namespace Embassy.Reports;

/// <summary>R9: is the report's payout address usable on the policy's rail (checksum included).</summary>
internal static class WalletRules
{
    /// <summary>The kind of an address by its own form, whatever the rail: SS58 or EVM, or null when it is neither.</summary>
    public static WalletKind? KindOf(string address)
    {
        var check = AddressCheck.Check(address, PayoutRail.Manual);
        return check.Kind switch
        {
            AddressCheck.Ss58Kind => WalletKind.Ss58,
            AddressCheck.EvmKind => WalletKind.Evm,

            // A typo breaks the checksum but not the shape: still say what the member meant.
            _ when address.StartsWith("0x", StringComparison.OrdinalIgnoreCase) => WalletKind.Evm,
            _ when ReportParser.Ss58Address().IsMatch(address) => WalletKind.Ss58,
            _ => null,
        };
    }

    public static void Check(ParsedReport report, Policy policy, List<Diagnostic> d)
    {
        var where = report.WalletLine > 0 ? new SourcePosition(report.WalletLine) : (SourcePosition?)null;
        if (report.Wallet is not { } wallet)
        {
            d.Add(Diagnostic.Error(ReportCodes.WalletMissing, policy.Payout.Rail == PayoutRail.Evm
                ? "No payout address found: add a line \"PHA Wallet Address: 0x…\" with your Ethereum address."
                : "No payout address found: add a line \"PHA Wallet Address: …\" with your Phala address.", where));
            return;
        }

        var check = AddressCheck.Check(wallet, policy.Payout.Rail, policy.Payout.Ss58Prefix);
        if (check.Valid)
        {
            if (check.Warnings.Any(w => w.Code == ChainCodes.EvmNormalized))
            {
                d.Add(Diagnostic.Warning(ReportCodes.WalletNoChecksum, $"{wallet} is written in one case, so a typo cannot be detected; it will be paid as {check.Canonical}. Copy the address from your wallet to include its checksum.", where));
            }

            return;
        }

        var reason = check.Error?.Message ?? "it is not an address";
        var (code, message) = check.Error?.Code switch
        {
            ChainCodes.BadChecksum or ChainCodes.EvmBadChecksum =>
                (ReportCodes.WalletBadChecksum, $"The payout address {wallet} has a wrong checksum, usually a typing slip: copy it again from your wallet."),
            ChainCodes.AddressIsEvm or ChainCodes.AddressIsSs58 =>
                (ReportCodes.WalletWrongRail, policy.Payout.Rail == PayoutRail.Evm
                    ? $"{policy.Version} pays on Ethereum: give a 0x address; {wallet} is a Phala (SS58) address."
                    : $"{policy.Version} pays on Phala: give your Phala (SS58) address; {wallet} is an Ethereum address."),
            ChainCodes.AddressOtherNetwork =>
                (ReportCodes.WalletWrongNetwork, $"{wallet} is an address of another network ({reason}); give your Phala address (prefix {policy.Payout.Ss58Prefix})."),
            _ => (ReportCodes.WalletInvalid, $"{wallet} is not a valid payout address: {reason}"),
        };
        d.Add(Diagnostic.Error(code, message, where));
    }
}
