using Embassy.Application;
using Embassy.Domain;
using Embassy.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Admin;

/// <summary>Grant roles, issue one-time sign-in links and API tokens (secrets shown once, stored hashed).</summary>
public sealed class AdminUsersModel(AccessTokens tokens) : PageModel
{
    public IReadOnlyList<RoleGrant> Grants { get; private set; } = [];

    public string? Secret { get; private set; }

    public string? SecretLabel { get; private set; }

    public IReadOnlyList<Diagnostic> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Grants = await tokens.GrantsAsync(cancellationToken);

    public async Task OnPostGrantAsync(string? login, string? role, CancellationToken cancellationToken) =>
        await ShowAsync(await tokens.GrantAsync(login ?? string.Empty, role ?? string.Empty, User.Actor(), cancellationToken), null, cancellationToken);

    public async Task OnPostLinkAsync(string? login, string? role, CancellationToken cancellationToken)
    {
        var result = await tokens.IssueSignInAsync(login ?? string.Empty, role ?? string.Empty, User.Actor(), cancellationToken: cancellationToken);
        await ShowAsync(result.Map(s => $"{Request.Scheme}://{Request.Host}/signin/once?token={s}"), $"One-time sign-in link for {login} ({role})", cancellationToken);
    }

    public async Task OnPostTokenAsync(string? login, string? role, string? label, CancellationToken cancellationToken) =>
        await ShowAsync(await tokens.CreateApiTokenAsync(login ?? string.Empty, role ?? string.Empty, label ?? "api", User.Actor(), cancellationToken), $"API token for {login} ({role})", cancellationToken);

    private async Task ShowAsync(Result<string> result, string? label, CancellationToken cancellationToken)
    {
        if (result.IsSuccess)
        {
            if (label is not null)
            {
                Secret = result.Value;
                SecretLabel = label;
            }
        }
        else
        {
            Errors = result.Errors.ToArray();
            Response.StatusCode = Problems.StatusOf(Errors[0].Code);
        }

        Grants = await tokens.GrantsAsync(cancellationToken);
    }
}
