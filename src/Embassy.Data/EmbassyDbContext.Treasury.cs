using Embassy.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Data;

/// <summary>The treasury's part of the model (RULES.md R10): proposals, milestones, timeline, draws, prices, bounties, channel counts.</summary>
public sealed partial class EmbassyDbContext
{
    public DbSet<SpendingProposalRecord> SpendingProposals => Set<SpendingProposalRecord>();

    public DbSet<ProposalMilestoneRecord> ProposalMilestones => Set<ProposalMilestoneRecord>();

    public DbSet<ProposalEventRecord> ProposalEvents => Set<ProposalEventRecord>();

    public DbSet<TreasuryDrawRecord> TreasuryDraws => Set<TreasuryDrawRecord>();

    public DbSet<TokenPriceRecord> TokenPrices => Set<TokenPriceRecord>();

    public DbSet<CommunityBountyRecord> CommunityBounties => Set<CommunityBountyRecord>();

    public DbSet<ChannelCountRecord> ChannelCounts => Set<ChannelCountRecord>();

    /// <summary>Tables of migration 0005_treasury.</summary>
    private static void ConfigureTreasury(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SpendingProposalRecord>(e =>
        {
            e.ToTable("spending_proposals");
            e.HasIndex(p => p.Number).IsUnique();
            e.HasMany(p => p.Milestones).WithOne().HasForeignKey(m => m.ProposalId);
            e.HasMany(p => p.Events).WithOne().HasForeignKey(v => v.ProposalId);
            e.HasMany(p => p.Draws).WithOne().HasForeignKey(d => d.ProposalId);
        });
        modelBuilder.Entity<ProposalMilestoneRecord>(e =>
        {
            e.ToTable("proposal_milestones");
            e.HasIndex(m => new { m.ProposalId, m.Number }).IsUnique();
        });
        modelBuilder.Entity<ProposalEventRecord>(e =>
        {
            e.ToTable("proposal_events");
            e.HasIndex(v => v.ProposalId);
        });
        modelBuilder.Entity<TreasuryDrawRecord>(e =>
        {
            e.ToTable("treasury_draws");

            // R10/R9: a month or a bounty is drawn once.
            e.HasIndex(d => new { d.ProposalId, d.DrawKey }).IsUnique();
        });
        modelBuilder.Entity<TokenPriceRecord>(e =>
        {
            e.ToTable("token_prices");
            e.HasIndex(p => new { p.Period, p.Token }).IsUnique();
        });
        modelBuilder.Entity<CommunityBountyRecord>(e =>
        {
            e.ToTable("community_bounties");
            e.HasIndex(b => b.Period);
        });
        modelBuilder.Entity<ChannelCountRecord>(e =>
        {
            e.ToTable("channel_counts");
            e.HasIndex(c => new { c.Channel, c.Date }).IsUnique();
        });
    }
}
