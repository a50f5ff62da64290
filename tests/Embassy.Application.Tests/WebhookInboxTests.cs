using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Data.Tests;
using Embassy.GitHub;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application.Tests;

/// <summary>The durable queue itself: dedup, retries of failing deliveries, turn-taking with sync.</summary>
public sealed class WebhookInboxTests
{
    private static WebhookInbox Inbox(SyncHarness h) => new(
        h.Database.Factory(), h.Store(), new DatabaseWorkLock(h.Database.Options), h.DataClock, new GitHubOptions { Repository = SyncHarness.Repo });

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Receive_SameDeliveryTwice_IsStoredOnce(string provider)
    {
        await using var h = await SyncHarness.StartAsync(provider);
        var inbox = Inbox(h);

        var first = await inbox.ReceiveAsync("abc", "ping", "{}");
        var second = await inbox.ReceiveAsync("abc", "ping", "{}");

        Assert.Equal((WebhookReceipt.Queued, WebhookReceipt.Duplicate), (first, second));
        await using var db = h.Database.Context();
        Assert.Equal(1, await db.WebhookDeliveries.CountAsync());
    }

    [Fact]
    public async Task Process_TenBadDeliveriesAhead_AreParkedAtOnce_AndTheValidOneBehindIsProcessedInTheSameRound()
    {
        await using var h = await SyncHarness.StartAsync("sqlite");
        h.GitHub.AddIssue(SyncHarness.Repo, "alice", "December 2024", "a");
        var inbox = Inbox(h);
        for (var i = 0; i < 5; i++)
        {
            await inbox.ReceiveAsync("not-json-" + i, "issues", "{\"action\":\"opened\",\"issue\":");
            await inbox.ReceiveAsync("bad-shape-" + i, "issues", "{\"action\":\"opened\",\"issue\":{\"id\":1},\"repository\":{\"full_name\":\"phala/ambassadors\"}}");
        }

        await inbox.ReceiveAsync("good", "issues", h.GitHub.IssuesEventPayload("opened", SyncHarness.Repo, 1));

        var handled = await inbox.ProcessPendingAsync(); // no exception, no second round needed

        Assert.Equal(11, handled);
        await using var db = h.Database.Context();
        var rows = await db.WebhookDeliveries.OrderBy(d => d.Id).ToListAsync();
        Assert.All(rows.Take(10), r => Assert.Equal((WebhookDeliveryStatus.Parked, 1), (r.Status, r.Attempts)));
        Assert.All(rows.Take(10), r => Assert.NotNull(r.LastError));
        Assert.Equal(WebhookDeliveryStatus.Done, rows[^1].Status);
        Assert.Equal(1, await db.Reports.CountAsync());
        Assert.Equal(0, await inbox.ProcessPendingAsync()); // parked deliveries are not retried
    }

    [Fact]
    public async Task Process_PassingFailure_IsRetriedWithBackoff_WithoutHoldingUpTheDeliveriesBehindIt()
    {
        await using var h = await SyncHarness.StartAsync("sqlite");
        h.GitHub.AddIssue(SyncHarness.Repo, "alice", "December 2024", "a");
        h.GitHub.AddIssue(SyncHarness.Repo, "bob", "December 2024", "b");
        var intake = new FlakyIntake("alice", failures: WebhookInbox.MaxAttempts - 2);
        var inbox = new WebhookInbox(h.Database.Factory(), new ReportStore(intake, h.DataClock), new DatabaseWorkLock(h.Database.Options), h.DataClock,
            new GitHubOptions { Repository = SyncHarness.Repo });
        await inbox.ReceiveAsync("alice", "issues", h.GitHub.IssuesEventPayload("opened", SyncHarness.Repo, 1));
        await inbox.ReceiveAsync("bob", "issues", h.GitHub.IssuesEventPayload("opened", SyncHarness.Repo, 2));

        Assert.Equal(2, await inbox.ProcessPendingAsync());
        Assert.Equal(0, await inbox.ProcessPendingAsync()); // alice waits out her back-off; nothing is retried early
        await using (var db = h.Database.Context())
        {
            var alice = await db.WebhookDeliveries.SingleAsync(d => d.DeliveryId == "alice");
            Assert.Equal((WebhookDeliveryStatus.Queued, 1, h.DataClock.GetUtcNow() + WebhookInbox.Backoff(1)), (alice.Status, alice.Attempts, alice.NotBefore));
            Assert.Equal(WebhookDeliveryStatus.Done, (await db.WebhookDeliveries.SingleAsync(d => d.DeliveryId == "bob")).Status);
            Assert.Equal(["bob"], await db.Reports.Select(r => r.AuthorLogin).ToListAsync());
        }

        var waits = new List<TimeSpan>();
        for (var round = 0; round < 10 && intake.Calls < WebhookInbox.MaxAttempts; round++)
        {
            await using var db = h.Database.Context();
            var row = await db.WebhookDeliveries.SingleAsync(d => d.DeliveryId == "alice");
            if (row.Status != WebhookDeliveryStatus.Queued)
            {
                break;
            }

            waits.Add(row.NotBefore!.Value - h.DataClock.GetUtcNow());
            h.DataClock.Advance(row.NotBefore!.Value - h.DataClock.GetUtcNow());
            await inbox.ProcessPendingAsync();
        }

        Assert.Equal([WebhookInbox.Backoff(1), WebhookInbox.Backoff(2), WebhookInbox.Backoff(3)], waits); // exponential: 15 s, 30 s, 60 s
        await using var after = h.Database.Context();
        Assert.Equal(WebhookDeliveryStatus.Done, (await after.WebhookDeliveries.SingleAsync(d => d.DeliveryId == "alice")).Status);
        Assert.Equal(2, await after.Reports.CountAsync());
    }

    [Fact]
    public async Task Process_PassingFailureEveryTime_IsSetAsideAsFailedAfterMaxAttempts()
    {
        await using var h = await SyncHarness.StartAsync("sqlite");
        h.GitHub.AddIssue(SyncHarness.Repo, "alice", "December 2024", "a");
        var inbox = new WebhookInbox(h.Database.Factory(), new ReportStore(new FlakyIntake("alice", failures: 100), h.DataClock),
            new DatabaseWorkLock(h.Database.Options), h.DataClock, new GitHubOptions { Repository = SyncHarness.Repo });
        await inbox.ReceiveAsync("alice", "issues", h.GitHub.IssuesEventPayload("opened", SyncHarness.Repo, 1));

        for (var i = 0; i < WebhookInbox.MaxAttempts; i++)
        {
            await inbox.ProcessPendingAsync();
            h.DataClock.Advance(TimeSpan.FromHours(2));
        }

        await using var db = h.Database.Context();
        var row = await db.WebhookDeliveries.SingleAsync();
        Assert.Equal((WebhookDeliveryStatus.Failed, WebhookInbox.MaxAttempts), (row.Status, row.Attempts));
        Assert.Contains("TimeoutException", row.LastError, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Prune_DeletesOldDeliveries_EmptiesOldIgnoredPayloads_AndLeavesTheQueueAlone(string provider)
    {
        await using var h = await SyncHarness.StartAsync(provider);
        h.GitHub.AddIssue(SyncHarness.Repo, "alice", "December 2024", "a");
        var options = new GitHubOptions { Repository = SyncHarness.Repo, WebhookRetention = TimeSpan.FromDays(30), IgnoredPayloadRetention = TimeSpan.FromDays(1) };
        var inbox = new WebhookInbox(h.Database.Factory(), h.Store(), new DatabaseWorkLock(h.Database.Options), h.DataClock, options);
        await inbox.ReceiveAsync("old-done", "issues", h.GitHub.IssuesEventPayload("opened", SyncHarness.Repo, 1));
        await inbox.ReceiveAsync("old-ping", "ping", "{\"zen\":\"Design for failure.\"}");
        await inbox.ProcessPendingAsync();
        h.DataClock.Advance(TimeSpan.FromDays(2));
        await inbox.ReceiveAsync("ping", "ping", "{\"zen\":\"Half measures are as bad as nothing at all.\"}");
        await inbox.ProcessPendingAsync();

        Assert.Equal(0, await inbox.PruneAsync());
        await using (var db = h.Database.Context())
        {
            var payloads = await db.WebhookDeliveries.OrderBy(d => d.Id).Select(d => d.Payload.Length).ToListAsync();
            Assert.Equal(0, payloads[1]); // the old ping's payload is gone, its record stays
            Assert.All([payloads[0], payloads[2]], n => Assert.True(n > 0));
        }

        h.DataClock.Advance(TimeSpan.FromDays(29));
        await inbox.ReceiveAsync("queued", "issues", h.GitHub.IssuesEventPayload("edited", SyncHarness.Repo, 1));
        Assert.Equal(2, await inbox.PruneAsync());

        await using var after = h.Database.Context();
        Assert.Equal(["ping", "queued"], await after.WebhookDeliveries.OrderBy(d => d.Id).Select(d => d.DeliveryId).ToListAsync());
        Assert.Equal(1, await after.Reports.CountAsync()); // pruning deliveries never touches what they stored
    }

    [Fact]
    public async Task Receive_HalfAnEmoji_IsReadAsReplacementCharacter_WithANote()
    {
        await using var h = await SyncHarness.StartAsync("sqlite");
        h.GitHub.AddIssue(SyncHarness.Repo, "alice", "December 2024 \ud83d", "Great month \ud83d\ude00 and half \ud83d.");
        var json = h.GitHub.IssuesEventPayload("opened", SyncHarness.Repo, 1);
        Assert.Contains("\\ud83d.", json, StringComparison.Ordinal); // the stand-in sends it as GitHub does
        var inbox = Inbox(h);

        await inbox.ReceiveAsync("d1", "issues", json);
        await inbox.ProcessPendingAsync();

        await using var db = h.Database.Context();
        var delivery = await db.WebhookDeliveries.SingleAsync();
        Assert.Equal(WebhookDeliveryStatus.Done, delivery.Status);
        Assert.Contains(Embassy.Domain.Utf16Repair.Code, delivery.Notes, StringComparison.Ordinal);
        var version = await db.ReportVersions.SingleAsync();
        Assert.Equal(("December 2024 \uFFFD", "Great month \ud83d\ude00 and half \uFFFD."), (version.Title, version.Body));
    }

    [Fact]
    public async Task Process_WhileASyncRuns_WaitsItsTurn()
    {
        await using var h = await SyncHarness.StartAsync("sqlite");
        h.GitHub.AddIssue(SyncHarness.Repo, "alice", "December 2024", "a");
        var inbox = Inbox(h);
        await inbox.ReceiveAsync("d1", "issues", h.GitHub.IssuesEventPayload("opened", SyncHarness.Repo, 1));

        await using (await new DatabaseWorkLock(h.Database.Options).TryAcquireAsync("sync:" + SyncHarness.Repository.Key))
        {
            Assert.Equal(0, await inbox.ProcessPendingAsync());
        }

        Assert.Equal(1, await inbox.ProcessPendingAsync());
    }

    [Fact]
    public async Task Process_OtherRepositorysHook_IsIgnored()
    {
        await using var h = await SyncHarness.StartAsync("sqlite");
        h.GitHub.AddIssue("someone/else", "alice", "x", "y");
        var inbox = Inbox(h);
        await inbox.ReceiveAsync("d1", "issues", h.GitHub.IssuesEventPayload("opened", "someone/else", 1));

        await inbox.ProcessPendingAsync();

        await using var db = h.Database.Context();
        Assert.Equal(WebhookDeliveryStatus.Ignored, (await db.WebhookDeliveries.SingleAsync()).Status);
        Assert.Equal(0, await db.Reports.CountAsync());
    }
}

/// <summary>Intake that fails for a passing reason (a time-out) on the first reads of one author's reports.</summary>
internal sealed class FlakyIntake(string author, int failures) : IReportIntake
{
    private readonly ParserReportIntake _inner = new();

    public int Calls { get; private set; }

    public ReportReading Read(GitHubIssue issue)
    {
        if (issue.AuthorLogin == author && ++Calls <= failures)
        {
            throw new TimeoutException("the database did not answer in time");
        }

        return _inner.Read(issue);
    }
}

public sealed class WebhookInboxConcurrencyTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Receive_SameDeliveryAtOnce_IsQueuedExactlyOnce(string provider)
    {
        await using var h = await SyncHarness.StartAsync(provider);
        var inboxes = Enumerable.Range(0, 6).Select(_ => new WebhookInbox(
            h.Database.Factory(), h.Store(), new DatabaseWorkLock(h.Database.Options), h.DataClock, new GitHubOptions())).ToList();

        var receipts = await Task.WhenAll(inboxes.Select(i => Task.Run(() => i.ReceiveAsync("same-id", "ping", "{}"))));

        Assert.Equal(1, receipts.Count(r => r == WebhookReceipt.Queued));
        await using var db = h.Database.Context();
        Assert.Equal(1, await db.WebhookDeliveries.CountAsync());
    }
}
