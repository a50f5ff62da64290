using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Embassy.Application;

namespace Embassy.Web.Tests;

/// <summary>First-run link, one-time links, GitHub OAuth (against a stand-in), API tokens and anti-forgery.</summary>
public sealed class SignInTests
{
    [Fact]
    public async Task FirstStart_OneTimeAdminLink_SignsInOnce()
    {
        await using var site = new EmbassySite();
        var home = await site.CreateClient().GetStringAsync("/");
        var link = site.Service<FirstRunLink>().Path;
        Assert.NotNull(link);
        Assert.Contains("Getting started", home, StringComparison.Ordinal);

        var first = site.Browser();
        var used = await EmbassySite.UseSignInLinkAsync(first, link!);
        var admin = await first.GetAsync("/admin");
        var second = await EmbassySite.UseSignInLinkAsync(site.Browser(), link!);

        Assert.Equal((HttpStatusCode.Redirect, "/admin"), (used.StatusCode, used.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
    }

    [Fact]
    public async Task FirstRunLink_IsStoredOnlyAsAHash()
    {
        await using var site = new EmbassySite();
        var link = site.Service<FirstRunLink>().Path!;
        var secret = link[(link.IndexOf('=', StringComparison.Ordinal) + 1)..];

        var bytes = await File.ReadAllBytesAsync(Path.Combine(site.DataDirectory, "embassy.db"));
        var text = System.Text.Encoding.UTF8.GetString(bytes);

        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GitHubSignIn_AdminFromConfiguration_ReachesAdmin_AndAStranger_IsDenied()
    {
        await using var oauth = await OAuthStandIn.StartAsync();
        var settings = oauth.Settings;
        settings["Auth:Admins"] = "octocat";
        await using var site = new EmbassySite(settings: settings);

        var admin = await SignInWithGitHubAsync(site, oauth, "OctoCat");
        var stranger = await SignInWithGitHubAsync(site, oauth, "stranger");

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).StatusCode);
        var denied = await stranger.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/denied", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GitHubSignIn_RegisteredMember_GetsTheMemberRole()
    {
        await using var oauth = await OAuthStandIn.StartAsync();
        await using var site = new EmbassySite(settings: oauth.Settings);
        await EmbassySite.AddMemberAsync(await site.ApiAsAsync(Roles.Admin), "alice");

        var alice = await SignInWithGitHubAsync(site, oauth, "alice");

        var page = await alice.GetStringAsync("/");
        Assert.Contains("Sign out alice", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await alice.GetAsync("/review")).StatusCode);
    }

    [Fact]
    public async Task ApiToken_Wrong_IsUnauthorized_AndNoneAtAll_IsUnauthorized()
    {
        await using var site = new EmbassySite();
        var wrong = site.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new("Bearer", "emb_not-a-real-token");

        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/members")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await site.CreateClient().GetAsync("/api/members")).StatusCode);
    }

    [Fact]
    public async Task ApiToken_ReviewerToken_CannotCloseAMonth()
    {
        await using var site = new EmbassySite();
        var reviewer = await site.ApiAsAsync(Roles.Reviewer);

        var response = await reviewer.PostAsync($"/api/admin/months/{EmbassySite.LastMonth}/lock", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Form_WithoutAntiforgeryToken_IsRefused()
    {
        await using var site = new EmbassySite();
        var admin = await site.SignInAsAdminAsync();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "Mallory", ["GitHub"] = "mallory", ["Rank"] = "candidate" });

        var response = await admin.PostAsync("/admin/members", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await (await site.ApiAsAsync(Roles.Admin)).GetFromJsonAsync<JsonElement[]>("/api/members"))!);
    }

    [Fact]
    public async Task AdminForm_AddMember_WithToken_AddsAndAudits()
    {
        await using var site = new EmbassySite();
        var admin = await site.SignInAsAdminAsync();

        var response = await EmbassySite.PostFormAsync(admin, "/admin/members", new Dictionary<string, string>
        {
            ["Name"] = "Alice", ["GitHub"] = "alice", ["Rank"] = "candidate", ["Address"] = EmbassySite.AddressFor(7),
        });

        var audit = await admin.GetStringAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("member.created", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Member_SeesOwnReports_AndNotTheReviewQueue()
    {
        await using var github = await MonthCloseTests.StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress);
        var admin = await site.ApiAsAsync(Roles.Admin);
        await EmbassySite.AddMemberAsync(admin, "alice");
        await EmbassySite.AddMemberAsync(admin, "bob");
        github.AddIssue(EmbassySite.Repo, "alice", "October 2026 Contribution - alice", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(1)));
        github.AddIssue(EmbassySite.Repo, "bob", "October 2026 Contribution - bob", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(2)));
        await EmbassySite.SyncAsync(admin);
        var alice = await site.SignInAsAsync("alice", Roles.Member);

        var mine = await alice.GetStringAsync("/me");
        var queue = await alice.GetAsync("/review");

        Assert.Contains("October 2026 Contribution - alice", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Contribution - bob", mine, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, queue.StatusCode);
        Assert.StartsWith("/denied", queue.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    internal static async Task<HttpClient> SignInWithGitHubAsync(EmbassySite site, OAuthStandIn oauth, string login)
    {
        oauth.NextLogin = login;
        var browser = site.Browser();
        var challenge = await browser.GetAsync("/signin/github?returnUrl=%2F");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        using var outside = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var authorize = await outside.GetAsync(challenge.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var callback = await browser.GetAsync(authorize.Headers.Location!.PathAndQuery);
        Assert.True(callback.StatusCode == HttpStatusCode.Redirect, await callback.Content.ReadAsStringAsync());
        return browser;
    }
}
