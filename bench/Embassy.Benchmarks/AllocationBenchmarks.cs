using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.Policies;

namespace Embassy.Benchmarks;

/// <summary>
/// One month of N members × 3 departments under phala-v4 (issue #2: &lt; 100 ms, &lt; 200 MB at 100,000), beside a
/// plain loop computing the same floors in the same run (issue #16: within 20× of it at 100,000 members, linear from
/// 1,000 to 1,000,000). The ratio column is the figure to read on a shared machine.
/// Run: dotnet run -c Release --project bench/Embassy.Benchmarks -- --filter '*AllocationBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class AllocationBenchmarks
{
    private MonthInput _input = null!;

    // The floor's input: points (hundredths) per member and department, and each department's pool in units.
    private long[] _points = [];
    private UInt128[] _pools = [];
    private int _departments;

    [Params(1_000, 10_000, 100_000, 1_000_000)]
    public int Members { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var policy = PolicyCatalog.Shipped.Get("phala-v4").Value;
        var rng = new Random(42);
        var departments = new[] { "CM", "MK", "CC", "BD", "TECH" };
        var members = new List<Member>(Members);
        var scores = new List<ScoreLine>(Members * 3);
        _departments = policy.Departments.Count;
        _points = new long[Members * _departments];
        for (var i = 0; i < Members; i++)
        {
            var id = "m" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
            members.Add(new Member(id, Rank.Ambassador));
            var start = rng.Next(departments.Length);
            for (var k = 0; k < 3; k++)
            {
                var code = departments[(start + k) % departments.Length];
                var line = new ScoreLine(id, code, Points.Of(rng.Next(0, 21)), Points.Of(rng.Next(0, 21)), null);
                scores.Add(line);
                _points[(i * _departments) + policy.Departments.ToList().FindIndex(d => d.Code == code)] = line.Total.Hundredths;
            }
        }

        _input = new MonthInput { Policy = policy, Period = new Period(2024, 8), Members = members, Scores = scores };
        var pool = MonthEngine.PoolOf(policy, _input.Period, members);
        var total = (pool.Base + pool.Growth).Units;
        _pools = policy.Departments.Select(d => total * (ulong)d.WeightBasisPoints / 10_000).ToArray();
    }

    /// <summary>
    /// The floor: each department's total, then each member's floored share pool × points / total (R5 without the
    /// leftover units), over flat arrays prepared in advance, with the engine's own arithmetic: (q, r) = pool / total
    /// once per department, then q·w + r·w / total in 64 bits per member. Allocates nothing.
    /// </summary>
    [Benchmark(Baseline = true)]
    public UInt128 PlainLoopFloors()
    {
        UInt128 paid = 0;
        for (var d = 0; d < _departments; d++)
        {
            long total = 0;
            for (var m = d; m < _points.Length; m += _departments)
            {
                total += _points[m];
            }

            if (total == 0)
            {
                continue;
            }

            var (q, r) = UInt128.DivRem(_pools[d], (ulong)total);
            for (var m = d; m < _points.Length; m += _departments)
            {
                var w = (ulong)_points[m];
                paid += (q * w) + ((ulong)r * w / (ulong)total);
            }
        }

        return paid;
    }

    [Benchmark]
    public MonthAllocation AllocateMonth() => MonthEngine.Compute(_input).Value;
}
