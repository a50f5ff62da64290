using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Embassy.Application;

/// <summary>Wakes the webhook worker when a delivery was queued, so processing starts at once instead of at the next poll.</summary>
public sealed class WebhookQueueSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Something was queued.</summary>
    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // already signalled
        }
    }

    /// <inheritdoc />
    public void Dispose() => _signal.Dispose();

    /// <summary>Waits for a signal or the poll interval.</summary>
    public Task WaitAsync(TimeSpan poll, CancellationToken cancellationToken) => _signal.WaitAsync(poll, cancellationToken);
}

/// <summary>
/// Processes the durable webhook queue in the background. It also polls, so deliveries queued before a restart
/// (or by another instance) are processed; with PostgreSQL only the instance holding the advisory lock works.
/// </summary>
public sealed partial class WebhookQueueWorker(IServiceScopeFactory scopes, WebhookQueueSignal signal, ILogger<WebhookQueueWorker> logger) : BackgroundService
{
    /// <summary>How often the queue is looked at without a signal.</summary>
    public static TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often old deliveries are pruned.</summary>
    public static TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.Zero;
        var lastPrune = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var inbox = scope.ServiceProvider.GetRequiredService<WebhookInbox>();
                var handled = await inbox.ProcessPendingAsync(stoppingToken).ConfigureAwait(false);
                if (handled > 0)
                {
                    LogProcessed(logger, handled);
                }

                // Delivery records and ignored payloads do not pile up for ever (GitHub:WebhookRetention).
                var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
                if (now - lastPrune >= PruneInterval)
                {
                    lastPrune = now;
                    var pruned = await inbox.PruneAsync(stoppingToken).ConfigureAwait(false);
                    if (pruned > 0)
                    {
                        LogPruned(logger, pruned);
                    }
                }

                backoff = TimeSpan.Zero;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failing delivery must not stop the worker; it is recorded on its row and retried.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(logger, e);
                backoff = backoff == TimeSpan.Zero ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(Math.Min(60, backoff.TotalSeconds * 2));
            }

            try
            {
                await signal.WaitAsync(backoff > TimeSpan.Zero ? backoff : PollInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Processed {Count} webhook deliveries")]
    private static partial void LogProcessed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} old webhook deliveries")]
    private static partial void LogPruned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook processing failed; retrying with back-off")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
