using Embassy.Application;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Embassy.Web.Pages.Public;

/// <summary>Members by total reward.</summary>
[OutputCache(PolicyName = EmbassyWebSetup.PublicTag)]
public sealed class LeaderboardModel(PublicQueries queries) : PageModel
{
    public IReadOnlyList<LeaderboardRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await queries.LeaderboardAsync(cancellationToken);
}
