using System.Globalization;
using System.Net;
using Embassy.Application;
using Embassy.Domain;

namespace Embassy.Web.Tests;

/// <summary>Issue #14: the member's month, from a flagged report to the reward explained to the unit.</summary>
[Collection(nameof(BrowserWalkthroughTests))]
public sealed class MemberMonthTests
{
    private static readonly Period October = EmbassySite.LastMonth;

    [Fact]
    public async Task Member_FixesAFlaggedReportBeforeTheDeadline_ThenReadsTheRewardThatSumsToThePaidAmount()
    {
        await using var github = await MonthCloseTests.StandInAsync();
        var clock = new SettableClock(MonthCloseTests.FiledAt.AddHours(2)); // 3 November: before the R7 deadline
        await using var site = new EmbassySite(github.ApiBaseAddress, clock: clock);
        await using var chromium = await BrowserSession.StartAsync(site);
        using var admin = await KestrelApiAsync(site, chromium, Roles.Admin, "root-bot");
        using var reviewer = await KestrelApiAsync(site, chromium, Roles.Reviewer, "rita");
        await EmbassySite.AddMemberAsync(admin, "alice", rank: "senior");
        await EmbassySite.AddMemberAsync(admin, "bob");
        await EmbassySite.AddMemberAsync(admin, "carol");
        // alice's report has no payout address: the parser flags it.
        var flagged = MonthCloseTests.ReportBody(["CM", "CC"], "(forgot)");
        var issue = github.AddIssue(EmbassySite.Repo, "alice", "October 2026 Contribution - alice", flagged);
        github.AddIssue(EmbassySite.Repo, "bob", "October 2026 Contribution - bob", MonthCloseTests.ReportBody(["CM", "BD"], EmbassySite.AddressFor(2)));
        github.AddIssue(EmbassySite.Repo, "carol", "October 2026 Contribution - carol", MonthCloseTests.ReportBody(["CC", "BD"], EmbassySite.AddressFor(3)));
        await EmbassySite.SyncAsync(admin);

        var alice = await chromium.NewPersonAsync();
        var link = (await site.Service<AccessTokens>().IssueSignInAsync("alice", Roles.Member, "root")).Value;
        await alice.GotoAsync("/signin/once?token=" + link);
        await alice.ClickAsync("#use-link");
        await alice.WaitForURLAsync(chromium.BaseUrl + "/");

        // 1. The month page says what is wrong, how to fix it, and by when.
        await alice.GotoAsync("/me");
        await alice.ClickAsync($"a[href='/me/months/{October}']");
        await alice.WaitForSelectorAsync("#diagnostics");
        var problems = await alice.InnerTextAsync("#diagnostics");
        Assert.Contains("WALLET_MISSING", problems, StringComparison.Ordinal);
        Assert.Contains("How to fix: Add your payout address", problems, StringComparison.Ordinal);
        Assert.Contains("you can still edit your issue", await alice.InnerTextAsync("#deadline"), StringComparison.Ordinal);
        Assert.Equal("needs-fix", await alice.InnerTextAsync("#status"));
        await BrowserSession.ShotAsync(alice, "member-1-flagged.png");

        // 2. She edits the issue before the deadline; after the next sync the page has nothing left to fix.
        github.EditIssue(EmbassySite.Repo, issue.Number, body: MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(1)));
        await EmbassySite.SyncAsync(admin);
        await alice.ReloadAsync();
        await alice.WaitForSelectorAsync("#no-problems");
        Assert.Equal("filed", await alice.InnerTextAsync("#status"));

        // 3. Scored, the deadline passes, the month is closed and paid.
        foreach (var item in await EmbassySite.QueueAsync(reviewer, October))
        {
            var (effort, result) = item.Author switch { "alice" => (17, 13), "bob" => (11, 19), _ => (20, 7) };
            var scored = await EmbassySite.ScoreAsync(reviewer, item.ReportId, item.Departments.Concat(["OTHERS"]).Select(d => new ScoreEntry(d, effort, result)).ToArray());
            Assert.True(scored.IsSuccessStatusCode, await scored.Content.ReadAsStringAsync());
        }

        clock.Now = EmbassySite.Now;
        var tx = "0x" + new string('b', 64);
        var snapshot = await EmbassySite.CloseMonthAsync(admin, October, tx);
        var paid = snapshot.Members.Single(m => m.Login == "alice");

        // 4. The reward, line by line: the smallest units of the lines sum to the total paid, to the unit.
        await alice.ReloadAsync();
        await alice.WaitForSelectorAsync("#reward");
        await BrowserSession.ShotAsync(alice, "member-2-reward.png");
        var units = (await alice.Locator("#reward .reward-line .units").AllInnerTextsAsync())
            .Select(u => u.StartsWith('-') ? -BigIntegerOf(u[1..]) : BigIntegerOf(u)).ToArray();
        var texts = await alice.Locator("#reward .reward-line td:first-child").AllInnerTextsAsync();
        Assert.Equal(BigIntegerOf(paid.Total.Units), units.Aggregate(System.Numerics.BigInteger.Zero, (a, u) => a + u));
        Assert.Equal(paid.Total.Units, await alice.InnerTextAsync("#total-units"));
        Assert.Contains(texts, t => t.StartsWith("CM: ", StringComparison.Ordinal) && t.Contains(" × 30 ÷ 60 points = ", StringComparison.Ordinal)); // alice 17 + 13, bob 11 + 19
        Assert.Contains(texts, t => t.StartsWith("plus bonus", StringComparison.Ordinal)); // R6: a senior's rank bonus
        Assert.Equal("paid", await alice.InnerTextAsync("#status"));
        Assert.Equal("https://etherscan.io/tx/" + tx, await alice.GetAttributeAsync("#transactions a.tx", "href"));
        Assert.Equal(["CM", "30 / 40", "30"], await alice.Locator("#scores tbody tr:first-child > *").AllInnerTextsAsync() is var cells ? [cells[0][^3..^1], cells[1], cells[2]] : []); // suggested against final (R3)
        await chromium.RecordIncidentsAsync(alice);
        Assert.Empty(chromium.Incidents);
    }

    [Fact]
    public async Task Statement_HoldsOnlyTheMembersOwnMonths_InExactUnits()
    {
        await using var github = await MonthCloseTests.StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress);
        var admin = await site.ApiAsAsync(Roles.Admin);
        var reviewer = await site.ApiAsAsync(Roles.Reviewer, "rita");
        await EmbassySite.AddMemberAsync(admin, "alice");
        await EmbassySite.AddMemberAsync(admin, "bob");
        github.AddIssue(EmbassySite.Repo, "alice", "October 2026 Contribution - alice", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(1)));
        github.AddIssue(EmbassySite.Repo, "bob", "October 2026 Contribution - bob", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(2)));
        await EmbassySite.SyncAsync(admin);
        foreach (var item in await EmbassySite.QueueAsync(reviewer, October))
        {
            var points = item.Author == "alice" ? 15 : 9;
            Assert.True((await EmbassySite.ScoreAsync(reviewer, item.ReportId, new ScoreEntry("CM", points, points), new ScoreEntry("CC", 3, 4))).IsSuccessStatusCode);
        }

        var snapshot = await EmbassySite.CloseMonthAsync(admin, October);
        var alice = await site.SignInAsAsync("alice", Roles.Member);

        var statement = await alice.GetAsync("/me/statement/2026");
        var csv = await statement.Content.ReadAsStringAsync();
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var bad = await alice.GetAsync("/me/statement/twenty");
        var otherYear = await alice.GetStringAsync("/me/statement/2025");
        var history = await alice.GetStringAsync("/me");

        Assert.Equal(HttpStatusCode.OK, statement.StatusCode);
        Assert.Equal("text/csv", statement.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("period,state,rank,percent,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("2026-10,paid,", lines[1], StringComparison.Ordinal);
        Assert.Contains("," + snapshot.Members.Single(m => m.Login == "alice").Total.Units + ",", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("," + snapshot.Members.Single(m => m.Login == "bob").Total.Units + ",", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, bad.StatusCode);
        Assert.Single(otherYear.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("/me/statement/2026", history, StringComparison.Ordinal);
        Assert.Contains("October 2026 Contribution - alice", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MonthPage_ShowsOnlyTheSignedInMembersReport()
    {
        await using var github = await MonthCloseTests.StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress);
        var admin = await site.ApiAsAsync(Roles.Admin);
        await EmbassySite.AddMemberAsync(admin, "alice");
        await EmbassySite.AddMemberAsync(admin, "bob");
        github.AddIssue(EmbassySite.Repo, "bob", "October 2026 Contribution - bob", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(2)));
        await EmbassySite.SyncAsync(admin);
        var alice = await site.SignInAsAsync("alice", Roles.Member);
        var bob = await site.SignInAsAsync("bob", Roles.Member);

        var hers = await alice.GetStringAsync($"/me/months/{October}");
        var his = await bob.GetStringAsync($"/me/months/{October}");
        var nonsense = await alice.GetAsync("/me/months/october");

        Assert.DoesNotContain("Contribution - bob", hers, StringComparison.Ordinal);
        Assert.Contains("no-report", hers, StringComparison.Ordinal);
        Assert.Contains("Contribution - bob", his, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, nonsense.StatusCode);
    }

    /// <summary>An API client on the site's Kestrel port (the browser's), with a fresh token for <paramref name="role"/>.</summary>
    internal static async Task<HttpClient> KestrelApiAsync(EmbassySite site, BrowserSession chromium, string role, string login)
    {
        var tokens = site.Service<AccessTokens>();
        Assert.True((await tokens.GrantAsync(login, role, "test")).IsSuccess);
        var secret = await tokens.CreateApiTokenAsync(login, role, "tests", "test");
        var client = new HttpClient { BaseAddress = new Uri(chromium.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret.Value.Secret);
        return client;
    }

    private static System.Numerics.BigInteger BigIntegerOf(string digits) => System.Numerics.BigInteger.Parse(digits.Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
}

/// <summary>Issue #14: the scoring form keeps what was typed when the server refuses it.</summary>
[Collection(nameof(BrowserWalkthroughTests))]
public sealed class ScoringFormBrowserTests
{
    [Fact]
    public async Task ScoringForm_ServerSideError_KeepsEveryValueTyped()
    {
        await using var github = await MonthCloseTests.StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress);
        await using var chromium = await BrowserSession.StartAsync(site);
        var tokens = site.Service<AccessTokens>();
        using var admin = await MemberMonthTests.KestrelApiAsync(site, chromium, Roles.Admin, "root-bot");
        // rita reviews and is also a member who filed a report: the server refuses her scoring it (issue #12).
        await EmbassySite.AddMemberAsync(admin, "rita");
        github.AddIssue(EmbassySite.Repo, "rita", "October 2026 Contribution - rita", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(5)));
        await EmbassySite.SyncAsync(admin);
        var id = (await site.Service<ReviewQueue>().ListAsync(EmbassySite.LastMonth)).Single().ReportId;
        var link = (await tokens.IssueSignInAsync("rita", Roles.Reviewer, "root")).Value;
        var rita = await chromium.NewPersonAsync();
        await rita.GotoAsync("/signin/once?token=" + link);
        await rita.ClickAsync("#use-link");
        await rita.WaitForURLAsync("**/review");

        await rita.GotoAsync($"/review/{id}");
        var typed = new Dictionary<string, string> { ["#effort_CM"] = "17", ["#result_CM"] = "13", ["#effort_CC"] = "9", ["#result_CC"] = "11" };
        foreach (var input in await rita.Locator("#score-form input[type=number]").AllAsync())
        {
            await input.FillAsync("4");
        }

        foreach (var (selector, value) in typed)
        {
            await rita.FillAsync(selector, value);
        }

        await rita.FillAsync("#note", "My own report: typed anyway.");
        await rita.ClickAsync("#save");
        await rita.WaitForSelectorAsync("[role=alert]");

        Assert.Contains(AccessCodes.ScoreOwnReport, await rita.InnerTextAsync("[role=alert]"), StringComparison.Ordinal);
        foreach (var (selector, value) in typed)
        {
            Assert.Equal(value, await rita.InputValueAsync(selector));
        }

        Assert.Equal("4", await rita.InputValueAsync("#effort_OTHERS"));
        Assert.Equal("My own report: typed anyway.", await rita.InputValueAsync("#note"));
    }
}
