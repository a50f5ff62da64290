using System.Globalization;
using Embassy.Data.Tests;
using Embassy.Domain;
using Embassy.Domain.Community;
using Embassy.Domain.Treasury;
using Embassy.GitHubStandIn;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application.Tests.Treasury;

/// <summary>The treasury's use cases on a real database (RULES.md R10): the close's draw, bounties, prices, milestones.</summary>
public class TreasuryStoreTests
{
    // The demo seeds and closes August 2024 (phala-v4: PHA with 12 decimals, substrate rail, pool 84,000 PHA).
    private static readonly DateTimeOffset Now = new(2024, 10, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly Period Aug = new(2024, 8);

    // The program treasury's address from seed 000: a valid Phala (prefix 30) SS58 address.
    private const string PhalaAddress = "41PLCEdup7XdUH4hsik4hyFoihDRYKfpN2K48jZH8ehL2tP2";

    private static ManualClock Clock() => new(Now) { AutoAdvance = false };

    private static ProposalInput Funded(int number, string pha) =>
        new(number, "Community bounty", TreasuryDemo.Proponent, new DateOnly(2024, 7, 1), pha, ProposalStatus.Funded);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Approve_BeyondTheFunding_IsRefusedWithTheFigures_AndNothingIsDrawn(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var clock = Clock();
        var store = new TreasuryStore(db.Factory(), clock);
        Assert.True((await store.SaveAsync(Funded(7, "50,000"), "admin")).IsSuccess);

        // The demo locks August, then its approval meets the proposal's 50,000 PHA.
        var seeding = await Assert.ThrowsAsync<InvalidOperationException>(() => new DemoProgram(db.Factory(), clock).SeedAsync(3, 1));
        Assert.Contains(TreasuryCodes.Overdrawn, seeding.Message, StringComparison.Ordinal);

        var workflow = new MonthCloseWorkflow(db.Factory(), clock);
        var preview = await workflow.PreviewAsync(Aug);
        Assert.Equal(MonthState.Locked, preview.State);
        var total = preview.Month!.TotalPaid;
        Assert.True(total > Token.Pha.Whole(50_000), $"the month pays {total}");
        Assert.True(preview.Funding!.WouldOverdraw);
        Assert.Contains(preview.Diagnostics, d => d.Code == TreasuryCodes.Overdrawn);

        var refused = await workflow.ApproveAsync(Aug, "admin", "   ");

        var error = Assert.Single(refused.Errors);
        Assert.Equal(TreasuryCodes.Overdrawn, error.Code);
        Assert.Contains($"needs {total}", error.Message, StringComparison.Ordinal);
        Assert.Contains("has 50,000 PHA left", error.Message, StringComparison.Ordinal);
        Assert.Contains($"short by {total - Token.Pha.Whole(50_000)}", error.Message, StringComparison.Ordinal);
        Assert.Empty((await store.LedgerAsync(7))!.Draws);
        Assert.Equal(MonthState.Locked, (await workflow.PreviewAsync(Aug)).State);
        await using var read = db.Context();
        Assert.Empty(await read.Payouts.ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Approve_OverriddenWithAReason_DrawsAndRecordsTheReasonOnTheDrawAndInTheAudit(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var clock = Clock();
        var store = new TreasuryStore(db.Factory(), clock);
        await store.SaveAsync(Funded(7, "50,000"), "admin");
        await Assert.ThrowsAsync<InvalidOperationException>(() => new DemoProgram(db.Factory(), clock).SeedAsync(3, 1));
        var workflow = new MonthCloseWorkflow(db.Factory(), clock);
        var total = (await workflow.PreviewAsync(Aug)).Month!.TotalPaid;

        var approved = await workflow.ApproveAsync(Aug, "alice-admin", "  Second proposal is voted; bridging until it is funded.  ");

        Assert.True(approved.IsSuccess, string.Join("; ", approved.Errors));
        Assert.Contains(approved.Diagnostics, d => d.Code == TreasuryCodes.OverdrawOverridden);
        var ledger = (await store.LedgerAsync(7))!;
        var draw = Assert.Single(ledger.Draws);
        Assert.Equal(("payout:2024-08", total), (draw.Request.Id, draw.Amount));
        Assert.Equal(("alice-admin", "Second proposal is voted; bridging until it is funded."), (draw.Override!.Actor, draw.Override.Reason));
        Assert.Equal(total - Token.Pha.Whole(50_000), ledger.Overdrawn);
        Assert.True(ledger.Remaining.IsZero);
        Assert.Contains(ledger.Proposal.Timeline, e => e.Kind == ProposalEventKind.Drawn && e.Text.Contains("overdraw allowed by alice-admin", StringComparison.Ordinal));
        await using var read = db.Context();
        var audit = await read.AuditLog.Where(a => a.Action == "treasury.overdrawn").ToListAsync();
        var entry = Assert.Single(audit);
        Assert.Equal(("alice-admin", "proposal:7"), (entry.Actor, entry.Subject));
        Assert.Contains("Second proposal is voted", entry.Details, StringComparison.Ordinal);
        Assert.Equal(MonthState.Approved, (await workflow.PreviewAsync(Aug)).State);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Approve_WithinTheFunding_DrawsTheMonthsTotalOnTheOldestProposalThatCoversIt(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var clock = Clock();
        var store = new TreasuryStore(db.Factory(), clock);
        await store.SaveAsync(Funded(5, "10") with { Date = new DateOnly(2024, 1, 1) }, "admin");
        await store.SaveAsync(Funded(6, "1,000,000"), "admin");
        await store.SaveAsync(Funded(9, "1,000,000") with { Date = new DateOnly(2024, 9, 1) }, "admin");

        await new DemoProgram(db.Factory(), clock).SeedAsync(3, 1);

        var month = await new PublicQueries(db.Factory(), clock).MonthAsync(Aug);
        var total = month!.Month.TotalPaid;
        Assert.Empty((await store.LedgerAsync(5))!.Draws);
        Assert.Empty((await store.LedgerAsync(9))!.Draws);
        var ledger = (await store.LedgerAsync(6))!;
        var draw = Assert.Single(ledger.Draws);
        Assert.Equal(("payout:2024-08", DrawKind.MonthPayout, Aug, total, (DrawOverride?)null), (draw.Request.Id, draw.Request.Kind, draw.Request.Month, draw.Amount, draw.Override));
        Assert.Equal(Token.Pha.Whole(1_000_000) - total, ledger.Remaining);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bounty_InDollars_ApprovedByAnother_DrawsOnItsProposalAtTheRecordedPrice(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var store = new TreasuryStore(db.Factory(), Clock());
        await store.SaveAsync(Funded(14, "100,000"), "admin");
        Assert.True((await store.RecordPriceAsync(Aug, "0.125", "CoinGecko monthly close", new DateOnly(2024, 8, 31), "admin")).IsSuccess);
        var created = await store.CreateBountyAsync(
            new BountyInput("Telegram bot for solo miners", "l00k", "discord=l00k#1990", PhalaAddress, "https://t.me/phala_stat_bot", "250", InUsd: true, Aug, new DateOnly(2024, 8, 20), 14),
            "admin");
        Assert.True(created.IsSuccess, string.Join("; ", created.Errors));
        var id = long.Parse(created.Value.Id, CultureInfo.InvariantCulture);

        var notYet = await store.DrawBountiesAsync(Aug, 14, "admin");
        var selfApproved = await store.ApproveBountyAsync(id, "l00k#1990");
        var approved = await store.ApproveBountyAsync(id, "root"); // another admin than the one who entered it (R10)
        var drawn = await store.DrawBountiesAsync(Aug, 14, "admin");
        var file = await store.BountyPayoutFileAsync(Aug);

        Assert.Equal(TreasuryStore.BountyNotReady, Assert.Single(notYet.Errors).Code);
        Assert.Equal(CommunityCodes.BountySelfApproved, Assert.Single(selfApproved.Errors).Code);
        Assert.True(approved.IsSuccess, string.Join("; ", approved.Errors));
        Assert.True(drawn.IsSuccess, string.Join("; ", drawn.Errors));

        // R10: 250 $ at 0.125 $/PHA is exactly 2,000 PHA, drawn on proposal #14 as "bounty:{id}".
        var ledger = (await store.LedgerAsync(14))!;
        var draw = Assert.Single(ledger.Draws);
        Assert.Equal(("bounty:" + created.Value.Id, DrawKind.Bounty, Token.Pha.Whole(2_000)), (draw.Request.Id, draw.Request.Kind, draw.Amount));
        Assert.Equal(Token.Pha.Whole(98_000), ledger.Remaining);
        Assert.Equal(TreasuryStore.BountyStates.Drawn, Assert.Single(await store.BountiesAsync()).Status);
        Assert.True(file.IsSuccess, string.Join("; ", file.Errors));
        var row = Assert.Single(file.Value.Rows);
        Assert.Equal((PhalaAddress, Token.Pha.Whole(2_000)), (row.Address, row.Amount));
        Assert.Contains("bounty:" + created.Value.Id, file.Value.ToCsv(), StringComparison.Ordinal);

        // Drawn once: nothing is left to draw.
        Assert.Equal(TreasuryStore.BountyNotReady, Assert.Single((await store.DrawBountiesAsync(Aug, 14, "admin")).Errors).Code);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bounty_Drawn_IsPaidOnThePolicysRail_TheSubstrateBatchCarriesItsAmount(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var store = new TreasuryStore(db.Factory(), Clock());
        await store.SaveAsync(Funded(14, "100,000"), "admin");
        var created = await store.CreateBountyAsync(
            new BountyInput("Staking guide", "Ann", string.Empty, PhalaAddress, "https://example.org/guide", "1,234.5", InUsd: false, Aug, new DateOnly(2024, 8, 20), 14), "admin");
        var notDrawn = await store.BountySubstratePayoutAsync(Aug);
        await store.ApproveBountyAsync(long.Parse(created.Value.Id, CultureInfo.InvariantCulture), "root");
        Assert.True((await store.DrawBountiesAsync(Aug, 14, "admin")).IsSuccess);

        var substrate = await store.BountySubstratePayoutAsync(Aug);
        var evm = await store.BountyEvmPayoutAsync(Aug);

        // R9/R10: phala-v4 pays on the Phala parachain, so the bounty goes into the same batch_all call data as a month.
        Assert.Equal(TreasuryStore.BountyNotReady, Assert.Single(notDrawn.Errors).Code);
        Assert.True(substrate.IsSuccess, string.Join("; ", substrate.Errors));
        var batch = Assert.Single(substrate.Value.Batches);
        var transfer = Assert.Single(batch.Transfers);
        Assert.Equal((PhalaAddress, Token.Pha.Units(1_234_500_000_000_000)), (transfer.Destination.Text, transfer.Amount));
        Assert.Matches("^0x[0-9a-f]{64}$", batch.CallHash);
        Assert.Equal(PayoutRails.NotEvm, Assert.Single(evm.Errors).Code);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BountyPayment_RecordedOnce_WithARailHash_MakesTheMonthsBountiesPaid(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var store = new TreasuryStore(db.Factory(), Clock());
        await store.SaveAsync(Funded(14, "100,000"), "admin");
        var created = await store.CreateBountyAsync(
            new BountyInput("Staking guide", "Ann", string.Empty, PhalaAddress, "https://example.org/guide", "100", InUsd: false, Aug, new DateOnly(2024, 8, 20), 14), "admin");
        await store.ApproveBountyAsync(long.Parse(created.Value.Id, CultureInfo.InvariantCulture), "root");
        var hash = "0x" + new string('c', 64);

        var beforeDraw = await store.RecordBountyPaymentAsync(Aug, hash, "treasurer");
        Assert.True((await store.DrawBountiesAsync(Aug, 14, "admin")).IsSuccess);
        var badHash = await store.RecordBountyPaymentAsync(Aug, "0x123", "treasurer");
        var paid = await store.RecordBountyPaymentAsync(Aug, "  " + hash + " ", "treasurer");
        var twice = await store.RecordBountyPaymentAsync(Aug, hash, "treasurer");

        Assert.Equal(TreasuryStore.BountyNotReady, Assert.Single(beforeDraw.Errors).Code);
        Assert.Equal(WorkflowCodes.TxHashInvalid, Assert.Single(badHash.Errors).Code);
        Assert.Equal(1, paid.Value);
        var error = Assert.Single(twice.Errors);
        Assert.Equal(TreasuryStore.BountyNotReady, error.Code);
        Assert.Contains("already paid", error.Message, StringComparison.Ordinal);
        var stored = Assert.Single(await store.BountiesAsync());
        Assert.Equal((TreasuryStore.BountyStates.Paid, hash), (stored.Status, stored.TxHash));
        Assert.Contains((await store.LedgerAsync(14))!.Proposal.Timeline, e => e.Text.Contains(hash, StringComparison.Ordinal));
        Assert.True((await store.BountyPayoutFileAsync(Aug)).IsSuccess); // the signed file stays available for the records
        await using var read = db.Context();
        Assert.Equal("treasurer", (await read.AuditLog.SingleAsync(a => a.Action == "bounties.paid")).Actor);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bounty_BeyondTheProposal_IsRefusedUnlessAnAdminGivesAReason(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var store = new TreasuryStore(db.Factory(), Clock());
        await store.SaveAsync(Funded(3, "1,000"), "admin");
        var created = await store.CreateBountyAsync(
            new BountyInput("Mining guide video", "Ann", null, PhalaAddress, "https://example.org/video", "1,500", InUsd: false, Aug, new DateOnly(2024, 8, 3), 3), "admin");
        await store.ApproveBountyAsync(long.Parse(created.Value.Id, CultureInfo.InvariantCulture), "root");

        var refused = await store.DrawBountiesAsync(Aug, 3, "admin");
        Assert.Equal(TreasuryCodes.Overdrawn, Assert.Single(refused.Errors).Code);
        Assert.Empty((await store.LedgerAsync(3))!.Draws);

        var allowed = await store.DrawBountiesAsync(Aug, 3, "admin", "Approved by the council on the forum.");
        Assert.True(allowed.IsSuccess, string.Join("; ", allowed.Errors));
        var draw = Assert.Single((await store.LedgerAsync(3))!.Draws);
        Assert.Equal("Approved by the council on the forum.", draw.Override!.Reason);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportPrices_BadLines_AreNamedByLineAndNothingIsStored_GoodFileStoresEveryMonth(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var store = new TreasuryStore(db.Factory(), Clock());
        const string Bad = "period,price,source,date\n2024-07,0.14,CoinGecko,2024-07-31\n2024-13,0.1,CoinGecko,2024-08-31\n2024-09,abc,CoinGecko,2024-09-30\n";
        const string Good = "period,price,source,date\n2024-07,0.14,CoinGecko,2024-07-31\n2024-08,0.1234,CoinGecko,2024-08-31\n";

        var bad = await store.ImportPricesAsync(Bad, "admin", "prices.csv");

        Assert.False(bad.IsSuccess);
        Assert.Equal([3, 4], bad.Errors.Select(e => e.Position!.Value.Line).Order());
        Assert.All(bad.Errors, e => Assert.Equal("prices.csv", e.Position!.Value.Source));
        Assert.Empty(await store.PricesAsync(Token.Pha));

        var good = await store.ImportPricesAsync(Good, "admin", "prices.csv");
        var replaced = await store.RecordPriceAsync(Aug, "0.13", "Kraken close", new DateOnly(2024, 9, 1), "bob");

        Assert.True(good.IsSuccess);
        Assert.True(replaced.IsSuccess);
        Assert.Equal(
            ["2024-08 0.13 Kraken close 2024-09-01", "2024-07 0.14 CoinGecko 2024-07-31"],
            (await store.PricesAsync(Token.Pha)).Select(p => $"{p.Period} {p.Price.Format()} {p.Source} {p.Date:yyyy-MM-dd}"));
        await using var read = db.Context();
        var audit = await read.AuditLog.Where(a => a.Action == "price.recorded" || a.Action == "prices.imported").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["admin price.recorded", "admin price.recorded", "admin prices.imported", "bob price.recorded"], audit.Select(a => a.Actor + " " + a.Action));
        Assert.Contains("replaces 0.1234 from CoinGecko", audit[^1].Details, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Proposal14_StoredWithMilestones_ReportedMilestoneAndCountsShowOnThePage(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var store = new TreasuryStore(db.Factory(), Clock());
        Assert.True((await store.AddAsync(TreasuryDemo.Proposal14(), "admin")).IsSuccess);
        Assert.False((await store.AddAsync(TreasuryDemo.Proposal14(), "admin")).IsSuccess);
        foreach (var c in TreasuryDemo.ReportedCounts(new DateOnly(2024, 9, 30)))
        {
            Assert.True((await store.RecordChannelCountAsync(c, "admin")).IsSuccess);
        }

        var edited = await store.SaveMilestoneAsync(14, new MilestoneInput(2, "Growth to 50,000 community users", "20,000", TargetMetric.CommunityUsers, 50_000, MilestoneStatus.Completed, "Done."), "admin");
        var page = await store.PageAsync();

        Assert.True(edited.IsSuccess, string.Join("; ", edited.Errors));
        var view = Assert.Single(page.Views);
        Assert.Equal(TreasuryDemo.Proposal14().Milestones.Select(m => (m.Number, m.Title, m.Cost)), view.Proposal.Milestones.Select(m => (m.Number, m.Title, m.Cost)));
        Assert.Equal((MilestoneStatus.Completed, "Done."), (view.Proposal.Milestones[1].Status, view.Proposal.Milestones[1].ReportText));
        Assert.Equal(3, view.Proposal.Timeline.Count); // the seed's timeline (its eight steps, then the award) and the completion
        Assert.Equal(ProposalEventKind.MilestoneCompleted, view.Proposal.Timeline[^1].Kind);
        Assert.Equal(Token.Pha.Whole(100_000), view.Remaining);
        var users = view.Targets.Single(t => t.Target.Metric == TargetMetric.CommunityUsers);
        Assert.Equal((45_500L, false), (users.Current, users.Met));
    }
}

/// <summary>The public treasury page's read model from stored records (issue #13).</summary>
public class TreasuryPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Page_RunwayEndsAtTheLastClosedMonth_AndEachMonthPaymentLinksToItsChainsExplorer(string provider)
    {
        // October 2024: the demo closes, approves and pays August (phala-v4, the Phala parachain); September stays open.
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var clock = new ManualClock(new DateTimeOffset(2024, 10, 15, 12, 0, 0, TimeSpan.Zero)) { AutoAdvance = false };
        await new DemoProgram(db.Factory(), clock).SeedAsync(5, 1, flagged: false);

        var page = await new TreasuryStore(db.Factory(), clock).PageAsync();

        Assert.Equal(new Period(2024, 8), page.LastClosed);
        var drawnOn = Assert.Single(page.Views, v => v.Draws.Any(d => d.Request.Id == "payout:2024-08"));
        Assert.Equal(new Period(2024, 8), drawnOn.Runway.LastClosed);
        await using var read = db.Context();
        var hash = (await read.PayoutTransactions.SingleAsync()).TxHash;
        var paid = Assert.Single(drawnOn.Timeline, e => e.Kind == TreasuryEventKind.Payment);
        Assert.Equal(("2024-08 payout paid", hash, "https://phala.subscan.io/extrinsic/" + hash), (paid.Text, paid.TxHash, paid.Explorer?.ToString()));
        Assert.Contains(drawnOn.Timeline, e => e.Kind == TreasuryEventKind.Draw && e.Text.Contains("payout:2024-08", StringComparison.Ordinal));
        Assert.All(page.Views, v => Assert.Equal(v.IsOverdrawn ? "overdrawn" : TreasuryRecords.Code(v.Proposal.Status), v.Standing));
    }
}

/// <summary>The demo program's treasury (issue #6, item 7).</summary>
public class DemoTreasuryTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seed_CarriesTheRealFundingHistory_AndDrawsEachMonthOnTheProposalInForce(string provider)
    {
        // November 2026: the demo closes August and September (October stays open) under phala-v5-erc20 (PHA as an
        // 18-decimal ERC-20), drawn on the program's real funding records in parachain PHA (12 decimals).
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero)) { AutoAdvance = false };
        await new DemoProgram(db.Factory(), clock).SeedAsync(24, 2);
        var store = new TreasuryStore(db.Factory(), clock);

        var ledgers = new List<FundingLedger>();
        foreach (var number in new[] { 4, 14, 51, 102 })
        {
            ledgers.Add((await store.LedgerAsync(number))!);
        }

        var months = (await new PublicQueries(db.Factory(), clock).MonthsAsync()).OrderBy(m => m.Period).ToList();
        var history = TreasuryDemo.FundingHistory();
        Assert.Equal(history.Select(p => (p.Number, p.Title, p.Date, p.Requested)), ledgers.Select(l => (l.Proposal.Number, l.Proposal.Title, l.Proposal.Date, l.Proposal.Requested)));
        Assert.Equal(TreasuryDemo.Proposal14().Milestones, ledgers[1].Proposal.Milestones);
        Assert.Equal(["2026-08", "2026-09"], months.Select(m => m.Period.ToString()));

        // R10: each month is drawn once, without an override, on the oldest record with funds left that covers it.
        var draws = ledgers.SelectMany(l => l.Draws.Select(d => (l.Proposal.Number, Draw: d))).ToList();
        Assert.All(draws, d => Assert.Null(d.Draw.Override));
        Assert.Equal("bounty:1", Assert.Single(ledgers[1].Draws, d => d.Request.Id.StartsWith("bounty:", StringComparison.Ordinal)).Request.Id);
        var remaining = history.ToDictionary(p => p.Number, p => p.Requested.Units);
        remaining[14] -= ledgers[1].Draws.Single(d => d.Request.Id == "bounty:1").Amount.Units;
        foreach (var m in months)
        {
            // 18-decimal totals drawn in 12-decimal PHA, rounded up to the planck.
            var needed = (m.Month.TotalPaid.Units + 999_999) / 1_000_000;
            var inForce = history.Select(p => p.Number).First(n => remaining[n] >= needed);
            var drawn = Assert.Single(draws, d => d.Draw.Request.Id == "payout:" + m.Period);
            Assert.Equal((inForce, needed), (drawn.Number, drawn.Draw.Amount.Units));
            remaining[inForce] -= needed;

            // R4: 24 members shown, all active; 20 is the baseline, so the pool is the October 2025 base of 45,000 PHA.
            Assert.Equal(24, m.Month.ActiveMembers);
            Assert.Equal(new Token("PHA", 18).Whole(45_000).Units, m.Month.Pool.Units);
        }

        Assert.Equal(["2026-10", "2026-09", "2026-08"], (await store.PricesAsync(Token.Pha)).Select(p => p.Period.ToString()));
        Assert.Equal(["discord 5500", "telegram 40000"], (await store.ChannelCountsAsync()).Select(c => c.Channel + " " + c.Members.ToString(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal));
        Assert.Equal(4, (await store.PageAsync()).Views.Count);
    }
}
