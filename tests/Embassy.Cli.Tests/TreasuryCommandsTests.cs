using static Embassy.Cli.Tests.CliRunner;

namespace Embassy.Cli.Tests;

public sealed class TreasuryCommandsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("embassy-cli-treasury-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Convert_TwoThousandDollarsAtRecordedPrice_FloorsToTheSmallestUnit()
    {
        // R10: 2,000 $ at 0.1234 $/PHA = 16,207.455429497568… PHA, floored to the planck.
        var prices = Write("prices.csv", "period,price,source,date\n2022-04,0.1234,coingecko,2022-04-30\n");
        var (code, output, err) = Run("treasury", "convert", "--usd", "2,000", "--prices", prices, "--period", "2022-04");
        Assert.True(code == 0, err);
        Assert.Contains("16,207.455429497568", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_MonthWithoutPrice_IsAnError()
    {
        var prices = Write("prices.csv", "period,price,source,date\n2022-04,0.1234,coingecko,2022-04-30\n");
        var (code, _, err) = Run("treasury", "convert", "--usd", "2000", "--prices", prices, "--period", "2022-05");
        Assert.NotEqual(0, code);
        Assert.Contains("2022-05", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Prices_BadRow_IsReportedWithItsLine()
    {
        var prices = Write("prices.csv", "period,price,source,date\n2022-04,0.1234,coingecko,2022-04-30\n2022-05,cheap,coingecko,2022-05-31\n");
        var (code, _, err) = Run("treasury", "prices", prices);
        Assert.NotEqual(0, code);
        Assert.Contains(":3", err, StringComparison.Ordinal);
    }
}
