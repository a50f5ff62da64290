using System.Net;
using Embassy.Application;
using Embassy.Domain.Community;
using Embassy.Web.Rendering;
using Microsoft.Playwright;

namespace Embassy.Web.Tests;

/// <summary>
/// Markdown people write (reports, applications) as reviewers and visitors see it: images are links, never fetched
/// (a fetched image tells its author who read the report, from where and when), issue #12.
/// </summary>
[Collection(nameof(BrowserWalkthroughTests))]
public sealed class UntrustedMarkdownTests
{
    internal const string RemoteImage = "![x](https://evil.example/p.png)";

    [Fact]
    public void ToHtml_Image_IsALinkToIt_NotAnImage()
    {
        var html = SafeMarkdown.ToHtml(RemoteImage + "\n\n![](https://evil.example/q.png) and ![alt][ref]\n\n[ref]: https://evil.example/r.png");

        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<a href=\"https://evil.example/p.png\" class=\"image-link\"", html, StringComparison.Ordinal);
        Assert.Contains(">x</a>", html, StringComparison.Ordinal);
        Assert.Contains(">https://evil.example/q.png</a>", html, StringComparison.Ordinal); // no alt text: the address is the label
        Assert.Contains("<a href=\"https://evil.example/r.png\" class=\"image-link\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewerBrowser_ReportWithARemoteImage_MakesNoRequestForIt()
    {
        await using var github = await MonthCloseTests.StandInAsync();
        github.AddIssue(EmbassySite.Repo, "mallory", "October 2026 Contribution", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(3), RemoteImage));
        await using var site = new EmbassySite(github.ApiBaseAddress);
        await using var chromium = await BrowserSession.StartAsync(site);

        // The site listens on Kestrel for the browser, so the API calls go there too.
        var tokens = site.Service<AccessTokens>();
        Assert.True((await tokens.GrantAsync("api-admin", Roles.Admin, "test")).IsSuccess);
        using var admin = new HttpClient { BaseAddress = new Uri(chromium.BaseUrl) };
        admin.DefaultRequestHeaders.Authorization = new("Bearer", (await tokens.CreateApiTokenAsync("api-admin", Roles.Admin, "tests", "test")).Value.Secret);
        await EmbassySite.AddMemberAsync(admin, "mallory");
        await EmbassySite.SyncAsync(admin);
        var item = (await EmbassySite.QueueAsync(admin, EmbassySite.LastMonth)).Single();
        var link = (await site.Service<AccessTokens>().IssueSignInAsync("rita", Roles.Reviewer, "root")).Value;
        var reviewer = await chromium.NewPersonAsync();

        // Every request the reviewer's browser makes passes here; one for evil.example is recorded and never leaves.
        var elsewhere = new List<string>();
        var all = new List<string>();
        await reviewer.Context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            lock (all)
            {
                all.Add(route.Request.Url);
            }

            if (url.Host.EndsWith("evil.example", StringComparison.OrdinalIgnoreCase))
            {
                lock (elsewhere)
                {
                    elsewhere.Add(route.Request.Url);
                }

                await route.AbortAsync();
                return;
            }

            await route.ContinueAsync();
        });
        await reviewer.GotoAsync("/signin/once?token=" + link);
        await reviewer.ClickAsync("#use-link");
        await reviewer.WaitForURLAsync("**/review");
        await reviewer.GotoAsync($"/review/{item.ReportId}");
        await reviewer.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await BrowserSession.ShotAsync(reviewer, "review-remote-image.png");

        Assert.Contains(all, u => u.EndsWith($"/review/{item.ReportId}", StringComparison.Ordinal)); // the interception saw the page itself
        Assert.Empty(elsewhere);
        Assert.Equal(0, await reviewer.Locator("#report-body img, .report-body img").CountAsync());
        Assert.Equal("https://evil.example/p.png", await reviewer.GetAttributeAsync(".report-body a.image-link", "href"));
        await chromium.RecordIncidentsAsync(reviewer);
        Assert.Empty(chromium.Incidents); // not even a request the CSP had to block
    }
}
