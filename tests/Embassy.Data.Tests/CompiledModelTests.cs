using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Embassy.Data.Tests;

/// <summary>
/// The compiled models the app runs on (issue #16, start time) are the model EmbassyDbContext's configuration builds,
/// on each provider: a change to an entity or its configuration without `CompiledModels/regenerate.sh` fails here.
/// </summary>
public sealed class CompiledModelTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void CompiledModel_EqualsTheModelTheConfigurationBuilds(string provider)
    {
        using var built = new DesignTimeContextFactory().CreateDbContext([provider]);
        var options = new DatabaseOptions
        {
            Provider = provider,
            ConnectionString = provider == "postgres" ? "Host=localhost" : "Data Source=:memory:",
        };
        var builder = new DbContextOptionsBuilder<EmbassyDbContext>();
        options.Apply(builder);
        using var compiled = new EmbassyDbContext(builder.Options);

        Assert.NotSame(built.Model, compiled.Model);
        Assert.Equal(Shape(built.Model), Shape(compiled.Model));
    }

    /// <summary>
    /// Entities with their properties, keys, foreign keys, indexes and navigations, then every table's columns with
    /// their store types, converters and defaults, as text (a compiled model keeps no design-time annotations, and
    /// EF's debug view of one fails on a converted key type, so the comparison is of what both models answer).
    /// </summary>
    private static string Shape(IModel model)
    {
        var text = new System.Text.StringBuilder();
        foreach (var entity in model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            text.Append('\n').Append(entity.Name).Append(' ').Append(entity.GetTableName() ?? "-");
            foreach (var property in entity.GetProperties())
            {
                text.Append("\n  ").Append(property.Name).Append(' ').Append(property.ClrType.Name)
                    .Append(property.IsNullable ? "?" : string.Empty).Append(' ').Append(property.ValueGenerated)
                    .Append(' ').Append(property.GetMaxLength()?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-")
                    .Append(' ').Append(property.IsConcurrencyToken ? "token" : "-")
                    .Append(' ').Append(property.GetValueConverter()?.GetType().Name ?? "-");
            }

            foreach (var key in entity.GetKeys())
            {
                text.Append("\n  key ").Append(key.IsPrimaryKey() ? "primary " : string.Empty)
                    .Append(string.Join(",", key.Properties.Select(p => p.Name)));
            }

            foreach (var foreignKey in entity.GetForeignKeys())
            {
                text.Append("\n  fk ").Append(string.Join(",", foreignKey.Properties.Select(p => p.Name))).Append(" -> ")
                    .Append(foreignKey.PrincipalEntityType.Name).Append(' ').Append(foreignKey.DeleteBehavior)
                    .Append(foreignKey.IsRequired ? " required" : string.Empty).Append(foreignKey.IsUnique ? " unique" : string.Empty);
            }

            foreach (var index in entity.GetIndexes())
            {
                text.Append("\n  index ").Append(string.Join(",", index.Properties.Select(p => p.Name)))
                    .Append(index.IsUnique ? " unique" : string.Empty);
            }

            foreach (var navigation in entity.GetNavigations())
            {
                text.Append("\n  navigation ").Append(navigation.Name).Append(' ').Append(navigation.TargetEntityType.Name);
            }
        }

        foreach (var table in model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            text.Append('\n').Append(table.Name);
            foreach (var column in table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                var mapping = column.PropertyMappings.First();
                text.Append("\n  ").Append(column.Name).Append(' ').Append(column.StoreType)
                    .Append(column.IsNullable ? " null" : " not null")
                    .Append(' ').Append(mapping.Property.GetValueConverter()?.GetType().Name ?? "-")
                    .Append(' ').Append(column.DefaultValueSql ?? "-");
            }

            foreach (var index in table.Indexes.OrderBy(i => i.Name, StringComparer.Ordinal))
            {
                text.Append("\n  index ").Append(index.Name).Append(index.IsUnique ? " unique " : " ")
                    .Append(string.Join(",", index.Columns.Select(c => c.Name))).Append(' ').Append(index.Filter ?? "-");
            }
        }

        return text.ToString();
    }
}
