using System.Text.Json;
using Embassy.Chain;
using Embassy.Domain;
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
}
