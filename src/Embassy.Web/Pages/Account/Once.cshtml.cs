using Embassy.Application;
using Embassy.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Account;

/// <summary>
/// A one-time sign-in link (first-run admin link, or one an admin issued). GET only shows a button, so link previews and
/// prefetchers cannot use the link up; the POST (with anti-forgery) redeems it.
/// </summary>
public sealed class OnceModel(AccessTokens tokens) : PageModel
{
    public string? Token { get; private set; }

    public string? Error { get; private set; }

    public void OnGet(string? token)
    {
        // The page carries the link's secret (in its address and its form): no cache or history may keep it.
        Response.Headers.CacheControl = "no-cache, no-store"; // what anti-forgery sets too: it keeps it without a warning
        Token = token;
        if (string.IsNullOrEmpty(token))
        {
            Error = "The link has no token.";
        }
    }

    public async Task<IActionResult> OnPostAsync(string? token, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-cache, no-store"; // what anti-forgery sets too: it keeps it without a warning
        var result = await tokens.RedeemSignInAsync(token, cancellationToken);
        if (!result.IsSuccess)
        {
            Error = string.Join(" ", result.Errors.Select(e => e.Message));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await HttpContext.SignInAsync(Schemes.Cookie, AccessPolicies.Principal(result.Value.Login, result.Value.Role, Schemes.Cookie, result.Value.Stamp));
        return Redirect(result.Value.Role == Roles.Admin ? "/admin" : result.Value.Role == Roles.Reviewer ? "/review" : result.Value.Role == Roles.Signer ? "/sign" : "/");
    }
}
