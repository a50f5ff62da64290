using Embassy.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Data.Tests;

/// <summary>
/// Data folders holding an install whose <c>embassy.db</c> was damaged in the ways seen in the field: overwritten with
/// random bytes, truncated, emptied (with the key ring still beside it), or with a page overwritten inside.
/// </summary>
public static class DamagedDatabases
{
    /// <summary>The kinds of damage.</summary>
    public static TheoryData<string> Kinds => new() { "random", "truncated", "emptied", "page" };

    /// <summary>A new folder with an install (migrated database, a key ring) damaged as <paramref name="kind"/> says.</summary>
    public static async Task<DirectoryInfo> CreateAsync(string kind)
    {
        var dir = Directory.CreateTempSubdirectory("embassy-damaged-");
        var options = new DatabaseOptions { Provider = "sqlite", DataDirectory = dir.FullName };
        var path = Path.Combine(dir.FullName, "embassy.db");
        await using (var db = new EmbassyDbContext(new DbContextOptionsBuilder<EmbassyDbContext>().UseSqlite(options.ResolveConnectionString()).Options))
        {
            await SchemaMigrator.MigrateAsync(db);
        }

        SqliteConnection.ClearAllPools(); // the last connection checkpoints the WAL into the file
        Directory.CreateDirectory(Path.Combine(dir.FullName, "keys"));
        await File.WriteAllTextAsync(Path.Combine(dir.FullName, "keys", "key-1.xml"), "<key />");
        var bytes = await File.ReadAllBytesAsync(path);
        switch (kind)
        {
            case "random":
                new Random(12).NextBytes(bytes);
                await File.WriteAllBytesAsync(path, bytes);
                break;
            case "truncated":
                await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)]);
                break;
            case "emptied":
                await File.WriteAllBytesAsync(path, []);
                break;
            case "page":
                // Page 2 onwards overwritten: the header is intact, the tables are not.
                var pageSize = (bytes[16] << 8) | bytes[17];
                new Random(7).NextBytes(bytes.AsSpan(pageSize, bytes.Length - pageSize));
                await File.WriteAllBytesAsync(path, bytes);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "random, truncated, emptied or page");
        }

        return dir;
    }
}
