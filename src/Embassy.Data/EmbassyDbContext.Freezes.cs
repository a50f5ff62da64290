using Embassy.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Data;

/// <summary>R7: reports frozen at the deadline, and the later version a reviewer accepted (migration 0024_report_freezes).</summary>
public sealed partial class EmbassyDbContext
{
    public DbSet<ReportFreezeRecord> ReportFreezes => Set<ReportFreezeRecord>();

    private static void ConfigureFreezes(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<ReportFreezeRecord>(e =>
        {
            e.ToTable("report_freezes");
            e.HasKey(f => f.ReportId);
            e.Property(f => f.ReportId).ValueGeneratedNever();
            e.HasOne<Report>().WithOne().HasForeignKey<ReportFreezeRecord>(f => f.ReportId);
        });
}
