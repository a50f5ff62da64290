using System.Security.Cryptography;
using Embassy.GitHubStandIn;

namespace Embassy.GitHub.Tests;

/// <summary>
/// Authenticating as a GitHub App installation (issue #4: "auth by token, personal or GitHub App installation token"):
/// the client signs the app's JWT with the configured key, exchanges it for an installation token at the stand-in,
/// keeps it for its hour and renews it before it expires or after GitHub revokes it.
/// </summary>
public sealed class GitHubAppAuthTests : IAsyncLifetime
{
    private const string Repo = "phala/ambassadors";
    private const long AppId = 123456;
    private const long InstallationId = 987;
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow) { AutoAdvance = false };
    private GitHubStandIn.GitHubStandIn _github = null!;
    private string _key = null!;

    public async Task InitializeAsync()
    {
        _github = await GitHubStandIn.GitHubStandIn.StartAsync(_clock, token: null);
        _key = _github.EnableApp(AppId, InstallationId);
        _github.AddIssue(Repo, "alice", "December 2024", "body");
    }

    public async Task DisposeAsync() => await _github.DisposeAsync();

    private GitHubClient Client(long appId = AppId, long installation = InstallationId, string? key = null) => new(
        new HttpClient(GitHubClient.CreateHandler()),
        new GitHubOptions { ApiBaseAddress = _github.ApiBaseAddress, AppId = appId, InstallationId = installation, AppPrivateKey = key ?? _key, MaxRetries = 1 },
        _clock);

    private static RepositoryName R => RepositoryName.Of(Repo);

    [Fact]
    public async Task App_ExchangesItsJwtOnce_ThenRenewsBeforeTheHourIsOver()
    {
        var client = Client();

        var first = await client.ListIssuesAsync(R, new IssueQuery());
        var second = await client.ListIssuesAsync(R, new IssueQuery());
        _clock.Advance(TimeSpan.FromMinutes(56)); // within 5 minutes of the token's hour: renewed first
        var third = await client.ListIssuesAsync(R, new IssueQuery());

        Assert.True(first.IsSuccess, string.Join("; ", first.Diagnostics));
        Assert.Single(first.Value.Issues);
        Assert.True(second.IsSuccess && third.IsSuccess);
        Assert.Equal(2, _github.InstallationTokensIssued);
        Assert.Equal(2, _github.Requests.Count(r => r.Path.StartsWith("/app/installations/987/access_tokens", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RevokedInstallationToken_IsReportedOnce_ThenANewOneIsExchanged()
    {
        var client = Client();
        Assert.True((await client.ListIssuesAsync(R, new IssueQuery())).IsSuccess);
        _github.RevokeInstallationTokens();

        var refused = await client.ListIssuesAsync(R, new IssueQuery());
        var again = await client.ListIssuesAsync(R, new IssueQuery());

        Assert.Equal(GitHubCodes.Unauthorized, Assert.Single(refused.Errors).Code);
        Assert.True(again.IsSuccess, string.Join("; ", again.Diagnostics));
        Assert.Equal(2, _github.InstallationTokensIssued);
    }

    [Fact]
    public async Task WrongAppOrKey_IsAClearErrorNamingTheSettings_AndNoIssueRequestIsSent()
    {
        using var stranger = RSA.Create(2048);

        var wrongApp = await Client(appId: 1).ListIssuesAsync(R, new IssueQuery());
        var wrongKey = await Client(key: stranger.ExportPkcs8PrivateKeyPem()).ListIssuesAsync(R, new IssueQuery());
        var wrongInstallation = await Client(installation: 5).ListIssuesAsync(R, new IssueQuery());
        var notAKey = await Client(key: "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----").ListIssuesAsync(R, new IssueQuery());

        foreach (var result in new[] { wrongApp, wrongKey, wrongInstallation })
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal(GitHubCodes.Unauthorized, error.Code);
            Assert.Contains("EMBASSY_GitHub__AppId", error.Message, StringComparison.Ordinal);
        }

        Assert.Contains("PEM", Assert.Single(notAKey.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(0, _github.InstallationTokensIssued);
        Assert.DoesNotContain(_github.Requests, r => r.Path.StartsWith("/repos/", StringComparison.Ordinal));
    }

    [Fact]
    public void Jwt_IsRs256WithTheAppAsIssuer_ValidNineMinutes()
    {
        var now = new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

        var jwt = GitHubAppTokens.Jwt(AppId, _key, now);

        var parts = jwt.Split('.');
        Assert.Equal(3, parts.Length);
        static string Decode(string part) => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(part.Replace('-', '+').Replace('_', '/').PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '=')));
        Assert.Equal("""{"alg":"RS256","typ":"JWT"}""", Decode(parts[0]));
        Assert.Equal($$"""{"iat":{{now.AddSeconds(-60).ToUnixTimeSeconds()}},"exp":{{now.AddMinutes(9).ToUnixTimeSeconds()}},"iss":"123456"}""", Decode(parts[1]));
        Assert.DoesNotContain('=', jwt);
    }
}
