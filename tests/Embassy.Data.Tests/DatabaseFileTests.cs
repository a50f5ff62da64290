using Embassy.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Data.Tests;

/// <summary>A damaged database file is named before anything opens it (issue #12); a good or new one is used.</summary>
public sealed class DatabaseFileTests
{
    [Theory]
    [MemberData(nameof(DamagedDatabases.Kinds), MemberType = typeof(DamagedDatabases))]
    public async Task Check_DamagedInstall_IsOneLineNamingTheFile_AndLeavesItAlone(string kind)
    {
        var dir = await DamagedDatabases.CreateAsync(kind);
        var path = Path.Combine(dir.FullName, "embassy.db");
        var before = await File.ReadAllBytesAsync(path);

        var found = DatabaseFile.Check(new DatabaseOptions { DataDirectory = dir.FullName });

        Assert.NotNull(found);
        Assert.Equal(DatabaseFile.Damaged, found.Code);
        Assert.Contains(path, found.Message, StringComparison.Ordinal);
        Assert.Contains(kind == "emptied" ? "keys/" : "restore it from a backup", found.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', found.Message);
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
        dir.Delete(recursive: true);
    }

    [Fact]
    public async Task Check_GoodDatabase_NewPath_OrEmptyFileAlone_IsUsed()
    {
        var dir = Directory.CreateTempSubdirectory("embassy-good-");
        var options = new DatabaseOptions { DataDirectory = dir.FullName };
        var missing = DatabaseFile.Check(options);
        await File.WriteAllBytesAsync(Path.Combine(dir.FullName, "embassy.db"), []);
        var emptyAlone = DatabaseFile.Check(options);
        await using (var db = new EmbassyDbContext(new DbContextOptionsBuilder<EmbassyDbContext>().UseSqlite(options.ResolveConnectionString()).Options))
        {
            await SchemaMigrator.MigrateAsync(db);
        }

        SqliteConnection.ClearAllPools();
        Directory.CreateDirectory(Path.Combine(dir.FullName, "keys"));
        await File.WriteAllTextAsync(Path.Combine(dir.FullName, "keys", "key-1.xml"), "<key />");
        var migrated = DatabaseFile.Check(options);

        Assert.Null(missing);
        Assert.Null(emptyAlone);
        Assert.Null(migrated);
        Assert.Null(DatabaseFile.Check(new DatabaseOptions { Provider = "postgres", ConnectionString = "Host=127.0.0.1" }));
        dir.Delete(recursive: true);
    }
}
