using System.Net;
using System.Net.Http.Json;
using Embassy.Application;
using Embassy.Data.Tests;
using Embassy.Domain;

namespace Embassy.Web.Tests;

/// <summary>Issue #14: appeals with a window — filed by the member, decided by a second reviewer, shown, and waited for by the lock.</summary>
public sealed class AppealTests
{
    private static async Task<(HttpClient Admin, long ReportId)> ScoredMonthAsync(EmbassySite site, GitHubStandIn.GitHubStandIn github)
    {
        var admin = await site.ApiAsAsync(Roles.Admin);
        await EmbassySite.AddMemberAsync(admin, "alice");
        await site.ApiAsAsync(Roles.Reviewer, "tom"); // a reviewer who does not score it
        github.AddIssue(EmbassySite.Repo, "alice", "October 2026 Contribution - alice", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(1)));
        await EmbassySite.SyncAsync(admin);
        var rita = await site.ApiAsAsync(Roles.Reviewer, "rita");
        var id = (await EmbassySite.QueueAsync(rita, EmbassySite.LastMonth)).Single().ReportId;
        foreach (var (reviewer, points) in new[] { (rita, 10), (await site.ApiAsAsync(Roles.Reviewer, "sam"), 12) })
        {
            var scored = await EmbassySite.ScoreAsync(reviewer, id, new ScoreEntry("CM", points, points), new ScoreEntry("CC", 15, 15), new ScoreEntry("OTHERS", 5, 5));
            Assert.True(scored.IsSuccessStatusCode, await scored.Content.ReadAsStringAsync());
        }

        return (admin, id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Appeal_FiledByTheMember_DecidedByASecondReviewer_IsShown_AndTheLockWaitsForIt(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var github = await MonthCloseTests.StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress, database: database);
        var (admin, id) = await ScoredMonthAsync(site, github);
        var alice = await site.SignInAsAsync("alice", Roles.Member);
        var page = $"/me/months/{EmbassySite.LastMonth}";

        var before = await alice.GetStringAsync(page);
        var noReason = await EmbassySite.PostFormAsync(alice, page, new Dictionary<string, string> { ["department"] = "CM", ["reason"] = " " });
        var filed = await EmbassySite.PostFormAsync(alice, page, new Dictionary<string, string> { ["department"] = "CM", ["reason"] = "The AMA recording link shows 300 attendees." });
        var open = await alice.GetStringAsync(page);
        var lockedWhileOpen = await admin.PostAsync($"/api/admin/months/{EmbassySite.LastMonth}/lock", null);
        var appeal = (await site.Service<Appeals>().ForReportAsync(id)).Single();

        // rita scored the report: she may not decide; tom did not, and does.
        var rita = await site.SignInAsReviewerAsync("rita");
        var byScorer = await EmbassySite.PostFormAsync(rita, $"/review/{id}", Decision(appeal.Id, Appeals.Upheld, "Looks right."), $"/review/{id}?handler=decide");
        var tom = await site.SignInAsReviewerAsync("tom");
        var decided = await EmbassySite.PostFormAsync(tom, $"/review/{id}", Decision(appeal.Id, Appeals.Changed, "The recording confirms the turnout.", 18, 17), $"/review/{id}?handler=decide");
        var shown = await alice.GetStringAsync(page);
        var audit = await (await site.SignInAsAdminAsync()).GetStringAsync("/admin/audit");
        var snapshot = await EmbassySite.CloseMonthAsync(admin, EmbassySite.LastMonth);

        Assert.Contains("(provisional)", before, StringComparison.Ordinal); // R3 mean published before the lock
        Assert.Contains("id=\"appeal-form\"", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        Assert.Contains("<span class=\"appeal-state\">open</span>", open, StringComparison.Ordinal);
        Assert.False(lockedWhileOpen.IsSuccessStatusCode);
        Assert.Contains(Embassy.Domain.Closing.ClosingCodes.AppealsOpen, await lockedWhileOpen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, byScorer.StatusCode);
        Assert.Contains(Appeals.DeciderScored, await byScorer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Contains("<span class=\"appeal-state\">changed</span>", shown, StringComparison.Ordinal);
        Assert.Contains("Decided by tom", shown, StringComparison.Ordinal);
        Assert.Contains("The recording confirms the turnout.", shown, StringComparison.Ordinal);
        Assert.Contains("appeal.filed", audit, StringComparison.Ordinal);
        Assert.Contains("appeal.decided", audit, StringComparison.Ordinal);
        // R3: the decision is a lead override: 18 + 17 replaces the mean of 10+10 and 12+12.
        Assert.Equal(MonthState.Approved, snapshot.State); // the approval answer; the transaction follows
        var frozen = await site.Service<MemberMonths>().MonthAsync("alice", EmbassySite.LastMonth);
        Assert.Equal((Points.Of(35), false), (frozen.Scores.Single(s => s.Code == "CM").Final!.Value, frozen.Scores.Single(s => s.Code == "CM").Provisional));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Appeal_AfterTheWindow_IsRefused_AndAnAdminMayLockOverAnOpenAppealWithAReason(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var github = await MonthCloseTests.StandInAsync();
        var clock = new SettableClock(EmbassySite.Now);
        await using var site = new EmbassySite(github.ApiBaseAddress, database: database, clock: clock);
        var (admin, id) = await ScoredMonthAsync(site, github);
        var appeals = site.Service<Appeals>();

        var filed = await appeals.FileAsync(id, "CC", "alice", "CC deserves more.");
        var window = await appeals.WindowEndAsync(id, "CM");
        clock.Now = window!.Value; // the window is policy.review.appeal_window_days (3) from the latest CM score
        var late = await appeals.FileAsync(id, "CM", "alice", "Too late now.");
        var notHers = await appeals.FileAsync(id, "CC", "bob", "Not my report.");
        var locked = await admin.PostAsync($"/api/admin/months/{EmbassySite.LastMonth}/lock?overrideReason=" + Uri.EscapeDataString("Program lead decided CC at the call."), null);

        Assert.True(filed.IsSuccess);
        Assert.Equal(EmbassySite.Now.AddDays(3), window);
        Assert.Equal(Appeals.WindowClosed, late.Errors.Single().Code);
        Assert.Equal(Appeals.NotYours, notHers.Errors.Single().Code);
        Assert.True(locked.IsSuccessStatusCode, await locked.Content.ReadAsStringAsync());
        Assert.Equal(WorkflowCodes.MonthClosed, (await appeals.FileAsync(id, "CC", "alice", "After the lock.")).Errors.Single().Code);
    }

    private static Dictionary<string, string> Decision(long appeal, string decision, string reason, int? effort = null, int? result = null)
    {
        var form = new Dictionary<string, string> { ["appeal"] = appeal.ToString(System.Globalization.CultureInfo.InvariantCulture), ["decision"] = decision, ["reason"] = reason };
        if (effort is { } e && result is { } r)
        {
            form["effort"] = e.ToString(System.Globalization.CultureInfo.InvariantCulture);
            form["result"] = r.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return form;
    }
}
