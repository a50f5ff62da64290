using Embassy.Application;
using Embassy.Data;
using Embassy.GitHub;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Embassy.Web;

/// <summary>One readiness check: its name, whether it passed and, when not, why.</summary>
/// <param name="Name"><c>database</c>, <c>migrations</c> or <c>github</c>.</param>
/// <param name="Ok">True when the check passed.</param>
/// <param name="Detail">What was found, in one line (the reason when it failed).</param>
public sealed record ReadinessCheck(string Name, bool Ok, string Detail);

/// <summary>What <c>/readyz</c> answers.</summary>
/// <param name="Status"><c>ready</c> or <c>unavailable</c>.</param>
/// <param name="Checks">Every check made, in order.</param>
public sealed record ReadinessAnswer(string Status, IReadOnlyList<ReadinessCheck> Checks);

/// <summary>Running Embassy in production: the shared key ring, liveness and readiness, metrics.</summary>
public static partial class EmbassyWebSetup
{
    /// <summary>
    /// The Data Protection key ring (sign-in cookies, anti-forgery tokens, status links): in the database on PostgreSQL,
    /// so every instance on it reads what another made; in the data folder beside the SQLite file otherwise (one machine).
    /// </summary>
    public static WebApplicationBuilder AddEmbassyKeyRing(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new DatabaseOptions();
        builder.Configuration.GetSection(DatabaseOptions.Section).Bind(options);

        // One application name: the default is the content root, which differs between two installs of one program.
        var keyRing = builder.Services.AddDataProtection().SetApplicationName("Embassy");
        if (options.ParsedProvider == DatabaseProvider.Postgres)
        {
            keyRing.PersistKeysToDbContext<EmbassyDbContext>();
        }
        else if (DatabaseFile.PathOf(options) is { } file)
        {
            keyRing.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetDirectoryName(file)!, "keys")));
        }

        // The keys are stored unencrypted, as readable as the database beside them (the same files, the same role), which
        // is what an at-rest encryptor could add nothing to without a secret held elsewhere; so the start-up warning about it
        // is not shown. Errors of the key manager still are.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        return builder;
    }

    /// <summary>
    /// <c>/healthz</c>, <c>/readyz</c> and OpenTelemetry metrics (requests, reports parsed, webhook deliveries, GitHub requests
    /// and rate-limit waits, month transitions) exported in Prometheus format at <c>Metrics:Path</c> (default <c>/metrics</c>;
    /// <c>Metrics:Enabled=false</c> turns it off).
    /// </summary>
    public static WebApplicationBuilder AddEmbassyOperations(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<Readiness>();
        if (MetricsPath(builder.Configuration) is not null)
        {
            builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService("embassy")).WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddMeter(EmbassyMetrics.MeterName, GitHubMetrics.MeterName)
                .AddPrometheusExporter());
        }

        return builder;
    }

    /// <summary>Maps <c>/healthz</c> (the process answers), <c>/readyz</c> (it can serve) and the metrics path.</summary>
    public static WebApplication MapOperations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/healthz", () => TypedResults.Ok(new HealthAnswer("ok", app.Services.GetRequiredService<DatabaseOptions>().ParsedProvider.ToString().ToLowerInvariant())))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/readyz", ReadyAsync).AllowAnonymous().ExcludeFromDescription();
        if (MetricsPath(app.Configuration) is { } path)
        {
            // Counts only, no names or amounts; still, keep it to the monitoring network at the proxy (README).
            app.MapPrometheusScrapingEndpoint(path).WithMetadata(new HttpMethodMetadata(["GET"])).AllowAnonymous();
        }

        return app;
    }

    /// <summary><c>Metrics:Path</c> (default <c>/metrics</c>), or null when <c>Metrics:Enabled</c> is false.</summary>
    private static string? MetricsPath(IConfiguration config)
    {
        if (!config.GetValue("Metrics:Enabled", true))
        {
            return null;
        }

        var path = config["Metrics:Path"];
        return string.IsNullOrWhiteSpace(path) ? "/metrics" : path.StartsWith('/') ? path : "/" + path;
    }

    private static async Task<Results<Ok<ReadinessAnswer>, JsonHttpResult<ReadinessAnswer>>> ReadyAsync(Readiness readiness, CancellationToken cancellationToken)
    {
        var checks = await readiness.CheckAsync(cancellationToken).ConfigureAwait(false);
        return checks.All(c => c.Ok)
            ? TypedResults.Ok(new ReadinessAnswer("ready", checks))
            : TypedResults.Json(new ReadinessAnswer("unavailable", checks), statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

/// <summary>
/// Whether this instance can serve: the database answers, every shipped migration is applied (an instance of an older
/// build, or a database restored from an older backup, is not ready), and the GitHub credentials work when configured.
/// </summary>
internal sealed class Readiness(IDbContextFactory<EmbassyDbContext> databases, DatabaseOptions options, GitHubConnection connection, IServiceProvider services, TimeProvider time) : IDisposable
{
    /// <summary>GitHub is asked at most this often; readiness probes come every few seconds.</summary>
    internal static readonly TimeSpan GitHubCheckInterval = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gitHubGate = new(1, 1);
    private (DateTimeOffset At, GitHubOptions Asked, ReadinessCheck Check)? _gitHub;

    public async Task<IReadOnlyList<ReadinessCheck>> CheckAsync(CancellationToken cancellationToken)
    {
        var checks = new List<ReadinessCheck>();
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A short wait: a probe that hangs on a dead server says nothing the timeout would not.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var applied = await SchemaMigrator.AppliedVersionsAsync(db, timeout.Token).ConfigureAwait(false);
            checks.Add(new ReadinessCheck("database", true, options.ParsedProvider.ToString().ToLowerInvariant() + " answers"));
            var missing = SchemaMigrator.For(options.ParsedProvider).Select(m => m.Version).Except(applied).ToList();
            checks.Add(missing.Count == 0
                ? new ReadinessCheck("migrations", true, $"all {applied.Count} applied")
                : new ReadinessCheck("migrations", false, $"migration {string.Join(", ", missing.Select(v => v.ToString("0000", System.Globalization.CultureInfo.InvariantCulture)))} not applied; restart an instance to migrate"));
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            checks.Add(new ReadinessCheck("database", false, "cannot reach the database: " + OneLine(e)));
        }

        if (await GitHubAsync(cancellationToken).ConfigureAwait(false) is { } gitHub)
        {
            checks.Add(gitHub);
        }

        return checks;
    }

    public void Dispose() => _gitHubGate.Dispose();

    private static string OneLine(Exception e) => e.Message.ReplaceLineEndings(" ");

    /// <summary>Null when no repository or no credentials are configured (nothing to check).</summary>
    private async Task<ReadinessCheck?> GitHubAsync(CancellationToken cancellationToken)
    {
        var github = connection.Current(); // a change on the settings page is checked at once, not after the interval
        var hasCredentials = !string.IsNullOrEmpty(github.Token) || github.UsesApp;
        if (!hasCredentials || RepositoryName.Parse(github.Repository) is not { IsSuccess: true } repository)
        {
            return null;
        }

        await _gitHubGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow();
            if (_gitHub is { } last && ReferenceEquals(last.Asked, github) && now - last.At < GitHubCheckInterval)
            {
                return last.Check;
            }

            // One cheap list call (issues updated from now on: usually none) proves the token or app reads the repository.
            var client = services.GetRequiredService<GitHubClient>();
            var listed = await client.ListIssuesAsync(repository.Value, new IssueQuery(now), cancellationToken: cancellationToken).ConfigureAwait(false);
            var check = listed.IsSuccess
                ? new ReadinessCheck("github", true, $"credentials read {repository.Value}")
                : new ReadinessCheck("github", false, $"GitHub refused reading {repository.Value}: " + string.Join("; ", listed.Errors.Select(d => d.Message)));
            _gitHub = (now, github, check);
            return check;
        }
        finally
        {
            _gitHubGate.Release();
        }
    }
}
