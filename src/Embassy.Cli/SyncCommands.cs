using System.CommandLine;
using System.Globalization;
using Embassy.Application;
using Embassy.Data;
using Embassy.Domain;
using Embassy.GitHub;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Embassy.Cli;

/// <summary>
/// <c>embassy sync --repo OWNER/NAME [--since DATE] [--full]</c>: pulls the program's report issues from GitHub into
/// the database, the same incremental, idempotent sync the web host runs (issue #4). Configuration comes from
/// <c>EMBASSY_</c> environment variables (database, <c>EMBASSY_GitHub__Token</c>); secrets never from arguments.
/// </summary>
internal static class SyncCommands
{
    public static Command Create()
    {
        var repo = new Option<string?>("--repo") { Description = "The repository members file reports in, OWNER/NAME (default: EMBASSY_GitHub__Repository)." };
        var since = new Option<string?>("--since") { Description = "Only issues updated on or after this date (YYYY-MM-DD or an ISO 8601 time)." };
        var full = new Option<bool>("--full") { Description = "List every issue again (marks deleted or transferred issues; ignores the saved ETag)." };
        var data = new Option<string?>("--data") { Description = "SQLite data folder (default: EMBASSY_Database__DataDirectory or ./data)." };
        var api = new Option<string?>("--api") { Description = "GitHub REST API root (default: https://api.github.com/; a stand-in's address for demos)." };
        var command = new Command("sync", "Sync report issues from GitHub into the database, with a summary of new, changed, invalid and unmatched reports.")
        {
            repo, since, full, data, api,
        };
        command.SetAction((ParseResult pr, CancellationToken ct) => RunAsync(pr, pr.GetValue(repo), pr.GetValue(since), pr.GetValue(full), pr.GetValue(data), pr.GetValue(api), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult pr, string? repoText, string? sinceText, bool full, string? dataDir, string? api, CancellationToken ct)
    {
        var output = pr.InvocationConfiguration.Output;
        var error = pr.InvocationConfiguration.Error;
        var config = new ConfigurationBuilder().AddEnvironmentVariables("EMBASSY_").Build();
        var dbOptions = new DatabaseOptions();
        config.GetSection(DatabaseOptions.Section).Bind(dbOptions);
        var ghOptions = new GitHubOptions();
        config.GetSection(GitHubOptions.Section).Bind(ghOptions);
        if (dataDir is not null)
        {
            dbOptions.DataDirectory = dataDir;
        }

        var problems = new List<Diagnostic>();
        if (DatabaseFile.Check(dbOptions) is { } damaged)
        {
            // One line naming the file and what to do, before anything opens it (a damaged file is never re-initialised).
            await error.WriteLineAsync(damaged.Message).ConfigureAwait(false);
            return EmbassyCli.Invalid;
        }

        if (api is not null)
        {
            if (Uri.TryCreate(api.EndsWith('/') ? api : api + "/", UriKind.Absolute, out var apiUri) && apiUri.Scheme is "http" or "https")
            {
                ghOptions.ApiBaseAddress = apiUri;
            }
            else
            {
                problems.Add(Diagnostic.Error("SYNC_BAD_API", $"--api '{api}' is not an http(s) address."));
            }
        }

        var repository = RepositoryName.Parse(repoText ?? ghOptions.Repository);
        problems.AddRange(repository.Errors);
        DateTimeOffset? sinceValue = null;
        if (sinceText is not null)
        {
            if (DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var s))
            {
                sinceValue = s;
            }
            else
            {
                problems.Add(Diagnostic.Error("SYNC_BAD_SINCE", $"--since '{sinceText}' is not a date; write YYYY-MM-DD."));
            }
        }

        if (problems.Count > 0)
        {
            foreach (var p in problems)
            {
                await error.WriteLineAsync(p.ToString()).ConfigureAwait(false);
            }

            return EmbassyCli.UsageError;
        }

        var services = new ServiceCollection();
        services.AddEmbassyPolicies(CliPolicies.Current); // the program's folder: its parser reads the reports
        services.AddEmbassyData(dbOptions);
        services.AddEmbassyGitHub(ghOptions);
        await using var provider = services.BuildServiceProvider();
        var databases = provider.GetRequiredService<IDbContextFactory<EmbassyDbContext>>();
        await using (var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            await SchemaMigrator.MigrateAsync(db, cancellationToken: ct).ConfigureAwait(false);
        }

        var sync = provider.GetRequiredService<IssueSync>();
        var options = new SyncOptions(sinceValue, full);
        Result<SyncSummary> result;
        if (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected)
        {
            // A live progress bar on a terminal (Spectre.Console); plain lines anywhere else.
            result = await AnsiConsole.Progress()
                .Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ElapsedTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask($"Syncing {repository.Value}").IsIndeterminate();
                    var progress = new Progress<SyncProgress>(p => task.Description = $"Syncing {repository.Value}: {p.Issues} issues, {p.Pages} pages");
                    var r = await sync.SyncAsync(repository.Value, options, progress, ct).ConfigureAwait(false);
                    task.StopTask();
                    return r;
                }).ConfigureAwait(false);
        }
        else
        {
            var progress = new SyncLines(output, repository.Value);
            result = await sync.SyncAsync(repository.Value, options, progress, ct).ConfigureAwait(false);
        }

        if (!result.IsSuccess)
        {
            foreach (var d in result.Diagnostics)
            {
                await error.WriteLineAsync(d.ToString()).ConfigureAwait(false);
            }

            return EmbassyCli.Invalid;
        }

        await output.WriteLineAsync(Summary(repository.Value, result.Value)).ConfigureAwait(false);
        return EmbassyCli.Ok;
    }

    internal static string Summary(RepositoryName repository, SyncSummary s)
    {
        var requests = s.Requests.ToString(CultureInfo.InvariantCulture);
        if (s.NotModified)
        {
            return $"{repository}: no change since the last sync ({requests} request, answered 304 Not Modified).";
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"{repository}: {s.Pages} page(s), {s.Requests} request(s). New {s.New}, changed {s.Edited}, unchanged {s.Unchanged}, " +
            $"invalid {s.Invalid}, unmatched {s.Unmatched}; pull requests skipped {s.PullRequestsSkipped}, " +
            $"marked deleted {s.MarkedDeleted}, transferred {s.MarkedTransferred}.");
    }

    /// <summary>Reports progress as a line per page when there is no terminal (logs, CI, tests).</summary>
    private sealed class SyncLines(TextWriter output, RepositoryName repository) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value) =>
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{repository}: page {value.Pages}, {value.Issues} issues"));
    }
}
