using System.Net;
using Embassy.Application;
using Embassy.Domain;
using Embassy.Domain.Treasury;

namespace Embassy.Web.Tests;

/// <summary>The treasury's pages (RULES.md R10): the admin writes through forms, the public reads the stored proposals.</summary>
public sealed class TreasuryPagesTests
{
    [Fact]
    public async Task Admin_RecordsAProposalAndAPrice_ThePublicPageShowsTheFunding_OtherRolesAreRefused()
    {
        await using var site = new EmbassySite();
        var admin = await site.SignInAsAdminAsync();
        var reviewer = await site.SignInAsReviewerAsync();

        var saved = await EmbassySite.PostFormAsync(admin, "/admin/treasury", new Dictionary<string, string>
        {
            ["number"] = "14", ["title"] = "Phala community bounty", ["proponent"] = TreasuryDemo.Proponent, ["date"] = "2022-04-29",
            ["requested"] = "100,000", ["token"] = "PHA", ["decimals"] = "12", ["status"] = nameof(ProposalStatus.Funded),
        }, "/admin/treasury?handler=proposal");
        var price = await EmbassySite.PostFormAsync(admin, "/admin/treasury", new Dictionary<string, string>
        {
            ["period"] = "2026-10", ["price"] = "0.1234", ["source"] = "CoinGecko monthly close", ["date"] = "2026-10-31",
        }, "/admin/treasury?handler=price");
        var badPrice = await EmbassySite.PostFormAsync(admin, "/admin/treasury", new Dictionary<string, string>
        {
            ["period"] = "2026-09", ["price"] = "abc", ["source"] = "", ["date"] = "2026-09-30",
        }, "/admin/treasury?handler=price");
        using var reviewerForm = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["period"] = "2026-08", ["price"] = "9", ["source"] = "reviewer", ["date"] = "2026-08-31",
        });
        var refused = await reviewer.PostAsync("/admin/treasury?handler=price", reviewerForm);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, price.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badPrice.StatusCode);
        var badHtml = await badPrice.Content.ReadAsStringAsync();
        Assert.Contains(TreasuryCodes.PriceInvalid, badHtml, StringComparison.Ordinal);
        Assert.Contains(TreasuryCodes.PriceSourceMissing, badHtml, StringComparison.Ordinal);
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest
            || refused.Headers.Location?.OriginalString.Contains("/denied", StringComparison.Ordinal) == true, refused.StatusCode + " " + refused.Headers.Location);

        var prices = await site.Service<TreasuryStore>().PricesAsync(Token.Pha);
        Assert.Equal(["2026-10 0.1234 CoinGecko monthly close"], prices.Select(p => $"{p.Period} {p.Price.Format()} {p.Source}"));
        var publicPage = await site.CreateClient().GetStringAsync("/treasury");
        Assert.Contains("Proposal #14: Phala community bounty", publicPage, StringComparison.Ordinal);
        Assert.Contains("id=\"treasury-funding\" data-units=\"100000000000000000\"", publicPage, StringComparison.Ordinal);
        Assert.Contains("id=\"treasury-chart\"", publicPage, StringComparison.Ordinal);
        Assert.Contains("id=\"treasury-series\"", publicPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MonthPage_Overdraw_IsRefusedWithoutAReason_ThenApprovedWithOne_AndTheReasonIsKept()
    {
        await using var github = await MonthCloseTests.StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress);
        var adminApi = await site.ApiAsAsync(Roles.Admin);
        var reviewerApi = await site.ApiAsAsync(Roles.Reviewer, "rita");
        await EmbassySite.AddMemberAsync(adminApi, "alice");
        github.AddIssue(EmbassySite.Repo, "alice", "October 2026 Contribution - alice", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(1)));
        await EmbassySite.SyncAsync(adminApi);
        var item = Assert.Single(await EmbassySite.QueueAsync(reviewerApi, EmbassySite.LastMonth));
        Assert.True((await EmbassySite.ScoreAsync(reviewerApi, item.ReportId, new ScoreEntry("CM", 15, 15), new ScoreEntry("CC", 15, 15))).IsSuccessStatusCode);
        Assert.True((await adminApi.PostAsync($"/api/admin/months/{EmbassySite.LastMonth}/lock", null)).IsSuccessStatusCode);
        var store = site.Service<TreasuryStore>();
        Assert.True((await store.SaveAsync(new ProposalInput(7, "Small proposal", TreasuryDemo.Proponent, new DateOnly(2026, 1, 5), "10", ProposalStatus.Funded), "root")).IsSuccess);
        var admin = await site.SignInAsAdminAsync();
        var page = $"/admin/months/{EmbassySite.LastMonth}";

        var html = await admin.GetStringAsync(page);
        var refused = await EmbassySite.PostFormAsync(admin, page, new Dictionary<string, string> { ["overrideReason"] = "  " }, page + "?handler=approve");
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        var approved = await EmbassySite.PostFormAsync(admin, page, new Dictionary<string, string> { ["overrideReason"] = "Proposal #8 is voted; bridging until it is funded." }, page + "?handler=approve");

        // R10: the page offers the reason field, refuses without one (nothing drawn), and keeps the reason it was given.
        Assert.Contains("id=\"override-reason\"", html, StringComparison.Ordinal);
        Assert.False(refused.IsSuccessStatusCode);
        Assert.Contains(TreasuryCodes.Overdrawn, refusedHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var draw = Assert.Single((await store.LedgerAsync(7))!.Draws);
        Assert.Equal(("root", "Proposal #8 is voted; bridging until it is funded."), (draw.Override!.Actor, draw.Override.Reason));
        Assert.Contains("Proposal #8 is voted", await site.CreateClient().GetStringAsync("/treasury"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DrawnBounties_SigningFile_IsThePolicysRailFile_ForAdminsOnly()
    {
        await using var site = new EmbassySite();
        var store = site.Service<TreasuryStore>();
        var month = EmbassySite.LastMonth;
        await store.SaveAsync(new ProposalInput(14, "Community bounty", TreasuryDemo.Proponent, new DateOnly(2026, 1, 5), "100,000", ProposalStatus.Funded), "root");
        var created = await store.CreateBountyAsync(
            new BountyInput("Video course", "Ann", string.Empty, EmbassySite.AddressFor(3), "https://example.org/course", "500", InUsd: false, month, month.FirstDay, 14), "root");
        Assert.True(created.IsSuccess, string.Join("; ", created.Errors));
        await store.ApproveBountyAsync(long.Parse(created.Value.Id, System.Globalization.CultureInfo.InvariantCulture), "ada"); // another admin than the one who entered it (R10)
        Assert.True((await store.DrawBountiesAsync(month, 14, "root")).IsSuccess);
        var admin = await site.SignInAsAdminAsync();
        var reviewer = await site.SignInAsReviewerAsync();
        var rail = store.PolicyFor(month).Payout.Rail;

        var file = await admin.GetAsync($"/admin/treasury?handler=signing&month={month}");
        var refused = await reviewer.GetAsync($"/admin/treasury?handler=signing&month={month}");

        // October 2026 is paid under phala-v5-erc20: PHA as an ERC-20, so the bounties come as a Safe batch (R9).
        Assert.Equal(Domain.Rules.PayoutRail.Evm, rail);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/json", file.Content.Headers.ContentType?.MediaType);
        var text = await file.Content.ReadAsStringAsync();
        Assert.Contains("\"transactions\"", text, StringComparison.Ordinal);
        Assert.Contains(EmbassySite.AddressFor(3)[2..].ToLowerInvariant(), text.ToLowerInvariant(), StringComparison.Ordinal); // the recipient, in the transfer's call data

        Assert.Contains("bounties-" + month, file.Content.Headers.ContentDisposition?.FileName ?? string.Empty, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }
}
