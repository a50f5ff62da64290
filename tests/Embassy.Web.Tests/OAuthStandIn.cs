using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Embassy.Web.Tests;

/// <summary>
/// A tiny stand-in for GitHub's OAuth web flow (authorize → code → access token → /user), on a real loopback port, so the
/// generic OAuth handler is exercised end to end. The next login to sign in is set with <see cref="NextLogin"/>; each login
/// is its own GitHub account (a stable numeric id) unless <see cref="NextId"/> says otherwise (a login reclaimed by another account).
/// </summary>
public sealed class OAuthStandIn : IAsyncDisposable
{
    public const string ClientId = "client-id-for-tests";
    public const string ClientSecret = "client-secret-for-tests";

    private readonly ConcurrentDictionary<string, (string Login, long Id)> _codes = new();
    private readonly ConcurrentDictionary<string, (string Login, long Id)> _tokens = new();
    private readonly ConcurrentDictionary<string, long> _ids = new(StringComparer.OrdinalIgnoreCase);
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public string NextLogin { get; set; } = "octocat";

    /// <summary>The account id of the next sign-in; null: the login's own account.</summary>
    public long? NextId { get; set; }

    /// <summary>The account id GitHub gives a login here (first come, first numbered).</summary>
    public long IdOf(string login) => _ids.GetOrAdd(login, _ => 1000 + _ids.Count);

    public static async Task<OAuthStandIn> StartAsync()
    {
        var standIn = new OAuthStandIn();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/login/oauth/authorize", (string client_id, string redirect_uri, string state) =>
        {
            if (client_id != ClientId)
            {
                return Results.BadRequest();
            }

            var code = Guid.NewGuid().ToString("N");
            standIn._codes[code] = (standIn.NextLogin, standIn.NextId ?? standIn.IdOf(standIn.NextLogin));
            return Results.Redirect($"{redirect_uri}?code={code}&state={Uri.EscapeDataString(state)}");
        });
        app.MapPost("/login/oauth/access_token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["client_secret"] != ClientSecret || !standIn._codes.TryRemove(form["code"].ToString(), out var account))
            {
                return Results.Json(new { error = "bad_verification_code" }, statusCode: 400);
            }

            var token = "gho_" + Guid.NewGuid().ToString("N");
            standIn._tokens[token] = account;
            return Results.Json(new { access_token = token, token_type = "bearer", scope = "" });
        });
        app.MapGet("/user", (HttpRequest request) =>
        {
            var auth = request.Headers.Authorization.ToString();
            return auth.StartsWith("Bearer ", StringComparison.Ordinal) && standIn._tokens.TryGetValue(auth[7..], out var account)
                ? Results.Json(new { login = account.Login, id = account.Id })
                : Results.Unauthorized();
        });
        await app.StartAsync();
        standIn.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        standIn._app = app;
        return standIn;
    }

    /// <summary>The settings that point Embassy's OAuth handler here.</summary>
    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["GitHub:OAuth:ClientId"] = ClientId,
        ["GitHub:OAuth:ClientSecret"] = ClientSecret,
        ["GitHub:OAuth:AuthorizationEndpoint"] = new Uri(BaseAddress, "login/oauth/authorize").ToString(),
        ["GitHub:OAuth:TokenEndpoint"] = new Uri(BaseAddress, "login/oauth/access_token").ToString(),
        ["GitHub:OAuth:UserInformationEndpoint"] = new Uri(BaseAddress, "user").ToString(),
    };

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
