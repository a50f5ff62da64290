using System.Globalization;
using Embassy.Application;
using Embassy.Domain;
using Microsoft.Playwright;

namespace Embassy.Web.Tests;

/// <summary>
/// The public treasury page of a seeded demo in a real browser (Debian's Chromium through Playwright, a real Kestrel
/// port): proposal #14's figures are shown and chart.js drew the ledger chart from the page's data (issue #6).
/// </summary>
[Collection(nameof(BrowserWalkthroughTests))]
public sealed class TreasuryBrowserTests
{
    [Fact]
    public async Task PublicTreasury_OfTheDemo_DrawsTheChartAndShowsTheFigures()
    {
        await using var site = new EmbassySite(settings: new Dictionary<string, string?> { ["Demo"] = "true" });
        await using var chromium = await BrowserSession.StartAsync(site);
        var view = Assert.Single((await site.Service<TreasuryStore>().PageAsync()).Views);
        var page = await chromium.NewPersonAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);

        await page.GotoAsync("/treasury");
        await page.WaitForFunctionAsync("() => window.Chart && window.Chart.getChart(document.getElementById('treasury-chart'))");
        await BrowserSession.ShotAsync(page, "treasury-demo.png");

        // The chart instance holds the table's months and values, and the canvas has pixels painted on it.
        var labels = await page.EvaluateAsync<string[]>("() => Chart.getChart(document.getElementById('treasury-chart')).data.labels");
        var remaining = await page.EvaluateAsync<long[]>("() => Chart.getChart(document.getElementById('treasury-chart')).data.datasets[1].data");
        var painted = await page.EvaluateAsync<int>("""
            () => { const c = document.getElementById('treasury-chart'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                    let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) { n++; } } return n; }
            """);
        Assert.Equal(view.Chart.Select(c => c.Month.ToString()), labels);
        Assert.Equal(view.Chart.Select(c => (long)(c.RemainingAfter.Units / Token.Pha.UnitsPerToken)), remaining);
        Assert.True(painted > 1000, $"only {painted} pixels painted on the chart canvas");
        Assert.Equal(await page.Locator("#treasury-series tbody tr").CountAsync(), labels.Length);

        Assert.Equal("100,000 PHA", await page.InnerTextAsync("#treasury-funding"));
        Assert.Equal(view.Paid.Units.ToString(CultureInfo.InvariantCulture), await page.GetAttributeAsync("#treasury-paid", "data-units"));
        Assert.Equal("0", await page.GetAttributeAsync("#treasury-remaining", "data-units"));
        Assert.Contains(DemoProgram.OverdrawReason, await page.InnerTextAsync("#draws"), StringComparison.Ordinal);
        Assert.Contains("Grow number of Ambassadors to 40+ people", await page.InnerTextAsync("#milestones"), StringComparison.Ordinal);
        Assert.Contains("45,500 of 50,000", await page.InnerTextAsync("#milestones"), StringComparison.Ordinal);

        // The community counts are charted too: one line per channel over the recorded dates of the table (issue #6).
        var channels = await page.EvaluateAsync<string[]>("() => Chart.getChart(document.getElementById('channel-chart')).data.datasets.map(d => d.label)");
        var dates = await page.EvaluateAsync<string[]>("() => Chart.getChart(document.getElementById('channel-chart')).data.labels");
        var tableDates = await page.Locator("#channel-counts tbody td:nth-child(2)").AllInnerTextsAsync();
        Assert.Equal(["discord", "telegram"], channels);
        Assert.Equal(tableDates.Distinct().Order(StringComparer.Ordinal), dates);
        Assert.Empty(errors);
        await chromium.RecordIncidentsAsync(page);
        Assert.Empty(chromium.Incidents);
    }
}
