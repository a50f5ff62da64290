using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Embassy.Data;

/// <summary>Adds Embassy's database to a host (eShop-style <c>builder.AddX()</c>).</summary>
public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="EmbassyDbContext"/> (factory and scoped), <see cref="IWorkLock"/> and a start-up step that
    /// migrates the database, from configuration section <c>Database</c> (SQLite in <c>data/</c> by default).
    /// </summary>
    public static IHostApplicationBuilder AddEmbassyData(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new DatabaseOptions();
        builder.Configuration.GetSection(DatabaseOptions.Section).Bind(options);
        builder.Services.AddEmbassyData(options);
        return builder;
    }

    /// <summary>Registers the database for explicit <paramref name="options"/>.</summary>
    public static IServiceCollection AddEmbassyData(this IServiceCollection services, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ = options.ParsedProvider; // fail at start-up on a misspelt provider
        services.AddSingleton(options);
        services.AddDbContextFactory<EmbassyDbContext>(options.Apply);
        services.AddSingleton<IWorkLock, DatabaseWorkLock>();
        services.AddHostedService<MigrateOnStart>();
        return services;
    }

    private sealed class MigrateOnStart(IDbContextFactory<EmbassyDbContext> factory) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await SchemaMigrator.MigrateAsync(db, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
