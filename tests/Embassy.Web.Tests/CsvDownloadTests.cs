using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Embassy.Application;
using Embassy.Domain;
using Microsoft.AspNetCore.Routing;

namespace Embassy.Web.Tests;

/// <summary>
/// Every CSV the site serves, public downloads included, as a spreadsheet would open it: names from reports and
/// bounties that a spreadsheet would run (<c>=HYPERLINK(…)</c>, <c>-2+3+cmd|…</c>, <c>@SUM</c>, <c>+cmd</c>) arrive
/// neutralised, and every file starts with the UTF-8 byte order mark.
/// </summary>
public class CsvDownloadTests
{
    private const string Month = "2026-10";

    // The CSV routes of the site. A new one fails the test until it is fetched below.
    private static readonly string[] CsvRoutes =
    [
        "/months/{period}/export.csv",
        "/api/admin/months/{period}/payout.csv",
        "/api/admin/treasury/bounties/{period}/payout.csv",
    ];

    // Every source file that writes CSV through the one writer; the CLI's are checked in its own tests
    // (PayoutCommandsTests, AllocateCommandsTests), the payout sheets' in Embassy.Chain.Tests.
    private static readonly string[] Writers =
    [
        "src/Embassy.Application/MemberMonths.cs",
        "src/Embassy.Chain/EvmPayout.cs",
        "src/Embassy.Chain/ManualPayout.cs",
        "src/Embassy.Cli/AllocationOutput.cs",
        "src/Embassy.Cli/PayoutCommands.cs",
        "src/Embassy.Web/Rendering/MonthExport.cs",
    ];

    private static readonly string[] Hostile =
    [
        "=HYPERLINK(\"http://evil.example\",\"x\")",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)",
    ];

    [Fact]
    public async Task EveryCsvDownload_HostileNames_NeutralisedCells_AndAByteOrderMark()
    {
        await using var github = await MonthCloseTests.StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress);
        var routes = site.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            .Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(CsvRoutes.Order(StringComparer.Ordinal), routes);
        Assert.Equal(Writers, CsvWritingSources());

        var admin = await site.ApiAsAsync(Roles.Admin, "ada");
        var root = await site.ApiAsAsync(Roles.Admin, "root");
        var reviewer = await site.ApiAsAsync(Roles.Reviewer);
        for (var i = 0; i < Hostile.Length; i++)
        {
            var login = "m" + i;
            await EmbassySite.AddMemberAsync(admin, login, name: Hostile[i], address: EmbassySite.AddressFor(40 + i));
            github.AddIssue(EmbassySite.Repo, login, "October 2026 Contribution", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(40 + i)));
        }

        await EmbassySite.SyncAsync(admin);
        foreach (var item in await EmbassySite.QueueAsync(reviewer, EmbassySite.LastMonth))
        {
            await EmbassySite.ScoreAsync(reviewer, item.ReportId, new ScoreEntry("CM", 15, 15), new ScoreEntry("CC", 10, 10));
        }

        await EmbassySite.CloseMonthAsync(admin, EmbassySite.LastMonth);
        var proposal = await admin.PostAsJsonAsync("/api/admin/treasury/proposals", new ProposalRequest(14, "Community bounties", TreasuryDemo.Proponent, new DateOnly(2026, 1, 5), "1,000,000", "funded"));
        Assert.True(proposal.IsSuccessStatusCode, await proposal.Content.ReadAsStringAsync());
        var bounty = await admin.PostAsJsonAsync("/api/admin/treasury/bounties", new BountyRequest(
            "Telegram bot", "+cmd|' /C calc'!A0", "discord=l00k", EmbassySite.AddressFor(77), "https://t.me/bot", "250", false, Month, new DateOnly(2026, 10, 20), 14));
        Assert.True(bounty.StatusCode == HttpStatusCode.Created, await bounty.Content.ReadAsStringAsync());
        var id = (await bounty.Content.ReadFromJsonAsync<JsonElement>(EmbassySite.Json)).GetProperty("value").GetProperty("id").GetInt64();
        Assert.True((await root.PostAsync($"/api/admin/treasury/bounties/{id}/approve", null)).IsSuccessStatusCode);
        Assert.True((await root.PostAsync($"/api/admin/treasury/bounties/{Month}/draw?proposal=14", null)).IsSuccessStatusCode);

        var browser = await site.SignInAsAdminAsync();
        var files = new Dictionary<string, HttpResponseMessage>
        {
            ["public month"] = await site.CreateClient().GetAsync($"/months/{Month}/export.csv"),
            ["api month payout"] = await admin.GetAsync($"/api/admin/months/{Month}/payout.csv"),
            ["api bounty payout"] = await admin.GetAsync($"/api/admin/treasury/bounties/{Month}/payout.csv"),
            ["page month payout"] = await browser.GetAsync($"/admin/months/{Month}/payout?handler=csv"),
            ["page bounty payout"] = await browser.GetAsync($"/admin/treasury?handler=payout&month={Month}"),
            ["signer month payout"] = await browser.GetAsync($"/sign/months/{Month}?handler=csv"),
            ["signer bounty payout"] = await browser.GetAsync($"/sign/bounties/{Month}?handler=csv"),
            ["member statement"] = await (await site.SignInAsAsync("m0", Roles.Member)).GetAsync("/me/statement/2026"),
        };

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, response) in files)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {(int)response.StatusCode}");
            Assert.StartsWith("text/csv", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.True(bytes.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF]), $"{name} has no UTF-8 byte order mark");
            var records = CsvRecords.Read(Encoding.UTF8.GetString(bytes), name, "CSV_MALFORMED", []);
            Assert.NotNull(records);
            Assert.True(records.Count > 1, name);
            foreach (var cell in records.SelectMany(r => r.Fields))
            {
                Assert.False(Runs(cell), $"{name}: the cell '{cell}' would run as a formula");
                seen.Add(cell);
            }
        }

        // The hostile names were in the files, written as text.
        Assert.Contains("'" + Hostile[0], seen);
        Assert.Contains("'" + Hostile[1], seen);
        Assert.Contains("'" + Hostile[2], seen);
        Assert.Contains("'+cmd|' /C calc'!A0", seen);
    }

    // What a spreadsheet runs: a cell led by = + @ tab or CR, or by - unless it is a plain number (CsvWriter.Neutralise).
    internal static bool Runs(string cell) =>
        cell.Length > 0 && (cell[0] is '=' or '+' or '@' or '\t' or '\r'
            || (cell[0] == '-' && !decimal.TryParse(cell, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out _)));

    // Source files outside the writer itself that call it: each must be in Writers, so a new CSV output is not missed.
    private static string[] CsvWritingSources()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Embassy.slnx")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Embassy.slnx not found above the test binaries.");
        }

        return Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.EndsWith("CsvWriter.cs", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("CsvWriter.", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToArray();
    }
}
