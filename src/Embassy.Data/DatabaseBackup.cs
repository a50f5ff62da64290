using System.Globalization;
using Embassy.Domain;
using Microsoft.Data.Sqlite;

namespace Embassy.Data;

/// <summary>What a backup or restore did.</summary>
/// <param name="Path">The file written.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="SchemaVersion">The newest migration applied in it.</param>
/// <param name="KeptAs">On a restore over an existing database: where the replaced database was kept.</param>
public sealed record BackupInfo(string Path, long Bytes, int SchemaVersion, string? KeptAs = null);

/// <summary>
/// Backups of an SQLite install, taken with SQLite's online backup API: one read transaction copies every page, so the
/// copy is the database as of one moment even while the web app writes (in WAL mode the writers are not held up). On
/// PostgreSQL the server's own tools do this (<c>pg_dump</c>; README).
/// </summary>
public static class DatabaseBackup
{
    /// <summary>Code: backups of this kind are not Embassy's to make (PostgreSQL).</summary>
    public const string UsePostgresTools = "BACKUP_USE_PG_DUMP";

    /// <summary>Code: there is no database to back up.</summary>
    public const string NoDatabase = "BACKUP_NO_DATABASE";

    /// <summary>Code: the output file exists (never overwritten).</summary>
    public const string Exists = "BACKUP_EXISTS";

    /// <summary>Code: the file to restore is not a usable Embassy backup.</summary>
    public const string NotABackup = "RESTORE_NOT_A_BACKUP";

    /// <summary>Code: a database is in the way and no replacement was asked for.</summary>
    public const string TargetExists = "RESTORE_TARGET_EXISTS";

    /// <summary>Copies the configured SQLite database to <paramref name="outPath"/>, which must not exist.</summary>
    public static Result<BackupInfo> Backup(DatabaseOptions options, string outPath)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(outPath);
        if (options.ParsedProvider == DatabaseProvider.Postgres)
        {
            return Result<BackupInfo>.Fail(UsePostgresTools, "The database is PostgreSQL: back it up with pg_dump (see the README), which is consistent while Embassy runs.");
        }

        var source = DatabaseFile.PathOf(options);
        if (source is null || !File.Exists(source) || new FileInfo(source).Length == 0)
        {
            return Result<BackupInfo>.Fail(NoDatabase, $"There is no database at {source ?? "(in memory)"} to back up.");
        }

        if (DatabaseFile.Check(options) is { } damaged)
        {
            return Result<BackupInfo>.Fail([damaged]);
        }

        var target = Path.GetFullPath(outPath);
        if (File.Exists(target) || Directory.Exists(target))
        {
            return Result<BackupInfo>.Fail(Exists, $"{target} exists; name a new file (a backup never overwrites one).");
        }

        // Written beside the target and renamed when complete: a failed backup never leaves a file that looks like one.
        var partial = target + ".partial";
        File.Delete(partial);
        Copy(source, partial);
        File.Move(partial, target);
        return Result<BackupInfo>.Ok(new BackupInfo(target, new FileInfo(target).Length, SchemaVersionOf(target)));
    }

    /// <summary>
    /// Puts the backup <paramref name="fromPath"/> in place of the configured SQLite database. An existing database is
    /// replaced only with <paramref name="replace"/>, and then kept beside it as <c>embassy.db.before-restore-…</c>.
    /// Stop the web app first; its next start migrates a backup of an older version.
    /// </summary>
    public static Result<BackupInfo> Restore(DatabaseOptions options, string fromPath, bool replace, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(fromPath);
        if (options.ParsedProvider == DatabaseProvider.Postgres)
        {
            return Result<BackupInfo>.Fail(UsePostgresTools, "The database is PostgreSQL: restore a pg_dump file with pg_restore (see the README).");
        }

        var from = Path.GetFullPath(fromPath);
        if (!File.Exists(from))
        {
            return Result<BackupInfo>.Fail(NotABackup, $"{from} does not exist.");
        }

        var backupOptions = new DatabaseOptions { ConnectionString = new SqliteConnectionStringBuilder { DataSource = from }.ToString() };
        if (new FileInfo(from).Length == 0 || DatabaseFile.Check(backupOptions) is not null)
        {
            return Result<BackupInfo>.Fail(NotABackup, $"{from} is not an SQLite database, or is damaged.");
        }

        int version;
        try
        {
            version = SchemaVersionOf(from);
        }
        catch (SqliteException)
        {
            return Result<BackupInfo>.Fail(NotABackup, $"{from} is an SQLite database but not Embassy's (it has no migration history).");
        }

        if (version > SchemaMigrator.LatestVersion(DatabaseProvider.Sqlite))
        {
            return Result<BackupInfo>.Fail(NotABackup, string.Create(CultureInfo.InvariantCulture, $"{from} is of schema version {version}, newer than this build ({SchemaMigrator.LatestVersion(DatabaseProvider.Sqlite)}); restore it with a newer Embassy."));
        }

        var target = DatabaseFile.PathOf(options) ?? throw new InvalidOperationException("An in-memory database cannot be restored into.");
        string? kept = null;
        if (File.Exists(target) && new FileInfo(target).Length > 0)
        {
            if (!replace)
            {
                return Result<BackupInfo>.Fail(TargetExists, $"{target} exists; pass --force to replace it (it is kept beside as {Path.GetFileName(target)}.before-restore-…).");
            }

            kept = target + ".before-restore-" + now.UtcDateTime.ToString("yyyyMMddTHHmmssZ", CultureInfo.InvariantCulture);
            Copy(target, kept);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        Copy(from, target);
        return Result<BackupInfo>.Ok(new BackupInfo(target, new FileInfo(target).Length, version, kept));
    }

    /// <summary>SQLite's online backup from one file into another (created or overwritten page by page), then a quick check.</summary>
    private static void Copy(string from, string to)
    {
        using (var source = Open(from, SqliteOpenMode.ReadOnly))
        using (var destination = Open(to, SqliteOpenMode.ReadWriteCreate))
        {
            source.BackupDatabase(destination);
            using var check = destination.CreateCommand();
            check.CommandText = "PRAGMA quick_check(1);";
            if (!string.Equals(check.ExecuteScalar() as string, "ok", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"The copy {to} failed SQLite's quick check.");
            }
        }

        SqliteConnection.ClearAllPools();
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        using var timeout = connection.CreateCommand();
        timeout.CommandText = "PRAGMA busy_timeout = 10000;"; // a writer's commit in progress: wait for it, do not fail
        timeout.ExecuteNonQuery();
        return connection;
    }

    private static int SchemaVersionOf(string path)
    {
        using var connection = Open(path, SqliteOpenMode.ReadOnly);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COALESCE(MAX(version), 0) FROM {SchemaMigrator.HistoryTable};";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
