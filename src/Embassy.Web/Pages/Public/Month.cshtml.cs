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
        return Month is null ? NotFound() : Page();
    }
}
