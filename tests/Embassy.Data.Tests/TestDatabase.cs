using Embassy.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Embassy.Data.Tests;

/// <summary>
/// A database of its own for one test: a fresh SQLite file, or a fresh database on the PostgreSQL server named by
/// <c>EMBASSY_TEST_POSTGRES</c> (started by <c>./test</c>). Disposing drops it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>Environment variable with the PostgreSQL server's connection string (no database).</summary>
    public const string PostgresVariable = "EMBASSY_TEST_POSTGRES";

    /// <summary>Set to 1 to leave PostgreSQL out of the provider list (documented opt-out; the cases then do not exist).</summary>
    public const string SkipPostgresVariable = "EMBASSY_TEST_SKIP_POSTGRES";

    private readonly string? _adminConnectionString;
    private readonly string? _directory;

    private TestDatabase(DatabaseOptions options, string? adminConnectionString, string? directory, string name)
    {
        Options = options;
        _adminConnectionString = adminConnectionString;
        _directory = directory;
        Name = name;
    }

    /// <summary>Providers every data test runs on: SQLite always, PostgreSQL unless explicitly opted out.</summary>
    public static TheoryData<string> Providers
    {
        get
        {
            var data = new TheoryData<string> { "sqlite" };
            if (Environment.GetEnvironmentVariable(SkipPostgresVariable) != "1")
            {
                data.Add("postgres");
            }

            return data;
        }
    }

    public DatabaseOptions Options { get; }

    public string Name { get; }

    public DatabaseProvider Provider => Options.ParsedProvider;

    /// <summary>Creates an empty database (no schema) for <paramref name="provider"/>.</summary>
    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        var name = "embassy_test_" + Guid.NewGuid().ToString("N")[..16];
        if (provider == "sqlite")
        {
            var dir = Path.Combine(Path.GetTempPath(), name);
            Directory.CreateDirectory(dir);
            return new TestDatabase(new DatabaseOptions { Provider = "sqlite", DataDirectory = dir }, null, dir, name);
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set: the data tests run on PostgreSQL too. Run ./test (it starts PostgreSQL 15), " +
                $"or export {PostgresVariable}=\"Host=127.0.0.1;Port=5432;Username=postgres\", " +
                $"or set {SkipPostgresVariable}=1 to leave PostgreSQL out knowingly.");
        }

        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name};", admin);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(
            new DatabaseOptions { Provider = "postgres", ConnectionString = builder.ConnectionString }, server, null, name);
    }

    /// <summary>Creates a database already migrated to the latest version.</summary>
    public static async Task<TestDatabase> CreateMigratedAsync(string provider)
    {
        var db = await CreateAsync(provider);
        await using var context = db.Context();
        await SchemaMigrator.MigrateAsync(context);
        return db;
    }

    /// <summary>A new context on this database.</summary>
    public EmbassyDbContext Context()
    {
        var builder = new DbContextOptionsBuilder<EmbassyDbContext>();
        Options.Apply(builder);
        return new EmbassyDbContext(builder.Options);
    }

    /// <summary>A context factory on this database, as the hosts register it.</summary>
    public IDbContextFactory<EmbassyDbContext> Factory() => new ContextFactory(this);

    public async ValueTask DisposeAsync()
    {
        if (_adminConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_adminConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE);", admin);
            await drop.ExecuteNonQueryAsync();
        }

        if (_directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open elsewhere; the temp folder is cleaned by the system.
            }
        }
    }

    private sealed class ContextFactory(TestDatabase database) : IDbContextFactory<EmbassyDbContext>
    {
        public EmbassyDbContext CreateDbContext() => database.Context();
    }
}
