using System.Net;
using System.Text;
using Embassy.Application;
using Embassy.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Embassy.Web.Tests;

/// <summary>
/// Every endpoint (API, pages, OpenAPI, webhook: the endpoint data source) × anonymous, member, reviewer, admin, signer, a demoted
/// user (an admin whose grant was removed, with the cookie and token they had) and a revoked token (an admin's token
/// revoked, an admin's sessions ended): each answer must be what the endpoint's rule in <see cref="Rules"/> says, and no
/// answer is a 5xx. A new endpoint has no rule until one is written here, so it fails this test (issue #12).
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    private const string Public = "public";
    private const string SignedIn = "signed-in";

    /// <summary>Former admins: their grant removed (demoted), or their token revoked and sessions ended (revoked).</summary>
    private const string Demoted = "demoted";
    private const string Revoked = "revoked";

    private static readonly string[] People = ["anonymous", Roles.Member, Roles.Reviewer, Roles.Admin, Roles.Signer, Demoted, Revoked];

    [Fact]
    public async Task EveryEndpoint_EveryRole_GetsExactlyWhatItsPolicyAllows()
    {
        // A GitHub that answers: /readyz asks it whether the credentials work, and a refusal would be a 503.
        await using var github = await GitHubStandIn.GitHubStandIn.StartAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress);
        var endpoints = site.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.SuppressMatchingMetadata>()?.SuppressMatching != true)
            .ToArray();
        var browsers = new Dictionary<string, HttpClient> { ["anonymous"] = site.Browser() };
        var apis = new Dictionary<string, HttpClient> { ["anonymous"] = site.Browser() };
        foreach (var role in new[] { Roles.Member, Roles.Reviewer, Roles.Admin, Roles.Signer })
        {
            browsers[role] = await site.SignInAsAsync("who-" + role, role);
            apis[role] = await site.ApiAsAsync(role, "bot-" + role);
        }

        // Both former admins signed in and made a token while they were admins; then access was taken back.
        var tokens = site.Service<AccessTokens>();
        foreach (var former in new[] { Demoted, Revoked })
        {
            browsers[former] = await site.SignInAsAsync("was-" + former, Roles.Admin);
            apis[former] = await site.ApiAsAsync(Roles.Admin, "bot-was-" + former);
        }

        Assert.True((await tokens.RemoveGrantAsync("was-" + Demoted, "test")).IsSuccess);
        Assert.True((await tokens.RemoveGrantAsync("bot-was-" + Demoted, "test")).IsSuccess);
        Assert.True((await tokens.EndSessionsAsync("was-" + Revoked, "test")).IsSuccess);
        foreach (var token in (await tokens.TokensAsync(owner: "bot-was-" + Revoked)).Where(t => t.RevokedAt is null))
        {
            Assert.True((await tokens.RevokeTokenAsync(token.Id, "test", owner: null)).IsSuccess);
        }

        // Every endpoint has a rule, every rule an endpoint, and the endpoint's own metadata says the same as its rule.
        var keys = endpoints.SelectMany(e => Methods(e).Select(m => (Key: Key(m, e), Endpoint: e))).ToArray();
        var missing = keys.Where(k => !Rules.ContainsKey(k.Key)).Select(k => $"        [\"{k.Key}\"] = {RuleName(Derived(k.Endpoint))},").ToArray();
        Assert.True(missing.Length == 0, "Endpoints without a rule in AuthorizationMatrixTests.Rules; decide who may call them:\n" + string.Join("\n", missing));
        var stale = Rules.Keys.Except(keys.Select(k => k.Key), StringComparer.Ordinal).ToArray();
        Assert.True(stale.Length == 0, "Rules for endpoints that no longer exist: " + string.Join(", ", stale));
        var disagree = keys.Where(k => Rules[k.Key] != Derived(k.Endpoint)).Select(k => $"{k.Key}: rule {Rules[k.Key]}, endpoint {Derived(k.Endpoint)}").ToArray();
        Assert.True(disagree.Length == 0, "Endpoints whose authorization differs from their rule:\n" + string.Join("\n", disagree));

        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var endpoint in endpoints)
        {
            var path = Fill(endpoint.RoutePattern.RawText ?? "/");
            foreach (var method in Methods(endpoint))
            {
                foreach (var person in People)
                {
                    var client = path.StartsWith("/api", StringComparison.Ordinal) ? apis[person] : browsers[person];
                    using var request = new HttpRequestMessage(new HttpMethod(method), path);
                    if (method != "GET")
                    {
                        request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                    }

                    using var response = await client.SendAsync(request);
                    var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString is { } to
                            && (to.Contains("/signin?", StringComparison.Ordinal) || to.Contains("/denied", StringComparison.Ordinal)));
                    var rule = Rules[Key(method, endpoint)];
                    var allowed = rule switch
                    {
                        Public => true,
                        SignedIn => person is not ("anonymous" or Demoted or Revoked),
                        _ => person is not ("anonymous" or Demoted or Revoked) && AccessPolicies.RolesFor(rule).Contains(person),
                    };

                    // Public endpoints may answer 401/403 for their own reasons (the webhook's signature, the "not allowed" page): they only must not ask for sign-in.
                    var toSignIn = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/signin?", StringComparison.Ordinal) == true;
                    var ok = rule == Public ? !toSignIn : allowed ? !refused : refused;
                    if (!ok || (int)response.StatusCode >= 500)
                    {
                        failures.Add($"{method} {path} as {person}: {(int)response.StatusCode} {response.Headers.Location} (rule {rule})");
                    }

                    checkedCount++;
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(checkedCount > 100, $"Only {checkedCount} requests: the endpoint data source looks incomplete.");
    }

    [Fact]
    public async Task OpenApiDocument_EveryOperation_IsAnEndpointWithARule()
    {
        await using var site = new EmbassySite();
        using var doc = System.Text.Json.JsonDocument.Parse(await site.CreateClient().GetStringAsync("/openapi/v1.json"));

        var operations = doc.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => o.Name.ToUpperInvariant() + " " + OpenApiPath().Replace(p.Name, "{$1}")))
            .ToArray();
        var rules = Rules.Keys.Select(k => RouteParameter().Replace(k, "{$1}").TrimEnd('/')).ToHashSet(StringComparer.Ordinal);

        Assert.True(operations.Length > 50, $"only {operations.Length} operations in the OpenAPI document");
        var unruled = operations.Where(o => !rules.Contains(o)).ToArray();
        Assert.True(unruled.Length == 0, "OpenAPI operations without an endpoint rule: " + string.Join(", ", unruled));
    }

    [Fact]
    public async Task EveryEndpoint_HasAnExplicitDecision_OrFallsBackToSignIn()
    {
        await using var site = new EmbassySite();
        var options = site.Service<Microsoft.Extensions.Options.IOptions<AuthorizationOptions>>().Value;

        // Secure by default: an endpoint nobody annotated still needs a signed-in user.
        Assert.NotNull(options.FallbackPolicy);
        Assert.Contains(options.FallbackPolicy!.Requirements, r => r is Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement);
    }

    /// <summary>What an endpoint's metadata requires: public when anonymous is allowed, signed-in for the fallback, or the strictest policy.</summary>
    private static string Derived(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return Public;
        }

        var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).ToArray();
        return policies.Length switch
        {
            0 => SignedIn,

            // The strictest policy wins (all must pass).
            _ => policies.OrderBy(p => AccessPolicies.RolesFor(p!).Count).First()!,
        };
    }

    private static string RuleName(string rule) => rule switch
    {
        Public => nameof(Public),
        SignedIn => nameof(SignedIn),
        _ => "Roles." + char.ToUpperInvariant(rule[0]) + rule[1..],
    };

    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"]).Where(m => m is "GET" or "POST" or "PUT" or "DELETE");

    /// <summary>"METHOD /route/{param}" with the route's constraints left out.</summary>
    private static string Key(string method, RouteEndpoint endpoint)
    {
        var raw = endpoint.RoutePattern.RawText ?? "/";
        return method + " " + (raw.StartsWith('/') ? raw : "/" + raw);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{([^}:]+)\}")]
    private static partial System.Text.RegularExpressions.Regex OpenApiPath();

    [System.Text.RegularExpressions.GeneratedRegex(@"\{\*?(\w+)(:[^}]*)?\}")]
    private static partial System.Text.RegularExpressions.Regex RouteParameter();

    /// <summary>Who may call each endpoint: public, any signed-in person, or at least a role (the roles above it too).</summary>
    private static readonly Dictionary<string, string> Rules = new(StringComparer.Ordinal)
    {
        ["GET /health"] = Public,
        ["GET /healthz"] = Public,
        ["GET /readyz"] = Public,
        ["GET /metrics"] = Public,
        ["POST /github/webhook"] = Public,
        ["GET /signin/once"] = Public,
        ["POST /signin/once"] = Public,
        ["GET /signin"] = Public,
        ["POST /signin"] = Public,
        ["GET /signout"] = Public,
        ["POST /signout"] = Public,
        ["GET /admin/audit"] = Roles.Admin,
        ["GET /admin/issue-form"] = Roles.Admin,
        ["POST /admin/issue-form"] = Roles.Admin,
        ["POST /admin/audit"] = Roles.Admin,
        ["GET /admin"] = Roles.Admin,
        ["POST /admin"] = Roles.Admin,
        ["GET /admin/members/{id:long}"] = Roles.Admin,
        ["POST /admin/members/{id:long}"] = Roles.Admin,
        ["GET /admin/members"] = Roles.Admin,
        ["POST /admin/members"] = Roles.Admin,
        ["GET /admin/months/{period}"] = Roles.Admin,
        ["POST /admin/months/{period}"] = Roles.Admin,
        ["GET /admin/months"] = Roles.Admin,
        ["POST /admin/months"] = Roles.Admin,
        ["GET /admin/months/{period}/payout"] = Roles.Admin,
        ["POST /admin/months/{period}/payout"] = Roles.Admin,
        ["GET /admin/reports/{id:long}"] = Roles.Admin,
        ["POST /admin/reports/{id:long}"] = Roles.Admin,
        ["GET /admin/treasury"] = Roles.Admin,
        ["POST /admin/treasury"] = Roles.Admin,
        ["GET /admin/connection"] = Roles.Admin,
        ["POST /admin/connection"] = Roles.Admin,
        ["GET /admin/users"] = Roles.Admin,
        ["POST /admin/users"] = Roles.Admin,
        ["GET /me"] = Roles.Member,
        ["POST /me"] = Roles.Member,
        ["GET /me/tokens"] = Roles.Member,
        ["POST /me/tokens"] = Roles.Member,
        ["GET /me/months/{period}"] = Roles.Member,
        ["GET /me/calendar"] = Roles.Member, // issue #14: the feeds' secret addresses, made and rotated by their owner
        ["POST /me/calendar"] = Roles.Member,
        ["GET /calendar/{secret}.ics"] = Public, // calendar apps cannot sign in: the secret is the key (404 otherwise)
        ["POST /me/months/{period}"] = Roles.Member,
        ["GET /me/statement/{year}"] = Roles.Member,
        ["POST /me/statement/{year}"] = Roles.Member,
        ["GET /apply/status"] = Public,
        ["POST /apply/status"] = Public,
        ["GET /apply"] = Public,
        ["POST /apply"] = Public,
        ["GET /denied"] = Public,
        ["POST /denied"] = Public,
        ["GET /"] = Public,
        ["POST /"] = Public,
        ["GET /leaderboard"] = Public,
        ["POST /leaderboard"] = Public,
        ["GET /members/{id:long}"] = Public,
        ["POST /members/{id:long}"] = Public,
        ["GET /months/{period}"] = Public,
        ["POST /months/{period}"] = Public,
        ["GET /status/{code:int}"] = Public,
        ["POST /status/{code:int}"] = Public,
        ["GET /treasury"] = Public,
        ["POST /treasury"] = Public,
        ["GET /review/applications/{id:long}"] = Roles.Reviewer,
        ["POST /review/applications/{id:long}"] = Roles.Reviewer,
        ["GET /review/applications"] = Roles.Reviewer,
        ["POST /review/applications"] = Roles.Reviewer,
        ["GET /review/crews/{id:long}"] = Roles.Reviewer,
        ["POST /review/crews/{id:long}"] = Roles.Reviewer,
        ["GET /review/crews/{id:long}/{period}"] = Roles.Reviewer,
        ["POST /review/crews/{id:long}/{period}"] = Roles.Reviewer,
        ["GET /review/crews"] = Roles.Reviewer,
        ["GET /review/calibration"] = Roles.Reviewer,
        ["POST /review/calibration"] = Roles.Reviewer,
        ["GET /review/drift/{period}"] = Roles.Reviewer,
        ["POST /review/drift/{period}"] = Roles.Reviewer,
        ["POST /review/crews"] = Roles.Reviewer,
        ["GET /review"] = Roles.Reviewer,
        ["POST /review"] = Roles.Reviewer,
        ["GET /review/{id:long}"] = Roles.Reviewer,
        ["POST /review/{id:long}"] = Roles.Reviewer,
        ["GET /openapi/{documentName}.json"] = Public,
        ["GET /signin/github"] = Public,
        ["GET /months/{period}/export.csv"] = Public,
        ["GET /months/{period}/export.xlsx"] = Public,
        ["GET /api/months"] = Public,
        ["GET /api/months/{period}"] = Public,
        ["GET /api/me"] = SignedIn,
        ["GET /api/members/"] = Roles.Member,
        ["POST /api/members/"] = Roles.Admin,
        ["PUT /api/members/{id:long}"] = Roles.Admin,
        ["POST /api/members/{id:long}/rank"] = Roles.Admin,
        ["POST /api/members/{id:long}/address"] = Roles.Admin,
        ["GET /api/review/{period}"] = Roles.Reviewer,
        ["GET /api/review/reports/{id:long}"] = Roles.Reviewer,
        ["POST /api/review/reports/{id:long}/scores"] = Roles.Reviewer,
        ["POST /api/review/reports/{id:long}/scores/withdraw"] = Roles.Reviewer,
        ["POST /api/review/reports/{id:long}/reject"] = Roles.Reviewer,
        ["POST /api/review/reports/{id:long}/reconsider"] = Roles.Reviewer,
        ["GET /api/admin/months/{period}"] = Roles.Admin,
        ["POST /api/admin/months/{period}/lock"] = Roles.Admin,
        ["POST /api/admin/months/{period}/reopen"] = Roles.Admin,
        ["POST /api/admin/months/{period}/approve"] = Roles.Admin,
        ["GET /api/admin/months/{period}/payout.csv"] = Roles.Admin,
        ["GET /api/admin/months/{period}/payout-substrate.txt"] = Roles.Admin,
        ["GET /api/admin/months/{period}/payout-safe.json"] = Roles.Admin,
        ["GET /api/admin/months/{period}/signing"] = Roles.Admin,
        ["GET /api/admin/months/{period}/payments"] = Roles.Admin,
        ["POST /api/admin/months/{period}/transactions"] = Roles.Admin,
        ["POST /api/admin/months/{period}/transactions/{batch:int}/correction"] = Roles.Admin,
        ["POST /api/admin/months/{period}/promotions/{member}"] = Roles.Admin,
        ["POST /api/admin/reports/{id:long}/link"] = Roles.Admin,
        ["POST /api/admin/reports/{id:long}/accept-late"] = Roles.Admin,
        ["GET /api/admin/audit"] = Roles.Admin,
        ["POST /api/admin/sync"] = Roles.Admin,
        ["GET /api/tokens/"] = SignedIn,
        ["POST /api/tokens/"] = SignedIn,
        ["DELETE /api/tokens/{id:long}"] = SignedIn,
        ["GET /api/admin/users"] = Roles.Admin,
        ["POST /api/admin/users"] = Roles.Admin,
        ["DELETE /api/admin/users/{login}"] = Roles.Admin,
        ["POST /api/admin/users/{login}/end-sessions"] = Roles.Admin,
        ["GET /api/admin/tokens"] = Roles.Admin,
        ["POST /api/admin/tokens"] = Roles.Admin,
        ["DELETE /api/admin/tokens/{id:long}"] = Roles.Admin,
        ["GET /api/treasury"] = Public,
        ["POST /api/admin/applications/{id:long}/decision"] = Roles.Admin,
        ["POST /api/admin/treasury/proposals"] = Roles.Admin,
        ["POST /api/admin/treasury/proposals/{number:int}/milestones"] = Roles.Admin,
        ["POST /api/admin/treasury/prices"] = Roles.Admin,
        ["POST /api/admin/treasury/prices/import"] = Roles.Admin,
        ["POST /api/admin/treasury/counts"] = Roles.Admin,
        ["POST /api/admin/treasury/bounties"] = Roles.Admin,
        ["POST /api/admin/treasury/bounties/{id:long}/approve"] = Roles.Admin,
        ["POST /api/admin/treasury/bounties/{period}/draw"] = Roles.Admin,
        ["GET /api/admin/treasury/bounties/{period}/payout.csv"] = Roles.Admin,
        ["PUT /api/admin/treasury/bounties/{id:long}"] = Roles.Admin,
        ["POST /api/admin/treasury/bounties/{id:long}/cancel"] = Roles.Admin,
        ["GET /api/admin/treasury/bounties/{period}/payout-substrate.txt"] = Roles.Admin,
        ["POST /api/admin/treasury/bounties/{period}/transactions"] = Roles.Admin,
        ["GET /api/admin/treasury/bounties/{period}/payout-safe.json"] = Roles.Admin,
        ["GET /api/admin/treasury/bounties"] = Roles.Admin,
        ["GET /api/review/applications"] = Roles.Reviewer,
        ["GET /api/review/applications/{id:long}"] = Roles.Reviewer,
        ["POST /api/review/applications/{id:long}/scores"] = Roles.Reviewer,
        ["GET /api/review/crews"] = Roles.Reviewer,
        ["GET /api/review/months/{period}/drift"] = Roles.Reviewer,
        ["GET /api/review/crews/{id:long}/{period}"] = Roles.Reviewer,
        ["POST /api/review/crews/{id:long}/{period}/ticks"] = Roles.Reviewer,
        ["POST /api/admin/crews/"] = Roles.Admin,
        ["PUT /api/admin/crews/{id:long}"] = Roles.Admin,

        // #13: the treasury signers' read-only pages and summaries; the member's own address proof.
        ["GET /sign"] = Roles.Signer,
        ["POST /sign"] = Roles.Signer,
        ["GET /sign/months/{period}"] = Roles.Signer,
        ["POST /sign/months/{period}"] = Roles.Signer,
        ["GET /sign/bounties/{period}"] = Roles.Signer,
        ["POST /sign/bounties/{period}"] = Roles.Signer,
        ["GET /api/sign/months/{period}"] = Roles.Signer,
        ["GET /api/sign/bounties/{period}"] = Roles.Signer,
        ["GET /me/address"] = Roles.Member,
        ["POST /me/address"] = Roles.Member,
        ["GET /api/me/addresses/"] = Roles.Member,
        ["POST /api/me/addresses/challenge"] = Roles.Member,
        ["POST /api/me/addresses/proof"] = Roles.Member,
    };

    /// <summary>
    /// #13: a signer can write nothing. The only endpoints a signer passes are GETs and the POST route every Razor page
    /// has; the signers' pages have no POST handler, so such a POST runs nothing (the anti-forgery check refuses it first).
    /// </summary>
    [Fact]
    public void Signer_PassesOnlyReads_AndTheSignersPagesHaveNoPostHandler()
    {
        var signerRules = Rules.Where(r => r.Value is not (Public or SignedIn) && AccessPolicies.RolesFor(r.Value).Contains(Roles.Signer)).Select(r => r.Key).ToArray();
        var writes = signerRules.Where(k => !k.StartsWith("GET ", StringComparison.Ordinal)).ToArray();
        var pageModels = typeof(Embassy.Web.Pages.Sign.SignIndexModel).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(Embassy.Web.Pages.Sign.SignIndexModel).Namespace && typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel).IsAssignableFrom(t)).ToArray();
        var postHandlers = pageModels.SelectMany(t => t.GetMethods()).Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal)).Select(m => m.DeclaringType!.Name + "." + m.Name).ToArray();

        Assert.Equal(8, signerRules.Length);
        Assert.All(writes, k => Assert.StartsWith("POST /sign", k, StringComparison.Ordinal));
        Assert.Equal(3, pageModels.Length);
        Assert.Empty(postHandlers);
        Assert.Equal([Roles.Admin, Roles.Signer], AccessPolicies.RolesFor(AccessPolicies.Signer));
        Assert.DoesNotContain(Roles.Signer, AccessPolicies.RolesFor(AccessPolicies.Member));
    }

    private static string Fill(string pattern)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\*?)(\w+)(:[^}]*)?\}", m => m.Groups[2].Value switch
        {
            "period" => "2026-10",
            "id" => "1",
            "number" => "1",
            "batch" => "1",
            "code" => "404",
            "member" => "nobody",
            _ => "x",
        });
        return path.StartsWith('/') ? path : "/" + path;
    }
}
