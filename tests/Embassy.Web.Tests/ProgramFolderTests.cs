using System.Globalization;
using System.Net.Http.Json;
using Embassy.Application;
using Embassy.Data.Tests;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.GitHubStandIn;
using Embassy.Web.Security;

namespace Embassy.Web.Tests;

/// <summary>
/// Another program from its own folder of policies (<c>Program:Policies</c>): the made-up Lantern Guild (departments
/// TR/EV/DS, the LUME token, ranks apprentice/keeper/warden) runs through the web app with no code change — its
/// reports read with its vocabulary, a month closed, a payout file written on its rail.
/// </summary>
public sealed class ProgramFolderTests
{
    private static readonly string Lantern = Path.Combine(AppContext.BaseDirectory, "Programs", "lantern-guild");
    private static readonly Period February = new(2026, 2);

    private static string Body(string rank, string wallet, string words, int tr, int ev) => $"""
        - Rank: {rank}
        - Wallet Address: {wallet}
        - Departments: {words}

        Localization:
        - https://x.com/guild/status/2020000000000000001

        Lamp lighting:
        - https://x.com/guild/status/2020000000000000002

        Suggested scores:
        - [TR] {tr}/25
        - [EV] {ev}/25
        """;

    [Fact]
    public async Task OtherProgram_FromItsFolder_ReadsItsReports_ClosesAMonth_WritesItsPayoutFile()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var github = await GitHubStandIn.GitHubStandIn.StartAsync(new ManualClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)));
        await using var site = new EmbassySite(
            github.ApiBaseAddress,
            new Dictionary<string, string?> { [ProgramPolicies.FolderKey] = Lantern },
            database,
            now: new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));
        var admin = await site.ApiAsAsync(Roles.Admin);
        var reviewer = await site.ApiAsAsync(Roles.Reviewer, "rita");
        var plan = new (string Login, string Rank, int Effort)[] { ("ava", "apprentice", 9), ("bo", "keeper", 6), ("fin", "warden", 3) };
        foreach (var (login, rank, _) in plan)
        {
            await EmbassySite.AddMemberAsync(admin, login, rank, EmbassySite.AddressFor(login.Length));
            github.AddIssue(EmbassySite.Repo, login, "February 2026 report - " + login, Body(rank, EmbassySite.AddressFor(login.Length), "Localization, Lamp lighting", 20, 18));
        }

        var sync = await EmbassySite.SyncAsync(admin);
        var queue = await EmbassySite.QueueAsync(reviewer, February);
        Assert.Equal((3, 3), (sync.New, queue.Count));
        foreach (var item in queue)
        {
            var effort = plan.Single(p => p.Login == item.Author).Effort;
            var scored = await EmbassySite.ScoreAsync(reviewer, item.ReportId, new ScoreEntry("TR", effort, 12), new ScoreEntry("EV", effort, 5));
            Assert.True(scored.IsSuccessStatusCode, await scored.Content.ReadAsStringAsync());
        }

        var closed = await EmbassySite.CloseMonthAsync(admin, February);

        // The oracle: the engine under the folder's own policy, on the same input built by hand.
        var program = ProgramPolicies.FromFolder(Lantern).Value;
        var policy = program.Catalog.ForPeriod(February);
        var expected = MonthEngine.Compute(new MonthInput
        {
            Policy = policy,
            Period = February,
            Members = plan.Select(p => new Member(p.Login, new Rank(p.Rank), February.FirstDay)).ToArray(),
            Scores = plan.SelectMany(p => new[] { new ScoreLine(p.Login, "TR", Points.Of(p.Effort), Points.Of(12), null), new ScoreLine(p.Login, "EV", Points.Of(p.Effort), Points.Of(5), null) }).ToArray(),
            Choices = plan.Select(p => new MemberChoice(p.Login, ["TR", "EV"])).ToArray(),
        }).Value;
        Assert.Equal(("lantern-2026", "LUME", 9), (closed.PolicyId, closed.Token.Symbol, closed.Token.Decimals));
        Assert.Equal(policy.Pool.Base.Units.ToString(CultureInfo.InvariantCulture), closed.Pool.Units);
        Assert.Equal(
            expected.Members.Select(m => (m.Id, m.Total.Units.ToString(CultureInfo.InvariantCulture))).Order(),
            closed.Members.Select(m => (m.Login, m.Total.Units)).Order());
        Assert.Contains(expected.Members, m => m.Id == "fin" && m.Bonus == policy.Token.Whole(500)); // the warden's bonus

        // R9: the folder's rail (evm, chain 10, its own token contract) gives a Safe batch of the same amounts.
        var safe = await admin.GetAsync($"/api/admin/months/{February}/payout-safe.json");
        var text = await safe.Content.ReadAsStringAsync();
        Assert.True(safe.IsSuccessStatusCode, text);
        using var batch = System.Text.Json.JsonDocument.Parse(text);
        Assert.Equal("10", batch.RootElement.GetProperty("chainId").GetString());
        var transactions = batch.RootElement.GetProperty("transactions").EnumerateArray().ToArray();
        Assert.All(transactions, t => Assert.Equal(policy.Payout.TokenContract, t.GetProperty("to").GetString()));
        Assert.Equal(
            expected.TotalPaid.Units,
            transactions.Select(t => UInt128.Parse(t.GetProperty("contractInputsValues").GetProperty("value").GetString()!, CultureInfo.InvariantCulture)).Aggregate(UInt128.Zero, (a, v) => a + v));

        // The public home page shows the rules in force: the folder's policy, not Phala's.
        var rules = await site.CreateClient().GetStringAsync("/");
        Assert.Contains("lantern-2026", rules, StringComparison.Ordinal);
        Assert.DoesNotContain("phala-v5", rules, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherProgram_FromItsFolder_AsksAndScoresItsOwnApplicationCriteria()
    {
        await using var site = new EmbassySite(
            settings: new Dictionary<string, string?> { [ProgramPolicies.FolderKey] = Lantern, ["Applications:MinimumFillTime"] = "00:00:00" },
            now: new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));
        var visitor = site.Browser();
        var form = await (await visitor.GetAsync("/apply")).Content.ReadAsStringAsync();
        var sent = await CommunityPagesTests.ApplyAsync(visitor, new Dictionary<string, string>(CommunityPagesTests.Fields())
        {
            ["Input.Answers[craft]"] = "I drew the guild's lantern map.",
            ["Input.Answers[warmth]"] = "I greet every newcomer.",
        });
        var id = Assert.Single(await site.Service<MembershipApplications>().ListAsync()).Id;
        var reviewer = await site.ApiAsAsync(Roles.Reviewer, "rita");
        var phalaScores = await reviewer.PostAsJsonAsync($"/api/review/applications/{id}/scores", new ApplicationScoresRequest(new Dictionary<string, decimal?> { ["expertise"] = 8, ["commitment"] = 7, ["influence"] = 6 }));
        var scored = await reviewer.PostAsJsonAsync($"/api/review/applications/{id}/scores", new ApplicationScoresRequest(new Dictionary<string, decimal?> { ["craft"] = 4.5m, ["warmth"] = 3 }));
        var page = await (await site.SignInAsReviewerAsync()).GetStringAsync("/review/applications/" + id.ToString(CultureInfo.InvariantCulture));

        Assert.Contains("name=\"Input.Answers[craft]\"", form, StringComparison.Ordinal);
        Assert.Contains("How you welcome newcomers to a guild hall.", form, StringComparison.Ordinal);
        Assert.DoesNotContain("Expertise", form, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, sent.StatusCode);
        var detail = (await site.Service<MembershipApplications>().FindAsync(id))!;
        Assert.Equal("### Craft\n\nI drew the guild's lantern map.\n\n### Warmth\n\nI greet every newcomer.", detail.Application.Statement); // the Phala answers are not asked, so not kept
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, phalaScores.StatusCode);
        Assert.True(scored.IsSuccessStatusCode, await scored.Content.ReadAsStringAsync());
        Assert.Equal((Points.Of(7.5m), Points.Of(10)), (detail.Score!.Total, detail.Score.Max));
        Assert.Contains("id=\"criterion-craft\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"score_warmth\" id=\"score_warmth\" min=\"0\" max=\"5\" step=\"0.5\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenFolder_TheStartStopsWithFileAndLine()
    {
        var folder = Directory.CreateTempSubdirectory("embassy-broken-program-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "bad.yaml"), File.ReadAllText(Path.Combine(Lantern, "lantern-2026.yaml")).Replace("weight: 50", "weight: 55", StringComparison.Ordinal));
            var result = ProgramPolicies.FromFolder(folder.FullName);
            Assert.False(result.IsSuccess);
            Assert.Contains(ProgramPolicies.Lines(result.Errors), l => l.StartsWith("bad.yaml:", StringComparison.Ordinal) && l.Contains("error POLICY_WEIGHTS_NOT_100", StringComparison.Ordinal));

            using var site = new EmbassySite(settings: new Dictionary<string, string?> { [ProgramPolicies.FolderKey] = folder.FullName });
            Assert.ThrowsAny<Exception>(() => site.CreateClient());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
