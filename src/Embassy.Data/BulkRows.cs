using System.Data.Common;
using System.Globalization;
using System.Text;
using Embassy.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Embassy.Data;

/// <summary>
/// Writes the many rows of a month close (one allocation per member and department) as multi-row inserts inside the
/// caller's transaction. EF Core's change tracker and per-row key propagation made a lock of 10,000 members spend
/// 5 of its 6 seconds adding and saving 30,000 allocations; these are plain rows nothing reads back in that
/// transaction, so they skip the tracker. Works on SQLite and PostgreSQL alike (the same table and column names as the
/// migrations; the schema test keeps the model and the migrations equal).
/// </summary>
public static class BulkRows
{
    /// <summary>
    /// Rows per statement: SQLite runs a prepared one-row insert fastest (no network); PostgreSQL saves round trips with
    /// 250 rows (1,000 parameters) a statement.
    /// </summary>
    private static int RowsPerStatement(DbConnection connection) => connection.GetType().Name.StartsWith("Sqlite", StringComparison.Ordinal) ? 1 : 250;

    /// <summary>Inserts <paramref name="rows"/> for the month close <paramref name="monthCloseId"/> in the context's current transaction.</summary>
    public static async Task InsertAllocationsAsync(EmbassyDbContext db, long monthCloseId, IReadOnlyList<Allocation> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Allocations are written inside the month close's transaction.");
        var connection = transaction.Connection!;
        var perStatement = RowsPerStatement(connection);
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
                        full = Build(connection, transaction, count, monthCloseId);
                        await full.PrepareAsync(cancellationToken).ConfigureAwait(false);
                    }

                    command = full;
                }
                else
                {
                    command = Build(connection, transaction, count, monthCloseId);
                }

                for (var i = 0; i < count; i++)
                {
                    var row = rows[start + i];
                    command.Parameters[(4 * i) + 1].Value = row.MemberId;
                    command.Parameters[(4 * i) + 2].Value = row.Department;
                    command.Parameters[(4 * i) + 3].Value = row.PointsHundredths;
                    command.Parameters[(4 * i) + 4].Value = row.Units.ToString(CultureInfo.InvariantCulture);
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

    private static DbCommand Build(DbConnection connection, DbTransaction transaction, int count, long monthCloseId)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder("INSERT INTO allocations (month_close_id, member_id, department, points_hundredths, units) VALUES ");
        Add(command, "@c", monthCloseId);
        for (var i = 0; i < count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            sql.Append(i == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture, $"(@c, @m{n}, @d{n}, @p{n}, @u{n})");
            Add(command, "@m" + n, 0L);
            Add(command, "@d" + n, string.Empty);
            Add(command, "@p" + n, 0L);
            Add(command, "@u" + n, string.Empty);
        }

        command.CommandText = sql.ToString();
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
