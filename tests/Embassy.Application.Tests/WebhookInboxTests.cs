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
    public async Task Process_DeliveryThatKeepsFailing_IsRetriedThenSetAsideAsFailed_AndOthersProceed()
    {
        await using var h = await SyncHarness.StartAsync("sqlite");
        h.GitHub.AddIssue(SyncHarness.Repo, "alice", "December 2024", "a");
        var inbox = Inbox(h);
        await inbox.ReceiveAsync("broken", "issues", "{\"action\":\"opened\",\"issue\":{\"id\":1},\"repository\":{\"full_name\":\"phala/ambassadors\"}}");
        await inbox.ReceiveAsync("good", "issues", h.GitHub.IssuesEventPayload("opened", SyncHarness.Repo, 1));

        for (var attempt = 1; attempt < WebhookInbox.MaxAttempts; attempt++)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => inbox.ProcessPendingAsync());
            await using var db = h.Database.Context();
            var row = await db.WebhookDeliveries.SingleAsync(d => d.DeliveryId == "broken");
            Assert.Equal((WebhookDeliveryStatus.Queued, attempt), (row.Status, row.Attempts));
            Assert.NotNull(row.LastError);
        }

        var handled = await inbox.ProcessPendingAsync();

        Assert.Equal(2, handled);
        await using var after = h.Database.Context();
        var statuses = await after.WebhookDeliveries.OrderBy(d => d.Id).Select(d => d.Status).ToListAsync();
        Assert.Equal([WebhookDeliveryStatus.Failed, WebhookDeliveryStatus.Done], statuses);
        Assert.Equal(1, await after.Reports.CountAsync());
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
