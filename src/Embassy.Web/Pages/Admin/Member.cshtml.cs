using Embassy.Application;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Admin;

/// <summary>Edit a member: handles, payout address (checked on the policy's rail), rank changes with a reason.</summary>
public sealed class AdminMemberModel(MemberAdmin admin, TimeProvider time) : PageModel
{
    public MemberDto? Member { get; private set; }

    public IReadOnlyList<RankEvent> RankHistory { get; private set; } = [];

    public IReadOnlyList<string> Ranks => admin.CurrentPolicy.Ranks.Select(r => r.Rank.Code).ToArray();

    public string Rail => admin.CurrentPolicy.Payout.Rail.ToString().ToLowerInvariant();

    public string? Message { get; private set; }

    public IReadOnlyList<Diagnostic> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, string? message, CancellationToken cancellationToken)
    {
        Message = message;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostEditAsync(long id, string? name, string? region, CancellationToken cancellationToken)
    {
        var edit = new MemberEdit(name, region ?? string.Empty, Request.Form["github"], Request.Form["discord"], Request.Form["telegram"], Request.Form["x"]);
        return await DoneAsync(id, (await admin.EditAsync(id, edit, User.Actor(), cancellationToken)).Diagnostics, "Details saved.", cancellationToken);
    }

    public async Task<IActionResult> OnPostAddressAsync(long id, string? address, CancellationToken cancellationToken) =>
        await DoneAsync(id, (await admin.SetAddressAsync(id, address ?? string.Empty, User.Actor(), cancellationToken)).Diagnostics, "Address saved.", cancellationToken);

    public async Task<IActionResult> OnPostRankAsync(long id, string? rank, string? reason, DateOnly? effectiveFrom, CancellationToken cancellationToken) =>
        await DoneAsync(id, (await admin.ChangeRankAsync(id, rank ?? string.Empty, reason ?? string.Empty, effectiveFrom, User.Actor(), cancellationToken)).Diagnostics, "Rank change recorded.", cancellationToken);

    private async Task<IActionResult> DoneAsync(long id, IReadOnlyList<Diagnostic> diagnostics, string done, CancellationToken cancellationToken)
    {
        if (!diagnostics.Any(d => d.IsError))
        {
            return Redirect($"/admin/members/{id}?message=" + Uri.EscapeDataString(done));
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
        var entry = await admin.FindAsync(id, cancellationToken);
        if (entry is null)
        {
            return false;
        }

        Member = ApiEndpoints.ToDto(entry, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        RankHistory = entry.Ranks;
        return true;
    }
}
