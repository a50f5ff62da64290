using System.Globalization;
using System.Text;
using Embassy.Data.Entities;
using Embassy.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Embassy.Data;

/// <summary>
/// The one EF model of Embassy, used unchanged on SQLite and PostgreSQL (STYLE.md). The schema itself is
/// created by <see cref="SchemaMigrator"/> from hand-written SQL per provider; this model must match it
/// (a test compares the two).
/// </summary>
public sealed partial class EmbassyDbContext(DbContextOptions<EmbassyDbContext> options) : DbContext(options)
{
    public DbSet<Member> Members => Set<Member>();

    public DbSet<MemberHandle> MemberHandles => Set<MemberHandle>();

    public DbSet<RankEvent> RankEvents => Set<RankEvent>();

    public DbSet<PayoutAddress> PayoutAddresses => Set<PayoutAddress>();

    public DbSet<AddressChallenge> AddressChallenges => Set<AddressChallenge>();

    public DbSet<PolicyRecord> Policies => Set<PolicyRecord>();

    public DbSet<PeriodRecord> Periods => Set<PeriodRecord>();

    public DbSet<Report> Reports => Set<Report>();

    public DbSet<ReportVersion> ReportVersions => Set<ReportVersion>();

    public DbSet<ReportParse> ReportParses => Set<ReportParse>();

    public DbSet<ReportDiagnostic> ReportDiagnostics => Set<ReportDiagnostic>();

    public DbSet<Score> Scores => Set<Score>();

    public DbSet<MonthClose> MonthCloses => Set<MonthClose>();

    public DbSet<MonthDepartment> MonthDepartments => Set<MonthDepartment>();

    public DbSet<MonthMember> MonthMembers => Set<MonthMember>();

    public DbSet<Allocation> Allocations => Set<Allocation>();

    public DbSet<MonthProposal> MonthProposals => Set<MonthProposal>();

    public DbSet<MonthCarry> MonthCarries => Set<MonthCarry>();

    public DbSet<Payout> Payouts => Set<Payout>();

    public DbSet<PayoutTransaction> PayoutTransactions => Set<PayoutTransaction>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<ReviewNote> ReviewNotes => Set<ReviewNote>();

    public DbSet<LateAcceptance> LateAcceptances => Set<LateAcceptance>();

    public DbSet<GitHubSyncState> GitHubSyncStates => Set<GitHubSyncState>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<WriteBackJob> WriteBackJobs => Set<WriteBackJob>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Months as "YYYY-MM"; amounts as decimal digits of smallest units (R5: exact, never floating point).
        configurationBuilder.Properties<Period>().HaveConversion<PeriodConverter>();
        configurationBuilder.Properties<UInt128>().HaveConversion<UnitsConverter>();
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<Member>(e =>
        {
            e.ToTable("members");
            e.HasMany(m => m.Handles).WithOne().HasForeignKey(h => h.MemberId);
            e.HasMany(m => m.RankEvents).WithOne().HasForeignKey(r => r.MemberId);
            e.HasMany(m => m.PayoutAddresses).WithOne().HasForeignKey(a => a.MemberId);
        });
        modelBuilder.Entity<MemberHandle>(e =>
        {
            e.ToTable("member_handles");
            e.HasIndex(h => new { h.Kind, h.NormalizedValue }).IsUnique();
            e.HasIndex(h => h.GitHubUserId).IsUnique();
        });
        modelBuilder.Entity<RankEvent>(e =>
        {
            e.ToTable("member_rank_events");
            e.HasIndex(r => r.MemberId);
        });
        modelBuilder.Entity<PayoutAddress>(e =>
        {
            e.ToTable("payout_addresses");
            e.HasIndex(a => a.MemberId);
        });
        modelBuilder.Entity<AddressChallenge>(e =>
        {
            e.ToTable("address_challenges");
            e.HasIndex(c => c.Nonce).IsUnique();
            e.HasIndex(c => c.MemberId);
            e.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId);
        });
        modelBuilder.Entity<PolicyRecord>(e =>
        {
            e.ToTable("policies");
            e.HasIndex(p => new { p.Name, p.Version }).IsUnique();
        });
        modelBuilder.Entity<PeriodRecord>(e =>
        {
            e.ToTable("periods");
            e.HasKey(p => p.Period);
            e.HasOne<PolicyRecord>().WithMany().HasForeignKey(p => p.PolicyId);
        });
        modelBuilder.Entity<Report>(e =>
        {
            e.ToTable("reports");
            e.HasIndex(r => new { r.Repository, r.IssueNumber }).IsUnique();
            e.HasIndex(r => r.MemberId);
            e.HasIndex(r => r.Period); // every month-scoped read (queue, close, freeze) starts from the month's reports
            e.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId);
            e.HasMany(r => r.Versions).WithOne().HasForeignKey(v => v.ReportId);
        });
        modelBuilder.Entity<ReportVersion>(e =>
        {
            e.ToTable("report_versions");
            e.HasIndex(v => new { v.ReportId, v.Number }).IsUnique();
            e.HasOne(v => v.Parse).WithOne().HasForeignKey<ReportParse>(p => p.ReportVersionId);
            e.HasMany(v => v.Diagnostics).WithOne().HasForeignKey(d => d.ReportVersionId);
        });
        modelBuilder.Entity<ReportParse>(e => e.ToTable("report_parses"));
        modelBuilder.Entity<ReportDiagnostic>(e =>
        {
            e.ToTable("report_diagnostics");
            e.HasIndex(d => new { d.ReportVersionId, d.Ordinal }).IsUnique();
        });
        modelBuilder.Entity<Score>(e =>
        {
            e.ToTable("scores");
            e.HasIndex(s => new { s.ReportId, s.Reviewer, s.Department });
            e.HasOne<Report>().WithMany().HasForeignKey(s => s.ReportId);
            e.HasOne<Score>().WithMany().HasForeignKey(s => s.SupersedesId);
        });
        modelBuilder.Entity<MonthClose>(e =>
        {
            e.ToTable("month_closes");
            e.HasIndex(c => c.Period).IsUnique();
            e.HasMany(c => c.Departments).WithOne().HasForeignKey(d => d.MonthCloseId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.MonthCloseId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Allocations).WithOne().HasForeignKey(a => a.MonthCloseId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Proposals).WithOne().HasForeignKey(p => p.MonthCloseId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.CarriedOut).WithOne().HasForeignKey(c => c.MonthCloseId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Payouts).WithOne().HasForeignKey(p => p.MonthCloseId);
            e.HasMany(c => c.Transactions).WithOne().HasForeignKey(t => t.MonthCloseId);
        });
        modelBuilder.Entity<MonthDepartment>(e =>
        {
            e.ToTable("month_departments");
            e.HasKey(d => new { d.MonthCloseId, d.Position });
        });
        modelBuilder.Entity<MonthMember>(e =>
        {
            e.ToTable("month_members");
            e.HasKey(m => new { m.MonthCloseId, m.Position });
            e.HasIndex(m => m.MemberId); // a member's months, for their pages
        });
        modelBuilder.Entity<Allocation>(e =>
        {
            e.ToTable("allocations");
            e.HasKey(a => new { a.MonthCloseId, a.MemberPosition, a.Code });
            e.HasOne<MonthMember>().WithMany().HasForeignKey(a => new { a.MonthCloseId, a.MemberPosition }).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<MonthProposal>(e =>
        {
            e.ToTable("month_proposals");
            e.HasKey(p => new { p.MonthCloseId, p.Position });
        });
        modelBuilder.Entity<MonthCarry>(e =>
        {
            e.ToTable("month_carried_out");
            e.HasKey(c => new { c.MonthCloseId, c.Code });
        });
        modelBuilder.Entity<Payout>(e =>
        {
            e.ToTable("payouts");
            e.HasIndex(p => p.MonthCloseId);

            // R9: one payout per member and month, so a second approval cannot add a second set.
            e.HasIndex(p => new { p.MonthCloseId, p.MemberId }).IsUnique();
            e.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId);

            // R5: the carried amounts a member is still owed are found by this column (null: owed).
            e.HasIndex(p => p.SettledByPayoutId);
        });
        modelBuilder.Entity<PayoutTransaction>(e =>
        {
            e.ToTable("payout_transactions");
            e.HasIndex(t => t.MonthCloseId);

            // R9: one current transaction per signing batch.
            e.HasIndex(t => new { t.MonthCloseId, t.Batch }).IsUnique().HasFilter("superseded_at IS NULL");
        });
        modelBuilder.Entity<AuditEntry>(e => e.ToTable("audit_log"));
        modelBuilder.Entity<ReviewNote>(e =>
        {
            e.ToTable("review_notes");
            e.HasKey(n => new { n.ReportId, n.Reviewer });
            e.HasOne<Report>().WithMany().HasForeignKey(n => n.ReportId);
        });
        modelBuilder.Entity<LateAcceptance>(e =>
        {
            e.ToTable("late_acceptances");
            e.HasKey(a => a.ReportId);
            e.HasOne<Report>().WithMany().HasForeignKey(a => a.ReportId);
        });
        modelBuilder.Entity<GitHubSyncState>(e =>
        {
            e.ToTable("github_sync_states");
            e.HasKey(s => s.Repository);
        });
        modelBuilder.Entity<WebhookDelivery>(e =>
        {
            e.ToTable("webhook_deliveries");
            e.HasIndex(d => d.DeliveryId).IsUnique();
            e.HasIndex(d => d.Status);
        });
        modelBuilder.Entity<WriteBackJob>(e =>
        {
            e.ToTable("write_back_jobs");
            e.HasIndex(j => j.ReportId).IsUnique();
            e.HasOne<Report>().WithMany().HasForeignKey(j => j.ReportId);
        });
        OnCommunityModelCreating(modelBuilder);

        ConfigureTreasury(modelBuilder);
        ConfigureAccess(modelBuilder);
        ConfigureAppeals(modelBuilder);
        ConfigureFreezes(modelBuilder);
        ConfigureOperations(modelBuilder);
        ConfigurePayments(modelBuilder);
        ConfigureReminders(modelBuilder);

        // snake_case names everywhere, so hand-written SQL reads naturally on both providers.
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }

            // Nothing is deleted in cascade: reports, scores and money records outlive any mistake upstream.
            foreach (var foreignKey in entity.GetForeignKeys())
            {
                foreignKey.DeleteBehavior = DeleteBehavior.Restrict;
            }
        }
    }

    internal static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                // "GitHubIssueId" -> "github_issue_id": no break inside "GitHub" or in runs of capitals.
                var prevLower = i > 0 && char.IsLower(name[i - 1]);
                var gitHubJoin = i > 0 && name.AsSpan(0, i).EndsWith("Git", StringComparison.Ordinal) && c == 'H';
                if (prevLower && !gitHubJoin)
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    internal sealed class PeriodConverter() : ValueConverter<Period, string>(
        p => p.ToString(),
        s => ParsePeriod(s));

    internal sealed class UnitsConverter() : ValueConverter<UInt128, string>(
        u => u.ToString(CultureInfo.InvariantCulture),
        s => UInt128.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture));

    // "0000-00" is default(Period) as the converter writes it: the compiled model (CompiledModels/README.md) keeps
    // EF's sentinel for a month column as that provider value and converts it back when it starts, so the round trip
    // must hold. No month Embassy writes is the default; any other text that is not a month stays an error.
    private static Period ParsePeriod(string text) =>
        Period.TryParse(text, out var p) ? p
        : text == default(Period).ToString() ? default
        : throw new FormatException($"'{text}' in the database is not a YYYY-MM month.");
}
