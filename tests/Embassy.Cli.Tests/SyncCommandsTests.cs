using Embassy.Data;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Cli.Tests;

public sealed class SyncCommandsTests : IAsyncLifetime
{
    private const string Repo = "phala-network/ambassador-reports";
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("embassy-cli-sync-");
    private GitHubStandIn.GitHubStandIn _github = null!;

    public async Task InitializeAsync() => _github = await GitHubStandIn.GitHubStandIn.StartAsync(token: null);

    public async Task DisposeAsync()
    {
        await _github.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }

    private (int Exit, string Out, string Err) Sync(params string[] extra) =>
        CliRunner.Run(["sync", "--repo", Repo, "--api", _github.ApiBaseAddress.ToString(), "--data", _data.FullName, .. extra]);

    [Fact]
    public async Task Sync_NewIssues_StoresThemAndSummarizes_ThenSecondSyncIsOne304()
    {
        _github.AddIssue(Repo, "alice", "September 2024 Contribution - alice", "- PHA Wallet Address: 41PLCEdup7XdUH4hsik4hyFoihDRYKfpN2K48jZH8ehL2tP2\n- Departments: [CM]/[CC]\n\nCM 30/40\nCC 20/40");
        _github.AddIssue(Repo, "bob", "September 2024 Contribution - bob", "no template at all");
        _github.AddIssue(Repo, "carol", "Fix typo", "a pull request", pullRequest: true);

        var first = Sync();
        Assert.Equal(0, first.Exit);
        Assert.Contains("New 2", first.Out, StringComparison.Ordinal);
        Assert.Contains("unmatched 2", first.Out, StringComparison.Ordinal); // nobody is in the registry yet (R2)
        Assert.Contains("pull requests skipped 1", first.Out, StringComparison.Ordinal);
        Assert.Contains("page 1", first.Out, StringComparison.Ordinal); // progress lines without a terminal

        var options = new DbContextOptionsBuilder<EmbassyDbContext>().UseSqlite($"Data Source={Path.Combine(_data.FullName, "embassy.db")}").Options;
        await using (var db = new EmbassyDbContext(options))
        {
            Assert.Equal(2, await db.Reports.CountAsync());
        }

        var before = _github.Requests.Count;
        var second = Sync();
        Assert.Equal(0, second.Exit);
        Assert.Contains("no change since the last sync", second.Out, StringComparison.Ordinal);
        Assert.Equal(1, _github.Requests.Count - before);
    }

    [Theory]
    [MemberData(nameof(Embassy.Data.Tests.DamagedDatabases.Kinds), MemberType = typeof(Embassy.Data.Tests.DamagedDatabases))]
    public async Task Sync_DamagedDatabase_PrintsOneLineNamingIt_AndExitsNonZero(string kind)
    {
        var dir = await Embassy.Data.Tests.DamagedDatabases.CreateAsync(kind);
        var path = Path.Combine(dir.FullName, "embassy.db");
        var before = await File.ReadAllBytesAsync(path);

        var (code, output, err) = CliRunner.Run("sync", "--repo", Repo, "--api", _github.ApiBaseAddress.ToString(), "--data", dir.FullName);

        Assert.Equal(EmbassyCli.Invalid, code);
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("The database " + path + " ", line, StringComparison.Ordinal);
        Assert.Empty(output);
        Assert.Empty(_github.Requests); // nothing was synced into it
        Assert.Equal(before, await File.ReadAllBytesAsync(path)); // and it was not re-initialised
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        dir.Delete(recursive: true);
    }

    [Fact]
    public void Sync_BadRepositoryName_IsUsageError()
    {
        var (code, _, err) = CliRunner.Run("sync", "--repo", "not-a-repo", "--data", _data.FullName);
        Assert.Equal(EmbassyCli.UsageError, code);
        Assert.NotEmpty(err);
    }

    [Fact]
    public void Sync_ServerKeepsFailing_ExitsNonZeroWithDiagnostic()
    {
        _github.FailNext(20, 500);
        var (code, _, err) = Sync();
        Assert.Equal(EmbassyCli.Invalid, code);
        Assert.Contains("error", err, StringComparison.Ordinal);
    }
}
