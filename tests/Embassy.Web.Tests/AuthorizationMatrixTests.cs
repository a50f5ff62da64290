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
/// Every endpoint × every role (anonymous, member, reviewer, admin), generated from the endpoint data source: a new
/// endpoint is covered without touching this test, and one without an authorization decision fails it.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    private static readonly string[] People = ["anonymous", Roles.Member, Roles.Reviewer, Roles.Admin];

    [Fact]
    public async Task EveryEndpoint_EveryRole_GetsExactlyWhatItsPolicyAllows()
    {
        await using var site = new EmbassySite();
        var endpoints = site.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.SuppressMatchingMetadata>()?.SuppressMatching != true)
            .ToArray();
        var browsers = new Dictionary<string, HttpClient> { ["anonymous"] = site.Browser() };
        var apis = new Dictionary<string, HttpClient> { ["anonymous"] = site.Browser() };
        foreach (var role in People.Skip(1))
        {
            browsers[role] = await site.SignInAsAsync("who-" + role, role);
            apis[role] = await site.ApiAsAsync(role, "bot-" + role);
        }

        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var endpoint in endpoints)
        {
            var required = Required(endpoint);
            var path = Fill(endpoint.RoutePattern.RawText ?? "/");
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            foreach (var method in methods.Where(m => m is "GET" or "POST" or "PUT" or "DELETE"))
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
                    var allowed = required switch
                    {
                        null => true,
                        "authenticated" => person != "anonymous",
                        _ => person != "anonymous" && AccessPolicies.RolesFor(required).Contains(person),
                    };

                    // Public endpoints may answer 401/403 for their own reasons (the webhook's signature, the "not allowed" page): they only must not ask for sign-in.
                    var toSignIn = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/signin?", StringComparison.Ordinal) == true;
                    var ok = required is null ? !toSignIn : allowed ? !refused : refused;
                    if (!ok)
                    {
                        failures.Add($"{method} {path} as {person}: {(int)response.StatusCode} {response.Headers.Location} (policy {required ?? "public"})");
                    }

                    checkedCount++;
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(checkedCount > 100, $"Only {checkedCount} requests: the endpoint data source looks incomplete.");
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

    /// <summary>The policy an endpoint needs: null when anonymous is allowed, "authenticated" for the fallback.</summary>
    private static string? Required(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return null;
        }

        var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).ToArray();
        return policies.Length switch
        {
            0 => "authenticated",

            // The strictest policy wins (all must pass).
            _ => policies.OrderBy(p => AccessPolicies.RolesFor(p!).Count).First(),
        };
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
