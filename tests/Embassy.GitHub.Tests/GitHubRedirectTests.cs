using System.Net;
using Embassy.GitHubStandIn;

namespace Embassy.GitHub.Tests;

/// <summary>Renamed and transferred repositories: GitHub answers the old name with 301 (GET) and 307 (writes).</summary>
public sealed class GitHubRedirectTests : IAsyncLifetime
{
    private const string Old = "phala/ambassadors";
    private const string New = "phala-network/ambassadors";
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private GitHubStandIn.GitHubStandIn _github = null!;

    public async Task InitializeAsync() => _github = await GitHubStandIn.GitHubStandIn.StartAsync(_clock);

    public async Task DisposeAsync() => await _github.DisposeAsync();

    private GitHubClient Client(HttpMessageHandler? handler = null) => new(
        new HttpClient(handler ?? GitHubClient.CreateHandler()),
        new GitHubOptions { ApiBaseAddress = _github.ApiBaseAddress, Token = "standin-token", MaxRetries = 1 },
        _clock);

    [Fact]
    public async Task ListIssues_OfARenamedRepository_Follows301_AndTellsTheIdAndTheNewName()
    {
        for (var i = 0; i < 150; i++)
        {
            _github.AddIssue(Old, "alice", $"Report {i}", "body");
        }

        _github.RenameRepository(Old, New);
        var client = Client();

        var first = await client.ListIssuesAsync(RepositoryName.Of(Old), new IssueQuery());
        var second = await client.ListIssuesAsync(RepositoryName.Of(Old), new IssueQuery(), first.Value.Next);

        Assert.True(first.IsSuccess, string.Join("; ", first.Diagnostics));
        Assert.Equal(150, first.Value.Issues.Count + second.Value.Issues.Count);
        Assert.Equal(_github.RepositoryId(New), first.Value.RepositoryId);
        Assert.Equal(RepositoryName.Of(New), first.Value.Issues[0].Repository);
        Assert.Equal([301, 200, 200], _github.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task Writes_ToTheOldName_Follow307_WithTheSameMethodAndBody()
    {
        _github.AddIssue(Old, "alice", "December 2024", "body");
        _github.RenameRepository(Old, New);
        var client = Client();

        var created = await client.CreateCommentAsync(RepositoryName.Of(Old), 1, "first");
        var edited = await client.UpdateCommentAsync(RepositoryName.Of(Old), created.Value.Id, "second");
        var labelled = await client.AddLabelsAsync(RepositoryName.Of(Old), 1, ["2024-12"]);

        Assert.True(created.IsSuccess && edited.IsSuccess && labelled.IsSuccess);
        var comment = Assert.Single(_github.Issue(New, 1).Comments);
        Assert.Equal("second", comment.Body);
        Assert.Equal(["2024-12"], _github.Issue(New, 1).Labels);
        Assert.Equal([307, 201, 307, 200, 307, 200], _github.Requests.Select(r => r.Status));
        Assert.Equal(["POST", "POST", "PATCH", "PATCH", "POST", "POST"], _github.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task Redirect_ToAnotherHost_IsNotFollowed_SoTheTokenStaysHome()
    {
        using var handler = new Redirecting(_ => new Uri("https://elsewhere.example/repos/x/y/issues"));
        var client = Client(handler);

        var page = await client.ListIssuesAsync(RepositoryName.Of(Old), new IssueQuery());

        Assert.False(page.IsSuccess);
        Assert.Equal(1, handler.Sent);
        Assert.Contains(page.Errors, e => e.Message.Contains("301", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Redirects_AreBounded()
    {
        using var handler = new Redirecting(request => new Uri(request.RequestUri!, "/repos/loop/" + Guid.NewGuid().ToString("N") + "/issues"));
        var client = Client(handler);

        var page = await client.ListIssuesAsync(RepositoryName.Of(Old), new IssueQuery());

        Assert.False(page.IsSuccess);
        Assert.Equal(GitHubClient.MaxRedirects + 1, handler.Sent);
    }

    /// <summary>Answers every request with 301 to <c>next(request)</c>: the two cases the stand-in cannot play.</summary>
    private sealed class Redirecting(Func<HttpRequestMessage, Uri> next) : HttpMessageHandler
    {
        public int Sent { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sent++;
            var response = new HttpResponseMessage(HttpStatusCode.MovedPermanently) { RequestMessage = request, Content = new StringContent("{\"message\":\"Moved Permanently\"}") };
            response.Headers.Location = next(request);
            return Task.FromResult(response);
        }
    }
}
