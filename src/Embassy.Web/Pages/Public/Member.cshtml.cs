using Embassy.Application;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Embassy.Web.Pages.Public;

/// <summary>A member's monthly history, rank and promotion progress.</summary>
[OutputCache(PolicyName = EmbassyWebSetup.PublicTag)]
public sealed class MemberModel(PublicQueries queries) : PageModel
{
    public MemberPage? Profile { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        Profile = await queries.MemberAsync(id, cancellationToken);
        return Profile is null ? NotFound() : Page();
    }
}
