using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Embassy.Data;

/// <summary>
/// Saves what a context tracks, with the rows it adds written as prepared inserts. Issue #16: EF Core's SQLite provider
/// sends every added row as a command of its own, built, batched and sorted through its update pipeline — about 500 a
/// sync page of 100 new reports (report, version, parse, diagnostics, audit entry), most of a sync's time. Here each
/// table's added rows go through one prepared <c>INSERT … RETURNING</c> of the key, in the order EF would insert them
/// (principal tables first, each table's rows in the order they were added, so keys come out as EF would give them);
/// EF's own key propagation gives the dependents their foreign keys, and what else changed is saved by EF in the same
/// transaction. On PostgreSQL, whose provider batches many rows into one round trip, and for anything outside the plain
/// shape this writer knows (store-generated columns other than the key, shared tables, inheritance, a table that
/// references itself), it is <see cref="DbContext.SaveChangesAsync(CancellationToken)"/> as it is.
/// </summary>
public static class TrackedRows
{
    /// <summary>
    /// Saves every change <paramref name="db"/> tracks, all or nothing, in the current transaction or a new one. After a
    /// failure the context is not to be used again (its added entries may already carry keys of rows rolled back).
    /// </summary>
    public static async Task SaveAsync(EmbassyDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        // One look for changes: the tracker's own look in Entries() and again in SaveChanges was a third of a save.
        db.ChangeTracker.DetectChanges();
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await SaveDetectedAsync(db, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private static async Task SaveDetectedAsync(EmbassyDbContext db, CancellationToken cancellationToken)
    {
        var added = new Dictionary<IEntityType, List<EntityEntry>>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Added)
            {
                if (!added.TryGetValue(entry.Metadata, out var rows))
                {
                    added.Add(entry.Metadata, rows = []);
                }

                rows.Add(entry);
            }
        }

        var order = added.Count == 0 ? null : InsertOrder(added.Keys);
        if (order is null)
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        var own = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false)
            : null;
        try
        {
            var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            var levels = new Dictionary<EntityEntry, int>();
            foreach (var type in order)
            {
                var rows = InEfOrder(type, added, levels);
                await InsertAsync(transaction, type, rows, cancellationToken).ConfigureAwait(false);
            }

            foreach (var type in order)
            {
                foreach (var entry in added[type])
                {
                    entry.State = EntityState.Unchanged; // written: EF saves only what else changed
                }
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The tables in an order that inserts every principal before its dependents, or null when a type is outside the
    /// shape written here (then EF saves it all).
    /// </summary>
    private static List<IEntityType>? InsertOrder(ICollection<IEntityType> types)
    {
        foreach (var type in types)
        {
            if (!Plain(type))
            {
                return null;
            }
        }

        var order = new List<IEntityType>(types.Count);
        var left = new HashSet<IEntityType>(types);
        while (left.Count > 0)
        {
            var ready = left.FirstOrDefault(t => t.GetForeignKeys().All(fk => !left.Contains(fk.PrincipalEntityType)));
            if (ready is null)
            {
                return null; // a cycle between tables: EF knows how to break it
            }

            order.Add(ready);
            left.Remove(ready);
        }

        return order;
    }

    /// <summary>One table of its own, no inheritance, no self-reference, and nothing the store generates but the key.</summary>
    private static bool Plain(IEntityType type)
    {
        if (type.GetTableName() is null || type.BaseType is not null || type.GetDirectlyDerivedTypes().Any() || type.IsOwned()
            || type.GetComplexProperties().Any() || type.GetForeignKeys().Any(fk => fk.PrincipalEntityType == type || fk.Properties.Count != 1 || fk.PrincipalKey.Properties.Count != 1))
        {
            return false;
        }

        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        if (type.GetTableMappings().Single().Table.EntityTypeMappings.Count() != 1)
        {
            return false; // table splitting
        }

        var key = type.FindPrimaryKey();
        return key is not null && type.GetProperties().All(p =>
            p.GetColumnName(table) is not null
            && (p.ValueGenerated == ValueGenerated.Never || (p.ValueGenerated == ValueGenerated.OnAdd && Generated(key, p)))
            && p.GetComputedColumnSql(table) is null && p.GetDefaultValueSql(table) is null && !p.IsConcurrencyToken);
    }

    /// <summary>The single integer key the database numbers (SQLite's rowid).</summary>
    private static bool Generated(IKey key, IProperty property) =>
        key.Properties.Count == 1 && key.Properties[0] == property && property.ClrType == typeof(long);

    /// <summary>
    /// A table's added rows in the order EF inserts them, so that the keys they get are the ones EF would give: EF sorts
    /// a save's rows into levels (a row whose principal is added too comes a level after it) and keeps the tracker's
    /// order within a level. <paramref name="levels"/> holds the levels of the tables before this one.
    /// </summary>
    private static List<EntityEntry> InEfOrder(IEntityType type, Dictionary<IEntityType, List<EntityEntry>> added, Dictionary<EntityEntry, int> levels)
    {
        var rows = added[type];
        var principals = type.GetForeignKeys().Where(fk => added.ContainsKey(fk.PrincipalEntityType)).ToList();
        var byKey = principals.ToDictionary(
            fk => fk, fk => added[fk.PrincipalEntityType].ToDictionary(e => e.CurrentValues[fk.PrincipalKey.Properties[0]]!));
        var ranked = new (int Level, int Index, EntityEntry Row)[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var level = 0;
            foreach (var fk in principals)
            {
                if (rows[i].CurrentValues[fk.Properties[0]] is { } value && byKey[fk].TryGetValue(value, out var principal))
                {
                    level = Math.Max(level, levels[principal] + 1);
                }
            }

            levels[rows[i]] = level;
            ranked[i] = (level, i, rows[i]);
        }

        return [.. ranked.OrderBy(r => r.Level).ThenBy(r => r.Index).Select(r => r.Row)];
    }

    private static async Task InsertAsync(DbTransaction transaction, IEntityType type, List<EntityEntry> rows, CancellationToken cancellationToken)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var key = type.FindPrimaryKey()!.Properties[0];
        var generated = key.ValueGenerated == ValueGenerated.OnAdd;
        var columns = type.GetProperties().Where(p => !(generated && p == key)).ToList();
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        var mappings = new RelationalTypeMapping[columns.Count];
        var parameters = new DbParameter[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            mappings[c] = (RelationalTypeMapping)columns[c].GetRelationalTypeMapping();
            parameters[c] = mappings[c].CreateParameter(command, "@p" + c, null, columns[c].IsNullable);
            command.Parameters.Add(parameters[c]);
        }

        command.CommandText = "INSERT INTO " + Quote(table.Name) + " (" + string.Join(", ", columns.Select(p => Quote(p.GetColumnName(table)!)))
            + ") VALUES (" + string.Join(", ", parameters.Select(p => p.ParameterName)) + ")"
            + (generated ? " RETURNING " + Quote(key.GetColumnName(table)!) : string.Empty);
        await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            var values = row.CurrentValues;
            for (var c = 0; c < columns.Count; c++)
            {
                var value = values[columns[c]];
                parameters[c].Value = value is null ? DBNull.Value : mappings[c].Converter is { } converter ? converter.ConvertToProvider(value) ?? DBNull.Value : value;
            }

            // SQLite does the work on this thread either way; the synchronous call skips a task per row.
            if (generated)
            {
                row.Property(key.Name).CurrentValue = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                command.ExecuteNonQuery();
            }
        }
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
