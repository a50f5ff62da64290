using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Embassy.Application;
using Embassy.Data.Tests;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.GitHubStandIn;
using Embassy.Policies;
using DomainMember = Embassy.Domain.Rules.Member;

namespace Embassy.Web.Tests;

/// <summary>The month through the JSON API: members, sync, scores, close, approve, pay; a month closes and pays once.</summary>
public sealed class MonthCloseTests
{
    internal static readonly DateTimeOffset FiledAt = new(2026, 11, 3, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A filled report in the shape of the program's template.</summary>
    internal static string ReportBody(string[] departments, string wallet, string extra = "") => $"""
        1. Personal info:

        - Amb rank: Ambassador Candidate
        - Discord Username: someone
        - PHA Wallet Address: {wallet}
        - Departments: {string.Join("/", departments.Select(d => "[" + d + "]"))}

        2. Departments:

        {string.Join("\n", departments.Select(d => "· " + d + ":\n- Moderated and wrote posts: https://x.com/someone/status/1816000000000000000\n"))}
        {extra}

        4. Suggested scores:

        {string.Join("\n", departments.Select(d => "- [" + d + "] 30/40"))}
        """;

    internal static async Task<GitHubStandIn.GitHubStandIn> StandInAsync() => await GitHubStandIn.GitHubStandIn.StartAsync(new ManualClock(FiledAt));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WholeMonth_ThroughTheApi_PublishesTheEnginesRewards(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var github = await StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress, database: database);
        var admin = await site.ApiAsAsync(Roles.Admin);
        var reviewer = await site.ApiAsAsync(Roles.Reviewer, "rita");
        var plan = new (string Login, string[] Depts, int Effort, int Result)[] { ("alice", ["CM", "CC"], 18, 16), ("bob", ["CC", "BD"], 12, 10), ("carol", ["CM", "BD"], 20, 20) };
        foreach (var p in plan)
        {
            await EmbassySite.AddMemberAsync(admin, p.Login);
            github.AddIssue(EmbassySite.Repo, p.Login, "October 2026 Contribution - " + p.Login, ReportBody(p.Depts, EmbassySite.AddressFor(1)));
        }

        var sync = await EmbassySite.SyncAsync(admin);
        var queue = await EmbassySite.QueueAsync(reviewer, EmbassySite.LastMonth);
        foreach (var item in queue)
        {
            var p = plan.Single(x => x.Login == item.Author);
            var scores = p.Depts.Concat(["OTHERS"]).Select(d => new ScoreEntry(d, p.Effort, p.Result)).ToArray();
            var scored = await EmbassySite.ScoreAsync(reviewer, item.ReportId, scores);
            Assert.True(scored.IsSuccessStatusCode, await scored.Content.ReadAsStringAsync());
        }

        var closed = await EmbassySite.CloseMonthAsync(admin, EmbassySite.LastMonth);
        var published = await (await site.CreateClient().GetAsync($"/api/months/{EmbassySite.LastMonth}")).Content.ReadFromJsonAsync<MonthDocument>(EmbassySite.Json);

        // The oracle: the engine itself, on the same input built by hand.
        var policy = PolicyCatalog.Shipped.ForPeriod(EmbassySite.LastMonth);
        var expected = MonthEngine.Compute(new MonthInput
        {
            Policy = policy,
            Period = EmbassySite.LastMonth,
            Members = plan.Select(p => new DomainMember(p.Login, Rank.Candidate, EmbassySite.LastMonth.FirstDay)).ToArray(),
            Scores = plan.SelectMany(p => p.Depts.Concat(["OTHERS"]).Select(d => new ScoreLine(p.Login, d, Points.Of(p.Effort), Points.Of(p.Result), null))).ToArray(),
            Choices = plan.Select(p => new MemberChoice(p.Login, p.Depts)).ToArray(),
        }).Value;
        Assert.Equal((3, 3), (sync.New, queue.Count));
        Assert.Equal(MonthState.Paid, published!.State);
        Assert.Equal(
            expected.Members.Select(m => (m.Id, m.Total.Units.ToString())).Order(),
            published.Members.Select(m => (m.Login, m.Total.Units)).Order());
        // The API's month document: every amount is exact units beside the display rule's text, the period typed.
        Assert.Equal(EmbassySite.LastMonth, published.Period);
        Assert.Equal(expected.Members.Select(m => (m.Id, m.Total.Display())).Order(), published.Members.Select(m => (m.Login, m.Total.Display)).Order());
        Assert.Equal((expected.Pool.Units.ToString(), expected.Pool.Display()), (published.Pool.Units, published.Pool.Display));
        Assert.Equal(("PHA", 18, 4), (published.Token.Symbol, published.Token.Decimals, published.Token.DisplayDecimals));
        Assert.Equal(expected.Pool.Units.ToString(), closed.Pool.Units);

        // R9: the month pays PHA as an ERC-20 (phala-v5-erc20), so the signers' file is a Safe batch of the same amounts.
        var safe = await admin.GetAsync($"/api/admin/months/{EmbassySite.LastMonth}/payout-safe.json");
        Assert.True(safe.IsSuccessStatusCode, await safe.Content.ReadAsStringAsync());
        using var batch = System.Text.Json.JsonDocument.Parse(await safe.Content.ReadAsStringAsync());
        var values = batch.RootElement.GetProperty("transactions").EnumerateArray()
            .Select(t => UInt128.Parse(t.GetProperty("contractInputsValues").GetProperty("value").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(expected.Members.Count(m => !m.Total.IsZero), values.Length);
        Assert.Equal(expected.TotalPaid.Units, values.Aggregate(UInt128.Zero, (a, v) => a + v));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CloseMonth_SecondTime_IsRefused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var site = new EmbassySite(database: database);
        var admin = await site.ApiAsAsync(Roles.Admin);
        await EmbassySite.AddMemberAsync(admin, "alice");
        await EmbassySite.CloseMonthAsync(admin, EmbassySite.LastMonth);

        var again = await admin.PostAsync($"/api/admin/months/{EmbassySite.LastMonth}/lock", null);

        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal(WorkflowCodes.MonthAlreadyClosed, problem.GetProperty("code").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PayMonth_SecondTime_IsRefused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var site = new EmbassySite(database: database);
        var admin = await site.ApiAsAsync(Roles.Admin);
        await EmbassySite.AddMemberAsync(admin, "alice");
        await EmbassySite.CloseMonthAsync(admin, EmbassySite.LastMonth, "0x" + new string('1', 64));

        var again = await admin.PostAsJsonAsync($"/api/admin/months/{EmbassySite.LastMonth}/transactions", new TransactionRequest("0x" + new string('2', 64)));

        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(WorkflowCodes.MonthAlreadyPaid, problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Approve_BeforeLock_IsRefusedWithProblemDetails()
    {
        await using var site = new EmbassySite();
        var admin = await site.ApiAsAsync(Roles.Admin);

        var response = await admin.PostAsync($"/api/admin/months/{EmbassySite.LastMonth}/approve", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(WorkflowCodes.MonthNotLocked, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Preview_UnscoredReport_Warns()
    {
        await using var github = await StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress);
        var admin = await site.ApiAsAsync(Roles.Admin);
        await EmbassySite.AddMemberAsync(admin, "alice");
        github.AddIssue(EmbassySite.Repo, "alice", "October 2026 Contribution", ReportBody(["CM", "CC"], EmbassySite.AddressFor(1)));
        await EmbassySite.SyncAsync(admin);

        var preview = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/months/{EmbassySite.LastMonth}");

        var codes = preview.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToArray();
        Assert.Contains("REPORT_UNSCORED", codes);
        Assert.Equal(MonthState.Open, preview.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Score_AboveTwenty_IsRefused()
    {
        await using var github = await StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress);
        var admin = await site.ApiAsAsync(Roles.Admin);
        var reviewer = await site.ApiAsAsync(Roles.Reviewer);
        await EmbassySite.AddMemberAsync(admin, "alice");
        github.AddIssue(EmbassySite.Repo, "alice", "October 2026 Contribution", ReportBody(["CM", "CC"], EmbassySite.AddressFor(1)));
        await EmbassySite.SyncAsync(admin);
        var item = (await EmbassySite.QueueAsync(reviewer, EmbassySite.LastMonth)).Single();

        var response = await EmbassySite.ScoreAsync(reviewer, item.ReportId, new ScoreEntry("CM", 21, 5));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(WorkflowCodes.ScoreOutOfRange, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task AddMember_BadAddress_IsRefusedAndNothingIsStored()
    {
        await using var site = new EmbassySite();
        var admin = await site.ApiAsAsync(Roles.Admin);

        var response = await admin.PostAsJsonAsync("/api/members", new NewMember("Alice", "alice", "candidate", Address: "0x52908400098527886e0F7030069857D2E4169EE8"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(WorkflowCodes.AddressInvalid, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Empty((await admin.GetFromJsonAsync<MemberDto[]>("/api/members"))!);
    }

    [Fact]
    public async Task RankChange_WithoutReason_IsRefused_AndWithReason_IsAudited()
    {
        await using var site = new EmbassySite();
        var admin = await site.ApiAsAsync(Roles.Admin);
        var member = await EmbassySite.AddMemberAsync(admin, "alice");

        var refused = await admin.PostAsJsonAsync($"/api/members/{member.Id}/rank", new RankChange("ambassador", " "));
        var accepted = await admin.PostAsJsonAsync($"/api/members/{member.Id}/rank", new RankChange("ambassador", "Three strong months", new DateOnly(2026, 11, 1)));

        var audit = await admin.GetFromJsonAsync<AuditDto[]>("/api/admin/audit");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
        Assert.Contains(audit!, a => a.Action == "rank.changed" && a.Details!.Contains("Three strong months", StringComparison.Ordinal));
    }
    [Fact]
    public async Task LateReport_IsNotScorable_UntilAnAdminAcceptsItWithAReason()
    {
        await using var github = await GitHubStandIn.GitHubStandIn.StartAsync(new ManualClock(new DateTimeOffset(2026, 11, 9, 8, 0, 0, TimeSpan.Zero)));
        await using var site = new EmbassySite(github.ApiBaseAddress);
        var admin = await site.ApiAsAsync(Roles.Admin);
        var reviewer = await site.ApiAsAsync(Roles.Reviewer);
        await EmbassySite.AddMemberAsync(admin, "alice");
        github.AddIssue(EmbassySite.Repo, "alice", "October 2026 Contribution", ReportBody(["CM", "CC"], EmbassySite.AddressFor(1)));
        await EmbassySite.SyncAsync(admin);
        var item = (await EmbassySite.QueueAsync(reviewer, EmbassySite.LastMonth)).Single();

        var refused = await EmbassySite.ScoreAsync(reviewer, item.ReportId, new ScoreEntry("CM", 10, 10));
        var noReason = await admin.PostAsJsonAsync($"/api/admin/reports/{item.ReportId}/accept-late", new ReasonRequest(""));
        var accepted = await admin.PostAsJsonAsync($"/api/admin/reports/{item.ReportId}/accept-late", new ReasonRequest("Travelling; told us on Nov 4"));
        var scored = await EmbassySite.ScoreAsync(reviewer, item.ReportId, new ScoreEntry("CM", 10, 10));

        Assert.Equal(ReviewStates.Late, item.State);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, scored.StatusCode);
    }

    [Fact]
    public async Task UnmatchedReport_IsHeld_ThenLinkedByAnAdmin()
    {
        await using var github = await StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress);
        var admin = await site.ApiAsAsync(Roles.Admin);
        var reviewer = await site.ApiAsAsync(Roles.Reviewer);
        var alice = await EmbassySite.AddMemberAsync(admin, "alice");
        github.AddIssue(EmbassySite.Repo, "alice-old-account", "October 2026 Contribution", ReportBody(["CM", "CC"], EmbassySite.AddressFor(1)));
        await EmbassySite.SyncAsync(admin);
        var held = (await EmbassySite.QueueAsync(reviewer, EmbassySite.LastMonth)).Single();

        var linked = await admin.PostAsJsonAsync($"/api/admin/reports/{held.ReportId}/link", new LinkRequest(alice.Id));

        var after = (await EmbassySite.QueueAsync(reviewer, EmbassySite.LastMonth)).Single();
        Assert.Equal(ReviewStates.Unmatched, held.State);
        Assert.Equal(HttpStatusCode.NoContent, linked.StatusCode);
        Assert.Equal((ReviewStates.Filed, (long?)alice.Id), (after.State, after.MemberId));
    }
    [Fact]
    public async Task Promotion_ProposedAfterThreeStrongMonths_IsConfirmedAsARankEvent()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 9, 2, 9, 0, 0, TimeSpan.Zero));
        await using var github = await GitHubStandIn.GitHubStandIn.StartAsync(clock);
        await using var site = new EmbassySite(github.ApiBaseAddress);
        var admin = await site.ApiAsAsync(Roles.Admin);
        var reviewer = await site.ApiAsAsync(Roles.Reviewer);
        var created = await admin.PostAsJsonAsync("/api/members", new NewMember("Alice", "alice", "candidate", Address: EmbassySite.AddressFor(5), Since: new DateOnly(2026, 8, 1)));
        var alice = (await created.Content.ReadFromJsonAsync<MemberDto>())!;
        MonthDocument? last = null;
        foreach (var month in new[] { new Period(2026, 8), new Period(2026, 9), new Period(2026, 10) })
        {
            github.AddIssue(EmbassySite.Repo, "alice", month.FirstDay.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture) + " Contribution", ReportBody(["CM", "CC"], EmbassySite.AddressFor(5)));
            await EmbassySite.SyncAsync(admin);
            var item = (await EmbassySite.QueueAsync(reviewer, month)).Single();
            await EmbassySite.ScoreAsync(reviewer, item.ReportId, new ScoreEntry("CM", 18, 16), new ScoreEntry("CC", 18, 16));
            last = await EmbassySite.CloseMonthAsync(admin, month, "0x" + new string((char)('a' + month.Month - 8), 64));
            clock.Advance(TimeSpan.FromDays(30));
        }

        var confirmed = await admin.PostAsync($"/api/admin/months/{EmbassySite.LastMonth}/promotions/alice", null);
        var members = await admin.GetFromJsonAsync<MemberDto[]>("/api/members");

        Assert.Equal(("alice", "candidate", "ambassador", "2026-11"), (last!.Proposals.Single().Member, last.Proposals.Single().From, last.Proposals.Single().To, last.Proposals.Single().EffectiveFrom.ToString()));
        Assert.True(confirmed.IsSuccessStatusCode, await confirmed.Content.ReadAsStringAsync());
        Assert.Equal("ambassador", members!.Single(m => m.Id == alice.Id).Rank);
    }

    [Fact]
    public async Task SubstrateMonth_PayoutFile_IsBatchAllCallDataOfTheMembersRewards()
    {
        // September 2025 is paid under phala-v5 on the Phala parachain (R9): the signers get batch_all call data.
        var now = new DateTimeOffset(2025, 10, 20, 12, 0, 0, TimeSpan.Zero);
        var period = new Period(2025, 9);
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var github = await GitHubStandIn.GitHubStandIn.StartAsync(new ManualClock(new DateTimeOffset(2025, 10, 3, 9, 0, 0, TimeSpan.Zero)));
        await using var site = new EmbassySite(github.ApiBaseAddress, database: database, now: now);
        var admin = await site.ApiAsAsync(Roles.Admin);
        var reviewer = await site.ApiAsAsync(Roles.Reviewer, "rita");
        var keys = new Dictionary<string, byte[]> { ["alice"] = Enumerable.Repeat((byte)0x11, 32).ToArray(), ["bob"] = Enumerable.Repeat((byte)0x22, 32).ToArray() };
        foreach (var (login, key) in keys)
        {
            var address = Embassy.Chain.Ss58Address.Encode(key, 30);
            await EmbassySite.AddMemberAsync(admin, login, address: address);
            github.AddIssue(EmbassySite.Repo, login, "September 2025 Contribution - " + login, ReportBody(["CM", "CC"], address));
        }

        await EmbassySite.SyncAsync(admin);
        foreach (var item in await EmbassySite.QueueAsync(reviewer, period))
        {
            var effort = item.Author == "alice" ? 18 : 9;
            var scored = await EmbassySite.ScoreAsync(reviewer, item.ReportId, new ScoreEntry("CM", effort, 15), new ScoreEntry("CC", effort, 10));
            Assert.True(scored.IsSuccessStatusCode, await scored.Content.ReadAsStringAsync());
        }

        var snapshot = await EmbassySite.CloseMonthAsync(admin, period, "0x" + new string('b', 64));
        Assert.Equal("phala-v5", snapshot.PolicyId);

        var response = await admin.GetAsync($"/api/admin/months/{period}/payout-substrate.txt");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        var callData = Convert.FromHexString(text.Split('\n').Single(l => l.StartsWith("0x", StringComparison.Ordinal))[2..]);

        // #13: the file says where to paste what, and for which chain (Polkadot-JS Apps, Phala, SS58 prefix 30).
        Assert.Contains("# step 1: Open Polkadot-JS Apps connected to the Phala network (SS58 prefix 30).", text, StringComparison.Ordinal);
        Assert.Contains("# step 2: Developer → Extrinsics → Decode", text, StringComparison.Ordinal);

        // The file's steps are the signer's page's steps, word for word (one text, SignerSteps), and name the figures.
        var signing = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/months/{period}/signing");
        var pageSteps = signing.GetProperty("steps").EnumerateArray().Select(s => s.GetString()!).ToArray();
        var fileSteps = text.Split('\n').Where(l => l.StartsWith("# step ", StringComparison.Ordinal)).Select(l => l[(l.IndexOf(": ", StringComparison.Ordinal) + 2)..]).ToArray();
        Assert.Equal(pageSteps, fileSteps);
        Assert.Contains($"1 batch(es), 2 recipient(s), total ", fileSteps[2], StringComparison.Ordinal);
        Assert.Contains($" ({signing.GetProperty("total").GetProperty("units").GetString()} smallest units)", fileSteps[2], StringComparison.Ordinal);

        // SCALE by hand: utility(3).batch_all(2), compact length 2, then per transfer balances(40).transfer_keep_alive(3),
        // MultiAddress::Id (0) and the 32-byte account, then Compact<u128> of the member's total.
        Assert.Equal(new byte[] { 3, 2, 2 << 2 }, callData[..3]);
        var offset = 3;
        var paid = new Dictionary<string, UInt128>();
        for (var t = 0; t < 2; t++)
        {
            Assert.Equal(new byte[] { 40, 3, 0 }, callData[offset..(offset + 3)]);
            var account = callData[(offset + 3)..(offset + 35)];
            var login = keys.Single(k => k.Value.SequenceEqual(account)).Key;
            offset += 35;
            var mode = callData[offset] & 3;
            Assert.Equal(3, mode); // amounts of thousands of PHA in planck need the big-integer compact form
            var length = (callData[offset] >> 2) + 4;
            UInt128 value = 0;
            for (var i = length; i >= 1; i--)
            {
                value = (value << 8) | callData[offset + i];
            }

            paid[login] = value;
            offset += 1 + length;
        }

        Assert.Equal(callData.Length, offset);
        foreach (var m in snapshot.Members)
        {
            Assert.Equal(UInt128.Parse(m.Total.Units, System.Globalization.CultureInfo.InvariantCulture), paid[m.Login]);
        }

        Assert.Contains("call hash " + Embassy.Chain.SubstratePayout.CallHashOf(callData), text, StringComparison.Ordinal);
    }
}
