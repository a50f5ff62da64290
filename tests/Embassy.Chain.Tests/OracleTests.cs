using System.Globalization;
using System.Text.Json.Nodes;

namespace Embassy.Chain.Tests;

/// <summary>Embassy's SS58 and SCALE output against @polkadot's own code (oracle/gen.js), byte for byte.</summary>
public class OracleTests
{
    private static readonly ushort[] InterestingPrefixes = [0, 1, 2, 5, 7, 30, 42, 63, 64, 65, 127, 128, 255, 256, 1284, 4095, 12345, 16383];

    [Fact]
    public void Encode_RandomKeysAndPrefixes_MatchesPolkadotEncodeAddress()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var cases = new List<(byte[] Key, ushort Prefix)>();
        for (var i = 0; i < 300; i++)
        {
            var key = new byte[32];
            random.NextBytes(key);
            var prefix = i < InterestingPrefixes.Length ? InterestingPrefixes[i] : RandomPrefix(random);
            cases.Add((key, prefix));
        }

        var request = new JsonObject
        {
            ["ss58Encode"] = new JsonArray(cases.Select(c => (JsonNode)new JsonObject
            {
                ["key"] = Hex(c.Key),
                ["prefix"] = c.Prefix,
            }).ToArray()),
        };
        var expected = NodeOracle.Ask(request)["ss58Encode"]!.AsArray();

        for (var i = 0; i < cases.Count; i++)
        {
            var (key, prefix) = cases[i];
            var ours = Ss58Address.Encode(key, prefix);
            Assert.True(expected[i]!.GetValue<string>() == ours, $"seed {seed}, prefix {prefix}, key {Hex(key)}: polkadot {expected[i]}, Embassy {ours}");
            var back = Ss58Address.Parse(ours);
            Assert.True(back.IsSuccess, $"seed {seed}: {ours} does not parse back");
            Assert.Equal(prefix, back.Value.Prefix);
            Assert.Equal(key, back.Value.PublicKey.ToArray());
        }
    }

    [Fact]
    public void Parse_CorruptedAddresses_AgreesWithPolkadotDecodeAddress()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var inputs = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            var key = new byte[32];
            random.NextBytes(key);
            var address = Ss58Address.Encode(key, i % 3 == 0 ? (ushort)30 : RandomPrefix(random));
            inputs.Add(address);
            inputs.Add(Corrupt(address, random));
        }

        var answers = NodeOracle.Ask(new JsonObject
        {
            ["ss58Decode"] = new JsonArray(inputs.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray()),
        })["ss58Decode"]!.AsArray();

        var invalid = 0;
        for (var i = 0; i < inputs.Count; i++)
        {
            var theirs = answers[i]!.AsObject();
            var valid = theirs["valid"]!.GetValue<bool>();
            var ours = Ss58Address.Parse(inputs[i]);
            Assert.True(
                valid == ours.IsSuccess,
                $"seed {seed}, '{inputs[i]}': polkadot says {(valid ? "valid" : theirs["error"])}, Embassy says {string.Join("; ", ours.Diagnostics)}");
            if (valid)
            {
                Assert.Equal(theirs["key"]!.GetValue<string>(), ours.Value.PublicKeyHex);
                Assert.Equal(theirs["prefix"]!.GetValue<int>(), ours.Value.Prefix);
            }
            else
            {
                invalid++;
            }
        }

        // Nearly every corruption must be caught; the 16-bit checksum lets about 1 in 65,536 through.
        Assert.InRange(invalid, 290, 300);
    }

    [Fact]
    public void EncodeBatchAll_RandomTransfers_MatchesPolkadotTypesCodecAndCallHash()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var batches = new List<(ChainProfile Profile, (ReadOnlyMemory<byte> AccountId, UInt128 Amount)[] Transfers)>();
        foreach (var count in new[] { 1, 2, 63, 64, 65, 100, 7 })
        {
            // Amounts across every compact mode: 1, 2 and 4 bytes, and the big-integer mode up to u128::MAX.
            var transfers = Enumerable.Range(0, count).Select(i =>
            {
                var key = new byte[32];
                random.NextBytes(key);
                return ((ReadOnlyMemory<byte>)key, RandomAmount(random, i));
            }).ToArray();
            var profile = count == 7 ? ChainProfile.Phala with { UtilityPallet = 26, BatchAllCall = 2, BalancesPallet = 5, TransferKeepAliveCall = 3 } : ChainProfile.Phala;
            batches.Add((profile, transfers));
        }

        var request = new JsonObject
        {
            ["batch"] = new JsonArray(batches.Select(b => (JsonNode)new JsonObject
            {
                ["utility"] = b.Profile.UtilityPallet,
                ["batchAll"] = b.Profile.BatchAllCall,
                ["balances"] = b.Profile.BalancesPallet,
                ["transfer"] = b.Profile.TransferKeepAliveCall,
                ["transfers"] = new JsonArray(b.Transfers.Select(t => (JsonNode)new JsonObject
                {
                    ["key"] = Hex(t.AccountId.ToArray()),
                    ["amount"] = t.Amount.ToString(CultureInfo.InvariantCulture),
                }).ToArray()),
            }).ToArray()),
        };
        var answers = NodeOracle.Ask(request)["batch"]!.AsArray();

        for (var i = 0; i < batches.Count; i++)
        {
            var data = SubstratePayout.EncodeBatchAll(batches[i].Profile, batches[i].Transfers);
            Assert.True(
                answers[i]!["callData"]!.GetValue<string>() == Hex(data),
                $"seed {seed}, batch {i}: call data differs");
            Assert.Equal(answers[i]!["callHash"]!.GetValue<string>(), SubstratePayout.CallHashOf(data));
        }
    }

    [Fact]
    public void Build_PayoutOfRealAmounts_MatchesPolkadotCallDataPerChunk()
    {
        var random = new Random(Environment.TickCount);
        var lines = Enumerable.Range(0, 23).Select(i =>
        {
            var key = new byte[32];
            random.NextBytes(key);
            var tokens = Domain.TokenAmount.Parse($"{random.Next(1, 20000)}.{random.Next(0, 999999):D6}", Domain.Token.Pha).Value;
            return new PayoutLine($"member{i}", Ss58Address.Encode(key, 30), tokens);
        }).ToArray();

        var payout = SubstratePayout.Build(lines, ChainProfile.Phala, chunkSize: 10).Value;

        Assert.Equal([10, 10, 3], payout.Batches.Select(b => b.Transfers.Count));
        var answers = NodeOracle.Ask(new JsonObject
        {
            ["batch"] = new JsonArray(payout.Batches.Select(b => (JsonNode)new JsonObject
            {
                ["utility"] = 3,
                ["batchAll"] = 2,
                ["balances"] = 40,
                ["transfer"] = 3,
                ["transfers"] = new JsonArray(b.Transfers.Select(t => (JsonNode)new JsonObject
                {
                    ["key"] = t.Destination.PublicKeyHex,
                    ["amount"] = t.Amount.Units.ToString(CultureInfo.InvariantCulture),
                }).ToArray()),
            }).ToArray()),
        })["batch"]!.AsArray();
        for (var i = 0; i < payout.Batches.Count; i++)
        {
            Assert.Equal(answers[i]!["callData"]!.GetValue<string>(), payout.Batches[i].CallDataHex);
            Assert.Equal(answers[i]!["callHash"]!.GetValue<string>(), payout.Batches[i].CallHash);
        }
    }

    [Fact]
    public void Keyring_DevAccountAlice_MatchesEmbassyEncoding()
    {
        var answer = NodeOracle.Ask(new JsonObject
        {
            ["keyring"] = new JsonArray(
                new JsonObject { ["uri"] = "//Alice", ["prefix"] = 30 },
                new JsonObject { ["uri"] = "//Bob", ["prefix"] = 0 }),
        })["keyring"]!.AsArray();

        foreach (var pair in answer)
        {
            var address = pair!["address"]!.GetValue<string>();
            var parsed = Ss58Address.Parse(address).Value;
            Assert.Equal(pair["key"]!.GetValue<string>(), parsed.PublicKeyHex);
            Assert.Equal(address, Ss58Address.Encode(parsed.PublicKey.Span, parsed.Prefix));
        }
    }

    [Fact]
    public void SafeBatchChecksum_BatchFileAndOddStrings_MatchesTheJavaScriptSerialization()
    {
        var lines = Enumerable.Range(1, 3).Select(i =>
        {
            var bytes = new byte[20];
            bytes[0] = 0xab;
            bytes[19] = (byte)i;
            return new PayoutLine($"m{i}", EvmAddress.ToChecksum(bytes), Domain.TokenAmount.Parse($"{i}.25", EvmTokenProfile.PhaOnEthereum.Token).Value);
        }).ToArray();
        var payout = EvmPayout.Build(lines, EvmTokenProfile.PhaOnEthereum).Value;
        var file = JsonNode.Parse(payout.ToSafeBatchJson(0, new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero), "Embassy 2025-11"))!.AsObject();
        var odd = new JsonObject
        {
            ["version"] = "1.0",
            ["meta"] = new JsonObject { ["name"] = "n", ["description"] = "quote \" backslash \\ tab \t line \n bell \u0007 é 😀 \u2028" },
            ["zeta"] = new JsonArray(1, true, null, "x"),
            ["Alpha"] = new JsonObject { ["b"] = 2, ["a"] = new JsonObject() },
        };

        var answers = NodeOracle.Ask(new JsonObject { ["safeChecksum"] = new JsonArray(file.DeepClone(), odd.DeepClone()) })["safeChecksum"]!.AsArray();

        Assert.Equal(answers[0]!.GetValue<string>(), file["meta"]!["checksum"]!.GetValue<string>());
        Assert.Equal(answers[0]!.GetValue<string>(), EvmPayout.SafeBatchChecksum(file));
        Assert.Equal(answers[1]!.GetValue<string>(), EvmPayout.SafeBatchChecksum(odd));
    }

    private static ushort RandomPrefix(Random random)
    {
        while (true)
        {
            var p = (ushort)(random.Next(2) == 0 ? random.Next(0, 64) : random.Next(64, 16384));
            if (!Ss58Address.IsReservedPrefix(p))
            {
                return p;
            }
        }
    }

    private static UInt128 RandomAmount(Random random, int i)
    {
        var bits = (i % 8) switch
        {
            0 => 6,
            1 => 14,
            2 => 30,
            3 => 32,
            4 => 64,
            5 => 100,
            6 => 128,
            _ => random.Next(1, 129),
        };
        Span<byte> b = stackalloc byte[16];
        random.NextBytes(b);
        var value = new UInt128(BitConverter.ToUInt64(b[8..]), BitConverter.ToUInt64(b[..8]));
        return bits == 128 ? value : value & ((UInt128.One << bits) - 1);
    }

    private static string Corrupt(string address, Random random)
    {
        var chars = address.ToList();
        var at = random.Next(chars.Count);
        switch (random.Next(3))
        {
            case 0:
                var replacement = Base58.Alphabet[random.Next(Base58.Alphabet.Length)];
                chars[at] = replacement == chars[at] ? Base58.Alphabet[(Base58.Alphabet.IndexOf(replacement, StringComparison.Ordinal) + 1) % 58] : replacement;
                break;
            case 1:
                chars.RemoveAt(at);
                break;
            default:
                var next = Math.Min(at + 1, chars.Count - 1);
                if (chars[at] == chars[next])
                {
                    chars[at] = chars[at] == 'z' ? 'y' : 'z';
                }
                else
                {
                    (chars[at], chars[next]) = (chars[next], chars[at]);
                }

                break;
        }

        return new string([.. chars]);
    }

    private static string Hex(byte[] bytes) => "0x" + Convert.ToHexStringLower(bytes);
}
