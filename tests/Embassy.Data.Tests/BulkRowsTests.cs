using Embassy.Data.Entities;
using Embassy.Domain;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Data.Tests;

public class BulkRowsTests
{
    private static readonly DateTimeOffset T = new(2025, 4, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task InsertMembersAndAllocations_WriteEveryRowExactly_InTheCallersTransaction(string provider)
    {
        await using var test = await TestDatabase.CreateMigratedAsync(provider);
        long closeId;
        // 201 members (more than two full PostgreSQL statements of 71 rows and a short one), three allocations each, one
        // with points but no share and one with a share but no points; SQLite writes them one prepared row at a time.
        var members = Enumerable.Range(0, 201).Select(i => new MonthMember
        {
            Position = i, MemberId = i % 7, Login = "m" + i, Name = "Member " + i, Rank = "candidate", Status = "Accepted",
            PercentNumerator = i, PercentDenominator = 200, Chosen = i % 2 == 0 ? "CM,CC" : string.Empty,
            PoolShareUnits = UInt128.MaxValue - (UInt128)i, BonusUnits = (UInt128)i, CappedUnits = UInt128.Zero, TotalUnits = UInt128.MaxValue,
        }).ToArray();
        var allocations = members.SelectMany(m => new[]
        {
            new Allocation { MemberPosition = m.Position, Code = "CM", PointsHundredths = m.Position * 7, Units = UInt128.MaxValue - (UInt128)m.Position },
            new Allocation { MemberPosition = m.Position, Code = "TASK", PointsHundredths = 150 },
            new Allocation { MemberPosition = m.Position, Code = "reward", Units = (UInt128)m.Position },
        }).ToArray();
        await using (var db = test.Context())
        {
            var close = new MonthClose
            {
                Period = new Period(2025, 3), PolicyName = "phala-v5", PolicyTitle = "Phala V.5", PolicyVersion = "5", PolicyHash = "h", Token = "PHA",
                Decimals = 12, DisplayDecimals = 4, PoolUnits = 10, UnspentUnits = 0, ClosedBy = "admin", ClosedAt = T, State = "locked",
            };
            db.MonthCloses.Add(close);
            await db.SaveChangesAsync();
            closeId = close.Id;

            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                await BulkRows.InsertMembersAsync(db, closeId, members);
                await BulkRows.InsertAllocationsAsync(db, closeId, allocations);
                await tx.RollbackAsync();
            }

            // A rolled-back close leaves nothing behind.
            Assert.Equal((0, 0), (await db.MonthMembers.CountAsync(), await db.Allocations.CountAsync()));

            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                await BulkRows.InsertMembersAsync(db, closeId, members);
                await BulkRows.InsertAllocationsAsync(db, closeId, allocations);
                await tx.CommitAsync();
            }
        }

        await using var read = test.Context();
        var storedMembers = await read.MonthMembers.OrderBy(m => m.Position).ToListAsync();
        Assert.Equal(
            members.Select(m => (closeId, m.Position, m.MemberId, m.Login, m.Name, m.Rank, m.Status, m.PercentNumerator, m.PercentDenominator, m.Chosen, m.PoolShareUnits, m.BonusUnits, m.CappedUnits, m.TotalUnits)),
            storedMembers.Select(m => (m.MonthCloseId, m.Position, m.MemberId, m.Login, m.Name, m.Rank, m.Status, m.PercentNumerator, m.PercentDenominator, m.Chosen, m.PoolShareUnits, m.BonusUnits, m.CappedUnits, m.TotalUnits)));
        var stored = (await read.Allocations.ToListAsync()).OrderBy(a => a.MemberPosition).ThenBy(a => a.Code, StringComparer.Ordinal);
        Assert.Equal(
            allocations.Select(a => (closeId, a.MemberPosition, a.Code, a.PointsHundredths, a.Units)).OrderBy(a => a.MemberPosition).ThenBy(a => a.Code, StringComparer.Ordinal),
            stored.Select(a => (a.MonthCloseId, a.MemberPosition, a.Code, a.PointsHundredths, a.Units)));
    }

    [Fact]
    public async Task InsertAllocations_OutsideATransaction_IsRefused()
    {
        await using var test = await TestDatabase.CreateMigratedAsync("sqlite");
        await using var db = test.Context();

        await Assert.ThrowsAsync<InvalidOperationException>(() => BulkRows.InsertAllocationsAsync(db, 1, []));
    }
}
