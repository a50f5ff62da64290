using Embassy.Application;
using Embassy.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Embassy.Web;

/// <summary>Asks for a challenge to prove <paramref name="Address"/>.</summary>
public sealed record AddressChallengeRequest(string? Address);

/// <summary>The challenge to sign (EIP-191 <c>personal_sign</c> of <paramref name="Message"/>, exactly as given).</summary>
public sealed record AddressChallengeDto(string Nonce, string Address, string Message, DateTimeOffset ExpiresAt);

/// <summary>The signature over a challenge's message.</summary>
public sealed record AddressProofRequest(string? Nonce, string? Signature);

/// <summary>A recorded payout address of the signed-in member.</summary>
public sealed record MemberAddressDto(string Rail, string Address, DateOnly ValidFrom, DateTimeOffset RecordedAt, string? RecordedBy, bool Proven, DateTimeOffset? ProvenAt);

/// <summary>The member's payout addresses and their proofs (#13), for the signed-in member only.</summary>
internal static class AddressProofApi
{
    internal static async Task<Ok<MemberAddressDto[]>> ListAsync(AddressProofs proofs, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok((await proofs.AddressesAsync(http.User.Actor(), ct).ConfigureAwait(false))
            .Select(a => new MemberAddressDto(a.Rail, a.Address, a.ValidFrom, a.RecordedAt, a.RecordedBy, a.ProvenAt is not null, a.ProvenAt)).ToArray());

    internal static async Task<Results<Ok<AddressChallengeDto>, ProblemHttpResult>> ChallengeAsync(AddressChallengeRequest body, AddressProofs proofs, HttpContext http, CancellationToken ct)
    {
        var challenge = await proofs.ChallengeAsync(http.User.Actor(), body?.Address, ct).ConfigureAwait(false);
        return challenge.IsSuccess
            ? TypedResults.Ok(new AddressChallengeDto(challenge.Value.Nonce, challenge.Value.Address, challenge.Value.Message, challenge.Value.ExpiresAt))
            : Problems.From(challenge.Diagnostics);
    }

    internal static async Task<Results<Ok<MemberAddressDto>, ProblemHttpResult>> ProveAsync(AddressProofRequest body, AddressProofs proofs, HttpContext http, CancellationToken ct)
    {
        var proven = await proofs.ProveAsync(http.User.Actor(), body?.Nonce, body?.Signature, ct).ConfigureAwait(false);
        if (!proven.IsSuccess)
        {
            return Problems.From(proven.Diagnostics);
        }

        var row = (await proofs.AddressesAsync(http.User.Actor(), ct).ConfigureAwait(false))[0];
        return TypedResults.Ok(new MemberAddressDto(row.Rail, row.Address, row.ValidFrom, row.RecordedAt, row.RecordedBy, row.ProvenAt is not null, row.ProvenAt));
    }
}
