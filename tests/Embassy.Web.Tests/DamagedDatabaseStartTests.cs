using System.Diagnostics;
using Embassy.Data.Tests;

namespace Embassy.Web.Tests;

/// <summary>
/// The web host started as a process, as an operator starts it, on a damaged <c>embassy.db</c> (issue #12): one line
/// naming the file and what to do, a non-zero exit, no stack trace, and the file left as it was.
/// </summary>
public sealed class DamagedDatabaseStartTests
{
    [Theory]
    [MemberData(nameof(DamagedDatabases.Kinds), MemberType = typeof(DamagedDatabases))]
    public async Task WebHost_OnADamagedDatabase_PrintsOneLineAndExitsNonZero(string kind)
    {
        var dir = await DamagedDatabases.CreateAsync(kind);
        var path = Path.Combine(dir.FullName, "embassy.db");
        var before = await File.ReadAllBytesAsync(path);
        var web = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { web, "--Database:DataDirectory=" + dir.FullName, "--urls", "http://127.0.0.1:0" },
            WorkingDirectory = Path.GetDirectoryName(web)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The web host kept running on a damaged database: " + await output);
        }

        Assert.NotEqual(0, process.ExitCode);
        var line = Assert.Single((await error).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("The database " + path + " ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", await output, StringComparison.Ordinal);
        Assert.DoesNotContain("/signin/once", await output, StringComparison.Ordinal); // no new admin link for a new, empty program
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
        dir.Delete(recursive: true);
    }
}
