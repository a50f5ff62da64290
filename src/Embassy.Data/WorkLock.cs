using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Embassy.Data;

#pragma warning disable CA2000 // The connection or file stream is owned by the returned lock, or disposed in finally.

/// <summary>
/// Makes sure only one instance does a piece of background work (e.g. an issue sync) at a time.
/// On PostgreSQL this is a session advisory lock, so web instances sharing one database take turns; on SQLite
/// (one machine) it is an exclusive lock on a file beside the database.
/// </summary>
public interface IWorkLock
{
    /// <summary>Takes the lock named <paramref name="name"/> without waiting; null when another holder has it.</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken = default);
}

/// <summary>The <see cref="IWorkLock"/> for the configured database.</summary>
public sealed class DatabaseWorkLock(DatabaseOptions options) : IWorkLock
{
    /// <inheritdoc />
    public async Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        var connectionString = options.ResolveConnectionString();
        return options.ParsedProvider == DatabaseProvider.Postgres
            ? await PostgresLock.TryAcquireAsync(connectionString, name, cancellationToken).ConfigureAwait(false)
            : FileLock.TryAcquire(connectionString, name);
    }

    /// <summary>A stable 64-bit key for a lock name (advisory locks are keyed by numbers).</summary>
    internal static long KeyOf(string name) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("embassy-lock:" + name)));

    private sealed class PostgresLock(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        public static async Task<IAsyncDisposable?> TryAcquireAsync(string connectionString, string name, CancellationToken cancellationToken)
        {
            var key = KeyOf(name);
            NpgsqlConnection? connection = null;
            try
            {
                connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@k);", connection);
                command.Parameters.AddWithValue("k", key);
                var taken = (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                if (taken)
                {
                    var held = new PostgresLock(connection, key);
                    connection = null;
                    return held;
                }

                return null;
            }
            finally
            {
                if (connection is not null)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@k);", connection);
                command.Parameters.AddWithValue("k", key);
                await command.ExecuteScalarAsync().ConfigureAwait(false);
            }
            finally
            {
                // Closing the session releases the lock even if the unlock failed.
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private sealed class FileLock(FileStream stream) : IAsyncDisposable
    {
        public static IAsyncDisposable? TryAcquire(string connectionString, string name)
        {
            var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
            var path = Path.GetFullPath(dataSource) + "." + KeyOf(name).ToString("x16", System.Globalization.CultureInfo.InvariantCulture) + ".lock";
            FileStream? stream = null;
            try
            {
                stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                var held = new FileLock(stream);
                stream = null;
                return held;
            }
            catch (IOException)
            {
                return null;
            }
            finally
            {
                stream?.Dispose();
            }
        }

        public ValueTask DisposeAsync() => stream.DisposeAsync();
    }
}
