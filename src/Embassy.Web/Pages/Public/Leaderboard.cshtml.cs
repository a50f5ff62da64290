using Embassy.Application;
using Embassy.Web.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Embassy.Web.Pages.Public;

/// <summary>Members by total reward, a page at a time (issue #16), with a search by name or login that keeps each member's place.</summary>
[OutputCache(PolicyName = EmbassyWebSetup.PublicTag)]
public sealed class LeaderboardModel(PublicQueries queries, PublicPaging paging) : PageModel
{
    /// <summary>The shown rows, each with its place on the whole leaderboard (a search does not renumber them).</summary>
    public Paged<(int Place, LeaderboardRow Row)> Rows { get; private set; } = null!;

    /// <summary>The pager above the table (with the search) or below it.</summary>
    public PagerView Pager(bool search) => new(Rows, "/leaderboard", "members", "leaderboard", search);

    public async Task<IActionResult> OnGetAsync([FromQuery] string? page, [FromQuery] string? q, CancellationToken cancellationToken)
    {
        var rows = (await queries.LeaderboardAsync(cancellationToken)).Select((r, i) => (Place: i + 1, Row: r)).ToArray();
        if (paging.Page(rows, page, q, static (r, text) => PublicPaging.Contains(r.Row.Login, text) || PublicPaging.Contains(r.Row.Name, text)) is not { } shown)
        {
            return NotFound();
        }

        Rows = shown;
        return Page();
    }
}
