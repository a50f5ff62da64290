using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Data;

/// <summary>One versioned migration: its number, name and SQL for one provider.</summary>
/// <param name="Version">1, 2, 3…; applied in order, each once.</param>
/// <param name="Name">From the file name, e.g. <c>initial</c>.</param>
/// <param name="Sql">The SQL, run in one transaction.</param>
public sealed record SchemaMigration(int Version, string Name, string Sql)
{
    /// <summary>Hex SHA-256 of the SQL; an applied migration whose file later changed is refused.</summary>
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));
}

/// <summary>
/// Applies the hand-written, versioned SQL migrations (<c>Migrations/{Sqlite,Postgres}/NNNN_name.sql</c>)
/// and records them in <c>__embassy_migrations</c>. Each migration runs in a transaction, so a failure leaves the
/// previous version intact; on PostgreSQL an advisory lock keeps several instances from migrating at once.
/// </summary>
public static class SchemaMigrator
{
    /// <summary>The table that records applied migrations.</summary>
    public const string HistoryTable = "__embassy_migrations";

    private const long MigrationLockKey = 0x656D_6261_7373_7901; // "embassy" + 1

    /// <summary>The migrations shipped for a provider, in order.</summary>
    public static IReadOnlyList<SchemaMigration> For(DatabaseProvider provider)
    {
        var folder = provider == DatabaseProvider.Postgres ? "Postgres" : "Sqlite";
        var prefix = $"Embassy.Data.Migrations.{folder}/";
        var assembly = typeof(SchemaMigrator).Assembly;
        var list = new List<SchemaMigration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var normalized = resource.Replace('\\', '/');
            if (!normalized.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var file = normalized[prefix.Length..^".sql".Length];
            var underscore = file.IndexOf('_', StringComparison.Ordinal);
            var version = int.Parse(file.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture);
            list.Add(new SchemaMigration(version, file[(underscore + 1)..], Read(assembly, resource)));
        }

        // Ordered by number; a gap is allowed: branches number their migrations apart (0005 on one, 0006 on another) and
        // each applies once whatever order they arrive in. Two files with one number are refused.
        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < list.Count; i++)
        {
            if (list[i].Version == list[i - 1].Version)
            {
                throw new InvalidOperationException($"Migrations for {provider} number {list[i].Version} twice.");
            }
        }

        return list;
    }

    /// <summary>The latest version shipped.</summary>
    public static int LatestVersion(DatabaseProvider provider) => For(provider).LastOrDefault()?.Version ?? 0;

    /// <summary>Versions already applied to the database, in order.</summary>
    public static async Task<IReadOnlyList<int>> AppliedVersionsAsync(EmbassyDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = db.Database.GetDbConnection();
        await OpenAsync(connection, cancellationToken).ConfigureAwait(false);
        await EnsureHistoryTableAsync(connection, null, cancellationToken).ConfigureAwait(false);
        return (await ReadHistoryAsync(connection, null, cancellationToken).ConfigureAwait(false)).Keys.Order().ToList();
    }

    /// <summary>
    /// Brings the database up to <paramref name="targetVersion"/> (default: the latest). Returns the versions applied now.
    /// Throws when an applied migration's SQL no longer matches what was applied, or the database is newer than this build.
    /// </summary>
    public static Task<IReadOnlyList<int>> MigrateAsync(
        EmbassyDbContext db, int? targetVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return MigrateAsync(db, For(ProviderOf(db)), targetVersion, cancellationToken);
    }

    /// <summary>Applies <paramref name="migrations"/> (tests pass their own to prove failures roll back).</summary>
    internal static async Task<IReadOnlyList<int>> MigrateAsync(
        EmbassyDbContext db, IReadOnlyList<SchemaMigration> migrations, int? targetVersion, CancellationToken cancellationToken)
    {
        var provider = ProviderOf(db);
        var latest = migrations.Count == 0 ? 0 : migrations.Max(m => m.Version);
        var target = targetVersion ?? latest;
        ArgumentOutOfRangeException.ThrowIfLessThan(target, 0, nameof(targetVersion));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(target, latest, nameof(targetVersion));
        var byVersion = migrations.ToDictionary(m => m.Version);

        var connection = db.Database.GetDbConnection();
        await OpenAsync(connection, cancellationToken).ConfigureAwait(false);
        if (provider == DatabaseProvider.Sqlite)
        {
            // WAL: readers never wait for the writer; the setting is stored in the file.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({MigrationLockKey});", cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await EnsureHistoryTableAsync(connection, provider, cancellationToken).ConfigureAwait(false);
            var applied = await ReadHistoryAsync(connection, null, cancellationToken).ConfigureAwait(false);
            if (applied.Keys.FirstOrDefault(v => !byVersion.ContainsKey(v)) is var unknown and > 0)
            {
                throw new InvalidOperationException(
                    $"The database has migration {unknown} applied (at version {applied.Keys.Max()}), newer than this build of Embassy knows ({latest}).");
            }

            foreach (var (version, checksum) in applied)
            {
                if (!string.Equals(byVersion[version].Checksum, checksum, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException(
                        $"Migration {version} ({byVersion[version].Name}) changed after it was applied; write a new migration instead.");
                }
            }

            var done = new List<int>();
            foreach (var migration in migrations.Where(m => m.Version <= target && !applied.ContainsKey(m.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
                await using (var insert = connection.CreateCommand())
                {
                    insert.Transaction = transaction;
                    insert.CommandText =
                        $"INSERT INTO {HistoryTable} (version, name, checksum, applied_at) VALUES (@v, @n, @c, @a);";
                    AddParameter(insert, "@v", migration.Version);
                    AddParameter(insert, "@n", migration.Name);
                    AddParameter(insert, "@c", migration.Checksum);
                    AddParameter(insert, "@a", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                done.Add(migration.Version);
            }

            return done;
        }
        finally
        {
            if (provider == DatabaseProvider.Postgres)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({MigrationLockKey});", CancellationToken.None)
                    .ConfigureAwait(false);
            }
        }
    }

    private static DatabaseProvider ProviderOf(EmbassyDbContext db) =>
        db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    private static async Task OpenAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task EnsureHistoryTableAsync(DbConnection connection, DatabaseProvider? provider, CancellationToken cancellationToken) =>
        ExecuteAsync(
            connection,
            null,
            $"CREATE TABLE IF NOT EXISTS {HistoryTable} (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL);",
            cancellationToken);

    private static async Task<Dictionary<int, string>> ReadHistoryAsync(
        DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var result = new Dictionary<int, string>();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT version, checksum FROM {HistoryTable};";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result[Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)] = reader.GetString(1);
        }

        return result;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // The SQL is this assembly's own embedded migration text, never user input.
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Missing embedded migration {resource}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
