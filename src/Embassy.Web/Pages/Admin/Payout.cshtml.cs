using System.Text;
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

        var index = Math.Clamp(chunk ?? 0, 0, Math.Max(0, payout.Value.Chunks.Count - 1));
        var json = payout.Value.ToSafeBatchJson(index, time.GetUtcNow(), $"Embassy payout {p} ({index + 1}/{payout.Value.Chunks.Count})");
        return File(Encoding.UTF8.GetBytes(json), "application/json", $"payout-{p}-safe-{index + 1}.json");
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

        return File(Encoding.UTF8.GetBytes(payout.Value.ToSigningText($"Embassy payout {p}")), "text/plain; charset=utf-8", $"payout-{p}-substrate.txt");
    }

    public async Task<IActionResult> OnGetCsvAsync(string period, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(period, out var p))
        {
            return NotFound();
        }

        var file = await workflow.PayoutFileAsync(p, cancellationToken);
        return file.IsSuccess
            ? File(Encoding.UTF8.GetBytes(file.Value.ToCsv()), "text/csv; charset=utf-8", $"payout-{p}.csv")
            : Redirect($"/admin/months/{p}?message=" + Uri.EscapeDataString(string.Join(" ", file.Errors.Select(e => e.Message))));
    }
}
