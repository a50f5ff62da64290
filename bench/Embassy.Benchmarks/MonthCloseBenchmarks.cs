using System.Globalization;
using BenchmarkDotNet.Attributes;
using Embassy.Application;
using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Benchmarks;

/// <summary>
/// Locking a month on SQLite (issue #10: "the close grows linearly and stays within 3× the raw insert"): the lock of a
/// month of N members, each with a scored report, beside a raw bulk insert of the very rows the lock writes (a member
/// row each and their allocations, read back from one lock), in the same process and on a copy of the same database.
/// Every iteration starts from a fresh copy of an open month. <see cref="Lock"/> closes the month as it stands after its
/// deadline, its reports frozen by the deadline run (R7, <see cref="FreezeWorker"/>); <see cref="LockFirstLook"/> closes
/// it when nothing froze it before, so the lock freezes the month's reports too.
/// The figures are the steady state, as BenchmarkDotNet means them: a lock calls most of its code once, and .NET's tiered
/// compilation runs a method unoptimised until its 30th call, so with one warm-up the 1,000-member lock measured that
/// first tier rather than the close (the raw insert is mostly SQLite's native code and a loop that is optimised at
/// once). Forty warm-up locks take every step past it; the first lock of a process is slower by that JIT warm-up.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 40, iterationCount: 5, invocationCount: 1)]
public class MonthCloseBenchmarks
{
    private static readonly Period Month = new(2024, 8);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "embassy-bench-close-" + Guid.NewGuid().ToString("N")[..8]);
    private string _template = null!;
    private string _frozen = null!;
    private string _work = null!;
    private (string Table, string[] Columns, List<object[]> Rows)[] _rows = null!;

    [Params(1_000, 10_000, 50_000)]
    public int Members { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _template = Path.Combine(_root, "template-" + Members.ToString(CultureInfo.InvariantCulture));
        _frozen = _template + "-frozen";
        _work = Path.Combine(_root, "work");
        SeedAsync(Options(_template), Members).GetAwaiter().GetResult();

        // The same month after the deadline run: every report frozen at the deadline (R7), as the web app leaves it.
        Copy(_template, _frozen);
        new ReportFreezes(new Factory(Options(_frozen)), new FixedClock(Deadline)).FreezeDueMonthsAsync().GetAwaiter().GetResult();

        // The rows a lock writes, read back from one lock of a scratch copy: the raw insert writes exactly these.
        Copy(_template, _work);
        LockAsync().GetAwaiter().GetResult();
        using (var connection = new SqliteConnection(Options(_work).ResolveConnectionString()))
        {
            connection.Open();
            _rows = [Read(connection, "month_members"), Read(connection, "allocations")];
        }

        SqliteConnection.ClearAllPools();
    }

    private static (string Table, string[] Columns, List<object[]> Rows) Read(SqliteConnection connection, string table)
    {
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT * FROM " + table;
        using var reader = select.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(values);
        }

        return (table, columns, rows);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>A fresh copy of the month after its deadline run, for the raw insert and the lock.</summary>
    [IterationSetup(Targets = [nameof(RawBulkInsert), nameof(Lock)])]
    public void FreshCopy() => Copy(_frozen, _work);

    /// <summary>A fresh copy of the month as nothing after its deadline has touched it.</summary>
    [IterationSetup(Target = nameof(LockFirstLook))]
    public void FreshUnfrozenCopy() => Copy(_template, _work);

    /// <summary>The floor: one month_closes row, then its member and allocation rows with one prepared command each, in one transaction.</summary>
    [Benchmark(Baseline = true)]
    public int RawBulkInsert()
    {
        using var connection = new SqliteConnection(Options(_work).ResolveConnectionString());
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            // The same integrity as the app's connections (the bundled SQLite defaults to foreign keys on): rows are checked against their month and member.
            pragma.CommandText = "PRAGMA foreign_keys = ON";
            pragma.ExecuteNonQuery();
        }

        using var tx = connection.BeginTransaction();
        using (var close = connection.CreateCommand())
        {
            close.Transaction = tx;
            close.CommandText = "INSERT INTO month_closes (period, policy_name, policy_title, policy_version, policy_hash, token, decimals, display_decimals, pool_units, unspent_units, carried_units, active_members, closed_by, closed_at, state) " +
                "VALUES ('2024-08', 'phala-v4', 'Phala V.4', '4', 'h', 'PHA', 12, 4, '0', '0', '0', 0, 'bench', '2024-10-01T00:00:00+00:00', 'locked')";
            close.ExecuteNonQuery();
        }

        var written = 0;
        foreach (var (table, columns, rows) in _rows)
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((c, i) => c == "month_close_id" ? "(SELECT max(id) FROM month_closes)" : "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
            var parameters = columns.Select((c, i) => c == "month_close_id" ? null : insert.Parameters.Add("$p" + i.ToString(CultureInfo.InvariantCulture), SqliteType.Text)).ToArray();
            insert.Prepare();
            foreach (var row in rows)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    if (parameters[i] is { } p)
                    {
                        p.Value = row[i];
                    }
                }

                insert.ExecuteNonQuery();
                written++;
            }
        }

        tx.Commit();
        return written;
    }

    /// <summary>The month close's lock: read the month, compute it, check the guards, write the frozen result.</summary>
    [Benchmark]
    public bool Lock() => LockAsync().GetAwaiter().GetResult();

    /// <summary>The lock as the first look after the deadline: it freezes the month's reports (R7), then locks.</summary>
    [Benchmark]
    public bool LockFirstLook() => LockAsync().GetAwaiter().GetResult();

    // The run at August's report deadline (R7); the lock comes weeks later.
    private static readonly DateTimeOffset Deadline = Policies.PolicyCatalog.Shipped.ForPeriod(Month).Deadline.EndOf(Month);

    private async Task<bool> LockAsync()
    {
        var options = Options(_work);
        var workflow = new MonthCloseWorkflow(new Factory(options), new FixedClock(new DateTimeOffset(2024, 10, 15, 12, 0, 0, TimeSpan.Zero)));
        var locked = await workflow.LockAsync(Month, "bench");
        return locked.IsSuccess ? true : throw new InvalidOperationException(string.Join("; ", locked.Errors));
    }

    private static DatabaseOptions Options(string directory) => new() { Provider = "sqlite", DataDirectory = directory };

    private static EmbassyDbContext Context(DatabaseOptions options)
    {
        var builder = new DbContextOptionsBuilder<EmbassyDbContext>();
        options.Apply(builder);
        return new EmbassyDbContext(builder.Options);
    }

    private static void Copy(string from, string to)
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(to))
        {
            Directory.Delete(to, recursive: true);
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    /// <summary>N ambassadors, each with an in-time report for the month choosing CM and MK, scored by one reviewer.</summary>
    private static async Task SeedAsync(DatabaseOptions options, int members)
    {
        await using (var migrate = Context(options))
        {
            await SchemaMigrator.MigrateAsync(migrate);
        }

        var rng = new Random(42);
        var filed = new DateTimeOffset(2024, 9, 1, 9, 0, 0, TimeSpan.Zero);
        const int Batch = 2_000;
        for (var start = 0; start < members; start += Batch)
        {
            await using var db = Context(options);
            var batch = Enumerable.Range(start, Math.Min(members, start + Batch) - start).ToArray();
            var people = batch.Select(i =>
            {
                var login = "bench-" + i.ToString("D6", CultureInfo.InvariantCulture);
                var member = new Data.Entities.Member { DisplayName = login, Region = "Poland", CreatedAt = filed };
                member.Handles.Add(new MemberHandle { Kind = MemberHandle.GitHub, Value = login, NormalizedValue = login });
                member.RankEvents.Add(new RankEvent { Rank = Rank.Ambassador.Code, EffectiveFrom = new DateOnly(2024, 1, 1), Actor = "bench", Reason = "bench", RecordedAt = filed });
                return (Index: i, Login: login, Member: member);
            }).ToArray();
            db.Members.AddRange(people.Select(p => p.Member));
            await db.SaveChangesAsync();
            var reports = people.Select(p =>
            {
                var report = new Report
                {
                    Repository = "bench/reports", IssueNumber = p.Index + 1, GitHubIssueId = 10_000_000 + p.Index, AuthorLogin = p.Login, MemberId = p.Member.Id,
                    IssueState = "open", Presence = ReportPresence.Present, HtmlUrl = "https://github.com/bench/reports/issues/" + (p.Index + 1).ToString(CultureInfo.InvariantCulture),
                    CreatedAt = filed, UpdatedAt = filed, Labels = string.Empty, Period = Month, ReviewState = "pending", LatestVersion = 1, FirstSeenAt = filed, LastSyncedAt = filed,
                };
                report.Versions.Add(new ReportVersion
                {
                    Number = 1, Title = "August 2024", Body = "Departments: CM, MK", IssueCreatedAt = filed, IssueUpdatedAt = filed,
                    ContentHash = ReportStore.ContentHash("August 2024", "Departments: CM, MK"), SyncedAt = filed,
                    Parse = new ReportParse { ParserVersion = "bench", Period = Month, Departments = "CM,MK", SuggestedScores = "{}", ParsedAt = filed },
                });
                return report;
            }).ToArray();
            db.Reports.AddRange(reports);
            await db.SaveChangesAsync();
            foreach (var report in reports)
            {
                foreach (var code in new[] { "BASIC", "CM", "MK" })
                {
                    db.Scores.Add(new Score { ReportId = report.Id, Reviewer = "reviewer", Department = code, EffortHundredths = rng.Next(8, 21) * 100, ResultsHundredths = rng.Next(6, 21) * 100, RecordedAt = filed.AddDays(1) });
                }
            }

            await db.SaveChangesAsync();
        }

        SqliteConnection.ClearAllPools();
    }

    private sealed class Factory(DatabaseOptions options) : IDbContextFactory<EmbassyDbContext>
    {
        public EmbassyDbContext CreateDbContext() => Context(options);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
