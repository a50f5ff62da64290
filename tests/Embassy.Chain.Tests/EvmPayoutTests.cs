using System.Text.Json;
using Embassy.Domain;
using static Embassy.Chain.Tests.PayoutTestData;

namespace Embassy.Chain.Tests;

public class EvmPayoutTests
{
    private static readonly DateTimeOffset CreatedAt = new(2025, 12, 3, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ToSafeBatchJson_TwoTransfers_WritesTransactionBuilderFormat()
    {
        var lines = new[]
        {
            new PayoutLine("alice", EvmAddressText(1).ToLowerInvariant(), Erc20("8178.333333333333")),
            new PayoutLine("bob", EvmAddressText(2), Erc20("0.5")),
        };
        var payout = EvmPayout.Build(lines, EvmTokenProfile.PhaOnEthereum).Value;

        using var json = JsonDocument.Parse(payout.ToSafeBatchJson(0, CreatedAt, "Embassy 2025-11"));

        var root = json.RootElement;
        Assert.Equal("1.0", root.GetProperty("version").GetString());
        Assert.Equal("1", root.GetProperty("chainId").GetString());
        Assert.Equal(CreatedAt.ToUnixTimeMilliseconds(), root.GetProperty("createdAt").GetInt64());
        Assert.Equal("Embassy 2025-11", root.GetProperty("meta").GetProperty("name").GetString());
        var txs = root.GetProperty("transactions").EnumerateArray().ToArray();
        Assert.Equal(2, txs.Length);
        Assert.Equal(EvmTokenProfile.PhaOnEthereum.Contract.Text, txs[0].GetProperty("to").GetString());
        Assert.Equal("0", txs[0].GetProperty("value").GetString());
        Assert.Equal("transfer", txs[0].GetProperty("contractMethod").GetProperty("name").GetString());
        Assert.Equal(EvmAddressText(1), txs[0].GetProperty("contractInputsValues").GetProperty("to").GetString());
        Assert.Equal("8178333333333333000000", txs[0].GetProperty("contractInputsValues").GetProperty("value").GetString());
        Assert.Equal("500000000000000000", txs[1].GetProperty("contractInputsValues").GetProperty("value").GetString());
    }

    [Fact]
    public void ToSafeBatchJson_OneAddressForTwoMembers_TwoTransfers_AndTheDescriptionNamesThem()
    {
        var lines = new[]
        {
            new PayoutLine("alice", EvmAddressText(1), Erc20("10")),
            new PayoutLine("mallory", EvmAddressText(1).ToLowerInvariant(), Erc20("0.5")),
        };
        var payout = EvmPayout.Build(lines, EvmTokenProfile.PhaOnEthereum);

        using var json = JsonDocument.Parse(payout.Value.ToSafeBatchJson(0, CreatedAt, "Embassy 2025-11"));

        Assert.Equal(2, json.RootElement.GetProperty("transactions").GetArrayLength());
        Assert.Contains(payout.Diagnostics, d => d.Code == ChainCodes.PayoutAddressShared);
        Assert.Contains($"Shared payout address {EvmAddressText(1)}: 2 members (alice, mallory)", json.RootElement.GetProperty("meta").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_LowerCaseAddress_NormalizesWithWarning()
    {
        var lines = new[] { new PayoutLine("alice", EvmAddressText(1).ToLowerInvariant(), Erc20("1")) };

        var result = EvmPayout.Build(lines, EvmTokenProfile.PhaOnEthereum);

        Assert.Contains(result.Diagnostics, d => d.Code == ChainCodes.EvmNormalized);
        Assert.Equal(EvmAddressText(1), result.Value.Transfers[0].Destination.Text);
    }

    [Fact]
    public void ToCsv_Transfers_WritesTokenTypeAddressReceiverAmount()
    {
        var lines = new[]
        {
            new PayoutLine("alice", EvmAddressText(1), Erc20("8178.333333333333")),
            new PayoutLine("bob", EvmAddressText(2), Erc20("84000")),
        };

        var csv = EvmPayout.Build(lines, EvmTokenProfile.PhaOnEthereum).Value.ToCsv();

        Assert.StartsWith(CsvWriter.ByteOrderMark, csv, StringComparison.Ordinal);
        var rows = csv[1..].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("token_type,token_address,receiver,amount,id,amount_units (18 decimals)", rows[0]);
        Assert.Equal($"erc20,{EvmTokenProfile.PhaOnEthereum.Contract.Text},{EvmAddressText(1)},8178.333333333333,,8178333333333333000000", rows[1]);
        Assert.Equal($"erc20,{EvmTokenProfile.PhaOnEthereum.Contract.Text},{EvmAddressText(2)},84000,,84000000000000000000000", rows[2]);
    }

    [Theory]
    [InlineData(399, new[] { 400 })]
    [InlineData(400, new[] { 400, 2 })]
    [InlineData(1000, new[] { 400, 400, 203 })]
    public void ToCsvParts_MoreThanTheAirdropAppTakes_FilesOfAtMost400Lines_EveryTransferOnce(int transfers, int[] lineCounts)
    {
        var lines = Enumerable.Range(1, transfers).Select(i => new PayoutLine($"m{i}", EvmAddressText(i), Erc20("1"))).ToArray();

        var parts = EvmPayout.Build(lines, EvmTokenProfile.PhaOnEthereum).Value.ToCsvParts();

        Assert.Equal(lineCounts, parts.Select(p => p.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length));
        Assert.All(parts, p => Assert.StartsWith(CsvWriter.ByteOrderMark + "token_type,", p, StringComparison.Ordinal));
        var receivers = parts.SelectMany(p => p.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)).Select(l => l.Split(',')[2]).ToArray();
        Assert.Equal(Enumerable.Range(1, transfers).Select(EvmAddressText), receivers);
    }

    [Fact]
    public void Chunks_MoreThanChunkSize_OneSafeFilePerChunk()
    {
        var lines = Enumerable.Range(1, 7).Select(i => new PayoutLine($"m{i}", EvmAddressText(i), Erc20("1"))).ToArray();

        var payout = EvmPayout.Build(lines, EvmTokenProfile.PhaOnEthereum, chunkSize: 3).Value;

        Assert.Equal([3, 3, 1], payout.Chunks.Select(c => c.Count));
        using var last = JsonDocument.Parse(payout.ToSafeBatchJson(2, CreatedAt, "x"));
        Assert.Single(last.RootElement.GetProperty("transactions").EnumerateArray());
    }

    [Fact]
    public void TransferCallData_KnownTransfer_IsAbiEncoded()
    {
        var to = EvmAddress.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed").Value;

        var data = EvmPayout.TransferCallData(to, 1_000_000);

        Assert.Equal(
            "a9059cbb" + "0000000000000000000000005aaeb6053f3e94c9b9a09f33669435e7ef1beaed"
            + "00000000000000000000000000000000000000000000000000000000000f4240",
            Convert.ToHexStringLower(data));
    }

    [Fact]
    public void Build_Ss58AddressOnEvmRail_FailsWithReason()
    {
        var lines = new[] { new PayoutLine("alice", PhalaAddress(1), Erc20("1")) };

        var error = Assert.Single(EvmPayout.Build(lines, EvmTokenProfile.PhaOnEthereum).Errors);

        Assert.Equal(ChainCodes.PayoutBadAddress, error.Code);
        Assert.Contains(ChainCodes.AddressIsSs58, error.Message, StringComparison.Ordinal);
    }
}
