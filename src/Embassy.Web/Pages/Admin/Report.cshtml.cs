using Embassy.Application;
using Embassy.Domain;
using Embassy.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Admin;

/// <summary>An admin's decisions on a report: link an unmatched author's report, accept a late one.</summary>
public sealed class AdminReportModel(ReviewQueue queue, ReportAdmin reports, MemberAdmin members) : PageModel
{
    public ReviewDetail? Detail { get; private set; }

    public IReadOnlyList<RosterEntry> Members { get; private set; } = [];

    public IReadOnlyList<Diagnostic> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostLinkAsync(long id, long memberId, CancellationToken cancellationToken) =>
        await DoneAsync(id, (await reports.LinkAsync(id, memberId, User.Actor(), cancellationToken)).Diagnostics, cancellationToken);

    public async Task<IActionResult> OnPostAcceptAsync(long id, string? reason, CancellationToken cancellationToken) =>
        await DoneAsync(id, (await reports.AcceptLateAsync(id, reason ?? string.Empty, User.Actor(), cancellationToken)).Diagnostics, cancellationToken);

    private async Task<IActionResult> DoneAsync(long id, IReadOnlyList<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        if (!diagnostics.Any(d => d.IsError))
        {
            return Redirect($"/review/{id}");
        }

        Errors = diagnostics.Where(d => d.IsError).ToArray();
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Response.StatusCode = Problems.StatusOf(Errors[0].Code);
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        Detail = await queue.DetailAsync(id, User.Actor(), cancellationToken);
        Members = await members.ListAsync(cancellationToken);
        return Detail is not null;
    }
}
