using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Embassy.Application;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Embassy.Web.Tests;

/// <summary>Issue #12 through the host: identities that cannot collide, access that can be taken back, local redirects only.</summary>
public sealed partial class AccessTests
{
    private static readonly Uri Base = new("https://embassy.example/");

    [Fact]
    public async Task GitHubSignIn_AsAdmin_AfterFirstRunSetUp_GetsNoRole()
    {
        await using var oauth = await OAuthStandIn.StartAsync();
        await using var site = new EmbassySite(settings: oauth.Settings);
        var owner = site.Browser();
        var used = await EmbassySite.UseSignInLinkAsync(owner, site.Service<FirstRunLink>().Path!);
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/admin")).StatusCode);

        foreach (var login in new[] { "admin", "Admin" })
        {
            var stranger = await SignInTests.SignInWithGitHubAsync(site, oauth, login);

            var admin = await stranger.GetAsync("/admin");
            Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
            Assert.StartsWith("/denied", admin.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            Assert.Contains("Sign out admin", await stranger.GetStringAsync("/"), StringComparison.Ordinal);
        }

        // The owner's session is the local admin's, untouched by the GitHub sign-ins.
        Assert.Contains($"Sign out {Logins.LocalAdmin}", await owner.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task GitHubSignIn_ConfiguredFirstAdmin_IsTheOneTheFirstRunLinkIsFor()
    {
        await using var oauth = await OAuthStandIn.StartAsync();
        var settings = oauth.Settings;
        settings["Access:FirstAdmin"] = "Octocat";
        await using var site = new EmbassySite(settings: settings);
        var used = await EmbassySite.UseSignInLinkAsync(site.Browser(), site.Service<FirstRunLink>().Path!);
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);

        var octocat = await SignInTests.SignInWithGitHubAsync(site, oauth, "octocat");
        var admin = await SignInTests.SignInWithGitHubAsync(site, oauth, "admin");

        Assert.Equal(HttpStatusCode.OK, (await octocat.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task GitHubSignIn_LoginReclaimedByAnotherAccount_IsRefused()
    {
        await using var oauth = await OAuthStandIn.StartAsync();
        await using var site = new EmbassySite(settings: oauth.Settings);
        var admin = await site.ApiAsAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/admin/users", new AccessRequest("rita", Roles.Reviewer))).StatusCode);
        var rita = await SignInTests.SignInWithGitHubAsync(site, oauth, "rita");
        Assert.Equal(HttpStatusCode.OK, (await rita.GetAsync("/review")).StatusCode);

        oauth.NextLogin = "rita";
        oauth.NextId = 777_777;
        var browser = site.Browser();
        var challenge = await browser.GetAsync("/signin/github?returnUrl=%2Freview");
        using var outside = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var authorize = await outside.GetAsync(challenge.Headers.Location);
        var callback = await browser.GetAsync(authorize.Headers.Location!.PathAndQuery);

        Assert.Equal("/signin?failed=true", callback.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/review")).StatusCode);
        Assert.Contains("signin.refused", await admin.GetStringAsync("/api/admin/audit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemotedUser_CookieAndToken_LoseTheRole_OnTheNextRequest()
    {
        await using var site = new EmbassySite();
        var admin = await site.ApiAsAsync(Roles.Admin);
        var cookie = await site.SignInAsReviewerAsync("rita");
        var token = await site.ApiAsAsync(Roles.Reviewer, "rita");
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/review")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync($"/api/review/{EmbassySite.LastMonth}")).StatusCode);

        var demoted = await admin.PostAsJsonAsync("/api/admin/users", new AccessRequest("rita", Roles.Member));
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);

        var page = await cookie.GetAsync("/review");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/signin?", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await token.GetAsync($"/api/review/{EmbassySite.LastMonth}")).StatusCode);
        var me = await token.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal(Roles.Member, me.GetProperty("role").GetString());

        // Removing the grant takes the rest: rita is not in the member registry, so the token stops working.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/admin/users/rita")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/me")).StatusCode);
        var audit = await admin.GetStringAsync("/api/admin/audit");
        Assert.Contains("role.removed", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndSessions_SignsTheUserOut_Everywhere()
    {
        await using var site = new EmbassySite();
        var admin = await site.SignInAsAdminAsync();
        var laptop = await site.SignInAsReviewerAsync("rita");
        var phone = await site.SignInAsReviewerAsync("rita");
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/review")).StatusCode);

        var ended = await EmbassySite.PostFormAsync(admin, "/admin/users", new Dictionary<string, string> { ["login"] = "rita" }, "/admin/users?handler=endsessions");

        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/review")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/review")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await site.SignInAsReviewerAsync("rita")).GetAsync("/review")).StatusCode);
    }

    [Fact]
    public async Task OwnToken_CreatedWithoutCache_ListedAndRevoked_ThenAnswers401()
    {
        await using var site = new EmbassySite();
        var rita = await site.ApiAsAsync(Roles.Reviewer, "rita");

        var created = await rita.PostAsJsonAsync("/api/tokens", new OwnTokenRequest("laptop", Roles.Member, 30));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.True(created.Headers.CacheControl?.NoStore, "a token's secret must not be cached");
        var answer = (await created.Content.ReadFromJsonAsync<SecretAnswer>())!;
        Assert.Equal(("rita", Roles.Member, "laptop", EmbassySite.Now.AddDays(30)), (answer.Login, answer.Role, answer.Name, answer.ExpiresAt.ToUniversalTime()));
        var laptop = site.ApiWith(answer.Secret);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/me")).StatusCode);

        var tooWide = await rita.PostAsJsonAsync("/api/tokens", new OwnTokenRequest("root", Roles.Admin));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooWide.StatusCode);
        var listed = (await rita.GetFromJsonAsync<TokenInfo[]>("/api/tokens"))!;
        Assert.Equal(["laptop", "tests"], listed.Select(t => t.Name).ToArray());

        var bob = await site.ApiAsAsync(Roles.Member, "bob");
        Assert.Equal(HttpStatusCode.NotFound, (await bob.DeleteAsync($"/api/tokens/{answer.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await rita.DeleteAsync($"/api/tokens/{answer.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rita.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task AdminPage_RevokesAToken_AndItAnswers401()
    {
        await using var site = new EmbassySite();
        var admin = await site.SignInAsAdminAsync();
        var issued = await EmbassySite.PostFormAsync(admin, "/admin/users", new Dictionary<string, string>
        {
            ["login"] = "root", ["role"] = Roles.Admin, ["label"] = "deploy", ["days"] = "7",
        }, "/admin/users?handler=token");
        var html = await issued.Content.ReadAsStringAsync();
        Assert.True(issued.Headers.CacheControl?.NoStore, "the page with a secret must not be cached");
        var secret = SecretValue().Match(html).Groups[1].Value;
        var deploy = site.ApiWith(secret);
        Assert.Equal(HttpStatusCode.OK, (await deploy.GetAsync("/api/admin/audit")).StatusCode);

        var id = (await (await site.ApiAsAsync(Roles.Admin)).GetFromJsonAsync<TokenInfo[]>("/api/admin/tokens"))!.Single(t => t.Name == "deploy").Id;
        var revoked = await EmbassySite.PostFormAsync(admin, "/admin/users", new Dictionary<string, string> { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/admin/users?handler=revoke");

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Contains("revoked", await revoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await deploy.GetAsync("/api/admin/audit")).StatusCode);
    }

    [Fact]
    public async Task MemberPage_CreatesAnOwnToken_NoHigherThanTheirRole()
    {
        await using var site = new EmbassySite();
        await EmbassySite.AddMemberAsync(await site.ApiAsAsync(Roles.Admin), "alice");
        var alice = await site.SignInAsAsync("alice", Roles.Member);

        var created = await EmbassySite.PostFormAsync(alice, "/me/tokens", new Dictionary<string, string> { ["name"] = "script", ["role"] = Roles.Member, ["days"] = "10" }, "/me/tokens?handler=create");
        var escalated = await EmbassySite.PostFormAsync(alice, "/me/tokens", new Dictionary<string, string> { ["name"] = "root", ["role"] = Roles.Admin }, "/me/tokens?handler=create");

        Assert.True(created.Headers.CacheControl?.NoStore);
        var secret = SecretValue().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value;
        var me = await site.ApiWith(secret).GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal(("alice", Roles.Member), (me.GetProperty("login").GetString(), me.GetProperty("role").GetString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, escalated.StatusCode);
        Assert.Contains(AccessCodes.TokenScopeTooWide, await escalated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredToken_Answers401()
    {
        await using var database = await Embassy.Data.Tests.TestDatabase.CreateAsync("sqlite");
        string secret;
        await using (var today = new EmbassySite(database: database))
        {
            var admin = await today.ApiAsAsync(Roles.Admin);
            var created = await admin.PostAsJsonAsync("/api/admin/tokens", new AccessRequest("admin-bot", Roles.Admin, "short", ExpiresInDays: 1));
            secret = (await created.Content.ReadFromJsonAsync<SecretAnswer>())!.Secret;
            Assert.Equal(HttpStatusCode.OK, (await today.ApiWith(secret).GetAsync("/api/me")).StatusCode);
        }

        await using var tomorrow = new EmbassySite(database: database, now: EmbassySite.Now.AddDays(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await tomorrow.ApiWith(secret).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task InvisibleAdmins_CannotBeIssued()
    {
        await using var site = new EmbassySite();
        var admin = await site.ApiAsAsync(Roles.Admin);

        var token = await admin.PostAsJsonAsync("/api/admin/tokens", new AccessRequest("<b>x</b> y", Roles.Admin));
        var grant = await admin.PostAsJsonAsync("/api/admin/users", new AccessRequest("bad login!", Roles.Admin));

        Assert.Equal((HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity), (token.StatusCode, grant.StatusCode));
        Assert.Contains(WorkflowCodes.MemberInvalid, await token.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Inputs from the sweep and their relatives: control characters, Unicode spaces, schemes, backslashes, encodings.</summary>
    public static TheoryData<string> HostileReturnUrls => new(
        "/\t/evil.example", "/%09/evil.example", "/\u3000/x", "/\u00a0/evil.example", "/\u2028/evil.example", "/\r\n/evil.example",
        "//evil.example", "///evil.example", "/\\evil.example", "\\\\evil.example", "/\\/evil.example", "\\/evil.example",
        "https://evil.example", "http:evil.example", "javascript:alert(1)", "data:text/html,x", " /x", "/ /x", "\u0000/x", "/x\u0000",
        "/%2F/evil.example", "/%5C/evil.example", "%2F%2Fevil.example", "~/x", "/\u202e/x", "/\ufeff/x", "", "evil.example", "/ok?next=https://evil.example");

    [Theory]
    [MemberData(nameof(HostileReturnUrls))]
    public async Task ReturnUrl_Hostile_NeverLeavesTheSite_NeverAnswers500(string returnUrl)
    {
        await using var oauth = await OAuthStandIn.StartAsync();
        await using var site = new EmbassySite(settings: oauth.Settings);
        var browser = site.Browser();
        var query = "?returnUrl=" + Uri.EscapeDataString(returnUrl);

        var page = await browser.GetAsync("/signin" + query);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var link = WebUtility.HtmlDecode(GitHubLink().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value);
        AssertLocal(Uri.UnescapeDataString(link));

        var challenge = await browser.GetAsync("/signin/github" + query);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        using var outside = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var authorize = await outside.GetAsync(challenge.Headers.Location);
        var callback = await browser.GetAsync(authorize.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        AssertLocal(callback.Headers.Location!.OriginalString);
    }

    [Fact]
    public void LocalOnly_Fuzzed_IsAlwaysALocalPrintablePath()
    {
        var random = new Random(12);
        string[] pieces = ["/", "//", "\\", "/\\", ":", "%2f", "%5c", "%09", "\t", "\r", "\n", "\0", " ", "\u3000", "\u00a0", "\u2028", "\u202e", "\ufeff", "http", "https:", "javascript:", "evil.example", "@", "?", "#", ".", "..", "~", "a", "é", "\ud800"];
        for (var i = 0; i < 20_000; i++)
        {
            var input = string.Concat(Enumerable.Range(0, random.Next(0, 7)).Select(_ => pieces[random.Next(pieces.Length)]));

            AssertLocal(EmbassyWebSetup.LocalOnly(input));
        }

        Assert.Equal("/review?x=1", EmbassyWebSetup.LocalOnly("/review?x=1"));
        Assert.Equal("/", EmbassyWebSetup.LocalOnly(null));
    }

    private static void AssertLocal(string url)
    {
        Assert.True(RedirectHttpResult.IsLocalUrl(url), $"not local: {url}");
        Assert.True(url.All(c => c is > ' ' and < '\x7f'), $"not printable ASCII: {url}");
        Assert.Equal(Base.Host, new Uri(Base, url).Host);
    }

    [GeneratedRegex("href=\"/signin/github\\?returnUrl=([^\"]*)\"")]
    private static partial Regex GitHubLink();

    [GeneratedRegex("<code id=\"secret-value\">([^<]+)</code>")]
    private static partial Regex SecretValue();
}
