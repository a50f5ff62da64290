using Embassy.Application;
using Embassy.Data;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Web.Tests;

/// <summary>The demo's home and month pages in a real browser: the member counts they show are the members paid.</summary>
[Collection(nameof(BrowserWalkthroughTests))]
public sealed class DemoBrowserTests
{
    [Fact]
    public async Task Home_MembersOfEachMonth_AreTheMembersPaid_AndTheMonthPageSaysWhoWasActiveFiledAndPaid()
    {
        await using var site = new EmbassySite(settings: new Dictionary<string, string?> { ["Demo"] = "true" });
        await using var chromium = await BrowserSession.StartAsync(site);
        var months = await site.Service<PublicQueries>().MonthsAsync();
        Assert.NotEmpty(months);
        var page = await chromium.NewPersonAsync();

        await page.GotoAsync("/");
        var shown = await page.Locator("#months ~ ul li").AllInnerTextsAsync();
        Assert.Equal(months.Count, shown.Count);
        foreach (var m in months)
        {
            var paid = m.Month.Members.Count(x => !x.Total.IsZero);
            Assert.Contains(shown, line => line.StartsWith(m.Period.ToString(), StringComparison.Ordinal) && line.Contains($" to {paid} members", StringComparison.Ordinal));
        }

        var last = months.OrderBy(m => m.Period).Last();
        await page.GotoAsync("/months/" + last.Period);
        Assert.Equal(last.Month.ActiveMembers.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.InnerTextAsync("#active-count"));
        Assert.Equal(last.Month.Members.Count(x => x.Status != Embassy.Domain.Rules.MonthStatus.Missing).ToString(System.Globalization.CultureInfo.InvariantCulture), await page.InnerTextAsync("#filed-count"));
        Assert.Equal(last.Month.Members.Count(x => !x.Total.IsZero).ToString(System.Globalization.CultureInfo.InvariantCulture), await page.InnerTextAsync("#paid-count"));

        // The demo's pool is what R4 gives for the members shown: the registry holds exactly the members counted active.
        await using (var db = await site.Service<IDbContextFactory<EmbassyDbContext>>().CreateDbContextAsync())
        {
            Assert.Equal(last.Month.ActiveMembers, await db.Members.CountAsync());
        }

        await chromium.RecordIncidentsAsync(page);
        Assert.Empty(chromium.Incidents);
    }
}
