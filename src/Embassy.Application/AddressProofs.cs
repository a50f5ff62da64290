using System.Security.Cryptography;
using Embassy.Chain;
using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>A challenge to sign: the exact message, its nonce and until when it can be used.</summary>
public sealed record AddressChallengeView(string Nonce, string Address, string Message, DateTimeOffset ExpiresAt);

/// <summary>One recorded payout address of a member, as they see it on their page.</summary>
public sealed record MemberAddress(string Rail, string Address, DateOnly ValidFrom, DateTimeOffset RecordedAt, string? RecordedBy, DateTimeOffset? ProvenAt);

/// <summary>
/// Payout addresses members prove (issue #13). A member asks for a challenge for an evm address; Embassy stores a random
/// nonce and the message naming the program, the member, the address and the nonce; the member signs it with the
/// address's wallet (EIP-191 <c>personal_sign</c>) and sends the signature; Embassy recovers the signer (Nethereum) and,
/// when it is the address, records the address as the member's, proven. A proven address is paid at once; an address
/// set without proof is held for the policy's cooling period when it changes an earlier one
/// (<see cref="AddressHold"/>). Embassy never sees a key (R9).
/// </summary>
public sealed class AddressProofs(IDbContextFactory<EmbassyDbContext> databases, TimeProvider time, MemberAdmin members)
{
    /// <summary>How long a challenge can be signed and sent.</summary>
    public static readonly TimeSpan ChallengeLifetime = TimeSpan.FromHours(1);

    /// <summary>The challenge is unknown, someone else's, used or expired.</summary>
    public const string ChallengeInvalid = "ADDRESS_CHALLENGE_INVALID";

    /// <summary>The policy in force pays on a rail whose addresses Embassy cannot prove (substrate, manual).</summary>
    public const string RailNotProvable = "ADDRESS_RAIL_NOT_PROVABLE";

    /// <summary>A new challenge for the signed-in member (<paramref name="login"/>) to prove <paramref name="address"/>.</summary>
    public async Task<Result<AddressChallengeView>> ChallengeAsync(string login, string? address, CancellationToken cancellationToken = default)
    {
        var policy = members.CurrentPolicy;
        if (policy.Payout.Rail != PayoutRail.Evm)
        {
            return Result<AddressChallengeView>.Fail(RailNotProvable, "The program pays on a rail whose addresses are not proven by signature; ask an admin to set the address.");
        }

        var check = AddressCheck.Check(address, policy.Payout.Rail, policy.Payout.Ss58Prefix);
        if (!check.Valid || check.Canonical is null)
        {
            return Result<AddressChallengeView>.Fail(WorkflowCodes.AddressInvalid, check.Error?.Message ?? "The address is not a valid 0x address.");
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var member = await MemberOfAsync(db, login, cancellationToken).ConfigureAwait(false);
        if (member is null)
        {
            return Result<AddressChallengeView>.Fail(WorkflowCodes.NotFound, "Only a registered member can prove a payout address.");
        }

        var now = time.GetUtcNow();
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var expires = now + ChallengeLifetime;
        var canonical = EvmAddress.Parse(check.Canonical).Value;
        var message = AddressProof.Message(policy.Program, member.Value.Login, canonical, nonce, expires);
        db.AddressChallenges.Add(new AddressChallenge
        {
            MemberId = member.Value.Id, Rail = MonthCloseWorkflow.RailName(policy.Payout.Rail), Address = canonical.Text, Nonce = nonce, Message = message,
            RequestedBy = member.Value.Login, CreatedAt = now, ExpiresAt = expires,
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<AddressChallengeView>.Ok(new AddressChallengeView(nonce, canonical.Text, message, expires));
    }

    /// <summary>
    /// Checks <paramref name="signature"/> over the challenge <paramref name="nonce"/> of the signed-in member; when the
    /// signer is the challenge's address, records it as the member's payout address, proven (audited). A wrong signature
    /// is refused (and audited); the challenge stays usable until it expires.
    /// </summary>
    public async Task<Result<string>> ProveAsync(string login, string? nonce, string? signature, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var member = await MemberOfAsync(db, login, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var key = (nonce ?? string.Empty).Trim().ToLowerInvariant();
        var challenge = member is null ? null : await db.AddressChallenges.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Nonce == key && c.MemberId == member.Value.Id, cancellationToken).ConfigureAwait(false);

        // Another member's nonce reads as unknown: a nonce says nothing about whose it is.
        if (challenge is null || challenge.UsedAt is not null || challenge.ExpiresAt <= now)
        {
            return Result<string>.Fail(ChallengeInvalid, "This challenge is unknown, used or expired: ask for a new one.");
        }

        var address = EvmAddress.Parse(challenge.Address).Value;
        var proof = AddressProof.Verify(challenge.Message, signature, address);
        if (!proof.IsSuccess)
        {
            ProgramTables.Audit(db, now, member!.Value.Login, "address.proof_refused", "member:" + member.Value.Id, $"{challenge.Rail} {challenge.Address}: {proof.Errors.First().Code}");
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return Result<string>.Fail(proof.Diagnostics);
        }

        // Claimed with a conditional update: of two simultaneous submissions, one records the address.
        var claimed = await db.AddressChallenges.Where(c => c.Id == challenge.Id && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), cancellationToken).ConfigureAwait(false);
        if (claimed != 1)
        {
            return Result<string>.Fail(ChallengeInvalid, "This challenge was used already.");
        }

        db.PayoutAddresses.Add(new PayoutAddress
        {
            MemberId = member!.Value.Id, Rail = challenge.Rail, Address = address.Text, ValidFrom = DateOnly.FromDateTime(now.UtcDateTime), RecordedAt = now,
            RecordedBy = member.Value.Login, ProvenAt = now, Proof = Hex(signature),
        });
        ProgramTables.Audit(db, now, member.Value.Login, "address.proven", "member:" + member.Value.Id, $"{challenge.Rail} {address.Text}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<string>.Ok(address.Text);
    }

    /// <summary>The signed-in member's recorded payout addresses, newest first (empty for someone who is not a member).</summary>
    public async Task<IReadOnlyList<MemberAddress>> AddressesAsync(string login, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var member = await MemberOfAsync(db, login, cancellationToken).ConfigureAwait(false);
        if (member is null)
        {
            return [];
        }

        var rows = await db.PayoutAddresses.AsNoTracking().Where(a => a.MemberId == member.Value.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderByDescending(a => a.ValidFrom).ThenByDescending(a => a.Id).Select(a => new MemberAddress(a.Rail, a.Address, a.ValidFrom, a.RecordedAt, a.RecordedBy, a.ProvenAt))];
    }

    private static string Hex(string? signature)
    {
        var s = (signature ?? string.Empty).Trim();
        return "0x" + (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? s[2..] : s).ToLowerInvariant();
    }

    private static async Task<(long Id, string Login)?> MemberOfAsync(EmbassyDbContext db, string login, CancellationToken cancellationToken)
    {
        var normalized = MemberHandle.Normalize(login);
        var id = await db.MemberHandles.AsNoTracking().Where(h => h.Kind == MemberHandle.GitHub && h.NormalizedValue == normalized)
            .Select(h => (long?)h.MemberId).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return id is { } value ? (value, normalized) : null;
    }
}
