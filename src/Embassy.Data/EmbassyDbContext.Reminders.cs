using Embassy.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Data;

/// <summary>Reminders (issue #14, migration 0023_reminders): calendar feeds and the comments Embassy posts once.</summary>
public sealed partial class EmbassyDbContext
{
    public DbSet<CalendarFeedRecord> CalendarFeeds => Set<CalendarFeedRecord>();

    public DbSet<OutboundComment> OutboundComments => Set<OutboundComment>();

    private static void ConfigureReminders(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CalendarFeedRecord>(e =>
        {
            e.ToTable("calendar_feeds");
            e.HasIndex(f => f.Hash).IsUnique();
            e.HasIndex(f => new { f.Login, f.Kind }).IsUnique();
        });
        modelBuilder.Entity<OutboundComment>(e =>
        {
            e.ToTable("outbound_comments");
            e.HasIndex(c => c.Key).IsUnique(); // the claim: one row, one comment, whatever the number of instances
            e.HasIndex(c => c.State);
        });
    }
}
