using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.Domain.Closing;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>
/// Where a frozen month lives: its <c>month_closes</c> row. Every read of a closed month's result goes through here, so
/// the stored form is known in one place and the rest of Embassy reads the typed <see cref="MonthStatement"/>.
/// </summary>
internal static class MonthStore
{
    /// <summary>The frozen result of <paramref name="close"/>.</summary>
    public static MonthStatement Statement(MonthClose close) => MonthSnapshot.FromJson(close.Snapshot).ToStatement();

    /// <summary>The stored form of <paramref name="month"/> for a new <see cref="MonthClose"/> row.</summary>
    public static string Stored(MonthStatement month) => MonthSnapshot.Of(month).ToJson();

    /// <summary>The frozen month of <paramref name="period"/> with its state, or null while it is open.</summary>
    public static async Task<(string State, MonthStatement Month)?> FindAsync(EmbassyDbContext db, Period period, CancellationToken cancellationToken)
    {
        var row = await db.MonthCloses.AsNoTracking().Where(c => c.Period == period).Select(c => new { c.State, c.Snapshot })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row is null ? null : (row.State, MonthSnapshot.FromJson(row.Snapshot).ToStatement());
    }

    /// <summary>True once <paramref name="period"/> is locked (its result frozen): scores and reports of it no longer change.</summary>
    public static Task<bool> IsFrozenAsync(EmbassyDbContext db, Period period, CancellationToken cancellationToken) =>
        db.MonthCloses.AnyAsync(c => c.Period == period, cancellationToken);

    /// <summary>Every frozen month with its state, oldest first.</summary>
    public static async Task<IReadOnlyList<(string State, MonthStatement Month)>> AllAsync(EmbassyDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.MonthCloses.AsNoTracking().Select(c => new { c.State, c.Snapshot }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => (r.State, Month: MonthSnapshot.FromJson(r.Snapshot).ToStatement())).OrderBy(r => r.Month.Period).ToArray();
    }
}
