using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Embassy.Application;

/// <summary>
/// RULES.md R7: every <see cref="Every"/>, freezes the reports of each month whose deadline has passed
/// (<see cref="ReportFreezes.FreezeDueMonthsAsync"/>). The version frozen is chosen by GitHub's edit times, so a run a
/// minute late freezes what stood at the deadline all the same. Every instance may run it: a report frozen by another
/// instance meanwhile keeps that row (ON CONFLICT DO NOTHING).
/// </summary>
public sealed partial class FreezeWorker(IServiceScopeFactory scopes, ILogger<FreezeWorker> logger) : ScheduledWorker(scopes)
{
    /// <summary>Time between two runs.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    protected override TimeSpan Interval => Every;

    /// <inheritdoc />
    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var frozen = await services.GetRequiredService<ReportFreezes>().FreezeDueMonthsAsync(cancellationToken).ConfigureAwait(false);
        if (frozen > 0)
        {
            LogFrozen(logger, frozen);
        }
    }

    /// <inheritdoc />
    protected override void Failed(Exception error) => LogFailed(logger, error);

    [LoggerMessage(Level = LogLevel.Information, Message = "R7: {Frozen} reports frozen at their month's deadline")]
    private static partial void LogFrozen(ILogger logger, int frozen);

    [LoggerMessage(Level = LogLevel.Error, Message = "The deadline freeze failed unexpectedly")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
