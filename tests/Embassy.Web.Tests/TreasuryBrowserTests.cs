using System.Globalization;
using Embassy.Application;
using Embassy.Domain;
using Microsoft.Playwright;

namespace Embassy.Web.Tests;

/// <summary>
/// The public treasury page of a seeded demo in a real browser (Debian's Chromium through Playwright, a real Kestrel
/// port): the program's real funding records are shown, labelled, with the demo's months drawn on the oldest with funds
/// left, and chart.js drew the ledger chart from the page's data (issue #6).
/// </summary>
[Collection(nameof(BrowserWalkthroughTests))]
public sealed class TreasuryBrowserTests
{
    [Fact]
    public async Task PublicTreasury_OfTheDemo_DrawsTheChartAndShowsTheFigures()
    {
        await using var site = new EmbassySite(settings: new Dictionary<string, string?> { ["Demo"] = "true" });
        await using var chromium = await BrowserSession.StartAsync(site);
        var views = (await site.Service<TreasuryStore>().PageAsync()).Views;
        Assert.Equal([102, 51, 14, 4], views.Select(v => v.Proposal.Number)); // newest first
        var view = views[^1];
        var page = await chromium.NewPersonAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);

        await page.GotoAsync("/treasury");
        await page.WaitForFunctionAsync("() => window.Chart && window.Chart.getChart(document.getElementById('treasury-chart-4'))");
        await BrowserSession.ShotAsync(page, "treasury-demo.png");

        // The chart instance holds the table's months and values, and the canvas has pixels painted on it.
        var labels = await page.EvaluateAsync<string[]>("() => Chart.getChart(document.getElementById('treasury-chart-4')).data.labels");
        var remaining = await page.EvaluateAsync<long[]>("() => Chart.getChart(document.getElementById('treasury-chart-4')).data.datasets[1].data");
        var painted = await page.EvaluateAsync<int>("""
            () => { const c = document.getElementById('treasury-chart-4'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                    let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) { n++; } } return n; }
            """);
        Assert.Equal(view.Chart.Select(c => c.Month.ToString()), labels);
        Assert.Equal(view.Chart.Select(c => (long)(c.RemainingAfter.Units / Token.Pha.UnitsPerToken)), remaining);
        Assert.True(painted > 1000, $"only {painted} pixels painted on the chart canvas");
        Assert.Equal(await page.Locator("#treasury-series-4 tbody tr").CountAsync(), labels.Length);

        // Proposal #4 (80,000 PHA, Feb 2022) is the oldest record, so the demo's first month is drawn on it, without an override.
        Assert.Equal("80,000 PHA", await page.InnerTextAsync("#treasury-funding-4"));
        Assert.Equal(view.Paid.Units.ToString(CultureInfo.InvariantCulture), await page.GetAttributeAsync("#treasury-paid-4", "data-units"));
        Assert.Equal(view.Remaining.Units.ToString(CultureInfo.InvariantCulture), await page.GetAttributeAsync("#treasury-remaining-4", "data-units"));
        Assert.Contains("payout:", await page.InnerTextAsync("#draws-4"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[id^=treasury-overdrawn]").CountAsync());
        Assert.Contains(TreasuryDemo.RealRecord, await page.InnerTextAsync("#timeline-4"), StringComparison.Ordinal);
        Assert.Contains("council motion #102", await page.InnerTextAsync("#proposal-102"), StringComparison.Ordinal);
        Assert.Contains("Grow number of Ambassadors to 40+ people", await page.InnerTextAsync("#milestones-14"), StringComparison.Ordinal);
        Assert.Contains("45,500 of 50,000", await page.InnerTextAsync("#milestones-14"), StringComparison.Ordinal);

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
