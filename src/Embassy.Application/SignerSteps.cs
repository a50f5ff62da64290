using System.Globalization;
using Embassy.Chain;
using Embassy.Domain;
using Embassy.Domain.Rules;

namespace Embassy.Application;

/// <summary>
/// The steps a treasury signer follows to load a payout into the rail's tool (issue #13; R9: Embassy prepares, the
/// signers sign): where to paste what, on which chain or SS58 prefix, and the batches, recipients and total to compare.
/// One text wherever it is shown — the signer's page, the API, the downloaded substrate file and the CLI's files — so
/// the page and the file cannot tell a signer two different things.
/// </summary>
public static class SignerSteps
{
    /// <summary>
    /// The steps for <paramref name="rule"/>'s rail, for a payout of <paramref name="batches"/> batches paying
    /// <paramref name="recipients"/> transfers a <paramref name="total"/>.
    /// </summary>
    /// <param name="rule">The rail settings: a policy's <c>payout</c>, or the CLI's options made into one.</param>
    /// <param name="batches">How many batches (transactions) to sign.</param>
    /// <param name="recipients">How many transfers the batches make together.</param>
    /// <param name="total">What they pay together.</param>
    public static IReadOnlyList<string> For(PayoutRule rule, int batches, int recipients, TokenAmount total)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var n = batches.ToString(CultureInfo.InvariantCulture);
        var figures = string.Create(CultureInfo.InvariantCulture, $"{batches} batch(es), {recipients} recipient(s), total {total} ({total.Units} smallest units)");
        return rule.Rail switch
        {
            PayoutRail.Evm =>
            [
                $"Open app.safe.global and select the treasury Safe {SafeText(rule) ?? "(the policy names none: check the address with the other signers)"} on chain {ChainText(rule.ChainId)}.",
                "Apps → Transaction Builder → drag in the Safe batch file (JSON) of batch 1, and later each further batch's file; the builder checks the file's checksum.",
                $"Compare the builder's list with the signing summary: {figures}; each transfer calls transfer(to, value) on {rule.TokenContract}, value in smallest units.",
                "Create batch → Simulate → Send batch; every other signer confirms it in the Safe's queue until the threshold is met.",
                "Once executed, record each batch's transaction hash in Embassy; it is checked on the chain before the month is paid.",
            ],
            PayoutRail.Substrate =>
            [
                $"Open Polkadot-JS Apps connected to the Phala network (SS58 prefix {rule.Ss58Prefix.ToString(CultureInfo.InvariantCulture)}).",
                "Developer → Extrinsics → Decode: paste a batch's call data (0x…) from the signing file; it shows utility.batchAll of balances.transferKeepAlive.",
                $"Check the call hash Apps shows against the file's call hash for that batch, and the recipients and amounts against the signing summary: {figures}.",
                $"Submit (or, from a multisig, approve with that call hash) each of the {n} batch(es); the other signatories approve the same hash.",
                "Record each batch's transaction hash in Embassy.",
            ],
            _ => [$"Pay each line of the CSV/XLSX sheet by hand ({recipients} recipient(s), total {total.ToString()}), then record the transaction hash(es) in Embassy."],
        };
    }

    /// <summary>The steps for a built substrate payout: its batches, transfers and total.</summary>
    public static IReadOnlyList<string> For(PayoutRule rule, SubstratePayout payout)
    {
        ArgumentNullException.ThrowIfNull(payout);
        return For(rule, payout.Batches.Count, payout.TransferCount, payout.Total);
    }

    /// <summary>The steps for a built evm payout: its Safe batches, transfers and total.</summary>
    public static IReadOnlyList<string> For(PayoutRule rule, EvmPayout payout)
    {
        ArgumentNullException.ThrowIfNull(payout);
        return For(rule, payout.Chunks.Count, payout.Transfers.Count, payout.Total);
    }

    /// <summary>The steps as a text file: a title line, then one numbered step a line.</summary>
    public static string ToText(string title, IReadOnlyList<string> steps)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(steps);
        var text = new System.Text.StringBuilder().Append(title).Append('\n');
        for (var i = 0; i < steps.Count; i++)
        {
            text.Append(string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {steps[i]}\n"));
        }

        return text.ToString();
    }

    /// <summary>The Safe the rule names, when it is a valid EVM address (a malformed one is not shown as if it were the Safe).</summary>
    private static string? SafeText(PayoutRule rule) =>
        rule.Rail == PayoutRail.Evm && EvmAddress.Parse(rule.Safe) is { IsSuccess: true } safe ? safe.Value.Text : null;

    // No chain id in the policy means Ethereum mainnet, as the batch files say (PayoutRails.Evm).
    private static string ChainText(long? chainId) => (chainId ?? 1) switch
    {
        1 => "1 (Ethereum mainnet)",
        11155111 => "11155111 (Sepolia)",
        var id => id.ToString(CultureInfo.InvariantCulture),
    };
}
