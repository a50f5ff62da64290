using Embassy.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Data;

/// <summary>Who may do what (migration 0009_access): users with their grants and security stamps, hashed access tokens.</summary>
public sealed partial class EmbassyDbContext
{
    public DbSet<UserRecord> Users => Set<UserRecord>();

    public DbSet<AccessTokenRecord> AccessTokens => Set<AccessTokenRecord>();

    private static void ConfigureAccess(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UserRecord>(e =>
        {
            e.ToTable("users");
            e.HasIndex(u => u.Login).IsUnique();
            e.HasIndex(u => u.GitHubId).IsUnique();
        });
        modelBuilder.Entity<AccessTokenRecord>(e =>
        {
            e.ToTable("access_tokens");
            e.HasIndex(t => t.Hash).IsUnique();
            e.HasIndex(t => t.Login);
        });
    }
}
