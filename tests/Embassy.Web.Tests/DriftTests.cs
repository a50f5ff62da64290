using System.Net;
using System.Text.Json;
using Embassy.Application;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.Web.Security;

namespace Embassy.Web.Tests;

/// <summary>The rule-drift view of a month (issue #17) through the reviewer API and page, on the demo's flagged reports.</summary>
public sealed class DriftTests
{
    [Fact]
    public async Task Drift_DemoOpenMonth_ListsTheOneDepartmentReport_OnTheApiAndThePage()
    {
        await using var site = new EmbassySite(settings: new Dictionary<string, string?> { ["Demo"] = "true" });
        var reviewer = await site.ApiAsAsync(Roles.Reviewer, "rita");
        var open = Period.Of(EmbassySite.Now).Previous;

        using var json = JsonDocument.Parse(await reviewer.GetStringAsync($"/api/review/months/{open}/drift"));
        var view = json.RootElement;
        Assert.Equal(site.Service<Embassy.Policies.PolicyCatalog>().ForPeriod(open).Id, view.GetProperty("policyId").GetString());
        var rules = view.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!, r => r.GetProperty("reports").EnumerateArray().Select(x => x.GetProperty("number").GetInt64()).ToArray());
        var expected = await site.Service<MonthDrift>().ForMonthAsync(open);
        Assert.Equal(expected.Rules.ToDictionary(r => r.Code, r => r.Reports.Select(x => x.Number).ToArray()), rules);
        Assert.Single(rules[RuleDrift.DepartmentCount]); // the demo's report of one department only

        var browser = await site.SignInAsReviewerAsync();
        var page = await browser.GetAsync($"/review/drift/{open}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"#{rules[RuleDrift.DepartmentCount][0]} ", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/review/drift/2026-13")).StatusCode);
    }
}
