using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.GitHub;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>What Embassy knows of the repository it reads reports from: current name, GitHub id, earlier names.</summary>
/// <param name="Name">The current name, after any rename or transfer Embassy followed.</param>
/// <param name="Id">GitHub's numeric id, once a webhook or a redirect told it.</param>
/// <param name="PreviousNames">Earlier names, oldest first.</param>
public sealed record RepositoryStatus(RepositoryName Name, long? Id, IReadOnlyList<string> PreviousNames);

/// <summary>
/// Repositories by id. A repository is renamed or transferred on GitHub with its issues; its numeric id stays. Embassy
/// stores the id when it learns it, follows a rename (the stored name, the reports' repository and the sync state move
/// to the new name, audited), and still finds the repository under the configured old name.
/// Changes are tracked on the given context and saved here, since the sync state's key moves.
/// </summary>
public static class GitHubRepositories
{
    /// <summary>The repository's current name: <paramref name="configured"/>, or the name it was renamed to.</summary>
    public static async Task<RepositoryName> CurrentNameAsync(EmbassyDbContext db, RepositoryName configured, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var state = await FindAsync(db, configured, cancellationToken).ConfigureAwait(false);
        return state is null ? configured : RepositoryName.Of(state.Repository);
    }

    /// <summary>The stored status of <paramref name="configured"/>.</summary>
    public static async Task<RepositoryStatus> StatusAsync(EmbassyDbContext db, RepositoryName configured, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var state = await FindAsync(db, configured, cancellationToken).ConfigureAwait(false);
        return state is null
            ? new RepositoryStatus(configured, null, [])
            : new RepositoryStatus(RepositoryName.Of(state.Repository), state.RepositoryId, Names(state.PreviousNames));
    }

    /// <summary>The stored id of the repository now called <paramref name="current"/>.</summary>
    public static async Task<long?> IdAsync(EmbassyDbContext db, RepositoryName current, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = current.Key;
        return await db.GitHubSyncStates.Where(s => s.Repository == key).Select(s => s.RepositoryId).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores the repository's id the first time it is learnt; true when it was new.</summary>
    public static async Task<bool> RecordIdAsync(EmbassyDbContext db, RepositoryName current, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = current.Key;
        var state = await db.GitHubSyncStates.SingleOrDefaultAsync(s => s.Repository == key, cancellationToken).ConfigureAwait(false)
            ?? db.GitHubSyncStates.Add(new GitHubSyncState { Repository = key }).Entity;
        if (state.RepositoryId == id)
        {
            return false;
        }

        state.RepositoryId = id;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Follows a rename or transfer from <paramref name="from"/> to <paramref name="to"/>: the sync state (ETag, watermark,
    /// id) and every report move to the new name, the old name is remembered, and the audit log says how Embassy learnt it.
    /// </summary>
    public static async Task RenameAsync(
        EmbassyDbContext db, RepositoryName from, RepositoryName to, long? id, string actor, string how, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        if (from.Equals(to))
        {
            return;
        }

        var (oldKey, newKey) = (from.Key, to.Key);
        var old = await db.GitHubSyncStates.SingleOrDefaultAsync(s => s.Repository == oldKey, cancellationToken).ConfigureAwait(false);
        var moved = await db.GitHubSyncStates.SingleOrDefaultAsync(s => s.Repository == newKey, cancellationToken).ConfigureAwait(false)
            ?? db.GitHubSyncStates.Add(new GitHubSyncState { Repository = newKey }).Entity;
        var names = Names(moved.PreviousNames).Concat(Names(old?.PreviousNames)).Append(oldKey).Where(n => n != newKey).Distinct(StringComparer.Ordinal);
        moved.PreviousNames = string.Join('\n', names);
        moved.RepositoryId = id ?? old?.RepositoryId ?? moved.RepositoryId;
        if (old is not null)
        {
            moved.ETag ??= old.ETag;
            moved.Since ??= old.Since;
            moved.Watermark ??= old.Watermark;
            moved.LastSyncedAt ??= old.LastSyncedAt;
            db.GitHubSyncStates.Remove(old);
        }

        await db.Reports.Where(r => r.Repository == oldKey)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Repository, newKey), cancellationToken).ConfigureAwait(false);
        db.AuditLog.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor,
            Action = "repository.renamed",
            Subject = "repository:" + (moved.RepositoryId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? newKey),
            Details = $"{from} → {to} ({how})",
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<GitHubSyncState?> FindAsync(EmbassyDbContext db, RepositoryName configured, CancellationToken cancellationToken)
    {
        var key = configured.Key;
        var exact = await db.GitHubSyncStates.SingleOrDefaultAsync(s => s.Repository == key, cancellationToken).ConfigureAwait(false);
        if (exact is not null)
        {
            return exact;
        }

        // A handful of rows: earlier names are matched here rather than with a text search in SQL.
        var renamed = await db.GitHubSyncStates.Where(s => s.PreviousNames != null).ToListAsync(cancellationToken).ConfigureAwait(false);
        return renamed.FirstOrDefault(s => Names(s.PreviousNames).Contains(key, StringComparer.Ordinal));
    }

    private static IReadOnlyList<string> Names(string? lines) => (lines ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
