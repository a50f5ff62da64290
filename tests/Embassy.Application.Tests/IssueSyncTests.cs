using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Data.Tests;
using Embassy.GitHub;
using Embassy.GitHubStandIn;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application.Tests;

/// <summary>Sync against the stand-in, on each database. Request counts are measured at the stand-in.</summary>
public sealed class IssueSyncTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sync_1000Issues_Takes10ListRequests(string provider)
    {
        await using var h = await SyncHarness.StartAsync(provider);
        h.FileReports(1000);

        var result = await h.SyncAsync();

        Assert.True(result.IsSuccess, string.Join("; ", result.Diagnostics));
        Assert.Equal(10, h.GitHub.Requests.Count);
        Assert.All(h.GitHub.Requests, r => Assert.Equal(200, r.Status));
        Assert.Equal((10, 10, 1000, 0), (result.Value.Requests, result.Value.Pages, result.Value.New, result.Value.Edited));
        await using var db = h.Database.Context();
        Assert.Equal(1000, await db.Reports.CountAsync());
        Assert.Equal(1000, await db.ReportVersions.CountAsync());
        Assert.Equal(1000, await db.ReportParses.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sync_NoChange_MakesOneConditionalRequest(string provider)
    {
        await using var h = await SyncHarness.StartAsync(provider);
        h.FileReports(250);
        Assert.True((await h.SyncAsync()).IsSuccess);
        var before = h.GitHub.Requests.Count;
        var dump = await h.DumpAsync();

        var again = await h.SyncAsync();

        Assert.True(again.Value.NotModified);
        var requests = h.GitHub.Requests.Skip(before).ToList();
        var only = Assert.Single(requests);
        Assert.Equal((304, true), (only.Status, only.Conditional));
        Assert.Equal(1, again.Value.Requests);
        Assert.Equal(dump, await h.DumpAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sync_OneEditedIssue_BecomesANewVersionWithinTwoRequests(string provider)
    {
        await using var h = await SyncHarness.StartAsync(provider);
        h.FileReports(1000);
        Assert.True((await h.SyncAsync()).IsSuccess);
        h.GitHub.EditIssue(SyncHarness.Repo, 17, body: SyncHarness.ReportBody(17) + "\n- One more thing I did.");
        var before = h.GitHub.Requests.Count;

        var result = await h.SyncAsync();

        Assert.InRange(h.GitHub.Requests.Count - before, 1, 2);
        Assert.Equal(1, result.Value.Edited);
        Assert.Equal(0, result.Value.New);
        await using var db = h.Database.Context();
        var report = await db.Reports.Include(r => r.Versions).SingleAsync(r => r.IssueNumber == 17);
        Assert.Equal(2, report.LatestVersion);
        Assert.Equal(2, report.Versions.Count);
        Assert.EndsWith("One more thing I did.", report.Versions.Single(v => v.Number == 2).Body, StringComparison.Ordinal);
        Assert.DoesNotContain("One more thing", report.Versions.Single(v => v.Number == 1).Body, StringComparison.Ordinal);
        Assert.Equal(1001, await db.ReportVersions.CountAsync());

        // and the sync after that is back to one 304
        var after = h.GitHub.Requests.Count;
        Assert.True((await h.SyncAsync()).Value.NotModified);
        Assert.Equal(1, h.GitHub.Requests.Count - after);
    }

    [Fact]
    public async Task Sync_IssueWithHalfAnEmoji_IsReadAsReplacementCharacter_AndThePageIsKept()
    {
        await using var h = await SyncHarness.StartAsync("sqlite");
        h.FileReports(3);
        h.GitHub.EditIssue(SyncHarness.Repo, 2, body: SyncHarness.ReportBody(2) + "\nThanks \ud83d");

        var result = await h.SyncAsync();

        Assert.True(result.IsSuccess, string.Join("; ", result.Diagnostics));
        Assert.Equal(3, result.Value.New);
        Assert.Contains(result.Diagnostics, d => d.Code == Embassy.Domain.Utf16Repair.Code && !d.IsError);
        await using var db = h.Database.Context();
        Assert.EndsWith("Thanks \uFFFD", (await db.ReportVersions.SingleAsync(v => v.Body.Contains("Thanks"))).Body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sync_BrokenMidwayByFaults_ThenRerun_EndsLikeAnUnbrokenSync(string provider)
    {
        await using var github = await GitHubStandIn.GitHubStandIn.StartAsync();
        await using var broken = await SyncHarness.StartAsync(provider, github: github);
        await using var unbroken = await SyncHarness.StartAsync(provider, github: github);
        await using var brokenDb = broken.Database; // disposed by the harness too; idempotent
        broken.FileReports(450);

        // Page 4 fails more often than the client retries: the first sync stops there.
        github.FailNext(3, 502, GitHubStandIn.GitHubStandIn.ListPage(4)); // 1 try + 2 retries
        var first = await broken.Sync(broken.Client(maxRetries: 2)).SyncAsync(SyncHarness.Repository);
        Assert.False(first.IsSuccess);
        Assert.Equal(GitHubCodes.Unavailable, first.Errors.Single().Code);
        await using (var db = broken.Database.Context())
        {
            Assert.Equal(300, await db.Reports.CountAsync()); // three whole pages were kept
            Assert.Empty(await db.GitHubSyncStates.Where(s => s.ETag != null).ToListAsync());
        }

        // Faults of every kind on the re-run are retried through.
        github.FailNext(1, 502);
        github.DropNext(1);
        github.SecondaryLimitNext(30);
        var rerun = await broken.SyncAsync();
        Assert.True(rerun.IsSuccess, string.Join("; ", rerun.Diagnostics));

        var clean = await unbroken.SyncAsync();
        Assert.True(clean.IsSuccess);
        Assert.Equal(450, clean.Value.New);
        Assert.Equal(await unbroken.DumpAsync(), await broken.DumpAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sync_MatchesMembersByLogin_AndHoldsUnknownAuthorsUnmatched(string provider)
    {
        await using var h = await SyncHarness.StartAsync(provider);
        await h.AddMemberAsync("Alice", "Alice-GH");
        h.GitHub.AddIssue(SyncHarness.Repo, "alice-gh", "December 2024", SyncHarness.ReportBody(1));
        h.GitHub.AddIssue(SyncHarness.Repo, "stranger", "December 2024", SyncHarness.ReportBody(2));
        h.GitHub.AddIssue(SyncHarness.Repo, "dependabot", "Bump", "a pull request", pullRequest: true);

        var result = await h.SyncAsync();

        Assert.Equal((2, 1, 1), (result.Value.New, result.Value.Unmatched, result.Value.PullRequestsSkipped));
        await using var db = h.Database.Context();
        var reports = await db.Reports.OrderBy(r => r.IssueNumber).ToListAsync();
        Assert.Equal(2, reports.Count);
        var alice = await db.Members.SingleAsync();
        Assert.Equal(alice.Id, reports[0].MemberId);
        Assert.Null(reports[1].MemberId);

        // Once an admin links the stranger (adds the handle), the next sync matches the held report.
        await h.AddMemberAsync("Stranger", "STRANGER");
        h.GitHub.EditIssue(SyncHarness.Repo, 1, title: "December 2024 (edited)");
        await h.SyncAsync();
        await using var after = h.Database.Context();
        Assert.NotNull((await after.Reports.SingleAsync(r => r.IssueNumber == 2)).MemberId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sync_Full_MarksDeletedAndTransferredIssues_AndKeepsThem(string provider)
    {
        await using var h = await SyncHarness.StartAsync(provider);
        h.FileReports(5);
        await h.SyncAsync();
        h.GitHub.DeleteIssue(SyncHarness.Repo, 2);
        h.GitHub.TransferIssue(SyncHarness.Repo, 4, "phala/archive");

        var result = await h.SyncAsync(new SyncOptions(Full: true));

        Assert.Equal((1, 1), (result.Value.MarkedDeleted, result.Value.MarkedTransferred));
        await using var db = h.Database.Context();
        var reports = await db.Reports.Include(r => r.Versions).OrderBy(r => r.IssueNumber).ToListAsync();
        Assert.Equal(5, reports.Count);
        Assert.Equal(
            [ReportPresence.Present, ReportPresence.Deleted, ReportPresence.Present, ReportPresence.Transferred, ReportPresence.Present],
            reports.Select(r => r.Presence));
        Assert.All(reports, r => Assert.Single(r.Versions));
        Assert.Contains("phala/archive", (await db.AuditLog.SingleAsync(a => a.Action == "report.transferred")).Details, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sync_StoresTheParsersReadingAndDiagnostics(string provider)
    {
        await using var h = await SyncHarness.StartAsync(provider);
        var body = SyncHarness.ReportBody(1).Replace("41PLCEdup7XdUH4hsik4hyFoihDRYKfpN2K48jZH8ehL2tP2", "41PLCEdup7XdUH4hsik4hyFoihDRYKfpN2K48jZH8ehL2tP3", StringComparison.Ordinal);
        var filed = h.GitHub.AddIssue(SyncHarness.Repo, "alice", "July 2024 report", body);

        var summary = await h.SyncAsync();

        var issue = (await h.Client().GetIssueAsync(SyncHarness.Repository, filed.Number)).Value.Issue!;
        var expected = new ParserReportIntake().Read(issue);
        Assert.NotEmpty(expected.Diagnostics);
        Assert.Equal(expected.Diagnostics.Any(d => d.IsError) ? 1 : 0, summary.Value.Invalid);
        await using var db = h.Database.Context();
        var version = await db.ReportVersions.Include(v => v.Parse).Include(v => v.Diagnostics).SingleAsync();
        Assert.Equal(expected.Period, version.Parse!.Period);
        Assert.Equal(expected.Wallet, version.Parse.Wallet);
        Assert.Equal(string.Join(',', expected.Departments), version.Parse.Departments);
        Assert.Equal(
            expected.Diagnostics.Select(d => $"{d.Code} {d.Severity.ToString().ToLowerInvariant()} {d.Message}"),
            version.Diagnostics.OrderBy(d => d.Ordinal).Select(d => $"{d.Code} {d.Severity} {d.Message}"));
        Assert.Equal(expected.Period, (await db.Reports.SingleAsync()).Period);
    }

    [Fact]
    public async Task Sync_Since_OnlyAsksForRecentIssues_AndRemembersIt()
    {
        await using var h = await SyncHarness.StartAsync("sqlite");
        var old = h.GitHub.AddIssue(SyncHarness.Repo, "alice", "November 2024", "old");
        var recent = h.GitHub.AddIssue(SyncHarness.Repo, "bob", "December 2024", "new");
        Assert.True(recent.UpdatedAt > old.UpdatedAt);

        var first = await h.SyncAsync(new SyncOptions(Since: recent.UpdatedAt));
        var second = await h.SyncAsync();

        Assert.Equal(1, first.Value.New);
        Assert.True(second.Value.NotModified); // the remembered since gives the same conditional request
        Assert.All(h.GitHub.Requests, r => Assert.Contains("since=", r.Query, StringComparison.Ordinal));
        await using var db = h.Database.Context();
        Assert.Equal("bob", (await db.Reports.SingleAsync()).AuthorLogin);
    }

    [Fact]
    public async Task Sync_WhileAnotherInstanceSyncs_IsRefusedAsBusy()
    {
        await using var h = await SyncHarness.StartAsync("sqlite");
        h.FileReports(3);
        await using var held = await new DatabaseWorkLock(h.Database.Options).TryAcquireAsync("sync:" + SyncHarness.Repository.Key);

        var result = await h.SyncAsync();

        Assert.Equal(IssueSync.Busy, result.Errors.Single().Code);
        Assert.Empty(h.GitHub.Requests);
    }
}
