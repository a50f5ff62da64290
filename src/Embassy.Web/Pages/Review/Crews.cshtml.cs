using System.Globalization;
using Embassy.Application;
using Embassy.Domain;
using Embassy.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Review;

/// <summary>The fields of a crew form.</summary>
public sealed class CrewForm
{
    public string? Name { get; set; }

    public string? Region { get; set; }

    public long Lead { get; set; }

    public List<long> MemberIds { get; set; } = [];

    /// <summary>The form of a stored crew.</summary>
    public static CrewForm Of(CrewView crew) => new() { Name = crew.Name, Region = crew.Region, Lead = crew.Lead.MemberId, MemberIds = crew.Members.Select(m => m.MemberId).ToList() };

    /// <summary>The use case's input.</summary>
    public CrewInput ToInput() => new(Name ?? string.Empty, Region ?? string.Empty, Lead, MemberIds);
}

/// <summary>What the crew form partial shows.</summary>
/// <param name="Form">The values.</param>
/// <param name="People">Members to choose from: id, name, rank.</param>
/// <param name="Id">The form's element id.</param>
/// <param name="Submit">The button's text.</param>
public sealed record CrewFormView(CrewForm Form, IReadOnlyList<(long Id, string Name, string? Rank)> People, string Id, string Submit);

/// <summary>Regional crews with their R11 flags; admins add crews.</summary>
public sealed class ReviewCrewsModel(CrewRegistry crews, MemberAdmin members, TimeProvider time) : PageModel
{
    public IReadOnlyList<CrewView> Crews { get; private set; } = [];

    public IReadOnlyList<(long Id, string Name, string? Rank)> People { get; private set; } = [];

    [BindProperty]
    public CrewForm Input { get; set; } = new();

    public IReadOnlyList<Diagnostic> Errors { get; private set; } = [];

    public CrewFormView FormView => new(Input, People, "add-crew-form", "Add crew");

    public Period Month => Period.Of(time.GetUtcNow()).Previous;

    public bool CanEdit => User.Role() == Roles.Admin;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Crews shape who counts for whom: admins set them up, reviewers tick their checklists.
        if (!CanEdit)
        {
            return Forbid();
        }

        var result = await crews.CreateAsync(Input.ToInput(), User.Actor(), cancellationToken);
        if (result.IsSuccess)
        {
            return Redirect("/review/crews/" + result.Value.ToString(CultureInfo.InvariantCulture) + "?saved=true");
        }

        Errors = result.Errors.ToArray();
        Response.StatusCode = Problems.StatusOf(Errors[0].Code);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Crews = await crews.ListAsync(cancellationToken);
        People = await CrewPeople.ListAsync(members, time, cancellationToken);
    }
}

/// <summary>The members a crew form offers.</summary>
public static class CrewPeople
{
    /// <summary>Every member with their rank today, by name.</summary>
    public static async Task<IReadOnlyList<(long Id, string Name, string? Rank)>> ListAsync(MemberAdmin members, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(time);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return (await members.ListAsync(cancellationToken))
            .Select(m => (m.Member.Id, m.Member.DisplayName, m.RankAt(today)))
            .OrderBy(p => p.DisplayName, StringComparer.OrdinalIgnoreCase)
            .ToArray();
    }
}
