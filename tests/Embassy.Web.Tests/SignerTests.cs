using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Embassy.Application;
using Embassy.Chain;
using Nethereum.Signer;

namespace Embassy.Web.Tests;

/// <summary>
/// #13: the treasury signers' hand-off and payout addresses members prove. A signer (granted by an admin) reads an
/// approved month's summary, changes, steps and files, and can do nothing else; a member proves an address by signing a
/// challenge with a key made for this test run; an address change without that proof is held and shown to the signer.
/// </summary>
public class SignerTests
{
    [Fact]
    public async Task Signer_GrantedByAnAdmin_ReadsSummaryStepsAndFiles_AndIsRefusedEverythingElse()
    {
        await using var github = await MonthCloseTests.StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress);
        var admin = await ApprovedMonthAsync(site, github, ["alice", "bob"]);
        var granted = await admin.PostAsJsonAsync("/api/admin/users", new AccessRequest("sam", Roles.Signer));
        Assert.True(granted.IsSuccessStatusCode, await granted.Content.ReadAsStringAsync());
        var browser = await site.SignInAsAsync("sam", Roles.Signer);
        var api = await site.ApiAsAsync(Roles.Signer, "sam");

        var index = await browser.GetStringAsync("/sign");
        var page = await browser.GetAsync($"/sign/months/{EmbassySite.LastMonth}");
        var html = await page.Content.ReadAsStringAsync();
        var safe = await browser.GetAsync($"/sign/months/{EmbassySite.LastMonth}?handler=safe&chunk=0");
        var csv = await browser.GetAsync($"/sign/months/{EmbassySite.LastMonth}?handler=csv");
        var summary = await api.GetFromJsonAsync<JsonElement>($"/api/sign/months/{EmbassySite.LastMonth}");

        Assert.Contains($"/sign/months/{EmbassySite.LastMonth}", index, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Transaction Builder", html, StringComparison.Ordinal);
        Assert.Contains("0x6c5bA91642F10282b576d91922Ae6448C9d52f4E", html, StringComparison.Ordinal); // the policy's token contract
        Assert.Contains("id=\"chain\">1<", html, StringComparison.Ordinal);
        Assert.Contains("payout.safe", html, StringComparison.Ordinal); // phala-v5-erc20 names no Safe: the page says so
        Assert.Equal(HttpStatusCode.OK, safe.StatusCode);
        Assert.Contains("\"transactions\"", await safe.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal((2, 1), (summary.GetProperty("recipients").GetInt32(), summary.GetProperty("batches").GetArrayLength()));
        Assert.Equal(summary.GetProperty("total").GetProperty("units").GetString(), summary.GetProperty("batches")[0].GetProperty("total").GetProperty("units").GetString());
        Assert.Contains(summary.GetProperty("total").GetProperty("units").GetString()!, html, StringComparison.Ordinal);

        // Nothing else: not the admin's files, not a transaction hash, not a member's pages, not a wider token.
        Assert.True(Refused(await browser.GetAsync($"/admin/months/{EmbassySite.LastMonth}/payout?handler=csv")));
        Assert.True(Refused(await browser.GetAsync("/me")));
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync($"/api/admin/months/{EmbassySite.LastMonth}/transactions", new TransactionRequest("0x" + new string('c', 64)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/admin/months/{EmbassySite.LastMonth}/payout-safe.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync("/api/me/addresses/challenge", new AddressChallengeRequest(EmbassySite.AddressFor(5)))).StatusCode);
        var tokens = site.Service<AccessTokens>();
        Assert.Equal(AccessCodes.TokenScopeTooWide, (await tokens.CreateApiTokenAsync("sam", Roles.Reviewer, "x", "sam")).Errors.Single().Code);
        Assert.Equal(AccessCodes.TokenScopeTooWide, (await tokens.CreateApiTokenAsync("sam", Roles.Member, "x", "sam")).Errors.Single().Code);
        Assert.Equal(MonthState.Approved, (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/months/{EmbassySite.LastMonth}")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task AddressChange_WithoutSignature_HeldAndShownInTheSignersDiff_ProvenChangePaid()
    {
        await using var github = await MonthCloseTests.StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress);
        var admin = await site.ApiAsAsync(Roles.Admin, "ada");
        var reviewer = await site.ApiAsAsync(Roles.Reviewer);
        var members = new Dictionary<string, MemberDto>(StringComparer.Ordinal);
        foreach (var login in new[] { "alice", "bob" })
        {
            members[login] = await EmbassySite.AddMemberAsync(admin, login, address: EmbassySite.AddressFor(login.Length * 7));
            github.AddIssue(EmbassySite.Repo, login, "October 2026 Contribution", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(login.Length * 7)));
        }

        // Bob moves to a new wallet and proves it: a key made now, never stored. A signature by another key is refused first.
        var bobKey = EthECKey.GenerateKey();
        var bobAddress = EvmAddress.Parse(bobKey.GetPublicAddress()).Value;
        var bob = await site.ApiAsAsync(Roles.Member, "bob");
        var challenge = await (await bob.PostAsJsonAsync("/api/me/addresses/challenge", new AddressChallengeRequest(bobAddress.Text))).Content.ReadFromJsonAsync<AddressChallengeDto>();
        Assert.NotNull(challenge);
        Assert.Contains("Member: bob\n", challenge.Message, StringComparison.Ordinal);
        Assert.Contains("Address: " + bobAddress.Text, challenge.Message, StringComparison.Ordinal);
        Assert.Contains("Nonce: " + challenge.Nonce, challenge.Message, StringComparison.Ordinal);
        var signer = new EthereumMessageSigner();
        var forged = await bob.PostAsJsonAsync("/api/me/addresses/proof", new AddressProofRequest(challenge.Nonce, signer.EncodeUTF8AndSign(challenge.Message, EthECKey.GenerateKey())));
        var proven = await bob.PostAsJsonAsync("/api/me/addresses/proof", new AddressProofRequest(challenge.Nonce, signer.EncodeUTF8AndSign(challenge.Message, bobKey)));
        var replayed = await bob.PostAsJsonAsync("/api/me/addresses/proof", new AddressProofRequest(challenge.Nonce, signer.EncodeUTF8AndSign(challenge.Message, bobKey)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forged.StatusCode);
        Assert.Contains(ChainCodes.ProofWrongSigner, await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(proven.IsSuccessStatusCode, await proven.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, replayed.StatusCode); // a nonce works once

        // Alice's address is changed by an admin, without her signature (a hijacked account would look the same).
        var aliceNew = EmbassySite.AddressFor(991);
        Assert.True((await admin.PostAsJsonAsync($"/api/members/{members["alice"].Id}/address", new AddressChange(aliceNew))).IsSuccessStatusCode);

        await EmbassySite.SyncAsync(admin);
        foreach (var item in await EmbassySite.QueueAsync(reviewer, EmbassySite.LastMonth))
        {
            await EmbassySite.ScoreAsync(reviewer, item.ReportId, new ScoreEntry("CM", 15, 15), new ScoreEntry("CC", 10, 10));
        }

        Assert.True((await admin.PostAsync($"/api/admin/months/{EmbassySite.LastMonth}/lock", null)).IsSuccessStatusCode);
        var approved = await admin.PostAsync($"/api/admin/months/{EmbassySite.LastMonth}/approve", null);
        Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());

        var signerApi = await site.ApiAsAsync(Roles.Signer, "sam");
        var summary = await signerApi.GetFromJsonAsync<JsonElement>($"/api/sign/months/{EmbassySite.LastMonth}");
        var safe = await (await site.SignInAsAsync("sam", Roles.Signer)).GetAsync($"/sign/months/{EmbassySite.LastMonth}?handler=safe&chunk=0");
        var safeJson = await safe.Content.ReadAsStringAsync();
        var page = await (await site.SignInAsAsync("sam", Roles.Signer)).GetStringAsync($"/sign/months/{EmbassySite.LastMonth}");

        // Only Bob is in the file, at his proven address; Alice's payout is held, with why, when and who.
        Assert.Equal(1, summary.GetProperty("recipients").GetInt32());
        Assert.Contains(bobAddress.ToLowerHex()[2..], safeJson, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(aliceNew[2..], safeJson, StringComparison.OrdinalIgnoreCase);
        var held = Assert.Single(summary.GetProperty("held").EnumerateArray());
        Assert.Equal(("alice", aliceNew), (held.GetProperty("member").GetString(), held.GetProperty("address").GetString()));
        Assert.Contains("payout.address_cooling_days", held.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("2026-11-27", held.GetProperty("reason").GetString(), StringComparison.Ordinal); // 7 days after the change
        var change = Assert.Single(summary.GetProperty("changes").EnumerateArray(), c => c.GetProperty("kind").GetString() == SigningSummary.PayoutHeld);
        Assert.Equal(("alice", "ada", false), (change.GetProperty("member").GetString(), change.GetProperty("changedBy").GetString(), change.GetProperty("proven").GetBoolean()));
        Assert.Equal(EmbassySite.AddressFor("alice".Length * 7), change.GetProperty("previous").GetString());
        Assert.Equal(held.GetProperty("amount").GetProperty("units").GetString(), change.GetProperty("amount").GetProperty("units").GetString());
        Assert.NotEqual("0", held.GetProperty("amount").GetProperty("units").GetString());
        Assert.Contains("held, not in the file", page, StringComparison.Ordinal);
        Assert.Contains(aliceNew, page, StringComparison.Ordinal);

        // The admin's month page lists the held payout too, and links the signers' page.
        var adminPage = await (await site.SignInAsAdminAsync()).GetStringAsync($"/admin/months/{EmbassySite.LastMonth}");
        Assert.Contains("id=\"held\"", adminPage, StringComparison.Ordinal);
        Assert.Contains($"/sign/months/{EmbassySite.LastMonth}", adminPage, StringComparison.Ordinal);

        // Alice's month says her payout is held and why, not that it was below the minimum.
        var aliceMonth = await (await site.SignInAsAsync("alice", Roles.Member)).GetStringAsync($"/me/months/{EmbassySite.LastMonth}");
        Assert.Contains("id=\"held\"", aliceMonth, StringComparison.Ordinal);
        Assert.Contains("payout.address_cooling_days", aliceMonth, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"carried\"", aliceMonth, StringComparison.Ordinal);

        // Bob sees his address as proven on his page; the audit log has the proof and the refused forgery.
        var bobPage = await (await site.SignInAsAsync("bob", Roles.Member)).GetStringAsync("/me/address");
        Assert.Contains(bobAddress.Text, bobPage, StringComparison.Ordinal);
        Assert.Contains("proven 2026-11-20", bobPage, StringComparison.Ordinal);
        var audit = await admin.GetStringAsync("/api/admin/audit");
        Assert.Contains("address.proven", audit, StringComparison.Ordinal);
        Assert.Contains("address.proof_refused", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeldPayout_IsPaidWithTheNextMonth_OnceAndExplained()
    {
        var clock = new SettableClock(EmbassySite.Now);
        await using var github = await MonthCloseTests.StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress, clock: clock);
        var admin = await site.ApiAsAsync(Roles.Admin, "ada");
        var reviewer = await site.ApiAsAsync(Roles.Reviewer);
        var alice = await EmbassySite.AddMemberAsync(admin, "alice", address: EmbassySite.AddressFor(35));
        await EmbassySite.AddMemberAsync(admin, "bob", address: EmbassySite.AddressFor(21));
        var november = new Embassy.Domain.Period(2026, 11);
        foreach (var login in new[] { "alice", "bob" })
        {
            github.AddIssue(EmbassySite.Repo, login, "October 2026 Contribution", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(login.Length * 7)));
            // Evidence of its own each month (the same post in two months would hold the report for review, #14).
            github.AddIssue(EmbassySite.Repo, login, "November 2026 Contribution", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(login.Length * 7)).Replace("1816000000000000000", "18160000000000000" + login.Length, StringComparison.Ordinal));
        }

        // October: Alice's address is changed by an admin without her proof, so her payout is held (carried, R5).
        var aliceNew = EmbassySite.AddressFor(992);
        Assert.True((await admin.PostAsJsonAsync($"/api/members/{alice.Id}/address", new AddressChange(aliceNew))).IsSuccessStatusCode);
        await EmbassySite.SyncAsync(admin);
        foreach (var item in await EmbassySite.QueueAsync(reviewer, EmbassySite.LastMonth))
        {
            await EmbassySite.ScoreAsync(reviewer, item.ReportId, new ScoreEntry("CM", 15, 15), new ScoreEntry("CC", 10, 10));
        }

        // Approved on the admin's page: the step's notices are named in its message, the held payout listed below it.
        Assert.True((await admin.PostAsync($"/api/admin/months/{EmbassySite.LastMonth}/lock", null)).IsSuccessStatusCode);
        var adminBrowser = await site.SignInAsAdminAsync();
        var octoberPage = $"/admin/months/{EmbassySite.LastMonth}";
        var approvedOctober = await EmbassySite.PostFormAsync(adminBrowser, octoberPage, new Dictionary<string, string>(), octoberPage + "?handler=approve");
        Assert.Equal(HttpStatusCode.Redirect, approvedOctober.StatusCode);
        var octoberHtml = await adminBrowser.GetStringAsync(approvedOctober.Headers.Location!.OriginalString);
        var notices = System.Text.RegularExpressions.Regex.Match(octoberHtml, "id=\"message\">([^<]*)<").Groups[1].Value;
        Assert.StartsWith("Approved. Notices: ", notices, StringComparison.Ordinal);
        Assert.Contains(MonthCloseWorkflow.PayoutAddressHeld, notices, StringComparison.Ordinal);
        Assert.True((await admin.PostAsJsonAsync($"/api/admin/months/{EmbassySite.LastMonth}/transactions", new TransactionRequest("0x" + new string('a', 64)))).IsSuccessStatusCode);
        var octoberAlice = UInt128.Parse(
            (await (await site.ApiAsAsync(Roles.Signer, "sam")).GetFromJsonAsync<JsonElement>($"/api/sign/months/{EmbassySite.LastMonth}")).GetProperty("held")[0].GetProperty("amount").GetProperty("units").GetString()!,
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEqual(UInt128.Zero, octoberAlice);
        Assert.Null(PayoutUnits(await admin.GetStringAsync($"/api/admin/months/{EmbassySite.LastMonth}/payout.csv"), "alice"));

        // December 20th: the cooling period is long over and November is closed. Alice's November payout carries October's.
        clock.Now = new DateTimeOffset(2026, 12, 20, 12, 0, 0, TimeSpan.Zero);
        await EmbassySite.SyncAsync(admin);
        foreach (var item in await EmbassySite.QueueAsync(reviewer, november))
        {
            await EmbassySite.ScoreAsync(reviewer, item.ReportId, new ScoreEntry("CM", 12, 12), new ScoreEntry("CC", 9, 9));
        }

        var novemberLocked = await admin.PostAsync($"/api/admin/months/{november}/lock", null);
        Assert.True(novemberLocked.IsSuccessStatusCode, await novemberLocked.Content.ReadAsStringAsync());
        var approved = await admin.PostAsync($"/api/admin/months/{november}/approve", null);
        Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        var adminPage = await (await site.SignInAsAdminAsync()).GetStringAsync($"/admin/months/{november}");
        Assert.Contains("id=\"carried-in\"", adminPage, StringComparison.Ordinal);
        Assert.Contains($"carried from {EmbassySite.LastMonth} <span class=\"units\">({octoberAlice} smallest units)", adminPage, StringComparison.Ordinal);
        var novemberMonth = await approved.Content.ReadFromJsonAsync<MonthDocument>(EmbassySite.Json);
        // The API's answer names the carry as the admin's page does (#13: a step's notices are part of its answer).
        var carriedIn = Assert.Single(novemberMonth!.Notices!, n => n.Code == MonthCloseWorkflow.PayoutCarriedIn);
        Assert.Equal("info", carriedIn.Severity);
        Assert.Contains("alice", carriedIn.Message, StringComparison.Ordinal);
        var novemberAlice = UInt128.Parse(novemberMonth!.Members.Single(m => m.Login == "alice").Total.Units, System.Globalization.CultureInfo.InvariantCulture);
        var novemberBob = novemberMonth.Members.Single(m => m.Login == "bob").Total.Units;
        var file = await admin.GetStringAsync($"/api/admin/months/{november}/payout.csv");
        Assert.Equal(novemberAlice + octoberAlice, PayoutUnits(file, "alice"));
        Assert.Equal(UInt128.Parse(novemberBob, System.Globalization.CultureInfo.InvariantCulture), PayoutUnits(file, "bob"));

        // Her November page explains it: October's carried amount, and the sum paid, to the unit.
        var page = await (await site.SignInAsAsync("alice", Roles.Member)).GetStringAsync($"/me/months/{november}");
        Assert.Contains("id=\"carried-in\"", page, StringComparison.Ordinal);
        Assert.Contains($"Carried from {EmbassySite.LastMonth}", page, StringComparison.Ordinal);
        Assert.Contains($"id=\"paid-units\">{novemberAlice + octoberAlice}<", page, StringComparison.Ordinal);

        // The write-back receipt is made from the same view: it names the carried amount and the sum paid too.
        var receipt = MonthReceipts.Body(MonthReceipts.Key(november, 2), await site.Service<MemberMonths>().MonthAsync("alice", november));
        Assert.Contains($"Carried from {EmbassySite.LastMonth} (R5):", receipt, StringComparison.Ordinal);
        Assert.Contains($"({octoberAlice} smallest units)", receipt, StringComparison.Ordinal);
        Assert.Contains($"Paid this month, with the carried amounts: ", receipt, StringComparison.Ordinal);
        Assert.Contains($"({novemberAlice + octoberAlice} smallest units)", receipt, StringComparison.Ordinal);

        // December pays it no third time: the carry is settled by November's payout.
        github.AddIssue(EmbassySite.Repo, "alice", "December 2026 Contribution", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(35)).Replace("1816000000000000000", "1816000000000000099", StringComparison.Ordinal));
        clock.Now = new DateTimeOffset(2027, 1, 20, 12, 0, 0, TimeSpan.Zero);
        await EmbassySite.SyncAsync(admin);
        foreach (var item in await EmbassySite.QueueAsync(reviewer, new Embassy.Domain.Period(2026, 12)))
        {
            await EmbassySite.ScoreAsync(reviewer, item.ReportId, new ScoreEntry("CM", 12, 12), new ScoreEntry("CC", 9, 9));
        }

        var december = await EmbassySite.CloseMonthAsync(admin, new Embassy.Domain.Period(2026, 12));
        var decemberFile = await admin.GetStringAsync("/api/admin/months/2026-12/payout.csv");
        Assert.Equal(UInt128.Parse(december.Members.Single(m => m.Login == "alice").Total.Units, System.Globalization.CultureInfo.InvariantCulture), PayoutUnits(decemberFile, "alice"));
    }

    [Fact]
    public async Task ApproveApi_PayoutHeld_AnswerCarriesTheNotice_PublicMonthHasNone()
    {
        await using var github = await MonthCloseTests.StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress);
        var admin = await site.ApiAsAsync(Roles.Admin, "ada");
        var reviewer = await site.ApiAsAsync(Roles.Reviewer);
        var alice = await EmbassySite.AddMemberAsync(admin, "alice", address: EmbassySite.AddressFor(35));
        await EmbassySite.AddMemberAsync(admin, "bob", address: EmbassySite.AddressFor(21));
        foreach (var login in new[] { "alice", "bob" })
        {
            github.AddIssue(EmbassySite.Repo, login, "October 2026 Contribution", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(login.Length * 7)));
        }

        // An admin changes Alice's address without her proof: her payout is held for the cooling period.
        Assert.True((await admin.PostAsJsonAsync($"/api/members/{alice.Id}/address", new AddressChange(EmbassySite.AddressFor(992)))).IsSuccessStatusCode);
        await EmbassySite.SyncAsync(admin);
        foreach (var item in await EmbassySite.QueueAsync(reviewer, EmbassySite.LastMonth))
        {
            await EmbassySite.ScoreAsync(reviewer, item.ReportId, new ScoreEntry("CM", 15, 15), new ScoreEntry("CC", 10, 10));
        }

        var locked = await admin.PostAsync($"/api/admin/months/{EmbassySite.LastMonth}/lock", null);
        Assert.True(locked.IsSuccessStatusCode, await locked.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Array, (await locked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("notices").ValueKind);
        var approved = await admin.PostAsync($"/api/admin/months/{EmbassySite.LastMonth}/approve", null);
        var answer = await approved.Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(approved.IsSuccessStatusCode, answer.ToString());
        Assert.Equal(MonthState.Approved, answer.GetProperty("state").GetString()); // the month's fields as before
        Assert.Equal(2, answer.GetProperty("members").GetArrayLength());
        var held = Assert.Single(answer.GetProperty("notices").EnumerateArray(), n => n.GetProperty("code").GetString() == MonthCloseWorkflow.PayoutAddressHeld);
        Assert.Equal("warning", held.GetProperty("severity").GetString());
        Assert.Contains("alice", held.GetProperty("message").GetString(), StringComparison.Ordinal);
        // Reading the month is no step: the public month has no notices.
        var month = await site.CreateClient().GetFromJsonAsync<JsonElement>($"/api/months/{EmbassySite.LastMonth}");
        Assert.Equal(MonthState.Approved, month.GetProperty("state").GetString());
        Assert.False(month.TryGetProperty("notices", out _));
    }

    /// <summary>The smallest units of <paramref name="handle"/>'s row in a payout CSV (member, handle, address, amount, amount_units, …), or null.</summary>
    private static UInt128? PayoutUnits(string csv, string handle)
    {
        foreach (var line in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            var cells = line.TrimEnd('\r').Split(',');
            if (cells.Length > 4 && cells[1] == handle)
            {
                return UInt128.Parse(cells[4], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    [Fact]
    public async Task MemberPage_ChallengeThenSignature_RecordsTheAddressProven()
    {
        await using var site = new EmbassySite();
        var admin = await site.ApiAsAsync(Roles.Admin, "ada");
        await EmbassySite.AddMemberAsync(admin, "carol", address: EmbassySite.AddressFor(3));
        var key = EthECKey.GenerateKey();
        var address = EvmAddress.Parse(key.GetPublicAddress()).Value;
        var browser = await site.SignInAsAsync("carol", Roles.Member);

        var asked = await EmbassySite.PostFormAsync(browser, "/me/address", new Dictionary<string, string> { ["address"] = address.Text }, "/me/address?handler=challenge");
        var html = await asked.Content.ReadAsStringAsync();
        var message = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "<pre id=\"challenge-message\">(.*?)</pre>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value);
        var nonce = System.Text.RegularExpressions.Regex.Match(html, "name=\"nonce\" value=\"([0-9a-f]+)\"").Groups[1].Value;
        var signature = new EthereumMessageSigner().EncodeUTF8AndSign(message, key);
        var proved = await EmbassySite.PostFormAsync(browser, "/me/address", new Dictionary<string, string> { ["nonce"] = nonce, ["signature"] = signature }, "/me/address?handler=prove");
        var after = await proved.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Nonce: " + nonce, message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, proved.StatusCode);
        Assert.Contains("is now your payout address, proven by your signature", after, StringComparison.Ordinal);
        var list = await (await site.ApiAsAsync(Roles.Member, "carol")).GetFromJsonAsync<MemberAddressDto[]>("/api/me/addresses");
        var newest = list![0];
        Assert.Equal((address.Text, true, "carol"), (newest.Address, newest.Proven, newest.RecordedBy));
        Assert.False(list[1].Proven); // the admin's address, unproven
    }

    private static bool Refused(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString is { } to && (to.Contains("/denied", StringComparison.Ordinal) || to.Contains("/signin", StringComparison.Ordinal)));

    private static async Task<HttpClient> ApprovedMonthAsync(EmbassySite site, GitHubStandIn.GitHubStandIn github, string[] logins)
    {
        var admin = await site.ApiAsAsync(Roles.Admin);
        var reviewer = await site.ApiAsAsync(Roles.Reviewer);
        foreach (var login in logins)
        {
            await EmbassySite.AddMemberAsync(admin, login, address: EmbassySite.AddressFor(login.Length * 3));
            github.AddIssue(EmbassySite.Repo, login, "October 2026 Contribution", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(login.Length * 3)));
        }

        await EmbassySite.SyncAsync(admin);
        foreach (var item in await EmbassySite.QueueAsync(reviewer, EmbassySite.LastMonth))
        {
            await EmbassySite.ScoreAsync(reviewer, item.ReportId, new ScoreEntry("CM", 15, 15), new ScoreEntry("CC", 10, 10));
        }

        Assert.True((await admin.PostAsync($"/api/admin/months/{EmbassySite.LastMonth}/lock", null)).IsSuccessStatusCode);
        Assert.True((await admin.PostAsync($"/api/admin/months/{EmbassySite.LastMonth}/approve", null)).IsSuccessStatusCode);
        return admin;
    }
}
