using System.Net.Http.Json;
using System.Text.Json;
using Embassy.Application;
using Embassy.Chain;

namespace Embassy.Web.Tests;

/// <summary>
/// One payout address given by ten members (issue #12): accepted, but flagged to the admin in the registry and the month
/// preview, and in the signers' payout file — one line per member with the others named, never one merged line (R9).
/// </summary>
public sealed class SharedAddressTests
{
    [Fact]
    public async Task TenMembersOneAddress_FlaggedInRegistryAndPreview_PaidOnALineEach()
    {
        await using var github = await MonthCloseTests.StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress);
        var admin = await site.ApiAsAsync(Roles.Admin);
        var reviewer = await site.ApiAsAsync(Roles.Reviewer);
        var shared = EmbassySite.AddressFor(42);
        var logins = Enumerable.Range(1, 10).Select(i => "twin" + i).ToArray();
        foreach (var login in logins)
        {
            await EmbassySite.AddMemberAsync(admin, login, address: shared);
            github.AddIssue(EmbassySite.Repo, login, "October 2026 Contribution", MonthCloseTests.ReportBody(["CM", "CC"], shared));
        }

        await EmbassySite.AddMemberAsync(admin, "solo", address: EmbassySite.AddressFor(7));
        github.AddIssue(EmbassySite.Repo, "solo", "October 2026 Contribution", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(7)));
        await EmbassySite.SyncAsync(admin);
        foreach (var item in await EmbassySite.QueueAsync(reviewer, EmbassySite.LastMonth))
        {
            await EmbassySite.ScoreAsync(reviewer, item.ReportId, new ScoreEntry("CM", 15, 15), new ScoreEntry("CC", 10, 10));
        }

        // The registry flags the address on the admin's page, and a member given it too is warned.
        var registry = await (await site.SignInAsAdminAsync()).GetStringAsync("/admin/members");

        // The month preview warns before anything is locked.
        var preview = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/months/{EmbassySite.LastMonth}");
        var eleventh = await site.Service<MemberAdmin>().CreateAsync(new NewMember("Twin 11", "twin11", "candidate", Address: shared), "test");

        var month = await EmbassySite.CloseMonthAsync(admin, EmbassySite.LastMonth);
        var csv = (await admin.GetStringAsync($"/api/admin/months/{EmbassySite.LastMonth}/payout.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("id=\"shared-addresses\"", registry, StringComparison.Ordinal);
        Assert.Contains($"The payout address {shared} is shared by 10 members (twin1, twin2,", registry, StringComparison.Ordinal);
        Assert.Equal(10, System.Text.RegularExpressions.Regex.Matches(registry, "class=\"shared-address\"").Count);
        Assert.DoesNotContain(EmbassySite.AddressFor(7) + "</code><strong", registry, StringComparison.Ordinal);
        Assert.True(eleventh.IsSuccess);
        Assert.Contains(eleventh.Diagnostics, d => d.Code == WorkflowCodes.AddressShared && d.Message.Contains("11 members", StringComparison.Ordinal));

        var warnings = preview.GetProperty("diagnostics").EnumerateArray().Where(d => d.GetProperty("code").GetString() == WorkflowCodes.AddressShared).ToArray();
        var warning = Assert.Single(warnings);
        Assert.Contains("shared by 10 members", warning.GetProperty("message").GetString(), StringComparison.Ordinal);

        // The signers' file: a line per paid member (the eleventh twin filed no report), the others named, exact sums.
        var header = csv[0].Split(',');
        var column = Array.IndexOf(header, "shared_with");
        var rows = csv[1..].Select(CsvFields).ToArray();
        var paid = month.Members.Where(m => m.Total.Units != "0").ToArray();
        Assert.Equal(paid.Length, rows.Length);
        Assert.Equal(10, rows.Count(r => r[2] == shared));
        foreach (var row in rows.Where(r => r[2] == shared))
        {
            Assert.Equal(9, row[column].Split("; ").Length);
            Assert.DoesNotContain(row[0], row[column].Split("; "));
        }

        Assert.Equal("", rows.Single(r => r[0] == "solo")[column]);
        Assert.Equal(paid.Select(m => UInt128.Parse(m.Total.Units, System.Globalization.CultureInfo.InvariantCulture)).Aggregate(UInt128.Zero, (a, b) => a + b),
            rows.Select(r => UInt128.Parse(r[4], System.Globalization.CultureInfo.InvariantCulture)).Aggregate(UInt128.Zero, (a, b) => a + b));
    }

    private static string[] CsvFields(string line) => line.Split(','); // no field of this file holds a comma or a quote
}
