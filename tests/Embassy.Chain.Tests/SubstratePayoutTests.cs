using Embassy.Domain;
using static Embassy.Chain.Tests.PayoutTestData;

namespace Embassy.Chain.Tests;

public class SubstratePayoutTests
{
    [Fact]
    public void Build_TwoLines_EncodesBatchAllOfTransferKeepAlive()
    {
        var lines = new[]
        {
            new PayoutLine("alice", PhalaAddress(1), Pha("1")),
            new PayoutLine("bob", PhalaAddress(2), Pha("0.01")),
        };

        var payout = SubstratePayout.Build(lines, ChainProfile.Phala).Value;

        var batch = Assert.Single(payout.Batches);
        var data = batch.CallData.ToArray();
        // Utility 3 / batch_all 2, two calls (compact 2 = 0x08), then Balances 40 / transfer_keep_alive 3, MultiAddress::Id.
        Assert.Equal(new byte[] { 3, 2, 0x08, 40, 3, 0 }, data[..6]);
        Assert.Equal(Ss58Address.Parse(PhalaAddress(1)).Value.PublicKey.ToArray(), data[6..38]);
        // 10^12 planck in compact big-integer mode: 5 bytes → (5-4)<<2|3 = 0x07, then little-endian.
        Assert.Equal(new byte[] { 0x07, 0x00, 0x10, 0xa5, 0xd4, 0xe8 }, data[38..44]);
        Assert.Equal(Pha("1.01"), payout.Total);
        Assert.Equal(66, batch.CallHash.Length);
    }

    [Fact]
    public void Build_MoreLinesThanChunkSize_SplitsIntoChunks()
    {
        var lines = Enumerable.Range(1, 250).Select(i => new PayoutLine($"m{i}", PhalaAddress(i), Pha("10"))).ToArray();

        var payout = SubstratePayout.Build(lines, ChainProfile.Phala, chunkSize: 100).Value;

        Assert.Equal([100, 100, 50], payout.Batches.Select(b => b.Transfers.Count));
        Assert.Equal([1, 2, 3], payout.Batches.Select(b => b.Number));
        Assert.Equal(Pha("2500"), payout.Total);
        Assert.Equal(3, payout.Batches.Select(b => b.CallHash).Distinct().Count());
    }

    [Fact]
    public void Build_TransferBelowExistentialDeposit_IsCarriedWithWarning()
    {
        var lines = new[]
        {
            new PayoutLine("alice", PhalaAddress(1), Pha("100")),
            new PayoutLine("bob", PhalaAddress(2), Pha("0.009999999999")),
        };

        var result = SubstratePayout.Build(lines, ChainProfile.Phala);

        Assert.True(result.IsSuccess);
        var carried = Assert.Single(result.Value.Carried);
        Assert.Equal("bob", carried.Member);
        Assert.Equal(Pha("0.009999999999"), carried.Amount);
        Assert.Equal(1, result.Value.TransferCount);
        Assert.Contains(result.Diagnostics, d => d.Code == ChainCodes.PayoutBelowMinimum && d.Severity == Severity.Warning);
    }

    [Fact]
    public void Build_TwoLinesOfOneMemberToOneAddress_MergesWithWarning()
    {
        var lines = new[]
        {
            new PayoutLine("alice", PhalaAddress(1), Pha("100")),
            new PayoutLine("bob", PhalaAddress(2), Pha("5")),
            new PayoutLine("alice", " " + PhalaAddress(1), Pha("0.005")),
        };

        var result = SubstratePayout.Build(lines, ChainProfile.Phala);

        var transfers = result.Value.Batches.Single().Transfers;
        Assert.Equal(2, transfers.Count);
        Assert.Equal(Pha("100.005"), transfers[0].Amount);
        Assert.Equal(["alice"], transfers[0].Members);
        Assert.Contains(result.Diagnostics, d => d.Code == ChainCodes.PayoutMerged);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == ChainCodes.PayoutAddressShared);
        Assert.Empty(result.Value.Carried);
    }

    [Fact]
    public void Build_OneAddressForSeveralMembers_KeepsATransferEach_AndTheSigningTextSaysSo()
    {
        var lines = new[]
        {
            new PayoutLine("alice", PhalaAddress(1), Pha("100")),
            new PayoutLine("bob", PhalaAddress(2), Pha("5")),
            new PayoutLine("mallory", PhalaAddress(1), Pha("7")),
        };

        var result = SubstratePayout.Build(lines, ChainProfile.Phala);

        var transfers = result.Value.Batches.Single().Transfers;
        Assert.Equal([Pha("100"), Pha("5"), Pha("7")], transfers.Select(t => t.Amount));
        Assert.Equal(Pha("112"), result.Value.Total);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == ChainCodes.PayoutMerged);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == ChainCodes.PayoutAddressShared);
        Assert.Contains("alice, mallory", warning.Message, StringComparison.Ordinal);
        Assert.Contains($"# shared payout address {PhalaAddress(1)}: 2 members (alice, mallory), one transfer each", result.Value.ToSigningText("t"), StringComparison.Ordinal);
    }

    [Fact]
    public void ToSigningText_WithSteps_NumbersThemAsCommentsBeforeTheCallData()
    {
        var result = SubstratePayout.Build([new PayoutLine("alice", PhalaAddress(1), Pha("5"))], ChainProfile.Phala);

        var lines = result.Value.ToSigningText("t", ["Open Polkadot-JS Apps on Phala.", "Decode the call data."]).Split('\n');

        Assert.Equal(["# step 1: Open Polkadot-JS Apps on Phala.", "# step 2: Decode the call data."], lines[1..3]);
        Assert.StartsWith("0x", lines.Single(l => !l.StartsWith('#') && l.Length > 0), StringComparison.Ordinal);
        Assert.DoesNotContain("# step", result.Value.ToSigningText("t"), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AnyBadAddress_FailsTheWholePayout()
    {
        var polkadot = Ss58Address.Parse(PhalaAddress(2)).Value.WithPrefix(0).Text;
        var lines = new[]
        {
            new PayoutLine("alice", PhalaAddress(1), Pha("100")),
            new PayoutLine("bob", polkadot, Pha("5"), Source: new SourcePosition(3, 0, "payouts.csv")),
        };

        var result = SubstratePayout.Build(lines, ChainProfile.Phala);

        Assert.False(result.IsSuccess);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ChainCodes.PayoutBadAddress, error.Code);
        Assert.Contains("bob", error.Message, StringComparison.Ordinal);
        Assert.Contains(ChainCodes.AddressOtherNetwork, error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Position!.Value.Line);
    }

    [Fact]
    public void Build_AmountInAnotherToken_IsRefused()
    {
        var lines = new[] { new PayoutLine("alice", PhalaAddress(1), Erc20("100")) };

        Assert.Equal(ChainCodes.PayoutWrongToken, Assert.Single(SubstratePayout.Build(lines, ChainProfile.Phala).Errors).Code);
    }

    [Fact]
    public void Build_ZeroLine_IsLeftOut()
    {
        var lines = new[]
        {
            new PayoutLine("alice", PhalaAddress(1), Pha("1")),
            new PayoutLine("bob", PhalaAddress(2), Pha("0")),
        };

        var result = SubstratePayout.Build(lines, ChainProfile.Phala);

        Assert.Equal(1, result.Value.TransferCount);
        Assert.Empty(result.Value.Carried);
        Assert.Contains(result.Diagnostics, d => d.Code == ChainCodes.PayoutZero);
    }

    [Fact]
    public void Build_EveryLineCarried_HasNoBatchAndWarnsEmpty()
    {
        var lines = new[] { new PayoutLine("alice", PhalaAddress(1), Pha("0.001")) };

        var result = SubstratePayout.Build(lines, ChainProfile.Phala);

        Assert.True(result.IsSuccess);
        Assert.Empty(result.Value.Batches);
        Assert.Equal(Pha("0"), result.Value.Total);
        Assert.Single(result.Value.Carried);
        Assert.Contains(result.Diagnostics, d => d.Code == ChainCodes.PayoutEmpty);
    }

    [Fact]
    public void EncodeBatchAll_CompactBoundaries_UseTheRightMode()
    {
        var key = new byte[32];
        (UInt128 Amount, string Hex)[] cases =
        [
            (0, "00"),
            (63, "fc"),
            (64, "0101"),
            (16383, "fdff"),
            (16384, "02000100"),
            ((1u << 30) - 1, "feffffff"),
            (1u << 30, "0300000040"),
            (UInt128.MaxValue, "33" + new string('f', 32)),
        ];
        foreach (var (amount, hex) in cases)
        {
            var data = SubstratePayout.EncodeBatchAll(ChainProfile.Phala, [(key, amount)]);
            Assert.Equal(hex, Convert.ToHexStringLower(data.AsSpan(3 + 3 + 32)));
        }
    }
}
