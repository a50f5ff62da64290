using System.Net;
using Embassy.Application;
using Embassy.Web.Rendering;

namespace Embassy.Web.Tests;

/// <summary>Bidirectional controls in names, logins and titles never reach a page (issue #12).</summary>
public sealed class DisplayTextTests
{
    private static readonly string[] Controls =
        ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"];

    [Fact]
    public void Neutral_RemovesEveryBidiControl_AndKeepsRightToLeftLetters()
    {
        foreach (var c in Controls)
        {
            Assert.Equal("Mallorygnp.exe", DisplayText.Neutral("Mallory" + c + "gnp.exe"));
        }

        Assert.Equal("محمد Ali", DisplayText.Neutral("\u2067محمد\u2069 Ali"));
        const string plain = "Lucía Romero";
        Assert.Same(plain, DisplayText.Neutral(plain));
        Assert.Equal(string.Empty, DisplayText.Neutral(null));
    }

    [Fact]
    public async Task Pages_NameAndTitleWithBidiControls_ShowNone()
    {
        await using var github = await MonthCloseTests.StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress);
        var admin = await site.ApiAsAsync(Roles.Admin);
        var member = await EmbassySite.AddMemberAsync(admin, "mallory", name: "Mallory\u202Egnp.exe\u2066 \u200F\u061C");
        github.AddIssue(EmbassySite.Repo, "mallory", "October 2026 Contribution \u202Egnp.exe", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(3), "body \u202Ereversed"));
        await EmbassySite.SyncAsync(admin);
        var item = (await EmbassySite.QueueAsync(await site.ApiAsAsync(Roles.Reviewer), EmbassySite.LastMonth)).Single();
        var reviewer = await site.SignInAsReviewerAsync();
        var adminPages = await site.SignInAsAdminAsync();
        var anonymous = site.CreateClient();

        var pages = new (HttpClient Client, string Path)[]
        {
            (adminPages, "/admin/members"), (adminPages, $"/admin/members/{member.Id}"), (adminPages, $"/admin/reports/{item.ReportId}"),
            (reviewer, "/review"), (reviewer, $"/review/{item.ReportId}"), (anonymous, $"/members/{member.Id}"), (anonymous, "/leaderboard"),
        };
        foreach (var (client, path) in pages)
        {
            var response = await client.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            foreach (var c in Controls)
            {
                Assert.False(html.Contains(c, StringComparison.Ordinal), $"{path} has U+{(int)c[0]:X4}");
                Assert.DoesNotContain($"&#x{(int)c[0]:X4};", html, StringComparison.OrdinalIgnoreCase);
            }

            if (path.Contains("members", StringComparison.Ordinal))
            {
                Assert.Contains("Mallorygnp.exe", html, StringComparison.Ordinal);
            }
        }

        var review = await (await reviewer.GetAsync($"/review/{item.ReportId}")).Content.ReadAsStringAsync();
        Assert.Contains("October 2026 Contribution gnp.exe", review, StringComparison.Ordinal);
        Assert.Contains("body reversed", review, StringComparison.Ordinal);
    }
}
