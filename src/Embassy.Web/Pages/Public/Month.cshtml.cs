using Embassy.Application;
using Embassy.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Embassy.Web.Pages.Public;

/// <summary>A closed month: pool, department split, every member's scores, reward and rank.</summary>
[OutputCache(PolicyName = EmbassyWebSetup.PublicTag)]
public sealed class MonthModel(PublicQueries queries) : PageModel
{
    public PublishedMonth? Month { get; private set; }

    public async Task<IActionResult> OnGetAsync(string period, CancellationToken cancellationToken)
    {
        Month = Period.TryParse(period, out var p) ? await queries.MonthAsync(p, cancellationToken) : null;
        if (Month is null)
        {
            return NotFound();
        }

        // Issue #15: the ETag comes from the month's content hash; a browser or proxy holding this month gets a bodiless 304.
        return PublicMonthValidators.NotModified(HttpContext, Month, "html") ? StatusCode(StatusCodes.Status304NotModified) : Page();
    }
}
