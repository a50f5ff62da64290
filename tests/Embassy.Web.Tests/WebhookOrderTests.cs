using System.Text;
using Embassy.Data.Entities;
using Embassy.Data.Tests;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Web.Tests;

/// <summary>
/// Order: GitHub delivers late, out of order and again (redeliveries). Replaying the octokit/webhooks <c>issues</c>
/// actions shuffled and twice, in both content types, must leave what delivering them once in order leaves.
/// </summary>
public sealed class WebhookOrderTests
{
    private const string Repo = EmbassyWebApp.Repo;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task IssuesEvents_OutOfOrderAndReplayed_InBothContentTypes_LeaveTheStateOfOneInOrderDelivery(string provider)
    {
        await using var github = await GitHubStandIn.GitHubStandIn.StartAsync();
        var events = Story(github);

        var inOrder = await DeliverAsync(provider, github, events.Select((e, i) => (e, $"d-{i}", false)).ToList());
        var inOrderAsForms = await DeliverAsync(provider, github, events.Select((e, i) => (e, $"d-{i}", true)).ToList());

        var random = new Random(11);
        var replayed = events.Select((e, i) => (e, $"d-{i}", i % 2 == 0))
            .Concat(events.Select((e, i) => (e, i % 3 == 0 ? $"d-{i}" : $"redelivery-{i}", i % 2 == 1))) // same id: a duplicate; new id: applied again
            .OrderBy(_ => random.Next()).ToList();
        var shuffled = await DeliverAsync(provider, github, replayed);

        Assert.Equal(inOrder, inOrderAsForms);
        Assert.Equal(inOrder, shuffled);

        // and the state is GitHub's final one, not just the same wrong one three times
        Assert.Contains("#1 open present [question] h:" + Hash(github.Issue(Repo, 1)), inOrder, StringComparison.Ordinal);
        Assert.Contains("#2 open deleted", inOrder, StringComparison.Ordinal);
        Assert.Contains("#3 open transferred", inOrder, StringComparison.Ordinal);
        Assert.Contains("#4 closed present [invalid]", inOrder, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LateOpened_AfterEditedAndClosed_NeitherReopensNorAddsAVersion_AndALateEventKeepsADeletedReportDeleted()
    {
        await using var db = await TestDatabase.CreateMigratedAsync("sqlite");
        await using var github = await GitHubStandIn.GitHubStandIn.StartAsync();
        await using var app = new EmbassyWebApp(db, github.ApiBaseAddress);
        github.AddIssue(Repo, "alice", "December 2024", "old text");
        github.AddIssue(Repo, "bob", "December 2024", "bob's text");
        var opened = github.IssuesEventPayload("opened", Repo, 1);
        var bobOpened = github.IssuesEventPayload("opened", Repo, 2);
        github.EditIssue(Repo, 1, body: "new text");
        var edited = github.IssuesEventPayload("edited", Repo, 1);
        github.CloseIssue(Repo, 1);
        var closed = github.IssuesEventPayload("closed", Repo, 1);
        github.DeleteIssue(Repo, 2);
        var deleted = github.IssuesEventPayload("deleted", Repo, 2);

        await app.DeliverAsync("issues", edited);
        await app.DeliverAsync("issues", closed);
        await app.DeliverAsync("issues", deleted);
        await app.WaitUntilProcessedAsync();
        await app.DeliverAsync("issues", opened); // late
        await app.DeliverAsync("issues", bobOpened); // late, about a deleted issue
        await app.WaitUntilProcessedAsync();

        await using var read = db.Context();
        var alice = await read.Reports.Include(r => r.Versions).SingleAsync(r => r.IssueNumber == 1);
        Assert.Equal(("closed", 1, "new text"), (alice.IssueState, alice.Versions.Count, alice.Versions.Single().Body));
        Assert.Equal(ReportPresence.Deleted, (await read.Reports.SingleAsync(r => r.IssueNumber == 2)).Presence);
        Assert.Equal(0, await read.AuditLog.CountAsync(a => a.Action == "report.edited"));
    }

    /// <summary>What happens on GitHub, with the payload of each event taken when it happened.</summary>
    private static List<(string Event, string Json)> Story(GitHubStandIn.GitHubStandIn github)
    {
        var events = new List<(string, string)>();
        void Issues(string action, int number) => events.Add(("issues", github.IssuesEventPayload(action, Repo, number)));
        const string Body = "- PHA Wallet Address: 41PLCEdup7XdUH4hsik4hyFoihDRYKfpN2K48jZH8ehL2tP2\n- Departments: [CM]/[MK]\n\n- [CM] 30/40\n- [MK] 20/40";

        github.AddIssue(Repo, "alice", "December 2024", Body);
        Issues("opened", 1);
        github.AddIssue(Repo, "bob", "December 2024", Body);
        Issues("opened", 2);
        github.EditIssue(Repo, 1, body: Body + "\n- [CC] 10/40");
        Issues("edited", 1);
        github.LabelIssue(Repo, 1, "question");
        Issues("labeled", 1);
        github.AddIssue(Repo, "carol", "December 2024", Body);
        Issues("opened", 3);
        github.CloseIssue(Repo, 1);
        Issues("closed", 1);
        github.DeleteIssue(Repo, 2);
        Issues("deleted", 2);
        github.ReopenIssue(Repo, 1);
        Issues("reopened", 1);
        github.EditIssue(Repo, 3, title: "December 2024 (fixed)");
        Issues("edited", 3);
        github.AddIssue(Repo, "dave", "November 2024", Body);
        Issues("opened", 4);
        github.EditIssue(Repo, 1, body: Body + "\n- [CC] 12/40 (corrected)");
        Issues("edited", 1);
        github.TransferIssue(Repo, 3, "phala/archive");
        Issues("transferred", 3);
        github.LabelIssue(Repo, 4, "invalid");
        Issues("labeled", 4);
        github.CloseIssue(Repo, 4);
        Issues("closed", 4);
        events.Add(("issue_comment", github.IssueCommentEventPayload("created", Repo, 1, "reviewer", "Thanks!")));
        return events;
    }

    private static async Task<string> DeliverAsync(string provider, GitHubStandIn.GitHubStandIn github, IReadOnlyList<((string Event, string Json) Delivery, string Id, bool Form)> deliveries)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        await using var app = new EmbassyWebApp(db, github.ApiBaseAddress, processQueue: false);
        foreach (var (delivery, id, form) in deliveries)
        {
            var response = await app.DeliverAsync(delivery.Event, delivery.Json, deliveryId: id, form: form);
            Assert.True(response.IsSuccessStatusCode, $"{id}: {(int)response.StatusCode}");
        }

        // One worker processes the queue in arrival order, as in production.
        await using (var db2 = db.Context())
        {
            Assert.Equal(deliveries.Select(d => d.Id).Distinct().Count(), await db2.WebhookDeliveries.CountAsync());
        }

        await using var worker = new EmbassyWebApp(db, github.ApiBaseAddress);
        _ = worker.Server;
        await worker.WaitUntilProcessedAsync();
        return await DumpAsync(db);
    }

    private static async Task<string> DumpAsync(TestDatabase database)
    {
        await using var db = database.Context();
        var sb = new StringBuilder();
        foreach (var r in await db.Reports.OrderBy(r => r.IssueNumber).ToListAsync())
        {
            var latest = await db.ReportVersions.SingleAsync(v => v.ReportId == r.Id && v.Number == r.LatestVersion);
            sb.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
                $"{r.Repository}#{r.IssueNumber} {r.IssueState} {r.Presence} [{r.Labels.Replace('\n', ',')}] h:{latest.ContentHash} {r.GitHubIssueId} {r.AuthorLogin} {r.UpdatedAt:O} {r.Period} {r.HtmlUrl}");
        }

        Assert.Equal(0, await db.WebhookDeliveries.CountAsync(d => d.Status == WebhookDeliveryStatus.Parked || d.Status == WebhookDeliveryStatus.Failed));
        return sb.ToString();
    }

    private static string Hash(GitHubStandIn.StandInIssue issue) => Embassy.Application.ReportStore.ContentHash(issue.Title, issue.Body ?? string.Empty);
}
