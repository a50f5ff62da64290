using Embassy.Application;
using Embassy.Domain;
using Embassy.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Me;

/// <summary>The signed-in member's month (issue #14): what was read, what to fix before the deadline, scores and the reward explained.</summary>
public sealed class MonthModel(MemberMonths months, Appeals appeals) : PageModel
{
    public MemberMonthView? View { get; private set; }

    public IReadOnlyList<Diagnostic> Errors { get; private set; } = [];

    /// <summary>The reason typed into a refused appeal, shown again.</summary>
    public string? PostedReason { get; private set; }

    /// <summary>Issue #14: the member appeals one department's score of their report (own reports only; the window is checked).</summary>
    public async Task<IActionResult> OnPostAsync(string period, string? department, string? reason, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(period, out var p))
        {
            return NotFound();
        }

        View = await months.MonthAsync(User.Actor(), p, cancellationToken);
        if (View.Report is not { } report)
        {
            Errors = [Diagnostic.Error(Appeals.NotYours, "You have no report for this month to appeal.")];
        }
        else
        {
            var filed = await appeals.FileAsync(report.ReportId, department ?? string.Empty, User.Actor(), reason, cancellationToken);
            if (filed.IsSuccess)
            {
                return Redirect($"/me/months/{p}");
            }

            Errors = filed.Errors.ToArray();
        }

        PostedReason = reason;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

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
