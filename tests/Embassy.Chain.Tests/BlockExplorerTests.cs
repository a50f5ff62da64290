using Embassy.Domain.Rules;

namespace Embassy.Chain.Tests;

/// <summary>Explorer links of payments (issue #13): the policy's <c>payout.explorer</c> first, then the chain profiles Embassy knows.</summary>
public class BlockExplorerTests
{
    private static readonly string Hash = "0x" + new string('b', 64);

    [Theory]
    [InlineData(PayoutRail.Evm, 1L, (ushort)0, "https://etherscan.io/tx/")]
    [InlineData(PayoutRail.Evm, 11155111L, (ushort)0, "https://sepolia.etherscan.io/tx/")]
    [InlineData(PayoutRail.Substrate, null, (ushort)30, "https://phala.subscan.io/extrinsic/")]
    public void TransactionUrl_KnownChain_LinksToItsExplorer(PayoutRail rail, long? chainId, ushort prefix, string expected)
    {
        var payout = new PayoutRule { Rail = rail, ChainId = chainId, Ss58Prefix = prefix };

        Assert.Equal(expected + Hash, BlockExplorer.TransactionUrl(payout, Hash)?.ToString());
    }

    [Fact]
    public void TransactionUrl_PolicyExplorer_WinsOverTheChainProfile_AndAnUnknownChainGetsNoGuess()
    {
        var own = new PayoutRule { Rail = PayoutRail.Evm, ChainId = 1, Explorer = "https://explorer.lantern.example/tx/{tx}?view=full" };
        var optimism = new PayoutRule { Rail = PayoutRail.Evm, ChainId = 10 };
        var kusama = new PayoutRule { Rail = PayoutRail.Substrate, Ss58Prefix = 2 };
        var manual = new PayoutRule { Rail = PayoutRail.Manual };

        Assert.Equal($"https://explorer.lantern.example/tx/{Hash}?view=full", BlockExplorer.TransactionUrl(own, Hash)?.ToString());
        Assert.Null(BlockExplorer.TransactionUrl(optimism, Hash));
        Assert.Null(BlockExplorer.TransactionUrl(kusama, Hash));
        Assert.Null(BlockExplorer.TransactionUrl(manual, Hash));
    }

    [Theory]
    [InlineData("0xabc")]
    [InlineData("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")]
    [InlineData("0xzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    [InlineData("0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb/../x")]
    public void TransactionUrl_NotATransactionHash_IsNoLink(string typed)
    {
        Assert.Null(BlockExplorer.TransactionUrl(new PayoutRule { Rail = PayoutRail.Evm, ChainId = 1 }, typed));
    }
}
