using static Embassy.Cli.Tests.CliRunner;

namespace Embassy.Cli.Tests;

public class EmbassyCliTests
{
    [Fact]
    public void UnknownOption_IsUsageErrorWithExitCode2()
    {
        var (code, _, err) = Run("allocate", "--period", "2024-09", "--scores", "x.csv", "--colour", "red");
        Assert.Equal(EmbassyCli.UsageError, code);
        Assert.Contains("--colour", err, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCommand_IsUsageErrorWithExitCode2()
    {
        var (code, _, err) = Run("frobnicate");
        Assert.Equal(EmbassyCli.UsageError, code);
        Assert.Contains("frobnicate", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_ListsEveryCommandGroup()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(EmbassyCli.Ok, code);
        foreach (var group in new[] { "policy", "allocate", "simulate", "report", "address", "payout" })
        {
            Assert.Contains(group, output, StringComparison.Ordinal);
        }
    }
}
