using Embassy.Application;
using Embassy.Domain;
using Embassy.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Me;

/// <summary>
/// One's payout address, proven (#13): ask for a challenge for a 0x address, sign its message with that address's wallet
/// (EIP-191 personal_sign: "Sign message" in any wallet), paste the signature. A proven address is paid without the
/// cooling period an unproven change waits.
/// </summary>
public sealed class MyAddressModel(AddressProofs proofs, MemberAdmin members) : PageModel
{
    public IReadOnlyList<MemberAddress> Addresses { get; private set; } = [];

    public AddressChallengeView? Pending { get; private set; }

    public string? Message { get; private set; }

    public IReadOnlyList<Diagnostic> Errors { get; private set; } = [];

    /// <summary>Days an unproven change waits under the policy in force (payout.address_cooling_days).</summary>
    public int CoolingDays => members.CurrentPolicy.Payout.AddressCoolingDays;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task OnPostChallengeAsync(string? address, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        var challenge = await proofs.ChallengeAsync(User.Actor(), address, cancellationToken);
        if (challenge.IsSuccess)
        {
            Pending = challenge.Value;
        }
        else
        {
            Fail(challenge.Errors);
        }

        await LoadAsync(cancellationToken);
    }

    public async Task OnPostProveAsync(string? nonce, string? signature, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        var proven = await proofs.ProveAsync(User.Actor(), nonce, signature, cancellationToken);
        if (proven.IsSuccess)
        {
            Message = $"{proven.Value} is now your payout address, proven by your signature.";
        }
        else
        {
            Fail(proven.Errors);
        }

        await LoadAsync(cancellationToken);
    }

    private void Fail(IEnumerable<Diagnostic> errors)
    {
        Errors = errors.ToArray();
        Response.StatusCode = Problems.StatusOf(Errors[0].Code);
    }

    private async Task LoadAsync(CancellationToken cancellationToken) => Addresses = await proofs.AddressesAsync(User.Actor(), cancellationToken);
}
