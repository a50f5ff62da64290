using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Embassy.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Embassy.Data;

/// <summary>
/// Writes the many rows of a month close (one per member, one allocation per member and department) as plain inserts
/// inside the caller's transaction. EF Core's change tracker and per-row key propagation made a lock of 10,000 members
/// spend 5 of its 6 seconds adding and saving 30,000 allocations; these rows have keys of their own (the month and a
/// position) and nothing reads them back in that transaction, so they skip the tracker. Works on SQLite and PostgreSQL
/// alike (the same table and column names as the migrations; the schema test keeps the model and the migrations equal).
/// </summary>
public static class BulkRows
{
    private static readonly (string Name, DbType Type)[] MemberColumns =
    [
        ("month_close_id", DbType.Int64), ("position", DbType.Int32), ("member_id", DbType.Int64), ("login", DbType.String),
        ("name", DbType.String), ("rank", DbType.String), ("status", DbType.String), ("percent_numerator", DbType.Int64),
        ("percent_denominator", DbType.Int64), ("chosen", DbType.String), ("pool_share_units", DbType.String),
        ("bonus_units", DbType.String), ("capped_units", DbType.String), ("total_units", DbType.String),
    ];

    private static readonly (string Name, DbType Type)[] AllocationColumns =
    [
        ("month_close_id", DbType.Int64), ("member_position", DbType.Int32), ("code", DbType.String), ("points_hundredths", DbType.Int64), ("units", DbType.String),
    ];

    /// <summary>Inserts the members of the month close <paramref name="monthCloseId"/> in the context's current transaction.</summary>
    public static Task InsertMembersAsync(EmbassyDbContext db, long monthCloseId, IReadOnlyList<MonthMember> rows, CancellationToken cancellationToken = default) =>
        InsertAsync(db, "month_members", MemberColumns, rows, (m, column) => column switch
        {
            0 => monthCloseId,
            1 => m.Position,
            2 => m.MemberId,
            3 => m.Login,
            4 => m.Name,
            5 => m.Rank,
            6 => m.Status,
            7 => m.PercentNumerator,
            8 => m.PercentDenominator,
            9 => m.Chosen,
            10 => Units(m.PoolShareUnits),
            11 => Units(m.BonusUnits),
            12 => Units(m.CappedUnits),
            _ => Units(m.TotalUnits),
        }, cancellationToken);

    /// <summary>Inserts the allocations of the month close <paramref name="monthCloseId"/> (after its members) in the context's current transaction.</summary>
    public static Task InsertAllocationsAsync(EmbassyDbContext db, long monthCloseId, IReadOnlyList<Allocation> rows, CancellationToken cancellationToken = default) =>
        InsertAsync(db, "allocations", AllocationColumns, rows, (a, column) => column switch
        {
            0 => monthCloseId,
            1 => a.MemberPosition,
            2 => a.Code,
            3 => a.PointsHundredths is { } p ? p : DBNull.Value,
            _ => a.Units is { } u ? Units(u) : DBNull.Value,
        }, cancellationToken);

    private static readonly (string Name, DbType Type)[] FreezeColumns =
    [
        ("report_id", DbType.Int64), ("version_number", DbType.Int32), ("content_hash", DbType.String), ("links", DbType.String), ("frozen_at", DbType.DateTimeOffset),
    ];

    /// <summary>
    /// Inserts R7 freezes in the context's current transaction; a report another freezer froze meanwhile keeps its row
    /// (<c>ON CONFLICT DO NOTHING</c>, on both providers). The first look after a month's deadline freezes every report of
    /// the month, inside the lock when nothing looked before it.
    /// </summary>
    public static Task InsertFreezesAsync(EmbassyDbContext db, IReadOnlyList<ReportFreezeRecord> rows, CancellationToken cancellationToken = default) =>
        InsertAsync(db, "report_freezes", FreezeColumns, rows, static (f, column) => column switch
        {
            0 => f.ReportId,
            1 => f.VersionNumber,
            2 => f.ContentHash,
            3 => f.Links,
            _ => f.FrozenAt,
        }, cancellationToken, " ON CONFLICT (report_id) DO NOTHING");

    private static string Units(UInt128 units) => units.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Rows per statement: SQLite runs a prepared one-row insert fastest (no network); PostgreSQL saves round trips with
    /// about 1,000 parameters a statement.
    /// </summary>
    private static int RowsPerStatement(DbConnection connection, int columns) =>
        connection.GetType().Name.StartsWith("Sqlite", StringComparison.Ordinal) ? 1 : Math.Max(1, 1000 / columns);

    private static async Task InsertAsync<T>(
        EmbassyDbContext db, string table, (string Name, DbType Type)[] columns, IReadOnlyList<T> rows, Func<T, int, object> value, CancellationToken cancellationToken, string suffix = "")
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk rows are written inside the caller's transaction.");
        var connection = transaction.Connection!;
        var perStatement = RowsPerStatement(connection, columns.Length);
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - start);
                DbCommand command;
                if (count == perStatement)
                {
                    // Full batches reuse one prepared statement; only the last, shorter one is built apart.
                    if (full is null)
                    {
                        full = Build(connection, transaction, table, columns, count, suffix);
                        await full.PrepareAsync(cancellationToken).ConfigureAwait(false);
                    }

                    command = full;
                }
                else
                {
                    command = Build(connection, transaction, table, columns, count, suffix);
                }

                for (var i = 0; i < count; i++)
                {
                    var row = rows[start + i];
                    for (var c = 0; c < columns.Length; c++)
                    {
                        command.Parameters[(columns.Length * i) + c].Value = value(row, c);
                    }
                }

                if (perStatement == 1)
                {
                    // SQLite does the work on this thread either way; the synchronous call skips a Task per row.
                    command.ExecuteNonQuery();
                }
                else
                {
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                if (!ReferenceEquals(command, full))
                {
                    await command.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static DbCommand Build(DbConnection connection, DbTransaction transaction, string table, (string Name, DbType Type)[] columns, int count, string suffix)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder("INSERT INTO ").Append(table).Append(" (").AppendJoin(", ", columns.Select(c => c.Name)).Append(") VALUES ");
        for (var i = 0; i < count; i++)
        {
            sql.Append(i == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{i}_{c}");
                sql.Append(c == 0 ? string.Empty : ", ").Append(name);
                var p = command.CreateParameter();
                p.ParameterName = name;
                p.DbType = columns[c].Type; // typed up front: a prepared statement keeps its types when a value is null
                p.Value = DBNull.Value;
                command.Parameters.Add(p);
            }

            sql.Append(')');
        }

        command.CommandText = sql.Append(suffix).ToString();
        return command;
    }
}
