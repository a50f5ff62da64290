using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Embassy.Application;

/// <summary>
/// A background run every <see cref="Interval"/> in a scope of its own; a failed run is reported and the next one tries
/// again, so one bad run never stops the host (the reminders, the deadline freeze).
/// </summary>
public abstract class ScheduledWorker(IServiceScopeFactory scopes) : BackgroundService
{
    /// <summary>Time between two runs.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>One run, with the services of its scope.</summary>
    protected abstract Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>A run failed unexpectedly.</summary>
    protected abstract void Failed(Exception error);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, stoppingToken).ConfigureAwait(false);
                await using var scope = scopes.CreateAsyncScope();
                await RunAsync(scope.ServiceProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The next run retries; a failed run must not stop the host.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Failed(e);
            }
        }
    }
}
