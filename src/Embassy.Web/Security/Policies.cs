using System.Security.Claims;
using System.Text.Encodings.Web;
using Embassy.Application;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Embassy.Web.Security;

/// <summary>The authorization policies: one per role, a higher role passing a lower role's policy (signer: only admins too).</summary>
public static class AccessPolicies
{
    public const string Admin = Roles.Admin;
    public const string Reviewer = Roles.Reviewer;
    public const string Member = Roles.Member;

    /// <summary>Treasury signers (and admins): read-only signing files (issue #13); a signer passes no other policy.</summary>
    public const string Signer = Roles.Signer;

    /// <summary>The roles that pass a policy.</summary>
    public static IReadOnlyList<string> RolesFor(string policy) => policy switch
    {
        Admin => [Roles.Admin],
        Reviewer => [Roles.Admin, Roles.Reviewer],
        Member => [Roles.Admin, Roles.Reviewer, Roles.Member],
        Signer => [Roles.Admin, Roles.Signer],
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown policy."),
    };

    /// <summary>The claim with the user's security stamp at sign-in; a session whose stamp is no longer current ends.</summary>
    public const string StampClaim = "embassy:stamp";

    /// <summary>A principal for a signed-in login with an optional role (and, for a session, the user's security stamp).</summary>
    public static ClaimsPrincipal Principal(string login, string? role, string scheme, string? stamp = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, login) };
        if (role is not null)
        {
            claims.Add(new Claim(ClaimTypes.Role, role));
        }

        if (stamp is not null)
        {
            claims.Add(new Claim(StampClaim, stamp));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The signed-in login, for the audit log.</summary>
    public static string Actor(this ClaimsPrincipal user) => user?.Identity?.Name ?? "anonymous";

    /// <summary>
    /// Every request with a session cookie: the session ends when the user's security stamp changed (a grant changed or
    /// was removed, or an admin ended the sessions) or the role it carries is no longer the user's current role.
    /// </summary>
    public static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.Principal;
        var login = user?.Identity?.Name;
        var tokens = context.HttpContext.RequestServices.GetRequiredService<AccessTokens>();
        var current = login is null ? null : await tokens.CurrentAsync(login, user!.FindFirst(StampClaim)?.Value, context.HttpContext.RequestAborted).ConfigureAwait(false);
        if (current is null || current.Role != user!.FindFirst(ClaimTypes.Role)?.Value)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Schemes.Cookie).ConfigureAwait(false);
        }
    }
}

/// <summary>Scheme names.</summary>
public static class Schemes
{
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string Bearer = "Bearer";
    public const string GitHub = "GitHub";
}

/// <summary>
/// <c>Authorization: Bearer emb_…</c> for the CLI and automation: the token's SHA-256 is looked up; tokens are never stored
/// in clear. No header means no result (other schemes may apply); a wrong token fails.
/// </summary>
public sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccessTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var identity = await tokens.AuthenticateApiAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted).ConfigureAwait(false);
        return identity is null
            ? AuthenticateResult.Fail("The API token is not valid.")
            : AuthenticateResult.Success(new AuthenticationTicket(AccessPolicies.Principal(identity.Login, identity.Role, Scheme.Name), Scheme.Name));
    }
}
