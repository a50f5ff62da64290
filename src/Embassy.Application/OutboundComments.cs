using System.Security.Cryptography;
using System.Text;
using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.GitHub;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>
/// Comments Embassy posts once (issue #14): a month's reminders, a member's receipt. Each is a row of
/// <c>outbound_comments</c> under a unique key, and the row is the claim: an instance posts only after its insert, or its
/// conditional change of the row's state, won; every other instance finds the row taken and posts nothing. A failed post
/// leaves the row <c>failed</c> with a back-off (<see cref="WriteBack.Backoff"/>) and is tried again; a claim older than
/// <see cref="Lease"/> (its instance stopped mid-post) is taken over, and the comment's hidden marker is looked for first,
/// so a post whose answer was lost is edited rather than posted twice.
/// </summary>
public static class OutboundComments
{
    /// <summary>How long a claim holds before another instance may take it over.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <summary>The hidden marker that starts the comment of <paramref name="key"/>.</summary>
    public static string Marker(string key) => "<!-- embassy:" + key + " -->";

    /// <summary>
    /// The insert-first claim: adds the row of <paramref name="key"/> as claimed by this instance. False when the row
    /// exists (another instance claimed or posted it; see <see cref="TryClaimAsync"/> for a retry).
    /// </summary>
    public static async Task<OutboundComment?> ClaimNewAsync(EmbassyDbContext db, string key, string repository, int issue, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = new OutboundComment
        {
            Key = key, Repository = repository, IssueNumber = issue, State = OutboundCommentState.Claimed, Attempts = 1, ClaimedAt = now, CreatedAt = now,
        };
        db.OutboundComments.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return row;
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            db.Entry(row).State = EntityState.Detached;
            return null;
        }
    }

    /// <summary>
    /// Takes an existing row that is pending, failed and due, or claimed longer than <see cref="Lease"/>: a conditional update
    /// on the attempt count it read, so of two instances only one gets it. Returns the row, tracked, or null.
    /// </summary>
    public static async Task<OutboundComment?> TryClaimAsync(EmbassyDbContext db, string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var seen = await db.OutboundComments.AsNoTracking().SingleOrDefaultAsync(c => c.Key == key, cancellationToken).ConfigureAwait(false);
        var takeable = seen is not null && seen.State switch
        {
            OutboundCommentState.Pending => true,
            OutboundCommentState.Failed => seen.NotBefore is null || seen.NotBefore <= now,
            OutboundCommentState.Claimed => seen.ClaimedAt is null || seen.ClaimedAt + Lease <= now,
            _ => false,
        };
        if (!takeable)
        {
            return null;
        }

        var won = await db.OutboundComments.Where(c => c.Id == seen!.Id && c.Attempts == seen.Attempts && c.State == seen.State)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.State, OutboundCommentState.Claimed).SetProperty(c => c.ClaimedAt, now).SetProperty(c => c.Attempts, seen!.Attempts + 1), cancellationToken)
            .ConfigureAwait(false);
        return won == 1 ? await db.OutboundComments.SingleAsync(c => c.Id == seen!.Id, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>
    /// Queues <paramref name="key"/> to be posted or brought up to date (a receipt after approval, then after payment): a
    /// new row is pending; a posted or failed one becomes pending again. Does not save.
    /// </summary>
    public static async Task RequestAsync(EmbassyDbContext db, string key, string repository, int issue, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.OutboundComments.SingleOrDefaultAsync(c => c.Key == key, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            db.OutboundComments.Add(new OutboundComment { Key = key, Repository = repository, IssueNumber = issue, State = OutboundCommentState.Pending, CreatedAt = now });
        }
        else if (row.State is OutboundCommentState.Posted or OutboundCommentState.Failed)
        {
            (row.State, row.NotBefore) = (OutboundCommentState.Pending, null);
        }
    }

    /// <summary>
    /// Posts the claimed <paramref name="row"/>'s comment (<paramref name="body"/>, which starts with its marker), or edits
    /// the one posted before when the body changed; records the outcome and saves. A null body records the row done
    /// without a comment (nothing to say).
    /// </summary>
    public static async Task<Result<bool>> PostAsync(EmbassyDbContext db, GitHubClient github, OutboundComment row, string? body, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(github);
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(time);
        var result = body is null ? Result<bool>.Ok(false) : await SendAsync(github, row, body, cancellationToken).ConfigureAwait(false);
        if (result.IsSuccess)
        {
            (row.State, row.PostedAt, row.LastError, row.NotBefore) = (OutboundCommentState.Posted, time.GetUtcNow(), null, null);
            row.BodyHash = body is null ? row.BodyHash : Hash(body);
        }
        else
        {
            (row.State, row.NotBefore) = (OutboundCommentState.Failed, time.GetUtcNow() + WriteBack.Backoff(row.Attempts));
            row.LastError = string.Join("; ", result.Errors.Select(e => e.Code + ": " + e.Message));
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    private static async Task<Result<bool>> SendAsync(GitHubClient github, OutboundComment row, string body, CancellationToken cancellationToken)
    {
        var hash = Hash(body);
        if (row.CommentId is not null && string.Equals(hash, row.BodyHash, StringComparison.Ordinal))
        {
            return Result<bool>.Ok(false); // posted as it is: nothing to send
        }

        var repository = RepositoryName.Of(row.Repository);
        Result<GitHubComment>? sent = null;
        if (row.CommentId is { } id)
        {
            sent = await github.UpdateCommentAsync(repository, id, body, cancellationToken).ConfigureAwait(false);
            if (!sent.IsSuccess && sent.Errors.Any(e => e.Code == GitHubCodes.NotFound))
            {
                sent = null; // deleted by someone: post it again
                row.CommentId = null;
            }
        }
        else
        {
            // A post whose answer was lost (the claim was taken over) is found by its marker and edited, not repeated.
            var existing = await github.ListCommentsAsync(repository, row.IssueNumber, cancellationToken).ConfigureAwait(false);
            if (!existing.IsSuccess)
            {
                return Result<bool>.Fail(existing.Diagnostics);
            }

            if (existing.Value.FirstOrDefault(c => c.Body.StartsWith(Marker(row.Key), StringComparison.Ordinal)) is { } mine)
            {
                sent = string.Equals(mine.Body.TrimEnd(), body.TrimEnd(), StringComparison.Ordinal)
                    ? Result<GitHubComment>.Ok(mine)
                    : await github.UpdateCommentAsync(repository, mine.Id, body, cancellationToken).ConfigureAwait(false);
            }
        }

        sent ??= await github.CreateCommentAsync(repository, row.IssueNumber, body, cancellationToken).ConfigureAwait(false);
        if (!sent.IsSuccess)
        {
            return Result<bool>.Fail(sent.Diagnostics);
        }

        row.CommentId = sent.Value.Id;
        return Result<bool>.Ok(true);
    }

    private static string Hash(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
}
