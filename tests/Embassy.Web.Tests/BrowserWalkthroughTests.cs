using System.Globalization;
using Embassy.Application;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.Policies;
using Microsoft.Playwright;
using DomainMember = Embassy.Domain.Rules.Member;

namespace Embassy.Web.Tests;

/// <summary>
/// A new user's whole month in a real browser (Debian's Chromium through Playwright, the app on a real Kestrel port):
/// admin signs in → adds members → syncs reports from the GitHub stand-in → a reviewer scores every report → the admin
/// closes, approves and records a transaction → the public month page shows the engine's rewards. A report full of
/// script, event handlers and javascript: links is among them: any dialog or script execution fails the test.
/// </summary>
[Collection(nameof(BrowserWalkthroughTests))]
public sealed class BrowserWalkthroughTests
{
    private static readonly (string Login, string Name, string[] Depts, int Effort, int Result)[] Plan =
    [
        ("alice", "Alice Nowak", ["CM", "CC"], 18, 16),
        ("bob", "Bob Tran", ["CC", "BD"], 12, 9),
        ("mallory", "Mallory <b>Bold</b>", ["CM", "BD"], 20, 20),
    ];

    [Fact]
    public async Task WholeMonth_InChromium_PublicPageShowsTheEnginesRewards()
    {
        await using var github = await MonthCloseTests.StandInAsync();
        foreach (var p in Plan)
        {
            github.AddIssue(EmbassySite.Repo, p.Login, "October 2026 Contribution - " + p.Login,
                MonthCloseTests.ReportBody(p.Depts, EmbassySite.AddressFor(9), p.Login == "mallory" ? PublicPagesTests.Hostile : string.Empty));
        }

        await using var site = new EmbassySite(github.ApiBaseAddress);
        await using var chromium = await BrowserSession.StartAsync(site);

        // 1. The admin signs in with the one-time link printed at first start.
        var admin = await chromium.NewPersonAsync();
        await admin.GotoAsync(site.Service<FirstRunLink>().Path!);
        await admin.ClickAsync("#use-link");
        await admin.WaitForURLAsync("**/admin");
        await BrowserSession.ShotAsync(admin, "1-admin.png");

        // 2. Adds the members.
        foreach (var p in Plan)
        {
            await admin.GotoAsync("/admin/members");
            await admin.FillAsync("#name", p.Name);
            await admin.FillAsync("#github", p.Login);
            await admin.SelectOptionAsync("#rank", "candidate");
            await admin.FillAsync("#address", EmbassySite.AddressFor(p.Login.Length));
            await admin.ClickAsync("#add");
            await admin.WaitForURLAsync("**/admin/members");
        }

        await BrowserSession.ShotAsync(admin, "2-members.png");
        Assert.Equal(Plan.Length, await admin.Locator("#members tbody tr").CountAsync());

        // 3. Syncs the reports from the GitHub stand-in.
        await admin.GotoAsync("/admin");
        await admin.ClickAsync("#sync-button");
        await admin.WaitForSelectorAsync("#message");
        Assert.Contains("3 new", await admin.InnerTextAsync("#message"), StringComparison.Ordinal);

        // 4. Issues a reviewer sign-in link; the reviewer uses it in their own browser.
        await admin.GotoAsync("/admin/users");
        await admin.FillAsync("#login", "rita");
        await admin.SelectOptionAsync("#role", Roles.Reviewer);
        await admin.ClickAsync("#issue-link");
        var link = await admin.InnerTextAsync("#secret-value");
        var reviewer = await chromium.NewPersonAsync();
        await reviewer.GotoAsync(new Uri(link).PathAndQuery);
        await reviewer.ClickAsync("#use-link");
        await reviewer.WaitForURLAsync("**/review");
        await BrowserSession.ShotAsync(reviewer, "3-review-queue.png");

        // 5. Scores every report, going from one to the next.
        var first = await reviewer.Locator("a.report-link").First.GetAttributeAsync("href");
        await reviewer.GotoAsync(first!);
        for (var i = 0; i < Plan.Length; i++)
        {
            var author = (await reviewer.InnerTextAsync("main h1 + p strong")).Trim();
            var p = Plan.Single(x => x.Login == author);
            foreach (var input in await reviewer.Locator("input[name^='effort_']").AllAsync())
            {
                await input.FillAsync(p.Effort.ToString(CultureInfo.InvariantCulture));
            }

            foreach (var input in await reviewer.Locator("input[name^='result_']").AllAsync())
            {
                await input.FillAsync(p.Result.ToString(CultureInfo.InvariantCulture));
            }

            if (p.Login == "mallory")
            {
                await BrowserSession.ShotAsync(reviewer, "4-review-hostile-report.png");
            }

            await chromium.RecordIncidentsAsync(reviewer);
            var hasNext = await reviewer.Locator("#save-next").CountAsync() > 0;
            await reviewer.ClickAsync(hasNext ? "#save-next" : "#save");
            await reviewer.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        }

        await reviewer.GotoAsync("/review");
        Assert.Equal($"scored: {Plan.Length}", (await reviewer.InnerTextAsync("[data-state='scored']")).Trim());

        // 6. The admin previews, locks, approves and records the transaction.
        await admin.GotoAsync($"/admin/months/{EmbassySite.LastMonth}");
        await BrowserSession.ShotAsync(admin, "5-month-preview.png");
        await admin.ClickAsync("#lock");
        await admin.WaitForSelectorAsync("#approve");
        await admin.ClickAsync("#approve");
        await admin.WaitForSelectorAsync("#tx");
        await admin.FillAsync("#tx", "0x" + new string('c', 64));
        await admin.ClickAsync("#record-tx");
        await admin.WaitForSelectorAsync("#month-state:text('paid')");
        await BrowserSession.ShotAsync(admin, "6-month-paid.png");

        // 7. The public sees the engine's rewards.
        var visitor = await chromium.NewPersonAsync();
        await visitor.GotoAsync($"/months/{EmbassySite.LastMonth}");
        await BrowserSession.ShotAsync(visitor, "7-public-month.png");
        var shown = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in await visitor.Locator("#rewards tbody tr").AllAsync())
        {
            shown[(await row.GetAttributeAsync("data-member"))!] = (await row.GetAttributeAsync("data-total-units"))!;
        }

        await visitor.GotoAsync("/leaderboard");
        await BrowserSession.ShotAsync(visitor, "8-leaderboard.png");
        await visitor.ClickAsync("main table tbody a");
        await visitor.WaitForSelectorAsync("#rank");
        await BrowserSession.ShotAsync(visitor, "9-member.png");
        await visitor.GotoAsync("/treasury");
        await BrowserSession.ShotAsync(visitor, "10-treasury.png");
        foreach (var page in new[] { admin, reviewer, visitor })
        {
            await chromium.RecordIncidentsAsync(page);
        }

        var expected = MonthEngine.Compute(new MonthInput
        {
            Policy = PolicyCatalog.Shipped.ForPeriod(EmbassySite.LastMonth),
            Period = EmbassySite.LastMonth,
            Members = Plan.Select(p => new DomainMember(p.Login, Rank.Candidate, EmbassySite.LastMonth.FirstDay)).ToArray(),
            Scores = Plan.SelectMany(p => p.Depts.Concat(["OTHERS"]).Select(d => new ScoreLine(p.Login, d, Points.Of(p.Effort), Points.Of(p.Result), null))).ToArray(),
            Choices = Plan.Select(p => new MemberChoice(p.Login, p.Depts)).ToArray(),
        }).Value;
        Assert.Empty(chromium.Incidents);
        Assert.Equal(
            expected.Members.ToDictionary(m => m.Id, m => m.Total.Units.ToString(CultureInfo.InvariantCulture)),
            shown);
    }
}

/// <summary>The browser walkthrough runs alone, after the parallel tests: it is the slowest and most timing-sensitive.</summary>
[CollectionDefinition(nameof(BrowserWalkthroughTests), DisableParallelization = true)]
public sealed class BrowserWalkthroughCollection;
