using Embassy.Data.Entities;
using Embassy.Data.Tests;

namespace Embassy.Application.Tests;

/// <summary>
/// The registry as the month close reads it (narrow columns, issue #10) says what the whole-row roster says: the same
/// engine id, rank on the day (R2), first day and current payout address.
/// </summary>
public class MemberRosterTests
{
    private static readonly DateOnly August = new(2024, 8, 1);
    private static readonly DateTimeOffset At = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RankAt_TakesTheLatestEventByTheDay_TheLaterRecordedOfOneDay_OrTheFirstForAMemberWhoJoinedLater()
    {
        (DateOnly, long, string)[] events = [(new(2024, 9, 1), 3, "senior"), (new(2024, 3, 1), 1, "ambassador"), (new(2024, 3, 1), 2, "candidate")];

        Assert.Equal("candidate", MemberRoster.RankAt(events, August)); // two on 2024-03-01: the later recorded (id 2)
        Assert.Equal("senior", MemberRoster.RankAt(events, new DateOnly(2024, 9, 1)));
        Assert.Equal("ambassador", MemberRoster.RankAt(events, new DateOnly(2024, 1, 1))); // before any: the first rank
        Assert.Null(MemberRoster.RankAt([], August));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ForClose_AgreesWithTheWholeRoster_OnEveryMember(string provider)
    {
        await using var test = await TestDatabase.CreateMigratedAsync(provider);
        await using (var db = test.Context())
        {
            var alice = new Member { DisplayName = "Alice", Region = "Poland", CreatedAt = At };
            alice.Handles.Add(new MemberHandle { Kind = MemberHandle.GitHub, Value = "Alice", NormalizedValue = "alice" });
            alice.RankEvents.Add(new RankEvent { Rank = "ambassador", EffectiveFrom = new DateOnly(2024, 2, 1), Actor = "t", Reason = "t", RecordedAt = At });
            alice.RankEvents.Add(new RankEvent { Rank = "senior", EffectiveFrom = new DateOnly(2024, 7, 1), Actor = "t", Reason = "t", RecordedAt = At });
            alice.PayoutAddresses.Add(new PayoutAddress { Rail = "evm", Address = "0x0000000000000000000000000000000000000001", ValidFrom = new DateOnly(2024, 1, 1), RecordedAt = At });
            alice.PayoutAddresses.Add(new PayoutAddress { Rail = "evm", Address = "0x0000000000000000000000000000000000000002", ValidFrom = new DateOnly(2024, 6, 1), RecordedAt = At });
            alice.PayoutAddresses.Add(new PayoutAddress { Rail = "substrate", Address = "5Grw", ValidFrom = new DateOnly(2024, 7, 1), RecordedAt = At });
            var bob = new Member { DisplayName = "Bob", CreatedAt = At }; // no handle, joins after the month's first day
            bob.RankEvents.Add(new RankEvent { Rank = "candidate", EffectiveFrom = new DateOnly(2024, 8, 20), Actor = "t", Reason = "t", RecordedAt = At });
            var carol = new Member { DisplayName = "Carol", CreatedAt = At }; // no rank events at all
            carol.Handles.Add(new MemberHandle { Kind = "discord", Value = "carol#1", NormalizedValue = "carol#1" });
            db.Members.AddRange(alice, bob, carol);
            await db.SaveChangesAsync();
        }

        await using var read = test.Context();
        var whole = await MemberRoster.LoadAsync(read);
        var narrow = await MemberRoster.ForCloseAsync(read, August, "evm");

        Assert.Equal(3, narrow.Count);
        Assert.Equal(
            whole.Select(m => (m.Member.Id, m.EngineId, m.Member.DisplayName, m.Member.Region, m.RankAt(August), m.Joined, m.AddressOn("evm"))),
            narrow.Select(m => (m.Id, m.EngineId, m.DisplayName, m.Region, m.Rank, m.Joined, m.Address)));
        Assert.Equal(("alice", "senior", "0x0000000000000000000000000000000000000002"), (narrow[0].EngineId, narrow[0].Rank, narrow[0].Address));
        Assert.Equal(("candidate", (DateOnly?)new DateOnly(2024, 8, 20)), (narrow[1].Rank, narrow[1].Joined));
        Assert.StartsWith("member-", narrow[2].EngineId, StringComparison.Ordinal);
        Assert.Null(narrow[2].Rank);
    }
}
