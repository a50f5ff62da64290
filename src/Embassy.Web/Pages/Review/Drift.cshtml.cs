using Embassy.Application;
using Embassy.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Review;

/// <summary>A month's rule drift (issue #17): how many reports break which rule of the policy in force, with the reports.</summary>
public sealed class ReviewDriftModel(MonthDrift drift) : PageModel
{
    public MonthDriftView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(string period, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(period, out var p))
        {
            return NotFound();
        }

        View = await drift.ForMonthAsync(p, cancellationToken);
        return Page();
    }
}
