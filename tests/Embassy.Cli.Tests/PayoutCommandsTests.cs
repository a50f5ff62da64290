using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Embassy.Chain;
using Embassy.Domain;
using static Embassy.Cli.Tests.CliRunner;

namespace Embassy.Cli.Tests;

public sealed class PayoutCommandsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("embassy-payout-cli-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static string Phala(int n)
    {
        var key = new byte[32];
        key[0] = (byte)n;
        key[31] = 0x77;
        return Ss58Address.Encode(key, 30);
    }

    private static string Evm(int n)
    {
        var bytes = new byte[20];
        bytes[0] = 0xfe;
        bytes[1] = 0xdc;
        bytes[19] = (byte)n;
        return EvmAddress.ToChecksum(bytes);
    }

    private string WriteCsv(params string[] rows)
    {
        var path = Path.Combine(_dir.FullName, "payouts.csv");
        File.WriteAllText(path, string.Join("\n", rows) + "\n");
        return path;
    }

    [Fact]
    public void PayoutBuild_EveryCsvItWrites_HostileNamesNeutralised_ByteOrderMark_AndAirdropFilesOf400Lines()
    {
        // Member names and handles come from reports: a spreadsheet would run these.
        var manual = WriteCsv("member,address,amount,handle", $"\"=HYPERLINK(\"\"http://evil.example\"\")\",{Phala(1)},5,@SUM(1+1)", $"-2+3+cmd,{Phala(2)},0.001,+x");
        Assert.Equal(0, Run("payout", "build", "--rail", "manual", "--input", manual, "--out", Path.Combine(_dir.FullName, "m")).Exit);
        Assert.Equal(0, Run("payout", "build", "--rail", "substrate", "--input", manual, "--out", Path.Combine(_dir.FullName, "s")).Exit);
        var evm = WriteCsv(["member,address,amount", .. Enumerable.Range(1, 450).Select(i => $"m{i},{EvmAt(i)},1")]);
        Assert.Equal(0, Run("payout", "build", "--policy", "phala-v5-erc20", "--input", evm, "--out", Path.Combine(_dir.FullName, "e")).Exit);

        var files = new[] { "m/payout.csv", "s/carried.csv", "e/transfers-1.csv", "e/transfers-2.csv" }.Select(f => Path.Combine(_dir.FullName, f)).ToArray();
        Assert.False(File.Exists(Path.Combine(_dir.FullName, "e", "transfers.csv")));
        var cells = new List<string>();
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            Assert.True(bytes.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF]), file);
            var records = CsvRecords.Read(System.Text.Encoding.UTF8.GetString(bytes), file, "CSV_MALFORMED", []);
            Assert.NotNull(records);
            Assert.InRange(records.Count, 2, EvmPayout.AirdropMaxLines);
            cells.AddRange(records.SelectMany(r => r.Fields));
        }

        Assert.DoesNotContain(cells, c => c.Length > 0 && (c[0] is '=' or '+' or '@' or '\t' or '\r' || (c[0] == '-' && !decimal.TryParse(c, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _))));
        Assert.Contains("'=HYPERLINK(\"http://evil.example\")", cells);
        Assert.Contains("'@SUM(1+1)", cells);
        Assert.Contains("'-2+3+cmd", cells);
        Assert.Equal(450, cells.Count(c => c == "erc20"));
    }

    private static string EvmAt(int n)
    {
        var bytes = new byte[20];
        bytes[0] = 0xfe;
        bytes[18] = unchecked((byte)(n >> 8));
        bytes[19] = unchecked((byte)n);
        return EvmAddress.ToChecksum(bytes);
    }

    [Fact]
    public void PayoutBuild_Substrate_WritesCallDataAndPrintsSummary()
    {
        var input = WriteCsv(
            "member,address,amount",
            $"alice,{Phala(1)},8178.333333333333",
            $"bob,{Phala(2)},84000",
            $"carol,{Phala(3)},0.001");
        var outDir = Path.Combine(_dir.FullName, "out");

        var (exit, output, error) = Run("payout", "build", "--rail", "substrate", "--input", input, "--out", outDir, "--chunk-size", "1");

        Assert.True(exit == 0, error);
        Assert.Contains("2 transfers, total 92,178.333333333333 PHA, 2 batch(es)", output, StringComparison.Ordinal);
        Assert.Contains("PAYOUT_BELOW_MINIMUM", error, StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "substrate-payout.json")));
        var batches = summary.RootElement.GetProperty("batches").EnumerateArray().ToArray();
        Assert.Equal(2, batches.Length);
        foreach (var b in batches)
        {
            var hex = File.ReadAllText(Path.Combine(outDir, $"batch-{b.GetProperty("number").GetInt32():D3}.calldata.hex")).Trim();
            Assert.Equal(b.GetProperty("callData").GetString(), hex);
            Assert.Equal(SubstratePayout.CallHashOf(Convert.FromHexString(hex[2..])), b.GetProperty("callHash").GetString());
            Assert.Contains(b.GetProperty("callHash").GetString()!, output, StringComparison.Ordinal);
        }

        Assert.Contains("carol", File.ReadAllText(Path.Combine(outDir, "carried.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void PayoutBuild_Substrate_FileAndOutputCarryTheSignersSteps_ForTheChainAndPrefix()
    {
        var input = WriteCsv("member,address,amount", $"alice,{Phala(1)},10", $"bob,{Phala(2)},2.5");
        var outDir = Path.Combine(_dir.FullName, "steps");

        var (exit, output, error) = Run("payout", "build", "--policy", "phala-v5", "--input", input, "--out", outDir, "--period", "2025-09");

        Assert.True(exit == 0, error);
        // #13: the steps the signer's page prints, from the same code (SignerSteps), for the policy's chain and prefix.
        var policy = Embassy.Policies.PolicyCatalog.Shipped.Get("phala-v5").Value;
        var expected = Embassy.Application.SignerSteps.For(policy.Payout, 1, 2, new Token("PHA", 12).Units(12_500_000_000_000));
        Assert.Equal(5, expected.Count);
        var text = File.ReadAllText(Path.Combine(outDir, "substrate-payout.txt"));
        Assert.StartsWith("# Embassy payout 2025-09: utility.batch_all call data", text, StringComparison.Ordinal);
        Assert.Contains("# step 1: Open Polkadot-JS Apps connected to the Phala network (SS58 prefix 30).", text, StringComparison.Ordinal);
        Assert.Contains("# step 3: Check the call hash Apps shows against the file's call hash for that batch, and the recipients and amounts against the signing summary: 1 batch(es), 2 recipient(s), total 12.5 PHA (12500000000000 smallest units).", text, StringComparison.Ordinal);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Contains($"# step {i + 1}: {expected[i]}\n", text, StringComparison.Ordinal);
            Assert.Contains($"  {i + 1}. {expected[i]}", output, StringComparison.Ordinal);
        }

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "substrate-payout.json")));
        Assert.Equal(expected, summary.RootElement.GetProperty("steps").EnumerateArray().Select(e => e.GetString()!));
        Assert.Contains(File.ReadAllText(Path.Combine(outDir, "batch-001.calldata.hex")).Trim() + "\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PayoutBuild_Substrate_OtherPrefix_StepsNameIt()
    {
        var input = WriteCsv("member,address,amount", $"alice,{Ss58Address.Parse(Phala(1)).Value.WithPrefix(0).Text},1");
        var outDir = Path.Combine(_dir.FullName, "prefix0");

        var (exit, output, error) = Run("payout", "build", "--rail", "substrate", "--prefix", "0", "--input", input, "--out", outDir);

        Assert.True(exit == 0, error);
        Assert.Contains("(SS58 prefix 0).", output, StringComparison.Ordinal);
        Assert.Contains("# step 1: Open Polkadot-JS Apps connected to the Phala network (SS58 prefix 0).", File.ReadAllText(Path.Combine(outDir, "substrate-payout.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void PayoutBuild_Evm_WritesTheSignersStepsBesideTheSafeBatches_ForTheChainAndContract()
    {
        var input = WriteCsv("member,address,amount", $"alice,{Evm(1)},1.5", $"bob,{Evm(2)},2", $"carol,{Evm(3)},1");
        var outDir = Path.Combine(_dir.FullName, "evm-steps");

        var (exit, output, error) = Run("payout", "build", "--policy", "phala-v5-erc20", "--input", input, "--out", outDir, "--chunk-size", "2");

        Assert.True(exit == 0, error);
        var policy = Embassy.Policies.PolicyCatalog.Shipped.Get("phala-v5-erc20").Value;
        var expected = Embassy.Application.SignerSteps.For(policy.Payout, 2, 3, new Token("PHA", 18).Units(4_500_000_000_000_000_000));
        var file = File.ReadAllText(Path.Combine(outDir, "signing-steps.txt"));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Contains($"{i + 1}. {expected[i]}\n", file, StringComparison.Ordinal);
            Assert.Contains($"  {i + 1}. {expected[i]}", output, StringComparison.Ordinal);
        }

        Assert.Contains("on chain 1 (Ethereum mainnet).", expected[0], StringComparison.Ordinal);
        Assert.Contains("2 batch(es), 3 recipient(s), total 4.5 PHA (4500000000000000000 smallest units); each transfer calls transfer(to, value) on 0x6c5bA91642F10282b576d91922Ae6448C9d52f4E", expected[2], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "safe-batch-002.json")));
    }

    [Fact]
    public void PayoutBuild_EvmFromPolicy_WritesSafeBatchAndCsvWith18Decimals()
    {
        var input = WriteCsv("member,address,amount", $"alice,{Evm(1).ToLowerInvariant()},1.5", $"bob,{Evm(2)},2");
        var outDir = Path.Combine(_dir.FullName, "evm");

        var (exit, output, error) = Run("payout", "build", "--policy", "phala-v5-erc20", "--input", input, "--out", outDir);

        Assert.True(exit == 0, error);
        Assert.Contains("2 transfers, total 3.5 PHA", output, StringComparison.Ordinal);
        using var safe = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "safe-batch-001.json")));
        var tx = safe.RootElement.GetProperty("transactions")[0];
        Assert.Equal("1500000000000000000", tx.GetProperty("contractInputsValues").GetProperty("value").GetString());
        Assert.Equal(Evm(1), tx.GetProperty("contractInputsValues").GetProperty("to").GetString());
        // File.ReadAllText would drop the byte order mark: read the bytes.
        Assert.StartsWith("\uFEFFtoken_type,token_address,receiver,amount,id,amount_units (18 decimals)\n", System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(outDir, "transfers.csv"))), StringComparison.Ordinal);
    }

    [Fact]
    public void PayoutBuild_ExplicitEvmOptions_OverrideTheDefaults()
    {
        var input = WriteCsv("member,address,amount", $"alice,{Evm(1)},1");
        var outDir = Path.Combine(_dir.FullName, "evm2");

        var (exit, _, error) = Run("payout", "build", "--rail", "evm", "--input", input, "--out", outDir,
            "--chain-id", "11155111", "--token-contract", Evm(9), "--decimals", "6");

        Assert.True(exit == 0, error);
        using var safe = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "safe-batch-001.json")));
        Assert.Equal("11155111", safe.RootElement.GetProperty("chainId").GetString());
        var tx = safe.RootElement.GetProperty("transactions")[0];
        Assert.Equal(Evm(9), tx.GetProperty("to").GetString());
        Assert.Equal("1000000", tx.GetProperty("contractInputsValues").GetProperty("value").GetString());
    }

    [Fact]
    public void PayoutBuild_Manual_WritesCsvAndXlsx()
    {
        var input = WriteCsv("member,address,amount,handle", $"alice,{Phala(1)},10.25,@alice", $"bob,{Evm(2)},4");
        var outDir = Path.Combine(_dir.FullName, "manual");

        var (exit, output, error) = Run("payout", "build", "--rail", "manual", "--input", input, "--out", outDir, "--period", "2025-10", "--policy", "phala-v5");

        Assert.True(exit == 0, error);
        Assert.Contains("2 payments, total 14.25 PHA", output, StringComparison.Ordinal);
        Assert.Contains($"alice,'@alice,{Phala(1)},10.25,10250000000000,2025-10,phala-v5", File.ReadAllText(Path.Combine(outDir, "payout.csv")), StringComparison.Ordinal);
        using var xlsx = SpreadsheetDocument.Open(Path.Combine(outDir, "payout.xlsx"), false);
        Assert.Single(xlsx.WorkbookPart!.WorksheetParts);
    }

    [Fact]
    public void PayoutBuild_BadAddress_ExitsOneWithLineAndCode()
    {
        var polkadot = Ss58Address.Parse(Phala(2)).Value.WithPrefix(0).Text;
        var input = WriteCsv("member,address,amount", $"alice,{Phala(1)},1", $"bob,{polkadot},2");
        var outDir = Path.Combine(_dir.FullName, "bad");

        var (exit, _, error) = Run("payout", "build", "--rail", "substrate", "--input", input, "--out", outDir);

        Assert.Equal(1, exit);
        Assert.Contains("payouts.csv:3:", error, StringComparison.Ordinal);
        Assert.Contains("ADDRESS_OTHER_NETWORK", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(outDir, "substrate-payout.json")));
    }

    [Fact]
    public void PayoutBuild_BadAmount_ExitsOneWithAmountCode()
    {
        var input = WriteCsv("member,address,amount", $"alice,{Phala(1)},1.0000000000001");

        var (exit, _, error) = Run("payout", "build", "--rail", "substrate", "--input", input, "--out", Path.Combine(_dir.FullName, "x"));

        Assert.Equal(1, exit);
        Assert.Contains("AMOUNT_TOO_MANY_DECIMALS", error, StringComparison.Ordinal);
    }

    [Fact]
    public void PayoutBuild_MissingColumn_IsAUsageError()
    {
        var input = WriteCsv("member,wallet,amount", $"alice,{Phala(1)},1");

        var (exit, _, error) = Run("payout", "build", "--rail", "substrate", "--input", input, "--out", Path.Combine(_dir.FullName, "y"));

        Assert.Equal(2, exit);
        Assert.Contains("address", error, StringComparison.Ordinal);
    }

    [Fact]
    public void PayoutBuild_UnknownPolicy_IsAUsageError()
    {
        var input = WriteCsv("member,address,amount", $"alice,{Phala(1)},1");

        var (exit, _, error) = Run("payout", "build", "--policy", "no-such-policy", "--input", input, "--out", Path.Combine(_dir.FullName, "z"));

        Assert.Equal(2, exit);
        Assert.Contains("POLICY_UNKNOWN", error, StringComparison.Ordinal);
    }

    [Fact]
    public void PayoutBuild_Amounts_UseTheDomainParser()
    {
        // Grouped thousands are accepted by TokenAmount.Parse, so they are here too.
        var input = WriteCsv("member,address,amount", $"alice,{Phala(1)},\"8,178.5\"");
        var outDir = Path.Combine(_dir.FullName, "g");

        var (exit, output, error) = Run("payout", "build", "--rail", "substrate", "--input", input, "--out", outDir);

        Assert.True(exit == 0, error);
        Assert.Contains("total " + TokenAmount.Parse("8178.5", Token.Pha).Value, output, StringComparison.Ordinal);
    }
}
