using System.Text.Json;
using Embassy.Chain;
using static Embassy.Cli.Tests.CliRunner;

namespace Embassy.Cli.Tests;

public class AddressCommandsTests
{
    private const string Treasury = "41PLCEdup7XdUH4hsik4hyFoihDRYKfpN2K48jZH8ehL2tP2";

    [Fact]
    public void AddressCheck_ValidPhalaJson_FollowsTheContractAndExitsZero()
    {
        var (exit, output, _) = Run("address", "check", Treasury, "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(
            ["input", "valid", "kind", "prefix", "network", "publicKey", "canonical", "error", "warnings"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Treasury, root.GetProperty("input").GetString());
        Assert.True(root.GetProperty("valid").GetBoolean());
        Assert.Equal("ss58", root.GetProperty("kind").GetString());
        Assert.Equal(30, root.GetProperty("prefix").GetInt32());
        Assert.Equal("phala", root.GetProperty("network").GetString());
        Assert.Equal(Ss58Address.Parse(Treasury).Value.PublicKeyHex, root.GetProperty("publicKey").GetString());
        Assert.Equal(Treasury, root.GetProperty("canonical").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("error").ValueKind);
        Assert.Equal(0, root.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public void AddressCheck_BadChecksumJson_GivesCodeAndExitsOne()
    {
        var chars = Treasury.ToCharArray();
        (chars[5], chars[6]) = (chars[6], chars[5]);

        var (exit, output, _) = Run("address", "check", new string(chars), "--format", "json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("kind").ValueKind);
        Assert.Equal("BAD_CHECKSUM", json.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public void AddressCheck_PolkadotAddressOnSubstrateRail_NamesTheNetwork()
    {
        var polkadot = Ss58Address.Parse(Treasury).Value.WithPrefix(0).Text;

        var (exit, output, _) = Run("address", "check", polkadot, "--rail", "substrate", "--prefix", "30");

        Assert.Equal(1, exit);
        Assert.Contains("ADDRESS_OTHER_NETWORK", output, StringComparison.Ordinal);
        Assert.Contains("Polkadot address (prefix 0)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AddressCheck_LowerCaseEvmJson_IsValidWithWarningAndChecksummedCanonical()
    {
        var (exit, output, _) = Run("address", "check", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "--rail", "evm", "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("evm", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", json.RootElement.GetProperty("canonical").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("prefix").ValueKind);
        Assert.Equal("EVM_NORMALIZED", json.RootElement.GetProperty("warnings")[0].GetProperty("code").GetString());
    }

    [Fact]
    public void AddressCheck_EvmAddressOnSubstrateRailText_ExplainsAndExitsOne()
    {
        var (exit, output, _) = Run("address", "check", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "--rail", "substrate");

        Assert.Equal(1, exit);
        Assert.Contains("ADDRESS_IS_EVM", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AddressCheck_ValidText_PrintsCanonicalAndKey()
    {
        var (exit, output, _) = Run("address", "check", Treasury);

        Assert.Equal(0, exit);
        Assert.Contains("valid SS58 address, Phala / Khala (prefix 30)", output, StringComparison.Ordinal);
        Assert.Contains("canonical: " + Treasury, output, StringComparison.Ordinal);
    }
}
