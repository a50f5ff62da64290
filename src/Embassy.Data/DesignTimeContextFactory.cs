using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Embassy.Data;

/// <summary>
/// The context <c>dotnet ef dbcontext optimize</c> compiles a model from (CompiledModels/README.md): the model as
/// <see cref="EmbassyDbContext"/> builds it on the provider named after <c>--</c> (<c>sqlite</c> or <c>postgres</c>),
/// without a compiled model of course. No database is opened; the connection strings only choose the provider.
/// </summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<EmbassyDbContext>
{
    /// <inheritdoc />
    public EmbassyDbContext CreateDbContext(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var builder = new DbContextOptionsBuilder<EmbassyDbContext>();
        if (args.Contains("postgres", StringComparer.Ordinal))
        {
            builder.UseNpgsql("Host=localhost");
        }
        else
        {
            builder.UseSqlite("Data Source=:memory:");
        }

        return new EmbassyDbContext(builder.Options);
    }
}
