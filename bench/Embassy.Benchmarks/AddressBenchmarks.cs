using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Embassy.Chain;
using Embassy.Domain.Rules;

namespace Embassy.Benchmarks;

/// <summary>
/// Validates 1,000,000 mixed addresses as members type them (issue #3 target: at least 200,000 a second on one
/// core). The mix: 70 % valid Phala SS58, 10 % EIP-55 EVM, 5 % lower-case EVM, 10 % SS58 with a typo, 5 % Polkadot.
/// Each benchmark is one pass over the million; BenchmarkDotNet reports the time per address.
/// Run: dotnet run -c Release --project bench/Embassy.Benchmarks -- --filter '*Address*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class AddressBenchmarks
{
    private const int Count = 1_000_000;
    private string[] _inputs = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20251101);
        _inputs = new string[Count];
        var key = new byte[32];
        var evm = new byte[20];
        for (var i = 0; i < Count; i++)
        {
            random.NextBytes(key);
            random.NextBytes(evm);
            var slot = i % 20;
            _inputs[i] = slot switch
            {
                < 14 => Ss58Address.Encode(key, 30),
                < 16 => EvmAddress.ToChecksum(evm),
                16 => EvmAddress.ToChecksum(evm).ToLowerInvariant(),
                < 19 => Typo(Ss58Address.Encode(key, 30), random),
                _ => Ss58Address.Encode(key, 0),
            };
        }
    }

    /// <summary>The full check the CLI and the report parser use: result record, canonical text, messages.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int Check()
    {
        var valid = 0;
        foreach (var input in _inputs)
        {
            if (AddressCheck.Check(input, PayoutRail.Manual, 30).Valid)
            {
                valid++;
            }
        }

        return valid;
    }

    /// <summary>Parse to a typed address (Result with diagnostics).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int Parse()
    {
        var valid = 0;
        foreach (var input in _inputs)
        {
            var ok = input.StartsWith("0x", StringComparison.Ordinal)
                ? EvmAddress.Parse(input).IsSuccess
                : Ss58Address.Parse(input, 30).IsSuccess;
            if (ok)
            {
                valid++;
            }
        }

        return valid;
    }

    /// <summary>The allocation-free yes/no path, for bulk imports.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int IsValid()
    {
        var valid = 0;
        foreach (var input in _inputs)
        {
            var ok = input.StartsWith("0x", StringComparison.Ordinal)
                ? EvmAddress.IsValid(input)
                : Ss58Address.IsValid(input, 30);
            if (ok)
            {
                valid++;
            }
        }

        return valid;
    }

    private static string Typo(string address, Random random)
    {
        var chars = address.ToCharArray();
        var at = random.Next(1, chars.Length);
        chars[at] = chars[at] == 'z' ? 'y' : 'z';
        return new string(chars);
    }
}
