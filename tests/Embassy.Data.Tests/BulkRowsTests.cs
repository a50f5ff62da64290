using Embassy.Data.Entities;
using Embassy.Domain;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Data.Tests;

public class BulkRowsTests
{
    private static readonly DateTimeOffset T = new(2025, 4, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task InsertAllocations_WritesEveryRowExactly_InTheCallersTransaction(string provider)
    {
        await using var test = await TestDatabase.CreateMigratedAsync(provider);
        long closeId;
        // 601 rows: more than two full PostgreSQL statements of 250 and a short one; 601 one-row statements on SQLite.
        var rows = new List<Allocation>();
        await using (var db = test.Context())
        {
            var members = Enumerable.Range(0, 3).Select(i => new Member { DisplayName = "M" + i, CreatedAt = T }).ToArray();
            db.Members.AddRange(members);
            var close = new MonthClose
            {
                Period = new Period(2025, 3), PolicyName = "phala-v5", PolicyVersion = "5", PolicyHash = "h", Token = "PHA",
                PoolUnits = 10, UnspentUnits = 0, ClosedBy = "admin", ClosedAt = T, State = "locked", Snapshot = "{}",
            };
            db.MonthCloses.Add(close);
            await db.SaveChangesAsync();
            closeId = close.Id;
            for (var i = 0; i < 601; i++)
            {
                rows.Add(new Allocation { MemberId = members[i % 3].Id, Department = "D" + i, PointsHundredths = i * 7, Units = UInt128.MaxValue - (UInt128)i });
            }

            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                await BulkRows.InsertAllocationsAsync(db, closeId, rows);
                await tx.RollbackAsync();
            }

            Assert.Equal(0, await db.Allocations.CountAsync()); // a rolled-back close leaves nothing behind

            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                await BulkRows.InsertAllocationsAsync(db, closeId, rows);
                await tx.CommitAsync();
            }
        }

        await using var read = test.Context();
        var stored = await read.Allocations.OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(
            rows.Select(r => (closeId, r.MemberId, r.Department, r.PointsHundredths, r.Units)),
            stored.Select(a => (a.MonthCloseId, a.MemberId, a.Department, a.PointsHundredths, a.Units)));
    }

    [Fact]
    public async Task InsertAllocations_OutsideATransaction_IsRefused()
    {
        await using var test = await TestDatabase.CreateMigratedAsync("sqlite");
        await using var db = test.Context();

        await Assert.ThrowsAsync<InvalidOperationException>(() => BulkRows.InsertAllocationsAsync(db, 1, []));
    }
}
