using Embassy.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Data;

/// <summary>
/// What several instances on one database share (migration 0015_operations): the Data Protection key ring, so a cookie,
/// an anti-forgery token or a status link made by one instance is read by the next, and cache generations, so a change
/// made through one instance invalidates every instance's cached public pages.
/// </summary>
public sealed partial class EmbassyDbContext : IDataProtectionKeyContext
{
    /// <summary>The Data Protection key ring (ASP.NET Core's own entity; used on PostgreSQL, where instances share it).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Counters bumped by every change of what a cache holds (one row per cache, e.g. <c>public</c>).</summary>
    public DbSet<CacheGeneration> CacheGenerations => Set<CacheGeneration>();

    /// <summary>The GitHub connection set on the admin settings page (migration 0020; one row, secrets protected).</summary>
    public DbSet<GitHubConnectionRecord> GitHubConnections => Set<GitHubConnectionRecord>();

    private static void ConfigureOperations(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DataProtectionKey>(e => e.ToTable("data_protection_keys"));
        modelBuilder.Entity<CacheGeneration>(e =>
        {
            e.ToTable("cache_generations");
            e.HasKey(g => g.Name);
        });
        modelBuilder.Entity<GitHubConnectionRecord>(e =>
        {
            e.ToTable("github_connection");
            e.HasKey(g => g.Name);
        });
    }
}
