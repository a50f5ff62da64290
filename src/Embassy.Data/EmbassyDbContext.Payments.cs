using Embassy.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Data;

/// <summary>Payment checks (migration 0014): what the chain said about each recorded payout transaction (R9).</summary>
public sealed partial class EmbassyDbContext
{
    public DbSet<PaymentCheckRecord> PaymentChecks => Set<PaymentCheckRecord>();

    private static void ConfigurePayments(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<PaymentCheckRecord>(e =>
        {
            e.ToTable("payment_checks");
            e.HasIndex(c => new { c.Subject, c.Batch });
        });
}
