using Embassy.Application;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Sign;

/// <summary>
/// A month's drawn community bounties as their signers check them (#13, R10): the same summary and steps as a month's
/// payout, every recipient listed, and the files. GET handlers only.
/// </summary>
public sealed class SignBountiesModel(TreasuryStore treasury, TimeProvider time) : PageModel
{
    public Period Period { get; private set; }

    public SigningSummary? Summary { get; private set; }

    public IReadOnlyList<Diagnostic> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string period, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(period, out var p))
        {
            return NotFound();
        }

        Period = p;
        var summary = await SigningSummary.ForBountiesAsync(treasury, p, cancellationToken);
        if (summary.IsSuccess)
        {
            Summary = summary.Value;
        }
        else
        {
            Errors = summary.Errors.ToArray();
            Response.StatusCode = Problems.StatusOf(Errors[0].Code);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetSigningAsync(string period, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(period, out var p))
        {
            return NotFound();
        }

        if (treasury.PolicyFor(p).Payout.Rail == PayoutRail.Evm)
        {
            var evm = await treasury.BountyEvmPayoutAsync(p, cancellationToken);
            return evm.IsSuccess ? Download(PayoutFile.Safe(evm.Value, 0, time.GetUtcNow(), $"Embassy bounties {p}", $"bounties-{p}")) : Refused(p, evm.Errors);
        }

        var substrate = await treasury.BountySubstratePayoutAsync(p, cancellationToken);
        return substrate.IsSuccess ? Download(PayoutFile.Substrate(substrate.Value, $"Embassy bounties {p}", $"bounties-{p}", SigningSummary.StepsOf(treasury.PolicyFor(p), substrate.Value))) : Refused(p, substrate.Errors);
    }

    public async Task<IActionResult> OnGetCsvAsync(string period, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(period, out var p))
        {
            return NotFound();
        }

        var file = await treasury.BountyPayoutFileAsync(p, cancellationToken);
        return file.IsSuccess ? Download(PayoutFile.Csv(file.Value, $"bounties-{p}")) : Refused(p, file.Errors);
    }

    private IActionResult Refused(Period p, IEnumerable<Diagnostic> errors)
    {
        Period = p;
        Errors = errors.ToArray();
        Response.StatusCode = Problems.StatusOf(Errors[0].Code);
        return Page();
    }

    private FileContentResult Download(PayoutFile file) => File(file.Content, file.ContentType, file.Name);
}
