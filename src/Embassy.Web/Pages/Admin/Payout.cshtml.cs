using Embassy.Application;
using Embassy.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Admin;

/// <summary>The payout file of an approved month (Embassy.Chain's payout sheet).</summary>
public sealed class AdminPayoutModel(MonthCloseWorkflow workflow, TimeProvider time) : PageModel
{
    /// <summary>Without a file named, the month's page: it lists the payout files and what each is for.</summary>
    public IActionResult OnGet(string period) =>
        Period.TryParse(period, out var p) ? Redirect($"/admin/months/{p}") : NotFound();

    public async Task<IActionResult> OnGetSafeAsync(string period, int? chunk, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(period, out var p))
        {
            return NotFound();
        }

        var payout = await workflow.EvmPayoutAsync(p, cancellationToken);
        if (!payout.IsSuccess)
        {
            return Redirect($"/admin/months/{p}?message=" + Uri.EscapeDataString(string.Join(" ", payout.Errors.Select(e => e.Message))));
        }

        return Download(PayoutFile.Safe(payout.Value, chunk, time.GetUtcNow(), $"Embassy payout {p}", $"payout-{p}"));
    }

    public async Task<IActionResult> OnGetSubstrateAsync(string period, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(period, out var p))
        {
            return NotFound();
        }

        var payout = await workflow.SubstratePayoutAsync(p, cancellationToken);
        if (!payout.IsSuccess)
        {
            return Redirect($"/admin/months/{p}?message=" + Uri.EscapeDataString(string.Join(" ", payout.Errors.Select(e => e.Message))));
        }

        return Download(PayoutFile.Substrate(payout.Value, $"Embassy payout {p}", $"payout-{p}", SigningSummary.StepsOf(workflow.PolicyFor(p), payout.Value)));
    }

    public async Task<IActionResult> OnGetCsvAsync(string period, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(period, out var p))
        {
            return NotFound();
        }

        var file = await workflow.PayoutFileAsync(p, cancellationToken);
        return file.IsSuccess
            ? Download(PayoutFile.Csv(file.Value, $"payout-{p}"))
            : Redirect($"/admin/months/{p}?message=" + Uri.EscapeDataString(string.Join(" ", file.Errors.Select(e => e.Message))));
    }

    private FileContentResult Download(PayoutFile file) => File(file.Content, file.ContentType, file.Name);
}
