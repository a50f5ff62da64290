using Embassy.Application;
using Embassy.Domain;
using Embassy.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Admin;

/// <summary>
/// Grant and remove roles, end sessions, issue one-time sign-in links and API tokens (secrets shown once, stored hashed),
/// list and revoke anyone's tokens.
/// </summary>
public sealed class AdminUsersModel(AccessTokens tokens, TimeProvider time, SiteAddress site) : PageModel
{
    public IReadOnlyList<RoleGrant> Grants { get; private set; } = [];

    public IReadOnlyList<TokenInfo> Tokens { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public string? Secret { get; private set; }

    public string? SecretLabel { get; private set; }

    public string? Message { get; private set; }

    public IReadOnlyList<Diagnostic> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task OnPostGrantAsync(string? login, string? role, CancellationToken cancellationToken) =>
        await ShowAsync(await tokens.GrantAsync(login ?? string.Empty, role ?? string.Empty, User.Actor(), cancellationToken), $"{login} is now {role}.", cancellationToken);

    public async Task OnPostRemoveAsync(string? login, CancellationToken cancellationToken) =>
        await ShowAsync(await tokens.RemoveGrantAsync(login ?? string.Empty, User.Actor(), cancellationToken), $"{login}'s role was removed and their sessions ended.", cancellationToken);

    public async Task OnPostEndSessionsAsync(string? login, CancellationToken cancellationToken) =>
        await ShowAsync(await tokens.EndSessionsAsync(login ?? string.Empty, User.Actor(), cancellationToken), $"{login}'s sessions were ended.", cancellationToken);

    public async Task OnPostRevokeAsync(long id, CancellationToken cancellationToken) =>
        await ShowAsync(await tokens.RevokeTokenAsync(id, User.Actor(), owner: null, cancellationToken), $"Token {id} was revoked.", cancellationToken);

    public async Task OnPostLinkAsync(string? login, string? role, CancellationToken cancellationToken)
    {
        var result = await tokens.IssueSignInAsync(login ?? string.Empty, role ?? string.Empty, User.Actor(), cancellationToken: cancellationToken);
        // The public URL when configured: behind a proxy the request's own scheme and host are the proxy's view.
        var origin = site.PublicUrl?.GetLeftPart(UriPartial.Authority) ?? $"{Request.Scheme}://{Request.Host}";
        await ShowSecretAsync(result.Map(s => $"{origin}/signin/once?token={s}"), $"One-time sign-in link for {login} ({role})", cancellationToken);
    }

    public async Task OnPostTokenAsync(string? login, string? role, string? label, int? days, CancellationToken cancellationToken)
    {
        var result = await tokens.CreateApiTokenAsync(login ?? string.Empty, role ?? string.Empty, label ?? "api", User.Actor(), AccessApiEndpoints.Days(days), cancellationToken);
        await ShowSecretAsync(result.Map(t => t.Secret), $"API token for {login} ({role})", cancellationToken);
    }

    private async Task ShowSecretAsync(Result<string> result, string label, CancellationToken cancellationToken)
    {
        // The secret is on this page once: no cache or history may keep it.
        Response.Headers.CacheControl = "no-cache, no-store"; // what anti-forgery sets too: it keeps it without a warning
        if (result.IsSuccess)
        {
            Secret = result.Value;
            SecretLabel = label;
        }

        await ShowAsync(result, null, cancellationToken);
    }

    private async Task ShowAsync<T>(Result<T> result, string? message, CancellationToken cancellationToken)
    {
        if (result.IsSuccess)
        {
            Message = message;
        }
        else
        {
            Errors = result.Errors.ToArray();
            Response.StatusCode = Problems.StatusOf(Errors[0].Code);
        }

        await LoadAsync(cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        Grants = await tokens.GrantsAsync(cancellationToken);
        Tokens = await tokens.TokensAsync(null, cancellationToken);
    }
}
