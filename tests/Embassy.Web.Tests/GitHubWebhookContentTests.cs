using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Embassy.Data.Entities;
using Embassy.Data.Tests;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Embassy.Web.Tests;

/// <summary>Webhooks as GitHub sends them: both content types, the signature over the raw body, size caps, bad payloads.</summary>
public sealed class GitHubWebhookContentTests
{
    private const string Repo = EmbassyWebApp.Repo;

    // Characters that form encoding must carry exactly: '+', '&', '=', '%', line breaks, an emoji, non-Latin text.
    private const string TrickyBody = "- PHA Wallet Address: 41PLCEdup7XdUH4hsik4hyFoihDRYKfpN2K48jZH8ehL2tP2\r\nC++ & Rust = 100% 🎉 — 社区";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Webhook_FormEncoded_IsReadLikeJson_SignedOverTheFormBytes(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        await using var github = await GitHubStandIn.GitHubStandIn.StartAsync();
        await using var app = new EmbassyWebApp(db, github.ApiBaseAddress);
        github.AddIssue(Repo, "alice", "December 2024", TrickyBody);
        github.AddIssue(Repo, "bob", "December 2024", TrickyBody);

        var form = await app.DeliverAsync("issues", github.IssuesEventPayload("opened", Repo, 1), form: true);
        var json = await app.DeliverAsync("issues", github.IssuesEventPayload("opened", Repo, 2));
        var ping = await app.DeliverAsync("ping", "{\"zen\":\"Speak like a human.\",\"hook_id\":1}", form: true);
        await app.WaitUntilProcessedAsync();

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted), (form.StatusCode, json.StatusCode, ping.StatusCode));
        await using var read = db.Context();
        var bodies = await read.ReportVersions.OrderBy(v => v.Id).Select(v => v.Body).ToListAsync();
        Assert.Equal([TrickyBody, TrickyBody], bodies);
        var statuses = await read.WebhookDeliveries.OrderBy(d => d.Id).Select(d => d.Status).ToListAsync();
        Assert.Equal([WebhookDeliveryStatus.Done, WebhookDeliveryStatus.Done, WebhookDeliveryStatus.Ignored], statuses);
    }

    [Fact]
    public async Task Webhook_FormSignedOverTheDecodedJsonInsteadOfTheFormBytes_Is401()
    {
        await using var db = await TestDatabase.CreateMigratedAsync("sqlite");
        await using var github = await GitHubStandIn.GitHubStandIn.StartAsync();
        await using var app = new EmbassyWebApp(db, github.ApiBaseAddress);
        github.AddIssue(Repo, "alice", "December 2024", TrickyBody);
        var json = github.IssuesEventPayload("opened", Repo, 1);
        var overJson = Embassy.GitHub.WebhookSignature.Sign(EmbassyWebApp.Secret, Encoding.UTF8.GetBytes(json));

        var response = await app.DeliverAsync("issues", json, signature: overJson, form: true);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await using var read = db.Context();
        Assert.Equal(0, await read.WebhookDeliveries.CountAsync());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData(null)]
    public async Task Webhook_ContentTypeGitHubDoesNotSend_Is415(string? contentType)
    {
        await using var db = await TestDatabase.CreateMigratedAsync("sqlite");
        await using var github = await GitHubStandIn.GitHubStandIn.StartAsync();
        await using var app = new EmbassyWebApp(db, github.ApiBaseAddress);
        using var request = GitHubStandIn.GitHubStandIn.WebhookRequest(EmbassyWebApp.Endpoint, EmbassyWebApp.Secret, "ping", "{\"zen\":\"x\"}");
        request.Content!.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);

        using var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json", "{\"action\":\"opened\",\"issue\":")]
    [InlineData("json", "[1, 2, 3]")]
    [InlineData("json", "")]
    [InlineData("form", "not json at all")]
    [InlineData("form-without-payload", "{\"action\":\"opened\"}")]
    public async Task Webhook_SignedButNotAJsonObject_Is400_SoGitHubsLogShowsIt_AndNothingIsQueued(string kind, string text)
    {
        await using var db = await TestDatabase.CreateMigratedAsync("sqlite");
        await using var github = await GitHubStandIn.GitHubStandIn.StartAsync();
        await using var app = new EmbassyWebApp(db, github.ApiBaseAddress);
        HttpResponseMessage response;
        if (kind == "form-without-payload")
        {
            var body = "data=" + WebUtility.UrlEncode(text);
            using var request = GitHubStandIn.GitHubStandIn.WebhookRequest(EmbassyWebApp.Endpoint, EmbassyWebApp.Secret, "issues", text, form: true,
                signature: Embassy.GitHub.WebhookSignature.Sign(EmbassyWebApp.Secret, Encoding.ASCII.GetBytes(body)));
            request.Content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded");
            response = await app.CreateClient().SendAsync(request);
        }
        else
        {
            response = await app.DeliverAsync("issues", text, form: kind == "form");
        }

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var read = db.Context();
        Assert.Equal(0, await read.WebhookDeliveries.CountAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Webhook_LargerThanTheCap_Is413_WithOrWithoutContentLength(bool chunked)
    {
        await using var db = await TestDatabase.CreateMigratedAsync("sqlite");
        await using var github = await GitHubStandIn.GitHubStandIn.StartAsync();
        await using var app = new EmbassyWebApp(db, github.ApiBaseAddress, settings: new Dictionary<string, string?> { ["GitHub:WebhookMaxBytes"] = "65536" });
        var json = "{\"zen\":\"" + new string('z', 100_000) + "\"}";
        using var request = GitHubStandIn.GitHubStandIn.WebhookRequest(EmbassyWebApp.Endpoint, EmbassyWebApp.Secret, "ping", json);
        if (chunked)
        {
            request.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json))); // no Content-Length: sent chunked
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        using var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await using var read = db.Context();
        Assert.Equal(0, await read.WebhookDeliveries.CountAsync());
    }

    [Fact]
    public async Task Webhook_30MBChunkedOverARealSocket_Is413Not500()
    {
        // Kestrel's own limit (30,000,000 bytes) used to throw mid-read, which answered 500.
        await using var db = await TestDatabase.CreateMigratedAsync("sqlite");
        await using var github = await GitHubStandIn.GitHubStandIn.StartAsync();
        await using var app = new EmbassyWebApp(db, github.ApiBaseAddress);
        app.UseKestrel(0);
        app.StartServer();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var bytes = new byte[30 * 1024 * 1024];
        Array.Fill(bytes, (byte)' ');
        using var http = new HttpClient();
        using var request = GitHubStandIn.GitHubStandIn.WebhookRequest(new Uri(address, "/github/webhook"), EmbassyWebApp.Secret, "issues", "{}");
        request.Content = new StreamContent(new MemoryStream(bytes));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        HttpStatusCode status;
        try
        {
            using var response = await http.SendAsync(request);
            status = response.StatusCode;
        }
        catch (HttpRequestException)
        {
            // The server may answer 413 and close before the client has sent everything; the answer is then lost
            // to the client, but it was not a 500 (checked below through a small request on the same server).
            status = HttpStatusCode.RequestEntityTooLarge;
        }

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal(HttpStatusCode.Accepted, (await http.SendAsync(GitHubStandIn.GitHubStandIn.WebhookRequest(
            new Uri(address, "/github/webhook"), EmbassyWebApp.Secret, "ping", "{\"zen\":\"x\"}"))).StatusCode);
    }

    [Fact]
    public async Task Webhook_EventEmbassyDoesNotRead_IsCheckedAndAnswered_NotStored()
    {
        await using var db = await TestDatabase.CreateMigratedAsync("sqlite");
        await using var github = await GitHubStandIn.GitHubStandIn.StartAsync();
        await using var app = new EmbassyWebApp(db, github.ApiBaseAddress);

        var push = await app.DeliverAsync("push", "{\"ref\":\"refs/heads/main\"}");
        var forged = await app.DeliverAsync("push", "{\"ref\":\"refs/heads/main\"}", secret: "guessed");

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Unauthorized), (push.StatusCode, forged.StatusCode));
        Assert.Contains("ignored", await push.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var read = db.Context();
        Assert.Equal(0, await read.WebhookDeliveries.CountAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Webhook_HalfAnEmoji_IsStoredAsReplacementCharacter_InBothContentTypes(bool form)
    {
        await using var db = await TestDatabase.CreateMigratedAsync("sqlite");
        await using var github = await GitHubStandIn.GitHubStandIn.StartAsync();
        await using var app = new EmbassyWebApp(db, github.ApiBaseAddress);
        github.AddIssue(Repo, "alice", "December 2024", "half \ud83d an emoji");

        var response = await app.DeliverAsync("issues", github.IssuesEventPayload("opened", Repo, 1), form: form);
        await app.WaitUntilProcessedAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await using var read = db.Context();
        Assert.Equal("half \uFFFD an emoji", (await read.ReportVersions.SingleAsync()).Body);
        Assert.Contains(Embassy.Domain.Utf16Repair.Code, (await read.WebhookDeliveries.SingleAsync()).Notes, StringComparison.Ordinal);
    }
}
