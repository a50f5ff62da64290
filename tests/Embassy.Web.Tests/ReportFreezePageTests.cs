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

    /// <summary>alice's October report, filed on 3 November and edited on 10 November, after the deadline, to add BD.</summary>
    private sealed record EditedReport(GitHubStandIn.GitHubStandIn GitHub, EmbassySite Site, long Id) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Site.DisposeAsync();
            await GitHub.DisposeAsync();
        }
    }

    private static async Task<EditedReport> EditedAfterDeadlineAsync()
    {
        var githubClock = new ManualClock(MonthCloseTests.FiledAt) { AutoAdvance = false }; // filed 3 November, before the deadline
        var github = await GitHubStandIn.GitHubStandIn.StartAsync(githubClock);
        var site = new EmbassySite(github.ApiBaseAddress); // now: 20 November
        var admin = await site.ApiAsAsync(Roles.Admin);
        await EmbassySite.AddMemberAsync(admin, "alice");
        var issue = github.AddIssue(EmbassySite.Repo, "alice", "October 2026 Contribution - alice", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(1)));
        await EmbassySite.SyncAsync(admin);
        githubClock.Advance(TimeSpan.FromDays(7)); // 10 November: after the 5 November deadline
        github.EditIssue(EmbassySite.Repo, issue.Number, body: MonthCloseTests.ReportBody(["CM", "CC", "BD"], EmbassySite.AddressFor(1), "Signed a partner after the deadline."));
        await EmbassySite.SyncAsync(admin);
        var id = (await EmbassySite.QueueAsync(await site.ApiAsAsync(Roles.Reviewer, "rita"), EmbassySite.LastMonth)).Single().ReportId;
        return new EditedReport(github, site, id);
    }

    private static Task<HttpResponseMessage> AcceptAsync(HttpClient reviewer, long id, string hash) =>
        EmbassySite.PostFormAsync(reviewer, $"/review/{id}", new Dictionary<string, string> { ["version"] = "2", ["hash"] = hash, ["reason"] = "The partner was signed in October." }, $"/review/{id}?handler=accept");

    private static async Task<string> LaterHashAsync(HttpClient reviewer, long id) =>
        Between(await reviewer.GetStringAsync($"/review/{id}"), "<input type=\"hidden\" name=\"hash\" value=\"", "\"");

    [Fact]
    public async Task MemberMonthPage_AfterAnEditPastTheDeadline_ShowsTheDeadlineVersionAndSaysSo_ThenTheAcceptedOne()
    {
        await using var edited = await EditedAfterDeadlineAsync();
        var (site, id) = (edited.Site, edited.Id);
        var rita = await site.SignInAsReviewerAsync("rita");
        var alice = await site.SignInAsAsync("alice", Roles.Member);
        var monthPage = $"/me/months/{EmbassySite.LastMonth}";

        var before = await alice.GetStringAsync(monthPage);
        var accepted = await AcceptAsync(rita, id, await LaterHashAsync(rita, id));
        var after = await alice.GetStringAsync(monthPage);

        Assert.Contains("You edited this report after the deadline (version 2); the month scores version 1 as it stood at the deadline (R7), unless a reviewer accepts the edit.", Between(before, "id=\"unscored-edit\"", "</p>"), StringComparison.Ordinal);
        Assert.Contains("<dt>Departments</dt><dd>CM, CC</dd>", before, StringComparison.Ordinal);
        Assert.Contains("(version 1)", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.DoesNotContain("unscored-edit", after, StringComparison.Ordinal);
        Assert.Contains("<dt>Departments</dt><dd>CM, CC, BD</dd>", after, StringComparison.Ordinal);
        Assert.Contains("(version 2)", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewPage_WithdrawsTheAcceptedVersion_OnlyOnAReviewersGenuinePostWithAReason()
    {
        await using var edited = await EditedAfterDeadlineAsync();
        var (site, id) = (edited.Site, edited.Id);
        var rita = await site.SignInAsReviewerAsync("rita");
        var sam = await site.SignInAsReviewerAsync("sam");
        var alice = await site.SignInAsAsync("alice", Roles.Member);
        var reviewerApi = await site.ApiAsAsync(Roles.Reviewer, "sam");
        var notYet = await rita.GetStringAsync($"/review/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await AcceptAsync(rita, id, await LaterHashAsync(rita, id))).StatusCode);

        var page = await sam.GetStringAsync($"/review/{id}");
        var byMember = await alice.PostAsync($"/review/{id}?handler=withdraw", new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "mine" }));
        var noToken = await sam.PostAsync($"/review/{id}?handler=withdraw", new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "no token" }));
        var noReason = await EmbassySite.PostFormAsync(sam, $"/review/{id}", new Dictionary<string, string> { ["reason"] = " " }, $"/review/{id}?handler=withdraw");
        var noReasonPage = await noReason.Content.ReadAsStringAsync();
        var stillAccepted = (await EmbassySite.QueueAsync(reviewerApi, EmbassySite.LastMonth)).Single().Departments;
        var withdrawn = await EmbassySite.PostFormAsync(sam, $"/review/{id}", new Dictionary<string, string> { ["reason"] = "The partner was signed in November." }, $"/review/{id}?handler=withdraw");
        var after = await sam.GetStringAsync($"/review/{id}");
        var queuedAfter = (await EmbassySite.QueueAsync(reviewerApi, EmbassySite.LastMonth)).Single().Departments;

        Assert.DoesNotContain("withdraw-form", notYet, StringComparison.Ordinal); // nothing accepted, nothing to withdraw
        Assert.Contains("id=\"withdraw-form\"", page, StringComparison.Ordinal);
        Assert.Contains("Withdraw version 2: score the deadline's version 1 again", page, StringComparison.Ordinal);
        var form = Between(page, "id=\"withdraw-form\"", "</form>");
        Assert.Contains("handler=withdraw", form, StringComparison.Ordinal);
        Assert.Contains("__RequestVerificationToken", form, StringComparison.Ordinal);
        Assert.Contains("<textarea name=\"reason\"", form, StringComparison.Ordinal);
        Assert.True(byMember.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
            || (byMember.StatusCode == HttpStatusCode.Redirect && byMember.Headers.Location!.OriginalString.Contains("/denied", StringComparison.Ordinal)), byMember.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode); // CSRF: no anti-forgery token, no withdrawal
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains(WorkflowCodes.ReasonRequired, noReasonPage, StringComparison.Ordinal);
        Assert.Equal(["CM", "CC", "BD"], stillAccepted);

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Contains("The month scores version 1, the deadline&#x27;s", after, StringComparison.Ordinal);
        Assert.DoesNotContain("withdraw-form", after, StringComparison.Ordinal);
        Assert.Contains("Accept version 2 for scoring", after, StringComparison.Ordinal); // it may be accepted again
        Assert.Equal(["CM", "CC"], queuedAfter);
        Assert.DoesNotContain("Signed a partner after the deadline.", Between(after, "id=\"report-body\">", "</div>"), StringComparison.Ordinal);
    }

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, "not found: " + start);
        from += start.Length;
        return html[from..html.IndexOf(end, from, StringComparison.Ordinal)];
    }
}
