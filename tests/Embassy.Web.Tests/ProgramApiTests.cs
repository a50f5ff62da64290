using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Embassy.Application;
using Embassy.Data.Entities;
using Embassy.Data.Tests;
using Embassy.Domain;
using Embassy.Domain.Community;
using Embassy.Domain.Treasury;

namespace Embassy.Web.Tests;

/// <summary>
/// The program's JSON API through the real host (RULES.md R10, issue #6): the treasury's admin writes and the public
/// read model, applications scored by reviewers and decided by admins, crews ticked by reviewers; roles by policy.
/// </summary>
public sealed class ProgramApiTests
{
    // The month under review (October 2026) pays under phala-v5-erc20: PHA as an ERC-20, 18 decimals, EVM rail.
    private const string Month = "2026-10";

    private static ProposalRequest Funded(int number, string requested) =>
        new(number, "Community bounties", TreasuryDemo.Proponent, new DateOnly(2026, 1, 5), requested, "funded");

    private static BountyRequest Bounty(int proposal, string amount, bool inUsd, int seed) =>
        new("Telegram bot for solo miners", "l00k", "discord=l00k", EmbassySite.AddressFor(seed), "https://t.me/phala_stat_bot", amount, inUsd, Month, new DateOnly(2026, 10, 20), proposal);

    private static async Task<T> OkAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, EmbassySite.Json)!;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BountyApproval_TenAtOnce_OneSucceeds_TheRestAre409WithTheStateFound(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var site = new EmbassySite(database: database);
        var ada = await site.ApiAsAsync(Roles.Admin, "ada");
        await OkAsync<SavedAnswer<ProposalDto>>(await ada.PostAsJsonAsync("/api/admin/treasury/proposals", Funded(14, "100,000")));
        var id = (await OkAsync<SavedAnswer<BountyDto>>(await ada.PostAsJsonAsync("/api/admin/treasury/bounties", Bounty(14, "5,000", inUsd: false, seed: 7)), HttpStatusCode.Created)).Value.Id;
        var admins = new List<HttpClient>();
        for (var i = 0; i < 10; i++)
        {
            admins.Add(await site.ApiAsAsync(Roles.Admin, "admin" + i));
        }

        using var go = new SemaphoreSlim(0);
        var approvals = admins.Select(async a =>
        {
            await go.WaitAsync();
            return await a.PostAsync($"/api/admin/treasury/bounties/{id}/approve", null);
        }).ToArray();
        go.Release(approvals.Length);
        var answers = await Task.WhenAll(approvals);

        Assert.Equal(1, answers.Count(r => r.StatusCode == HttpStatusCode.OK));
        var conflicts = answers.Where(r => r.StatusCode != HttpStatusCode.OK).ToArray();
        Assert.Equal(9, conflicts.Length);
        foreach (var conflict in conflicts)
        {
            var problem = await ProblemAsync(conflict, HttpStatusCode.Conflict);
            Assert.Equal(TreasuryStore.BountyNotReady, problem.GetProperty("code").GetString());
            Assert.Contains("is approved", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var winner = (await answers.Single(r => r.StatusCode == HttpStatusCode.OK).Content.ReadFromJsonAsync<SavedAnswer<BountyDto>>(EmbassySite.Json))!.Value.Approver;
        var stored = Assert.Single(await site.Service<TreasuryStore>().BountiesAsync());
        Assert.Equal(("approved", winner), (stored.Status, stored.Award.Approver));
        await using var db = await site.Service<Microsoft.EntityFrameworkCore.IDbContextFactory<Embassy.Data.EmbassyDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.AuditLog, e => e.Action == "bounty.approved"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Treasury_ProposalPriceBounty_CreatedApprovedDrawn_PayoutFileAndPublicTreasuryHaveExactAmounts(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var site = new EmbassySite(database: database);
        var ada = await site.ApiAsAsync(Roles.Admin, "ada");
        var root = await site.ApiAsAsync(Roles.Admin, "root");

        var proposal = await OkAsync<SavedAnswer<ProposalDto>>(await ada.PostAsJsonAsync("/api/admin/treasury/proposals", Funded(14, "100,000")));
        var milestone = await OkAsync<SavedAnswer<ProposalDto>>(await ada.PostAsJsonAsync(
            "/api/admin/treasury/proposals/14/milestones", new MilestoneRequest(0, "Grow to 40+ ambassadors", "80,000", "ambassadors", 40)));
        var price = await OkAsync<PriceDto>(await ada.PostAsJsonAsync("/api/admin/treasury/prices", new PriceRequest(Month, "0.125", "CoinGecko monthly close", new DateOnly(2026, 10, 31))));
        var created = await OkAsync<SavedAnswer<BountyDto>>(await ada.PostAsJsonAsync("/api/admin/treasury/bounties", Bounty(14, "250", inUsd: true, seed: 7)), HttpStatusCode.Created);
        var id = created.Value.Id;
        var early = await ProblemAsync(await root.PostAsync($"/api/admin/treasury/bounties/{Month}/draw?proposal=14", null), HttpStatusCode.Conflict);
        var approved = await OkAsync<SavedAnswer<BountyDto>>(await root.PostAsync($"/api/admin/treasury/bounties/{id}/approve", null));
        var drawn = await OkAsync<BountyDrawAnswer>(await root.PostAsync($"/api/admin/treasury/bounties/{Month}/draw?proposal=14", null));
        var payout = await root.GetAsync($"/api/admin/treasury/bounties/{Month}/payout.csv");
        var again = await ProblemAsync(await root.PostAsync($"/api/admin/treasury/bounties/{Month}/draw?proposal=14", null), HttpStatusCode.Conflict);

        Assert.Equal(("funded", "100000000000000000", 12), (proposal.Value.Status, proposal.Value.Requested.Units, proposal.Value.Decimals));
        var m = Assert.Single(milestone.Value.Milestones);
        Assert.Equal((1, "80000", "ambassadors", 40L), (m.Number, m.Cost.Amount, m.Target!.Metric, m.Target.Value));
        Assert.Contains(milestone.Warnings, w => w.Code == TreasuryCodes.MilestonesMismatch); // 80,000 of 100,000
        Assert.Equal((Month, "0.125", "CoinGecko monthly close"), (price.Period, price.Price, price.Source));
        Assert.Equal(("proposed", "250.00", (AmountDto?)null), (created.Value.Status, created.Value.Usd, created.Value.Amount));
        Assert.Equal(TreasuryStore.BountyNotReady, early.GetProperty("code").GetString());
        var noSuchProposal = await ProblemAsync(await root.PostAsync($"/api/admin/treasury/bounties/{Month}/draw?proposal=99", null), HttpStatusCode.NotFound);
        Assert.Equal(TreasuryStore.ProposalMissing, noSuchProposal.GetProperty("code").GetString());
        Assert.Equal(("approved", "root"), (approved.Value.Status, approved.Value.Approver));

        // R10: 250 $ at 0.125 $/PHA is exactly 2,000 PHA: drawn on #14 in its token (12 decimals), paid in the month's (18).
        var draw = Assert.Single(drawn.Draws);
        Assert.Equal(("bounty:" + id, "bounty", Month, "2000000000000000", "2000"), (draw.Id, draw.Kind, draw.Month, draw.Amount.Units, draw.Amount.Amount));
        Assert.Null(draw.Override);
        Assert.Equal(("98000000000000000", "98000"), (drawn.Remaining.Units, drawn.Remaining.Amount));
        Assert.Equal(HttpStatusCode.OK, payout.StatusCode);
        Assert.Equal("text/csv", payout.Content.Headers.ContentType?.MediaType);
        var lines = (await payout.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var row = lines[1].Split(',');
        Assert.Equal(("bounty:" + id, EmbassySite.AddressFor(7), "2000", "2000000000000000000000"), (row[0], row[2], row[3], row[4]));

        // #13: a treasury signer reads the drawn bounties' summary (same rail settings and steps as a month), nothing more.
        var signer = await site.ApiAsAsync(Roles.Signer, "sam");
        var signing = await signer.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/sign/bounties/{Month}");
        Assert.Equal(("evm", 1, "2000000000000000000000"), (signing.GetProperty("rail").GetString(), signing.GetProperty("recipients").GetInt32(), signing.GetProperty("total").GetProperty("units").GetString()));
        var bountyChange = Assert.Single(signing.GetProperty("changes").EnumerateArray());
        Assert.Equal((SigningSummary.NewRecipient, EmbassySite.AddressFor(7)), (bountyChange.GetProperty("kind").GetString(), bountyChange.GetProperty("address").GetString()));
        Assert.Contains(signing.GetProperty("steps").EnumerateArray(), step => step.GetString()!.Contains("Transaction Builder", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await signer.GetAsync($"/api/admin/treasury/bounties/{Month}/payout.csv")).StatusCode);
        Assert.Equal(TreasuryStore.BountyNotReady, again.GetProperty("code").GetString());

        // R9/R10: October 2026 pays PHA as an ERC-20 (phala-v5-erc20), so the signers get a Safe batch, not substrate call data.
        var safe = await root.GetAsync($"/api/admin/treasury/bounties/{Month}/payout-safe.json");
        var substrate = await root.GetAsync($"/api/admin/treasury/bounties/{Month}/payout-substrate.txt");
        Assert.Equal(HttpStatusCode.OK, safe.StatusCode);
        using (var batch = System.Text.Json.JsonDocument.Parse(await safe.Content.ReadAsStringAsync()))
        {
            var transfer = Assert.Single(batch.RootElement.GetProperty("transactions").EnumerateArray());
            Assert.Equal("0", transfer.GetProperty("value").GetString()); // ERC-20: no ether moves, the amount is in the call
            var input = transfer.GetProperty("contractInputsValues");
            Assert.Equal((EmbassySite.AddressFor(7).ToLowerInvariant(), "2000000000000000000000"), (input.GetProperty("to").GetString()!.ToLowerInvariant(), input.GetProperty("value").GetString()));
        }

        Assert.Equal(PayoutRails.NotSubstrate, (await ProblemAsync(substrate, HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());

        // R9: the treasury paid; the hash is recorded once, and the bounty is paid.
        var paid = await root.PostAsJsonAsync($"/api/admin/treasury/bounties/{Month}/transactions", new TransactionRequest("0x" + new string('d', 64)));
        var paidTwice = await root.PostAsJsonAsync($"/api/admin/treasury/bounties/{Month}/transactions", new TransactionRequest("0x" + new string('d', 64)));
        Assert.Equal(1, await OkAsync<int>(paid));
        Assert.Equal(TreasuryStore.BountyNotReady, (await ProblemAsync(paidTwice, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        var listed = Assert.Single(await OkAsync<BountyDto[]>(await root.GetAsync("/api/admin/treasury/bounties")));
        Assert.Equal((TreasuryStore.BountyStates.Paid, "0x" + new string('d', 64)), (listed.Status, listed.TxHash));

        // The public read model: funding, paid and remaining; no month is closed, so no runway is claimed (issue #13: the
        // October bounty is drawn, but an open month's spend is not a closed month's).
        var treasury = await OkAsync<TreasuryAnswer>(await site.CreateClient().GetAsync("/api/treasury"));
        var view = Assert.Single(treasury.Proposals);
        Assert.Equal((14, (string?)null), (view.Proposal.Number, treasury.LastClosed));
        Assert.Equal(("100000000000000000", "2000000000000000", "98000000000000000", "0"), (view.Funding.Units, view.Paid.Units, view.Remaining.Units, view.Overdrawn.Units));
        Assert.Equal(("100000", "2000", "98000", "PHA"), (view.Funding.Amount, view.Paid.Amount, view.Remaining.Amount, view.Remaining.Token));
        Assert.Equal(((string?)null, "no month closed yet"), (view.Runway.Months, view.Runway.Text));
        var payment = Assert.Single(view.Timeline, e => e.Kind == "payment");
        Assert.Equal("https://etherscan.io/tx/0x" + new string('d', 64), payment.Explorer); // phala-v5-erc20's explorer
        Assert.Equal("bounty:" + id, Assert.Single(view.Draws).Id);
        var target = Assert.Single(view.Proposal.Milestones).Target!;
        Assert.Equal((40L, 0L, false), (target.Value, target.Current, target.Met));
    }

    [Fact]
    public async Task BountyDraw_BeyondTheProposal_IsRefusedWithoutAReason_ThenDrawnWithOne_WhichThePublicTreasuryShows()
    {
        await using var site = new EmbassySite();
        var admin = await site.ApiAsAsync(Roles.Admin, "root");
        await OkAsync<SavedAnswer<ProposalDto>>(await admin.PostAsJsonAsync("/api/admin/treasury/proposals", Funded(3, "1,000")));
        var created = await OkAsync<SavedAnswer<BountyDto>>(await admin.PostAsJsonAsync("/api/admin/treasury/bounties", Bounty(3, "1,500", inUsd: false, seed: 8)), HttpStatusCode.Created);
        var other = await site.ApiAsAsync(Roles.Admin, "ada"); // another admin approves (R10)
        await OkAsync<SavedAnswer<BountyDto>>(await other.PostAsync($"/api/admin/treasury/bounties/{created.Value.Id}/approve", null));

        var refused = await ProblemAsync(await admin.PostAsync($"/api/admin/treasury/bounties/{Month}/draw?proposal=3&overrideReason=%20%20", null), HttpStatusCode.UnprocessableEntity);
        var afterRefusal = await OkAsync<TreasuryAnswer>(await site.CreateClient().GetAsync("/api/treasury"));
        var reason = "Approved by the council on the forum.";
        var drawn = await OkAsync<BountyDrawAnswer>(await admin.PostAsync($"/api/admin/treasury/bounties/{Month}/draw?proposal=3&overrideReason={Uri.EscapeDataString(reason)}", null));

        Assert.Equal(TreasuryCodes.Overdrawn, refused.GetProperty("code").GetString());
        Assert.Contains("short by", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(Assert.Single(afterRefusal.Proposals).Draws);
        var draw = Assert.Single(drawn.Draws);
        Assert.Equal(("root", reason), (draw.Override!.Actor, draw.Override.Reason));
        Assert.Equal("1500000000000000", draw.Amount.Units);
        Assert.Contains(drawn.Warnings, w => w.Code == TreasuryCodes.OverdrawOverridden);

        var view = Assert.Single((await OkAsync<TreasuryAnswer>(await site.CreateClient().GetAsync("/api/treasury"))).Proposals);
        Assert.Equal(("1500000000000000", "0", "500000000000000"), (view.Paid.Units, view.Remaining.Units, view.Overdrawn.Units));
        Assert.Equal(reason, Assert.Single(view.Draws).Override!.Reason);
    }

    [Fact]
    public async Task PriceImport_BadCsv_IsAProblemListingEachBadLine_AndNothingIsStored_GoodCsvStoresEveryMonth()
    {
        await using var site = new EmbassySite();
        var admin = await site.ApiAsAsync(Roles.Admin);
        const string Bad = "period,price,source,date\n2026-07,0.14,CoinGecko,2026-07-31\n2026-13,0.1,CoinGecko,2026-08-31\n2026-09,abc,CoinGecko,2026-09-30\n";
        const string Good = "period,price,source,date\n2026-07,0.14,CoinGecko,2026-07-31\n2026-08,0.1234,Kraken,2026-08-31\n";

        using var badBody = new StringContent(Bad, Encoding.UTF8, "text/csv");
        var bad = await ProblemAsync(await admin.PostAsync("/api/admin/treasury/prices/import?file=october.csv", badBody), HttpStatusCode.UnprocessableEntity);
        var stored = await site.Service<TreasuryStore>().PricesAsync(new Token("PHA", 18));
        using var goodBody = new StringContent(Good, Encoding.UTF8, "text/csv");
        var good = await OkAsync<PriceDto[]>(await admin.PostAsync("/api/admin/treasury/prices/import", goodBody));
        var json = await ProblemAsync(await admin.PostAsJsonAsync("/api/admin/treasury/prices/import", new { period = "2026-10" }), HttpStatusCode.UnsupportedMediaType);

        var errors = bad.GetProperty("errors").EnumerateArray().ToArray();
        Assert.Equal([3, 4], errors.Select(e => e.GetProperty("line").GetInt32()).Order());
        Assert.Equal(["october.csv:3", "october.csv:4"], errors.Select(e => e.GetProperty("at").GetString()).Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("code").GetString())));
        Assert.Empty(stored);
        Assert.Equal(["2026-07 0.14 CoinGecko", "2026-08 0.1234 Kraken"], good.Select(p => $"{p.Period} {p.Price} {p.Source}"));
        Assert.Equal(ProgramApiEndpoints.MediaTypeUnsupported, json.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Application_ScoredByAReviewer_AcceptedByAnAdmin_BecomesAMember_AReviewersDecisionIsRefused()
    {
        await using var site = new EmbassySite();
        var applications = site.Service<MembershipApplications>();
        var id = (await applications.SubmitAsync(
            new MembershipApplication { Id = "x", SubmittedAt = EmbassySite.Now, Name = "Lucía Romero", GitHubLogin = "lucia-romero", Telegram = "@lucia_rm", Region = "Spanish group", Links = ["https://example.com/work"], Statement = "I translate DeFi docs." },
            null,
            EmbassySite.Now.AddMinutes(-5),
            "hash")).Value;
        var reviewer = await site.ApiAsAsync(Roles.Reviewer, "rita");
        var admin = await site.ApiAsAsync(Roles.Admin, "root");

        var pending = await OkAsync<ApplicationSummaryDto[]>(await reviewer.GetAsync("/api/review/applications?state=pending"));
        var badScore = await ProblemAsync(await reviewer.PostAsJsonAsync($"/api/review/applications/{id}/scores", new ApplicationScoresRequest(new Dictionary<string, decimal?> { ["expertise"] = 70, ["commitment"] = 8, ["influence"] = 6, ["common-sense"] = 5 })), HttpStatusCode.UnprocessableEntity);
        var scored = await OkAsync<ApplicationDto>(await reviewer.PostAsJsonAsync($"/api/review/applications/{id}/scores", new ApplicationScoresRequest(new Dictionary<string, decimal?> { ["expertise"] = 8, ["commitment"] = 7, ["influence"] = 6, ["common-sense"] = 5 }, "Strong translations.")));
        var reviewerDecides = await reviewer.PostAsJsonAsync($"/api/admin/applications/{id}/decision", new DecisionRequest("accept", "ambassador"));
        var declineWithoutReason = await ProblemAsync(await admin.PostAsJsonAsync($"/api/admin/applications/{id}/decision", new DecisionRequest("decline")), HttpStatusCode.UnprocessableEntity);
        var decided = await OkAsync<DecisionAnswer>(await admin.PostAsJsonAsync($"/api/admin/applications/{id}/decision", new DecisionRequest("accept", "ambassador")));
        var twice = await admin.PostAsJsonAsync($"/api/admin/applications/{id}/decision", new DecisionRequest("accept", "ambassador"));

        Assert.Equal([id], pending.Select(a => a.Id));
        Assert.Equal(CommunityCodes.ApplicationScoreInvalid, badScore.GetProperty("code").GetString());
        Assert.Equal((26m, 40m, 1), (scored.Score!.Total, scored.Score.Max, scored.Score.Reviewers));
        Assert.Equal(["expertise", "commitment", "influence", "common-sense"], scored.Criteria.Select(c => c.Code)); // phala-v5-erc20's four (issue #17)
        var review = Assert.Single(scored.Reviews);
        Assert.Equal(("rita", 8m, "Strong translations."), (review.Reviewer, review.Scores["expertise"], review.Note));
        Assert.Equal(HttpStatusCode.Forbidden, reviewerDecides.StatusCode);
        Assert.Equal(CommunityCodes.ApplicationDeclineReasonRequired, declineWithoutReason.GetProperty("code").GetString());
        Assert.Equal(ApplicationStates.Accepted, decided.State);
        Assert.NotNull(decided.MemberId);
        Assert.Equal(CommunityCodes.ApplicationAlreadyDecided, (await ProblemAsync(twice, HttpStatusCode.Conflict)).GetProperty("code").GetString());

        var members = await OkAsync<MemberDto[]>(await admin.GetAsync("/api/members"));
        var member = Assert.Single(members, x => x.GitHub == "lucia-romero");
        Assert.Equal((decided.MemberId!.Value, "ambassador"), (member.Id, member.Rank));
        var detail = await OkAsync<ApplicationDto>(await reviewer.GetAsync($"/api/review/applications/{id}"));
        Assert.Equal((ApplicationStates.Accepted, "root", "ambassador", decided.MemberId), (detail.State, detail.Decision!.DecidedBy, detail.Decision.Rank, detail.MemberId));
        Assert.Empty(await OkAsync<ApplicationSummaryDto[]>(await reviewer.GetAsync("/api/review/applications?state=pending")));
    }

    [Fact]
    public async Task Crew_ReviewerListsAndTicksTheChecklist_TheTickDecidesTheQuota()
    {
        await using var site = new EmbassySite();
        var admin = await site.ApiAsAsync(Roles.Admin);
        var lead = await EmbassySite.AddMemberAsync(admin, "alexandre", "senior");
        var kb = await EmbassySite.AddMemberAsync(admin, "kb", "ambassador");
        var tioneb = await EmbassySite.AddMemberAsync(admin, "tioneb", "ambassador");
        var crewId = (await site.Service<CrewRegistry>().CreateAsync(new CrewInput("French group", "France", lead.Id, [kb.Id, tioneb.Id]), "root")).Value;
        var reviewer = await site.ApiAsAsync(Roles.Reviewer, "rita");

        var crews = await OkAsync<CrewDto[]>(await reviewer.GetAsync("/api/review/crews"));
        var before = await OkAsync<CrewChecklistDto>(await reviewer.GetAsync($"/api/review/crews/{crewId}/{Month}"));
        var ticked = await OkAsync<CrewChecklistDto>(await reviewer.PostAsJsonAsync($"/api/review/crews/{crewId}/{Month}/ticks", new TickRequest(nameof(QuotaKind.Ama), true, "AMA on 12 October")));
        var unknown = await ProblemAsync(await reviewer.PostAsJsonAsync($"/api/review/crews/{crewId}/{Month}/ticks", new TickRequest("0", true)), HttpStatusCode.UnprocessableEntity);
        var missing = await ProblemAsync(await reviewer.GetAsync($"/api/review/crews/{crewId + 100}/{Month}"), HttpStatusCode.NotFound);

        var crew = Assert.Single(crews);
        Assert.Equal(("French group", "alexandre", 2), (crew.Name, crew.Lead.Login, crew.Members.Count));
        Assert.NotEqual("met", before.Quotas.Single(q => q.Quota == nameof(QuotaKind.Ama)).Status);
        var ama = ticked.Quotas.Single(q => q.Quota == nameof(QuotaKind.Ama));
        Assert.Equal(("met", "rita", "AMA on 12 October"), (ama.Status, ama.Tick!.By, ama.Tick.Note));
        Assert.Equal(ProgramApiEndpoints.RequestInvalid, unknown.GetProperty("code").GetString());
        Assert.Equal(WorkflowCodes.NotFound, missing.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Crew_AdminFormsAndReformsIt_R11FlagsComeBack_AReviewerCannotFormOne()
    {
        await using var site = new EmbassySite();
        var admin = await site.ApiAsAsync(Roles.Admin);
        var reviewer = await site.ApiAsAsync(Roles.Reviewer, "rita");
        var lead = await EmbassySite.AddMemberAsync(admin, "amir", "senior");
        var one = await EmbassySite.AddMemberAsync(admin, "sara", "ambassador");
        var two = await EmbassySite.AddMemberAsync(admin, "reza", "ambassador");

        var created = await OkAsync<CrewDto>(await admin.PostAsJsonAsync("/api/admin/crews", new CrewRequest("Persian group", "Persian", lead.Id, [one.Id])), HttpStatusCode.Created);
        var edited = await OkAsync<CrewDto>(await admin.PutAsJsonAsync($"/api/admin/crews/{created.Id}", new CrewRequest("Persian group", "Persian", lead.Id, [one.Id, two.Id])));
        var byReviewer = await reviewer.PostAsJsonAsync("/api/admin/crews", new CrewRequest("Other", "X", lead.Id, []));
        var missing = await admin.PutAsJsonAsync($"/api/admin/crews/{created.Id + 100}", new CrewRequest("Persian group", "Persian", lead.Id, [one.Id]));

        // R11: one ambassador is flagged (not refused); two makes a proper crew.
        Assert.Equal(("Persian group", "amir", 1), (created.Name, created.Lead.Login, created.Members.Count));
        Assert.NotEmpty(created.Flags);
        Assert.Equal(2, edited.Members.Count);
        Assert.Empty(edited.Flags);
        Assert.Equal(HttpStatusCode.Forbidden, byReviewer.StatusCode);
        Assert.False(missing.IsSuccessStatusCode);
        Assert.Single(await OkAsync<CrewDto[]>(await reviewer.GetAsync("/api/review/crews")));
    }

    [Fact]
    public async Task Writes_RefuseAnonymousCallers_AndRolesWithoutThePolicy()
    {
        await using var site = new EmbassySite();
        var anonymous = site.CreateClient();
        var member = await site.ApiAsAsync(Roles.Member);
        var reviewer = await site.ApiAsAsync(Roles.Reviewer);
        string[] adminWrites =
        [
            "/api/admin/treasury/proposals", "/api/admin/treasury/proposals/14/milestones", "/api/admin/treasury/prices",
            "/api/admin/treasury/prices/import", "/api/admin/treasury/counts", "/api/admin/treasury/bounties",
            "/api/admin/treasury/bounties/1/approve", $"/api/admin/treasury/bounties/{Month}/draw?proposal=14", "/api/admin/applications/1/decision",
        ];
        string[] reviewerWrites = ["/api/review/applications/1/scores", $"/api/review/crews/1/{Month}/ticks"];

        // The price import takes its CSV as the body (text/csv); the others take JSON.
        static StringContent Body(string path) => path.EndsWith("/import", StringComparison.Ordinal)
            ? new StringContent("period,price,source,date\n2026-10,9,x,2026-10-31\n", Encoding.UTF8, "text/csv")
            : new StringContent("{}", Encoding.UTF8, "application/json");
        foreach (var path in adminWrites.Concat(reviewerWrites))
        {
            using var body = Body(path);
            Assert.Equal((path, HttpStatusCode.Unauthorized), (path, (await anonymous.PostAsync(path, body)).StatusCode));
            using var memberBody = Body(path);
            Assert.Equal((path, HttpStatusCode.Forbidden), (path, (await member.PostAsync(path, memberBody)).StatusCode));
        }

        foreach (var path in adminWrites)
        {
            using var body = Body(path);
            Assert.Equal((path, HttpStatusCode.Forbidden), (path, (await reviewer.PostAsync(path, body)).StatusCode));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/admin/treasury/bounties/{Month}/payout.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/review/applications")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/treasury")).StatusCode);
        Assert.Empty(await site.Service<TreasuryStore>().ProposalsAsync());
        Assert.Empty(await site.Service<TreasuryStore>().PricesAsync(new Token("PHA", 18)));
    }

    [Fact]
    public async Task OpenApi_DescribesTheProgramApi_WithItsRecords()
    {
        await using var site = new EmbassySite();

        var doc = await site.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/treasury", doc, StringComparison.Ordinal);
        Assert.Contains("/api/admin/treasury/bounties/{period}/draw", doc, StringComparison.Ordinal);
        Assert.Contains("/api/admin/applications/{id}/decision", doc, StringComparison.Ordinal);
        Assert.Contains("/api/review/crews/{id}/{period}/ticks", doc, StringComparison.Ordinal);
        Assert.Contains("\"TreasuryAnswer\"", doc, StringComparison.Ordinal);
        Assert.Contains("\"BountyRequest\"", doc, StringComparison.Ordinal);
        Assert.Contains("text/csv", doc, StringComparison.Ordinal);
    }
}
