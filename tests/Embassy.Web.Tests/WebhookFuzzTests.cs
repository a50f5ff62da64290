using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Embassy.Data.Entities;
using Embassy.Data.Tests;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Web.Tests;

/// <summary>
/// Issue #11: 10,000 signed but broken deliveries (truncated, random bytes, lone surrogates, NUL, long lines) in both
/// content types: never a 5xx, every refusal a problem document with a code, every accepted one processed or parked
/// with a reason, never stuck.
/// </summary>
public sealed class WebhookFuzzTests
{
    private const int Deliveries = 10_000;

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
        var refusals = new List<string>();

        for (var i = 0; i < Deliveries; i++)
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
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                refusals.Add(await response.Content.ReadAsStringAsync());
            }
        }

        await app.WaitUntilProcessedAsync();

        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Accepted or HttpStatusCode.BadRequest, s.ToString()));
        Assert.Contains(HttpStatusCode.Accepted, statuses);
        Assert.Contains(HttpStatusCode.BadRequest, statuses);
        await using var read = db.Context();
        var ends = await read.WebhookDeliveries.Select(d => d.Status).Distinct().ToListAsync();
        Assert.All(ends, s => Assert.Contains(s, new[] { WebhookDeliveryStatus.Done, WebhookDeliveryStatus.Parked, WebhookDeliveryStatus.Ignored }));
        Assert.Equal(statuses.Count(s => s == HttpStatusCode.Accepted), await read.WebhookDeliveries.CountAsync(d => d.DeliveryId.StartsWith("fuzz-")));
        Assert.DoesNotContain(await read.WebhookDeliveries.Where(d => d.Status == WebhookDeliveryStatus.Parked).Select(d => d.LastError).ToListAsync(), string.IsNullOrWhiteSpace);

        // Every refusal is a problem document GitHub's delivery log shows, with a code.
        Assert.All(refusals, body =>
        {
            using var problem = System.Text.Json.JsonDocument.Parse(body);
            Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("code").GetString()), body);
        });
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
