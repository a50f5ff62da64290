using System.Text;
using Embassy.Application;
using Embassy.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Admin;

/// <summary>The payout file of an approved month (Embassy.Chain's payout sheet).</summary>
public sealed class AdminPayoutModel(MonthCloseWorkflow workflow) : PageModel
{
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
