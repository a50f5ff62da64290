using System.Buffers.Binary;
using System.Globalization;
using Embassy.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Embassy.Data;

/// <summary>
/// Looks at the SQLite file before Embassy opens it, so that a damaged database is named, not papered over: random bytes,
/// a truncated file or a file SQLite finds malformed are refused with one line saying which file and what to do, and so is
/// an empty file where an install existed (its key ring, WAL or a backup beside it) — SQLite would silently make it a new,
/// empty program with a new admin link. An empty file with nothing beside it is a brand-new path and is used.
/// </summary>
public static class DatabaseFile
{
    /// <summary>Code: the database file cannot be used as it is.</summary>
    public const string Damaged = "DATABASE_DAMAGED";

    private static ReadOnlySpan<byte> Header => "SQLite format 3\0"u8;

    /// <summary>The SQLite file <paramref name="options"/> name, or null for PostgreSQL and in-memory databases.</summary>
    public static string? PathOf(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ParsedProvider != DatabaseProvider.Sqlite)
        {
            return null;
        }

        var builder = new SqliteConnectionStringBuilder(options.ResolveConnectionString());
        return builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:"
            ? null
            : Path.GetFullPath(builder.DataSource);
    }

    /// <summary>What is wrong with the database file configured in <paramref name="configuration"/>'s <c>Database</c> section, or null.</summary>
    public static Diagnostic? Check(IConfiguration configuration)
    {
        var options = new DatabaseOptions();
        configuration.GetSection(DatabaseOptions.Section).Bind(options);
        return Check(options);
    }

    /// <summary>What is wrong with the database file of <paramref name="options"/>, or null when it can be opened (or is new).</summary>
    public static Diagnostic? Check(DatabaseOptions options)
    {
        var path = PathOf(options);
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        var length = new FileInfo(path).Length;
        if (length == 0)
        {
            var traces = InstallTraces(path).ToArray();
            return traces.Length == 0
                ? null
                : Fail(path, $"is empty (0 bytes), but an install was here ({string.Join(", ", traces)} beside it); restore embassy.db from a backup, or delete the empty file to start a new program");
        }

        Span<byte> head = stackalloc byte[100];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        if (read < Header.Length || !head[..Header.Length].SequenceEqual(Header))
        {
            return Fail(path, "is not an SQLite database (damaged or another file); restore it from a backup, or move it away to start a new program");
        }

        // The header's page size and page count (valid when its version-valid-for number matches its change counter): a
        // file shorter than that lost its end. Another process committing at this moment (another instance, a CLI run)
        // may have written the new header before the file grew: a truncated file stays short, so it is read again.
        if (read == head.Length)
        {
            for (var attempt = 1; ; attempt++)
            {
                var pageSize = BinaryPrimitives.ReadUInt16BigEndian(head[16..]) is var p && p == 1 ? 65536L : p;
                var pages = BinaryPrimitives.ReadUInt32BigEndian(head[28..]);
                var valid = BinaryPrimitives.ReadUInt32BigEndian(head[92..]) == BinaryPrimitives.ReadUInt32BigEndian(head[24..]);
                if (!valid || pageSize < 512 || length >= pageSize * pages)
                {
                    break;
                }

                if (attempt == 3)
                {
                    return Fail(path, string.Create(CultureInfo.InvariantCulture, $"is truncated ({length:N0} of {pageSize * pages:N0} bytes); restore it from a backup"));
                }

                Thread.Sleep(100);
                using var again = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                again.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
                length = again.Length;
            }
        }
        else
        {
            return Fail(path, string.Create(CultureInfo.InvariantCulture, $"is truncated ({length:N0} bytes, shorter than its header); restore it from a backup"));
        }

        // Damage inside the file: SQLite's own quick check (reads every page once, no index comparison).
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check(1);";
            var result = command.ExecuteScalar() as string;
            return string.Equals(result, "ok", StringComparison.OrdinalIgnoreCase)
                ? null
                : Fail(path, $"is damaged (SQLite: {result}); restore it from a backup");
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 11 or 26)
        {
            // SQLITE_CORRUPT, SQLITE_NOTADB.
            return Fail(path, $"is damaged (SQLite: {e.Message.Replace("SQLite Error ", string.Empty, StringComparison.Ordinal)}); restore it from a backup");
        }
    }

    private static Diagnostic Fail(string path, string what) => Diagnostic.Error(Damaged, $"The database {path} {what}. Embassy did not start.");

    /// <summary>What beside the file shows that a program lived here: its key ring, SQLite's WAL files, backups of it.</summary>
    private static IEnumerable<string> InstallTraces(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        var name = Path.GetFileName(path);
        var keys = Path.Combine(folder, "keys");
        if (Directory.Exists(keys) && Directory.EnumerateFileSystemEntries(keys).Any())
        {
            yield return "keys/";
        }

        foreach (var file in Directory.EnumerateFiles(folder, name + "*").Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            if (!string.Equals(file, name, StringComparison.Ordinal) && new FileInfo(Path.Combine(folder, file!)).Length > 0)
            {
                yield return file!;
            }
        }
    }
}
