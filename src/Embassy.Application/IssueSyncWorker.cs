using Embassy.GitHub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Embassy.Application;

/// <summary>
/// Syncs the connected repository every <see cref="GitHubOptions.SyncInterval"/> (off when zero), reading the connection
/// at each run, so a repository set on the settings page is synced without a restart. Webhooks keep the
/// database current between runs; the periodic sync catches what a missed delivery would lose. Several instances may
/// run it: <see cref="IssueSync"/> takes the database work lock, so one syncs and the others skip.
/// </summary>
public sealed partial class IssueSyncWorker(IServiceScopeFactory scopes, GitHubConnection connection, ILogger<IssueSyncWorker> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = connection.Configured.SyncInterval; // from configuration only
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (RepositoryName.Parse(connection.Current().Repository) is not { IsSuccess: true } repository)
                {
                    await Task.Delay(interval, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<IssueSync>().SyncAsync(repository.Value, cancellationToken: stoppingToken).ConfigureAwait(false);
                if (result.IsSuccess)
                {
                    LogSynced(logger, repository.Value.ToString(), result.Value.New, result.Value.Edited, result.Value.Requests);
                }
                else
                {
                    LogNotSynced(logger, repository.Value.ToString(), string.Join("; ", result.Diagnostics));
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

            try
            {
                await Task.Delay(interval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Synced {Repository}: {New} new, {Edited} edited, {Requests} requests")]
    private static partial void LogSynced(ILogger logger, string repository, int @new, int edited, int requests);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync of {Repository} did not complete: {Problems}")]
    private static partial void LogNotSynced(ILogger logger, string repository, string problems);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync failed unexpectedly")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
