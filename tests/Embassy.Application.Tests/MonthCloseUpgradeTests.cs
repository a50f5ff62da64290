using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Embassy.Data;
using Embassy.Data.Tests;
using Embassy.Domain;
using Embassy.Domain.Closing;
using Embassy.GitHubStandIn;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application.Tests;

/// <summary>
/// Issue #10: "a database made by the current main upgrades, its closed months identical to the unit, on both
/// providers". Data/main-era.*.sql are the rows the code before migration 0008 wrote (schema version 7) when it seeded
/// its demo program, closed, approved and paid three months and locked a fourth with nothing to pay (which it could
/// never approve); see Data/README.md. The test loads them into a version-7 schema, upgrades, and compares what the
/// old code stored with what the current code reads.
/// </summary>
public class MonthCloseUpgradeTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MainEraDatabase_Upgrades_WithItsClosedMonthsIdenticalToTheUnit(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using (var db = test.Context())
        {
            Assert.Equal([1, 2, 3, 4, 5, 6, 7], await SchemaMigrator.MigrateAsync(db, targetVersion: 7));
            await ExecuteAsync(db, await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Data", $"main-era.{provider}.sql")));
        }

        // What the main-era code stored: the workflow row (state and frozen JSON) and the EF rows beside it.
        List<(string Period, string State, string Snapshot, string? ApprovedBy)> workflow;
        List<string> payouts, allocations, transactions;
        await using (var db = test.Context())
        {
            workflow = await QueryAsync(db, "SELECT period, state, snapshot, approved_by FROM app_month_workflow ORDER BY period", r => (r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));
            payouts = await QueryAsync(db, "SELECT c.period, p.member_id, p.rail, p.address, p.units, p.carried_units FROM payouts p JOIN month_closes c ON c.id = p.month_close_id ORDER BY p.id", Row);
            allocations = await QueryAsync(db, "SELECT c.period, a.member_id, a.department, a.points_hundredths, a.units FROM allocations a JOIN month_closes c ON c.id = a.month_close_id ORDER BY c.period, a.member_id, a.department", Row);
            transactions = await QueryAsync(db, "SELECT c.period, t.tx_hash FROM payout_transactions t JOIN month_closes c ON c.id = t.month_close_id ORDER BY t.id", Row);
        }

        Assert.Equal(["locked", "paid", "paid", "paid"], workflow.Select(w => w.State).Order(StringComparer.Ordinal));
        Assert.NotEmpty(payouts);
        Assert.Equal(3, transactions.Count);

        await using (var db = test.Context())
        {
            Assert.Contains(8, await SchemaMigrator.MigrateAsync(db));
        }

        await using (var db = test.Context())
        {
            // The same rows, to the unit, now read through the model; nothing of app_month_workflow is left outside it.
            Assert.Equal(payouts, await QueryAsync(db, "SELECT c.period, p.member_id, p.rail, p.address, p.units, p.carried_units FROM payouts p JOIN month_closes c ON c.id = p.month_close_id ORDER BY p.id", Row));
            // The old allocation rows (a share per registry member and department) are the shares of the new ones.
            Assert.Equal(allocations, await QueryAsync(
                db,
                "SELECT c.period, mm.member_id, a.code, COALESCE(a.points_hundredths, 0), a.units FROM allocations a JOIN month_members mm ON mm.month_close_id = a.month_close_id AND mm.position = a.member_position " +
                "JOIN month_closes c ON c.id = a.month_close_id WHERE a.units IS NOT NULL AND mm.member_id > 0 ORDER BY c.period, mm.member_id, a.code",
                Row));
            var closes = await db.MonthCloses.Include(c => c.Transactions).AsNoTracking().ToListAsync();
            Assert.Equal(
                workflow.Select(w => (w.Period, w.State, w.ApprovedBy)),
                closes.OrderBy(c => c.Period).Select(c => (c.Period.ToString(), c.State, c.ApprovedBy)));
            Assert.Equal(
                transactions,
                closes.SelectMany(c => c.Transactions.Select(t => $"{c.Period}|{t.TxHash}")).Order(StringComparer.Ordinal));
            Assert.All(closes.SelectMany(c => c.Transactions), t => Assert.Equal((1, (DateTimeOffset?)null), (t.Batch, t.SupersededAt)));
            Assert.All(closes.Where(c => c.State == "paid"), c => Assert.NotNull(c.PaidAt));
        }

        // The current use case reads each old month as it was frozen: state, every member's amount, the payout file.
        var workflowNow = new MonthCloseWorkflow(test.Factory(), new ManualClock(new DateTimeOffset(2024, 12, 1, 0, 0, 0, TimeSpan.Zero)));
        foreach (var old in workflow)
        {
            var period = Period.Parse(old.Period).Value;
            var preview = await workflowNow.PreviewAsync(period);
            Assert.Equal(old.State, preview.State);
            // Every figure of the frozen JSON, now read from the tables of migration 0013.
            Assert.Equal(Figures(old.Snapshot), Figures(preview.Month!));
            if (old.State == "paid")
            {
                var file = await workflowNow.PayoutFileAsync(period);
                Assert.True(file.IsSuccess, string.Join("; ", file.Errors));
                var units = payouts.Where(p => p.StartsWith(old.Period + "|", StringComparison.Ordinal)).Select(p => UInt128.Parse(p.Split('|')[4], CultureInfo.InvariantCulture)).Order();
                Assert.Equal(units, file.Value.Rows.Select(r => r.Amount.Units).Order());
            }
        }

        // The month the old code could never approve (nothing to pay) approves now, and is paid at once.
        var locked = workflow.Single(w => w.State == "locked");
        var approved = await workflowNow.ApproveAsync(Period.Parse(locked.Period).Value, "lead", null);
        Assert.True(approved.IsSuccess, string.Join("; ", approved.Errors));
        Assert.Equal("paid", (await workflowNow.PreviewAsync(Period.Parse(locked.Period).Value)).State);
    }

    /// <summary>The figures of a month frozen as the main-era JSON, one line each.</summary>
    private static IReadOnlyList<string> Figures(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var s = doc.RootElement;
        string S(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? (v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()) : "0";
        string Map(JsonElement e, string name) => string.Join(",", e.GetProperty(name).EnumerateObject().Select(p => p.Name + "=" + (p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())).Order(StringComparer.Ordinal));
        var lines = new List<string>
        {
            string.Join("|", S(s, "period"), S(s, "policyId"), S(s, "policyName"), S(s, "policyVersion"), S(s, "policyHash"), S(s, "token"), S(s, "decimals"), S(s, "poolUnits"), S(s, "unspentUnits"), S(s, "carriedUnits"), S(s, "activeMembers")),
            "carried " + Map(s, "carriedOut"),
        };
        lines.AddRange(s.GetProperty("departments").EnumerateArray().Select(d => string.Join("|", "dept", S(d, "code"), S(d, "name"), S(d, "poolUnits"), S(d, "pointsHundredths"), S(d, "unspentUnits"))));
        lines.AddRange(s.GetProperty("members").EnumerateArray().Select(m => string.Join(
            "|", "member", S(m, "memberId"), S(m, "login"), S(m, "name"), S(m, "rank"), S(m, "status"), S(m, "percentNumerator"), S(m, "percentDenominator"),
            string.Join(",", m.GetProperty("chosen").EnumerateArray().Select(c => c.GetString())), Map(m, "pointsHundredths"), Map(m, "sharesUnits"),
            S(m, "poolShareUnits"), S(m, "bonusUnits"), S(m, "cappedUnits"), S(m, "totalUnits"))));
        lines.AddRange(s.GetProperty("proposals").EnumerateArray().Select(p => string.Join("|", "proposal", S(p, "member"), S(p, "from"), S(p, "to"), S(p, "reason"), S(p, "effectiveFrom"))));
        return lines;
    }

    /// <summary>The same figures of a month read by the current code.</summary>
    private static IReadOnlyList<string> Figures(MonthStatement m)
    {
        static string U(TokenAmount a) => a.Units.ToString(CultureInfo.InvariantCulture);
        static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
        var lines = new List<string>
        {
            string.Join("|", m.Period, m.Policy.Id, m.PolicyName, m.Policy.Version, m.Policy.Hash, m.Token.Symbol, N(m.Token.Decimals), U(m.Pool), U(m.Unspent), U(m.Carried), N(m.ActiveMembers)),
            "carried " + string.Join(",", m.CarriedOut.Select(kv => kv.Key + "=" + U(kv.Value)).Order(StringComparer.Ordinal)),
        };
        lines.AddRange(m.Departments.Select(d => string.Join("|", "dept", d.Code, d.Name, U(d.Pool), N(d.Points.Hundredths), U(d.Unspent))));
        lines.AddRange(m.Members.Select(x => string.Join(
            "|", "member", N(x.MemberId), x.Login, x.Name, x.Rank.Code, x.Status.ToString(), N(x.Percent.Numerator), N(x.Percent.Denominator), string.Join(",", x.Chosen),
            string.Join(",", x.Points.Select(kv => kv.Key + "=" + N(kv.Value.Hundredths)).Order(StringComparer.Ordinal)),
            string.Join(",", x.Shares.Select(kv => kv.Key + "=" + U(kv.Value)).Order(StringComparer.Ordinal)),
            U(x.PoolShare), U(x.Bonus), U(x.Capped), U(x.Total))));
        lines.AddRange(m.Proposals.Select(p => string.Join("|", "proposal", p.Member, p.From.Code, p.To.Code, p.Reason, p.EffectiveFrom)));
        return lines;
    }

    private static string Row(DbDataReader r) =>
        string.Join("|", Enumerable.Range(0, r.FieldCount).Select(i => Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture)));

    private static async Task ExecuteAsync(EmbassyDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<T>> QueryAsync<T>(EmbassyDbContext db, string sql, Func<DbDataReader, T> read)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
