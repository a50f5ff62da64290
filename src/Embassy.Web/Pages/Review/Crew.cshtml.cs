using System.Globalization;
using Embassy.Application;
using Embassy.Domain;
using Embassy.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Review;

/// <summary>One crew: its people and flags; admins edit it.</summary>
public sealed class ReviewCrewModel(CrewRegistry crews, MemberAdmin members, TimeProvider time) : PageModel
{
    public CrewView? Crew { get; private set; }

    public IReadOnlyList<(long Id, string Name, string? Rank)> People { get; private set; } = [];

    [BindProperty]
    public CrewForm Input { get; set; } = new();

    public IReadOnlyList<Diagnostic> Errors { get; private set; } = [];

    public CrewFormView FormView => new(Input, People, "edit-crew-form", "Save crew");

    public bool Saved { get; private set; }

    public bool CanEdit => User.Role() == Roles.Admin;

    /// <summary>The month under review and the two before it, for the checklist links.</summary>
    public IReadOnlyList<Period> Months
    {
        get
        {
            var last = Period.Of(time.GetUtcNow()).Previous;
            return [last, last.Previous, last.Previous.Previous];
        }
    }

    public async Task<IActionResult> OnGetAsync(long id, bool saved, CancellationToken cancellationToken)
    {
        Saved = saved;
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = CrewForm.Of(Crew!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var result = await crews.EditAsync(id, Input.ToInput(), User.Actor(), cancellationToken);
        if (result.IsSuccess)
        {
            return Redirect("/review/crews/" + id.ToString(CultureInfo.InvariantCulture) + "?saved=true");
        }

        Errors = result.Errors.ToArray();
        Response.StatusCode = Problems.StatusOf(Errors[0].Code);
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        Crew = await crews.FindAsync(id, cancellationToken);
        People = await CrewPeople.ListAsync(members, time, cancellationToken);
        return Crew is not null;
    }
}
