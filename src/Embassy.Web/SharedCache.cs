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
public sealed class PublicCacheGeneration
{
    /// <summary>The row of the public pages in <c>cache_generations</c>.</summary>
    public const string Name = "public";

    private readonly IDbContextFactory<EmbassyDbContext> databases;
    private readonly CoalescedRead<long> _current;

    /// <summary>The generation read from <paramref name="databases"/>.</summary>
    public PublicCacheGeneration(IDbContextFactory<EmbassyDbContext> databases)
    {
        this.databases = databases;
        _current = new CoalescedRead<long>(ReadAsync);
    }

    /// <summary>
    /// The current generation (0 before the first change), from a read that began after this call: concurrent requests
    /// share one read (<see cref="CoalescedRead{T}"/>) instead of a query each.
    /// </summary>
    public Task<long> CurrentAsync(CancellationToken cancellationToken = default) => _current.ReadAsync(cancellationToken);

    private async Task<long> ReadAsync(CancellationToken cancellationToken)
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
