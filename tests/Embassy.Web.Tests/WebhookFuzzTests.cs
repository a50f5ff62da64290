using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Embassy.Data.Entities;
using Embassy.Data.Tests;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Web.Tests;

/// <summary>Signed but broken deliveries (truncated, random bytes, lone surrogates, NUL, long lines): never a 5xx, never stuck.</summary>
public sealed class WebhookFuzzTests
{
    [Fact]
    public async Task Webhook_FuzzedSignedBodies_Answer2xxOr4xx_AndEveryDeliveryEndsProcessed()
    {
        await using var db = await TestDatabase.CreateMigratedAsync("sqlite");
        await using var github = await GitHubStandIn.GitHubStandIn.StartAsync();
        await using var app = new EmbassyWebApp(db, github.ApiBaseAddress);
        github.AddIssue(EmbassyWebApp.Repo, "alice", "December 2024", "- PHA Wallet Address: 41PLCEdup7XdUH4hsik4hyFoihDRYKfpN2K48jZH8ehL2tP2\n- [CM] 30/40");
        var good = Encoding.UTF8.GetBytes(github.IssuesEventPayload("opened", EmbassyWebApp.Repo, 1));
        var random = new Random(11);
        var client = app.CreateClient();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 400; i++)
        {
            var body = Mutate(good, random, i % 5);
            var form = i % 2 == 1;
            var bytes = form ? Encoding.ASCII.GetBytes("payload=" + WebUtility.UrlEncode(Encoding.UTF8.GetString(body))) : body;
            using var request = GitHubStandIn.GitHubStandIn.WebhookRequest(EmbassyWebApp.Endpoint, EmbassyWebApp.Secret, "issues", "{}", deliveryId: "fuzz-" + i,
                signature: Embassy.GitHub.WebhookSignature.Sign(EmbassyWebApp.Secret, bytes));
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(form ? "application/x-www-form-urlencoded" : "application/json");
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        await app.WaitUntilProcessedAsync();

        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Accepted or HttpStatusCode.BadRequest, s.ToString()));
        Assert.Contains(HttpStatusCode.Accepted, statuses);
        Assert.Contains(HttpStatusCode.BadRequest, statuses);
        await using var read = db.Context();
        var ends = await read.WebhookDeliveries.Select(d => d.Status).Distinct().ToListAsync();
        Assert.All(ends, s => Assert.Contains(s, new[] { WebhookDeliveryStatus.Done, WebhookDeliveryStatus.Parked, WebhookDeliveryStatus.Ignored }));
        Assert.Equal(HttpStatusCode.OK, await app.HealthAsync());
    }

    private static byte[] Mutate(byte[] good, Random random, int kind)
    {
        var text = Encoding.UTF8.GetString(good);
        var at = text.IndexOf("- PHA", StringComparison.Ordinal) + random.Next(0, 40);
        return kind switch
        {
            0 => good[..random.Next(1, good.Length)], // truncated
            1 => good.Select(b => random.Next(60) == 0 ? (byte)random.Next(256) : b).ToArray(), // random bytes
            2 => Encoding.UTF8.GetBytes(text.Insert(at, random.Next(2) == 0 ? "\\ud83d" : "\\udc00\\ud800")), // lone surrogates
            3 => Encoding.UTF8.GetBytes(text.Insert(at, "\\u0000\u0001")), // NUL and control characters
            _ => Encoding.UTF8.GetBytes(text.Insert(at, new string('x', 200_000))), // a very long line
        };
    }
}
