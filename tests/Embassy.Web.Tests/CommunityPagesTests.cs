using System.Net;
using System.Text.RegularExpressions;
using Embassy.Application;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.Domain.Community;
using Embassy.Web.Pages.Public;

namespace Embassy.Web.Tests;

/// <summary>The public application form, the reviewer application pages and the crew pages (issue #6), with their roles.</summary>
public sealed partial class CommunityPagesTests
{
    private static readonly Dictionary<string, string?> NoFillTime = new() { ["Applications:MinimumFillTime"] = "00:00:00" };

    internal static Dictionary<string, string> Fields(string login = "lucia-r", string name = "Lucía Romero") => new()
    {
        ["Input.Name"] = name,
        ["Input.GitHub"] = login,
        ["Input.Telegram"] = "@lucia_rm",
        ["Input.Region"] = "Spanish group",
        ["Input.Languages"] = "es, en",
        ["Input.Links"] = "https://medium.com/@lucia/phala\nhttps://x.com/lucia_web3",
        ["Input.Answers[expertise]"] = "Five years of DeFi community work.",
        ["Input.Answers[commitment]"] = "I run the Spanish Telegram call every week.",
        ["Input.Answers[influence]"] = "12k followers on X.",
        ["Input.Answers[common-sense]"] = "I keep moderators' chats private and file my reports on time.",
        ["website"] = string.Empty,
    };

    /// <summary>GETs /apply, keeps its anti-forgery token and shown-at stamp, and posts the fields.</summary>
    internal static async Task<HttpResponseMessage> ApplyAsync(HttpClient client, IDictionary<string, string> fields)
    {
        var html = await (await client.GetAsync("/apply")).Content.ReadAsStringAsync();
        var stamp = Started().Match(html);
        Assert.True(stamp.Success, "The form has no shown-at stamp.");
        var withStamp = new Dictionary<string, string>(fields) { ["started"] = WebUtility.HtmlDecode(stamp.Groups[1].Value) };
        return await EmbassySite.PostFormAsync(client, "/apply", withStamp);
    }

    [Fact]
    public async Task Apply_FilledIn_IsStoredAsPending_AndThanksThePerson()
    {
        await using var site = new EmbassySite(settings: NoFillTime);
        var visitor = site.Browser();

        var response = await ApplyAsync(visitor, Fields());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var thanks = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/apply?sent=true&ticket=", thanks, StringComparison.Ordinal);
        var thanksHtml = await (await visitor.GetAsync(thanks)).Content.ReadAsStringAsync();
        Assert.Contains("id=\"sent\"", thanksHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"status-link\"", thanksHtml, StringComparison.Ordinal);
        var stored = Assert.Single(await site.Service<MembershipApplications>().ListAsync(ApplicationStates.Pending));
        var detail = (await site.Service<MembershipApplications>().FindAsync(stored.Id))!;
        Assert.Equal(("Lucía Romero", "lucia-r", "@lucia_rm"), (detail.Application.Name, detail.Application.GitHubLogin, detail.Application.Telegram));
        Assert.Equal(["es", "en"], detail.Application.Languages);
        Assert.Equal(["https://medium.com/@lucia/phala", "https://x.com/lucia_web3"], detail.Application.Links);
        Assert.Contains("### Commitment\n\nI run the Spanish Telegram call every week.", detail.Application.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_SentFasterThanAPerson_IsRefusedWithoutSayingWhy_AndKeepsEveryValue()
    {
        await using var site = new EmbassySite(); // the default minimum fill time (3 s); the test posts at once
        var visitor = site.Browser();

        var response = await ApplyAsync(visitor, Fields());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(WebUtility.HtmlEncode(ApplyModel.NotAcceptedMessage), html, StringComparison.Ordinal);
        Assert.DoesNotContain("fast", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("value=\"lucia-r\"", html, StringComparison.Ordinal);
        Assert.Contains("I run the Spanish Telegram call every week.</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("https://medium.com/@lucia/phala\nhttps://x.com/lucia_web3</textarea>", html.Replace("&#xA;", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Empty(await site.Service<MembershipApplications>().ListAsync());
    }

    [Fact]
    public async Task Apply_HoneypotFilled_IsRefusedLikeAnyOtherSpam()
    {
        await using var site = new EmbassySite(settings: NoFillTime);
        var fields = Fields();
        fields["website"] = "http://cheap-pills.example";

        var response = await ApplyAsync(site.Browser(), fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(WebUtility.HtmlEncode(ApplyModel.NotAcceptedMessage), html, StringComparison.Ordinal);
        Assert.DoesNotContain("honeypot", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await site.Service<MembershipApplications>().ListAsync());
    }

    [Fact]
    public async Task Apply_TamperedStamp_CountsAsNoFillTime()
    {
        await using var site = new EmbassySite(settings: new Dictionary<string, string?> { ["Applications:MinimumFillTime"] = "00:00:01" });
        var visitor = site.Browser();
        var fields = new Dictionary<string, string>(Fields()) { ["started"] = "made-up" };

        var response = await EmbassySite.PostFormAsync(visitor, "/apply", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Empty(await site.Service<MembershipApplications>().ListAsync());
    }

    [Fact]
    public async Task Apply_InvalidField_ShowsTheFieldsMessage_AndKeepsTheValues()
    {
        await using var site = new EmbassySite(settings: NoFillTime);

        var response = await ApplyAsync(site.Browser(), Fields(login: "not a login"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("is not a GitHub login", html, StringComparison.Ordinal);
        Assert.Contains("value=\"not a login\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Luc", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_MoreThanTheDailyLimitFromOneAddress_IsRateLimited()
    {
        await using var site = new EmbassySite(settings: new Dictionary<string, string?> { ["Applications:MinimumFillTime"] = "00:00:00", ["Applications:MaxPerDay"] = "2" });
        var visitor = site.Browser();

        var first = await ApplyAsync(visitor, Fields("first-one"));
        var second = await ApplyAsync(visitor, Fields("second-one"));
        var third = await ApplyAsync(visitor, Fields("third-one"));

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        var html = await third.Content.ReadAsStringAsync();
        Assert.Contains("Too many applications came from your network today", html, StringComparison.Ordinal);
        Assert.Contains("value=\"third-one\"", html, StringComparison.Ordinal);
        Assert.Equal(2, (await site.Service<MembershipApplications>().ListAsync()).Count);
    }

    [Fact]
    public async Task ApplicationPage_ShowsHostileTextInert_ReviewerScores_OnlyAnAdminDecides()
    {
        await using var site = new EmbassySite(settings: NoFillTime);
        var applications = site.Service<MembershipApplications>();
        var id = (await applications.SubmitAsync(
            new MembershipApplication
            {
                Id = "x",
                SubmittedAt = EmbassySite.Now,
                Name = "Mallory <b>Bold</b>",
                GitHubLogin = "mallory",
                Discord = "mallory#1",
                Links = ["https://example.com/work"],
                Statement = "<script>alert('x')</script> [click](javascript:alert(1)) <img src=x onerror=alert(2)>",
            },
            null,
            EmbassySite.Now.AddMinutes(-5),
            "hash")).Value;
        var reviewer = await site.SignInAsReviewerAsync();
        var admin = await site.SignInAsAdminAsync();
        var page = "/review/applications/" + id;

        var html = await (await reviewer.GetAsync(page)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=\"x\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Bold</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"decide-form\"", html, StringComparison.Ordinal);

        var scored = await EmbassySite.PostFormAsync(reviewer, page, new Dictionary<string, string> { ["score_expertise"] = "7", ["score_commitment"] = "8", ["score_influence"] = "6", ["score_common-sense"] = "9", ["note"] = "good links" }, page + "?handler=score");
        var badScore = await EmbassySite.PostFormAsync(reviewer, page, new Dictionary<string, string> { ["score_expertise"] = "70", ["score_commitment"] = "8", ["score_influence"] = "6", ["score_common-sense"] = "9" }, page + "?handler=score");
        var reviewerDecides = await EmbassySite.PostFormAsync(reviewer, page, new Dictionary<string, string> { ["decision"] = "accept", ["rank"] = "candidate" }, page + "?handler=decide");
        var declineWithoutReason = await EmbassySite.PostFormAsync(admin, page, new Dictionary<string, string> { ["decision"] = "decline", ["reason"] = "" }, page + "?handler=decide");
        var accepted = await EmbassySite.PostFormAsync(admin, page, new Dictionary<string, string> { ["decision"] = "accept", ["rank"] = "ambassador" }, page + "?handler=decide");

        Assert.Equal(HttpStatusCode.Redirect, scored.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badScore.StatusCode);
        Assert.Contains("value=\"70\"", await badScore.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(reviewerDecides.StatusCode is HttpStatusCode.Forbidden || reviewerDecides.Headers.Location?.OriginalString.Contains("/denied", StringComparison.Ordinal) == true, reviewerDecides.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, declineWithoutReason.StatusCode);
        Assert.Contains(CommunityCodes.ApplicationDeclineReasonRequired, await declineWithoutReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        var detail = (await applications.FindAsync(id))!;
        Assert.Equal((ApplicationStates.Accepted, "root"), (detail.State, detail.Decision!.DecidedBy));
        var member = (await site.Service<MemberAdmin>().FindAsync(detail.MemberId!.Value))!;
        Assert.Equal(("mallory", "ambassador", "root"), (member.GitHubLogin, member.Ranks.Single().Rank, member.Ranks.Single().Actor));
        var list = await (await reviewer.GetAsync("/review/applications?state=accepted")).Content.ReadAsStringAsync();
        Assert.Contains(page, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crews_AdminCreatesAndEdits_FlagsShow_ReviewerTicksButCannotCreate()
    {
        await using var site = new EmbassySite();
        var admin = await site.SignInAsAdminAsync();
        var reviewer = await site.SignInAsReviewerAsync();
        var api = await site.ApiAsAsync(Roles.Admin);
        var lead = await EmbassySite.AddMemberAsync(api, "alexandre", "senior");
        var kb = await EmbassySite.AddMemberAsync(api, "kb", "ambassador");
        var tioneb = await EmbassySite.AddMemberAsync(api, "tioneb", "ambassador");

        var created = await PostMultiAsync(admin, "/review/crews", [("Input.Name", "French group"), ("Input.Region", "French"), ("Input.Lead", lead.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Input.MemberIds", kb.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var byReviewer = await PostMultiAsync(reviewer, "/review/crews", [("Input.Name", "Other"), ("Input.Region", "X"), ("Input.Lead", lead.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.True(byReviewer.StatusCode is HttpStatusCode.Forbidden || byReviewer.Headers.Location?.OriginalString.Contains("/denied", StringComparison.Ordinal) == true, byReviewer.StatusCode.ToString());
        var crewPage = created.Headers.Location!.OriginalString.Split('?')[0];
        var list = await (await reviewer.GetAsync("/review/crews")).Content.ReadAsStringAsync();
        Assert.Contains(CommunityCodes.CrewTooSmall, list, StringComparison.Ordinal);
        Assert.DoesNotContain("add-crew-form", list, StringComparison.Ordinal);

        var edited = await PostMultiAsync(admin, crewPage, [("Input.Name", "French group"), ("Input.Region", "French"), ("Input.Lead", lead.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Input.MemberIds", kb.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Input.MemberIds", tioneb.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Contains("id=\"no-flags\"", await (await reviewer.GetAsync(crewPage)).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var checklist = crewPage + "/" + EmbassySite.LastMonth;
        var before = await (await reviewer.GetAsync(checklist)).Content.ReadAsStringAsync();
        Assert.Contains("id=\"quota-ChannelActivity\" data-status=\"NeedsReview\"", before, StringComparison.Ordinal);
        var ticked = await EmbassySite.PostFormAsync(reviewer, checklist, new Dictionary<string, string> { ["quota"] = "ChannelActivity", ["met"] = "true", ["note"] = "active in both" });
        Assert.Equal(HttpStatusCode.Redirect, ticked.StatusCode);
        var after = await (await reviewer.GetAsync(checklist)).Content.ReadAsStringAsync();
        Assert.Contains("id=\"quota-ChannelActivity\" data-status=\"Met\"", after, StringComparison.Ordinal);
        Assert.Contains("Ticked met by rita", after, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostMultiAsync(HttpClient client, string page, IEnumerable<(string Key, string Value)> fields)
    {
        var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        var token = Token().Match(html);
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();
        if (token.Success)
        {
            all.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        }

        using var content = new FormUrlEncodedContent(all);
        return await client.PostAsync(page, content);
    }

    [GeneratedRegex("name=\"started\" value=\"([^\"]+)\"")]
    private static partial Regex Started();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [Fact]
    public async Task StatusLink_ShowsWaitingThenTheDeclineReason_AnAlteredLinkShowsNothing()
    {
        await using var site = new EmbassySite(settings: NoFillTime);
        var visitor = site.Browser();
        var sent = await ApplyAsync(visitor, Fields());
        var thanks = await (await visitor.GetAsync(sent.Headers.Location!.OriginalString)).Content.ReadAsStringAsync();
        var status = System.Net.WebUtility.HtmlDecode(StatusHref().Match(thanks).Groups[1].Value);
        var id = Assert.Single(await site.Service<MembershipApplications>().ListAsync()).Id;

        var waiting = await (await visitor.GetAsync(status)).Content.ReadAsStringAsync();
        Assert.True((await site.Service<MembershipApplications>().DecideAsync(id, accept: false, null, "We look for a year of <b>community</b> work first.", "root")).IsSuccess);
        var declined = await (await visitor.GetAsync(status)).Content.ReadAsStringAsync();
        var altered = await visitor.GetAsync(status[..^4] + "AAAA");
        var guessed = await visitor.GetAsync("/apply/status?ticket=" + id);

        Assert.StartsWith("/apply/status?ticket=", status, StringComparison.Ordinal);
        Assert.Contains("Waiting for a decision.", waiting, StringComparison.Ordinal);
        Assert.Contains("Not accepted this time.", declined, StringComparison.Ordinal);
        Assert.Contains("We look for a year of &lt;b&gt;community&lt;/b&gt; work first.", declined, StringComparison.Ordinal); // the reason, inert
        Assert.Equal(HttpStatusCode.NotFound, altered.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        Assert.DoesNotContain("Lucía", await guessed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [System.Text.RegularExpressions.GeneratedRegex("id=\"status-link\">[^<]*<a href=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex StatusHref();
}
