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
}
