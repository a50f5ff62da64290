using BenchmarkDotNet.Attributes;
using Embassy.Reports;

namespace Embassy.Benchmarks;

/// <summary>
/// Parses and validates every real fixture report (issue #7: target ≥ 2,000 reports per second on one core).
/// Reports per second = fixtures / mean time of <see cref="ParseAndValidateAllFixtures"/>.
/// The fixtures sit at <c>../shared/fixtures/reports</c> beside the checkout; without them a synthetic
/// report of the same size is used. On a shared machine the minimum and median say more than the mean.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class ReportBenchmarks
{
    private IssueSnapshot[] _issues = [];
    private IssueSnapshot _oneMegabyte = null!;

    [GlobalSetup]
    public void Setup()
    {
        var dir = FixtureDirectory();
        _issues = dir is null
            ? [Synthetic()]
            : Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal)
                .SelectMany(f => IssueJson.Parse(File.ReadAllText(f)).Value)
                .ToArray();
        var body = new System.Text.StringBuilder();
        while (body.Length < ReportParser.MaxBodyLength)
        {
            body.Append(_issues[^1].Body).Append('\n');
        }

        _oneMegabyte = _issues[^1] with { Body = body.ToString(0, ReportParser.MaxBodyLength) };
        Console.WriteLine($"// ReportBenchmarks: {_issues.Length} reports, {_issues.Sum(i => i.Body.Length):N0} characters");
    }

    /// <summary>Number of reports one invocation parses.</summary>
    public int Reports => _issues.Length;

    [Benchmark(Description = "parse + validate all fixture reports")]
    public int ParseAndValidateAllFixtures()
    {
        var errors = 0;
        foreach (var issue in _issues)
        {
            errors += ReportParser.Shipped.Parse(issue).Diagnostics.Count;
        }

        return errors;
    }

    /// <summary>The largest body the parser accepts, made of one real report repeated (no pathological slow-down).</summary>
    [Benchmark(Description = "parse + validate one 1 MB report")]
    public int ParseOneMegabyteReport() => ReportParser.Shipped.Parse(_oneMegabyte).Evidence.Count;

    private static string? FixtureDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Embassy.slnx")))
        {
            dir = dir.Parent;
        }

        var path = dir?.Parent is null ? null : Path.Combine(dir.Parent.FullName, "shared", "fixtures", "reports");
        return path is not null && Directory.Exists(path) ? path : null;
    }

    private static IssueSnapshot Synthetic() => new(
        1,
        "July 2024 Contribution - vi.z",
        string.Join('\n', Enumerable.Repeat("- Amb rank: Ambassador\n- PHA Wallet Address: 41PLCEdup7XdUH4hsik4hyFoihDRYKfpN2K48jZH8ehL2tP2\n- Departments: [CM]/[MK]\n· CM:\nhttps://x.com/a/status/1816000000000000000\n[CM] 35/40", 8)),
        "vizimnokh",
        new DateTimeOffset(2024, 8, 3, 0, 0, 0, TimeSpan.Zero));
}
