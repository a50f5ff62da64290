using System.Globalization;
using Embassy.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Web;

/// <summary>
/// The public pages' cache generation, kept in the database: every change bumps it, and each instance's cached copies
/// are keyed by the number they were made at. So a month closed through one instance is served fresh by every other at
/// once, without them talking to each other (the output cache itself stays in each process's memory).
/// </summary>
public sealed class PublicCacheGeneration(IDbContextFactory<EmbassyDbContext> databases)
{
    /// <summary>The row of the public pages in <c>cache_generations</c>.</summary>
    public const string Name = "public";

    /// <summary>The current generation (0 before the first change).</summary>
    public async Task<long> CurrentAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.CacheGenerations.AsNoTracking().Where(g => g.Name == Name).Select(g => g.Generation)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Something a public page shows may have changed: every instance's cached copies are stale from now on.</summary>
    public async Task BumpAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.CacheGenerations.Where(g => g.Name == Name)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.Generation, g => g.Generation + 1), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Part of the public output-cache policy: a cached copy answers only while the database's generation is the one it was made at.</summary>
internal sealed class CacheGenerationPolicy : IOutputCachePolicy
{
    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var generation = await context.HttpContext.RequestServices.GetRequiredService<PublicCacheGeneration>().CurrentAsync(cancellation).ConfigureAwait(false);
        context.CacheVaryByRules.VaryByValues["generation"] = generation.ToString(CultureInfo.InvariantCulture);
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}
