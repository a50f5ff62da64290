using Embassy.Data.Entities;
using Embassy.Data.Tests;
using Embassy.GitHub;
using Embassy.GitHubStandIn;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application.Tests;

/// <summary>Write-back: one comment per report, edited in place, and the period and state labels.</summary>
public sealed class WriteBackTests
{
    private const string GoodWallet = "41PLCEdup7XdUH4hsik4hyFoihDRYKfpN2K48jZH8ehL2tP2";
    private const string BadWallet = "41PLCEdup7XdUH4hsik4hyFoihDRYKfpN2K48jZH8ehL2tP3";

    private static async Task<SyncHarness> StartAsync(string provider)
    {
        // Filed on 3 January 2025: a December 2024 report is on time (R7).
        var github = await GitHubStandIn.GitHubStandIn.StartAsync(new ManualClock(new DateTimeOffset(2025, 1, 3, 9, 0, 0, TimeSpan.Zero)) { AutoAdvance = false });
        return await SyncHarness.StartAsync(provider, github: github);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WriteBack_ProblemsThenFixed_OneCommentEditedInPlace_AndLabelsFollow(string provider)
    {
        await using var h = await StartAsync(provider);
        h.GitHub.AddIssue(SyncHarness.Repo, "alice", "December 2024 report", SyncHarness.ReportBody(1).Replace(GoodWallet, BadWallet, StringComparison.Ordinal));
        var sync = h.Sync(writeBack: true);

        await sync.SyncAsync(SyncHarness.Repository);

        var comment = Assert.Single(h.GitHub.Issue(SyncHarness.Repo, 1).Comments);
        await using (var db = h.Database.Context())
        {
            var errors = await db.ReportDiagnostics.Where(d => d.Severity == "error").ToListAsync();
            Assert.Contains(errors, d => d.Code == "WALLET_BAD_CHECKSUM");
            Assert.All(errors, d => Assert.Contains(d.Message, comment.Body, StringComparison.Ordinal));
            Assert.StartsWith(WriteBack.Marker, comment.Body, StringComparison.Ordinal);
            var report = await db.Reports.SingleAsync();
            Assert.Equal(comment.Id, report.WriteBackCommentId);
            Assert.Equal(new Domain.Period(2024, 12), report.Period);
        }

        Assert.Equal(["2024-12", "needs-fix"], h.GitHub.Issue(SyncHarness.Repo, 1).Labels.Order(StringComparer.Ordinal));

        // The member fixes the wallet: the same comment is edited, the needs-fix label goes.
        var wrongBody = comment.Body;
        h.GitHub.EditIssue(SyncHarness.Repo, 1, body: SyncHarness.ReportBody(1));
        var second = await sync.SyncAsync(SyncHarness.Repository);

        Assert.Equal(1, second.Value.Edited);
        var edited = Assert.Single(h.GitHub.Issue(SyncHarness.Repo, 1).Comments);
        Assert.Equal(comment.Id, edited.Id);
        Assert.NotEqual(wrongBody, edited.Body);
        Assert.DoesNotContain("checksum", edited.Body, StringComparison.OrdinalIgnoreCase);
        await using (var db = h.Database.Context())
        {
            var latest = await db.ReportVersions.Include(v => v.Diagnostics).SingleAsync(v => v.Number == 2);
            var stillWrong = latest.Diagnostics.Any(d => d.Severity == "error");
            Assert.Equal(stillWrong, h.GitHub.Issue(SyncHarness.Repo, 1).Labels.Contains("needs-fix"));
        }

        Assert.Contains("2024-12", h.GitHub.Issue(SyncHarness.Repo, 1).Labels);
    }

    [Fact]
    public async Task WriteBack_NothingChanged_SendsNothing_AndOtherLabelsStay()
    {
        await using var h = await StartAsync("sqlite");
        h.GitHub.AddIssue(SyncHarness.Repo, "alice", "December 2024 report", SyncHarness.ReportBody(1));
        h.GitHub.Issue(SyncHarness.Repo, 1).Labels.Add("question");
        await h.Sync(writeBack: true).SyncAsync(SyncHarness.Repository);
        var before = h.GitHub.Requests.Count;

        await using var db = h.Database.Context();
        var report = await db.Reports.SingleAsync();
        var changed = await new WriteBack(h.Client()).UpdateAsync(db, report);

        Assert.False(changed.Value);
        Assert.Equal(before, h.GitHub.Requests.Count);
        Assert.Contains("question", h.GitHub.Issue(SyncHarness.Repo, 1).Labels);
    }

    [Fact]
    public async Task WriteBack_Off_LeavesTheIssueAlone()
    {
        await using var h = await StartAsync("sqlite");
        h.GitHub.AddIssue(SyncHarness.Repo, "alice", "December 2024 report", SyncHarness.ReportBody(1).Replace(GoodWallet, BadWallet, StringComparison.Ordinal));

        await h.SyncAsync();

        Assert.Empty(h.GitHub.Issue(SyncHarness.Repo, 1).Comments);
        Assert.Empty(h.GitHub.Issue(SyncHarness.Repo, 1).Labels);
        Assert.All(h.GitHub.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public void Labels_FollowPeriodAndReviewState()
    {
        var report = new Report
        {
            Repository = "a/b", AuthorLogin = "x", IssueState = "open", Presence = ReportPresence.Present, HtmlUrl = "u", Labels = string.Empty,
            ReviewState = "scored", Period = new Domain.Period(2024, 12),
        };
        var late = new ReportDiagnostic { Code = "REPORT_LATE", Severity = "error", Message = "Filed after the deadline." };

        Assert.Equal(["2024-12", "scored"], WriteBack.Labels(report, []));
        Assert.Equal(["2024-12", "late", "scored"], WriteBack.Labels(report, [late]));
        Assert.Contains("No problems found", WriteBack.CommentBody(report, []), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteBack_Comment_SaysWhatWasRead_AndTheDeadline()
    {
        await using var h = await StartAsync("sqlite");
        h.GitHub.AddIssue(SyncHarness.Repo, "alice", "December 2024 report", SyncHarness.ReportBody(1).Replace(GoodWallet, BadWallet, StringComparison.Ordinal));

        await h.Sync(writeBack: true).SyncAsync(SyncHarness.Repository);

        var body = Assert.Single(h.GitHub.Issue(SyncHarness.Repo, 1).Comments).Body;
        Assert.Contains("- Period: 2024-12", body, StringComparison.Ordinal);
        Assert.Contains("- Departments: `CM, MK`", body, StringComparison.Ordinal);
        Assert.Contains("- Wallet: `" + BadWallet + "`", body, StringComparison.Ordinal);
        Assert.Contains("- Suggested scores: `CM 30/40, MK 28/40`", body, StringComparison.Ordinal);
        Assert.Contains("Please fix before the deadline, 2025-01-06 00:00 UTC", body, StringComparison.Ordinal); // R7: end of day 5 of the next month
    }

    [Fact]
    public async Task WriteBack_ThatFails_StaysQueued_AndIsRetriedAfterItsBackoff_WithoutAnotherEdit()
    {
        await using var h = await StartAsync("sqlite");
        h.GitHub.AddIssue(SyncHarness.Repo, "alice", "December 2024 report", SyncHarness.ReportBody(1));
        h.GitHub.FailNext(1, status: 422, when: r => r.Method == "POST"); // a refusal the client does not retry itself

        var sync = await h.Sync(writeBack: true).SyncAsync(SyncHarness.Repository);

        Assert.Equal(1, sync.Value.WriteBackProblems);
        Assert.Empty(h.GitHub.Issue(SyncHarness.Repo, 1).Comments);
        var writeBack = new WriteBack(h.Client());
        await using (var db = h.Database.Context())
        {
            var job = await db.WriteBackJobs.SingleAsync();
            Assert.Equal((1, h.DataClock.GetUtcNow() + WriteBack.Backoff(1)), (job.Attempts, job.NotBefore));
            Assert.Contains("422", job.LastError, StringComparison.Ordinal);
        }

        Assert.Equal((0, 0), await writeBack.ProcessDueAsync(h.Database.Factory(), h.DataClock)); // not before its time
        h.DataClock.Advance(WriteBack.Backoff(1));
        Assert.Equal((1, 0), await writeBack.ProcessDueAsync(h.Database.Factory(), h.DataClock));

        Assert.Single(h.GitHub.Issue(SyncHarness.Repo, 1).Comments);
        Assert.Contains("2024-12", h.GitHub.Issue(SyncHarness.Repo, 1).Labels);
        await using var after = h.Database.Context();
        Assert.Equal(0, await after.WriteBackJobs.CountAsync());
    }

    [Fact]
    public async Task WriteBack_WhoseAnswerWasLost_FindsItsCommentByTheMarker_AndNeverPostsASecond()
    {
        await using var h = await StartAsync("sqlite");
        h.GitHub.AddIssue(SyncHarness.Repo, "alice", "December 2024 report", SyncHarness.ReportBody(1));
        await h.Sync(writeBack: true).SyncAsync(SyncHarness.Repository);
        var posted = Assert.Single(h.GitHub.Issue(SyncHarness.Repo, 1).Comments);

        // As if the comment was created but its answer never arrived: Embassy does not know its id.
        await using (var db = h.Database.Context())
        {
            var report = await db.Reports.SingleAsync();
            (report.WriteBackCommentId, report.WriteBackHash) = (null, null);
            await db.SaveChangesAsync();
        }

        h.GitHub.EditIssue(SyncHarness.Repo, 1, body: SyncHarness.ReportBody(1) + "\n- One more thing.");
        await h.Sync(writeBack: true).SyncAsync(SyncHarness.Repository);

        var only = Assert.Single(h.GitHub.Issue(SyncHarness.Repo, 1).Comments);
        Assert.Equal(posted.Id, only.Id);
        Assert.Contains("(version 2)", only.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteBack_ForManyReports_StaysUnderTheContentCreationLimit()
    {
        await using var h = await SyncHarness.StartAsync("sqlite", sharedClock: true);
        h.FileReports(12);
        h.GitHub.ContentCreationLimit = true;

        var sync = await h.Sync(writeBack: true).SyncAsync(SyncHarness.Repository);

        Assert.Equal(0, sync.Value.WriteBackProblems);
        Assert.Equal(0, h.GitHub.ContentCreationLimitHits);
        Assert.All(Enumerable.Range(1, 12), n => Assert.Single(h.GitHub.Issue(SyncHarness.Repo, n).Comments));
        var writes = h.GitHub.Requests.Count(r => r.Method != "GET");
        Assert.Equal(24, writes); // a comment and a label request per report, nothing twice
    }

    [Fact]
    public void WriteBack_IsOnByDefault_WhenEmbassyCanWrite_AndOffWhenSaidSo()
    {
        // Decided at each use (the connection can change without a restart, issue #15): the sync and the webhook queue get
        // a WriteBack only when it is on.
        static bool Registered(GitHubOptions options)
        {
            using var services = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(
                new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddEmbassyGitHub(options));
            return Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetService<WriteBack>(services) is not null;
        }

        Assert.True(Registered(new GitHubOptions { Token = "t" }));
        Assert.False(Registered(new GitHubOptions { Token = "t", WriteBack = false }));
        Assert.False(Registered(new GitHubOptions())); // nothing to write with
        Assert.True(new GitHubOptions { AppId = 1, InstallationId = 2, AppPrivateKey = "pem" }.WriteBackEnabled);
    }

    [Fact]
    public void Registration_NegativeMaxRetries_StopsTheStart_ZeroDoesNot()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();

        var error = Assert.Throws<InvalidOperationException>(() => services.AddEmbassyGitHub(new GitHubOptions { Token = "t", MaxRetries = -1 }));
        services.AddEmbassyGitHub(new GitHubOptions { Token = "t", MaxRetries = 0 }); // one attempt per request is a valid choice

        Assert.Contains("GitHub:MaxRetries is -1", error.Message, StringComparison.Ordinal);
    }
}
