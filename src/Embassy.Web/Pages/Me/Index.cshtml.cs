using Embassy.Application;
using Embassy.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Me;

/// <summary>A member's own months and where each stands, with their yearly statements.</summary>
public sealed class MeModel(MemberMonths months) : PageModel
{
    public IReadOnlyList<MemberHistoryRow> Months { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Months = await months.HistoryAsync(User.Actor(), cancellationToken);
}
