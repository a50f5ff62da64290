using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Data.Tests;
using Embassy.GitHub;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application.Tests;

/// <summary>Repositories by id: a rename or transfer on GitHub loses no report, in sync and in webhooks.</summary>
public sealed class RepositoryRenameTests
{
    private const string New = "phala-network/ambassadors";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sync_OfARenamedRepository_FollowsTheRedirect_LosesNothing_AndAsksForTheNewNameAfter(string provider)
    {
        await using var h = await SyncHarness.StartAsync(provider);
        h.FileReports(150);
        Assert.True((await h.SyncAsync()).IsSuccess);
        h.GitHub.RenameRepository(SyncHarness.Repo, New);
        h.GitHub.EditIssue(New, 7, body: SyncHarness.ReportBody(7) + "\n- Edited after the rename.");
        h.GitHub.AddIssue(New, "newcomer", "December 2024 report", SyncHarness.ReportBody(151));

        var result = await h.SyncAsync(); // still configured with the old name

        Assert.True(result.IsSuccess, string.Join("; ", result.Diagnostics));
        Assert.Equal((New, 1, 1), (result.Value.RenamedTo, result.Value.New, result.Value.Edited));
        await using (var db = h.Database.Context())
        {
            Assert.Equal(151, await db.Reports.CountAsync(r => r.Repository == New));
            Assert.Equal(0, await db.Reports.CountAsync(r => r.Repository != New));
            var state = await db.GitHubSyncStates.SingleAsync();
            Assert.Equal((New, h.GitHub.RepositoryId(New)), (state.Repository, state.RepositoryId));
            var audit = await db.AuditLog.SingleAsync(a => a.Action == "repository.renamed");
            Assert.Contains("phala/ambassadors → phala-network/ambassadors", audit.Details, StringComparison.Ordinal);
        }

        var before = h.GitHub.Requests.Count;
        var again = await h.SyncAsync();

        Assert.True(again.Value.NotModified);
        var only = Assert.Single(h.GitHub.Requests.Skip(before));
        Assert.Equal((304, true), (only.Status, only.Path.StartsWith("/repos/" + New, StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sync_OfARenamedUnchangedRepository_FollowsTheRedirect_StoresNoNewVersion_AndIs304After(string provider)
    {
        await using var h = await SyncHarness.StartAsync(provider);
        h.FileReports(150);
        Assert.True((await h.SyncAsync()).IsSuccess);
        h.GitHub.RenameRepository(SyncHarness.Repo, New); // and nothing else changes

        var before = h.GitHub.Requests.Count;
        var result = await h.SyncAsync();
        var sent = h.GitHub.Requests.Skip(before).ToArray();

        // The conditional list of the old name is redirected; GitHub's ETag is the body's, and the body's URLs name the
        // new repository, so the new address answers the page in full, not 304. The rename is followed from it and no
        // report gains a version: the texts are the same.
        Assert.True(result.IsSuccess, string.Join("; ", result.Diagnostics));
        Assert.False(result.Value.NotModified);
        Assert.Equal((New, 0, 0), (result.Value.RenamedTo, result.Value.New, result.Value.Edited));
        Assert.Equal(301, sent[0].Status);
        Assert.True(sent[0].Conditional);
        await using (var db = h.Database.Context())
        {
            Assert.Equal(150, await db.Reports.CountAsync(r => r.Repository == New));
            Assert.Equal(150, await db.ReportVersions.CountAsync());
            var state = await db.GitHubSyncStates.SingleAsync();
            Assert.Equal((New, h.GitHub.RepositoryId(New)), (state.Repository, state.RepositoryId));
            Assert.Single(await db.AuditLog.Where(a => a.Action == "repository.renamed").ToListAsync());
        }

        // The next sync asks for the new name directly: one request, 304.
        before = h.GitHub.Requests.Count;
        var again = await h.SyncAsync();
        Assert.True(again.Value.NotModified);
        Assert.Null(again.Value.RenamedTo);
        var only = Assert.Single(h.GitHub.Requests.Skip(before));
        Assert.Equal((304, true), (only.Status, only.Path.StartsWith("/repos/" + New, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Webhook_WithTheNewNameAndTheStoredId_IsAccepted_AndTheRenameIsFollowedAndAudited()
    {
        await using var h = await SyncHarness.StartAsync("sqlite");
        h.GitHub.AddIssue(SyncHarness.Repo, "alice", "December 2024", "first");
        h.GitHub.AddIssue("someone/else", "mallory", "December 2024", "x");
        var inbox = new WebhookInbox(h.Database.Factory(), h.Store(), new DatabaseWorkLock(h.Database.Options), h.DataClock, new GitHubOptions { Repository = SyncHarness.Repo });
        await inbox.ReceiveAsync("d1", "issues", h.GitHub.IssuesEventPayload("opened", SyncHarness.Repo, 1));
        await inbox.ProcessPendingAsync();

        h.GitHub.RenameRepository(SyncHarness.Repo, New);
        h.GitHub.EditIssue(New, 1, body: "second");
        await inbox.ReceiveAsync("d2", "issues", h.GitHub.IssuesEventPayload("edited", New, 1));
        await inbox.ReceiveAsync("d3", "issues", h.GitHub.IssuesEventPayload("opened", "someone/else", 1)); // another id: still another repository's
        await inbox.ProcessPendingAsync();

        await using var db = h.Database.Context();
        var statuses = await db.WebhookDeliveries.OrderBy(d => d.Id).Select(d => d.Status).ToListAsync();
        Assert.Equal([WebhookDeliveryStatus.Done, WebhookDeliveryStatus.Done, WebhookDeliveryStatus.Ignored], statuses);
        var report = await db.Reports.SingleAsync();
        Assert.Equal((New, 2), (report.Repository, report.LatestVersion));
        var state = await db.GitHubSyncStates.SingleAsync();
        Assert.Equal((New, h.GitHub.RepositoryId(New), SyncHarness.Repo), (state.Repository, state.RepositoryId, state.PreviousNames));
        Assert.Contains("same repository id", (await db.AuditLog.SingleAsync(a => a.Action == "repository.renamed")).Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepositoryRenamedEvent_WithTheStoredId_MovesTheReports_AndAnotherRepositorysIsIgnored()
    {
        await using var h = await SyncHarness.StartAsync("sqlite");
        h.GitHub.AddIssue(SyncHarness.Repo, "alice", "December 2024", "first");
        var inbox = new WebhookInbox(h.Database.Factory(), h.Store(), new DatabaseWorkLock(h.Database.Options), h.DataClock, new GitHubOptions { Repository = SyncHarness.Repo });
        await inbox.ReceiveAsync("d1", "issues", h.GitHub.IssuesEventPayload("opened", SyncHarness.Repo, 1));
        await inbox.ProcessPendingAsync();

        h.GitHub.RenameRepository("someone/else", "someone/other");
        await inbox.ReceiveAsync("d2", "repository", h.GitHub.RepositoryEventPayload("renamed", "someone/other", "someone/else"));
        h.GitHub.RenameRepository(SyncHarness.Repo, New);
        await inbox.ReceiveAsync("d3", "repository", h.GitHub.RepositoryEventPayload("transferred", New, SyncHarness.Repo));
        await inbox.ProcessPendingAsync();

        await using var db = h.Database.Context();
        Assert.Equal([WebhookDeliveryStatus.Done, WebhookDeliveryStatus.Ignored, WebhookDeliveryStatus.Done],
            await db.WebhookDeliveries.OrderBy(d => d.Id).Select(d => d.Status).ToListAsync());
        Assert.Equal(New, (await db.Reports.SingleAsync()).Repository);
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "repository.renamed"));
    }
}
