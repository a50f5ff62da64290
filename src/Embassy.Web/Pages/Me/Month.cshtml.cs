using Embassy.Application;
using Embassy.Domain;
using Embassy.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Me;

/// <summary>The signed-in member's month (issue #14): what was read, what to fix before the deadline, scores and the reward explained.</summary>
public sealed class MonthModel(MemberMonths months) : PageModel
{
    public MemberMonthView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(string period, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(period, out var p))
        {
            return NotFound();
        }

        // Always the signed-in member's own month: the login comes from the session, never from the address.
        View = await months.MonthAsync(User.Actor(), p, cancellationToken);
        return Page();
    }
}
