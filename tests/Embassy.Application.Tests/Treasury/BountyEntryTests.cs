using System.Globalization;
using Embassy.Data.Tests;
using Embassy.Domain;
using Embassy.Domain.Community;
using Embassy.Domain.Treasury;
using Embassy.GitHubStandIn;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application.Tests.Treasury;

/// <summary>
/// #13, bounties done properly (R9, R10): the address is checked on entry for the month's rail, the approver is never
/// the admin who entered or changed it nor its recipient, and a bounty can be changed or cancelled before the draw,
/// each audited.
/// </summary>
public class BountyEntryTests
{
    private static readonly Period Aug = new(2024, 8); // phala-v4: substrate rail, SS58 prefix 30
    private const string PhalaAddress = "41PLCEdup7XdUH4hsik4hyFoihDRYKfpN2K48jZH8ehL2tP2";
    private const string PolkadotAddress = "15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5"; // prefix 0: another network

    private static BountyInput Input(string address, string amount = "100") =>
        new("Staking guide", "Ann", "discord=ann", address, "https://example.org/guide", amount, InUsd: false, Aug, new DateOnly(2024, 8, 20), 14);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_AddressNotOfTheMonthsRail_IsRefusedOnEntry_NothingStored(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var store = new TreasuryStore(db.Factory(), new ManualClock(new DateTimeOffset(2024, 10, 15, 12, 0, 0, TimeSpan.Zero)));
        await store.SaveAsync(new ProposalInput(14, "Community bounty", TreasuryDemo.Proponent, new DateOnly(2024, 7, 1), "100,000", ProposalStatus.Funded), "ada");

        var evm = await store.CreateBountyAsync(Input("0x6c5bA91642F10282b576d91922Ae6448C9d52f4E"), "ada");
        var otherNetwork = await store.CreateBountyAsync(Input(PolkadotAddress), "ada");
        var typo = await store.CreateBountyAsync(Input(PhalaAddress[..^1] + "x"), "ada");

        foreach (var refused in new[] { evm, otherNetwork, typo })
        {
            Assert.False(refused.IsSuccess);
            Assert.Contains(refused.Errors, e => e.Code == TreasuryStore.BountyAddressInvalid && e.Message.Contains("substrate", StringComparison.Ordinal));
        }

        Assert.Empty(await store.BountiesAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Approve_NeverByItsAuthorOrEditor_EditAndCancelBeforeTheDraw_Audited(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var store = new TreasuryStore(db.Factory(), new ManualClock(new DateTimeOffset(2024, 10, 15, 12, 0, 0, TimeSpan.Zero)));
        await store.SaveAsync(new ProposalInput(14, "Community bounty", TreasuryDemo.Proponent, new DateOnly(2024, 7, 1), "100,000", ProposalStatus.Funded), "ada");
        var created = await store.CreateBountyAsync(Input(PhalaAddress), "ada");
        Assert.True(created.IsSuccess, string.Join("; ", created.Errors));
        var id = long.Parse(created.Value.Id, CultureInfo.InvariantCulture);

        // The admin who entered it cannot approve it (the five-bounties-by-one-admin hole), nor can its recipient.
        var byAuthor = await store.ApproveBountyAsync(id, "ada");
        var byRecipient = await store.ApproveBountyAsync(id, "ann");
        Assert.Equal(TreasuryStore.BountyApproverIsAuthor, Assert.Single(byAuthor.Errors).Code);
        Assert.Contains(byRecipient.Errors, e => e.Code == CommunityCodes.BountySelfApproved);
        Assert.True((await store.ApproveBountyAsync(id, "bea")).IsSuccess);

        // A typo in the amount, found after approval: changed by cy, proposed again; cy cannot approve their own change.
        var edited = await store.EditBountyAsync(id, Input(PhalaAddress, "150"), "cy");
        Assert.True(edited.IsSuccess, string.Join("; ", edited.Errors));
        var afterEdit = Assert.Single(await store.BountiesAsync());
        Assert.Equal((TreasuryStore.BountyStates.Proposed, Token.Pha.Whole(150)), (afterEdit.Status, afterEdit.Award.Amount.Tokens));
        Assert.Equal(TreasuryStore.BountyApproverIsAuthor, Assert.Single((await store.ApproveBountyAsync(id, "cy")).Errors).Code);
        var badEdit = await store.EditBountyAsync(id, Input(PolkadotAddress), "cy");
        Assert.Contains(badEdit.Errors, e => e.Code == TreasuryStore.BountyAddressInvalid);
        Assert.Equal(Token.Pha.Whole(150), Assert.Single(await store.BountiesAsync()).Award.Amount.Tokens); // the bad edit lost nothing

        // Cancelled with a reason: never drawn; neither changed nor cancelled again.
        Assert.Equal(TreasuryStore.BountyReasonMissing, Assert.Single((await store.CancelBountyAsync(id, "  ", "bea")).Errors).Code);
        Assert.True((await store.CancelBountyAsync(id, "paid from another grant", "bea")).IsSuccess);
        Assert.Equal(TreasuryStore.BountyStates.Cancelled, Assert.Single(await store.BountiesAsync()).Status);
        Assert.Equal(TreasuryStore.BountyNotReady, Assert.Single((await store.EditBountyAsync(id, Input(PhalaAddress), "cy")).Errors).Code);
        Assert.Equal(TreasuryStore.BountyNotReady, Assert.Single((await store.CancelBountyAsync(id, "again", "bea")).Errors).Code);
        Assert.False((await store.DrawBountiesAsync(Aug, 14, "bea")).IsSuccess);

        await using var read = db.Context();
        var audit = await read.AuditLog.Where(a => a.Subject == "bounty:" + id).OrderBy(a => a.Id).Select(a => new { a.Action, a.Actor, a.Details }).ToListAsync();
        Assert.Equal(["bounty.created", "bounty.approved", "bounty.edited", "bounty.cancelled"], audit.Select(a => a.Action));
        Assert.Contains("was Staking guide: 100 PHA", audit[2].Details, StringComparison.Ordinal);
        Assert.Contains("now Staking guide: 150 PHA", audit[2].Details, StringComparison.Ordinal);
        Assert.Equal(("bea", true), (audit[3].Actor, audit[3].Details!.Contains("paid from another grant", StringComparison.Ordinal)));
    }
}
