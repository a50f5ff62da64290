using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Data;

/// <summary>The database engines Embassy runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>The default: one file in a data folder, WAL mode, nothing to set up.</summary>
    Sqlite,

    /// <summary>For programs that outgrow one machine: several web instances share one database.</summary>
    Postgres,
}

/// <summary>
/// Configuration section <c>Database</c> (environment: <c>EMBASSY_Database__Provider</c>,
/// <c>EMBASSY_Database__ConnectionString</c>, <c>EMBASSY_Database__DataDirectory</c>).
/// </summary>
public sealed class DatabaseOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Database";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>Required for PostgreSQL; for SQLite it overrides <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the SQLite file <c>embassy.db</c> lives; created when missing.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The provider, parsed; throws for an unknown name (a configuration error, found at start-up).</summary>
    public DatabaseProvider ParsedProvider => Provider.Trim().ToUpperInvariant() switch
    {
        "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRES" or "POSTGRESQL" or "NPGSQL" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException(
            $"Database:Provider '{Provider}' is not known; use 'sqlite' (default) or 'postgres'."),
    };

    /// <summary>The connection string to use, with SQLite's default file filled in.</summary>
    public string ResolveConnectionString()
    {
        if (ParsedProvider == DatabaseProvider.Postgres)
        {
            return string.IsNullOrWhiteSpace(ConnectionString)
                ? throw new InvalidOperationException(
                    "Database:Provider is postgres but Database:ConnectionString is empty (EMBASSY_Database__ConnectionString).")
                : ConnectionString;
        }

        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }

        Directory.CreateDirectory(DataDirectory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(DataDirectory, "embassy.db"),
            Pooling = true,
        }.ToString();
    }

    /// <summary>Configures EF Core for these options.</summary>
    public void Apply(DbContextOptionsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionString = ResolveConnectionString();
        // Issue #16, start time: the model EF would build from EmbassyDbContext's configuration at the first use (a
        // tenth of a start's CPU), compiled ahead once per provider (CompiledModels/README.md; a test keeps each equal
        // to the model the configuration builds).
        if (ParsedProvider == DatabaseProvider.Postgres)
        {
            builder.UseNpgsql(connectionString).UseModel(CompiledModels.Postgres.EmbassyDbContextModel.Instance);
        }
        else
        {
            builder.UseSqlite(connectionString).UseModel(CompiledModels.Sqlite.EmbassyDbContextModel.Instance);
        }
    }
}
