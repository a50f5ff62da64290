using Embassy.Policies;
using Embassy.Reports;
using static Embassy.Cli.Tests.CliRunner;

namespace Embassy.Cli.Tests;

public sealed class GitHubCommandsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("embassy-cli-github-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void IssueForm_ShippedPolicy_WritesTheFormToStandardOutput()
    {
        var (exit, output, error) = Run("github", "issue-form", "--policy", "phala-v5-erc20");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Equal(ReportIssueForm.Write(PolicyCatalog.Shipped.Get("phala-v5-erc20").Value), output);
        Assert.Contains("Embassy report form v1 for phala-v5-erc20", output, StringComparison.Ordinal);
    }

    [Fact]
    public void IssueForm_OutIsADirectory_WritesReportIdYml()
    {
        var (exit, output, _) = Run("github", "issue-form", "--policy", "phala-v4", "--out", _dir.FullName);

        var path = Path.Combine(_dir.FullName, "report-phala-v4.yml");
        Assert.Equal(0, exit);
        Assert.True(File.Exists(path));
        Assert.Contains("report-phala-v4.yml", output, StringComparison.Ordinal);
        Assert.Equal(ReportIssueForm.Write(PolicyCatalog.Shipped.Get("phala-v4").Value), File.ReadAllText(path));
    }

    [Fact]
    public void IssueForm_UnknownPolicy_IsAUsageError()
    {
        var (exit, output, error) = Run("github", "issue-form", "--policy", "phala-v9");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("POLICY_UNKNOWN", error, StringComparison.Ordinal);
    }

    [Fact]
    public void IssueForm_WithoutPolicy_IsAUsageError()
    {
        var (exit, _, error) = Run("github", "issue-form");

        Assert.Equal(2, exit);
        Assert.Contains("--policy", error, StringComparison.Ordinal);
    }
}
