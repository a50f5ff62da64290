using System.Net.Http.Json;
using System.Text.Json;
using Embassy.Application;
using Embassy.Chain;

namespace Embassy.Web.Tests;

/// <summary>
/// #13 wiring: a recorded hash goes through the payment check before the month is paid. Without an endpoint it is
/// recorded as "not verified"; with one that cannot confirm it, it is refused and the month stays approved, until an
/// admin records it with a reason (audited). The line-by-line check itself runs on a real EVM in Embassy.Chain.Tests.
/// </summary>
public class PaymentVerificationTests
{
    [Fact]
    public async Task RecordHash_NoEndpoint_PaidButNotVerified()
    {
        await using var github = await MonthCloseTests.StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress);
        var admin = await ApprovedMonthAsync(site, github);

        var signing = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/months/{EmbassySite.LastMonth}/signing");
        var paid = await admin.PostAsJsonAsync($"/api/admin/months/{EmbassySite.LastMonth}/transactions", new TransactionRequest("0x" + new string('a', 64)));
        var payments = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/months/{EmbassySite.LastMonth}/payments");

        Assert.True(paid.IsSuccessStatusCode, await paid.Content.ReadAsStringAsync());
        Assert.Equal(MonthState.Paid, await StateAsync(admin));
        var answer = (await paid.Content.ReadFromJsonAsync<TransactionDocument>(EmbassySite.Json))!; // the step's document, not a bare string
        Assert.Equal((EmbassySite.LastMonth, MonthState.Paid, 1, "0x" + new string('a', 64), 1, 1), (answer.Period, answer.State, answer.Batch, answer.TxHash, answer.Recorded, answer.Batches));
        Assert.Equal(PaymentCheckOutcomes.NotVerified, answer.Check);
        Assert.Empty(answer.Notices); // the workflow returned no warning for this step
        var check = Assert.Single(await site.Service<PaymentChecks>().ForAsync(PaymentChecks.MonthSubject(EmbassySite.LastMonth)));
        Assert.Equal((PaymentCheckOutcomes.NotVerified, 1), (check.Outcome, check.Batch));
        Assert.Contains("Chain:Evm:RpcUrl", check.Detail, StringComparison.Ordinal);
        Assert.Equal(PaymentCheckOutcomes.NotVerified, Assert.Single(payments.EnumerateArray()).GetProperty("outcome").GetString());

        // The signers' hand-off: October 2026 is phala-v5-erc20, PHA as an ERC-20 on Ethereum, two recipients, one batch.
        Assert.Equal(("evm", 1L, 18, 2), (signing.GetProperty("rail").GetString(), signing.GetProperty("chainId").GetInt64(), signing.GetProperty("decimals").GetInt32(), signing.GetProperty("recipients").GetInt32()));
        var batch = Assert.Single(signing.GetProperty("batches").EnumerateArray());
        Assert.Equal(signing.GetProperty("total").GetProperty("units").GetString(), batch.GetProperty("total").GetProperty("units").GetString());
        Assert.Contains(signing.GetProperty("steps").EnumerateArray(), s => s.GetString()!.Contains("Transaction Builder", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Null, signing.GetProperty("comparedWith").ValueKind); // no month was paid before
    }

    [Fact]
    public async Task RecordHash_EndpointCannotConfirm_RefusedAndNotPaid_UntilAnAdminGivesAReason()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing answers there
        await using var github = await MonthCloseTests.StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress, new Dictionary<string, string?> { ["Chain:Evm:RpcUrl"] = $"http://127.0.0.1:{port}/" });
        var admin = await ApprovedMonthAsync(site, github);
        var hash = "0x" + new string('b', 64);

        var refused = await admin.PostAsJsonAsync($"/api/admin/months/{EmbassySite.LastMonth}/transactions", new TransactionRequest(hash));
        var body = await refused.Content.ReadAsStringAsync();
        var stateAfterRefusal = await StateAsync(admin);
        var overridden = await admin.PostAsJsonAsync($"/api/admin/months/{EmbassySite.LastMonth}/transactions", new TransactionRequest(hash, OverrideReason: "node provider down; paid per Etherscan"));

        Assert.False(refused.IsSuccessStatusCode);
        Assert.Contains(PaymentCheck.RpcUnreachable, body, StringComparison.Ordinal);
        Assert.Contains(PaymentChecks.Refused, body, StringComparison.Ordinal);
        Assert.Equal(MonthState.Approved, stateAfterRefusal);
        Assert.True(overridden.IsSuccessStatusCode, await overridden.Content.ReadAsStringAsync());
        Assert.Equal(MonthState.Paid, await StateAsync(admin));
        var answer = (await overridden.Content.ReadFromJsonAsync<TransactionDocument>(EmbassySite.Json))!;
        Assert.Equal((MonthState.Paid, 1, hash, 1, 1), (answer.State, answer.Batch, answer.TxHash, answer.Recorded, answer.Batches));
        Assert.Equal(PaymentCheckOutcomes.Overridden, answer.Check); // the caller learns the chain's word was overridden
        var check = Assert.Single(await site.Service<PaymentChecks>().ForAsync(PaymentChecks.MonthSubject(EmbassySite.LastMonth)));
        Assert.Equal((PaymentCheckOutcomes.Overridden, "node provider down; paid per Etherscan"), (check.Outcome, check.OverrideReason));
        Assert.Contains(PaymentCheck.RpcUnreachable, check.Detail, StringComparison.Ordinal);
        var audit = await admin.GetStringAsync("/api/admin/audit");
        Assert.Contains("payment.overridden", audit, StringComparison.Ordinal);
    }

    [Fact]
    public void TransactionDocument_KeepsTheStepsWarningsAndNotes_AndNamesTheBatchThatCarriesTheHash()
    {
        // The workflow's payment steps return no warning today; a warning or note they return must still reach the caller
        // as the other month steps' do (NoticeDocument), and an error never shows as a notice.
        var month = new Embassy.Domain.Period(2026, 10);
        var hash = "0x" + new string('c', 64);
        var after = new MonthPayments(MonthState.Approved, 3, [new Embassy.Domain.Closing.BatchPayment(1, "0x" + new string('b', 64)), new Embassy.Domain.Closing.BatchPayment(2, hash)]);
        Embassy.Data.Entities.PaymentCheckRecord[] checks =
        [
            new() { Subject = "month:2026-10", Batch = 2, TxHash = hash, Outcome = PaymentCheckOutcomes.Overridden, CheckedBy = "admin" },
            new() { Subject = "month:2026-10", Batch = 1, TxHash = "0x" + new string('b', 64), Outcome = PaymentCheckOutcomes.Verified, CheckedBy = "admin" },
        ];

        var document = TransactionDocument.Of(
            month, hash, [Embassy.Domain.Diagnostic.Warning("SOME_WARNING", "Something to know."), Embassy.Domain.Diagnostic.Info("SOME_NOTE", "A note.")], after, null, checks);

        Assert.Equal((MonthState.Approved, 2, 2, 3, PaymentCheckOutcomes.Overridden), (document.State, document.Batch, document.Recorded, document.Batches, document.Check));
        Assert.Equal(new[] { new NoticeDocument("SOME_WARNING", "warning", "Something to know."), new NoticeDocument("SOME_NOTE", "info", "A note.") }, document.Notices);
    }

    private static async Task<HttpClient> ApprovedMonthAsync(EmbassySite site, GitHubStandIn.GitHubStandIn github)
    {
        var admin = await site.ApiAsAsync(Roles.Admin);
        var reviewer = await site.ApiAsAsync(Roles.Reviewer);
        foreach (var login in new[] { "alice", "bob" })
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

    private static async Task<string?> StateAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/months/{EmbassySite.LastMonth}")).GetProperty("state").GetString();
}
