using System.Globalization;
using System.Text.Json.Nodes;
using Embassy.Reports;
using Xunit.Abstractions;

namespace Embassy.Reports.Tests;

/// <summary>
/// Spec examples: each <c>Spec/*.md</c> is a report (a small header with the issue's title and filing time, then
/// the body) and <c>Spec/*.json</c> its expected parse in the output contract. The <c>*-filled</c> examples are the
/// template of the seed and of each shipped policy, filled in: they must parse with no error.
/// </summary>
public sealed class SpecExampleTests(ITestOutputHelper output)
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Spec"), "*.md").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Parse_SpecExample_MatchesExpectedJson(string name)
    {
        var issue = Load(name);
        var report = ReportParser.Shipped.Parse(issue);
        var actual = ReportJson.Write(report);
        var expectedPath = Path.Combine(AppContext.BaseDirectory, "Spec", name + ".json");
        output.WriteLine(actual);
        if (Environment.GetEnvironmentVariable("EMBASSY_SPEC_UPDATE") == "1")
        {
            // Writes the parse as the new expectation into the source tree; review the diff before committing.
            File.WriteAllText(Path.Combine(Fixtures.RepositoryRoot, "tests", "Embassy.Reports.Tests", "Spec", name + ".json"), actual + "\n");
            return;
        }

        Assert.True(File.Exists(expectedPath), $"Spec/{name}.json is missing; the parse was:\n{actual}");
        var expected = JsonNode.Parse(File.ReadAllText(expectedPath));
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(actual)), $"Spec/{name}: the parse differs from the expected JSON:\n{actual}");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Parse_FilledTemplate_HasNoErrors(string name)
    {
        if (!name.EndsWith("-filled", StringComparison.Ordinal))
        {
            return;
        }

        var report = ReportParser.Shipped.Parse(Load(name));
        Assert.DoesNotContain(report.Diagnostics, d => d.IsError);
        Assert.NotNull(report.Period);
        Assert.NotNull(report.Wallet);
        Assert.NotEmpty(report.Departments.Concat(report.Supplementary));
    }

    [Fact]
    public void Spec_EveryShippedPolicy_HasAFilledTemplate()
    {
        var names = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Spec"), "*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var policy in Embassy.Policies.PolicyCatalog.Shipped.All)
        {
            var covered = names.Contains(policy.Id + "-filled") || (policy.Id == Embassy.Policies.PolicyCatalog.DefaultId && names.Contains("seed-v4-filled"));
            Assert.True(covered, $"no filled-in template for {policy.Id}");
        }
    }

    internal static IssueSnapshot Load(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Spec", name + ".md"));
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        for (; i < lines.Length && lines[i] != "---"; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            header[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
        }

        var body = string.Join('\n', lines.Skip(i + 1));
        return new IssueSnapshot(
            long.Parse(header.GetValueOrDefault("number", "1"), CultureInfo.InvariantCulture),
            header["title"],
            body,
            header.GetValueOrDefault("author"),
            DateTimeOffset.Parse(header["created_at"], CultureInfo.InvariantCulture));
    }
}
