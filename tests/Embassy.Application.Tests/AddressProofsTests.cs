using Embassy.Chain;
using Embassy.Data.Tests;
using Embassy.Domain;
using Embassy.GitHubStandIn;
using Microsoft.EntityFrameworkCore;
using Nethereum.Signer;

namespace Embassy.Application.Tests;

/// <summary>#13: a member proves a payout address by signing a challenge, on every configured database. Keys are made per run.</summary>
public class AddressProofsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static async Task<(TestDatabase Db, ManualClock Clock, AddressProofs Proofs, long Member)> SetUpAsync(string provider)
    {
        var db = await TestDatabase.CreateMigratedAsync(provider);
        var clock = new ManualClock(Now) { AutoAdvance = false };
        var admin = new MemberAdmin(db.Factory(), clock);
        var created = await admin.CreateAsync(new NewMember("Alice", "alice", "candidate", Address: EvmAddress.ToChecksum(new byte[20] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 })), "ada");
        Assert.True(created.IsSuccess, string.Join("; ", created.Diagnostics));
        return (db, clock, new AddressProofs(db.Factory(), clock, admin), created.Value);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Prove_SignedChallenge_RecordsTheAddressProven_OnceOnly(string provider)
    {
        var (db, _, proofs, member) = await SetUpAsync(provider);
        await using var _db = db;
        var key = EthECKey.GenerateKey();
        var address = EvmAddress.Parse(key.GetPublicAddress()).Value;

        var challenge = await proofs.ChallengeAsync("Alice", address.Text);
        var signature = new EthereumMessageSigner().EncodeUTF8AndSign(challenge.Value.Message, key);
        var proven = await proofs.ProveAsync("alice", challenge.Value.Nonce, signature);
        var again = await proofs.ProveAsync("alice", challenge.Value.Nonce, signature);

        Assert.True(proven.IsSuccess, string.Join("; ", proven.Diagnostics));
        Assert.Contains("Program: phala\n", challenge.Value.Message, StringComparison.Ordinal);
        Assert.Equal(AddressProofs.ChallengeInvalid, again.Errors.Single().Code);
        await using var ctx = db.Context();
        var rows = await ctx.PayoutAddresses.Where(a => a.MemberId == member).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, rows.Count);
        Assert.Equal(("ada", null), (rows[0].RecordedBy, rows[0].ProvenAt));
        Assert.Equal((address.Text, "alice", (DateTimeOffset?)Now), (rows[1].Address, rows[1].RecordedBy, rows[1].ProvenAt));
        Assert.Equal(signature.ToLowerInvariant(), rows[1].Proof);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Prove_ExpiredOrOtherMembersChallenge_Refused_NothingRecorded(string provider)
    {
        var (db, clock, proofs, member) = await SetUpAsync(provider);
        await using var _db = db;
        await new MemberAdmin(db.Factory(), clock).CreateAsync(new NewMember("Bob", "bob", "candidate"), "ada");
        var key = EthECKey.GenerateKey();
        var challenge = await proofs.ChallengeAsync("alice", key.GetPublicAddress());
        var signature = new EthereumMessageSigner().EncodeUTF8AndSign(challenge.Value.Message, key);

        var byBob = await proofs.ProveAsync("bob", challenge.Value.Nonce, signature);
        clock.Advance(AddressProofs.ChallengeLifetime);
        var late = await proofs.ProveAsync("alice", challenge.Value.Nonce, signature);

        Assert.Equal(AddressProofs.ChallengeInvalid, byBob.Errors.Single().Code);
        Assert.Equal(AddressProofs.ChallengeInvalid, late.Errors.Single().Code);
        await using var ctx = db.Context();
        Assert.Equal(1, await ctx.PayoutAddresses.CountAsync(a => a.MemberId == member));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Challenge_NotAMember_OrNotAnAddress_Refused(string provider)
    {
        var (db, _, proofs, _) = await SetUpAsync(provider);
        await using var _db = db;

        Assert.Equal(WorkflowCodes.NotFound, (await proofs.ChallengeAsync("mallory", EthECKey.GenerateKey().GetPublicAddress())).Errors.Single().Code);
        Assert.Equal(WorkflowCodes.AddressInvalid, (await proofs.ChallengeAsync("alice", "0x1234")).Errors.Single().Code);
    }
}
