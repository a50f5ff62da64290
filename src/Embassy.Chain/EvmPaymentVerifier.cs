using System.Globalization;
using System.Numerics;
using Embassy.Domain;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;

namespace Embassy.Chain;

/// <summary>What a check of a recorded payment found.</summary>
public enum PaymentCheckOutcome
{
    /// <summary>No JSON-RPC endpoint is configured: the hash is recorded as the admin typed it, not verified.</summary>
    NotVerified,

    /// <summary>The transaction succeeded and moved exactly the batch: every line, to the unit.</summary>
    Verified,

    /// <summary>The chain answered, and the transaction is not this batch (missing, reverted, other lines).</summary>
    Mismatch,

    /// <summary>The endpoint could not be asked (down, refused, not JSON-RPC): nothing is known.</summary>
    Unreachable,
}

/// <summary>One line of a batch beside what the transaction's ERC-20 <c>Transfer</c> log at the same place moved.</summary>
/// <param name="Line">1-based position in the batch.</param>
/// <param name="ExpectedTo">The batch's recipient, or null for a transfer the batch does not have.</param>
/// <param name="ExpectedUnits">The batch's amount in smallest units, or null.</param>
/// <param name="FoundTo">The log's recipient (EIP-55), or null when the transaction has no transfer here.</param>
/// <param name="FoundUnits">The log's amount, or null.</param>
/// <param name="FoundFrom">The log's sender, or null.</param>
public sealed record PaymentLineCheck(int Line, string? ExpectedTo, BigInteger? ExpectedUnits, string? FoundTo, BigInteger? FoundUnits, string? FoundFrom)
{
    /// <summary>Same recipient and same amount.</summary>
    public bool Matches => ExpectedTo is not null && FoundTo is not null && ExpectedUnits == FoundUnits
        && string.Equals(ExpectedTo, FoundTo, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The result of checking one transaction hash against one signing batch.</summary>
/// <param name="Outcome">What was found.</param>
/// <param name="TxHash">The hash checked.</param>
/// <param name="Lines">Line by line, batch beside transaction (empty unless the receipt was read).</param>
/// <param name="Problems">Each difference as an error with a stable code; empty when verified.</param>
public sealed record PaymentCheck(PaymentCheckOutcome Outcome, string TxHash, IReadOnlyList<PaymentLineCheck> Lines, IReadOnlyList<Diagnostic> Problems)
{
    /// <summary>Codes of <see cref="Problems"/>.</summary>
    public const string NotFound = "PAYMENT_TX_NOT_FOUND";

    /// <summary>The transaction reverted.</summary>
    public const string Reverted = "PAYMENT_TX_REVERTED";

    /// <summary>The endpoint serves another chain than the payout's.</summary>
    public const string WrongChain = "PAYMENT_WRONG_CHAIN";

    /// <summary>A line's recipient or amount differs.</summary>
    public const string LineMismatch = "PAYMENT_LINE_MISMATCH";

    /// <summary>A batch line has no transfer in the transaction.</summary>
    public const string LineMissing = "PAYMENT_LINE_MISSING";

    /// <summary>The transaction moved the token to someone the batch does not name.</summary>
    public const string ExtraTransfer = "PAYMENT_EXTRA_TRANSFER";

    /// <summary>A transfer came from another address than the treasury Safe.</summary>
    public const string WrongSender = "PAYMENT_WRONG_SENDER";

    /// <summary>The endpoint did not answer.</summary>
    public const string RpcUnreachable = "PAYMENT_RPC_UNREACHABLE";

    /// <summary>The chain confirmed the batch.</summary>
    public bool IsVerified => Outcome == PaymentCheckOutcome.Verified;

    /// <summary>A check without an endpoint: said as "not verified", never as verified.</summary>
    public static PaymentCheck Unchecked(string txHash) => new(PaymentCheckOutcome.NotVerified, txHash, [], []);
}

/// <summary>
/// Checks a recorded payout transaction on an EVM chain through its JSON-RPC endpoint (R9: "a paid month records the
/// transaction hash(es)" — and the chain, not the typed hash, says whether it paid): the receipt exists and succeeded,
/// and the token contract's ERC-20 <c>Transfer</c> logs, in order, are the batch's lines — recipient and amount to the
/// unit — sent by the treasury Safe when one is named. Nethereum does the RPC and the log decoding. Never throws for
/// what the chain or the endpoint answers; it only reads, and holds no key.
/// </summary>
/// <param name="rpcUrl">The endpoint, from configuration.</param>
public sealed class EvmPaymentVerifier(Uri rpcUrl)
{
    /// <summary>Checks <paramref name="txHash"/> against <paramref name="batch"/> (one Safe batch, in file order).</summary>
    /// <param name="txHash">0x and 64 hex digits.</param>
    /// <param name="profile">Chain id and token contract of the payout.</param>
    /// <param name="batch">The batch's transfers, in the order the Safe file lists them.</param>
    /// <param name="safe">The treasury Safe that must be the sender of every transfer, when known.</param>
    public async Task<PaymentCheck> CheckAsync(string txHash, EvmTokenProfile profile, IReadOnlyList<PayoutTransfer<EvmAddress>> batch, EvmAddress? safe = null)
    {
        ArgumentNullException.ThrowIfNull(txHash);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(batch);
        var web3 = new Web3(rpcUrl.ToString());
        TransactionReceipt? receipt;
        BigInteger chainId;
        try
        {
            chainId = (await web3.Eth.ChainId.SendRequestAsync().ConfigureAwait(false)).Value;
            receipt = await web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(txHash).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // whatever the endpoint does (refused, timed out, not JSON-RPC) is an answer, not a crash
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return new PaymentCheck(PaymentCheckOutcome.Unreachable, txHash, [],
                [Diagnostic.Error(PaymentCheck.RpcUnreachable, $"The chain's JSON-RPC endpoint did not answer ({e.GetType().Name}: {e.Message}); the payment is not verified.")]);
        }

        if (chainId != new BigInteger(profile.ChainId))
        {
            return Mismatch(txHash, [], Diagnostic.Error(PaymentCheck.WrongChain, Inv($"The endpoint serves chain {chainId}; this payout is on chain {profile.ChainId}.")));
        }

        if (receipt is null)
        {
            return Mismatch(txHash, [], Diagnostic.Error(PaymentCheck.NotFound, $"No mined transaction {txHash} on chain {Inv($"{profile.ChainId}")}: not sent yet, or a mistyped hash."));
        }

        if (receipt.Status?.Value != BigInteger.One)
        {
            return Mismatch(txHash, [], Diagnostic.Error(PaymentCheck.Reverted, $"Transaction {txHash} failed (status 0): it moved nothing."));
        }

        var transfers = Transfers(receipt, profile.Contract);
        var lines = new List<PaymentLineCheck>();
        var problems = new List<Diagnostic>();
        for (var i = 0; i < Math.Max(batch.Count, transfers.Count); i++)
        {
            var expected = i < batch.Count ? batch[i] : null;
            var found = i < transfers.Count ? transfers[i] : null;
            var line = new PaymentLineCheck(
                i + 1,
                expected?.Destination.Text,
                expected is null ? null : (BigInteger)expected.Amount.Units,
                found is null ? null : EvmAddress.Parse(found.To).Value.Text,
                found?.Value,
                found is null ? null : EvmAddress.Parse(found.From).Value.Text);
            lines.Add(line);
            if (expected is null)
            {
                problems.Add(Diagnostic.Error(PaymentCheck.ExtraTransfer, Inv($"Line {i + 1}: the transaction also moved {Units(profile, line.FoundUnits)} to {line.FoundTo}, which the batch does not have.")));
            }
            else if (found is null)
            {
                problems.Add(Diagnostic.Error(PaymentCheck.LineMissing, Inv($"Line {i + 1}: {expected.Amount} to {expected.Destination} is not in the transaction.")));
            }
            else if (!line.Matches)
            {
                problems.Add(Diagnostic.Error(PaymentCheck.LineMismatch, Inv($"Line {i + 1}: the batch pays {expected.Amount} to {expected.Destination}; the transaction moved {Units(profile, line.FoundUnits)} to {line.FoundTo}.")));
            }

            if (found is not null && safe is not null && !string.Equals(line.FoundFrom, safe.Text, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(Diagnostic.Error(PaymentCheck.WrongSender, Inv($"Line {i + 1}: the transfer came from {line.FoundFrom}, not the treasury Safe {safe}.")));
            }
        }

        return problems.Count == 0
            ? new PaymentCheck(PaymentCheckOutcome.Verified, txHash, lines, [])
            : new PaymentCheck(PaymentCheckOutcome.Mismatch, txHash, lines, problems);
    }

    private static PaymentCheck Mismatch(string txHash, IReadOnlyList<PaymentLineCheck> lines, Diagnostic problem) =>
        new(PaymentCheckOutcome.Mismatch, txHash, lines, [problem]);

    // The token contract's Transfer(address,address,uint256) logs in log order; other contracts' logs and ERC-721's
    // four-topic Transfer (same signature, indexed token id) are not this token's transfers.
    private static List<TransferEvent> Transfers(TransactionReceipt receipt, EvmAddress token)
    {
        var signature = EventExtensions.GetEventABI<TransferEvent>().Sha3Signature;
        var logs = (receipt.Logs ?? [])
            .Where(l => string.Equals(l.Address, token.Text, StringComparison.OrdinalIgnoreCase)
                && l.Topics is { Length: 3 } && string.Equals(l.Topics[0]?.ToString()?.Replace("0x", string.Empty, StringComparison.Ordinal), signature, StringComparison.OrdinalIgnoreCase))
            .OrderBy(l => l.LogIndex?.Value ?? BigInteger.Zero)
            .ToArray();
        return [.. logs.DecodeAllEvents<TransferEvent>().Select(e => e.Event)];
    }

    private static string Units(EvmTokenProfile profile, BigInteger? units) =>
        units is { } u && u >= 0 && u <= UInt128.MaxValue ? profile.Token.Units((UInt128)u).ToString() : Inv($"{units} units");

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>ERC-20's <c>Transfer(address indexed from, address indexed to, uint256 value)</c>.</summary>
    [Event("Transfer")]
    internal sealed class TransferEvent : IEventDTO
    {
        [Parameter("address", "from", 1, true)]
        public string From { get; set; } = string.Empty;

        [Parameter("address", "to", 2, true)]
        public string To { get; set; } = string.Empty;

        [Parameter("uint256", "value", 3, false)]
        public BigInteger Value { get; set; }
    }
}
