using System.Globalization;
using System.Net.Http.Json;
using Embassy.Application;
using Embassy.Data.Tests;

namespace Embassy.Web.Tests;

/// <summary>
/// Issue #14: the write-back receipt. Approving a month posts on each member's report issue one comment with their month as
/// <c>/me/months/YYYY-MM</c> shows it (the same use case, <see cref="MemberMonths"/>); paying it edits that comment to add
/// the payment's link; running again sends nothing; with write-back off nothing is queued at all.
/// </summary>
public sealed class MonthReceiptTests
{
    private static readonly Dictionary<string, string?> WriteBackOn = new() { ["GitHub:WriteBack"] = "true" };

    private static async Task<HttpClient> ScoredMonthAsync(EmbassySite site, GitHubStandIn.GitHubStandIn github)
    {
        var admin = await site.ApiAsAsync(Roles.Admin);
        await EmbassySite.AddMemberAsync(admin, "alice", address: EmbassySite.AddressFor(1));
        github.AddIssue(EmbassySite.Repo, "alice", "October 2026 Contribution - alice", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(1)));
        await EmbassySite.SyncAsync(admin);
        var rita = await site.ApiAsAsync(Roles.Reviewer, "rita");
        var id = (await EmbassySite.QueueAsync(rita, EmbassySite.LastMonth)).Single().ReportId;
        var scored = await EmbassySite.ScoreAsync(rita, id, new ScoreEntry("CM", 14, 13), new ScoreEntry("CC", 15, 15), new ScoreEntry("OTHERS", 5, 5));
        Assert.True(scored.IsSuccessStatusCode, await scored.Content.ReadAsStringAsync());
        foreach (var step in new[] { "lock", "approve" })
        {
            var done = await admin.PostAsync($"/api/admin/months/{EmbassySite.LastMonth}/{step}", null);
            Assert.True(done.IsSuccessStatusCode, await done.Content.ReadAsStringAsync());
        }

        return admin;
    }

    private static IReadOnlyList<GitHubStandIn.StandInComment> Receipts(GitHubStandIn.GitHubStandIn github) =>
        github.Issue(EmbassySite.Repo, 1).Comments.Where(c => c.Body.Contains("<!-- embassy:receipt/", StringComparison.Ordinal)).ToArray();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Receipt_AfterApproval_IsTheMembersMonth_PostedOnce_AndEditedWithThePayment(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var github = await MonthCloseTests.StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress, WriteBackOn, database);
        var admin = await ScoredMonthAsync(site, github);
        var receipts = site.Service<MonthReceipts>();

        var first = await receipts.ProcessDueAsync();
        var again = await receipts.ProcessDueAsync();

        // The member's month page's own content: every reward line with its units, the total to the unit.
        var view = await site.Service<MemberMonths>().MonthAsync("alice", EmbassySite.LastMonth);
        var reward = view.Reward!;
        var receipt = Assert.Single(Receipts(github));
        Assert.Equal(((1, 0), (0, 0)), (first, again));
        Assert.Contains($"**Your month {EmbassySite.LastMonth} is approved.**", receipt.Body, StringComparison.Ordinal);
        Assert.Contains($"Details: `/me/months/{EmbassySite.LastMonth}` on Embassy.", receipt.Body, StringComparison.Ordinal); // no public address: the path as text
        Assert.Contains("| Community Management (CM) | ", receipt.Body, StringComparison.Ordinal);
        Assert.Contains(" | 27 |", receipt.Body, StringComparison.Ordinal); // CM final: 14 + 13
        foreach (var line in reward.Lines)
        {
            Assert.Contains($"| {line.Text} | {(line.Subtracts ? "-" : "")}{line.Amount.Display()} | {(line.Subtracts ? "-" : "")}{line.Amount.Units.ToString(CultureInfo.InvariantCulture)} |", receipt.Body, StringComparison.Ordinal);
        }

        Assert.Contains($"**{reward.Total.Units.ToString(CultureInfo.InvariantCulture)}**", receipt.Body, StringComparison.Ordinal);
        var page = await (await site.SignInAsAsync("alice", Roles.Member)).GetStringAsync($"/me/months/{EmbassySite.LastMonth}");
        Assert.Contains($"id=\"total-units\">{reward.Total.Units.ToString(CultureInfo.InvariantCulture)}<", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Paid in", receipt.Body, StringComparison.Ordinal);

        // Paid: the same comment is edited to carry the transaction's link (the policy's explorer); once.
        var tx = "0x" + new string('b', 64);
        var paid = await admin.PostAsJsonAsync($"/api/admin/months/{EmbassySite.LastMonth}/transactions", new TransactionRequest(tx));
        Assert.True(paid.IsSuccessStatusCode, await paid.Content.ReadAsStringAsync());
        Assert.Equal((1, 0), await receipts.ProcessDueAsync());
        Assert.Equal((0, 0), await receipts.ProcessDueAsync());
        var edited = Assert.Single(Receipts(github));
        Assert.Equal(receipt.Id, edited.Id);
        Assert.Contains($"**Your month {EmbassySite.LastMonth} is paid.**", edited.Body, StringComparison.Ordinal);
        Assert.Contains($"[`{tx}`](https://etherscan.io/tx/{tx})", edited.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receipt_WithThePublicAddressConfigured_LinksToTheMembersMonthPage()
    {
        await using var github = await MonthCloseTests.StandInAsync();
        var settings = new Dictionary<string, string?>(WriteBackOn) { ["Site:PublicUrl"] = "https://embassy.example.org/" };
        await using var site = new EmbassySite(github.ApiBaseAddress, settings);
        await ScoredMonthAsync(site, github);

        Assert.Equal((1, 0), await site.Service<MonthReceipts>().ProcessDueAsync());

        var receipt = Assert.Single(Receipts(github));
        Assert.Contains($"**Your month {EmbassySite.LastMonth} is approved.** Details: [your month page on Embassy](https://embassy.example.org/me/months/{EmbassySite.LastMonth}).", receipt.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("`/me/months/", receipt.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void ReceiptBody_NamesThePageAsText_OrLinksItAtThePublicOrigin()
    {
        var view = new MemberMonthView { Period = EmbassySite.LastMonth, Status = "paid", Deadline = EmbassySite.Now, DeadlinePassed = true, Scores = [] };

        var plain = MonthReceipts.Body("receipt/x", view);
        var linked = MonthReceipts.Body("receipt/x", view, new Uri("http://embassy.example.org:8080/ignored/path"));

        Assert.Contains($"Details: `/me/months/{EmbassySite.LastMonth}` on Embassy.", plain, StringComparison.Ordinal);
        Assert.Contains($"Details: [your month page on Embassy](http://embassy.example.org:8080/me/months/{EmbassySite.LastMonth}).", linked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receipt_WithWriteBackOff_IsNeverQueued()
    {
        await using var github = await MonthCloseTests.StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress); // the test site turns write-back off
        await ScoredMonthAsync(site, github);

        Assert.Equal((0, 0), await site.Service<MonthReceipts>().ProcessDueAsync());
        Assert.Empty(github.Issue(EmbassySite.Repo, 1).Comments);
    }
}
