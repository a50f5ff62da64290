using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Embassy.Domain;

namespace Embassy.Chain;

/// <summary>
/// A payout on the evm rail (R9): ERC-20 <c>transfer(address,uint256)</c> calls to the policy's token contract,
/// written as Safe Transaction Builder batch files (one per chunk) for the treasury Safe's owners to load,
/// check and sign, and as a CSV for batch-transfer apps. Embassy signs nothing.
/// </summary>
/// <param name="Profile">Chain id, token contract and decimals.</param>
/// <param name="Transfers">The transfers, in order.</param>
/// <param name="Carried">Amounts not paid now (none unless a minimum is set).</param>
/// <param name="ChunkSize">Most transfers per Safe batch file.</param>
public sealed record EvmPayout(EvmTokenProfile Profile, IReadOnlyList<PayoutTransfer<EvmAddress>> Transfers, IReadOnlyList<CarriedAmount> Carried, int ChunkSize)
{
    /// <summary>The columns of <see cref="ToCsv"/> that Safe's CSV Airdrop app reads (an <c>amount_units</c> column follows).</summary>
    public const string CsvHeader = "token_type,token_address,receiver,amount,id";

    /// <summary>Most lines, header included, in one file for Safe's CSV Airdrop app.</summary>
    public const int AirdropMaxLines = 400;

    /// <summary>The 4-byte selector of <c>transfer(address,uint256)</c>: the first bytes of its Keccak-256.</summary>
    public static ReadOnlySpan<byte> TransferSelector => [0xa9, 0x05, 0x9c, 0xbb];

    /// <summary>The treasury Safe that will sign the batches, when known: written as <c>createdFromSafeAddress</c>.</summary>
    public EvmAddress? Safe { get; init; }

    /// <summary>Sum of the transfers.</summary>
    public TokenAmount Total => Transfers.Aggregate(Profile.Token.Zero, (sum, t) => sum + t.Amount);

    /// <summary>The transfers split into Safe batches of at most <see cref="ChunkSize"/>.</summary>
    public IReadOnlyList<IReadOnlyList<PayoutTransfer<EvmAddress>>> Chunks => PayoutPreparation.Chunk(Transfers, ChunkSize);

    /// <summary>
    /// Builds the payout: every address must be a valid EVM address (one-case addresses are normalized with a
    /// warning); lines to the same address are merged (warning); zeros are left out; amounts below
    /// <paramref name="minimum"/>, when given, are carried.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chunkSize"/> is below 1.</exception>
    public static Result<EvmPayout> Build(IReadOnlyList<PayoutLine> lines, EvmTokenProfile profile, int chunkSize = SubstratePayout.DefaultChunkSize, TokenAmount? minimum = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        var prepared = PayoutPreparation.Prepare(lines, profile.Token, EvmAddress.Parse, a => a.Text, minimum);
        return prepared.IsSuccess
            ? Result<EvmPayout>.Ok(new EvmPayout(profile, prepared.Value.Transfers, prepared.Value.Carried, chunkSize), prepared.Diagnostics)
            : Result<EvmPayout>.Fail(prepared.Diagnostics);
    }

    /// <summary>
    /// The ABI-encoded call data of <c>transfer(to, amount)</c>: selector ‖ address left-padded to 32 bytes ‖
    /// amount as a 32-byte big-endian uint256. What the Safe shows as "data" for each transaction.
    /// </summary>
    public static byte[] TransferCallData(EvmAddress to, UInt128 amount)
    {
        ArgumentNullException.ThrowIfNull(to);
        var data = new byte[4 + 32 + 32];
        TransferSelector.CopyTo(data);
        to.Bytes.Span.CopyTo(data.AsSpan(4 + 12));
        for (var i = 0; i < 16; i++)
        {
            data[^(i + 1)] = unchecked((byte)(amount >> (i * 8)));
        }

        return data;
    }

    /// <summary>
    /// One Safe Transaction Builder batch file (version 1.0) for chunk <paramref name="chunk"/> (0-based):
    /// each transaction calls the token contract's <c>transfer</c> with value 0.
    /// </summary>
    /// <param name="chunk">0-based chunk index.</param>
    /// <param name="createdAt">The file's creation time (passed in: the library reads no clock).</param>
    /// <param name="name">The batch name the Safe shows.</param>
    public string ToSafeBatchJson(int chunk, DateTimeOffset createdAt, string name)
    {
        var transfers = Chunks[chunk];
        var file = new JsonObject
        {
            ["version"] = "1.0",
            ["chainId"] = Profile.ChainId.ToString(CultureInfo.InvariantCulture),
            ["createdAt"] = createdAt.ToUnixTimeMilliseconds(),
            ["meta"] = new JsonObject
            {
                ["name"] = name,
                ["description"] = string.Create(CultureInfo.InvariantCulture, $"{transfers.Count} {Profile.Token.Symbol} transfers, total {transfers.Aggregate(Profile.Token.Zero, (s, t) => s + t.Amount)}.{SharedNote(transfers)} Prepared by Embassy, unsigned."),
                ["txBuilderVersion"] = "1.18.0",
                ["createdFromSafeAddress"] = Safe?.Text ?? string.Empty,
                ["createdFromOwnerAddress"] = string.Empty,
            },
            ["transactions"] = new JsonArray(transfers.Select(t => (JsonNode)new JsonObject
            {
                ["to"] = Profile.Contract.Text,
                ["value"] = "0",
                ["data"] = null,
                ["contractMethod"] = new JsonObject
                {
                    ["inputs"] = new JsonArray(
                        new JsonObject { ["internalType"] = "address", ["name"] = "to", ["type"] = "address" },
                        new JsonObject { ["internalType"] = "uint256", ["name"] = "value", ["type"] = "uint256" }),
                    ["name"] = "transfer",
                    ["payable"] = false,
                },
                ["contractInputsValues"] = new JsonObject
                {
                    ["to"] = t.Destination.Text,
                    ["value"] = t.Amount.Units.ToString(CultureInfo.InvariantCulture),
                },
            }).ToArray()),
        };
        file["meta"]!["checksum"] = SafeBatchChecksum(file);
        return file.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>
    /// The checksum the Safe Transaction Builder stores in <c>meta.checksum</c> and checks on import (a mismatch
    /// shows a "this batch was changed" warning): Keccak-256 of the file serialized with sorted keys — each object
    /// as <c>{["k1","k2"]v1,v2,}</c>, values as JSON.stringify writes them — with <c>meta.name</c> set to null and
    /// without the checksum itself.
    /// </summary>
    public static string SafeBatchChecksum(JsonObject batchFile)
    {
        ArgumentNullException.ThrowIfNull(batchFile);
        var copy = batchFile.DeepClone().AsObject();
        if (copy["meta"] is JsonObject meta)
        {
            meta.Remove("checksum");
            meta["name"] = null;
        }

        var sb = new StringBuilder();
        SerializeSorted(copy, sb);
        Span<byte> hash = stackalloc byte[32];
        ChainHashes.Keccak256(Encoding.UTF8.GetBytes(sb.ToString()), hash);
        return "0x" + Convert.ToHexStringLower(hash);
    }

    private static void SerializeSorted(JsonNode? node, StringBuilder sb)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonArray array:
                sb.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    SerializeSorted(array[i], sb);
                }

                sb.Append(']');
                break;
            case JsonObject obj:
                // JavaScript's default sort compares UTF-16 code units: ordinal.
                var keys = obj.Select(kv => kv.Key).Order(StringComparer.Ordinal).ToArray();
                sb.Append("{[");
                for (var i = 0; i < keys.Length; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    AppendJsString(keys[i], sb);
                }

                sb.Append(']');
                foreach (var key in keys)
                {
                    SerializeSorted(obj[key], sb);
                    sb.Append(',');
                }

                sb.Append('}');
                break;
            default:
                var value = node.AsValue();
                switch (value.GetValueKind())
                {
                    case JsonValueKind.String:
                        AppendJsString(value.GetValue<string>(), sb);
                        break;
                    case JsonValueKind.True:
                        sb.Append("true");
                        break;
                    case JsonValueKind.False:
                        sb.Append("false");
                        break;
                    case JsonValueKind.Number when long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer):
                        sb.Append(integer.ToString(CultureInfo.InvariantCulture));
                        break;
                    default:
                        throw new ArgumentException("Only strings, booleans, integers and null appear in a batch file.", nameof(node));
                }

                break;
        }
    }

    // JSON.stringify's escaping: quote, backslash, the short escapes, other control characters as \u00xx.
    private static void AppendJsString(string s, StringBuilder sb)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        sb.Append(string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    // The signers' view names every address that pays several members (one transfer each), so a duplicated claim is seen.
    private static string SharedNote(IReadOnlyList<PayoutTransfer<EvmAddress>> transfers) =>
        string.Concat(PayoutPreparation.Shared(transfers, a => a.Text).Select(s =>
            string.Create(CultureInfo.InvariantCulture, $" Shared payout address {s.Key}: {s.Value.Count} members ({string.Join(", ", s.Value)}), check before signing.")));

    /// <summary>
    /// The transfers as CSV for Safe's CSV Airdrop app, whole: <see cref="CsvHeader"/>, then one row per transfer.
    /// Over <see cref="AirdropMaxLines"/> lines the app refuses it; <see cref="ToCsvParts"/> gives the files it takes.
    /// </summary>
    public string ToCsv() => Sheet(Transfers);

    /// <summary>
    /// The same rows split into files of at most <see cref="AirdropMaxLines"/> lines each, header included (Safe's CSV
    /// Airdrop app takes no more), in transfer order; one file when they fit. Always at least one file.
    /// </summary>
    public IReadOnlyList<string> ToCsvParts() =>
        Transfers.Count == 0 ? [Sheet([])] : [.. Transfers.Chunk(AirdropMaxLines - 1).Select(Sheet)];

    // token_type,token_address,receiver,amount,id as Safe's CSV Airdrop reads them: the amount in whole tokens
    // (e.g. 8178.333333333333), id empty for an ERC-20; a last column the app ignores keeps the exact smallest units and
    // names the token's decimals (R5).
    private string Sheet(IEnumerable<PayoutTransfer<EvmAddress>> transfers) =>
        CsvWriter.Document(
        [
            [.. CsvHeader.Split(','), CsvWriter.UnitsColumn("amount_units", Profile.Token.Decimals)],
            .. transfers.Select(t => new[] { "erc20", Profile.Contract.Text, t.Destination.Text, t.Amount.Format(grouped: false), string.Empty, t.Amount.Units.ToString(CultureInfo.InvariantCulture) }),
        ]);
}
