using System.Net;
using System.Text.RegularExpressions;
using Embassy.Application;

namespace Embassy.Web.Tests;

/// <summary>Issue #14: the reviewers' calibration page, from scores entered through the API and a closed month.</summary>
public sealed partial class CalibrationPageTests
{
    [Fact]
    public async Task CalibrationPage_ShowsEachReviewersOffsetFromThePanelMean_AndEachMembersSuggestedAgainstFinal()
    {
        await using var github = await MonthCloseTests.StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress);
        var admin = await site.ApiAsAsync(Roles.Admin);
        var rita = await site.ApiAsAsync(Roles.Reviewer, "rita");
        var sam = await site.ApiAsAsync(Roles.Reviewer, "sam");
        foreach (var (login, i) in new[] { ("alice", 1), ("bob", 2) })
        {
            await EmbassySite.AddMemberAsync(admin, login);
            github.AddIssue(EmbassySite.Repo, login, "October 2026 Contribution - " + login, MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(i))); // suggests 30 / 40 each
        }

        await EmbassySite.SyncAsync(admin);
        foreach (var item in await EmbassySite.QueueAsync(rita, EmbassySite.LastMonth))
        {
            // CM: 27 and 33; the R3 mean 16.5 → 17 plus 13.5 → 14 = 31 paid. CC: 20 and 20.
            Assert.True((await EmbassySite.ScoreAsync(rita, item.ReportId, new ScoreEntry("CM", 15, 12), new ScoreEntry("CC", 10, 10))).IsSuccessStatusCode);
            Assert.True((await EmbassySite.ScoreAsync(sam, item.ReportId, new ScoreEntry("CM", 18, 15), new ScoreEntry("CC", 10, 10))).IsSuccessStatusCode);
        }

        await EmbassySite.CloseMonthAsync(admin, EmbassySite.LastMonth);
        var reviewer = await site.SignInAsReviewerAsync("tom");

        var page = await reviewer.GetStringAsync("/review/calibration");
        var queue = await reviewer.GetStringAsync($"/review?period={EmbassySite.LastMonth}");
        var byMember = await (await site.SignInAsAsync("alice", Roles.Member)).GetAsync("/review/calibration");

        // rita: -4 on both CM panels, 0 on both CC panels: -8 over 4; sam +4 over 4.
        Assert.Equal(("-2", "2", "4"), Row(page, "data-reviewer=\"rita\""));
        Assert.Equal(("+1", "1", "4"), Row(page, "data-reviewer=\"sam\""));
        // alice: CM 30 suggested - 31 paid, CC 30 - 20: +9 over 2.
        var alice = MemberRow(page, "alice");
        Assert.Equal(("+4.5", "2"), alice);
        Assert.Contains($"data-period=\"{EmbassySite.LastMonth}\">&#x2B;4.5 <small>(2)</small>", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/review/calibration\"", queue, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, byMember.StatusCode);
    }

    private static (string Mean, string Size, string Count) Row(string html, string marker)
    {
        var m = ReviewerRow().Match(html[html.IndexOf(marker, StringComparison.Ordinal)..]);
        Assert.True(m.Success, marker);
        return (WebUtility.HtmlDecode(m.Groups[1].Value), m.Groups[2].Value, m.Groups[3].Value);
    }

    private static (string Mean, string Count) MemberRow(string html, string login)
    {
        var m = MemberRowPattern().Match(html[html.IndexOf($"data-member=\"{login}\"", StringComparison.Ordinal)..]);
        Assert.True(m.Success, login);
        return (WebUtility.HtmlDecode(m.Groups[1].Value), m.Groups[2].Value);
    }

    [GeneratedRegex("<td class=\"num overall\">([^<]*)</td><td class=\"num size\">([^<]*)</td><td class=\"num count\">([^<]*)</td>")]
    private static partial Regex ReviewerRow();

    [GeneratedRegex("<td class=\"num overall\">([^<]*)</td><td class=\"num count\">([^<]*)</td>")]
    private static partial Regex MemberRowPattern();
}
