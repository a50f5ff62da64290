using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.Policies;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>
/// Keeps the policies in force in the database (R1: policies are versioned data): each policy file is stored once
/// with its text and content hash, and each month the program evaluates is a <c>periods</c> row pointing at the
/// policy in force for it, so a result can always say which policy it used.
/// </summary>
public sealed class PolicyRegistry(TimeProvider time)
{
    private const string Actor = "embassy";

    /// <summary>Stores every shipped policy not stored yet (by id and version); returns how many were added.</summary>
    public Task<int> RecordShippedAsync(EmbassyDbContext db, CancellationToken cancellationToken = default) =>
        RecordProgramAsync(db, ProgramPolicies.Shipped, cancellationToken);

    /// <summary>Stores every policy of the program's folder (or the shipped ones) not stored yet; returns how many were added.</summary>
    public Task<int> RecordProgramAsync(EmbassyDbContext db, ProgramPolicies program, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(program);
        return RecordAsync(db, program.Catalog.All.Select(p => (p, program.Text(p.Id) ?? string.Empty)), cancellationToken);
    }

    /// <summary>Stores policies with their file text; one already stored with the same id and version is left as it is.</summary>
    public async Task<int> RecordAsync(EmbassyDbContext db, IEnumerable<(Policy Policy, string Text)> policies, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(policies);
        var stored = (await db.Policies.Select(p => new { p.Name, p.Version }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(p => (p.Name, p.Version)).ToHashSet();
        var now = time.GetUtcNow();
        var added = 0;
        foreach (var (policy, text) in policies)
        {
            if (!stored.Add((policy.Id, policy.Version)))
            {
                continue;
            }

            db.Policies.Add(new PolicyRecord
            {
                Name = policy.Id,
                Version = policy.Version,
                ContentHash = policy.Hash,
                Content = text,
                EffectiveFrom = policy.From,
                EffectiveUntil = policy.Until,
                RecordedAt = now,
            });
            db.AuditLog.Add(new AuditEntry { At = now, Actor = Actor, Action = "policy.recorded", Subject = "policy:" + policy.Id, Details = policy.Version + " " + policy.Hash });
            added++;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return added;
    }

    /// <summary>
    /// The <c>periods</c> row of a month, created under the policy the catalog has in force for it (R1)
    /// when missing. The policy must have been recorded.
    /// </summary>
    public async Task<Result<PeriodRecord>> OpenPeriodAsync(EmbassyDbContext db, PolicyCatalog catalog, Period period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(catalog);
        var existing = await db.Periods.SingleOrDefaultAsync(p => p.Period == period, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return Result<PeriodRecord>.Ok(existing);
        }

        var policy = catalog.ForPeriod(period);
        var record = await db.Policies.SingleOrDefaultAsync(p => p.Name == policy.Id && p.Version == policy.Version, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return Result<PeriodRecord>.Fail("POLICY_NOT_RECORDED",
                $"The policy in force for {period} ({policy.Id} {policy.Version}) is not in the database yet; record it first.");
        }

        var row = new PeriodRecord { Period = period, PolicyId = record.Id };
        db.Periods.Add(row);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<PeriodRecord>.Ok(row);
    }
}
