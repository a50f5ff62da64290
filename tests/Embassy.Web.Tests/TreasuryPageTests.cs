using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Embassy.Application;

namespace Embassy.Web.Tests;

/// <summary>
/// The public treasury page (issue #13, item 6): it states overdrawn when it is, its chart draws the balance below zero,
/// its timeline is made of the draws and payments recorded, each payment linked to its explorer, and it claims no runway
/// before a month is closed.
/// </summary>
public sealed class TreasuryPageTests
{
    private const string Month = "2026-10";

    [Fact]
    public async Task TreasuryPage_StatesOverdrawn_WithTheChart_AndLinksEachPaymentToItsExplorer()
    {
        await using var site = new EmbassySite();
        var admin = await site.ApiAsAsync(Roles.Admin, "root");
        var other = await site.ApiAsAsync(Roles.Admin, "ada");
        var proposal = new ProposalRequest(3, "Community bounty", "treasury", new DateOnly(2026, 9, 1), "1,000", "funded", PlannedPerMonth: "800");
        Assert.True((await admin.PostAsJsonAsync("/api/admin/treasury/proposals", proposal)).IsSuccessStatusCode);
        var bounty = new BountyRequest("Telegram bot", "Bot builder", "telegram=@bot", EmbassySite.AddressFor(8), "https://t.me/bot", "1,500", false, Month, new DateOnly(2026, 10, 20), 3);
        var created = await (await admin.PostAsJsonAsync("/api/admin/treasury/bounties", bounty)).Content.ReadFromJsonAsync<SavedAnswer<BountyDto>>();
        Assert.True((await other.PostAsync($"/api/admin/treasury/bounties/{created!.Value.Id}/approve", null)).IsSuccessStatusCode);
        Assert.True((await admin.PostAsync($"/api/admin/treasury/bounties/{Month}/draw?proposal=3&overrideReason={Uri.EscapeDataString("Council top-up on its way.")}", null)).IsSuccessStatusCode);
        var hash = "0x" + new string('e', 64);
        Assert.True((await admin.PostAsJsonAsync($"/api/admin/treasury/bounties/{Month}/transactions", new TransactionRequest(hash))).IsSuccessStatusCode);

        var response = await site.CreateClient().GetAsync("/treasury");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The standing says overdrawn although the proposal is recorded as funded, with the figures.
        Assert.Matches("id=\"treasury-standing\">overdrawn<", html);
        var note = Regex.Match(html, "id=\"treasury-overdraw-note\">(.*?)</p>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("recorded as funded", note, StringComparison.Ordinal);
        Assert.Contains(">500<", note, StringComparison.Ordinal);
        Assert.Contains(">800<", Regex.Match(html, "id=\"treasury-plan\"[^>]*>(.*?)</dd>", RegexOptions.Singleline).Value, StringComparison.Ordinal); // the monthly plan (issue #17)

        // The chart's balance goes below zero by the overdraw, the month it happened.
        var sets = JsonDocument.Parse(WebUtility.HtmlDecode(Regex.Match(html, "id=\"treasury-chart\"[^>]*data-sets=\"([^\"]*)\"").Groups[1].Value)).RootElement;
        var labels = JsonSerializer.Deserialize<string[]>(WebUtility.HtmlDecode(Regex.Match(html, "id=\"treasury-chart\"[^>]*data-labels=\"([^\"]*)\"").Groups[1].Value))!;
        var balance = sets[1].GetProperty("data").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        Assert.Equal(-500, balance[Array.IndexOf(labels, Month)]);
        Assert.Contains("overdrawn", sets[1].GetProperty("label").GetString(), StringComparison.Ordinal);

        // The timeline: the overdraw with its reason, then the payment linked to Etherscan (October 2026 pays on phala-v5-erc20).
        var timeline = Regex.Match(html, "<ol class=\"timeline\" id=\"timeline\">(.*?)</ol>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("Council top-up on its way.", Regex.Match(timeline, "<li data-kind=\"overdraw\">(.*?)</li>", RegexOptions.Singleline).Value, StringComparison.Ordinal);
        var payment = Regex.Match(timeline, "<li data-kind=\"payment\">(.*?)</li>", RegexOptions.Singleline).Value;
        Assert.Contains($"<a href=\"https://etherscan.io/tx/{hash}\" rel=\"noopener noreferrer\" class=\"tx\"><code>{hash}</code></a>", payment, StringComparison.Ordinal);
        Assert.DoesNotContain("Activity on the proposal", html, StringComparison.Ordinal);

        // No month is closed: no runway is claimed from an open month's spend.
        Assert.Contains("no month closed yet", Regex.Match(html, "id=\"treasury-runway\">(.*?)</dd>", RegexOptions.Singleline).Value, StringComparison.Ordinal);
    }
}
