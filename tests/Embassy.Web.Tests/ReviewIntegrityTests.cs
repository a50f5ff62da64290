using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Embassy.Application;
using Embassy.Data;
using Embassy.Web.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Web.Tests;

/// <summary>Issue #12, reviewers and privacy: no one scores their own report, members read only their own private data, GitHub links are GitHub's.</summary>
public sealed class ReviewIntegrityTests
{
    [Fact]
    public async Task Reviewer_CannotScoreTheirOwnReport_AnotherReviewerCan()
    {
        await using var github = await MonthCloseTests.StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress);
        var admin = await site.ApiAsAsync(Roles.Admin);
        await EmbassySite.AddMemberAsync(admin, "alice");
        github.AddIssue(EmbassySite.Repo, "alice", "October 2026 Contribution", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(1)));
        await EmbassySite.SyncAsync(admin);
        var alice = await site.ApiAsAsync(Roles.Reviewer, "Alice");
        var rita = await site.ApiAsAsync(Roles.Reviewer, "rita");
        var item = (await EmbassySite.QueueAsync(rita, EmbassySite.LastMonth)).Single();

        var own = await EmbassySite.ScoreAsync(alice, item.ReportId, new ScoreEntry("CM", 10, 5));
        var other = await EmbassySite.ScoreAsync(rita, item.ReportId, new ScoreEntry("CM", 10, 5));

        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Equal(AccessCodes.ScoreOwnReport, (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NoContent, other.StatusCode);
    }

    [Fact]
    public async Task Members_MemberToken_SeesOthersPublicFieldsOnly_AndItsOwnRecordWhole()
    {
        await using var site = new EmbassySite();
        var admin = await site.ApiAsAsync(Roles.Admin);
        await EmbassySite.AddMemberAsync(admin, "alice", address: EmbassySite.AddressFor(1));
        await EmbassySite.AddMemberAsync(admin, "bob", address: EmbassySite.AddressFor(2));
        var alice = await site.ApiAsAsync(Roles.Member, "alice");

        var seen = (await alice.GetFromJsonAsync<MemberDto[]>("/api/members"))!.ToDictionary(m => m.GitHub!);
        var all = (await admin.GetFromJsonAsync<MemberDto[]>("/api/members"))!.ToDictionary(m => m.GitHub!);

        Assert.Equal(("Member bob", "candidate"), (seen["bob"].Name, seen["bob"].Rank));
        Assert.Empty(seen["bob"].Addresses);
        Assert.Equal(["github"], seen["bob"].Handles.Keys);
        Assert.Equal(EmbassySite.AddressFor(1), seen["alice"].Addresses.Values.Single());
        Assert.Equal(EmbassySite.AddressFor(2), all["bob"].Addresses.Values.Single());
        Assert.DoesNotContain(EmbassySite.AddressFor(2), await alice.GetStringAsync("/api/members"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://github.com/phala/ambassadors/issues/1", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("JavaScript:alert(1)", false)]
    [InlineData("http://github.com/phala/ambassadors/issues/1", false)]
    [InlineData("https://github.com.evil.example/x", false)]
    [InlineData("https://github.com@evil.example/x", false)]
    [InlineData("https://evil.example/github.com/x", false)]
    [InlineData("https://github.com:8443/x", false)]
    [InlineData("//github.com/x", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsGitHub_OnlyHttpsGitHubCom(string? url, bool expected) => Assert.Equal(expected, GitHubUrl.IsGitHub(url));

    [Fact]
    public async Task ReviewerPage_ReportWithAJavascriptUrl_ShowsNoLink()
    {
        await using var github = await MonthCloseTests.StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress);
        var admin = await site.ApiAsAsync(Roles.Admin);
        await EmbassySite.AddMemberAsync(admin, "alice");
        github.AddIssue(EmbassySite.Repo, "alice", "October 2026 Contribution", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(1)));
        await EmbassySite.SyncAsync(admin);
        var reviewer = await site.SignInAsReviewerAsync();
        var id = (await EmbassySite.QueueAsync(await site.ApiAsAsync(Roles.Reviewer), EmbassySite.LastMonth)).Single().ReportId;
        var before = await reviewer.GetStringAsync($"/review/{id}");
        await using (var db = await site.Service<IDbContextFactory<EmbassyDbContext>>().CreateDbContextAsync())
        {
            await db.Reports.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.HtmlUrl, "javascript:alert(1)"));
        }

        var after = await reviewer.GetStringAsync($"/review/{id}");

        Assert.Contains("href=\"https://github.com/phala/ambassadors/issues/1\"", before, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", after, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("not on github.com", after, StringComparison.Ordinal);
    }
}
