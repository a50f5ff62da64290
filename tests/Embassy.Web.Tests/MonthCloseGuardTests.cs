using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Embassy.Application;
using Embassy.Data.Tests;
using Embassy.Domain;
using ClosingCodes = Embassy.Domain.Closing.ClosingCodes;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Web.Tests;

/// <summary>The month close's guard rails, races, reopen and corrections, through the HTTP API on both databases.</summary>
public sealed class MonthCloseGuardTests
{
    private static readonly string[] Logins = ["alice", "bob", "carol"];

    /// <summary>Three members file October's report; the reviewer scores the first <paramref name="scored"/> of them.</summary>
    private static async Task<(EmbassySite Site, HttpClient Admin, GitHubStandIn.GitHubStandIn GitHub)> MonthAsync(TestDatabase database, int scored = 3, DateTimeOffset? now = null)
    {
        var github = await MonthCloseTests.StandInAsync();
        var site = new EmbassySite(github.ApiBaseAddress, database: database, now: now);
        var admin = await site.ApiAsAsync(Roles.Admin);
        var reviewer = await site.ApiAsAsync(Roles.Reviewer, "rita");
        for (var i = 0; i < Logins.Length; i++)
        {
            await EmbassySite.AddMemberAsync(admin, Logins[i], address: EmbassySite.AddressFor(i + 1));
            github.AddIssue(EmbassySite.Repo, Logins[i], "October 2026 Contribution - " + Logins[i], MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(i + 1)));
        }

        await EmbassySite.SyncAsync(admin);
        foreach (var item in (await EmbassySite.QueueAsync(reviewer, EmbassySite.LastMonth)).OrderBy(i => i.Author, StringComparer.Ordinal).Take(scored))
        {
            var response = await EmbassySite.ScoreAsync(reviewer, item.ReportId, new ScoreEntry("CM", 18, 16), new ScoreEntry("CC", 15, 15), new ScoreEntry("OTHERS", 10, 10));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        return (site, admin, github);
    }

    private static async Task<(HttpStatusCode Status, string? Code)[]> AllAtOnceAsync(int n, Func<int, Task<HttpResponseMessage>> send)
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, n).Select(i => Task.Run(() => send(i))));
        var list = new List<(HttpStatusCode, string?)>();
        foreach (var a in answers)
        {
            var code = a.IsSuccessStatusCode ? null : (await a.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
            list.Add((a.StatusCode, code));
        }

        return [.. list];
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ConcurrentLocksApprovalsAndPayments_ExactlyOneOfEachTakesEffect_TheRestAnswer409(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (site, admin, github) = await MonthAsync(database);
        await using var _ = github;
        await using var __ = site;
        var month = $"/api/admin/months/{EmbassySite.LastMonth}";

        var locks = await AllAtOnceAsync(10, _ => admin.PostAsync(month + "/lock", null));
        var approvals = await AllAtOnceAsync(20, _ => admin.PostAsync(month + "/approve", null));
        var payments = await AllAtOnceAsync(20, i => admin.PostAsJsonAsync(month + "/transactions", new TransactionRequest("0x" + i.ToString("x2", System.Globalization.CultureInfo.InvariantCulture).PadLeft(64, 'e'))));

        foreach (var (name, answers) in new[] { ("lock", locks), ("approve", approvals), ("transaction", payments) })
        {
            Assert.True(answers.Count(a => a.Status == HttpStatusCode.OK) == 1, $"{name}: {string.Join(", ", answers.Select(a => $"{(int)a.Status} {a.Code}"))}");
            Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.Status));
        }

        await using var db = database.Context();
        var close = await db.MonthCloses.Include(c => c.Payouts).Include(c => c.Transactions).SingleAsync();
        var frozen = (await site.CreateClient().GetFromJsonAsync<MonthDocument>($"/api/months/{EmbassySite.LastMonth}", EmbassySite.Json))!;
        Assert.Equal((MonthState.Paid, 1, 3, 1), (close.State, close.Batches, close.Payouts.Count, close.Transactions.Count));
        Assert.Empty(await db.TreasuryDraws.ToListAsync()); // no proposal is recorded here: the month is approved without a draw

        // The signers' file is the frozen month, once: the same integers, summing to what was paid.
        var csv = await admin.GetStringAsync(month + "/payout.csv");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(3 + 1, lines.Length);
        var paid = frozen.Members.Where(m => m.Total.Units != "0").Select(m => m.Total.Units).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(paid, close.Payouts.Select(p => p.Units.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Lock_BeforeTheDeadlineWithUnscoredReports_IsRefusedWithFigures_AnOverrideKeepsItsReason(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (site, admin, github) = await MonthAsync(database, scored: 1, now: new DateTimeOffset(2026, 11, 4, 12, 0, 0, TimeSpan.Zero));
        await using var _ = github;
        await using var __ = site;
        var month = $"/api/admin/months/{EmbassySite.LastMonth}";

        var preview = await admin.GetFromJsonAsync<JsonElement>(month);
        Assert.Equal((3, 1, 2), (preview.GetProperty("reports").GetProperty("filed").GetInt32(), preview.GetProperty("reports").GetProperty("scored").GetInt32(), preview.GetProperty("reports").GetProperty("unscored").GetInt32()));

        var refused = await admin.PostAsync(month + "/lock", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").EnumerateArray().ToDictionary(e => e.GetProperty("code").GetString()!, e => e.GetProperty("message").GetString()!);
        Assert.Contains("2026-11-06 00:00 UTC", errors[ClosingCodes.DeadlineNotPassed], StringComparison.Ordinal);
        Assert.Contains("2 of 3 accepted reports of 2026-10 are not scored (#", errors[ClosingCodes.ReportsUnscored], StringComparison.Ordinal);

        // Never a month that has not ended, nor one before the policies, whatever the reason.
        var future = await admin.PostAsync("/api/admin/months/2027-05/lock?overrideReason=test", null);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, ClosingCodes.MonthNotEnded), (future.StatusCode, (await future.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()));
        var ancient = await admin.PostAsync("/api/admin/months/1999-01/lock?overrideReason=test", null);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, ClosingCodes.MonthBeforePolicies), (ancient.StatusCode, (await ancient.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()));

        var reason = "Two reviewers are away; the program lead closes with one score.";
        var locked = await admin.PostAsync(month + "/lock?overrideReason=" + Uri.EscapeDataString(reason), null);
        Assert.True(locked.IsSuccessStatusCode, await locked.Content.ReadAsStringAsync());
        var approved = await admin.PostAsync(month + "/approve", null);
        Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());

        await using var db = database.Context();
        Assert.Equal(reason, (await db.MonthCloses.SingleAsync()).LockReason);
        Assert.Contains(await db.AuditLog.Where(a => a.Action == "month.locked").Select(a => a.Details).ToListAsync(), d => d!.EndsWith("reason: " + reason, StringComparison.Ordinal));
        var page = await site.CreateClient().GetStringAsync($"/months/{EmbassySite.LastMonth}");
        Assert.Contains(System.Net.WebUtility.HtmlEncode(reason), page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReopenAndHashCorrection_NeedReasons_AppearInTheAuditLogAndOnThePublicPage(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (site, admin, github) = await MonthAsync(database);
        await using var _ = github;
        await using var __ = site;
        var month = $"/api/admin/months/{EmbassySite.LastMonth}";
        Assert.True((await admin.PostAsync(month + "/lock", null)).IsSuccessStatusCode);

        var noReason = await admin.PostAsJsonAsync(month + "/reopen", new ReasonRequest(" "));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        var reopened = await admin.PostAsJsonAsync(month + "/reopen", new ReasonRequest("A late report was accepted after the lock."));
        Assert.True(reopened.IsSuccessStatusCode, await reopened.Content.ReadAsStringAsync());
        Assert.Equal(MonthState.Open, (await admin.GetFromJsonAsync<JsonElement>(month)).GetProperty("state").GetString());

        var wrong = "0x" + new string('1', 64);
        var right = "0x" + new string('2', 64);
        await EmbassySite.CloseMonthAsync(admin, EmbassySite.LastMonth, wrong);
        var again = await admin.PostAsJsonAsync(month + "/transactions", new TransactionRequest(right));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var unexplained = await admin.PostAsJsonAsync(month + "/transactions/1/correction", new CorrectionRequest(right, ""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unexplained.StatusCode);
        var corrected = await admin.PostAsJsonAsync(month + "/transactions/1/correction", new CorrectionRequest(right, "The signer pasted the Safe's message hash."));
        Assert.True(corrected.IsSuccessStatusCode, await corrected.Content.ReadAsStringAsync());

        var preview = await admin.GetFromJsonAsync<JsonElement>(month);
        Assert.Equal([right], preview.GetProperty("transactions").EnumerateArray().Select(t => t.GetString()!).ToArray());
        var actions = preview.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()!).ToArray();
        Assert.Equal(["month.locked", "month.reopened", "month.locked", "month.approved", "month.paid", "month.payment-corrected"], actions);

        await using var db = database.Context();
        var rows = await db.PayoutTransactions.OrderBy(t => t.Id).ToListAsync();
        Assert.Equal([(wrong, "The signer pasted the Safe's message hash."), (right, (string?)null)], rows.Select(t => (t.TxHash, t.CorrectionReason)));
        var page = await site.CreateClient().GetStringAsync($"/months/{EmbassySite.LastMonth}");
        Assert.Contains("A late report was accepted after the lock.", page, StringComparison.Ordinal);
        Assert.Contains(wrong, page, StringComparison.Ordinal); // the corrected hash stays on the record
        Assert.Contains(right, page, StringComparison.Ordinal);
        Assert.Contains("The signer pasted the Safe&#x27;s message hash.", page, StringComparison.Ordinal);
    }
}
