using System.Net;
using Embassy.Policies;
using Embassy.Reports;
using Embassy.Application;

namespace Embassy.Web.Tests;

/// <summary>The admin page's download of the report issue form for the policy in force.</summary>
public sealed class IssueFormDownloadTests
{
    [Fact]
    public async Task IssueForm_Admin_DownloadsTheFormOfThePolicyInForce()
    {
        await using var site = new EmbassySite(now: new DateTimeOffset(2026, 1, 10, 12, 0, 0, TimeSpan.Zero));
        var admin = await site.SignInAsAdminAsync();

        var index = await admin.GetStringAsync("/admin");
        Assert.Contains("href=\"/admin/issue-form\"", index, StringComparison.Ordinal);

        using var response = await admin.GetAsync("/admin/issue-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("report-phala-v5-erc20.yml", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(ReportIssueForm.Write(PolicyCatalog.Shipped.Get("phala-v5-erc20").Value), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task IssueForm_Period_DownloadsThatMonthsPolicyAndRefusesAnUnreadableMonth()
    {
        await using var site = new EmbassySite(now: new DateTimeOffset(2026, 1, 10, 12, 0, 0, TimeSpan.Zero));
        var admin = await site.SignInAsAdminAsync();

        var v4 = await admin.GetStringAsync("/admin/issue-form?period=2024-08");
        Assert.Contains("Embassy report form v1 for phala-v4", v4, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/issue-form?period=August")).StatusCode);
    }

    [Fact]
    public async Task IssueForm_ReviewerOrAnonymous_IsRefused()
    {
        await using var site = new EmbassySite();
        var reviewer = await site.SignInAsAsync("rita", Roles.Reviewer);
        using var asReviewer = await reviewer.GetAsync("/admin/issue-form");
        using var anonymous = await site.Browser().GetAsync("/admin/issue-form");

        Assert.NotEqual(HttpStatusCode.OK, asReviewer.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Contains("/signin?", anonymous.Headers.Location?.OriginalString ?? string.Empty, StringComparison.Ordinal);
    }
}
