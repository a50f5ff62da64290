using Embassy.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Data;

/// <summary>Appeals of a department's score (issue #14, migration 0016_appeals).</summary>
public sealed partial class EmbassyDbContext
{
    public DbSet<AppealRecord> Appeals => Set<AppealRecord>();

    private static void ConfigureAppeals(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<AppealRecord>(e =>
        {
            e.ToTable("appeals");
            e.HasIndex(a => new { a.Period, a.State });
            e.HasIndex(a => a.ReportId);
            e.HasOne<Report>().WithMany().HasForeignKey(a => a.ReportId);
        });
}
