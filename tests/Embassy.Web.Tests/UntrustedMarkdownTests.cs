using System.Net;
using Embassy.Application;
using Embassy.Domain.Community;
using Embassy.Web.Rendering;
using Microsoft.Playwright;

namespace Embassy.Web.Tests;

/// <summary>
/// Markdown people write (reports, applications) as reviewers and visitors see it: images are links, never fetched
/// (a fetched image tells its author who read the report, from where and when), and nesting of any depth is a page,
/// never a 500 (issue #12).
/// </summary>
[Collection(nameof(BrowserWalkthroughTests))]
public sealed class UntrustedMarkdownTests
{
    internal const string RemoteImage = "![x](https://evil.example/p.png)";

    /// <summary>Inputs nested far beyond what a parser can follow: quotes, lists, brackets, emphasis, links.</summary>
    public static TheoryData<string, string> DeepInputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, text) in Deep(10_000))
        {
            data.Add(name, text);
        }

        return data;
    }

    /// <summary>The deep inputs at nesting <paramref name="depth"/> (Markdig's own limit is in the low hundreds).</summary>
    internal static IEnumerable<(string Name, string Text)> Deep(int depth)
    {
        yield return ("quotes", new string('>', depth) + " deep");
        yield return ("quote lines", string.Concat(Enumerable.Range(1, Math.Min(depth, 300)).Select(i => new string('>', i) + " q\n")));
        yield return ("lists", string.Concat(Enumerable.Range(0, Math.Min(depth, 300)).Select(i => new string(' ', i * 2) + "- item\n")));
        yield return ("list markers", string.Join(" ", Enumerable.Repeat("-", depth)) + " x");
        yield return ("brackets", new string('[', depth) + "x" + new string(']', depth));
        yield return ("links", string.Concat(Enumerable.Repeat("[a](", depth / 2)) + "x" + new string(')', depth / 2));
        yield return ("images", string.Concat(Enumerable.Repeat("![", depth / 2)) + "x" + string.Concat(Enumerable.Repeat("](https://e.example/p.png)", depth / 2)));
        yield return ("emphasis", new string('*', depth) + "x" + new string('*', depth));
        yield return ("mixed", string.Concat(Enumerable.Repeat("> - [*", depth / 3)) + "x");
    }

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

    [Theory]
    [MemberData(nameof(DeepInputs))]
    public void ToHtml_DeepNesting_RendersTextWithoutThrowing(string name, string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown);

        Assert.False(string.IsNullOrWhiteSpace(html), name);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        PublicPagesTests.AssertInert(html);
    }

    [Fact]
    public async Task Pages_DeeplyNestedReportAndApplication_AnswerWithoutA500()
    {
        await using var github = await MonthCloseTests.StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress, new Dictionary<string, string?> { ["Applications:MinimumFillTime"] = "00:00:00" });
        var admin = await site.ApiAsAsync(Roles.Admin);
        var deep = Deep(10_000).Select(d => d.Text).ToArray();
        for (var i = 0; i < deep.Length; i++)
        {
            await EmbassySite.AddMemberAsync(admin, "deep" + i);
            github.AddIssue(EmbassySite.Repo, "deep" + i, "October 2026 Contribution", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(3), deep[i]));
        }

        await EmbassySite.SyncAsync(admin);
        var queue = await EmbassySite.QueueAsync(await site.ApiAsAsync(Roles.Reviewer), EmbassySite.LastMonth);
        Assert.Equal(deep.Length, queue.Count);

        // Applications as the public form stores them.
        var applications = site.Service<MembershipApplications>();
        var tickets = new List<string>();
        foreach (var (_, text) in Deep(1_000).Where(d => d.Text.Length <= 10_000)) // a statement's limit
        {
            var id = await applications.SubmitAsync(
                new MembershipApplication { Id = "x", SubmittedAt = EmbassySite.Now, Name = "Deep " + tickets.Count, GitHubLogin = "deep-app" + tickets.Count, Discord = "d#1", Statement = text },
                null,
                EmbassySite.Now.AddMinutes(-5),
                "hash" + tickets.Count);
            Assert.True(id.IsSuccess, string.Join(" ", id.Errors.Select(e => e.Message)));
            tickets.Add(id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var reviewer = await site.SignInAsReviewerAsync();
        var adminPages = await site.SignInAsAdminAsync();
        var anonymous = site.CreateClient();
        var pages = new List<(HttpClient Client, string Path)>();
        foreach (var item in queue)
        {
            pages.Add((reviewer, $"/review/{item.ReportId}"));
            pages.Add((adminPages, $"/admin/reports/{item.ReportId}"));
        }

        pages.AddRange(tickets.Select(id => (reviewer, "/review/applications/" + id)));
        pages.AddRange(new[] { "/", "/leaderboard", "/treasury", "/review", "/review/applications", "/admin", "/admin/members" }
            .Select(p => (p.StartsWith("/review", StringComparison.Ordinal) ? reviewer : p.StartsWith("/admin", StringComparison.Ordinal) ? adminPages : anonymous, p)));

        foreach (var (client, path) in pages)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }
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
        await reviewer.GotoAsync("/signin/once?token=" + link);
        await reviewer.ClickAsync("#use-link");
        await reviewer.WaitForURLAsync("**/review");

        // Every request the reviewer's browser makes from here on (the review page and all it loads) passes here; one
        // for evil.example is recorded and never leaves. Signing in happens before, outside the interception.
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
