using Embassy.Application;
using Embassy.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Embassy.Cli.Tests;

/// <summary><c>embassy backup</c>, <c>embassy restore</c> and <c>embassy admin link</c> on an SQLite data folder (issue #15).</summary>
public sealed class OperationsCommandsTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("embassy-cli-ops-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }

    private static IDbContextFactory<EmbassyDbContext> Databases(string folder) =>
        new ServiceCollection().AddEmbassyData(new DatabaseOptions { DataDirectory = folder }).BuildServiceProvider()
            .GetRequiredService<IDbContextFactory<EmbassyDbContext>>();

    private static string TokenOf(string link) => System.Web.HttpUtility.ParseQueryString(new Uri(link.Trim()).Query)["token"]!;

    [Fact]
    public async Task AdminLink_LetsTheLockedOutOperatorIn_Once()
    {
        var (exit, output, error) = CliRunner.Run("admin", "link", "--data", _data.FullName, "--url", "https://embassy.example.org/");

        Assert.Equal(0, exit);
        Assert.StartsWith("https://embassy.example.org/signin/once?token=emb_", output, StringComparison.Ordinal);
        Assert.Contains("signs in local:admin as admin", error, StringComparison.Ordinal);
        var tokens = new AccessTokens(Databases(_data.FullName), TimeProvider.System, [], null);
        var signedIn = await tokens.RedeemSignInAsync(TokenOf(output));
        Assert.True(signedIn.IsSuccess);
        Assert.Equal(("local:admin", Roles.Admin), (signedIn.Value.Login, signedIn.Value.Role));
        Assert.False((await tokens.RedeemSignInAsync(TokenOf(output))).IsSuccess);
        await using var db = await Databases(_data.FullName).CreateDbContextAsync();
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "signin-link.issued" && a.Actor == "cli"));
    }

    [Fact]
    public void AdminLink_NotALogin_IsBadUsage()
    {
        var (exit, _, error) = CliRunner.Run("admin", "link", "--data", _data.FullName, "--login", "not a login!");

        Assert.Equal(2, exit);
        Assert.Contains("error", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task BackupThenRestore_IntoANewFolder_GivesTheSameRows_AndNeverOverwrites()
    {
        Assert.Equal(0, CliRunner.Run("admin", "link", "--data", _data.FullName).Exit); // a migrated database with a token row
        var file = Path.Combine(_data.FullName, "backup.db");

        var backup = CliRunner.Run("backup", "--out", file, "--data", _data.FullName);
        var again = CliRunner.Run("backup", "--out", file, "--data", _data.FullName);
        var target = Path.Combine(_data.FullName, "restored");
        var restore = CliRunner.Run("restore", "--from", file, "--data", target);
        var over = CliRunner.Run("restore", "--from", file, "--data", target);
        var forced = CliRunner.Run("restore", "--from", file, "--data", target, "--force");

        Assert.Equal(0, backup.Exit);
        Assert.StartsWith("Backed up to " + file, backup.Out, StringComparison.Ordinal);
        Assert.Equal(2, again.Exit);
        Assert.Contains(DatabaseBackup.Exists, again.Err, StringComparison.Ordinal);
        Assert.Equal(0, restore.Exit);
        Assert.Equal(2, over.Exit);
        Assert.Contains("pass --force", over.Err, StringComparison.Ordinal);
        Assert.Equal(0, forced.Exit);
        Assert.Contains("The database it replaced is kept as ", forced.Out, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(target, "embassy.db.before-restore-*"));
        await using var original = await Databases(_data.FullName).CreateDbContextAsync();
        await using var copy = await Databases(target).CreateDbContextAsync();
        Assert.Equal(await original.AccessTokens.Select(t => t.Hash).ToListAsync(), await copy.AccessTokens.Select(t => t.Hash).ToListAsync());
        Assert.Equal(await SchemaMigrator.AppliedVersionsAsync(original), await SchemaMigrator.AppliedVersionsAsync(copy));
    }

    [Fact]
    public void Restore_AFileThatIsNoBackup_IsRefused_AndTouchesNothing()
    {
        var junk = Path.Combine(_data.FullName, "notes.txt");
        File.WriteAllText(junk, "not a database");
        var target = Path.Combine(_data.FullName, "target");

        var (exit, _, error) = CliRunner.Run("restore", "--from", junk, "--data", target);

        Assert.Equal(1, exit);
        Assert.Contains(DatabaseBackup.NotABackup, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public void Backup_OnPostgres_PointsToPgDump()
    {
        var result = DatabaseBackup.Backup(new DatabaseOptions { Provider = "postgres", ConnectionString = "Host=127.0.0.1;Username=postgres" }, Path.Combine(_data.FullName, "x.db"));

        Assert.False(result.IsSuccess);
        Assert.Equal(DatabaseBackup.UsePostgresTools, result.Diagnostics.Single().Code);
        Assert.Contains("pg_dump", result.Diagnostics.Single().Message, StringComparison.Ordinal);
    }
}
