using Embassy.Data.Entities;
using Embassy.Data.Tests;
using Embassy.GitHub;
using Embassy.GitHubStandIn;
using Embassy.Policies;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application.Tests;

/// <summary>
/// Issue #14: reminders written back to a tracking issue, over real HTTP against the GitHub stand-in: N days before the
/// R7 deadline one comment names the members who have not filed; N days before reviews are due one names each reviewer's
/// unscored reports; each once a month, even with two instances running at the same moment; a failed post is retried.
/// </summary>
public sealed class RemindersTests
{
    /// <summary>Filed on 3 January 2025: a December 2024 report is on time (R7: the deadline is 6 January 00:00 UTC).</summary>
    private static readonly DateTimeOffset Filed = new(2025, 1, 3, 9, 0, 0, TimeSpan.Zero);

    /// <summary>phala-v4.1 (in force for December 2024) with reminders 3 days before, on <paramref name="issue"/>.</summary>
    private static PolicyCatalog Catalog(int issue)
    {
        var folder = Path.Combine(Path.GetTempPath(), "embassy-reminders-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        File.WriteAllText(
            Path.Combine(folder, "phala-v4.1.yaml"),
            PolicyCatalog.ShippedText("phala-v4.1") + $"\nreminders: {{ days_before_deadline: 3, tracking_issue: {issue} }}\n");
        var program = ProgramPolicies.FromFolder(folder);
        Assert.True(program.IsSuccess, string.Join("; ", program.Errors.Select(e => e.Message)));
        return program.Value.Catalog;
    }

    private static async Task<(SyncHarness H, int Tracking, PolicyCatalog Catalog)> MonthAsync(string provider)
    {
        var h = await SyncHarness.StartAsync(provider, github: await GitHubStandIn.GitHubStandIn.StartAsync(new ManualClock(Filed) { AutoAdvance = false }));
        foreach (var login in new[] { "alice", "bob", "carol" })
        {
            await h.AddMemberAsync("Member " + login, login);
        }

        await using (var db = h.Database.Context())
        {
            foreach (var member in await db.Members.ToListAsync())
            {
                db.RankEvents.Add(new RankEvent { MemberId = member.Id, Rank = "ambassador", EffectiveFrom = new DateOnly(2024, 1, 1), Actor = "test", Reason = "joined", RecordedAt = Filed });
            }

            await db.SaveChangesAsync();
        }

        h.GitHub.AddIssue(SyncHarness.Repo, "alice", "December 2024 report", SyncHarness.ReportBody(1));
        Assert.True((await h.SyncAsync()).IsSuccess);
        var tracking = h.GitHub.AddIssue(SyncHarness.Repo, "lead", "Monthly reminders", "Embassy posts the month's reminders here.").Number;
        var catalog = Catalog(tracking);
        var access = new AccessTokens(h.Database.Factory(), new ManualClock(Filed));
        Assert.True((await access.GrantAsync("rita", Roles.Reviewer, "test")).IsSuccess);
        Assert.True((await access.GrantAsync("sam", Roles.Reviewer, "test")).IsSuccess);
        return (h, tracking, catalog);
    }

    private static Reminders Instance(SyncHarness h, TimeProvider clock, PolicyCatalog catalog, int maxRetries = 3) => new(
        h.Database.Factory(),
        h.Client(maxRetries),
        new GitHubOptions { ApiBaseAddress = h.GitHub.ApiBaseAddress, Token = "standin-token", Repository = SyncHarness.Repo },
        clock,
        catalog);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reminders_TwoInstancesAtOnce_PostEachCommentOnce_NamingWhoHasNotFiled_AndUnscoredReports(string provider)
    {
        var (h, tracking, catalog) = await MonthAsync(provider);
        await using var harness = h;

        // Four days before the deadline: nothing is due yet.
        var early = new ManualClock(new DateTimeOffset(2025, 1, 2, 12, 0, 0, TimeSpan.Zero)) { AutoAdvance = false };
        Assert.Equal(new ReminderRun(0, 0, 0), await Instance(h, early, catalog).RunAsync());
        Assert.Empty(h.GitHub.Issue(SyncHarness.Repo, tracking).Comments);

        // Two days before: two instances run at the same moment; one posts, the other finds the claim taken.
        var clock = new ManualClock(new DateTimeOffset(2025, 1, 4, 12, 0, 0, TimeSpan.Zero)) { AutoAdvance = false };
        var runs = await Task.WhenAll(Instance(h, clock, catalog).RunAsync(), Instance(h, clock, catalog).RunAsync());
        var comment = Assert.Single(h.GitHub.Issue(SyncHarness.Repo, tracking).Comments);
        Assert.Equal(1, runs.Sum(r => r.Posted));
        Assert.Equal(1, runs.Sum(r => r.Skipped));
        Assert.StartsWith(OutboundComments.Marker(Reminders.Key(new Domain.Period(2024, 12), "members")), comment.Body, StringComparison.Ordinal);
        Assert.Contains("2025-01-06 00:00 UTC", comment.Body, StringComparison.Ordinal);
        Assert.Contains("Not filed yet: @bob @carol", comment.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("@alice", comment.Body, StringComparison.Ordinal);

        // A later run, on either instance, posts nothing and does not even ask GitHub.
        var requests = h.GitHub.Requests.Count;
        Assert.Equal(0, (await Instance(h, clock, catalog).RunAsync()).Posted);
        Assert.Equal(requests, h.GitHub.Requests.Count);
        Assert.Single(h.GitHub.Issue(SyncHarness.Repo, tracking).Comments);

        // Reviews are due 7 days after the deadline (13 January): two days before, each reviewer is named with their
        // unscored reports (alice's #1 is assigned to both rita and sam), once.
        var reviewTime = new ManualClock(new DateTimeOffset(2025, 1, 11, 8, 0, 0, TimeSpan.Zero)) { AutoAdvance = false };
        await Task.WhenAll(Instance(h, reviewTime, catalog).RunAsync(), Instance(h, reviewTime, catalog).RunAsync());
        var comments = h.GitHub.Issue(SyncHarness.Repo, tracking).Comments;
        Assert.Equal(2, comments.Count);
        var reviewers = comments[1].Body;
        Assert.StartsWith(OutboundComments.Marker(Reminders.Key(new Domain.Period(2024, 12), "reviewers")), reviewers, StringComparison.Ordinal);
        Assert.Contains("due by 2025-01-13 00:00 UTC", reviewers, StringComparison.Ordinal);
        Assert.Contains("- @rita: #1", reviewers, StringComparison.Ordinal);
        Assert.Contains("- @sam: #1", reviewers, StringComparison.Ordinal);
        Assert.Equal(0, (await Instance(h, reviewTime, catalog).RunAsync()).Posted);
        Assert.Equal(2, h.GitHub.Issue(SyncHarness.Repo, tracking).Comments.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reminders_502AfterGitHubPostedTheComment_IsNotPostedTwice_TheRetryFindsItByItsMarker(string provider)
    {
        var (h, tracking, catalog) = await MonthAsync(provider);
        await using var harness = h;
        var clock = new ManualClock(new DateTimeOffset(2025, 1, 4, 12, 0, 0, TimeSpan.Zero)) { AutoAdvance = false };
        // Years of a tracking issue: 120 comments before this month's reminder, so its marker is on the second page.
        var issue = h.GitHub.Issue(SyncHarness.Repo, tracking);
        for (var i = 0; i < 120; i++)
        {
            issue.Comments.Add(new StandInComment { Id = 900_000 + i, Author = "lead", Body = $"An earlier month's note {i}.", CreatedAt = Filed.AddDays(-200 + i), UpdatedAt = Filed.AddDays(-200 + i) });
        }

        var postsBefore = h.GitHub.Requests.Count(r => r.Method == "POST");
        h.GitHub.FailAfterNext(1, 502, when: r => r.Method == "POST"); // GitHub makes the comment and answers 502

        var failed = await Instance(h, clock, catalog).RunAsync(); // the client's own retries on
        var postsAfterFailure = h.GitHub.Requests.Count(r => r.Method == "POST") - postsBefore;
        var commentsAfterFailure = h.GitHub.Issue(SyncHarness.Repo, tracking).Comments.Count - 120;
        clock.Advance(TimeSpan.FromMinutes(2)); // past the first back-off (1 minute)
        var retried = await Instance(h, clock, catalog).RunAsync();
        var again = await Instance(h, clock, catalog).RunAsync();

        Assert.Equal((0, 1), (failed.Posted, failed.Failed));
        Assert.Equal(1, postsAfterFailure); // not repeated by the client
        Assert.Equal(1, commentsAfterFailure); // and yet on GitHub
        Assert.Equal((1, 0), (retried.Posted, retried.Failed));
        Assert.Equal((0, 0, 1), (again.Posted, again.Failed, again.Skipped));
        var comment = Assert.Single(h.GitHub.Issue(SyncHarness.Repo, tracking).Comments, c => c.Author != "lead");
        Assert.Equal(121, h.GitHub.Issue(SyncHarness.Repo, tracking).Comments.Count);
        Assert.StartsWith(OutboundComments.Marker(Reminders.Key(new Domain.Period(2024, 12), "members")), comment.Body, StringComparison.Ordinal);
        Assert.Equal(1, h.GitHub.Requests.Count(r => r.Method == "POST") - postsBefore); // the retry found it by its marker, on page 2
        Assert.Contains(h.GitHub.Requests, r => r.Method == "GET" && r.Path.EndsWith($"/issues/{tracking}/comments", StringComparison.Ordinal) && r.Query.Contains("page=2", StringComparison.Ordinal));
        await using var db = h.Database.Context();
        var row = await db.OutboundComments.SingleAsync();
        Assert.Equal((OutboundCommentState.Posted, 2, comment.Id), (row.State, row.Attempts, row.CommentId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reminders_502BeforeGitHubPostedTheComment_FailsTheAttempt_AndTheRetryPostsItOnce(string provider)
    {
        var (h, tracking, catalog) = await MonthAsync(provider);
        await using var harness = h;
        var clock = new ManualClock(new DateTimeOffset(2025, 1, 4, 12, 0, 0, TimeSpan.Zero)) { AutoAdvance = false };
        h.GitHub.FailNext(1, 502, when: r => r.Method == "POST"); // refused before anything was made

        var failed = await Instance(h, clock, catalog).RunAsync();
        var commentsAfterFailure = h.GitHub.Issue(SyncHarness.Repo, tracking).Comments.Count;
        OutboundComment afterFailure;
        await using (var read = h.Database.Context())
        {
            afterFailure = await read.OutboundComments.AsNoTracking().SingleAsync();
        }

        clock.Advance(TimeSpan.FromMinutes(2));
        var retried = await Instance(h, clock, catalog).RunAsync();

        Assert.Equal((0, 1), (failed.Posted, failed.Failed)); // the client no longer repeats the post on its own
        Assert.Equal(0, commentsAfterFailure);
        Assert.Equal(OutboundCommentState.Failed, afterFailure.State);
        Assert.Contains("502", afterFailure.LastError, StringComparison.Ordinal);
        Assert.Equal((1, 0), (retried.Posted, retried.Failed));
        Assert.Contains("Not filed yet: @bob @carol", Assert.Single(h.GitHub.Issue(SyncHarness.Repo, tracking).Comments).Body, StringComparison.Ordinal);
        await using var db = h.Database.Context();
        var row = await db.OutboundComments.SingleAsync();
        Assert.Equal((OutboundCommentState.Posted, 2), (row.State, row.Attempts));
    }

    [Fact]
    public async Task Reminders_FailedPost_IsRetriedAfterItsBackoff_AndThenPostedOnce()
    {
        var (h, tracking, catalog) = await MonthAsync("sqlite");
        await using var harness = h;
        var clock = new ManualClock(new DateTimeOffset(2025, 1, 4, 12, 0, 0, TimeSpan.Zero)) { AutoAdvance = false };
        h.GitHub.FailNext(1, status: 422, when: r => r.Method == "POST"); // a refusal the client does not retry itself

        var failed = await Instance(h, clock, catalog, maxRetries: 0).RunAsync();
        var tooSoon = await Instance(h, clock, catalog, maxRetries: 0).RunAsync();
        clock.Advance(TimeSpan.FromMinutes(2)); // past the first back-off (1 minute)
        var retried = await Instance(h, clock, catalog, maxRetries: 0).RunAsync();

        Assert.Equal((0, 1), (failed.Posted, failed.Failed));
        Assert.Equal((0, 0, 1), (tooSoon.Posted, tooSoon.Failed, tooSoon.Skipped));
        Assert.Equal((1, 0), (retried.Posted, retried.Failed));
        Assert.Contains("@bob", Assert.Single(h.GitHub.Issue(SyncHarness.Repo, tracking).Comments).Body, StringComparison.Ordinal);
        await using var db = h.Database.Context();
        var row = await db.OutboundComments.SingleAsync();
        Assert.Equal((OutboundCommentState.Posted, 2), (row.State, row.Attempts));
    }
}
