using Embassy.Application;
using Embassy.Domain;
using Embassy.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Me;

/// <summary>A member's own reports and where each stands.</summary>
public sealed class MeModel(ReviewQueue queue) : PageModel
{
    public IReadOnlyList<(Period Period, ReviewItem Item)> Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Reports = await queue.ForAuthorAsync(User.Actor(), cancellationToken);
}
