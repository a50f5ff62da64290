using BenchmarkDotNet.Attributes;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.Policies;

namespace Embassy.Benchmarks;

/// <summary>One month of 100,000 members × 3 departments under phala-v4 (issue #2: target &lt; 100 ms, &lt; 200 MB).</summary>
[MemoryDiagnoser]
public class AllocationBenchmarks
{
    private MonthInput _input = null!;

    [Params(100_000)]
    public int Members { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var policy = PolicyCatalog.Shipped.Get("phala-v4").Value;
        var rng = new Random(42);
        var departments = new[] { "CM", "MK", "CC", "BD", "TECH" };
        var members = new List<Member>(Members);
        var scores = new List<ScoreLine>(Members * 3);
        for (var i = 0; i < Members; i++)
        {
            var id = "m" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            members.Add(new Member(id, Rank.Ambassador));
            var start = rng.Next(departments.Length);
            for (var k = 0; k < 3; k++)
            {
                scores.Add(new ScoreLine(id, departments[(start + k) % departments.Length], Points.Of(rng.Next(0, 21)), Points.Of(rng.Next(0, 21)), null));
            }
        }

        _input = new MonthInput { Policy = policy, Period = new Period(2024, 8), Members = members, Scores = scores };
    }

    [Benchmark]
    public MonthAllocation AllocateMonth() => MonthEngine.Compute(_input).Value;
}
