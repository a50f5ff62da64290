using System.Globalization;
using Embassy.Policies;
using static Embassy.Cli.Tests.CliRunner;

namespace Embassy.Cli.Tests;

public sealed class PolicyCommandsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("embassy-cli-policy-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static string V4Text => PolicyCatalog.ShippedText("phala-v4")!;

    private string File(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The 1-based line of the first line containing <paramref name="text"/>.</summary>
    private static int LineOf(string yaml, string text) =>
        yaml.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains(text, StringComparison.Ordinal)).i + 1;

    [Fact]
    public void PolicyList_ShowsEveryShippedPolicyAndMarksTheDefault()
    {
        var (exit, output, _) = Run("policy", "list");

        Assert.Equal(0, exit);
        var lines = output.Split('\n');
        foreach (var p in PolicyCatalog.Shipped.All)
        {
            var line = Assert.Single(lines, l => l.StartsWith(p.Id + " ", StringComparison.Ordinal));
            Assert.Contains(p.Version, line);
            Assert.Contains(p.From.ToString(), line);
        }

        Assert.EndsWith("*", lines.Single(l => l.StartsWith("phala-v4 ", StringComparison.Ordinal)).TrimEnd());
        Assert.Contains("2025-11 – open-ended", output);
        Assert.Contains("threshold", lines.Single(l => l.StartsWith("phala-v1 ", StringComparison.Ordinal)));
    }

    [Fact]
    public void PolicyShow_V5_ShowsWeightsPoolAndRules()
    {
        var (exit, output, _) = Run("policy", "show", "phala-v5");

        Assert.Equal(0, exit);
        Assert.Contains("Phala Ambassador Program V.5", output);
        Assert.Contains("90,000 PHA", output);
        Assert.Contains("+21,000 PHA for every 5 active members", output);
        Assert.Matches(@"CM\s+Community Management\s+selectable\s+35 %", output);
        Assert.Matches(@"CC\s+Content Creation\s+selectable\s+40 %", output);
        Assert.Matches(@"OTHERS\s+Others\s+others\s+5 %", output);
        Assert.Contains("head 4,000 PHA", output);
        Assert.Contains("candidate -> ambassador after 3 consecutive months at least 65 %", output);
        Assert.Contains("end of day 5", output);
        Assert.Contains("substrate (SS58 prefix 30)", output);
        Assert.Contains(PolicyCatalog.Shipped.Get("phala-v5").Value.Hash, output);
    }

    [Fact]
    public void PolicyShow_ThresholdPolicy_ShowsThresholdAndSupplementaryTasks()
    {
        var (exit, output, _) = Run("policy", "show", "phala-v1");

        Assert.Equal(0, exit);
        Assert.Contains("Threshold:", output);
        Assert.Contains("nothing below 40 %", output);
        Assert.Contains("Supplementary tasks", output);
        Assert.Contains("terminated", output);
        Assert.Contains("Fiat cap:     senior bounties: 2,000.00 USD a month of senior month totals at the month's recorded price; above it is clamped", output);
    }

    [Fact]
    public void PolicyShow_YamlFormat_PrintsTheShippedFile()
    {
        var (exit, output, _) = Run("policy", "show", "phala-v4.1", "--format", "yaml");

        Assert.Equal(0, exit);
        Assert.Equal(PolicyCatalog.ShippedText("phala-v4.1"), output);
    }

    [Fact]
    public void PolicyShow_UnknownId_ExitsTwoListingKnownIds()
    {
        var (exit, output, error) = Run("policy", "show", "phala-v9");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("POLICY_UNKNOWN", error);
        Assert.Contains("phala-v4", error);
    }

    [Fact]
    public void PolicyCheck_ValidFile_PrintsOkAndExitsZero()
    {
        var path = File("phala-v9.yaml", V4Text.Replace("id: phala-v4", "id: phala-v9", StringComparison.Ordinal));

        var (exit, output, error) = Run("policy", "check", path);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Equal("phala-v9.yaml: OK (id phala-v9, in force 2024-07 – 2024-08)", output.TrimEnd());
    }

    [Theory]
    [InlineData("weight: 25,", "weight: 15,", "POLICY_WEIGHTS_NOT_100", "departments", "code: BASIC")]
    [InlineData("from: [CM, MK, CC, BD, TECH]", "from: [CM, MK, CC, BD, TECH, ART]", "POLICY_UNKNOWN_DEPARTMENT", "choose.from", "from: [CM, MK, CC, BD, TECH, ART]")]
    [InlineData("base: 84000", "base: -84000", "POLICY_NEGATIVE", "pool.base", "base: -84000")]
    [InlineData("to: senior, at_least: 90", "to: legend, at_least: 90", "POLICY_UNKNOWN_RANK", "promotions[1].to", "to: legend")]
    public void PolicyCheck_BrokenFile_ReportsFileLineAndKeyAndExitsOne(string from, string to, string code, string key, string lineText)
    {
        var yaml = V4Text.Replace(from, to, StringComparison.Ordinal);
        var path = File("broken.yaml", yaml);

        var (exit, output, error) = Run("policy", "check", path);

        Assert.Equal(1, exit);
        Assert.DoesNotContain("OK", output);
        var line = Assert.Single(error.Split('\n'), l => l.Contains(" error " + code + ": ", StringComparison.Ordinal));
        Assert.StartsWith($"broken.yaml:{LineOf(yaml, lineText)}:", line);
        Assert.Contains(key, line);
    }

    [Fact]
    public void PolicyCheck_OverlappingFiles_ReportsPolicyOverlap()
    {
        var a = File("a.yaml", V4Text);
        var b = File("b.yaml", V4Text.Replace("id: phala-v4", "id: phala-v4-bis", StringComparison.Ordinal).Replace("from: 2024-07", "from: 2024-08", StringComparison.Ordinal));

        var (exit, output, error) = Run("policy", "check", a, b);

        Assert.Equal(1, exit);
        Assert.Contains("a.yaml: OK", output);
        Assert.Contains("b.yaml: OK", output);
        Assert.Contains("error POLICY_OVERLAP", error);
        Assert.Contains("a.yaml", error);
        Assert.Contains("b.yaml", error);
    }

    [Fact]
    public void PolicyCheck_ConsecutiveFiles_AreValidTogether()
    {
        var a = File("a.yaml", V4Text);
        var b = File("b.yaml", V4Text.Replace("id: phala-v4", "id: phala-v4-next", StringComparison.Ordinal).Replace("from: 2024-07", "from: 2024-09", StringComparison.Ordinal).Replace("until: 2024-08", "until: 2024-12", StringComparison.Ordinal));

        var (exit, _, error) = Run("policy", "check", a, b);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public void PolicyCheck_SeveralBrokenFiles_ReportsEachOne()
    {
        var a = File("one.yaml", V4Text.Replace("weight: 25,", "weight: 20,", StringComparison.Ordinal));
        var b = File("two.yaml", V4Text.Replace("base: 84000", "base: -1", StringComparison.Ordinal));

        var (exit, _, error) = Run("policy", "check", a, b);

        Assert.Equal(1, exit);
        Assert.Contains("one.yaml:", error);
        Assert.Contains("POLICY_WEIGHTS_NOT_100", error);
        Assert.Contains("two.yaml:", error);
        Assert.Contains("POLICY_NEGATIVE", error);
    }

    [Fact]
    public void PolicyCheck_MissingFile_ExitsTwo()
    {
        var (exit, _, error) = Run("policy", "check", Path.Combine(_dir.FullName, "missing.yaml"));

        Assert.Equal(2, exit);
        Assert.Contains("POLICY_UNREADABLE", error);
    }
}
