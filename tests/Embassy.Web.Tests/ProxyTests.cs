using System.Net;
using System.Net.Http.Json;
using Embassy.Application;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Embassy.Web.Tests;

/// <summary>
/// Behind a reverse proxy (issue #12), on a real Kestrel port so requests have a real client address (loopback): a
/// forwarded client address is believed only from a listed proxy, so nobody gets past the application limit of 3 a
/// day by sending X-Forwarded-For; an https public URL makes every cookie Secure and sends HSTS; secrets are no-store.
/// </summary>
public sealed class ProxyTests
{
    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?> { ["Applications:MinimumFillTime"] = "00:00:00", ["Applications:MaxPerDay"] = "3" };
        foreach (var (k, v) in extra)
        {
            settings[k] = v;
        }

        return settings;
    }

    /// <summary>Four applications, each claiming to come from another client; the HTTP statuses.</summary>
    private static async Task<HttpStatusCode[]> ApplyFourTimesAsync(EmbassySite site, Func<int, string> forwardedFor)
    {
        site.UseKestrel(0);
        site.StartServer();
        var address = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(address) };
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor(i));
            var response = await CommunityPagesTests.ApplyAsync(client, CommunityPagesTests.Fields("applicant-" + i));
            statuses.Add(response.StatusCode);
        }

        return [.. statuses];
    }

    [Fact]
    public async Task SpoofedForwardedFor_FromAnUnlistedAddress_IsIgnored_EvenWithTheHostsForwardedHeadersSwitch()
    {
        // ASPNETCORE_FORWARDEDHEADERS_ENABLED=true, as the README once advised, would make ASP.NET Core trust any client.
        await using var site = new EmbassySite(settings: Settings(("FORWARDEDHEADERS_ENABLED", "true")));

        var statuses = await ApplyFourTimesAsync(site, i => "203.0.113." + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task ForwardedFor_FromAProxyThatIsNotTheCaller_IsIgnored()
    {
        await using var site = new EmbassySite(settings: Settings(("Proxy:KnownProxies", "10.1.2.3"), ("Proxy:KnownNetworks", "192.168.0.0/16")));

        var statuses = await ApplyFourTimesAsync(site, i => "203.0.113." + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
    }

    [Theory]
    [InlineData("Proxy:KnownProxies", "127.0.0.1")]
    [InlineData("Proxy:KnownNetworks", "127.0.0.0/8")]
    public async Task ForwardedFor_FromAListedProxy_IsTheClient(string key, string value)
    {
        await using var distinct = new EmbassySite(settings: Settings((key, value)));
        await using var same = new EmbassySite(settings: Settings((key, value)));

        var fourClients = await ApplyFourTimesAsync(distinct, i => "203.0.113." + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var oneClient = await ApplyFourTimesAsync(same, _ => "198.51.100.9");

        Assert.All(fourClients, s => Assert.Equal(HttpStatusCode.Redirect, s)); // four people behind the proxy
        Assert.Equal(HttpStatusCode.TooManyRequests, oneClient[3]); // one person behind it, limited as one
    }

    [Fact]
    public async Task HttpsPublicUrl_SignInCookieIsSecure_AndHstsIsSent_PlainUrlNeither()
    {
        await using var https = new EmbassySite(settings: new Dictionary<string, string?> { ["Site:PublicUrl"] = "https://embassy.example.org" });
        await using var plain = new EmbassySite();

        var (secureCookies, hsts) = await SignInCookiesAsync(https);
        var (plainCookies, plainHsts) = await SignInCookiesAsync(plain);

        // The sign-in cookie, though the request reached Embassy over plain http (a TLS proxy it does not listen to).
        Assert.Contains("; secure", Assert.Single(secureCookies, c => c.StartsWith("embassy=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("max-age=31536000", hsts);
        Assert.DoesNotContain("; secure", Assert.Single(plainCookies, c => c.StartsWith("embassy=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
        Assert.Null(plainHsts);
    }

    [Fact]
    public async Task AnswersCarryingASecret_AreNoStore()
    {
        await using var site = new EmbassySite(settings: Settings());
        var admin = await site.ApiAsAsync(Roles.Admin);
        var secret = (await site.Service<AccessTokens>().IssueSignInAsync("rita", Roles.Reviewer, "test")).Value;
        var visitor = site.Browser();
        var sent = (await CommunityPagesTests.ApplyAsync(visitor, CommunityPagesTests.Fields())).Headers.Location!.OriginalString;
        var ticket = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + sent).Query)["ticket"];

        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["POST /api/admin/tokens"] = await admin.PostAsJsonAsync("/api/admin/tokens", new { login = "admin-bot", role = Roles.Reviewer, label = "ci" }),
            ["POST /api/tokens"] = await admin.PostAsJsonAsync("/api/tokens", new { role = Roles.Member, name = "mine" }),
            ["GET /signin/once"] = await site.Browser().GetAsync("/signin/once?token=" + secret),
            ["GET /apply?sent"] = await visitor.GetAsync(sent),
            ["GET /apply/status"] = await visitor.GetAsync("/apply/status?ticket=" + ticket),
        };

        foreach (var (what, response) in answers)
        {
            Assert.True(response.IsSuccessStatusCode, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.True(response.Headers.CacheControl?.NoStore == true, what + " may be cached");
        }
    }

    /// <summary>Signs in through a one-time link, sending cookies by hand (a Secure cookie is not sent back over plain http).</summary>
    private static async Task<(IReadOnlyList<string> Cookies, string? Hsts)> SignInCookiesAsync(EmbassySite site)
    {
        var secret = (await site.Service<AccessTokens>().IssueSignInAsync("rita", Roles.Reviewer, "test")).Value;
        var client = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.GetAsync("/signin/once?token=" + secret);
        var cookies = page.Headers.TryGetValues("Set-Cookie", out var set) ? set.ToList() : [];
        var html = await page.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/signin/once?token=" + secret)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = secret, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) }),
        };
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        post.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Split(';')[0])));
        var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        cookies.AddRange(signedIn.Headers.TryGetValues("Set-Cookie", out var more) ? more : []);
        return (cookies, page.Headers.TryGetValues("Strict-Transport-Security", out var h) ? h.Single() : null);
    }
}
