using Embassy.Domain;
using Embassy.Domain.Rules;

namespace Embassy.Reports;

/// <summary>R9: is the report's payout address usable on the policy's rail.</summary>
internal static class WalletRules
{
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

        if (policy.Payout.Rail == PayoutRail.Manual)
        {
            return;
        }

        if (report.WalletKind is null)
        {
            d.Add(Diagnostic.Error(ReportCodes.WalletInvalid, $"'{wallet}' is not an address: check for a missing or extra character.", where));
            return;
        }

        if (policy.Payout.Rail == PayoutRail.Substrate && report.WalletKind == WalletKind.Evm)
        {
            d.Add(Diagnostic.Error(ReportCodes.WalletWrongRail, $"{policy.Version} pays on Phala (SS58 addresses); {wallet} is an Ethereum address.", where));
            return;
        }

        if (policy.Payout.Rail == PayoutRail.Evm && report.WalletKind == WalletKind.Ss58)
        {
            d.Add(Diagnostic.Error(ReportCodes.WalletWrongRail, $"{policy.Version} pays on Ethereum (0x addresses); {wallet} is a Phala (SS58) address.", where));
        }
    }
}
