using Embassy.Domain.Rules;

namespace Embassy.Domain.Tests.Rules;

/// <summary>#13: an unproven change of payout address waits the policy's cooling period; first and proven addresses do not.</summary>
public class AddressHoldTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private static AddressEntry Entry(string address, int day, string by = "ada", bool proven = false) => new(address, Day0.AddDays(day), by, proven);

    [Fact]
    public void HeldUntil_UnprovenChange_InsideCooling_HeldUntilItsEnd()
    {
        var provenance = AddressHold.Current([Entry("0xA", 0), Entry("0xB", 10, "mallory")])!;

        var until = AddressHold.HeldUntil(provenance, Day0.AddDays(12), coolingDays: 7);

        Assert.Equal(Day0.AddDays(17), until);
        Assert.Equal(("0xB", "0xA", "mallory", true, false), (provenance.Address, provenance.Previous, provenance.By, provenance.IsChange, provenance.Proven));
    }

    [Fact]
    public void HeldUntil_UnprovenChange_CoolingOver_Paid()
    {
        var provenance = AddressHold.Current([Entry("0xA", 0), Entry("0xB", 10)])!;

        Assert.Null(AddressHold.HeldUntil(provenance, Day0.AddDays(17), coolingDays: 7));
    }

    [Fact]
    public void HeldUntil_ProvenChange_PaidAtOnce()
    {
        var provenance = AddressHold.Current([Entry("0xA", 0), Entry("0xB", 10, "alice", proven: true)])!;

        Assert.Null(AddressHold.HeldUntil(provenance, Day0.AddDays(10), coolingDays: 7));
    }

    [Fact]
    public void HeldUntil_FirstAddress_NotAChange_Paid()
    {
        var provenance = AddressHold.Current([Entry("0xA", 10)])!;

        Assert.False(provenance.IsChange);
        Assert.Null(AddressHold.HeldUntil(provenance, Day0.AddDays(10), coolingDays: 7));
    }

    [Fact]
    public void Current_SameAddressRecordedAgain_KeepsWhenItFirstBecameCurrent_AndItsProof()
    {
        // Proven on day 2, then an admin typed the same address (other case) on day 20: still proven, still since day 2.
        var provenance = AddressHold.Current([Entry("0xA", 0), Entry("0xbb", 2, "alice", proven: true), Entry("0xBB", 20)])!;

        Assert.Equal((Day0.AddDays(2), "alice", true, "0xA"), (provenance.Since, provenance.By, provenance.Proven, provenance.Previous));
        Assert.Null(AddressHold.HeldUntil(provenance, Day0.AddDays(20), coolingDays: 7));
    }

    [Fact]
    public void HeldUntil_CoolingOff_NeverHeld()
    {
        var provenance = AddressHold.Current([Entry("0xA", 0), Entry("0xB", 10)])!;

        Assert.Null(AddressHold.HeldUntil(provenance, Day0.AddDays(10), coolingDays: 0));
    }

    [Fact]
    public void Current_NoAddress_Null() => Assert.Null(AddressHold.Current([]));
}
