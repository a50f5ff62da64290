using System.Globalization;
using Embassy.Data.Tests;
using Embassy.Domain;
using Embassy.Domain.Treasury;
using Embassy.GitHubStandIn;
using Embassy.Policies;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application.Tests.Treasury;

/// <summary>
/// R10 in the month close: a policy's fiat caps convert with the month's recorded price and flag or clamp what is
/// paid; bounty caps clamp the month's bounties, in the draw and in the payout file alike.
/// </summary>
public class FiatCapCloseTests
{
    private static readonly DateTimeOffset Now = new(2024, 10, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly Period Aug = new(2024, 8);
    private const string PhalaAddress = "41PLCEdup7XdUH4hsik4hyFoihDRYKfpN2K48jZH8ehL2tP2";

    private static ManualClock Clock() => new(Now) { AutoAdvance = false };

    /// <summary>phala-v4 (in force for the demo's August 2024) with one cap added as policy data.</summary>
    private static PolicyCatalog CatalogWith(string cap)
    {
        var yaml = PolicyCatalog.ShippedText("phala-v4")! + "\nfiat_caps:\n  - " + cap + "\n";
        var policy = PolicyLoader.Load(yaml, "phala-v4-capped.yaml");
        Assert.True(policy.IsSuccess, string.Join("; ", policy.Errors));
        return PolicyCatalog.Create([(policy.Value, "phala-v4-capped.yaml")]).Value;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Close_ClampingCap_PaysTheCapAtTheRecordedPrice_AndReturnsTheRest(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var clock = Clock();
        var catalog = CatalogWith("{ name: ambassador rewards, usd: 100, mode: clamp, ranks: [ambassador] }");
        var store = new TreasuryStore(db.Factory(), clock, catalog);
        Assert.True((await store.RecordPriceAsync(Aug, "0.5", "CoinGecko monthly close", new DateOnly(2024, 8, 31), "admin")).IsSuccess);
        var (uncapped, unspent) = await WithoutCapsAsync(provider, clock);

        await new DemoProgram(db.Factory(), clock, catalog).SeedAsync(5, 1);

        // 100 $ at 0.5 $/PHA is 200 PHA for all ambassadors together; the demo's one ambassador (every fifth member) is owed far more.
        var snapshot = (await new MonthCloseWorkflow(db.Factory(), clock, catalog).PreviewAsync(Aug)).Month!;
        var ambassador = snapshot.Members.Single(m => m.Rank == Rank.Ambassador);
        var owed = uncapped[ambassador.Login];
        Assert.True(owed > Token.Pha.Whole(200), $"owed {owed}");
        Assert.Equal(Token.Pha.Whole(200), ambassador.Total);
        Assert.Equal(owed - Token.Pha.Whole(200), ambassador.Capped);
        Assert.All(snapshot.Members.Where(m => m.Rank != Rank.Ambassador), m => Assert.Equal(uncapped[m.Login], m.Total));

        await using var read = db.Context();
        var payout = await read.Payouts.SingleAsync(p => p.MemberId == ambassador.MemberId);
        Assert.Equal(Token.Pha.Whole(200).Units, payout.Units);
        var close = await read.MonthCloses.SingleAsync(c => c.Period == Aug);
        Assert.Equal((unspent + owed - Token.Pha.Whole(200)).Units, close.UnspentUnits); // what the cap held back returns with the month's unspent
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Close_FlaggingCap_PaysInFull(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var clock = Clock();
        var catalog = CatalogWith("{ name: ambassador rewards, usd: 100, mode: flag, ranks: [ambassador] }");
        await new TreasuryStore(db.Factory(), clock, catalog).RecordPriceAsync(Aug, "0.5", "CoinGecko monthly close", new DateOnly(2024, 8, 31), "admin");
        var uncapped = await TotalsWithoutCapsAsync(provider, clock);

        await new DemoProgram(db.Factory(), clock, catalog).SeedAsync(5, 1);

        var snapshot = (await new MonthCloseWorkflow(db.Factory(), clock, catalog).PreviewAsync(Aug)).Month!;
        Assert.All(snapshot.Members, m => Assert.Equal((UInt128.Zero, uncapped[m.Login]), (m.Capped.Units, m.Total)));
        await using var read = db.Context();
        Assert.Equal(
            uncapped.Values.Where(v => !v.IsZero).Select(v => v.Units).Order(),
            (await read.Payouts.ToListAsync()).Select(p => p.Units).Order());
    }

    [Fact]
    public void Engine_FlaggingCap_WarnsWithTheCapAndThePrice_ClampingCap_HoldsBackTheExcess()
    {
        // The pure step both the close and the CLI run: the engine applies the policy's caps with the prices it is given.
        var flagging = CatalogWith("{ name: senior rewards, usd: 1000, mode: flag, ranks: [senior] }").Default;
        var clamping = CatalogWith("{ name: senior rewards, usd: 1000, mode: clamp, ranks: [senior] }").Default;
        var prices = new[] { PriceRecord.Create(Aug, "0.25", "CoinGecko", new DateOnly(2024, 8, 31), Token.Pha).Value };
        var input = new Domain.Rules.MonthInput
        {
            Policy = flagging,
            Period = Aug,
            Members = [new Domain.Rules.Member("s", Rank.Senior), new Domain.Rules.Member("a", Rank.Ambassador)],
            Scores =
            [
                new Domain.Rules.ScoreLine("s", "CM", Points.Of(20), Points.Of(20), null), new Domain.Rules.ScoreLine("s", "MK", Points.Of(20), Points.Of(20), null),
                new Domain.Rules.ScoreLine("a", "CM", Points.Of(10), Points.Of(10), null), new Domain.Rules.ScoreLine("a", "MK", Points.Of(10), Points.Of(10), null),
            ],
        };
        var uncapped = Domain.Rules.MonthEngine.Compute(input with { Policy = PolicyCatalog.Shipped.Get("phala-v4").Value }).Value;
        var senior = uncapped.Members.Single(m => m.Id == "s").Total;

        var flagged = Domain.Rules.MonthEngine.Compute(input with { Prices = prices });
        var clamped = Domain.Rules.MonthEngine.Compute(input with { Policy = clamping, Prices = prices });
        var withoutPrice = Domain.Rules.MonthEngine.Compute(input with { Policy = clamping });

        // 1,000 $ at 0.25 $/PHA = 4,000 PHA; the senior's pool share and 2,000 PHA rank bonus are more than that.
        Assert.True(senior > Token.Pha.Whole(4_000), $"senior total {senior}");
        var warning = Assert.Single(flagged.Diagnostics, d => d.Code == TreasuryCodes.CapExceeded);
        Assert.Contains("senior rewards", warning.Message, StringComparison.Ordinal);
        Assert.Equal(senior, flagged.Value.Members.Single(m => m.Id == "s").Total);
        var s = clamped.Value.Members.Single(m => m.Id == "s");
        Assert.Equal((Token.Pha.Whole(4_000), senior - Token.Pha.Whole(4_000)), (s.Total, s.Capped));
        Assert.Contains(clamped.Diagnostics, d => d.Code == TreasuryCodes.CapClamped);
        Assert.Equal(uncapped.Members.Single(m => m.Id == "a").Total, clamped.Value.Members.Single(m => m.Id == "a").Total);
        Assert.Equal(uncapped.Unspent + (senior - Token.Pha.Whole(4_000)), clamped.Value.Unspent);
        Assert.Equal(clamped.Value.Pool, clamped.Value.TotalPaid - clamped.Value.Members.Aggregate(Token.Pha.Zero, (a, m) => a + m.Bonus) + clamped.Value.Members.Aggregate(Token.Pha.Zero, (a, m) => a + (m.Capped ?? Token.Pha.Zero)) + uncapped.Unspent + clamped.Value.Carried);
        var missing = Assert.Single(withoutPrice.Errors);
        Assert.Equal(TreasuryCodes.PriceMissing, missing.Code);
        Assert.Contains("PHA/USD", missing.Message, StringComparison.Ordinal);
        Assert.Contains("2024-08", missing.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Close_CapWithoutARecordedPrice_IsRefused_NothingIsGuessed(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var clock = Clock();
        var catalog = CatalogWith("{ name: ambassador rewards, usd: 100, mode: clamp, ranks: [ambassador] }");

        var seeding = await Assert.ThrowsAsync<InvalidOperationException>(() => new DemoProgram(db.Factory(), clock, catalog).SeedAsync(5, 1));

        Assert.Contains(TreasuryCodes.PriceMissing, seeding.Message, StringComparison.Ordinal);
        var workflow = new MonthCloseWorkflow(db.Factory(), clock, catalog);
        var preview = await workflow.PreviewAsync(Aug);
        Assert.Equal(MonthState.Open, preview.State);
        Assert.Contains(preview.Diagnostics, d => d.Code == TreasuryCodes.PriceMissing && d.IsError);
        var locked = await workflow.LockAsync(Aug, "admin");
        Assert.Contains(locked.Errors, e => e.Code == TreasuryCodes.PriceMissing);
        await using var read = db.Context();
        Assert.Empty(await read.MonthCloses.ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bounties_ClampingCap_DrawAndFilePayTheSameCappedAmounts_OneDrawAMonth(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var clock = Clock();
        var catalog = CatalogWith("{ name: educator bounties, usd: 300, mode: clamp, bounties: true }");
        var store = new TreasuryStore(db.Factory(), clock, catalog);
        await store.SaveAsync(new ProposalInput(14, "Community bounty", TreasuryDemo.Proponent, new DateOnly(2024, 7, 1), "100,000", ProposalStatus.Funded), "admin");
        await store.RecordPriceAsync(Aug, "0.125", "CoinGecko monthly close", new DateOnly(2024, 8, 31), "admin");
        var ids = new List<long>();
        foreach (var (title, usd) in new[] { ("Video course", "200"), ("Staking guide", "200") })
        {
            var created = await store.CreateBountyAsync(
                new BountyInput(title, "Ann " + title, string.Empty, PhalaAddress, "https://example.org/" + ids.Count, usd, InUsd: true, Aug, new DateOnly(2024, 8, 20), 14), "admin");
            Assert.True(created.IsSuccess, string.Join("; ", created.Errors));
            ids.Add(long.Parse(created.Value.Id, CultureInfo.InvariantCulture));
            await store.ApproveBountyAsync(ids[^1], "root");
        }

        var drawn = await store.DrawBountiesAsync(Aug, 14, "admin");
        var file = await store.BountyPayoutFileAsync(Aug);

        // 400 $ asked, 300 $ allowed: at 0.125 $/PHA that is 2,400 PHA, shared in proportion (1,200 each).
        Assert.True(drawn.IsSuccess, string.Join("; ", drawn.Errors));
        Assert.Contains(drawn.Diagnostics, d => d.Code == TreasuryCodes.CapClamped);
        var ledger = (await store.LedgerAsync(14))!;
        Assert.Equal([Token.Pha.Whole(1_200), Token.Pha.Whole(1_200)], ledger.Draws.Select(d => d.Amount));
        Assert.True(file.IsSuccess, string.Join("; ", file.Errors));
        Assert.Equal(Token.Pha.Whole(2_400), file.Value.Rows.Aggregate(Token.Pha.Zero, (a, r) => a + r.Amount)); // one address, two bounties: a row each

        // Another bounty approved for August later cannot be drawn past the cap in a second draw.
        var late = await store.CreateBountyAsync(
            new BountyInput("Late tool", "Bo", string.Empty, PhalaAddress, "https://example.org/late", "50", InUsd: true, Aug, new DateOnly(2024, 8, 30), 14), "admin");
        await store.ApproveBountyAsync(long.Parse(late.Value.Id, CultureInfo.InvariantCulture), "root");
        var second = await store.DrawBountiesAsync(Aug, 14, "admin");
        Assert.Equal(TreasuryStore.BountyCapDrawnOnce, Assert.Single(second.Errors).Code);
        Assert.Equal(Token.Pha.Whole(2_400), (await store.LedgerAsync(14))!.Paid);
    }

    /// <summary>The same demo month under the shipped phala-v4 (no caps): each member's total by login.</summary>
    private static async Task<Dictionary<string, TokenAmount>> TotalsWithoutCapsAsync(string provider, TimeProvider clock) =>
        (await WithoutCapsAsync(provider, clock)).Totals;

    /// <summary>The same demo month under the shipped phala-v4 (no caps): each member's total by login, and the unspent amount.</summary>
    private static async Task<(Dictionary<string, TokenAmount> Totals, TokenAmount Unspent)> WithoutCapsAsync(string provider, TimeProvider clock)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        await new DemoProgram(db.Factory(), clock).SeedAsync(5, 1);
        var snapshot = (await new MonthCloseWorkflow(db.Factory(), clock).PreviewAsync(Aug)).Month!;
        return (snapshot.Members.ToDictionary(m => m.Login, m => m.Total, StringComparer.Ordinal), snapshot.Unspent);
    }
}
