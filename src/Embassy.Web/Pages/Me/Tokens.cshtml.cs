using Embassy.Application;
using Embassy.Domain;
using Embassy.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Me;

/// <summary>One's own API tokens: create (role at most one's own), list, revoke.</summary>
public sealed class MyTokensModel(AccessTokens tokens, TimeProvider time) : PageModel
{
    public IReadOnlyList<TokenInfo> Tokens { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public string? Secret { get; private set; }

    public string? Message { get; private set; }

    public IReadOnlyList<Diagnostic> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task OnPostCreateAsync(string? name, string? role, int? days, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-cache, no-store"; // what anti-forgery sets too: it keeps it without a warning
        var result = await tokens.CreateApiTokenAsync(User.Actor(), role ?? string.Empty, name ?? "api", User.Actor(), AccessApiEndpoints.Days(days), cancellationToken);
        if (result.IsSuccess)
        {
            Secret = result.Value.Secret;
        }

        await ShowAsync(result, null, cancellationToken);
    }

    public async Task OnPostRevokeAsync(long id, CancellationToken cancellationToken) =>
        await ShowAsync(await tokens.RevokeTokenAsync(id, User.Actor(), owner: User.Actor(), cancellationToken), "The token was revoked.", cancellationToken);

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
        Tokens = await tokens.TokensAsync(User.Actor(), cancellationToken);
    }
}
