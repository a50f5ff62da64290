using Embassy.Application;
using Embassy.Domain;
using Embassy.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Admin;

/// <summary>The form fields of a new member.</summary>
public sealed class NewMemberForm
{
    public string? Name { get; set; }

    public string? GitHub { get; set; }

    public string? Rank { get; set; }

    public string? Region { get; set; }

    public string? Address { get; set; }

    public string? Discord { get; set; }

    public string? Telegram { get; set; }

    public string? X { get; set; }

    public DateOnly? Since { get; set; }
}

/// <summary>The member registry: list and create.</summary>
public sealed class AdminMembersModel(MemberAdmin admin, TimeProvider time) : PageModel
{
    public IReadOnlyList<MemberDto> Members { get; private set; } = [];

    public IReadOnlyList<string> Ranks => admin.CurrentPolicy.Ranks.Select(r => r.Rank.Code).ToArray();

    public string DefaultSince => Period.Of(time.GetUtcNow()).Previous.FirstDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public string Rail => admin.CurrentPolicy.Payout.Rail.ToString().ToLowerInvariant();

    [BindProperty]
    public NewMemberForm Input { get; set; } = new();

    public IReadOnlyList<Diagnostic> Errors { get; private set; } = [];

    /// <summary>One warning per payout address that several members share (R9: accepted, flagged, never merged).</summary>
    public IReadOnlyList<Diagnostic> Shared { get; private set; } = [];

    /// <summary>The shared addresses, to flag their rows.</summary>
    public IReadOnlySet<string> SharedAddresses { get; private set; } = new HashSet<string>();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await admin.CreateAsync(
            new NewMember(Input.Name ?? string.Empty, Input.GitHub ?? string.Empty, Input.Rank ?? string.Empty, Input.Region, Input.Discord, Input.Telegram, Input.X, Input.Address, Input.Since),
            User.Actor(),
            cancellationToken);
        if (result.IsSuccess)
        {
            return Redirect("/admin/members");
        }

        Errors = result.Errors.ToArray();
        Response.StatusCode = Problems.StatusOf(Errors[0].Code);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var roster = await admin.ListAsync(cancellationToken);
        Members = roster.Select(m => ApiEndpoints.ToDto(m, today)).ToArray();
        var rail = Rail;
        SharedAddresses = MemberRoster.SharedAddresses(roster, rail).Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        Shared = MemberRoster.SharedAddressWarnings(roster, rail).ToArray();
    }
}
