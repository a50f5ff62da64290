using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Embassy.Application;

/// <summary>
/// Issue #14: every <see cref="Every"/>, posts the reminders that are due (<see cref="Reminders"/>) and the queued
/// receipts (<see cref="MonthReceipts"/>), with the GitHub connection in force at each run. Every instance may run it: the
/// claim rows of <see cref="OutboundComments"/> let one instance post each comment and the others skip it.
/// </summary>
public sealed partial class ReminderWorker(IServiceScopeFactory scopes, ILogger<ReminderWorker> logger) : ScheduledWorker(scopes)
{
    /// <summary>Time between two runs.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    protected override TimeSpan Interval => Every;

    /// <inheritdoc />
    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<WriteBack>() is null)
        {
            return; // write-back off: Embassy writes nothing to GitHub
        }

        var run = await services.GetRequiredService<Reminders>().RunAsync(cancellationToken).ConfigureAwait(false);
        var (posted, failed) = await services.GetRequiredService<MonthReceipts>().ProcessDueAsync(cancellationToken).ConfigureAwait(false);
        if (run.Posted + run.Failed + posted + failed > 0)
        {
            LogRun(logger, run.Posted, run.Failed, posted, failed);
        }
    }

    /// <inheritdoc />
    protected override void Failed(Exception error) => LogFailed(logger, error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders: {Posted} posted, {Failed} failed; receipts: {ReceiptsPosted} posted, {ReceiptsFailed} failed")]
    private static partial void LogRun(ILogger logger, int posted, int failed, int receiptsPosted, int receiptsFailed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminders failed unexpectedly")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
