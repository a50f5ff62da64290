using Embassy.Application;
using Embassy.Data.Entities;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Review;

/// <summary>Membership applications by state (issue #6).</summary>
public sealed class ReviewApplicationsModel(MembershipApplications applications) : PageModel
{
    /// <summary>The states a reviewer can filter on.</summary>
    public static IReadOnlyList<string> States { get; } = [ApplicationStates.Pending, ApplicationStates.Accepted, ApplicationStates.Declined];

    public string State { get; private set; } = ApplicationStates.Pending;

    public IReadOnlyList<ApplicationSummary> Items { get; private set; } = [];

    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    public async Task OnGetAsync(string? state, CancellationToken cancellationToken)
    {
        State = States.Contains(state ?? string.Empty, StringComparer.Ordinal) ? state! : ApplicationStates.Pending;
        var all = await applications.ListAsync(null, cancellationToken);
        Counts = States.ToDictionary(s => s, s => all.Count(a => a.State == s), StringComparer.Ordinal);
        Items = all.Where(a => a.State == State).ToArray();
    }
}
