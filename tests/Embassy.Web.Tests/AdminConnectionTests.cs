using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Embassy.Application;
using Embassy.Data.Tests;
using Embassy.GitHub;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Web.Tests;

/// <summary>
/// The GitHub connection set on /admin/connection (issue #15): stored encrypted, used by sync, webhook intake and
/// write-back at once (no restart, every instance), configuration winning value by value, and a connection test that
/// asks the GitHub stand-in what works.
/// </summary>
public sealed partial class AdminConnectionTests
{
    private const string Page = "/admin/connection";

    /// <summary>Nothing about GitHub in configuration but where it is (the stand-in).</summary>
    private static Dictionary<string, string?> Unconfigured() => new()
    {
        ["GitHub:Token"] = null,
        ["GitHub:Repository"] = null,
        ["GitHub:WebhookSecret"] = null,
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SavedConnection_SyncAndWebhooksUseIt_WithoutARestart(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var github = await GitHubStandIn.GitHubStandIn.StartAsync(token: "page-token");
        github.AddIssue(EmbassySite.Repo, "alice", "October 2026 Contribution - alice", MonthCloseTests.ReportBody(["CM"], EmbassySite.AddressFor(1)));
        await using var site = new EmbassySite(github.ApiBaseAddress, Unconfigured(), database);
        var admin = await site.SignInAsAdminAsync();
        var api = await site.ApiAsAsync(Roles.Admin);

        // Before: no repository to sync, every delivery refused.
        Assert.False((await api.PostAsync("/api/admin/sync", null)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await DeliverPingAsync(site.CreateClient(), "anything")).StatusCode);

        var saved = await EmbassySite.PostFormAsync(admin, Page, new Dictionary<string, string>
        {
            ["repository"] = EmbassySite.Repo,
            ["token"] = "page-token",
            ["writeBack"] = "off",
            ["newWebhookSecret"] = "true",
        }, "/admin/connection?handler=save");
        var html = await saved.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var secret = SecretValue().Match(html).Groups[1].Value;
        Assert.Equal(64, secret.Length);

        // Shown once: the page never shows it again. Stored encrypted: neither secret is in the row as written.
        var later = await admin.GetStringAsync(Page);
        Assert.DoesNotContain(secret, later, StringComparison.Ordinal);
        Assert.Contains("set on this page", later, StringComparison.Ordinal);
        await using (var db = database.Context())
        {
            var row = await db.GitHubConnections.SingleAsync();
            Assert.Equal(EmbassySite.Repo, row.Repository);
            Assert.NotNull(row.Token);
            Assert.DoesNotContain("page-token", row.Token, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, row.WebhookSecret!, StringComparison.Ordinal);
            Assert.False(row.WriteBack);
        }

        // The same host, no restart: the sync reads the stored repository with the stored token (the stand-in refuses any
        // other), and the webhook takes the new secret and refuses others.
        var synced = await api.PostAsync("/api/admin/sync", null);
        Assert.True(synced.IsSuccessStatusCode, await synced.Content.ReadAsStringAsync());
        Assert.Contains("\"new\":1", await synced.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await DeliverPingAsync(site.CreateClient(), secret)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await DeliverPingAsync(site.CreateClient(), "secret")).StatusCode);
        Assert.False(site.Service<GitHubOptions>().WriteBackEnabled);

        if (provider == "postgres")
        {
            // Another instance on the database (the key ring is shared there) follows at once.
            await using var other = new EmbassySite(github.ApiBaseAddress, Unconfigured(), database);
            Assert.True((await DeliverPingAsync(other.CreateClient(), secret)).IsSuccessStatusCode);
            Assert.Equal(EmbassySite.Repo, other.Service<GitHubOptions>().Repository);
        }
    }

    [Fact]
    public async Task EnvironmentValues_WinOverTheStoredOnes_AndThePageSaysSo()
    {
        await using var github = await GitHubStandIn.GitHubStandIn.StartAsync();
        var settings = Unconfigured();
        settings["GitHub:Repository"] = EmbassySite.Repo; // the environment names the repository; nothing else
        await using var site = new EmbassySite(github.ApiBaseAddress, settings);
        var admin = await site.SignInAsAdminAsync();

        var saved = await EmbassySite.PostFormAsync(admin, Page, new Dictionary<string, string>
        {
            ["repository"] = "someone/else",
            ["token"] = "standin-token",
        }, "/admin/connection?handler=save");
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var options = site.Service<GitHubOptions>();
        Assert.Equal(EmbassySite.Repo, options.Repository);
        Assert.Equal("standin-token", options.Token); // not in the environment: the stored one counts
        var html = await admin.GetStringAsync(Page);
        Assert.Matches("data-source=\"repository\">phala/ambassadors — from the environment", html);
        Assert.Matches("data-source=\"credentials\">a token — set on this page", html);
    }

    [Fact]
    public async Task TestConnection_SaysWhatWorks()
    {
        await using var github = await GitHubStandIn.GitHubStandIn.StartAsync(token: "page-token");
        github.CanWrite = false;
        await using var site = new EmbassySite(github.ApiBaseAddress, Unconfigured());
        var admin = await site.SignInAsAdminAsync();
        await EmbassySite.PostFormAsync(admin, Page, new Dictionary<string, string> { ["repository"] = EmbassySite.Repo, ["token"] = "page-token" }, "/admin/connection?handler=save");

        var readOnly = await (await EmbassySite.PostFormAsync(admin, Page, new Dictionary<string, string>(), "/admin/connection?handler=test")).Content.ReadAsStringAsync();
        Assert.Equal(
            [("repository", "yes"), ("issues", "yes"), ("webhook secret", "no"), ("write-back", "no")],
            Checks(readOnly));
        Assert.Contains("may only read", readOnly, StringComparison.Ordinal);

        github.CanWrite = true;
        await EmbassySite.PostFormAsync(admin, Page, new Dictionary<string, string> { ["repository"] = EmbassySite.Repo, ["newWebhookSecret"] = "true" }, "/admin/connection?handler=save");
        var writable = await (await EmbassySite.PostFormAsync(admin, Page, new Dictionary<string, string>(), "/admin/connection?handler=test")).Content.ReadAsStringAsync();
        Assert.Equal([("repository", "yes"), ("issues", "yes"), ("webhook secret", "yes"), ("write-back", "yes")], Checks(writable));

        await EmbassySite.PostFormAsync(admin, Page, new Dictionary<string, string> { ["repository"] = EmbassySite.Repo, ["token"] = "a-wrong-token" }, "/admin/connection?handler=save");
        var refused = await (await EmbassySite.PostFormAsync(admin, Page, new Dictionary<string, string>(), "/admin/connection?handler=test")).Content.ReadAsStringAsync();
        Assert.Equal([("repository", "no"), ("issues", "no"), ("webhook secret", "yes"), ("write-back", "no")], Checks(refused));
    }

    [Fact]
    public async Task Save_BadRepositoryOrIncompleteApp_IsRefusedAndStoresNothing()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var site = new EmbassySite(settings: Unconfigured(), database: database);
        var admin = await site.SignInAsAdminAsync();

        var bad = await (await EmbassySite.PostFormAsync(admin, Page, new Dictionary<string, string> { ["repository"] = "not a repository" }, "/admin/connection?handler=save")).Content.ReadAsStringAsync();
        var app = await (await EmbassySite.PostFormAsync(admin, Page, new Dictionary<string, string> { ["repository"] = EmbassySite.Repo, ["appId"] = "12" }, "/admin/connection?handler=save")).Content.ReadAsStringAsync();

        Assert.Contains(GitHubConnection.Invalid, bad, StringComparison.Ordinal);
        Assert.Contains("needs its id, its installation id and its private key", app, StringComparison.Ordinal);
        await using var db = database.Context();
        Assert.Equal(0, await db.GitHubConnections.CountAsync());
    }

    [Fact]
    public async Task BackgroundSyncAndReadiness_FollowASavedConnection_WithoutARestart()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var github = await GitHubStandIn.GitHubStandIn.StartAsync(token: "page-token");
        github.AddIssue(EmbassySite.Repo, "alice", "October 2026 Contribution - alice", MonthCloseTests.ReportBody(["CM"], EmbassySite.AddressFor(1)));
        var settings = Unconfigured();
        settings["GitHub:SyncInterval"] = "00:00:01";
        await using var site = new EmbassySite(github.ApiBaseAddress, settings, database);
        var client = site.CreateClient();
        Assert.DoesNotContain("\"github\"", await client.GetStringAsync("/readyz"), StringComparison.Ordinal); // nothing to check yet

        // A wrong token first: readiness says so at once (its check is not kept across a change of the connection).
        var connection = site.Service<GitHubConnection>();
        Assert.True((await connection.SaveAsync(new GitHubConnectionInput(EmbassySite.Repo, "a-wrong-token", null, null, null, null, false), "root")).IsSuccess);
        using (var refused = await client.GetAsync("/readyz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Contains("GitHub refused reading phala/ambassadors", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.True((await connection.SaveAsync(new GitHubConnectionInput(EmbassySite.Repo, "page-token", null, null, null, null, false), "root")).IsSuccess);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);

        // The background sync, started with nothing to sync, takes the repository up at its next round.
        var until = DateTime.UtcNow.AddSeconds(30);
        var reports = 0;
        while (reports == 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(200);
            await using var db = database.Context();
            reports = await db.Reports.CountAsync();
        }

        Assert.Equal(1, reports);
    }

    [Fact]
    public async Task Save_WithoutTheAntiForgeryToken_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var site = new EmbassySite(settings: Unconfigured(), database: database);
        var admin = await site.SignInAsAdminAsync();

        using var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["repository"] = "attacker/repo", ["token"] = "theirs" });
        var answer = await admin.PostAsync("/admin/connection?handler=save", forged);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        await using var db = database.Context();
        Assert.Equal(0, await db.GitHubConnections.CountAsync());
    }

    private static (string, string)[] Checks(string html) =>
        CheckLine().Matches(html).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToArray();

    private static async Task<HttpResponseMessage> DeliverPingAsync(HttpClient client, string secret)
    {
        const string Json = "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1}";
        var body = Encoding.UTF8.GetBytes(Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/github/webhook") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secret, body));
        request.Headers.Add("X-GitHub-Event", "ping");
        request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    [GeneratedRegex("<code id=\"secret-value\">([0-9a-f]+)</code>")]
    private static partial Regex SecretValue();

    [GeneratedRegex("data-check=\"([a-z -]+)\" data-works=\"([a-z]+)\"")]
    private static partial Regex CheckLine();
}
