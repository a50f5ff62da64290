using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Embassy.Application;

/// <summary>
/// Issue #14: every <see cref="Interval"/>, posts the reminders that are due (<see cref="Reminders"/>) and the queued
/// receipts (<see cref="MonthReceipts"/>), with the GitHub connection in force at each run. Every instance may run it: the
/// claim rows of <see cref="OutboundComments"/> let one instance post each comment and the others skip it.
/// </summary>
public sealed partial class ReminderWorker(IServiceScopeFactory scopes, ILogger<ReminderWorker> logger) : BackgroundService
{
    /// <summary>Time between two runs.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, stoppingToken).ConfigureAwait(false);
                await using var scope = scopes.CreateAsyncScope();
                if (scope.ServiceProvider.GetService<WriteBack>() is null)
                {
                    continue; // write-back off: Embassy writes nothing to GitHub
                }

                var run = await scope.ServiceProvider.GetRequiredService<Reminders>().RunAsync(stoppingToken).ConfigureAwait(false);
                var (posted, failed) = await scope.ServiceProvider.GetRequiredService<MonthReceipts>().ProcessDueAsync(stoppingToken).ConfigureAwait(false);
                if (run.Posted + run.Failed + posted + failed > 0)
                {
                    LogRun(logger, run.Posted, run.Failed, posted, failed);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The next run retries; a failed run must not stop the host.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders: {Posted} posted, {Failed} failed; receipts: {ReceiptsPosted} posted, {ReceiptsFailed} failed")]
    private static partial void LogRun(ILogger logger, int posted, int failed, int receiptsPosted, int receiptsFailed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminders failed unexpectedly")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
