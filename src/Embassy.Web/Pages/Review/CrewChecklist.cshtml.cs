using System.Globalization;
using Embassy.Application;
using Embassy.Domain;
using Embassy.Domain.Community;
using Embassy.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Review;

/// <summary>
/// A crew's monthly checklist (R11): the quotas counted from its people's report evidence, and tick boxes for what links
/// cannot show (or to correct a count). Every tick is stored with its reviewer.
/// </summary>
public sealed class ReviewCrewChecklistModel(CrewRegistry crews) : PageModel
{
    public CrewChecklistView? Checklist { get; private set; }

    public IReadOnlyList<Diagnostic> Errors { get; private set; } = [];

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string period, bool saved, CancellationToken cancellationToken)
    {
        Saved = saved;
        return Period.TryParse(period, out var p) && await LoadAsync(id, p, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(long id, string period, string? quota, string? met, string? note, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(period, out var p) || !await LoadAsync(id, p, cancellationToken))
        {
            return NotFound();
        }

        if (!Enum.TryParse<QuotaKind>(quota, ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
        {
            Errors = [Diagnostic.Error(WorkflowCodes.NotFound, "Choose one of the checklist's quotas.")];
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var result = await crews.TickAsync(id, p, kind, met == "true", note, User.Actor(), cancellationToken);
        if (!result.IsSuccess)
        {
            Errors = result.Errors.ToArray();
            Response.StatusCode = Problems.StatusOf(Errors[0].Code);
            return Page();
        }

        return Redirect($"/review/crews/{id.ToString(CultureInfo.InvariantCulture)}/{p}?saved=true#quota-{kind}");
    }

    private async Task<bool> LoadAsync(long id, Period period, CancellationToken cancellationToken)
    {
        Checklist = await crews.ChecklistAsync(id, period, cancellationToken);
        return Checklist is not null;
    }
}
