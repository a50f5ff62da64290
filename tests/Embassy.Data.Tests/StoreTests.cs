using Embassy.Data.Entities;
using Embassy.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Data.Tests;

/// <summary>Behaviour of the stored model that must hold on every provider.</summary>
public sealed class StoreTests
{
    private static readonly DateTimeOffset T = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AuditLog_UpdateOrDelete_IsRefusedByTheDatabase(string provider)
    {
        await using var test = await TestDatabase.CreateMigratedAsync(provider);
        await using (var db = test.Context())
        {
            db.AuditLog.Add(new AuditEntry { At = T, Actor = "admin", Action = "policy.set", Subject = "policy:phala-v4" });
            await db.SaveChangesAsync();
        }

        await using (var db = test.Context())
        {
            var entry = await db.AuditLog.SingleAsync();
            entry.Actor = "someone else";
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using (var db = test.Context())
        {
            db.AuditLog.Remove(await db.AuditLog.SingleAsync());
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using var check = test.Context();
        Assert.Equal("admin", (await check.AuditLog.SingleAsync()).Actor);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MemberHandles_SameGitHubLoginInOtherCase_IsRefused(string provider)
    {
        await using var test = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = test.Context();
        var a = new Member { DisplayName = "A", CreatedAt = T };
        a.Handles.Add(new MemberHandle { Kind = MemberHandle.GitHub, Value = "Alice", NormalizedValue = MemberHandle.Normalize("Alice") });
        db.Members.Add(a);
        await db.SaveChangesAsync();

        var b = new Member { DisplayName = "B", CreatedAt = T };
        b.Handles.Add(new MemberHandle { Kind = MemberHandle.GitHub, Value = "ALICE", NormalizedValue = MemberHandle.Normalize("ALICE") });
        db.Members.Add(b);
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MonthClose_SecondPayoutSetOrSecondCurrentBatchPayment_IsRefusedByTheSchema(string provider)
    {
        await using var test = await TestDatabase.CreateMigratedAsync(provider);
        long closeId, memberId;
        await using (var db = test.Context())
        {
            var member = new Member { DisplayName = "Alice", CreatedAt = T };
            db.Members.Add(member);
            var close = new MonthClose
            {
                Period = new Period(2025, 3), PolicyName = "phala-v5", PolicyTitle = "Phala V.5", PolicyVersion = "5", PolicyHash = "h", Token = "PHA",
                PoolUnits = 10, UnspentUnits = 0, ClosedBy = "admin", ClosedAt = T, State = "approved", Batches = 1,
            };
            db.MonthCloses.Add(close);
            await db.SaveChangesAsync();
            (closeId, memberId) = (close.Id, member.Id);
            db.Payouts.Add(new Payout { MonthCloseId = closeId, MemberId = memberId, Rail = "evm", Address = "0xA", Units = 10 });
            db.PayoutTransactions.Add(new PayoutTransaction { MonthCloseId = closeId, Batch = 1, TxHash = "0x1", RecordedBy = "admin", RecordedAt = T });
            await db.SaveChangesAsync();
        }

        // R9: one payout per member and month, one current transaction per signing batch.
        await using (var db = test.Context())
        {
            db.Payouts.Add(new Payout { MonthCloseId = closeId, MemberId = memberId, Rail = "evm", Address = "0xA", Units = 10 });
            var e = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.True(DatabaseErrors.IsUniqueViolation(e));
        }

        await using (var db = test.Context())
        {
            db.PayoutTransactions.Add(new PayoutTransaction { MonthCloseId = closeId, Batch = 1, TxHash = "0x2", RecordedBy = "admin", RecordedAt = T });
            var e = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.True(DatabaseErrors.IsUniqueViolation(e));
        }

        // A superseded row (a corrected hash) stays beside the batch's new one.
        await using (var db = test.Context())
        {
            var old = await db.PayoutTransactions.SingleAsync();
            old.SupersededAt = T;
            old.SupersededBy = "admin";
            old.CorrectionReason = "typo";
            db.PayoutTransactions.Add(new PayoutTransaction { MonthCloseId = closeId, Batch = 1, TxHash = "0x2", RecordedBy = "admin", RecordedAt = T });
            await db.SaveChangesAsync();
        }

        await using var read = test.Context();
        Assert.Equal(["1 0x1 typo", "1 0x2 "], (await read.PayoutTransactions.OrderBy(t => t.Id).ToListAsync()).Select(t => $"{t.Batch} {t.TxHash} {t.CorrectionReason}"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Amounts_LargestUInt128_RoundTripExactly(string provider)
    {
        await using var test = await TestDatabase.CreateMigratedAsync(provider);
        await using (var db = test.Context())
        {
            var close = new MonthClose
            {
                Period = new Period(2025, 3), PolicyName = "phala-v5", PolicyTitle = "Phala V.5", PolicyVersion = "5", PolicyHash = "h", Token = "PHA",
                PoolUnits = UInt128.MaxValue, UnspentUnits = 1, CarriedUnits = UInt128.MaxValue - 1, ClosedBy = "admin", ClosedAt = T, State = "locked",
            };
            db.MonthCloses.Add(close);
            await db.SaveChangesAsync();
        }

        await using var read = test.Context();
        var stored = await read.MonthCloses.SingleAsync();
        Assert.Equal(UInt128.MaxValue, stored.PoolUnits);
        Assert.Equal(UInt128.One, stored.UnspentUnits);
        Assert.Equal(UInt128.MaxValue - 1, stored.CarriedUnits);
        Assert.Equal(T, stored.ClosedAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Amounts_NonDigitText_IsRefusedByTheDatabase(string provider)
    {
        await using var test = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = test.Context();
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO month_closes (period, policy_name, policy_version, policy_hash, token, pool_units, unspent_units, closed_by, closed_at) " +
            "VALUES ('2025-04', 'p', '1', 'h', 'PHA', '1.5', '0', 'admin', '2025-05-01 00:00:00+00:00')"));
        Assert.Equal(0, await db.MonthCloses.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WorkLock_SecondHolder_IsRefusedUntilReleased(string provider)
    {
        await using var test = await TestDatabase.CreateMigratedAsync(provider);
        var first = new DatabaseWorkLock(test.Options);
        var second = new DatabaseWorkLock(test.Options);

        var held = await first.TryAcquireAsync("sync");
        Assert.NotNull(held);
        Assert.Null(await second.TryAcquireAsync("sync"));
        await using (var other = await second.TryAcquireAsync("webhooks"))
        {
            Assert.NotNull(other); // a different name is a different lock
        }

        await held.DisposeAsync();
        await using var again = await second.TryAcquireAsync("sync");
        Assert.NotNull(again);
    }

    [Fact]
    public async Task Sqlite_Default_IsAWalFileInTheDataFolder()
    {
        await using var test = await TestDatabase.CreateMigratedAsync("sqlite");
        var file = Path.Combine(test.Options.DataDirectory, "embassy.db");
        Assert.True(File.Exists(file));
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public void Options_UnknownProvider_FailsWithAClearMessage()
    {
        var options = new DatabaseOptions { Provider = "mysql" };
        var error = Assert.Throws<InvalidOperationException>(() => options.ParsedProvider);
        Assert.Contains("sqlite", error.Message, StringComparison.Ordinal);
        var postgres = new DatabaseOptions { Provider = "postgres" };
        Assert.Contains("ConnectionString", Assert.Throws<InvalidOperationException>(() => postgres.ResolveConnectionString()).Message, StringComparison.Ordinal);
    }
}
