using System.Text.Json;
using Embassy.Domain.Rules;

namespace Embassy.Chain.Tests;

public class AddressCheckTests
{
    private const string Treasury = "41PLCEdup7XdUH4hsik4hyFoihDRYKfpN2K48jZH8ehL2tP2";

    [Fact]
    public void Check_PhalaAddressOnSubstrateRail_IsValidWithKeyAndNetwork()
    {
        var result = AddressCheck.Check(Treasury, PayoutRail.Substrate, 30);

        Assert.True(result.Valid);
        Assert.Equal("ss58", result.Kind);
        Assert.Equal((ushort)30, result.Prefix);
        Assert.Equal("phala", result.Network);
        Assert.Equal(Treasury, result.Canonical);
        Assert.Equal(Ss58Address.Parse(Treasury).Value.PublicKeyHex, result.PublicKey);
        Assert.Null(result.Error);
    }

    [Fact]
    public void Check_KusamaAddressOnSubstrateRail_IsInvalidAndNamed()
    {
        var kusama = Ss58Address.Parse(Treasury).Value.WithPrefix(2).Text;

        var result = AddressCheck.Check(kusama, PayoutRail.Substrate, 30);

        Assert.False(result.Valid);
        Assert.Equal("ss58", result.Kind);
        Assert.Equal("kusama", result.Network);
        Assert.Null(result.Canonical);
        Assert.Equal(ChainCodes.AddressOtherNetwork, result.Error!.Code);
        Assert.Contains("Kusama", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_EvmAddressOnSubstrateRail_IsInvalidOfKindEvm()
    {
        var result = AddressCheck.Check("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", PayoutRail.Substrate, 30);

        Assert.False(result.Valid);
        Assert.Equal("evm", result.Kind);
        Assert.Equal(ChainCodes.AddressIsEvm, result.Error!.Code);
    }

    [Fact]
    public void Check_LowerCaseEvmOnEvmRail_IsValidWithChecksummedCanonical()
    {
        var result = AddressCheck.Check("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", PayoutRail.Evm, 30);

        Assert.True(result.Valid);
        Assert.Equal("evm", result.Kind);
        Assert.Equal("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", result.Canonical);
        Assert.Null(result.Prefix);
        Assert.Equal(ChainCodes.EvmNormalized, Assert.Single(result.Warnings).Code);
    }

    [Fact]
    public void Check_Ss58OnEvmRail_IsInvalidOfKindSs58()
    {
        var result = AddressCheck.Check(Treasury, PayoutRail.Evm, 30);

        Assert.False(result.Valid);
        Assert.Equal("ss58", result.Kind);
        Assert.Equal(ChainCodes.AddressIsSs58, result.Error!.Code);
    }

    [Fact]
    public void Check_ManualRail_AcceptsBothKinds()
    {
        Assert.True(AddressCheck.Check(Treasury, PayoutRail.Manual, 30).Valid);
        Assert.True(AddressCheck.Check("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", PayoutRail.Manual, 30).Valid);
    }

    [Fact]
    public void Check_GenericSubstrateAddressWithOtherPrefix_ReencodesNothing()
    {
        var generic = Ss58Address.Parse(Treasury).Value.WithPrefix(42).Text;

        var result = AddressCheck.Check(generic, PayoutRail.Substrate, 42);

        Assert.True(result.Valid);
        Assert.Equal("substrate", result.Network);
        Assert.Equal(generic, result.Canonical);
    }

    /// <summary>Every wallet of the shared report fixtures (seed reports 2022–2025) is valid and of the right kind.</summary>
    [Fact]
    public void Check_EveryFixtureWallet_IsValidAndOfTheRightKind()
    {
        Assert.True(Directory.Exists(RepoPaths.Reports), $"The shared fixtures are missing: {RepoPaths.Reports}");
        var checkedCount = 0;
        foreach (var file in Directory.GetFiles(RepoPaths.Reports, "*.json"))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            if (!doc.RootElement.TryGetProperty("truth", out var truth)
                || !truth.TryGetProperty("wallet", out var walletElement)
                || walletElement.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            var wallet = walletElement.GetString()!;
            var isEvm = wallet.StartsWith("0x", StringComparison.Ordinal);
            var result = AddressCheck.Check(wallet, isEvm ? PayoutRail.Evm : PayoutRail.Substrate, 30);

            Assert.True(result.Valid, $"{Path.GetFileName(file)}: {wallet}: {result.Error}");
            Assert.Equal(isEvm ? "evm" : "ss58", result.Kind);
            if (!isEvm)
            {
                Assert.Equal(wallet, result.Canonical);
                Assert.Equal("phala", result.Network);
            }
            else
            {
                Assert.Equal(wallet.ToLowerInvariant(), result.Canonical!.ToLowerInvariant());
            }

            checkedCount++;
        }

        Assert.True(checkedCount >= 50, $"only {checkedCount} wallets found in {RepoPaths.Reports}");
    }
}
