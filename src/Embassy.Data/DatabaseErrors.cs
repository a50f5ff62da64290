using Microsoft.Data.Sqlite;
using Npgsql;

namespace Embassy.Data;

/// <summary>What a database error means, the same on both providers.</summary>
public static class DatabaseErrors
{
    /// <summary>
    /// True when <paramref name="exception"/> (or an inner one) is a unique-key or primary-key violation: a concurrent
    /// request wrote the same fact first (PostgreSQL 23505; SQLite constraint codes 2067 and 1555).
    /// </summary>
    public static bool IsUniqueViolation(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                return true;
            }

            if (e is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 })
            {
                return true;
            }
        }

        return false;
    }
}
