using Embassy.Application;
using Embassy.Domain;
using Embassy.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Embassy.Web;

/// <summary>A role grant or token request (<paramref name="ExpiresInDays"/>: the token's lifetime, default 90).</summary>
public sealed record AccessRequest(string Login, string Role, string? Label = null, int? ExpiresInDays = null);

/// <summary>A token for oneself: a name, a role at most one's own (default: one's own) and a lifetime in days.</summary>
public sealed record OwnTokenRequest(string? Name = null, string? Role = null, int? ExpiresInDays = null);

/// <summary>A secret shown once, with the token it belongs to.</summary>
public sealed record SecretAnswer(long Id, string Login, string Role, string Name, DateTimeOffset ExpiresAt, string Secret);

/// <summary>
/// Grants, sessions and API tokens over the JSON API. Everyone lists and revokes their own tokens; admins grant and remove
/// roles, end sessions and list, create and revoke anyone's tokens. Answers that carry a secret are never cached.
/// </summary>
public static class AccessApiEndpoints
{
    private static readonly AuthorizeAttribute AnyToken = new() { AuthenticationSchemes = Schemes.Bearer };

    /// <summary>Maps <c>/api/tokens</c> and the admin's <c>/api/admin/users</c>, <c>/api/admin/tokens</c>.</summary>
    public static WebApplication MapAccessApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var own = app.MapGroup("/api/tokens").RequireAuthorization(AnyToken).WithTags("account");
        own.MapGet(string.Empty, OwnTokensAsync);
        own.MapPost(string.Empty, CreateOwnTokenAsync);
        own.MapDelete("/{id:long}", RevokeOwnTokenAsync);

        var admin = app.MapGroup("/api/admin").RequireAuthorization(new AuthorizeAttribute(AccessPolicies.Admin) { AuthenticationSchemes = Schemes.Bearer }).WithTags("admin");
        admin.MapGet("/users", GrantsAsync);
        admin.MapPost("/users", GrantAsync);
        admin.MapDelete("/users/{login}", RemoveGrantAsync);
        admin.MapPost("/users/{login}/end-sessions", EndSessionsAsync);
        admin.MapGet("/tokens", AllTokensAsync);
        admin.MapPost("/tokens", CreateTokenAsync);
        admin.MapDelete("/tokens/{id:long}", RevokeTokenAsync);
        return app;
    }

    internal static async Task<Ok<TokenInfo[]>> OwnTokensAsync(AccessTokens tokens, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok((await tokens.TokensAsync(http.User.Actor(), ct).ConfigureAwait(false)).ToArray());

    internal static async Task<Results<Ok<SecretAnswer>, ProblemHttpResult>> CreateOwnTokenAsync(OwnTokenRequest body, AccessTokens tokens, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var login = http.User.Actor();
        var role = body.Role ?? http.User.Role() ?? string.Empty;
        return Secret(http, await tokens.CreateApiTokenAsync(login, role, body.Name ?? "api", login, Days(body.ExpiresInDays), ct).ConfigureAwait(false));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RevokeOwnTokenAsync(long id, AccessTokens tokens, HttpContext http, CancellationToken ct) =>
        Done(await tokens.RevokeTokenAsync(id, http.User.Actor(), owner: http.User.Actor(), ct).ConfigureAwait(false));

    internal static async Task<Ok<RoleGrant[]>> GrantsAsync(AccessTokens tokens, CancellationToken ct) =>
        TypedResults.Ok((await tokens.GrantsAsync(ct).ConfigureAwait(false)).ToArray());

    internal static async Task<Results<Ok<string>, ProblemHttpResult>> GrantAsync(AccessRequest body, AccessTokens tokens, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var result = await tokens.GrantAsync(body.Login, body.Role, http.User.Actor(), ct).ConfigureAwait(false);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : Problems.From(result.Diagnostics);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RemoveGrantAsync(string login, AccessTokens tokens, HttpContext http, CancellationToken ct) =>
        Done(await tokens.RemoveGrantAsync(login, http.User.Actor(), ct).ConfigureAwait(false));

    internal static async Task<Results<NoContent, ProblemHttpResult>> EndSessionsAsync(string login, AccessTokens tokens, HttpContext http, CancellationToken ct) =>
        Done(await tokens.EndSessionsAsync(login, http.User.Actor(), ct).ConfigureAwait(false));

    internal static async Task<Ok<TokenInfo[]>> AllTokensAsync(AccessTokens tokens, CancellationToken ct) =>
        TypedResults.Ok((await tokens.TokensAsync(null, ct).ConfigureAwait(false)).ToArray());

    internal static async Task<Results<Ok<SecretAnswer>, ProblemHttpResult>> CreateTokenAsync(AccessRequest body, AccessTokens tokens, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Secret(http, await tokens.CreateApiTokenAsync(body.Login, body.Role, body.Label ?? "api", http.User.Actor(), Days(body.ExpiresInDays), ct).ConfigureAwait(false));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RevokeTokenAsync(long id, AccessTokens tokens, HttpContext http, CancellationToken ct) =>
        Done(await tokens.RevokeTokenAsync(id, http.User.Actor(), owner: null, ct).ConfigureAwait(false));

    /// <summary>A lifetime in whole days; out-of-range values reach the use case, which refuses them with its code.</summary>
    internal static TimeSpan? Days(int? days) => days is { } d ? TimeSpan.FromDays(Math.Clamp(d, -1, 100_000)) : null;

    private static Results<Ok<SecretAnswer>, ProblemHttpResult> Secret(HttpContext http, Result<IssuedToken> result)
    {
        // The secret exists once, in this answer: no cache, proxy or browser history may keep a copy.
        http.Response.Headers.CacheControl = "no-store";
        return result.IsSuccess
            ? TypedResults.Ok(new SecretAnswer(result.Value.Id, result.Value.Login, result.Value.Role, result.Value.Name, result.Value.ExpiresAt, result.Value.Secret))
            : Problems.From(result.Diagnostics);
    }

    private static Results<NoContent, ProblemHttpResult> Done<T>(Result<T> result) =>
        result.IsSuccess ? TypedResults.NoContent() : Problems.From(result.Diagnostics);
}
