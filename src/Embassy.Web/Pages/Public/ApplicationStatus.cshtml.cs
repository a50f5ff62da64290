using Embassy.Application;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Public;

/// <summary>
/// An applicant's private status page (issue #6: an accepted applicant becomes a member, a declined one gets a reason):
/// reached only through the link shown after sending the form.
/// </summary>
public sealed class ApplicationStatusModel(MembershipApplications applications, ApplicationFormGuard guard) : PageModel
{
    public ApplicationDetail? Application { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? ticket, CancellationToken cancellationToken)
    {
        // The address is the applicant's private ticket: no cache or history may keep the page.
        Response.Headers.CacheControl = "no-cache, no-store"; // what anti-forgery sets too: it keeps it without a warning
        if (guard.ApplicationOf(ticket) is not { } id || await applications.FindAsync(id, cancellationToken) is not { } found)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Application = found;
        return Page();
    }
}
