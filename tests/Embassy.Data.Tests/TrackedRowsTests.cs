using System.Globalization;
using Embassy.Data.Entities;
using Embassy.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Embassy.Data.Tests;

public class TrackedRowsTests
{
    private static readonly DateTimeOffset T = new(2025, 4, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly string[] Tables = ["members", "member_handles", "reports", "report_versions", "report_parses", "report_diagnostics", "audit_log"];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Save_WritesTheSameRowsAndKeysAsSaveChanges(string provider)
    {
        await using var tracked = await TestDatabase.CreateMigratedAsync(provider);
        await using var plain = await TestDatabase.CreateMigratedAsync(provider);
        foreach (var test in new[] { tracked, plain })
        {
            await using var db = test.Context();
            db.Members.Add(new Member { DisplayName = "Alice", CreatedAt = T });
            db.Reports.Add(NewReport(1));
            db.Reports.Add(NewReport(5));
            await db.SaveChangesAsync();
        }

        var keys = new List<long>[2];
        for (var run = 0; run < 2; run++)
        {
            await using var db = (run == 0 ? tracked : plain).Context();

            // Added rows under existing and new principals, in two generations (report → version → parse, diagnostics),
            // interleaved with rows of other tables, and a change to a row already stored.
            var member = await db.Members.SingleAsync();
            member.Handles.Add(new MemberHandle { Kind = MemberHandle.GitHub, Value = "Alice", NormalizedValue = "alice", GitHubUserId = 7 });
            var existing = await db.Reports.OrderBy(r => r.Id).ToListAsync();
            existing[0].Labels = "report\nreviewed";
            existing[0].Versions.Add(NewVersion(1, diagnostics: 0, period: null));
            var added = new List<Report>();
            for (var i = 2; i <= 4; i++)
            {
                var report = NewReport(i);
                report.MemberId = i == 3 ? member.Id : null;
                report.Versions.Add(NewVersion(1, diagnostics: i, period: new Period(2025, i)));
                report.Versions.Add(NewVersion(2, diagnostics: 1, period: null));
                db.Reports.Add(report);
                db.AuditLog.Add(new AuditEntry { At = T, Actor = "github-sync", Action = "report.filed", Subject = "report#" + i, Details = i == 2 ? null : "version 1" });
                added.Add(report);
                if (i == 3)
                {
                    existing[1].Versions.Add(NewVersion(1, diagnostics: 2, period: null)); // an edit between new reports
                }
            }

            if (run == 0)
            {
                await TrackedRows.SaveAsync(db);
            }
            else
            {
                await db.SaveChangesAsync();
            }

            Assert.All(db.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
            var versions = added.Concat(existing).SelectMany(r => r.Versions).ToList();
            keys[run] = [.. added.Select(r => r.Id), .. versions.Select(v => v.Id), .. versions.Select(v => v.Parse!.Id), .. versions.SelectMany(v => v.Diagnostics).Select(d => d.Id)];
        }

        Assert.Equal(keys[1], keys[0]);
        foreach (var table in Tables)
        {
            Assert.Equal(await DumpAsync(plain, table), await DumpAsync(tracked, table));
        }

        Assert.Equal(14, (await DumpAsync(tracked, "report_diagnostics")).Count); // the rows are there, not two empty lists
    }

    [Fact]
    public async Task Save_AFailedRow_LeavesNothingBehind()
    {
        await using var test = await TestDatabase.CreateMigratedAsync("sqlite");
        await using (var db = test.Context())
        {
            var report = NewReport(1);
            var version = NewVersion(1, diagnostics: 2, period: null);
            version.Diagnostics[1].Ordinal = 0; // (version, ordinal) is unique: the second diagnostic fails after the report and version went in
            report.Versions.Add(version);
            db.Reports.Add(report);
            db.AuditLog.Add(new AuditEntry { At = T, Actor = "a", Action = "report.filed", Subject = "report#1" });

            await Assert.ThrowsAnyAsync<Exception>(() => TrackedRows.SaveAsync(db));
        }

        foreach (var table in Tables)
        {
            Assert.Empty(await DumpAsync(test, table));
        }
    }

    [Fact]
    public async Task Save_InTheCallersTransaction_IsRolledBackWithIt()
    {
        await using var test = await TestDatabase.CreateMigratedAsync("sqlite");
        await using (var db = test.Context())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var report = NewReport(1);
            report.Versions.Add(NewVersion(1, diagnostics: 1, period: null));
            db.Reports.Add(report);
            await TrackedRows.SaveAsync(db);

            Assert.Single(await DumpAsync(db, "report_versions")); // written, in this transaction
            await transaction.RollbackAsync();
        }

        Assert.Empty(await DumpAsync(test, "reports"));
    }

    private static Report NewReport(int number) => new()
    {
        Repository = "phala/ambassadors", IssueNumber = number, GitHubIssueId = 1000 + number, AuthorLogin = "alice", AuthorId = 7, IssueState = "open",
        Presence = ReportPresence.Present, HtmlUrl = "https://github.com/phala/ambassadors/issues/" + number, CreatedAt = T, UpdatedAt = T.AddMinutes(number),
        Labels = string.Empty, Period = number % 2 == 0 ? new Period(2025, 3) : null, ReviewState = "pending", LatestVersion = 1, FirstSeenAt = T, LastSyncedAt = T,
    };

    private static ReportVersion NewVersion(int number, int diagnostics, Period? period)
    {
        var version = new ReportVersion
        {
            Number = number, Title = "March report " + number, Body = "- [CM] 30/40\n\"quoted\" 'text' ☃", IssueCreatedAt = T, IssueUpdatedAt = T.AddSeconds(number),
            ContentHash = "hash" + number, SyncedAt = T,
            Parse = new ReportParse { ParserVersion = "p1", Period = period, Wallet = period is null ? null : "0xabc", Departments = "CM,MK", SuggestedScores = "{\"CM\":30}", ParsedAt = T },
        };
        for (var d = 0; d < diagnostics; d++)
        {
            version.Diagnostics.Add(new ReportDiagnostic
            {
                Ordinal = d, Code = "CODE" + d, Severity = "warning", Message = "line " + d, LineNumber = d == 0 ? null : d, ColumnNumber = d, Source = d % 2 == 0 ? "body" : null,
            });
        }

        return version;
    }

    private static async Task<List<string>> DumpAsync(TestDatabase test, string table)
    {
        await using var db = test.Context();
        return await DumpAsync(db, table);
    }

    /// <summary>Every column of every row of <paramref name="table"/>, in key order, as the database holds it.</summary>
    private static async Task<List<string>> DumpAsync(EmbassyDbContext db, string table)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync();
        }

        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"SELECT * FROM {table} ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i =>
                reader.GetName(i) + "=" + (reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)))));
        }

        return rows;
    }
}
