using Embassy.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Data;

/// <summary>The community tables (issue #6): membership applications with reviews and decisions, regional crews and their checklist ticks (R2, R11).</summary>
public sealed partial class EmbassyDbContext
{
    public DbSet<ApplicationRecord> Applications => Set<ApplicationRecord>();

    public DbSet<ApplicationReviewRecord> ApplicationReviews => Set<ApplicationReviewRecord>();

    public DbSet<ApplicationReviewScoreRecord> ApplicationReviewScores => Set<ApplicationReviewScoreRecord>();

    public DbSet<ApplicationDecisionRecord> ApplicationDecisions => Set<ApplicationDecisionRecord>();

    public DbSet<CrewRecord> Crews => Set<CrewRecord>();

    public DbSet<CrewMemberRecord> CrewMembers => Set<CrewMemberRecord>();

    public DbSet<CrewTickRecord> CrewTicks => Set<CrewTickRecord>();

    /// <summary>Tables of migration 0006_community.</summary>
    private static void OnCommunityModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ApplicationRecord>(e =>
        {
            e.ToTable("membership_applications");
            e.HasIndex(a => a.State);
            e.HasIndex(a => a.ClientAddressHash);
            e.HasMany(a => a.Reviews).WithOne().HasForeignKey(r => r.ApplicationId);
        });
        modelBuilder.Entity<ApplicationReviewRecord>(e =>
        {
            e.ToTable("membership_application_reviews");
            e.HasIndex(r => new { r.ApplicationId, r.Reviewer }).IsUnique();
            e.HasMany(r => r.Scores).WithOne().HasForeignKey(x => x.ReviewId);
        });
        modelBuilder.Entity<ApplicationReviewScoreRecord>(e =>
        {
            // Migration 0019: the scores moved out of fixed columns into one row per criterion.
            e.ToTable("membership_application_review_scores");
            e.HasIndex(x => new { x.ReviewId, x.Criterion }).IsUnique();
        });
        modelBuilder.Entity<ApplicationDecisionRecord>(e =>
        {
            e.ToTable("membership_application_decisions");
            e.HasIndex(d => d.ApplicationId).IsUnique();
            e.HasIndex(d => d.MemberId);
            e.HasOne<ApplicationRecord>().WithMany().HasForeignKey(d => d.ApplicationId);
            e.HasOne<Member>().WithMany().HasForeignKey(d => d.MemberId);
        });
        modelBuilder.Entity<CrewRecord>(e =>
        {
            e.ToTable("crews");
            e.HasIndex(c => c.Name).IsUnique();
            e.HasIndex(c => c.LeadMemberId);
            e.HasOne<Member>().WithMany().HasForeignKey(c => c.LeadMemberId);
            e.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.CrewId);
        });
        modelBuilder.Entity<CrewMemberRecord>(e =>
        {
            e.ToTable("crew_members");
            e.HasIndex(m => new { m.CrewId, m.MemberId }).IsUnique();
            e.HasIndex(m => m.MemberId);
            e.HasOne<Member>().WithMany().HasForeignKey(m => m.MemberId);
        });
        modelBuilder.Entity<CrewTickRecord>(e =>
        {
            e.ToTable("crew_checklist_ticks");
            e.HasIndex(t => new { t.CrewId, t.Period });
            e.HasOne<CrewRecord>().WithMany().HasForeignKey(t => t.CrewId);
        });
    }
}
