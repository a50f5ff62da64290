using System.Globalization;
using System.Text.Json;
using Embassy.Chain;
using Embassy.Data.Tests;
using Embassy.Domain;
using Embassy.Domain.Treasury;
using Embassy.GitHubStandIn;
using Embassy.Policies;

namespace Embassy.Application.Tests;

/// <summary>#13: what the signers check first, and the Safe the batch file names.</summary>
public class SigningSummaryTests
{
    private static readonly Token Erc20 = new("PHA", 18);

    private static string Address(int n)
    {
        var bytes = new byte[20];
        bytes[0] = 0x3c;
        bytes[19] = (byte)n;
        return EvmAddress.ToChecksum(bytes);
    }

    private static ManualPayout Sheet(params (string Member, int Address, ulong Tokens)[] rows) =>
        ManualPayout.Build([.. rows.Select(r => new PayoutLine(r.Member, Address(r.Address), Erc20.Whole(r.Tokens)))], Erc20).Value;

    [Fact]
    public void Diff_NewRecipient_ChangedAddress_UnusualAmount_EachNamed_SteadyLinesLeftOut()
    {
        var last = Sheet(("alice", 1, 100), ("bob", 2, 100), ("carol", 3, 100), ("dave", 4, 100));
        var now = Sheet(("alice", 1, 120), ("bob", 9, 100), ("carol", 3, 201), ("dave", 4, 49), ("erin", 5, 10));

        var changes = SigningSummary.Diff(now, last);

        Assert.Equal(
            [(SigningSummary.AddressChanged, "bob"), (SigningSummary.AmountUnusual, "carol"), (SigningSummary.AmountUnusual, "dave"), (SigningSummary.NewRecipient, "erin")],
            changes.Select(c => (c.Kind, c.Member)));
        var bob = changes.Single(c => c.Member == "bob");
        Assert.Equal((Address(9), Address(2)), (bob.Address, bob.Previous));
    }

    [Fact]
    public void Diff_ChangedAddress_SaysWhenAndWhoAndWhetherProven_HeldPayoutListed()
    {
        var last = Sheet(("alice", 1, 100), ("bob", 2, 100));
        var now = Sheet(("bob", 8, 100));
        var at = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);
        var provenance = new Dictionary<string, Embassy.Domain.Rules.AddressProvenance>(StringComparer.Ordinal)
        {
            ["alice"] = new(Address(9), at, "ada", Proven: false, IsChange: true, Previous: Address(1)),
            ["bob"] = new(Address(8), at.AddHours(1), "bob", Proven: true, IsChange: true, Previous: Address(2)),
        };
        HeldPayout[] held = [new("alice", Address(9), Erc20.Whole(100), "Held: unproven change.")];

        var changes = SigningSummary.Diff(now, last, null, provenance, held);

        Assert.Equal([(SigningSummary.PayoutHeld, "alice"), (SigningSummary.AddressChanged, "bob")], changes.Select(c => (c.Kind, c.Member)));
        var alice = changes[0];
        Assert.Equal((Address(9), Address(1), at, "ada", (bool?)false, "Held: unproven change."), (alice.Address, alice.Previous, alice.ChangedAt, alice.ChangedBy, alice.Proven, alice.Note));
        var bob = changes[1];
        Assert.Equal((at.AddHours(1), "bob", (bool?)true), (bob.ChangedAt, bob.ChangedBy, bob.Proven));
        Assert.Contains("proven by the member's signature", bob.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_UnusualAmount_AgainstTheMedianOfEarlierMonths_NotJustTheLast()
    {
        // Carol's last month was an outlier (300); her usual is 100, so 120 is not unusual and 250 is.
        ManualPayout[] earlier = [Sheet(("carol", 3, 300), ("dan", 4, 300)), Sheet(("carol", 3, 100), ("dan", 4, 100)), Sheet(("carol", 3, 100), ("dan", 4, 100))];
        var now = Sheet(("carol", 3, 120), ("dan", 4, 250));

        var changes = SigningSummary.Diff(now, earlier[0], earlier, null, null);

        var unusual = Assert.Single(changes);
        Assert.Equal((SigningSummary.AmountUnusual, "dan"), (unusual.Kind, unusual.Member));
        Assert.Equal(Erc20.Whole(100).ToString(), unusual.Previous);
    }

    [Fact]
    public void Diff_NothingPaidBefore_OnlyHeldPayoutsListed()
    {
        var now = Sheet(("bob", 8, 100));

        var changes = SigningSummary.Diff(now, null, null, null, [new HeldPayout("alice", Address(9), Erc20.Whole(5), "Held.")]);

        Assert.Equal((SigningSummary.PayoutHeld, "alice"), (Assert.Single(changes).Kind, changes[0].Member));
    }

    [Fact]
    public void EvmPayout_PolicyNamesItsSafe_BatchFileCarriesItAsCreatedFromSafeAddress()
    {
        var shipped = PolicyCatalog.Shipped.Get("phala-v5-erc20").Value;
        var policy = shipped with { Payout = shipped.Payout with { Safe = Address(200).ToLowerInvariant() } };

        var withSafe = PayoutRails.Evm(policy, Erc20, [new PayoutLine("alice", Address(1), Erc20.Whole(5))], "2025-11").Value;
        var without = PayoutRails.Evm(shipped, Erc20, [new PayoutLine("alice", Address(1), Erc20.Whole(5))], "2025-11").Value;

        using var file = JsonDocument.Parse(withSafe.ToSafeBatchJson(0, DateTimeOffset.UnixEpoch, "x"));
        using var plain = JsonDocument.Parse(without.ToSafeBatchJson(0, DateTimeOffset.UnixEpoch, "x"));
        Assert.Equal(Address(200), file.RootElement.GetProperty("meta").GetProperty("createdFromSafeAddress").GetString());
        Assert.Equal(string.Empty, plain.RootElement.GetProperty("meta").GetProperty("createdFromSafeAddress").GetString());
        // The checksum covers the Safe address too: the two files differ in it.
        Assert.NotEqual(file.RootElement.GetProperty("meta").GetProperty("checksum").GetString(), plain.RootElement.GetProperty("meta").GetProperty("checksum").GetString());
    }

    // Two bounty months under phala-v4 (PHA, 12 decimals, the Phala parachain's prefix 30).
    private static readonly Period Aug = new(2024, 8);
    private static readonly Period Sep = new(2024, 9);

    private static string Phala(byte n) => Ss58Address.Encode(Enumerable.Repeat(n, 32).ToArray(), 30);

    private static async Task<long> BountyAsync(TreasuryStore store, string recipient, byte address, string amount, Period month)
    {
        var created = await store.CreateBountyAsync(
            new BountyInput("Guide", recipient, string.Empty, Phala(address), "https://example.org/guide", amount, InUsd: false, month, new DateOnly(month.Year, month.Month, 20), 14), "admin");
        Assert.True(created.IsSuccess, string.Join("; ", created.Errors));
        return long.Parse(created.Value.Id, CultureInfo.InvariantCulture);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bounties_SecondDraw_ComparedWithTheFirstPaid_NewRecipientChangedAddressWithWhoAndWhen_UnusualAmount(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var clock = new ManualClock(new DateTimeOffset(2024, 10, 1, 9, 0, 0, TimeSpan.Zero)) { AutoAdvance = false };
        var store = new TreasuryStore(db.Factory(), clock);
        await store.SaveAsync(new ProposalInput(14, "Community bounty", TreasuryDemo.Proponent, new DateOnly(2024, 7, 1), "100,000", ProposalStatus.Funded), "admin");

        // The first draw: Ann and Bob, paid.
        foreach (var id in new[] { await BountyAsync(store, "Ann", 1, "100", Aug), await BountyAsync(store, "Bob", 2, "100", Aug) })
        {
            Assert.True((await store.ApproveBountyAsync(id, "root")).IsSuccess);
        }

        Assert.True((await store.DrawBountiesAsync(Aug, 14, "admin")).IsSuccess);
        var first = (await SigningSummary.ForBountiesAsync(store, Aug)).Value;
        Assert.True((await store.RecordBountyPaymentAsync(Aug, "0x" + new string('c', 64), "treasurer")).IsSuccess);

        // The second: Ann to another address (entered with her old one, then edited by "eve" a day later), Bob at ten
        // times his usual, and Cleo for the first time.
        var ann = await BountyAsync(store, "Ann", 1, "100", Sep);
        clock.Advance(TimeSpan.FromDays(1));
        var edited = await store.EditBountyAsync(ann, new BountyInput("Guide", "Ann", string.Empty, Phala(9), "https://example.org/guide", "100", InUsd: false, Sep, new DateOnly(2024, 9, 20), 14), "eve");
        Assert.True(edited.IsSuccess, string.Join("; ", edited.Errors));
        foreach (var id in new[] { ann, await BountyAsync(store, "Bob", 2, "1,000", Sep), await BountyAsync(store, "Cleo", 3, "50", Sep) })
        {
            Assert.True((await store.ApproveBountyAsync(id, "root")).IsSuccess);
        }

        Assert.True((await store.DrawBountiesAsync(Sep, 14, "admin")).IsSuccess);
        var second = await SigningSummary.ForBountiesAsync(store, Sep);

        // Nothing paid before the first draw: every recipient is new, nothing compared with.
        Assert.Null(first.ComparedWith);
        Assert.Equal([(SigningSummary.NewRecipient, "Ann"), (SigningSummary.NewRecipient, "Bob")], first.Changes.Select(c => (c.Kind, c.Member)));
        Assert.True(second.IsSuccess, string.Join("; ", second.Errors));
        var s = second.Value;
        Assert.Equal((Aug, "the bounties paid in 2024-08"), (s.ComparedWith, s.Comparison));
        Assert.Equal(
            [(SigningSummary.AddressChanged, "Ann"), (SigningSummary.AmountUnusual, "Bob"), (SigningSummary.NewRecipient, "Cleo")],
            s.Changes.Select(c => (c.Kind, c.Member)));
        var moved = s.Changes[0];
        Assert.Equal((Phala(9), Phala(1), "eve", clock.GetUtcNow(), (bool?)false), (moved.Address, moved.Previous, moved.ChangedBy, moved.ChangedAt, moved.Proven));
        Assert.Equal((Phala(2), Token.Pha.Whole(100).ToString()), (s.Changes[1].Address, s.Changes[1].Previous));
        var cleo = s.Changes[2];
        Assert.Equal((Phala(3), "admin"), (cleo.Address, cleo.ChangedBy));
        Assert.StartsWith("Cleo was not paid in any bounty paid in 2024-08.", cleo.Note, StringComparison.Ordinal);
    }
}
