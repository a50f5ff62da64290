using Embassy.Data.Tests;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application.Tests;

/// <summary>Identity by id (R2): a report is its author's by GitHub user id; logins are renamed and re-claimed.</summary>
public sealed class MemberIdentityTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sync_LinksTheUserId_FollowsALoginRename_AndDoesNotGiveAReclaimedLoginToTheOldMember(string provider)
    {
        await using var h = await SyncHarness.StartAsync(provider);
        await h.AddMemberAsync("Alice", "alice");
        h.GitHub.AddIssue(SyncHarness.Repo, "alice", "November 2024 report", SyncHarness.ReportBody(1));
        Assert.True((await h.SyncAsync()).IsSuccess);
        var aliceId = h.GitHub.UserId("alice");

        h.GitHub.RenameUser("alice", "alice-dao");
        h.GitHub.AddIssue(SyncHarness.Repo, "alice-dao", "December 2024 report", SyncHarness.ReportBody(2));
        h.GitHub.AddIssue(SyncHarness.Repo, "alice", "December 2024 report", SyncHarness.ReportBody(3)); // someone else took the old login
        var result = await h.SyncAsync();

        Assert.True(result.IsSuccess, string.Join("; ", result.Diagnostics));
        Assert.NotEqual(aliceId, h.GitHub.UserId("alice"));
        await using var db = h.Database.Context();
        var member = await db.Members.Include(m => m.Handles).SingleAsync();
        var handle = Assert.Single(member.Handles);
        Assert.Equal(("alice-dao", "alice-dao", aliceId), (handle.Value, handle.NormalizedValue, handle.GitHubUserId));
        var reports = await db.Reports.OrderBy(r => r.IssueNumber).ToListAsync();
        Assert.Equal([member.Id, member.Id, null], reports.Select(r => r.MemberId));
        Assert.Equal(["alice-dao", "alice-dao", "alice"], reports.Select(r => r.AuthorLogin)); // the first report follows its author
        var actions = await db.AuditLog.Select(a => a.Action).ToListAsync();
        Assert.Equal(1, actions.Count(a => a == "member.github_linked"));
        Assert.Equal(1, actions.Count(a => a == "member.github_renamed"));
        Assert.Equal(1, actions.Count(a => a == "report.login_reclaimed"));
        Assert.Contains("alice → alice-dao", (await db.AuditLog.SingleAsync(a => a.Action == "member.github_renamed")).Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_FromARenamedAuthor_IsTheSameMember()
    {
        await using var h = await SyncHarness.StartAsync("sqlite");
        await h.AddMemberAsync("Bob", "bob");
        h.GitHub.AddIssue(SyncHarness.Repo, "bob", "December 2024 report", SyncHarness.ReportBody(1));
        var inbox = new WebhookInbox(h.Database.Factory(), h.Store(), new Embassy.Data.DatabaseWorkLock(h.Database.Options), h.DataClock,
            new Embassy.GitHub.GitHubOptions { Repository = SyncHarness.Repo });
        await inbox.ReceiveAsync("d1", "issues", h.GitHub.IssuesEventPayload("opened", SyncHarness.Repo, 1));
        await inbox.ProcessPendingAsync();

        h.GitHub.RenameUser("bob", "robert");
        h.GitHub.AddIssue(SyncHarness.Repo, "robert", "January 2025 report", SyncHarness.ReportBody(2));
        await inbox.ReceiveAsync("d2", "issues", h.GitHub.IssuesEventPayload("opened", SyncHarness.Repo, 2));
        await inbox.ProcessPendingAsync();

        await using var db = h.Database.Context();
        var memberId = await db.Members.Select(m => m.Id).SingleAsync();
        Assert.Equal([memberId, memberId], await db.Reports.OrderBy(r => r.IssueNumber).Select(r => r.MemberId).ToListAsync());
        Assert.Equal("robert", (await db.MemberHandles.SingleAsync()).Value);
    }
}
