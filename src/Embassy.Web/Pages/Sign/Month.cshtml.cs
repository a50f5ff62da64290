using Embassy.Application;
using Embassy.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Sign;

/// <summary>
/// An approved month as its signers check it (#13): the summary (token, contract, chain, Safe, total, recipients,
/// batches), the changes since the last paid month (new recipients, changed addresses with when, who and whether proven,
/// amounts far from the member's usual, payouts held for an unproven change), the steps for the rail's tool, and the
/// files. GET handlers only: a signer reads, never writes.
/// </summary>
public sealed class SignMonthModel(MonthCloseWorkflow workflow, TimeProvider time) : PageModel
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
        var summary = await SigningSummary.ForMonthAsync(workflow, p, cancellationToken);
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

    public async Task<IActionResult> OnGetSafeAsync(string period, int? chunk, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(period, out var p))
        {
            return NotFound();
        }

        var payout = await workflow.EvmPayoutAsync(p, cancellationToken);
        return payout.IsSuccess ? Download(PayoutFile.Safe(payout.Value, chunk, time.GetUtcNow(), $"Embassy payout {p}", $"payout-{p}")) : Refused(p, payout.Errors);
    }

    public async Task<IActionResult> OnGetSubstrateAsync(string period, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(period, out var p))
        {
            return NotFound();
        }

        var payout = await workflow.SubstratePayoutAsync(p, cancellationToken);
        return payout.IsSuccess ? Download(PayoutFile.Substrate(payout.Value, $"Embassy payout {p}", $"payout-{p}", SigningSummary.StepsOf(workflow.PolicyFor(p), payout.Value))) : Refused(p, payout.Errors);
    }

    public async Task<IActionResult> OnGetCsvAsync(string period, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(period, out var p))
        {
            return NotFound();
        }

        var file = await workflow.PayoutFileAsync(p, cancellationToken);
        return file.IsSuccess ? Download(PayoutFile.Csv(file.Value, $"payout-{p}")) : Refused(p, file.Errors);
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
