using Embassy.Application;
using Embassy.Domain;
using Embassy.Domain.Closing;
using Embassy.Web.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Embassy.Web.Pages.Public;

/// <summary>
/// A closed month: pool, department split, participation, and the members' scores, reward and rank a page at a time
/// (issue #16: at 10,000 members one table is megabytes; <c>?page=N</c>, <c>?q=</c> finds a member by name or login).
/// The figures above the table are the whole month's; the downloads hold every member.
/// </summary>
[OutputCache(PolicyName = EmbassyWebSetup.PublicTag)]
public sealed class MonthModel(PublishedMonthMemo months, PublicPaging paging) : PageModel
{
    public PublishedMonth? Month { get; private set; }

    /// <summary>The members shown: one page of the month's members, in the statement's order.</summary>
    public Paged<StatementMember> Rows { get; private set; } = null!;

    /// <summary>The pager above the members' table (with the search) or below it.</summary>
    public PagerView Pager(bool search) => new(Rows, $"/months/{Month!.Period}", "members", "rewards", search);

    public async Task<IActionResult> OnGetAsync(string period, [FromQuery] string? page, [FromQuery] string? q, CancellationToken cancellationToken)
    {
        string? hash = null;
        if (Period.TryParse(period, out var p))
        {
            (Month, hash) = await months.GetAsync(p, cancellationToken);
        }

        if (Month is null || paging.Page(Month.Month.Members, page, q, static (m, text) => PublicPaging.Contains(m.Login, text) || PublicPaging.Contains(m.Name, text)) is not { } rows)
        {
            return NotFound();
        }

        Rows = rows;

        // Issue #15: the ETag comes from the month's content hash; a browser or proxy holding this month gets a bodiless 304.
        return PublicMonthValidators.NotModified(HttpContext, Month, "html", rows.Variant, hash) ? StatusCode(StatusCodes.Status304NotModified) : Page();
    }
}
