using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Embassy.Application;

/// <summary>
/// RULES.md R7: every <see cref="Interval"/>, freezes the reports of each month whose deadline has passed
/// (<see cref="ReportFreezes.FreezeDueMonthsAsync"/>). The version frozen is chosen by GitHub's edit times, so a run a
/// minute late freezes what stood at the deadline all the same. Every instance may run it: a report frozen by another
/// instance meanwhile keeps that row (ON CONFLICT DO NOTHING).
/// </summary>
public sealed partial class FreezeWorker(IServiceScopeFactory scopes, ILogger<FreezeWorker> logger) : BackgroundService
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
                var frozen = await scope.ServiceProvider.GetRequiredService<ReportFreezes>().FreezeDueMonthsAsync(stoppingToken).ConfigureAwait(false);
                if (frozen > 0)
                {
                    LogFrozen(logger, frozen);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "R7: {Frozen} reports frozen at their month's deadline")]
    private static partial void LogFrozen(ILogger logger, int frozen);

    [LoggerMessage(Level = LogLevel.Error, Message = "The deadline freeze failed unexpectedly")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
