using Embassy.GitHubStandIn;

namespace Embassy.GitHub.Tests;

/// <summary>
/// Rate limits as GitHub documents them, on an injected clock (waits advance it; no test waits a real minute):
/// Retry-After first, then X-RateLimit-Reset, then at least a minute for a secondary limit without a header, doubling.
/// </summary>
public sealed class GitHubRateLimitTests : IAsyncLifetime
{
    private const string Repo = "phala/ambassadors";
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private GitHubStandIn.GitHubStandIn _github = null!;

    public async Task InitializeAsync() => _github = await GitHubStandIn.GitHubStandIn.StartAsync(_clock);

    public async Task DisposeAsync() => await _github.DisposeAsync();

    private GitHubClient Client(int maxRetries = 4) => new(
        new HttpClient(GitHubClient.CreateHandler()),
        new GitHubOptions { ApiBaseAddress = _github.ApiBaseAddress, Token = "standin-token", MaxRetries = maxRetries },
        _clock);

    private static RepositoryName R => RepositoryName.Of(Repo);

    [Fact]
    public async Task SecondaryLimit403_WithoutAHeader_WaitsAMinute_ThenSucceeds()
    {
        _github.AddIssue(Repo, "alice", "r", "b");
        _github.SecondaryLimitNext(retryAfterSeconds: null);

        var page = await Client().ListIssuesAsync(R, new IssueQuery());

        Assert.True(page.IsSuccess, string.Join("; ", page.Diagnostics));
        Assert.Equal([403, 200], _github.Requests.Select(r => r.Status));
        Assert.Equal([TimeSpan.FromMinutes(1)], _clock.Waits);
    }

    [Fact]
    public async Task SecondaryLimit_Repeated_BacksOffExponentially_AndIsBounded()
    {
        _github.AddIssue(Repo, "alice", "r", "b");
        _github.SecondaryLimitNext(retryAfterSeconds: null, count: 3);

        var page = await Client().ListIssuesAsync(R, new IssueQuery());

        Assert.True(page.IsSuccess);
        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4)], _clock.Waits);

        _github.SecondaryLimitNext(retryAfterSeconds: null, count: 10);
        var given = await Client(maxRetries: 2).ListIssuesAsync(R, new IssueQuery());

        Assert.Equal(GitHubCodes.RateLimited, given.Errors.Single().Code);
        Assert.Equal(4 + 3, _github.Requests.Count); // bounded: 1 + 2 retries, then reported
    }

    [Theory]
    [InlineData(null, 60)]
    [InlineData(7, 7)]
    public async Task TooManyRequests429_WaitsRetryAfter_OrAMinuteWithout(int? retryAfter, int expectedSeconds)
    {
        _github.AddIssue(Repo, "alice", "r", "b");
        _github.TooManyRequestsNext(retryAfter);

        var page = await Client().ListIssuesAsync(R, new IssueQuery());

        Assert.True(page.IsSuccess);
        Assert.Equal([429, 200], _github.Requests.Select(r => r.Status));
        Assert.Equal([TimeSpan.FromSeconds(expectedSeconds)], _clock.Waits);
    }

    [Fact]
    public async Task Forbidden_ThatIsNotALimit_IsNotRetried()
    {
        _github.FailNext(1, status: 403);

        var page = await Client().ListIssuesAsync(R, new IssueQuery());

        Assert.Equal(GitHubCodes.Forbidden, page.Errors.Single().Code);
        Assert.Single(_github.Requests);
        Assert.Empty(_clock.Waits);
    }

    [Fact]
    public async Task Writes_ArePacedASecondApart_SoTheContentCreationLimitIsNeverHit()
    {
        for (var i = 0; i < 5; i++)
        {
            _github.AddIssue(Repo, "member" + i, "December 2024", "b");
        }

        _github.ContentCreationLimit = true;
        var client = Client();

        foreach (var number in Enumerable.Range(1, 5))
        {
            Assert.True((await client.CreateCommentAsync(R, number, "checked")).IsSuccess);
            Assert.True((await client.AddLabelsAsync(R, number, ["2024-12"])).IsSuccess);
        }

        Assert.Equal(0, _github.ContentCreationLimitHits);
        Assert.All(_github.Requests, r => Assert.True(r.Status is 200 or 201, $"{r.Method} {r.Path}: {r.Status}"));
        Assert.Equal(9, _clock.Waits.Count(w => w == TimeSpan.FromSeconds(1))); // 10 writes, 9 gaps; reads are not paced
    }

    [Fact]
    public async Task Writes_BackToBackWithoutPacing_HitTheContentCreationLimit_AndAreRetriedAfterAMinute()
    {
        _github.AddIssue(Repo, "alice", "December 2024", "b");
        _github.ContentCreationLimit = true;
        var unpaced = new GitHubClient(
            new HttpClient(GitHubClient.CreateHandler()),
            new GitHubOptions { ApiBaseAddress = _github.ApiBaseAddress, Token = "standin-token", MinWriteInterval = TimeSpan.Zero },
            _clock);

        Assert.True((await unpaced.CreateCommentAsync(R, 1, "one")).IsSuccess);
        var second = await unpaced.CreateCommentAsync(R, 1, "two");

        Assert.True(second.IsSuccess);
        Assert.Equal(1, _github.ContentCreationLimitHits);
        Assert.Equal([TimeSpan.FromMinutes(1)], _clock.Waits);
        Assert.Equal(2, _github.Issue(Repo, 1).Comments.Count);
    }
}
