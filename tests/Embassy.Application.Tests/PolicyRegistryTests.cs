using Embassy.Data.Tests;
using Embassy.Domain;
using Embassy.Policies;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application.Tests;

public sealed class PolicyRegistryTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RecordShipped_StoresEachPolicyOnce_AndPeriodsPointAtThePolicyInForce(string provider)
    {
        await using var test = await TestDatabase.CreateMigratedAsync(provider);
        var registry = new PolicyRegistry(TimeProvider.System);
        await using var db = test.Context();

        var first = await registry.RecordShippedAsync(db);
        var second = await registry.RecordShippedAsync(db);

        Assert.Equal(PolicyCatalog.Shipped.All.Count, first);
        Assert.Equal(0, second);
        var stored = await db.Policies.ToListAsync();
        Assert.All(stored, p => Assert.NotEmpty(p.Content));
        Assert.All(stored, p => Assert.Equal(PolicyCatalog.Shipped.Find(p.Name)!.Hash, p.ContentHash));

        foreach (var month in new[] { new Period(2022, 12), new Period(2024, 9), new Period(2025, 3) })
        {
            var period = await registry.OpenPeriodAsync(db, PolicyCatalog.Shipped, month);
            var policy = await db.Policies.SingleAsync(p => p.Id == period.Value.PolicyId);
            Assert.Equal(PolicyCatalog.Shipped.ForPeriod(month).Id, policy.Name);
        }

        Assert.Equal(3, await db.Periods.CountAsync());
        Assert.Equal(first, await db.AuditLog.CountAsync(a => a.Action == "policy.recorded"));
    }

    [Fact]
    public async Task OpenPeriod_PolicyNotRecorded_IsADiagnostic()
    {
        await using var test = await TestDatabase.CreateMigratedAsync("sqlite");
        await using var db = test.Context();

        var result = await new PolicyRegistry(TimeProvider.System).OpenPeriodAsync(db, PolicyCatalog.Shipped, new Period(2024, 12));

        Assert.Equal("POLICY_NOT_RECORDED", result.Errors.Single().Code);
        Assert.Equal(0, await db.Periods.CountAsync());
    }
}
