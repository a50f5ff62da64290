using System.Text.Json;
using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.GitHub;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>What became of a received delivery.</summary>
public enum WebhookReceipt
{
    /// <summary>Stored durably; it will be processed.</summary>
    Queued,

    /// <summary>The delivery id was seen before: no second effect.</summary>
    Duplicate,
}

/// <summary>
/// The durable webhook queue: a delivery is stored (one row in <c>webhook_deliveries</c>, unique by
/// <c>X-GitHub-Delivery</c>) before GitHub gets its answer, and processed afterwards in the background, so the
/// answer is quick and a restart loses nothing. Processing is idempotent (it applies issues through
/// <see cref="ReportStore"/>), so a delivery interrupted by a crash is simply processed again.
/// </summary>
public sealed class WebhookInbox(
    IDbContextFactory<EmbassyDbContext> databases,
    ReportStore store,
    IWorkLock workLock,
    TimeProvider time,
    GitHubOptions options,
    WriteBack? writeBack = null)
{
    /// <summary>Attempts before a delivery that keeps failing is set aside as failed.</summary>
    public const int MaxAttempts = 5;

    private const string Actor = "github-webhook";

    /// <summary>Stores a verified delivery.</summary>
    public async Task<WebhookReceipt> ReceiveAsync(string deliveryId, string eventName, string payload, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deliveryId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        ArgumentNullException.ThrowIfNull(payload);
        payload = Utf16Repair.RepairJson(payload, out var repaired);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (await db.WebhookDeliveries.AnyAsync(d => d.DeliveryId == deliveryId, cancellationToken).ConfigureAwait(false))
        {
            return WebhookReceipt.Duplicate;
        }

        db.WebhookDeliveries.Add(new WebhookDelivery
        {
            DeliveryId = deliveryId,
            Event = eventName,
            Action = ActionOf(payload),
            Payload = payload,
            ReceivedAt = time.GetUtcNow(),
            Status = WebhookDeliveryStatus.Queued,
            Notes = repaired > 0 ? Utf16Repair.Warning(repaired, "The payload").ToString() : null,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return WebhookReceipt.Queued;
        }
        catch (DbUpdateException)
        {
            // The same delivery arrived twice at once; the unique index let one in.
            await using var check = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            if (await check.WebhookDeliveries.AnyAsync(d => d.DeliveryId == deliveryId, cancellationToken).ConfigureAwait(false))
            {
                return WebhookReceipt.Duplicate;
            }

            throw;
        }
    }

    /// <summary>Processes queued deliveries in arrival order; returns how many were handled. Only one instance processes at a time.</summary>
    public async Task<int> ProcessPendingAsync(CancellationToken cancellationToken = default)
    {
        await using var held = await workLock.TryAcquireAsync("webhooks", cancellationToken).ConfigureAwait(false);
        if (held is null)
        {
            return 0;
        }

        // Sync and webhook processing write the same reports: take turns on the configured repository.
        await using var repositoryLock = RepositoryName.Parse(options.Repository) is { IsSuccess: true } repository
            ? await workLock.TryAcquireAsync("sync:" + repository.Value.Key, cancellationToken).ConfigureAwait(false)
            : NoLock.Instance;
        if (repositoryLock is null)
        {
            return 0; // a sync is running; the queue waits for the next round
        }

        // Each delivery is tried once per round, in arrival order; one that fails for a passing reason waits its
        // back-off (NotBefore) while the ones behind it go on, and one that can never succeed is parked at once.
        var handled = 0;
        var lastId = 0L;
        while (true)
        {
            var now = time.GetUtcNow();
            await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var batch = await db.WebhookDeliveries.Where(d => d.Status == WebhookDeliveryStatus.Queued && d.Id > lastId)
                .OrderBy(d => d.Id).Take(50).Select(d => new { d.Id, d.NotBefore }).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                if (writeBack is not null)
                {
                    // The write-back queue: what these deliveries changed, and earlier failures whose back-off is over.
                    await writeBack.ProcessDueAsync(databases, time, cancellationToken).ConfigureAwait(false);
                }

                return handled;
            }

            lastId = batch[^1].Id;
            foreach (var delivery in batch.Where(d => d.NotBefore is null || d.NotBefore <= now))
            {
                await ProcessAsync(delivery.Id, cancellationToken).ConfigureAwait(false);
                handled++;
            }
        }
    }

    /// <summary>
    /// Deletes finished deliveries older than <see cref="GitHubOptions.WebhookRetention"/> and empties the payloads of
    /// ignored ones older than <see cref="GitHubOptions.IgnoredPayloadRetention"/>; returns how many rows were deleted.
    /// Queued deliveries are never touched.
    /// </summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);

        // Filtered here, not in SQL: SQLite stores the times as text and cannot compare them as instants.
        var finished = await db.WebhookDeliveries.Where(d => d.Status != WebhookDeliveryStatus.Queued)
            .Select(d => new { d.Id, d.Status, d.ReceivedAt, d.ProcessedAt, Empty = d.Payload == string.Empty })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var expired = finished.Where(d => (d.ProcessedAt ?? d.ReceivedAt) < now - options.WebhookRetention).Select(d => d.Id).ToList();
        var ignored = finished.Where(d => d.Status == WebhookDeliveryStatus.Ignored && !d.Empty
            && (d.ProcessedAt ?? d.ReceivedAt) < now - options.IgnoredPayloadRetention && !expired.Contains(d.Id)).Select(d => d.Id).ToList();
        var deleted = 0;
        foreach (var chunk in expired.Chunk(500))
        {
            deleted += await db.WebhookDeliveries.Where(d => chunk.Contains(d.Id)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var chunk in ignored.Chunk(500))
        {
            await db.WebhookDeliveries.Where(d => chunk.Contains(d.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.Payload, string.Empty), cancellationToken).ConfigureAwait(false);
        }

        return deleted;
    }

    /// <summary>The wait before attempt <paramref name="attempts"/> + 1 of a delivery that failed for a passing reason.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, 15 * Math.Pow(2, Math.Max(0, attempts - 1))));

    private async Task ProcessAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var delivery = await db.WebhookDeliveries.SingleAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false);
        try
        {
            var (handled, report) = await DispatchAsync(db, delivery, cancellationToken).ConfigureAwait(false);
            delivery.Attempts++; // counted here, not before: dispatch may save (a repository's id) before it fails
            delivery.Status = handled ? WebhookDeliveryStatus.Done : WebhookDeliveryStatus.Ignored;
            delivery.ProcessedAt = time.GetUtcNow();
            delivery.LastError = null;
            delivery.NotBefore = null;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            if (report is not null && writeBack is not null)
            {
                await WriteBack.EnqueueAsync(db, report.Id, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (IsPermanent(e))
        {
            // Not JSON, or not the shape GitHub sends: no retry can change that. Parked for an admin to look at.
            await RecordFailureAsync(id, e, permanent: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await RecordFailureAsync(id, e, permanent: false, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RecordFailureAsync(long id, Exception e, bool permanent, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var retry = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await retry.WebhookDeliveries.SingleAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false);
        row.Attempts++;
        row.LastError = e.GetType().Name + ": " + e.Message;
        if (permanent || row.Attempts >= MaxAttempts)
        {
            row.Status = permanent ? WebhookDeliveryStatus.Parked : WebhookDeliveryStatus.Failed;
            if (permanent)
            {
                EmbassyMetrics.WebhookDelivery("parked");
            }
            row.ProcessedAt = now;
            row.NotBefore = null;
        }
        else
        {
            row.NotBefore = now + Backoff(row.Attempts);
        }

        await retry.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Errors of the payload itself (System.Text.Json and the model's readers), as opposed to passing ones.</summary>
    private static bool IsPermanent(Exception e) =>
        e is JsonException or KeyNotFoundException or FormatException or InvalidPayloadException
        || (e is InvalidOperationException && e.Source == "System.Text.Json");

    private async Task<(bool Handled, Report? Report)> DispatchAsync(EmbassyDbContext db, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var renamedEvent = delivery.Event == "repository" && delivery.Action is "renamed" or "transferred";
        if (delivery.Event is not ("issues" or "issue_comment") && !renamedEvent)
        {
            return (false, null); // ping and events Embassy does not use
        }

        using var doc = JsonDocument.Parse(delivery.Payload);
        var root = doc.RootElement;
        var issueJson = default(JsonElement);
        if ((!renamedEvent && !root.TryGetProperty("issue", out issueJson)) || !root.TryGetProperty("repository", out var repoJson)
            || RepositoryName.Parse(GitHubIssue.Str(repoJson, "full_name")) is not { IsSuccess: true } parsedRepository)
        {
            return (false, null);
        }

        var repository = parsedRepository.Value;
        if (RepositoryName.Parse(options.Repository) is { IsSuccess: true } configured)
        {
            // By id, not by name: a renamed or transferred repository keeps its id, and its hooks carry the new name.
            var current = await GitHubRepositories.CurrentNameAsync(db, configured.Value, cancellationToken).ConfigureAwait(false);
            var id = GitHubIssue.Long(repoJson, "id");
            if (current.Equals(repository))
            {
                if (id is { } first)
                {
                    await GitHubRepositories.RecordIdAsync(db, current, first, cancellationToken).ConfigureAwait(false);
                }
            }
            else if (id is not null && await GitHubRepositories.IdAsync(db, current, cancellationToken).ConfigureAwait(false) == id)
            {
                await GitHubRepositories.RenameAsync(db, current, repository, id, Actor, "a webhook named it, with the same repository id", time, cancellationToken)
                    .ConfigureAwait(false);
            }
            else
            {
                return (false, null); // another repository's hook
            }
        }

        if (renamedEvent)
        {
            return (true, null); // the repository event itself: the rename above is all it says
        }

        var issue = GitHubIssue.FromJson(issueJson);
        if (issue.IsPullRequest)
        {
            return (false, null);
        }

        if (delivery.Event == "issues" && delivery.Action is "deleted" or "transferred")
        {
            var key = repository.Key;
            if (!await db.Reports.AnyAsync(r => r.Repository == key && r.IssueNumber == issue.Number, cancellationToken).ConfigureAwait(false))
            {
                await store.ApplyDeliveryAsync(db, repository, issue, Actor, delivery.Id, cancellationToken).ConfigureAwait(false); // keep what we were told
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            var detail = delivery.Action == "transferred" && root.TryGetProperty("changes", out var changes)
                && changes.TryGetProperty("new_repository", out var newRepo) ? GitHubIssue.Str(newRepo, "full_name") : null;
            var presence = delivery.Action == "deleted" ? ReportPresence.Deleted : ReportPresence.Transferred;
            await store.MarkGoneAsync(db, repository, issue.Number, presence, detail, Actor, cancellationToken, at: issue.UpdatedAt).ConfigureAwait(false);
            return (true, null);
        }

        // opened, edited, closed, reopened, labeled, unlabeled…, and comments (which carry the current issue).
        // Late, out of order or replayed under a new delivery id: the store keeps the newest (Stale changes nothing).
        var applied = await store.ApplyDeliveryAsync(db, repository, issue, Actor, delivery.Id, cancellationToken).ConfigureAwait(false);
        return (true, applied.Change is ReportChange.New or ReportChange.Edited ? applied.Report : null);
    }

    /// <summary>A payload that is JSON but not what GitHub sends for its event.</summary>
    private sealed class InvalidPayloadException(string message) : Exception(message);

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => default;
    }

    private static string? ActionOf(string payload)
    {
        try
        {
            using var doc = JsonDocument.Parse(payload);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? GitHubIssue.Str(doc.RootElement, "action") : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
