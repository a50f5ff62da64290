using System.Globalization;
using System.Net;
using System.Text.Json;
using Embassy.Data;
using Embassy.Data.Tests;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Web.Tests;

/// <summary>
/// Running it for real (issue #15): <c>/healthz</c> answers while the process runs, <c>/readyz</c> says whether this
/// instance can serve and, when not, why (the database, a missing migration, GitHub credentials), and <c>/metrics</c>
/// counts what happens in Prometheus format.
/// </summary>
public sealed class OperationsTests
{
    private static readonly Uri Ready = new("/readyz", UriKind.Relative);

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadyzAsync(EmbassySite site)
    {
        using var response = await site.CreateClient().GetAsync(Ready);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, body);
    }

    private static JsonElement Check(JsonElement body, string name) =>
        body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Readyz_EverythingInPlace_IsReady_WithTheDatabaseMigrationsAndGitHubChecked(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var github = await GitHubStandIn.GitHubStandIn.StartAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress, database: database);

        var (status, body) = await ReadyzAsync(site);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ready", body.GetProperty("status").GetString());
        Assert.Equal(["database", "migrations", "github"], body.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.All(body.GetProperty("checks").EnumerateArray(), c => Assert.True(c.GetProperty("ok").GetBoolean()));
        Assert.Contains(github.Requests, r => r.Path.EndsWith("/issues", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Readyz_AMigrationMissing_IsUnavailable_NamingIt(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var github = await GitHubStandIn.GitHubStandIn.StartAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress, database: database);
        Assert.Equal(HttpStatusCode.OK, (await ReadyzAsync(site)).Status);
        var latest = SchemaMigrator.LatestVersion(database.Provider);

        // As after restoring an older backup under a running instance: the newest migration is not in the history.
        await using (var db = database.Context())
        {
            Assert.Equal("__embassy_migrations", SchemaMigrator.HistoryTable);
            Assert.Equal(1, await db.Database.ExecuteSqlAsync($"DELETE FROM __embassy_migrations WHERE version = {latest};"));
        }

        var (status, body) = await ReadyzAsync(site);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unavailable", body.GetProperty("status").GetString());
        var migrations = Check(body, "migrations");
        Assert.False(migrations.GetProperty("ok").GetBoolean());
        Assert.Contains($"migration {latest:0000} not applied", migrations.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(Check(body, "database").GetProperty("ok").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Readyz_DatabaseGone_IsUnavailable_SayingSo_WhileHealthzStillAnswers(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var github = await GitHubStandIn.GitHubStandIn.StartAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress, database: database);
        Assert.Equal(HttpStatusCode.OK, (await ReadyzAsync(site)).Status);

        await TakeDownAsync(database);
        var (status, body) = await ReadyzAsync(site);
        using var health = await site.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var check = Check(body, "database");
        Assert.False(check.GetProperty("ok").GetBoolean());
        Assert.StartsWith("cannot reach the database: ", check.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Readyz_GitHubRefusesTheToken_IsUnavailable_NamingGitHub()
    {
        await using var github = await GitHubStandIn.GitHubStandIn.StartAsync(token: "another-token");
        await using var site = new EmbassySite(github.ApiBaseAddress);

        var (status, body) = await ReadyzAsync(site);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var check = Check(body, "github");
        Assert.False(check.GetProperty("ok").GetBoolean());
        Assert.StartsWith("GitHub refused reading phala/ambassadors: ", check.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(Check(body, "migrations").GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task Metrics_CountWebhookDeliveries_AcceptedDuplicateAndParked_InPrometheusFormat()
    {
        await using var site = new EmbassySite();
        var client = site.CreateClient();
        var before = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var id = Guid.NewGuid().ToString();

        // JSON, signed, but not the shape GitHub sends (an issue number as text): accepted, then parked by the worker; the
        // same id again is a duplicate.
        const string Broken = "{\"action\":\"opened\",\"repository\":{\"id\":1,\"full_name\":\"phala/ambassadors\"},\"issue\":{\"number\":\"one\"}}";
        using (var first = GitHubStandIn.GitHubStandIn.WebhookRequest(EmbassyWebApp.Endpoint, "secret", "issues", Broken, id))
        {
            Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(first)).StatusCode);
        }

        using (var again = GitHubStandIn.GitHubStandIn.WebhookRequest(EmbassyWebApp.Endpoint, "secret", "issues", Broken, id))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(again)).StatusCode);
        }

        var after = before;
        // The worker parks the delivery in the background; the exporter caches a scrape for 300 ms: ask until both show.
        for (var i = 0; i < 100 && (Count(after, "embassy_webhook_deliveries_total", "parked") <= Count(before, "embassy_webhook_deliveries_total", "parked")
            || !after.Contains("# TYPE http_server_request_duration_seconds histogram", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(100);
            after = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        }

        // Counters are process-wide and other tests deliver too: each outcome grew by at least this test's one.
        Assert.True(Count(after, "embassy_webhook_deliveries_total", "accepted") >= Count(before, "embassy_webhook_deliveries_total", "accepted") + 1, after);
        Assert.True(Count(after, "embassy_webhook_deliveries_total", "duplicate") >= Count(before, "embassy_webhook_deliveries_total", "duplicate") + 1, after);
        Assert.True(Count(after, "embassy_webhook_deliveries_total", "parked") >= Count(before, "embassy_webhook_deliveries_total", "parked") + 1, after);
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_AtAConfiguredPath_AndOffWhenDisabled()
    {
        await using var moved = new EmbassySite(settings: new Dictionary<string, string?> { ["Metrics:Path"] = "/internal/metrics" });
        await using var off = new EmbassySite(settings: new Dictionary<string, string?> { ["Metrics:Enabled"] = "false" });

        var at = await moved.CreateClient().GetAsync(new Uri("/internal/metrics", UriKind.Relative));
        var gone = await off.Browser().GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, at.StatusCode);
        Assert.Contains("# TYPE", await at.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, gone.StatusCode); // no such endpoint: the sign-in redirect of any unknown path
        Assert.DoesNotContain("# TYPE", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoBanner_NamesTheFolderInUse()
    {
        await using var site = new EmbassySite(settings: new Dictionary<string, string?> { ["Demo"] = "true", ["DemoSize:Members"] = "3", ["DemoSize:Months"] = "1" });

        var home = await site.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains($"live in their own database ({Path.Combine(site.DataDirectory, "demo")});", home, StringComparison.Ordinal);
    }

    /// <summary>The sum of a counter's samples with <c>outcome="…"</c> (0 before its first increment).</summary>
    internal static double Count(string prometheus, string name, string outcome) =>
        prometheus.Split('\n')
            .Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) && l.Contains($"outcome=\"{outcome}\"", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    /// <summary>Makes the database unreachable: PostgreSQL's is dropped; SQLite's folder is replaced by a plain file.</summary>
    private static async Task TakeDownAsync(TestDatabase database)
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            var server = Environment.GetEnvironmentVariable("EMBASSY_TEST_POSTGRES")!;
            await using var admin = new Npgsql.NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE {database.Name} WITH (FORCE);", admin);
            await drop.ExecuteNonQueryAsync();
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var folder = database.Options.DataDirectory;
        Directory.Delete(folder, recursive: true);
        await File.WriteAllTextAsync(folder, "not a folder");
    }
}
