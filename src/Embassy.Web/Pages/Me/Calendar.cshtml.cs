using Embassy.Application;
using Embassy.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Me;

/// <summary>
/// Issue #14: the signed-in user's calendar feeds (deadlines and appeal windows; reviews due for reviewers): made or
/// rotated here, the address shown once, since only its hash is kept; turned off here.
/// </summary>
public sealed class CalendarModel(CalendarFeeds feeds, AccessTokens access, SiteAddress site) : PageModel
{
    public IReadOnlyList<CalendarFeedInfo> Feeds { get; private set; } = [];

    /// <summary>The kinds the user's role allows.</summary>
    public IReadOnlyList<string> Kinds { get; private set; } = [];

    /// <summary>The new feed's address, shown once after it is made or rotated.</summary>
    public string? Address { get; private set; }

    public string? AddressKind { get; private set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRotateAsync(string? kind, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-cache, no-store"; // the address is shown once
        var made = await feeds.RotateAsync(User.Actor(), kind ?? string.Empty, cancellationToken);
        if (!made.IsSuccess)
        {
            Message = string.Join(" ", made.Errors.Select(e => e.Message));
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        else
        {
            var origin = site.PublicUrl?.GetLeftPart(UriPartial.Authority) ?? $"{Request.Scheme}://{Request.Host}";
            (Address, AddressKind) = (origin + "/calendar/" + made.Value + ".ics", kind);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string? kind, CancellationToken cancellationToken)
    {
        Message = await feeds.RevokeAsync(User.Actor(), kind ?? string.Empty, cancellationToken)
            ? "The feed is off; its address no longer works."
            : "There was no such feed.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Feeds = await feeds.FeedsAsync(User.Actor(), cancellationToken);
        Kinds = CalendarFeeds.KindsFor(await access.RoleOfAsync(User.Actor(), cancellationToken));
    }
}
