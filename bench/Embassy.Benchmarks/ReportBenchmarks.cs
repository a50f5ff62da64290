using BenchmarkDotNet.Attributes;
using Embassy.Reports;
using Markdig;

namespace Embassy.Benchmarks;

/// <summary>
/// Parses and validates the real fixture reports and one 1 MB report, beside Markdig's bare
/// <see cref="Markdown.Parse(string, MarkdownPipeline?, Markdig.Parsers.MarkdownParserContext?)"/> of the same bodies
/// in the same run (issue #16: within 3× of Markdig's time, within 2× of its allocation; issue #7: ≥ 2,000 reports a
/// second). Reports per second = 93 / mean time of the fixtures row.
/// The fixtures sit at <c>../shared/fixtures/reports</c> beside the checkout; without them a synthetic
/// report of the same size is used. On a shared machine the ratio column says more than the times.
/// Run: dotnet run -c Release --project bench/Embassy.Benchmarks -- --filter '*ReportBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class ReportBenchmarks
{
    private IssueSnapshot[] _issues = [];

    /// <summary>The 93 fixture reports, or one report of 1 MB made of the last fixture repeated.</summary>
    [Params("fixtures", "1 MB")]
    public string Input { get; set; } = "fixtures";

    [GlobalSetup]
    public void Setup()
    {
        var dir = FixtureDirectory();
        var fixtures = dir is null
            ? [Synthetic()]
            : Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal)
                .SelectMany(f => IssueJson.Parse(File.ReadAllText(f)).Value)
                .ToArray();
        if (Input == "fixtures")
        {
            _issues = fixtures;
        }
        else
        {
            var body = new System.Text.StringBuilder();
            while (body.Length < ReportParser.MaxBodyLength)
            {
                body.Append(fixtures[^1].Body).Append('\n');
            }

            _issues = [fixtures[^1] with { Body = body.ToString(0, ReportParser.MaxBodyLength) }];
        }

        Console.WriteLine($"// ReportBenchmarks ({Input}): {_issues.Length} reports, {_issues.Sum(i => i.Body.Length):N0} characters");
    }

    /// <summary>The floor: Markdig's bare parse (default pipeline) of the same bodies.</summary>
    [Benchmark(Baseline = true, Description = "Markdig Markdown.Parse")]
    public int MarkdigParse()
    {
        var blocks = 0;
        foreach (var issue in _issues)
        {
            blocks += Markdown.Parse(issue.Body).Count;
        }

        return blocks;
    }

    /// <summary>Embassy's parse and validation, as intake and <c>embassy report parse</c> run it.</summary>
    [Benchmark(Description = "ReportParser parse + validate")]
    public int ParseAndValidate()
    {
        var found = 0;
        foreach (var issue in _issues)
        {
            var report = ReportParser.Shipped.Parse(issue);
            found += report.Diagnostics.Count + report.Evidence.Count;
        }

        return found;
    }

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
