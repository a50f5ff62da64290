using System.Collections.Concurrent;
using Embassy.Application;
using Embassy.Domain;

namespace Embassy.Web;

/// <summary>
/// Issue #16: a published month read once for all its pages. At 10,000 members reading the frozen month and hashing it
/// for its ETag is most of an uncached page; every page and search of the month (each its own cache entry) read it
/// again. A copy answers only while the database's public cache generation is the one it was read at — the same test
/// the output cache passes on every instance (<see cref="PublicCacheGeneration"/>) — and for at most a minute, so a
/// change made outside the web app (the command line) shows within the minute.
/// </summary>
public sealed class PublishedMonthMemo(PublicQueries queries, PublicCacheGeneration generation, TimeProvider time)
{
    /// <summary>The longest a copy is used without reading the month again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Period, Entry> _months = new();

    /// <summary>The published month and its content hash (<see cref="PublicMonthValidators.ContentHash"/>), or (null, null).</summary>
    public async Task<(PublishedMonth? Month, string? Hash)> GetAsync(Period period, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var current = await generation.CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (_months.TryGetValue(period, out var kept) && kept.Generation == current && now - kept.At < MaxAge)
        {
            return (kept.Month, kept.Hash);
        }

        var month = await queries.MonthAsync(period, cancellationToken).ConfigureAwait(false);
        var hash = month is null ? null : PublicMonthValidators.ContentHash(month);
        _months[period] = new Entry(current, now, month, hash);
        return (month, hash);
    }

    private sealed record Entry(long Generation, DateTimeOffset At, PublishedMonth? Month, string? Hash);
}
