using Embassy.Domain;

namespace Embassy.Chain;

/// <summary>
/// One unsigned <c>utility.batch_all</c> call of at most the policy's chunk size of transfers: the call data
/// the treasury multisig submits, and its BLAKE2b-256 hash, which each approver compares (R9).
/// </summary>
/// <param name="Number">1-based number of the batch.</param>
/// <param name="Transfers">The transfers, in call order.</param>
/// <param name="Total">Sum of the transfers.</param>
/// <param name="CallData">The SCALE-encoded call.</param>
public sealed record SubstrateBatch(int Number, IReadOnlyList<PayoutTransfer<Ss58Address>> Transfers, TokenAmount Total, ReadOnlyMemory<byte> CallData)
{
    /// <summary>The call data as 0x hex, as Polkadot.js "decode" and multisig tools take it.</summary>
    public string CallDataHex => "0x" + Convert.ToHexStringLower(CallData.Span);

    /// <summary>BLAKE2b-256 of the call data, 0x hex: the hash multisig approvers compare.</summary>
    public string CallHash => SubstratePayout.CallHashOf(CallData.Span);
}

/// <summary>
/// A payout on the substrate rail (R9): <c>utility.batch_all</c> of <c>balances.transfer_keep_alive</c>
/// (destination <c>MultiAddress::Id</c>, amount <c>Compact&lt;u128&gt;</c>), split into chunks. Unsigned: Embassy
/// never holds a key; the treasury's signers submit and approve it.
/// </summary>
/// <param name="Profile">The chain whose indices the calls use.</param>
/// <param name="Batches">The batches, in order.</param>
/// <param name="Carried">Amounts below the existential deposit, owed on the member's next payout.</param>
public sealed record SubstratePayout(ChainProfile Profile, IReadOnlyList<SubstrateBatch> Batches, IReadOnlyList<CarriedAmount> Carried)
{
    /// <summary>The default most transfers per batch (R9; a policy may change it).</summary>
    public const int DefaultChunkSize = 100;

    /// <summary>Sum of every batch.</summary>
    public TokenAmount Total => Batches.Aggregate(Profile.Token.Zero, (sum, b) => sum + b.Total);

    /// <summary>Number of transfers over all batches.</summary>
    public int TransferCount => Batches.Sum(b => b.Transfers.Count);

    /// <summary>
    /// A plain-text sheet for the signers: per batch, a comment line with its transfers, total and call hash, then the
    /// call data on its own line (what is pasted into a multisig call; the hash is what approvers compare, R9). With
    /// <paramref name="steps"/>, the file says where to paste what, and for which chain, before the batches (issue #13).
    /// </summary>
    public string ToSigningText(string title, IReadOnlyList<string>? steps = null)
    {
        var text = new System.Text.StringBuilder();
        text.Append("# ").Append(title).Append(": utility.batch_all call data, one batch per line, unsigned\n");
        for (var i = 0; i < (steps?.Count ?? 0); i++)
        {
            text.Append(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"# step {i + 1}: {steps![i]}\n"));
        }

        foreach (var batch in Batches)
        {
            text.Append(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"# batch {batch.Number}: {batch.Transfers.Count} transfers, {batch.Total}, call hash {batch.CallHash}\n"));
            text.Append(batch.CallDataHex).Append('\n');
        }

        foreach (var c in Carried)
        {
            text.Append(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"# carried to the next payout: {c}\n"));
        }

        foreach (var (address, members) in PayoutPreparation.Shared(Batches.SelectMany(b => b.Transfers), a => a.Text))
        {
            // The signers' diff names every address that pays several members, so a merged or duplicated claim is seen.
            text.Append(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"# shared payout address {address}: {members.Count} members ({string.Join(", ", members)}), one transfer each; check before signing\n"));
        }

        return text.ToString();
    }

    /// <summary>
    /// Builds the payout: every address must be an SS58 address of the profile's prefix (errors otherwise,
    /// and then nothing is built); lines to the same account are merged (warning); zero lines are left out;
    /// a transfer below the existential deposit is carried (warning).
    /// </summary>
    /// <param name="lines">What to pay.</param>
    /// <param name="profile">The chain (Phala: <see cref="ChainProfile.Phala"/>).</param>
    /// <param name="chunkSize">Most transfers per batch.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chunkSize"/> is below 1.</exception>
    public static Result<SubstratePayout> Build(IReadOnlyList<PayoutLine> lines, ChainProfile profile, int chunkSize = DefaultChunkSize)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        var prepared = PayoutPreparation.Prepare(
            lines,
            profile.Token,
            text => Ss58Address.Parse(text, profile.Ss58Prefix),
            a => a.Text,
            profile.ExistentialDeposit);
        if (!prepared.IsSuccess)
        {
            return Result<SubstratePayout>.Fail(prepared.Diagnostics);
        }

        var (transfers, carried) = prepared.Value;
        var batches = PayoutPreparation.Chunk(transfers, chunkSize)
            .Select((chunk, i) => new SubstrateBatch(
                i + 1,
                chunk,
                chunk.Aggregate(profile.Token.Zero, (sum, t) => sum + t.Amount),
                EncodeBatchAll(profile, chunk.Select(t => (t.Destination.PublicKey, t.Amount.Units)).ToArray())))
            .ToArray();
        return Result<SubstratePayout>.Ok(new SubstratePayout(profile, batches, carried), prepared.Diagnostics);
    }

    /// <summary>
    /// SCALE-encodes <c>utility.batch_all(calls)</c> where each call is
    /// <c>balances.transfer_keep_alive(MultiAddress::Id(account), Compact&lt;u128&gt;(amount))</c>:
    /// [utility, batch_all] ‖ Compact(count) ‖ each [balances, transfer_keep_alive, 0x00, account(32), Compact(amount)].
    /// </summary>
    /// <exception cref="ArgumentException">An account id is not 32 bytes.</exception>
    public static byte[] EncodeBatchAll(ChainProfile profile, IReadOnlyList<(ReadOnlyMemory<byte> AccountId, UInt128 Amount)> transfers)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(transfers);
        var output = new List<byte>(4 + (transfers.Count * 52)) { profile.UtilityPallet, profile.BatchAllCall };
        Scale.WriteCompact(output, (UInt128)(uint)transfers.Count);
        foreach (var (accountId, amount) in transfers)
        {
            if (accountId.Length != Ss58Address.AccountIdLength)
            {
                throw new ArgumentException("An account id has 32 bytes.", nameof(transfers));
            }

            output.Add(profile.BalancesPallet);
            output.Add(profile.TransferKeepAliveCall);
            output.Add(0x00); // MultiAddress::Id
            output.AddRange(accountId.Span);
            Scale.WriteCompact(output, amount);
        }

        return [.. output];
    }

    /// <summary>BLAKE2b-256 of call data as 0x hex (Substrate's call hash, as multisig pallets store it).</summary>
    public static string CallHashOf(ReadOnlySpan<byte> callData)
    {
        Span<byte> hash = stackalloc byte[32];
        ChainHashes.Blake2b256(callData, hash);
        return "0x" + Convert.ToHexStringLower(hash);
    }
}
