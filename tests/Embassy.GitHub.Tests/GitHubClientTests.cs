using Embassy.GitHubStandIn;

namespace Embassy.GitHub.Tests;

/// <summary>The REST client against the stand-in: real HTTP on loopback, no mocked interfaces.</summary>
public sealed class GitHubClientTests : IAsyncLifetime
{
    private const string Repo = "phala/ambassadors";
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private GitHubStandIn.GitHubStandIn _github = null!;

    public async Task InitializeAsync() => _github = await GitHubStandIn.GitHubStandIn.StartAsync(_clock);

    public async Task DisposeAsync() => await _github.DisposeAsync();

    private GitHubClient Client(Action<GitHubOptions>? configure = null)
    {
        var options = new GitHubOptions { ApiBaseAddress = _github.ApiBaseAddress, Token = "standin-token", MaxRetries = 3 };
        configure?.Invoke(options);
        return new GitHubClient(new HttpClient(GitHubClient.CreateHandler()), options, _clock);
    }

    private static RepositoryName R => RepositoryName.Of(Repo);

    [Fact]
    public async Task ListIssues_FollowsLinkPagination_AndSkipsPullRequests()
    {
        for (var i = 0; i < 250; i++)
        {
            _github.AddIssue(Repo, "alice", $"Report {i}", "body", pullRequest: i % 100 == 7);
        }

        var client = Client();
        var seen = new List<GitHubIssue>();
        var pulls = 0;
        Uri? next = null;
        var pages = 0;
        do
        {
            var page = await client.ListIssuesAsync(R, new IssueQuery(), next);
            Assert.True(page.IsSuccess);
            seen.AddRange(page.Value.Issues);
            pulls += page.Value.PullRequestsSkipped;
            next = page.Value.Next;
            pages++;
        }
        while (next is not null);

        Assert.Equal(3, pages);
        Assert.Equal(3, pulls);
        Assert.Equal(247, seen.Count);
        Assert.Equal(247, seen.Select(i => i.Number).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(i => i.UpdatedAt).Select(i => i.Number), seen.Select(i => i.Number));
        Assert.All(_github.Requests, r => Assert.Contains("state=all", r.Query, StringComparison.Ordinal));
        Assert.All(_github.Requests, r => Assert.Contains("per_page=100", r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListIssues_Since_IsSentAndFilters()
    {
        var old = _github.AddIssue(Repo, "alice", "old", "x");
        _clock.Advance(TimeSpan.FromDays(2));
        _github.AddIssue(Repo, "bob", "new", "y");

        var page = await Client().ListIssuesAsync(R, new IssueQuery(old.UpdatedAt.AddDays(1)));

        Assert.Equal(["new"], page.Value.Issues.Select(i => i.Title));
        Assert.Contains("since=", _github.Requests.Single().Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListIssues_UnchangedWithETag_Answers304AndCostsNoRateLimit()
    {
        _github.AddIssue(Repo, "alice", "December 2024", "body");
        var client = Client();
        var first = await client.ListIssuesAsync(R, new IssueQuery());
        var remaining = _github.RateLimitRemaining;

        var second = await client.ListIssuesAsync(R, new IssueQuery(), etag: first.Value.ETag);

        Assert.False(first.Value.NotModified);
        Assert.NotNull(first.Value.ETag);
        Assert.True(second.Value.NotModified);
        Assert.Equal(304, _github.Requests[^1].Status);
        Assert.Equal(remaining, _github.RateLimitRemaining);

        _github.EditIssue(Repo, 1, body: "edited");
        var third = await client.ListIssuesAsync(R, new IssueQuery(), etag: first.Value.ETag);
        Assert.False(third.Value.NotModified);
        Assert.Equal("edited", third.Value.Issues.Single().Body);
    }

    [Fact]
    public async Task ListIssues_ServerErrorsThenOk_RetriesWithBackoff()
    {
        _github.AddIssue(Repo, "alice", "r", "b");
        _github.FailNext(2, 502);

        var page = await Client().ListIssuesAsync(R, new IssueQuery());

        Assert.True(page.IsSuccess);
        Assert.Equal([502, 502, 200], _github.Requests.Select(r => r.Status));
        Assert.Equal(2, _clock.Waits.Count);
        Assert.True(_clock.Waits[1] > TimeSpan.Zero);
    }

    [Fact]
    public async Task ListIssues_DroppedConnectionAndTimeout_AreRetried()
    {
        _github.AddIssue(Repo, "alice", "r", "b");
        _github.DropNext(1);
        _github.DelayNext(1, TimeSpan.FromMinutes(2));

        // The timeout must be far above a cold first request on a loaded 2-core CI machine:
        // at 500 ms the healthy third request also timed out there and the count came out 3.
        var page = await Client(o => o.RequestTimeout = TimeSpan.FromSeconds(5)).ListIssuesAsync(R, new IssueQuery());

        Assert.True(page.IsSuccess, string.Join("; ", page.Diagnostics));
        Assert.Single(page.Value.Issues);
        Assert.Equal(2, _clock.Waits.Count);
    }

    [Fact]
    public async Task ListComments_ReadsEveryPage_OldestFirst()
    {
        var issue = _github.AddIssue(Repo, "alice", "r", "b");
        for (var i = 0; i < 230; i++)
        {
            issue.Comments.Add(new StandInComment { Id = 500_000 + i, Author = "lead", Body = "note " + i, CreatedAt = _clock.GetUtcNow(), UpdatedAt = _clock.GetUtcNow() });
        }

        var comments = await Client().ListCommentsAsync(R, issue.Number);

        Assert.True(comments.IsSuccess, string.Join("; ", comments.Diagnostics));
        Assert.Equal(Enumerable.Range(0, 230).Select(i => "note " + i), comments.Value.Select(c => c.Body));
        Assert.Equal(["?per_page=100", "?per_page=100&page=2", "?per_page=100&page=3"], _github.Requests.Select(r => r.Query)); // Link pagination, 100 a page
    }

    [Fact]
    public async Task CreateComment_ServerErrorAfterGitHubPostedIt_IsNotRepeated()
    {
        var issue = _github.AddIssue(Repo, "alice", "r", "b");
        _github.FailAfterNext(1, 502, r => r.Method == "POST"); // GitHub made the comment and still answered 502

        var sent = await Client().CreateCommentAsync(R, issue.Number, "hello");

        Assert.False(sent.IsSuccess);
        Assert.Equal(GitHubCodes.Unavailable, sent.Errors.Single().Code);
        Assert.Contains("not repeated", sent.Errors.Single().Message, StringComparison.Ordinal);
        Assert.Equal(["POST 502"], _github.Requests.Select(r => r.Method + " " + r.Status)); // one request: a repeat would post it twice
        Assert.Equal("hello", Assert.Single(_github.Issue(Repo, issue.Number).Comments).Body);
    }

    [Fact]
    public async Task CreateComment_ServerErrorOrLostConnection_IsNotRepeated_ButARateLimitIsWaitedOut()
    {
        var issue = _github.AddIssue(Repo, "alice", "r", "b");
        var client = Client();

        _github.FailNext(1, 503, r => r.Method == "POST");
        var serverError = await client.CreateCommentAsync(R, issue.Number, "first");
        _github.DropNext(1, r => r.Method == "POST");
        var dropped = await client.CreateCommentAsync(R, issue.Number, "second");
        _github.SecondaryLimitNext(retryAfterSeconds: 3, when: r => r.Method == "POST");
        var limited = await client.CreateCommentAsync(R, issue.Number, "third");

        Assert.Equal(GitHubCodes.Unavailable, serverError.Errors.Single().Code);
        Assert.Equal(GitHubCodes.Unavailable, dropped.Errors.Single().Code);
        Assert.True(limited.IsSuccess, string.Join("; ", limited.Diagnostics)); // refused by GitHub, so safe to repeat
        Assert.Equal([503, 0, 403, 201], _github.Requests.Select(r => r.Status));
        Assert.Equal("third", Assert.Single(_github.Issue(Repo, issue.Number).Comments).Body);
    }

    [Fact]
    public async Task ListIssues_PersistentServerErrors_ReportUnavailableAfterRetries()
    {
        _github.FailNext(10, 503);

        var page = await Client(o => o.MaxRetries = 3).ListIssuesAsync(R, new IssueQuery());

        Assert.False(page.IsSuccess);
        Assert.Equal(GitHubCodes.Unavailable, page.Errors.Single().Code);
        Assert.Equal(4, _github.Requests.Count);
    }

    [Theory]
    [InlineData(0, 1, "and the request was not repeated (GitHub:MaxRetries is 0).")]
    [InlineData(1, 2, "after 1 retry.")]
    [InlineData(2, 3, "after 2 retries.")]
    public async Task ListIssues_PersistentServerErrors_AreSentOnce_ThenMaxRetriesTimesMore(int maxRetries, int sent, string said)
    {
        _github.FailNext(10, 503);

        var page = await Client(o => o.MaxRetries = maxRetries).ListIssuesAsync(R, new IssueQuery());

        Assert.False(page.IsSuccess);
        var error = page.Errors.Single();
        Assert.Equal(GitHubCodes.Unavailable, error.Code);
        Assert.Equal(Enumerable.Repeat("GET 503", sent), _github.Requests.Select(r => r.Method + " " + r.Status)); // 0: no retry at all
        Assert.EndsWith("GitHub answered 503 " + said, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MaxRetriesZero_ARateLimitIsReported_NotWaitedOut()
    {
        _github.AddIssue(Repo, "alice", "r", "b");
        _github.SecondaryLimitNext(retryAfterSeconds: 60);

        var page = await Client(o => o.MaxRetries = 0).ListIssuesAsync(R, new IssueQuery());

        Assert.Equal(GitHubCodes.RateLimited, page.Errors.Single().Code);
        Assert.Contains("GitHub:MaxRetries is 0", page.Errors.Single().Message, StringComparison.Ordinal);
        Assert.Equal([403], _github.Requests.Select(r => r.Status));
        Assert.Empty(_clock.Waits);
    }

    [Fact]
    public void MaxRetries_Negative_IsAConfigurationError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Client(o => o.MaxRetries = -1));

        Assert.Contains("GitHub:MaxRetries is -1", error.Message, StringComparison.Ordinal);
        Assert.Empty(_github.Requests);
    }

    [Fact]
    public async Task SecondaryLimit_RetryAfter_IsWaitedOut()
    {
        _github.AddIssue(Repo, "alice", "r", "b");
        _github.SecondaryLimitNext(retryAfterSeconds: 60);

        var page = await Client().ListIssuesAsync(R, new IssueQuery());

        Assert.True(page.IsSuccess);
        Assert.Equal([403, 200], _github.Requests.Select(r => r.Status));
        Assert.Equal(TimeSpan.FromSeconds(60), _clock.Waits.Single());
    }

    [Fact]
    public async Task SecondaryLimit_LongerThanEmbassyWaits_IsReported()
    {
        _github.AddIssue(Repo, "alice", "r", "b");
        _github.SecondaryLimitNext(retryAfterSeconds: 3600);

        var page = await Client(o => o.MaxRateLimitWait = TimeSpan.FromMinutes(15)).ListIssuesAsync(R, new IssueQuery());

        Assert.Equal(GitHubCodes.RateLimited, page.Errors.Single().Code);
        Assert.Single(_github.Requests);
        Assert.Equal(TimeSpan.Zero, _clock.Waited);
    }

    [Fact]
    public async Task PrimaryLimit_Exhausted_WaitsUntilReset()
    {
        _github.AddIssue(Repo, "alice", "r", "b");
        _github.SetPrimaryLimit(0, TimeSpan.FromMinutes(10));

        var page = await Client().ListIssuesAsync(R, new IssueQuery());

        Assert.True(page.IsSuccess);
        Assert.Equal([403, 200], _github.Requests.Select(r => r.Status));
        Assert.InRange(_clock.Waited, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(11));
    }

    [Fact]
    public async Task PrimaryLimit_ResetTooFarAway_IsReportedAndNotHammered()
    {
        _github.AddIssue(Repo, "alice", "r", "b");
        _github.SetPrimaryLimit(0, TimeSpan.FromHours(2));
        var client = Client(o => o.MaxRateLimitWait = TimeSpan.FromMinutes(15));

        var first = await client.ListIssuesAsync(R, new IssueQuery());
        var second = await client.ListIssuesAsync(R, new IssueQuery());

        Assert.Equal(GitHubCodes.RateLimited, first.Errors.Single().Code);
        Assert.Equal(GitHubCodes.RateLimited, second.Errors.Single().Code);
        Assert.Single(_github.Requests); // the second call knew the limit and sent nothing
        Assert.Equal(TimeSpan.Zero, _clock.Waited);
    }

    [Fact]
    public async Task WrongToken_IsReportedAsUnauthorized()
    {
        var page = await Client(o => o.Token = "wrong").ListIssuesAsync(R, new IssueQuery());

        Assert.Equal(GitHubCodes.Unauthorized, page.Errors.Single().Code);
        Assert.Contains("EMBASSY_GitHub__Token", page.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetIssue_TellsPresentDeletedAndTransferred()
    {
        _github.AddIssue(Repo, "alice", "kept", "b");
        _github.AddIssue(Repo, "bob", "deleted", "b");
        _github.AddIssue(Repo, "carol", "moved", "b");
        _github.DeleteIssue(Repo, 2);
        _github.TransferIssue(Repo, 3, "phala/elsewhere");
        var client = Client();

        var kept = await client.GetIssueAsync(R, 1);
        var deleted = await client.GetIssueAsync(R, 2);
        var moved = await client.GetIssueAsync(R, 3);

        Assert.Equal((IssueWhereabouts.Present, "kept"), (kept.Value.Whereabouts, kept.Value.Issue!.Title));
        Assert.Equal(IssueWhereabouts.Deleted, deleted.Value.Whereabouts);
        Assert.Equal(IssueWhereabouts.Transferred, moved.Value.Whereabouts);
        Assert.Contains("phala/elsewhere/issues/1", moved.Value.MovedTo!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comments_CreateThenEdit_KeepsOneComment()
    {
        _github.AddIssue(Repo, "alice", "r", "b");
        var client = Client();

        var created = await client.CreateCommentAsync(R, 1, "first");
        var edited = await client.UpdateCommentAsync(R, created.Value.Id, "second");

        Assert.Equal(created.Value.Id, edited.Value.Id);
        var comment = Assert.Single(_github.Issue(Repo, 1).Comments);
        Assert.Equal("second", comment.Body);
    }

    [Fact]
    public async Task Labels_AddAndRemove()
    {
        _github.AddIssue(Repo, "alice", "r", "b");
        var client = Client();

        var added = await client.AddLabelsAsync(R, 1, ["2024-12", "needs-fix"]);
        var removed = await client.RemoveLabelAsync(R, 1, "needs-fix");
        var absent = await client.RemoveLabelAsync(R, 1, "never-there");

        Assert.Equal(["2024-12", "needs-fix"], added.Value);
        Assert.True(removed.Value);
        Assert.True(absent.IsSuccess);
        Assert.Equal(["2024-12"], _github.Issue(Repo, 1).Labels);
    }
}
