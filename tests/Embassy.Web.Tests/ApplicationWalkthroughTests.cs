using Embassy.Application;
using Microsoft.Playwright;

namespace Embassy.Web.Tests;

/// <summary>
/// An application in a real browser (Debian's Chromium through Playwright, the app on a real Kestrel port), issue #6:
/// a person finds the form on the home page and fills it in (statement with script in it) → a reviewer scores it on the
/// three criteria → the admin accepts it at a starting rank → the new member is in the admin members list and has a
/// public member page. Any dialog or script execution fails the test.
/// </summary>
[Collection(nameof(BrowserWalkthroughTests))]
public sealed class ApplicationWalkthroughTests
{
    [Fact]
    public async Task Application_FromThePublicForm_ToANewMember_InChromium()
    {

        // A short minimum fill time, so that the person below waits past it without a long sleep.
        await using var site = new EmbassySite(settings: new Dictionary<string, string?> { ["Applications:MinimumFillTime"] = "00:00:01" });
        await using var chromium = await BrowserSession.StartAsync(site);

        // 1. A person finds the form on the public home page and fills it in.
        var applicant = await chromium.NewPersonAsync();
        await applicant.GotoAsync("/");
        await applicant.ClickAsync("#apply-link a");
        await applicant.WaitForURLAsync("**/apply");
        await applicant.FillAsync("#name", "Lucía Romero");
        await applicant.FillAsync("#github", "lucia-romero");
        await applicant.FillAsync("#telegram", "@lucia_rm");
        await applicant.FillAsync("#region", "Spanish group");
        await applicant.FillAsync("#languages", "Español, English");
        await applicant.FillAsync("#links", "https://medium.com/@lucia/phala-en-espanol");
        await applicant.FillAsync("#expertise", "I translate DeFi docs. <script>alert('x')</script>");
        await applicant.FillAsync("#commitment", "I host the weekly Spanish Telegram call.");
        await applicant.FillAsync("#influence", "[my profile](javascript:alert(1)) with 12k followers.");
        Assert.Contains("Professional boundaries", await applicant.InnerTextAsync("#apply-form"), StringComparison.Ordinal); // the policy's fourth criterion
        await applicant.FillAsync("#common-sense", "I keep private chats private and file on time.");
        Assert.False(await applicant.IsVisibleAsync("#website")); // the honeypot is not shown to people
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // a person takes longer than the (configured) minimum fill time
        await applicant.ClickAsync("#apply");
        await applicant.WaitForURLAsync(url => url.Contains("/apply?sent=true&ticket=", StringComparison.Ordinal));
        Assert.Contains("Thank you", await applicant.InnerTextAsync("#sent"), StringComparison.Ordinal);
        var statusLink = await applicant.GetAttributeAsync("#status-link a", "href");
        await BrowserSession.ShotAsync(applicant, "application-1-sent.png");

        // 2. The admin signs in with the one-time link printed at first start; a reviewer with a link of their own.
        var admin = await chromium.NewPersonAsync();
        await admin.GotoAsync(site.Service<FirstRunLink>().Path!);
        await admin.ClickAsync("#use-link");
        await admin.WaitForURLAsync("**/admin");
        var link = (await site.Service<AccessTokens>().IssueSignInAsync("rita", Roles.Reviewer, "root")).Value;
        var reviewer = await chromium.NewPersonAsync();
        await reviewer.GotoAsync("/signin/once?token=" + link);
        await reviewer.ClickAsync("#use-link");
        await reviewer.WaitForURLAsync("**/review");

        // 3. The reviewer opens the pending applications from the navigation and scores the criteria.
        await reviewer.ClickAsync("nav a[href='/review/applications']");
        await reviewer.WaitForURLAsync("**/review/applications");
        await reviewer.ClickAsync("#applications a:text('Lucía Romero')");
        await reviewer.WaitForSelectorAsync("#score-form");
        var statement = await reviewer.InnerTextAsync("#statement");
        Assert.True(statement.Contains("<script>", StringComparison.Ordinal), statement); // shown as text
        await reviewer.FillAsync("#score_expertise", "8");
        await reviewer.FillAsync("#score_commitment", "7");
        await reviewer.FillAsync("#score_influence", "6");
        await reviewer.FillAsync("#score_common-sense", "9");
        await reviewer.FillAsync("#note", "Strong translations.");
        await reviewer.ClickAsync("#save-scores");
        await reviewer.WaitForSelectorAsync("#saved");
        Assert.Contains("30 of 40", await reviewer.InnerTextAsync("#total"), StringComparison.Ordinal);
        Assert.Equal(0, await reviewer.Locator("#decide-form").CountAsync()); // only an admin decides
        await BrowserSession.ShotAsync(reviewer, "application-2-scored.png");

        // 4. The admin accepts the applicant as an ambassador.
        await admin.GotoAsync("/review/applications");
        await admin.ClickAsync("#applications a:text('Lucía Romero')");
        await admin.WaitForSelectorAsync("#decide-form");
        await admin.CheckAsync("#accept");
        await admin.SelectOptionAsync("#rank", "ambassador");
        await admin.ClickAsync("#decide");
        await admin.WaitForSelectorAsync("#decision");
        Assert.StartsWith("Accepted as ambassador by ", await admin.InnerTextAsync("#decision"), StringComparison.Ordinal);

        // 5. The new member is in the registry and has a public page.
        var memberPage = await admin.GetAttributeAsync("#member-link", "href");
        await admin.GotoAsync("/admin/members");
        var row = admin.Locator("#members tbody tr", new() { HasText = "lucia-romero" });
        Assert.Equal(1, await row.CountAsync());
        Assert.Contains("ambassador", await row.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSession.ShotAsync(admin, "application-3-member.png");
        var visitor = await chromium.NewPersonAsync();
        await visitor.GotoAsync(memberPage!);
        Assert.Contains("Lucía Romero", await visitor.InnerTextAsync("main h1"), StringComparison.Ordinal);

        // 6. The applicant's private status link shows the decision and leads to the new member page.
        await applicant.GotoAsync(statusLink!);
        Assert.StartsWith("Accepted.", await applicant.InnerTextAsync("#status"), StringComparison.Ordinal);
        Assert.Equal(memberPage, await applicant.GetAttributeAsync("#status a", "href"));

        foreach (var page in new[] { applicant, admin, reviewer, visitor })
        {
            await chromium.RecordIncidentsAsync(page);
        }

        Assert.Empty(chromium.Incidents);
    }
}
