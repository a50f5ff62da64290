using Embassy.Chain;
using Embassy.Domain;
using Embassy.Domain.Rules;

namespace Embassy.Application.Tests;

/// <summary>#13: the signer's steps, one text for the page, the API, the web file and the CLI.</summary>
public class SignerStepsTests
{
    private static readonly Token Erc20 = new("PHA", 18);

    private static string Address(int n)
    {
        var bytes = new byte[20];
        bytes[0] = 0x5a;
        bytes[19] = (byte)n;
        return EvmAddress.ToChecksum(bytes);
    }

    [Fact]
    public void Evm_NamesTheSafeChainContractAndFigures()
    {
        var rule = new PayoutRule { Rail = PayoutRail.Evm, ChainId = 11155111, TokenContract = Address(1), Safe = Address(2).ToLowerInvariant() };

        var steps = SignerSteps.For(rule, 2, 150, Erc20.Whole(3));

        Assert.Equal($"Open app.safe.global and select the treasury Safe {Address(2)} on chain 11155111 (Sepolia).", steps[0]);
        Assert.Contains($"2 batch(es), 150 recipient(s), total {Erc20.Whole(3)} (3000000000000000000 smallest units); each transfer calls transfer(to, value) on {Address(1)}", steps[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Evm_NoOrMalformedSafe_SaysToCheckIt_NoChainIdIsMainnet()
    {
        var rule = new PayoutRule { Rail = PayoutRail.Evm, TokenContract = Address(1), Safe = "0x1234" };

        var first = SignerSteps.For(rule, 1, 1, Erc20.Whole(1))[0];

        Assert.Contains("(the policy names none: check the address with the other signers)", first, StringComparison.Ordinal);
        Assert.DoesNotContain("0x1234", first, StringComparison.Ordinal);
        Assert.EndsWith("on chain 1 (Ethereum mainnet).", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Substrate_BuiltPayout_StepsNameThePrefixAndThePayoutsFigures()
    {
        var pha = Token.Pha;
        string Phala(byte n) => Ss58Address.Encode(Enumerable.Repeat(n, 32).ToArray(), 30);
        var payout = SubstratePayout.Build([new PayoutLine("alice", Phala(1), pha.Whole(2)), new PayoutLine("bob", Phala(2), pha.Whole(3))], ChainProfile.Phala, 1).Value;

        var steps = SignerSteps.For(new PayoutRule { Rail = PayoutRail.Substrate }, payout);

        Assert.Equal("Open Polkadot-JS Apps connected to the Phala network (SS58 prefix 30).", steps[0]);
        Assert.EndsWith($"against the signing summary: 2 batch(es), 2 recipient(s), total {pha.Whole(5)} (5000000000000 smallest units).", steps[2], StringComparison.Ordinal);
        Assert.Contains("each of the 2 batch(es)", steps[3], StringComparison.Ordinal);
    }

    [Fact]
    public void ToText_NumbersTheStepsUnderTheTitle()
    {
        Assert.Equal("T\n1. a\n2. b\n", SignerSteps.ToText("T", ["a", "b"]));
    }
}
