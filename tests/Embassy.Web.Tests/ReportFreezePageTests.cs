using System.Net;
using Embassy.Application;
using Embassy.GitHubStandIn;

namespace Embassy.Web.Tests;

/// <summary>
/// R7 on the reviewer's page: the hash frozen at the deadline, the version edited after it with its diff, and the accept
/// button — a reviewer's POST with the anti-forgery token; a member's, a tokenless or a forged one is refused.
/// </summary>
public sealed class ReportFreezePageTests
{
    [Fact]
    public async Task ReviewPage_ShowsTheFrozenHashAndTheLaterEdit_AndOnlyAReviewersGenuinePostAcceptsIt()
    {
        var githubClock = new ManualClock(MonthCloseTests.FiledAt) { AutoAdvance = false }; // filed 3 November, before the deadline
        await using var github = await GitHubStandIn.GitHubStandIn.StartAsync(githubClock);
        await using var site = new EmbassySite(github.ApiBaseAddress); // now: 20 November
        var admin = await site.ApiAsAsync(Roles.Admin);
        await EmbassySite.AddMemberAsync(admin, "alice");
        var issue = github.AddIssue(EmbassySite.Repo, "alice", "October 2026 Contribution - alice", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(1)));
        await EmbassySite.SyncAsync(admin);
        githubClock.Advance(TimeSpan.FromDays(7)); // 10 November: after the 5 November deadline
        github.EditIssue(EmbassySite.Repo, issue.Number, body: MonthCloseTests.ReportBody(["CM", "CC", "BD"], EmbassySite.AddressFor(1), "Signed a partner after the deadline."));
        await EmbassySite.SyncAsync(admin);
        var reviewerApi = await site.ApiAsAsync(Roles.Reviewer, "rita");
        var id = (await EmbassySite.QueueAsync(reviewerApi, EmbassySite.LastMonth)).Single().ReportId;
        var rita = await site.SignInAsReviewerAsync("rita");
        var alice = await site.SignInAsAsync("alice", Roles.Member);

        var page = await rita.GetStringAsync($"/review/{id}");
        var frozenHash = Between(page, "<code id=\"frozen-hash\">", "</code>");
        var laterHash = Between(page, "<input type=\"hidden\" name=\"hash\" value=\"", "\"");
        var queuedBefore = (await EmbassySite.QueueAsync(reviewerApi, EmbassySite.LastMonth)).Single().Departments;
        var byMember = await alice.PostAsync($"/review/{id}?handler=accept", new FormUrlEncodedContent(new Dictionary<string, string> { ["version"] = "2", ["hash"] = laterHash, ["reason"] = "mine" }));
        var noToken = await rita.PostAsync($"/review/{id}?handler=accept", new FormUrlEncodedContent(new Dictionary<string, string> { ["version"] = "2", ["hash"] = laterHash, ["reason"] = "ok" }));
        var forged = await EmbassySite.PostFormAsync(rita, $"/review/{id}", new Dictionary<string, string> { ["version"] = "2", ["hash"] = new string('f', 64), ["reason"] = "ok" }, $"/review/{id}?handler=accept");
        var forgedPage = await forged.Content.ReadAsStringAsync();
        var unchanged = await rita.GetStringAsync($"/review/{id}");
        var accepted = await EmbassySite.PostFormAsync(rita, $"/review/{id}", new Dictionary<string, string> { ["version"] = "2", ["hash"] = laterHash, ["reason"] = "The partner was signed in October." }, $"/review/{id}?handler=accept");
        var after = await rita.GetStringAsync($"/review/{id}");
        var queuedAfter = (await EmbassySite.QueueAsync(reviewerApi, EmbassySite.LastMonth)).Single().Departments;

        Assert.Matches("^[0-9a-f]{64}$", frozenHash);
        Assert.Matches("^[0-9a-f]{64}$", laterHash);
        Assert.NotEqual(frozenHash, laterHash);
        Assert.Contains("id=\"frozen-version\">1<", page, StringComparison.Ordinal);
        Assert.Contains("1 version(s) edited after the deadline", page, StringComparison.Ordinal);
        Assert.Contains("<li class=\"added\" data-kind=\"added\"><code>&#x2B; Signed a partner after the deadline.</code></li>", page, StringComparison.Ordinal);
        Assert.Contains("<li class=\"removed\" data-kind=\"removed\"><code>- - Departments: [CM]/[CC]</code></li>", page, StringComparison.Ordinal);
        Assert.Contains("Accept version 2 for scoring", page, StringComparison.Ordinal);
        Assert.Contains("The month scores version 1, the deadline&#x27;s", page, StringComparison.Ordinal);
        Assert.Equal(["CM", "CC"], queuedBefore);

        Assert.True(byMember.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
            || (byMember.StatusCode == HttpStatusCode.Redirect && byMember.Headers.Location!.OriginalString.Contains("/denied", StringComparison.Ordinal)), byMember.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode); // CSRF: no anti-forgery token, no accept
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forged.StatusCode);
        Assert.Contains(FreezeCodes.HashMismatch, forgedPage, StringComparison.Ordinal);
        Assert.Contains("The month scores version 1, the deadline&#x27;s", unchanged, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains("The month scores version 2, accepted by rita", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Accept version 2 for scoring", after, StringComparison.Ordinal);
        Assert.Equal(["CM", "CC", "BD"], queuedAfter);
        Assert.Contains("Signed a partner after the deadline.", Between(after, "id=\"report-body\">", "</div>"), StringComparison.Ordinal); // the scored text
    }

    [Fact]
    public async Task MemberMonthPage_AfterAnEditPastTheDeadline_ShowsTheDeadlineVersionAndSaysSo_ThenTheAcceptedOne()
    {
        var githubClock = new ManualClock(MonthCloseTests.FiledAt) { AutoAdvance = false }; // filed 3 November, before the deadline
        await using var github = await GitHubStandIn.GitHubStandIn.StartAsync(githubClock);
        await using var site = new EmbassySite(github.ApiBaseAddress); // now: 20 November
        var admin = await site.ApiAsAsync(Roles.Admin);
        await EmbassySite.AddMemberAsync(admin, "alice");
        var issue = github.AddIssue(EmbassySite.Repo, "alice", "October 2026 Contribution - alice", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(1)));
        await EmbassySite.SyncAsync(admin);
        githubClock.Advance(TimeSpan.FromDays(7)); // 10 November: after the 5 November deadline
        github.EditIssue(EmbassySite.Repo, issue.Number, body: MonthCloseTests.ReportBody(["CM", "CC", "BD"], EmbassySite.AddressFor(1), "Signed a partner after the deadline."));
        await EmbassySite.SyncAsync(admin);
        var id = (await EmbassySite.QueueAsync(await site.ApiAsAsync(Roles.Reviewer, "rita"), EmbassySite.LastMonth)).Single().ReportId;
        var rita = await site.SignInAsReviewerAsync("rita");
        var alice = await site.SignInAsAsync("alice", Roles.Member);
        var monthPage = $"/me/months/{EmbassySite.LastMonth}";

        var before = await alice.GetStringAsync(monthPage);
        var laterHash = Between(await rita.GetStringAsync($"/review/{id}"), "<input type=\"hidden\" name=\"hash\" value=\"", "\"");
        var accepted = await EmbassySite.PostFormAsync(rita, $"/review/{id}", new Dictionary<string, string> { ["version"] = "2", ["hash"] = laterHash, ["reason"] = "The partner was signed in October." }, $"/review/{id}?handler=accept");
        var after = await alice.GetStringAsync(monthPage);

        Assert.Contains("You edited this report after the deadline (version 2); the month scores version 1 as it stood at the deadline (R7), unless a reviewer accepts the edit.", Between(before, "id=\"unscored-edit\"", "</p>"), StringComparison.Ordinal);
        Assert.Contains("<dt>Departments</dt><dd>CM, CC</dd>", before, StringComparison.Ordinal);
        Assert.Contains("(version 1)", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.DoesNotContain("unscored-edit", after, StringComparison.Ordinal);
        Assert.Contains("<dt>Departments</dt><dd>CM, CC, BD</dd>", after, StringComparison.Ordinal);
        Assert.Contains("(version 2)", after, StringComparison.Ordinal);
    }

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, "not found: " + start);
        from += start.Length;
        return html[from..html.IndexOf(end, from, StringComparison.Ordinal)];
    }
}
