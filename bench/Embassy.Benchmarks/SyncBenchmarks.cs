using System.Globalization;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Embassy.Application;
using Embassy.Data;
using Embassy.GitHub;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Benchmarks;

/// <summary>
/// A first sync of N report issues from the GitHub stand-in into an empty SQLite database (issue #16: "within 10× of
/// fetching the same pages raw"), beside its baseline in the same run: the same pages fetched over the same loopback
/// HTTP with a bare <see cref="HttpClient"/>, following <c>Link: rel="next"</c>, bodies read and dropped. Every
/// iteration syncs into a fresh copy of a migrated, empty database.
/// </summary>
/// <remarks>
/// In process (the stand-in, the database and the sync share the benchmark's process, as in the tests): the separate
/// build BenchmarkDotNet makes otherwise would rebuild the whole application, test stand-in included, past its time-out.
/// </remarks>
[Config(typeof(InProcessConfig))]
public partial class SyncBenchmarks : IDisposable
{
    private const string Repo = "phala/ambassadors";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "embassy-bench-sync-" + Guid.NewGuid().ToString("N")[..8]);
    private GitHubStandIn.GitHubStandIn _github = null!;
    private HttpClient _raw = null!;
    private string _template = null!;
    private string _work = null!;

    [Params(1_000, 10_000)]
    public int Issues { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _github = GitHubStandIn.GitHubStandIn.StartAsync().GetAwaiter().GetResult();
        for (var i = 1; i <= Issues; i++)
        {
            _github.AddIssue(Repo, "member" + i.ToString(CultureInfo.InvariantCulture), "December 2024 report", Body(i));
        }

        _raw = new HttpClient { BaseAddress = _github.ApiBaseAddress };
        _raw.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "standin-token");
        _raw.DefaultRequestHeaders.UserAgent.ParseAdd("embassy-bench");
        _template = Path.Combine(_root, "template");
        _work = Path.Combine(_root, "work");
        using (var db = Context(Options(_template)))
        {
            SchemaMigrator.MigrateAsync(db).GetAwaiter().GetResult();
        }

        SqliteConnection.ClearAllPools();
    }

    public void Dispose() => _raw?.Dispose();

    [GlobalCleanup]
    public void Cleanup()
    {
        _raw.Dispose();
        _github.DisposeAsync().AsTask().GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [IterationSetup]
    public void FreshCopy()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }

        Directory.CreateDirectory(_work);
        foreach (var file in Directory.GetFiles(_template))
        {
            File.Copy(file, Path.Combine(_work, Path.GetFileName(file)));
        }
    }

    /// <summary>The floor: the sync's list pages (the same query, 100 a page) fetched and read, nothing else.</summary>
    [Benchmark(Baseline = true)]
    public async Task<long> FetchPagesRaw()
    {
        long bytes = 0;
        string? next = "repos/" + Repo + "/issues?state=all&sort=updated&direction=desc&per_page=100";
        while (next is not null)
        {
            using var response = await _raw.GetAsync(new Uri(next, UriKind.RelativeOrAbsolute));
            response.EnsureSuccessStatusCode();
            bytes += (await response.Content.ReadAsByteArrayAsync()).Length;
            next = response.Headers.TryGetValues("Link", out var links) && NextLink().Match(string.Join(",", links)) is { Success: true } m
                ? m.Groups[1].Value
                : null;
        }

        return bytes;
    }

    /// <summary><c>embassy sync</c>'s use case, wired as the hosts wire it (no write-back: no token to comment with).</summary>
    [Benchmark]
    public async Task<int> Sync()
    {
        var options = Options(_work);
        using var handler = GitHubClient.CreateHandler();
        using var http = new HttpClient(handler, disposeHandler: false);
        var client = new GitHubClient(http, new GitHubOptions { ApiBaseAddress = _github.ApiBaseAddress, Token = "standin-token" }, TimeProvider.System);
        var sync = new IssueSync(new Factory(options), client, new ReportStore(new ParserReportIntake(), TimeProvider.System), new DatabaseWorkLock(options), TimeProvider.System);
        var result = await sync.SyncAsync(RepositoryName.Of(Repo));
        return result.IsSuccess && result.Value.New == Issues
            ? result.Value.New
            : throw new InvalidOperationException(string.Join("; ", result.Diagnostics));
    }

    [GeneratedRegex("<([^>]+)>; rel=\"next\"")]
    private static partial Regex NextLink();

    private static string Body(int i) => $"""
        1. Personal info:
        - Amb rank: Ambassador
        - PHA Wallet Address: 41PLCEdup7XdUH4hsik4hyFoihDRYKfpN2K48jZH8ehL2tP2
        - Departments: [CM]/[MK]

        2. Departments:
        · CM:
        - Moderated the group, day {i}.
        · MK:
        - Posted https://x.com/someone/status/1866000000000000000

        4. Suggested scores:
        - [CM] 30/40
        - [MK] 28/40
        """;

    private static DatabaseOptions Options(string directory) => new() { Provider = "sqlite", DataDirectory = directory };

    private static EmbassyDbContext Context(DatabaseOptions options)
    {
        var builder = new DbContextOptionsBuilder<EmbassyDbContext>();
        options.Apply(builder);
        return new EmbassyDbContext(builder.Options);
    }

    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig()
        {
            // Ten warm-ups: a sync calls most of its code a few times a page, and .NET runs a method unoptimised until
            // its 30th call (tiered compilation), so one warm-up measured first-tier code (the close benchmark's finding).
            AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true))
                .WithLaunchCount(1).WithWarmupCount(10).WithIterationCount(5).WithInvocationCount(1).WithUnrollFactor(1));
            AddDiagnoser(MemoryDiagnoser.Default);
        }
    }

    private sealed class Factory(DatabaseOptions options) : IDbContextFactory<EmbassyDbContext>
    {
        public EmbassyDbContext CreateDbContext() => Context(options);
    }
}
