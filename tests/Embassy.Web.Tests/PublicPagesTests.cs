using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Embassy.Application;
using Embassy.Web.Rendering;

namespace Embassy.Web.Tests;

/// <summary>Public pages, downloads, the report renderer and the security headers.</summary>
public sealed partial class PublicPagesTests
{
    internal const string Hostile = """
        <script>alert('script')</script>
        <img src=x onerror="alert('img')">
        [click me](javascript:alert('link'))
        [also](JaVaScRiPt:alert(1)) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
        ![pixel](javascript:alert('image'))
        <a href="javascript:alert('raw')">raw html link</a>
        <iframe src="https://evil.example"></iframe>
        <div onclick="alert('div')">raw div</div>
        <javascript:alert(1)>
        """;

    [Fact]
    public void SafeMarkdown_HostileReport_HasNoActiveContent()
    {
        var html = SafeMarkdown.ToHtml(Hostile);

        AssertInert(html);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewPage_HostileReport_RendersInert()
    {
        await using var github = await MonthCloseTests.StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress);
        var admin = await site.ApiAsAsync(Roles.Admin);
        await EmbassySite.AddMemberAsync(admin, "mallory");
        github.AddIssue(EmbassySite.Repo, "mallory", "October 2026 Contribution <script>alert('title')</script>", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(3), Hostile));
        await EmbassySite.SyncAsync(admin);
        var reviewer = await site.SignInAsReviewerAsync();
        var item = (await EmbassySite.QueueAsync(await site.ApiAsAsync(Roles.Reviewer), EmbassySite.LastMonth)).Single();

        var response = await reviewer.GetAsync($"/review/{item.ReportId}");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertInert(page);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MonthPage_PaidMonth_ShowsEveryMemberAndDownloads()
    {
        await using var github = await MonthCloseTests.StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress);
        var admin = await site.ApiAsAsync(Roles.Admin);
        var reviewer = await site.ApiAsAsync(Roles.Reviewer);
        foreach (var login in new[] { "alice", "bob" })
        {
            await EmbassySite.AddMemberAsync(admin, login);
            github.AddIssue(EmbassySite.Repo, login, "October 2026 Contribution", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(2)));
        }

        await EmbassySite.SyncAsync(admin);
        foreach (var item in await EmbassySite.QueueAsync(reviewer, EmbassySite.LastMonth))
        {
            await EmbassySite.ScoreAsync(reviewer, item.ReportId, new ScoreEntry("CM", 15, 15), new ScoreEntry("CC", item.Author == "alice" ? 20 : 10, 10));
        }

        var month = await EmbassySite.CloseMonthAsync(admin, EmbassySite.LastMonth);
        var anonymous = site.CreateClient();

        var page = await anonymous.GetStringAsync($"/months/{EmbassySite.LastMonth}");
        var csv = await anonymous.GetStringAsync($"/months/{EmbassySite.LastMonth}/export.csv");
        var xlsx = await anonymous.GetByteArrayAsync($"/months/{EmbassySite.LastMonth}/export.xlsx");
        var alicePage = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/members/{month.Members.Single(m => m.Login == "alice").MemberId}"));
        var leaderboard = await anonymous.GetStringAsync("/leaderboard");
        var treasury = await anonymous.GetStringAsync("/treasury");

        foreach (var m in month.Members)
        {
            Assert.Contains($"data-member=\"{m.Login}\" data-total-units=\"{m.Total.Units}\"", page, StringComparison.Ordinal);
            Assert.Contains(m.Total.Units, csv, StringComparison.Ordinal);
        }

        using (var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
        {
            var rows = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count();
            Assert.Equal(month.Members.Count + 1, rows);
        }

        Assert.Contains("of 3 months ≥ 65 % towards ambassador", alicePage, StringComparison.Ordinal);
        Assert.Contains("Member alice", leaderboard, StringComparison.Ordinal);
        Assert.Contains(EmbassySite.Amount(month, month.Paid).Format(), treasury, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_ShowAmountsByTheDisplayRule_WithTheExactUnitsOfTheFileBeside()
    {
        // phala-v5-erc20 (18 decimals) in October 2026: shares such as 1/3 of a pool never end in decimals.
        await using var github = await MonthCloseTests.StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress);
        var admin = await site.ApiAsAsync(Roles.Admin);
        var reviewer = await site.ApiAsAsync(Roles.Reviewer);
        var scores = new Dictionary<string, (int, int)> { ["alice"] = (15, 15), ["bob"] = (13, 7), ["carol"] = (11, 10) };
        foreach (var login in scores.Keys)
        {
            await EmbassySite.AddMemberAsync(admin, login);
            github.AddIssue(EmbassySite.Repo, login, "October 2026 Contribution", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(scores.Count + login.Length)));
        }

        await EmbassySite.SyncAsync(admin);
        foreach (var item in await EmbassySite.QueueAsync(reviewer, EmbassySite.LastMonth))
        {
            var (effort, result) = scores[item.Author];
            await EmbassySite.ScoreAsync(reviewer, item.ReportId, new ScoreEntry("CM", effort, result), new ScoreEntry("CC", result, effort));
        }

        var month = await EmbassySite.CloseMonthAsync(admin, EmbassySite.LastMonth);
        var anonymous = site.CreateClient();
        var lead = await site.SignInAsAsync("lead", Roles.Admin);
        var pages = new Dictionary<string, string>
        {
            ["month"] = await anonymous.GetStringAsync($"/months/{EmbassySite.LastMonth}"),
            ["member"] = await anonymous.GetStringAsync($"/members/{month.Members[0].MemberId}"),
            ["leaderboard"] = await anonymous.GetStringAsync("/leaderboard"),
            ["treasury"] = await anonymous.GetStringAsync("/treasury"),
            ["home"] = await anonymous.GetStringAsync("/"),
            ["admin month"] = await lead.GetStringAsync($"/admin/months/{EmbassySite.LastMonth}"),
        };
        var file = await anonymous.GetStringAsync($"/months/{EmbassySite.LastMonth}/export.csv");

        Assert.Contains(month.Members, m => EmbassySite.Amount(month, m.Total).IsCutForDisplay); // the rule has something to cut
        foreach (var (name, html) in pages)
        {
            // What a person reads: the text between tags, attributes (the exact amounts, the units) left out.
            var text = WebUtility.HtmlDecode(Tags().Replace(html, " "));
            Assert.True(!LongDecimals().IsMatch(text), $"{name} shows '{LongDecimals().Match(text).Value}', more than 4 decimals");
        }

        foreach (var m in month.Members)
        {
            // The page's amount is the file's integer: the same smallest units, with the exact amount as its title.
            var amount = EmbassySite.Amount(month, m.Total);
            Assert.Contains($"<data class=\"amount\" value=\"{m.Total.Units}\" title=\"{amount.Format()} {amount.Token.Symbol}\">{amount.Display()}", pages["month"], StringComparison.Ordinal);
            Assert.Contains("," + m.Total.Units, file, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task MonthPage_MoreMembersThanAPage_IsPagedAndSearchable_EveryMemberOnExactlyOnePage()
    {
        await using var github = await MonthCloseTests.StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress, new Dictionary<string, string?> { ["Public:PageSize"] = "2" });
        var admin = await site.ApiAsAsync(Roles.Admin);
        var reviewer = await site.ApiAsAsync(Roles.Reviewer);
        string[] logins = ["alice", "bob", "carol"];
        for (var i = 0; i < logins.Length; i++)
        {
            await EmbassySite.AddMemberAsync(admin, logins[i]);
            github.AddIssue(EmbassySite.Repo, logins[i], "October 2026 Contribution", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(2 + i)));
        }

        await EmbassySite.SyncAsync(admin);
        foreach (var item in await EmbassySite.QueueAsync(reviewer, EmbassySite.LastMonth))
        {
            await EmbassySite.ScoreAsync(reviewer, item.ReportId, new ScoreEntry("CM", 15, 15), new ScoreEntry("CC", item.Author == "alice" ? 20 : 10, 10));
        }

        var month = await EmbassySite.CloseMonthAsync(admin, EmbassySite.LastMonth);
        var anonymous = site.CreateClient();
        var path = $"/months/{EmbassySite.LastMonth}";

        var first = await anonymous.GetAsync(path);
        var second = await anonymous.GetAsync(path + "?page=2");
        var firstPage = await first.Content.ReadAsStringAsync();
        var secondPage = await second.Content.ReadAsStringAsync();

        // Two rows, then one: each member once, with the engine's units, and the whole month's figures on both pages.
        var shown = MemberRows().Matches(firstPage).Concat(MemberRows().Matches(secondPage)).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToArray();
        Assert.Equal(2, MemberRows().Count(firstPage));
        Assert.Equal(1, MemberRows().Count(secondPage));
        Assert.Equal(month.Members.Select(m => (m.Login, m.Total.Units)).Order(), shown.Order());
        Assert.Contains("<span id=\"filed-count\">3</span>", secondPage, StringComparison.Ordinal);
        Assert.Contains("Showing members 1–2 of 3", firstPage, StringComparison.Ordinal);
        Assert.Contains("Showing members 3–3 of 3", secondPage, StringComparison.Ordinal);
        Assert.Contains($"rel=\"next\" href=\"{path}?page=2#rewards\"", firstPage, StringComparison.Ordinal);
        Assert.Contains($"rel=\"prev\" href=\"{path}#rewards\"", secondPage, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", secondPage, StringComparison.Ordinal);

        // Each page is its own representation: its own ETag, and a 304 only for its own.
        Assert.NotEqual(first.Headers.ETag, second.Headers.ETag);
        using (var again = new HttpRequestMessage(HttpMethod.Get, path + "?page=2"))
        {
            again.Headers.IfNoneMatch.Add(second.Headers.ETag!);
            Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(again)).StatusCode);
        }

        // A page the month does not have is not found, not another page.
        foreach (var wrong in new[] { "?page=3", "?page=0", "?page=-1", "?page=two", "?page=1e1" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path + wrong)).StatusCode);
        }

        // The search finds a member by login or name, ignoring case, and keeps the search in its links.
        var found = await anonymous.GetStringAsync(path + "?q=%20BoB%20");
        Assert.Equal(["bob"], MemberRows().Matches(found).Select(m => m.Groups[1].Value));
        Assert.Contains("Showing members 1–1 of 1 matching “BoB” (of 3)", WebUtility.HtmlDecode(found), StringComparison.Ordinal);
        Assert.Contains("No members match", WebUtility.HtmlDecode(await anonymous.GetStringAsync(path + "?q=nobody")), StringComparison.Ordinal);

        // The leaderboard is paged the same way and keeps each member's place when searched.
        var board = await anonymous.GetStringAsync("/leaderboard?page=2");
        Assert.Single(LeaderboardPlaces().Matches(board));
        Assert.Equal("3", LeaderboardPlaces().Match(board).Groups[1].Value);
        var alice = await anonymous.GetStringAsync("/leaderboard?q=alice");
        Assert.Equal("1", LeaderboardPlaces().Match(alice).Groups[1].Value); // the highest CC score ranks first
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/leaderboard?page=3")).StatusCode);
    }

    [GeneratedRegex("data-member=\"([^\"]+)\" data-total-units=\"([0-9]+)\"")]
    private static partial Regex MemberRows();

    [GeneratedRegex(@"<tr><td class=""num"">([0-9]+)</td><th scope=""row""><a href=""/members/")]
    private static partial Regex LeaderboardPlaces();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\d\.\d{5,}")]
    private static partial Regex LongDecimals();

    [Fact]
    public async Task MonthPage_LockedButNotApproved_IsNotPublic()
    {
        await using var site = new EmbassySite();
        var admin = await site.ApiAsAsync(Roles.Admin);
        await EmbassySite.AddMemberAsync(admin, "alice");
        await admin.PostAsync($"/api/admin/months/{EmbassySite.LastMonth}/lock", null);

        var response = await site.CreateClient().GetAsync($"/months/{EmbassySite.LastMonth}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesTheApi()
    {
        await using var site = new EmbassySite();

        var doc = await site.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/admin/months/{period}/lock", doc, StringComparison.Ordinal);
        Assert.Contains("/api/review/reports/{id}/scores", doc, StringComparison.Ordinal);

        // The close and review endpoints document the problems they answer with, not one generic problem.
        using var json = System.Text.Json.JsonDocument.Parse(doc);
        foreach (var (path, method) in new[] { ("/api/admin/months/{period}/lock", "post"), ("/api/admin/months/{period}/approve", "post"), ("/api/review/reports/{id}/reject", "post") })
        {
            var responses = json.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
            foreach (var status in new[] { "404", "409", "422" })
            {
                Assert.True(responses.TryGetProperty(status, out var response), $"{method} {path} documents no {status}");
                Assert.True(response.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{method} {path} {status} is not a problem document");
            }
        }

        // Recording and correcting a payment answer a typed document (state, batch, batches recorded, check, notices).
        foreach (var path in new[] { "/api/admin/months/{period}/transactions", "/api/admin/months/{period}/transactions/{batch}/correction" })
        {
            var ok = json.RootElement.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("responses").GetProperty("200");
            Assert.Equal("#/components/schemas/TransactionDocument", ok.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        }

        var schema = json.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("TransactionDocument").GetProperty("properties");
        Assert.Equal(["period", "state", "batch", "txHash", "recorded", "batches", "check", "notices"], schema.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public async Task DemoMode_SeedsItsOwnDatabase_WithTwoClosedMonths()
    {
        await using var site = new EmbassySite(settings: new Dictionary<string, string?> { ["Demo"] = "true" });

        var home = await site.CreateClient().GetStringAsync("/");
        var months = await site.Service<PublicQueries>().MonthsAsync();

        Assert.Contains("Demo program.", home, StringComparison.Ordinal);
        Assert.Equal(2, months.Count);
        Assert.True(File.Exists(Path.Combine(site.DataDirectory, "demo", "embassy.db")));
        Assert.False(File.Exists(Path.Combine(site.DataDirectory, "embassy.db")));
    }

    /// <summary>No script element but ours, no event-handler attribute, no javascript:/data: URL in any real tag.</summary>
    internal static void AssertInert(string html)
    {
        foreach (Match tag in Tag().Matches(html))
        {
            var text = tag.Value;
            var name = tag.Groups[1].Value.ToLowerInvariant();
            Assert.False(name is "iframe" or "object" or "embed", "Active element: " + text);
            if (name == "script")
            {
                Assert.Matches("^<script src=\"/(lib|js)/", text);
            }

            Assert.DoesNotMatch(@"\son\w+\s*=", text);
            Assert.DoesNotMatch(@"(?i)(href|src)\s*=\s*""\s*(javascript|data|vbscript):", text);
        }
    }

    [GeneratedRegex(@"<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")]
    private static partial Regex Tag();
}
