using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Embassy.Application;
using Embassy.Domain;
using Embassy.GitHubStandIn;

namespace Embassy.Web.Tests;

/// <summary>Issue #14: the reviewer cockpit — blind scoring, the panel mean and disagreement, shared notes, assignment, flags.</summary>
public sealed class ReviewCockpitTests
{
    private static async Task<(EmbassySite Site, GitHubStandIn.GitHubStandIn GitHub, HttpClient Admin, long ReportId)> MonthWithOneReportAsync(string author = "alice")
    {
        var github = await MonthCloseTests.StandInAsync();
        var site = new EmbassySite(github.ApiBaseAddress);
        var admin = await site.ApiAsAsync(Roles.Admin);
        await EmbassySite.AddMemberAsync(admin, author);
        github.AddIssue(EmbassySite.Repo, author, "October 2026 Contribution - " + author, MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(1)));
        await EmbassySite.SyncAsync(admin);
        var id = (await EmbassySite.QueueAsync(await site.ApiAsAsync(Roles.Reviewer), EmbassySite.LastMonth)).Single().ReportId;
        return (site, github, admin, id);
    }

    [Fact]
    public async Task ScoringPage_HidesOthersScoresUntilYouSubmit_ThenShowsTheMeanTheDisagreementAndTheSharedNotes()
    {
        var (site, github, _, id) = await MonthWithOneReportAsync();
        await using var _site = site;
        await using var _github = github;
        var sam = await site.ApiAsAsync(Roles.Reviewer, "sam");
        var samScored = await sam.PostAsJsonAsync($"/api/review/reports/{id}/scores", new ScoreRequest(
            [new ScoreEntry("CM", 19, 17), new ScoreEntry("CC", 11, 12), new ScoreEntry("OTHERS", 5, 5)], "Second CM link is dead."));
        Assert.True(samScored.IsSuccessStatusCode, await samScored.Content.ReadAsStringAsync());
        var rita = await site.SignInAsReviewerAsync("rita");

        var before = await rita.GetStringAsync($"/review/{id}");
        var apiBefore = await (await site.ApiAsAsync(Roles.Reviewer, "rita")).GetFromJsonAsync<JsonElement>($"/api/review/reports/{id}");
        var posted = await EmbassySite.PostFormAsync(rita, $"/review/{id}", new Dictionary<string, string>
        {
            ["effort_CM"] = "9", ["result_CM"] = "8",       // 17 against sam's 36: 19 apart, a disagreement (policy spread 10)
            ["effort_CC"] = "12", ["result_CC"] = "12",     // 24 against 23: within the spread
            ["effort_OTHERS"] = "5", ["result_OTHERS"] = "6",
            ["effort_BASIC"] = "0", ["result_BASIC"] = "0",
            ["note"] = "Checked the CC article; it is hers.",
        });
        var after = await rita.GetStringAsync($"/review/{id}");

        Assert.Contains("id=\"blind\"", before, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>sam</td>", before, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"panel\"", before, StringComparison.Ordinal);
        Assert.True(apiBefore.GetProperty("blind").GetBoolean());
        Assert.Equal(0, apiBefore.GetProperty("allScores").GetArrayLength());
        Assert.Contains("Second CM link is dead.", before, StringComparison.Ordinal); // notes are shared, scores are not
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        Assert.DoesNotContain("id=\"blind\"", after, StringComparison.Ordinal);
        Assert.Contains("<td>sam</td>", after, StringComparison.Ordinal);
        var panel = PanelRows(after);
        // R3: the mean of 19 and 9 is 14, of 17 and 8 is 12.5 → 13 (half up): 27 points paid in CM.
        Assert.Equal(("14", "13", "27", true), panel["CM"]);
        Assert.Equal(("12", "12", "24", false), panel["CC"]);
        Assert.Contains("Checked the CC article; it is hers.", after, StringComparison.Ordinal);
        Assert.Contains("Second CM link is dead.", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_AssignsEachReportToThePolicysNumberOfReviewers_NeverItsAuthor_AndListsEveryFlag()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 9, 10, 0, 0, TimeSpan.Zero)); // after the 5 November deadline
        await using var github = await GitHubStandIn.GitHubStandIn.StartAsync(clock);
        await using var site = new EmbassySite(github.ApiBaseAddress);
        var admin = await site.ApiAsAsync(Roles.Admin);
        foreach (var login in new[] { "rita", "sam", "tom" })
        {
            await site.ApiAsAsync(Roles.Reviewer, login);
        }

        await EmbassySite.AddMemberAsync(admin, "rita"); // a reviewer who is also a member files a report
        await EmbassySite.AddMemberAsync(admin, "alice");
        github.AddIssue(EmbassySite.Repo, "rita", "October 2026 Contribution - rita", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(1)));
        github.AddIssue(EmbassySite.Repo, "alice", "October 2026 Contribution - alice", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(2)));
        github.AddIssue(EmbassySite.Repo, "stranger", "October 2026 Contribution - stranger", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(3)));
        await EmbassySite.SyncAsync(admin);

        var queue = await EmbassySite.QueueAsync(await site.ApiAsAsync(Roles.Reviewer, "rita"), EmbassySite.LastMonth);
        var page = await (await site.SignInAsReviewerAsync("sam")).GetStringAsync($"/review?period={EmbassySite.LastMonth}");

        var ritas = queue.Single(i => i.Author == "rita");
        Assert.Equal(2, ritas.AssignedTo.Count);
        Assert.DoesNotContain("rita", ritas.AssignedTo);
        Assert.Equal(2, queue.Single(i => i.Author == "alice").AssignedTo.Count);
        // A report both late and unmatched says both (the state shows only the one that decides).
        Assert.Equal([ReviewStates.Unmatched, ReviewStates.Late], queue.Single(i => i.Author == "stranger").Flags);
        Assert.Equal([ReviewStates.Late], ritas.Flags);
        Assert.Contains("Assigned to you, not yet scored by you", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportText_IsRenderedAsGitHubRendersIt_LineBreaksListsAndLinks()
    {
        await using var github = await MonthCloseTests.StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress);
        var admin = await site.ApiAsAsync(Roles.Admin);
        await EmbassySite.AddMemberAsync(admin, "alice");
        github.AddIssue(EmbassySite.Repo, "alice", "October 2026 Contribution - alice",
            MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(1), "Hosted the AMA\nwith 40 guests\n\n- first item\n- second item\n\n~~draft~~ <script>alert(1)</script>"));
        await EmbassySite.SyncAsync(admin);
        var id = (await EmbassySite.QueueAsync(await site.ApiAsAsync(Roles.Reviewer), EmbassySite.LastMonth)).Single().ReportId;

        var html = await (await site.SignInAsReviewerAsync()).GetStringAsync($"/review/{id}");

        Assert.Contains("Hosted the AMA<br />", html, StringComparison.Ordinal);
        Assert.Contains("<li>first item</li>", html, StringComparison.Ordinal);
        Assert.Contains("<del>draft</del>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://x.com/someone/status/1816000000000000000\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewPage_ShowsTheEvidenceCheck_WithTheOtherReportLinked()
    {
        await using var github = await MonthCloseTests.StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress);
        var admin = await site.ApiAsAsync(Roles.Admin);
        await EmbassySite.AddMemberAsync(admin, "alice");
        await EmbassySite.AddMemberAsync(admin, "bob");
        var julyPost = (ulong)(new DateTimeOffset(2026, 7, 2, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() - 1288834974657L) << 22;
        var octoberPost = (ulong)(new DateTimeOffset(2026, 10, 12, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() - 1288834974657L) << 22;
        github.AddIssue(EmbassySite.Repo, "alice", "October 2026 Contribution - alice", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(1), $"Thread: https://x.com/alice/status/{octoberPost}\nOld one: https://x.com/alice/status/{julyPost}"));
        github.AddIssue(EmbassySite.Repo, "bob", "October 2026 Contribution - bob", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(2), $"My thread: https://mobile.twitter.com/alice/status/{octoberPost}?s=20"));
        await EmbassySite.SyncAsync(admin);
        var queue = await EmbassySite.QueueAsync(await site.ApiAsAsync(Roles.Reviewer), EmbassySite.LastMonth);
        var (alice, bob) = (queue.Single(i => i.Author == "alice"), queue.Single(i => i.Author == "bob"));

        var html = await (await site.SignInAsReviewerAsync()).GetStringAsync($"/review/{bob.ReportId}");
        var evidence = html[html.IndexOf("id=\"evidence\"", StringComparison.Ordinal)..];
        evidence = evidence[..evidence.IndexOf("</ul>", StringComparison.Ordinal)];

        Assert.Contains($"https://x.com/i/status/{octoberPost} is also in alice", evidence, StringComparison.Ordinal);
        Assert.Contains($"href=\"/review/{alice.ReportId}\"", evidence, StringComparison.Ordinal);
        Assert.DoesNotContain(julyPost.ToString(System.Globalization.CultureInfo.InvariantCulture), evidence, StringComparison.Ordinal); // alice's July post is on her page
        var hers = await (await site.SignInAsReviewerAsync()).GetStringAsync($"/review/{alice.ReportId}");
        Assert.Contains($"https://x.com/i/status/{julyPost} was posted on 2026-07-02, outside 2026-10", hers, StringComparison.Ordinal);
    }

    private static Dictionary<string, (string Effort, string Results, string Total, bool Disagreement)> PanelRows(string html)
    {
        var table = html[html.IndexOf("id=\"panel\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        var rows = new Dictionary<string, (string, string, string, bool)>(StringComparer.Ordinal);
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(table,
            "<tr data-dept=\"(\\w+)\"><th scope=\"row\">\\w+</th><td class=\"num\">([\\d.]+)</td><td class=\"num\">([\\d.]+)</td><td class=\"num panel-total\">([\\d.]+)</td><td>[^<]*</td><td>(.*?)</td></tr>"))
        {
            rows[m.Groups[1].Value] = (m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value, m.Groups[5].Value.Contains("disagreement", StringComparison.Ordinal));
        }

        return rows;
    }
}
