using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using Embassy.Application;
using Embassy.Data;
using Embassy.Web.Rendering;
using Embassy.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Embassy.Web;

/// <summary>Sign-in with GitHub (configuration section <c>GitHub:OAuth</c>, environment <c>EMBASSY_GitHub__OAuth__*</c>).</summary>
public sealed class GitHubOAuthOptions
{
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string AuthorizationEndpoint { get; set; } = "https://github.com/login/oauth/authorize";

    public string TokenEndpoint { get; set; } = "https://github.com/login/oauth/access_token";

    public string UserInformationEndpoint { get; set; } = "https://api.github.com/user";

    /// <summary>True when a client id and secret are configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}

/// <summary>What the running instance is: a real program or the clearly labelled demo.</summary>
/// <param name="Demo">True when the demo program's own database is in use.</param>
/// <param name="DemoMembers">Members the demo seeds (<c>DemoSize:Members</c>, default 24; the load test uses 1,000).</param>
/// <param name="DemoMonths">Closed months the demo seeds (<c>DemoSize:Months</c>, default 2).</param>
public sealed record SiteMode(bool Demo, int DemoMembers = 24, int DemoMonths = 2)
{
    /// <summary>The demo's data folder as configured (the banner names it: the folder in use, not a default).</summary>
    public string DemoFolder { get; init; } = Path.Combine("data", "demo");
}

/// <summary>The last one-time admin link printed at start (empty once an admin exists).</summary>
public sealed class FirstRunLink
{
    /// <summary>The path with its secret, e.g. <c>/signin/once?token=…</c>.</summary>
    public string? Path { get; internal set; }
}

/// <summary>Adds the web app's features (eShop-style <c>builder.AddX()</c> / <c>app.UseX()</c>).</summary>
public static partial class EmbassyWebSetup
{
    /// <summary>The output-cache tag of public pages, evicted after every change.</summary>
    public const string PublicTag = "public";

    /// <summary>
    /// The command line as configuration reads it: <c>--demo</c> is a switch, but the command line configuration reads
    /// <c>--key value</c>, so <c>--demo --urls …</c> would make "--urls" the demo's value; the switch gets its value here.
    /// </summary>
    public static string[] CommandLine(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Select(a => string.Equals(a, "--demo", StringComparison.Ordinal) ? "--Demo=true" : a).ToArray();
    }

    /// <summary>
    /// Demo mode (<c>--demo</c> or <c>Demo=true</c>): the program lives in its own database file, <c>data/demo/embassy.db</c>,
    /// so demo data never mixes with a real program. Call before <c>AddEmbassyData</c>.
    /// </summary>
    public static WebApplicationBuilder AddEmbassyDemoMode(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var demo = builder.Configuration.GetValue<bool>("Demo");
        if (demo)
        {
            if (!string.IsNullOrWhiteSpace(builder.Configuration["Database:ConnectionString"]))
            {
                throw new InvalidOperationException("The demo runs on its own SQLite file; unset Database:ConnectionString to start it.");
            }

            var dir = builder.Configuration["Database:DataDirectory"] ?? "data";
            builder.Configuration["Database:DataDirectory"] = Path.Combine(dir, "demo");
            builder.Configuration["Database:Provider"] = "sqlite";
        }

        builder.Configuration["Demo"] = demo ? "true" : "false";
        return builder;
    }

    /// <summary>The EVM JSON-RPC endpoint payout hashes are checked against (<c>Chain:Evm:RpcUrl</c>), or null when unset.</summary>
    /// <exception cref="InvalidOperationException">The setting is not an absolute http(s) address.</exception>
    public static Uri? EvmRpcUrl(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var text = config["Chain:Evm:RpcUrl"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url
            : throw new InvalidOperationException("Chain:Evm:RpcUrl must be an absolute http(s) address of an Ethereum JSON-RPC endpoint.");
    }

    /// <summary><c>Public:PageSize</c>: rows per page of the public lists (1 to 10,000; 100 when absent).</summary>
    private static int PageSize(IConfiguration config)
    {
        var size = config.GetValue("Public:PageSize", PublicPaging.DefaultSize);
        return size is >= 1 and <= 10_000 ? size : throw new InvalidOperationException("Public:PageSize must be a number of rows from 1 to 10000.");
    }

    /// <summary>Pages, JSON API, sign-in (cookies, GitHub OAuth, API tokens), roles, anti-forgery, OpenAPI, output cache and the first-run step.</summary>
    public static WebApplicationBuilder AddEmbassyWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var config = builder.Configuration;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new SiteMode(config.GetValue<bool>("Demo"), config.GetValue("DemoSize:Members", 24), config.GetValue("DemoSize:Months", 2))
        {
            DemoFolder = Path.GetFullPath(config["Database:DataDirectory"] ?? Path.Combine("data", "demo")),
        });
        services.AddSingleton<FirstRunLink>();
        // #13: recorded payout hashes are checked on the chain when an endpoint is configured; "not verified" otherwise.
        services.AddSingleton(sp => new PaymentChecks(sp.GetRequiredService<IDbContextFactory<EmbassyDbContext>>(), sp.GetRequiredService<TimeProvider>(), EvmRpcUrl(config)));
        services.AddTransient<MonthCloseWorkflow>(); // transient: its GitHub options are the connection in force (issue #15)
        services.AddSingleton<ReviewQueue>();
        services.AddSingleton<MemberAdmin>();
        services.AddSingleton<PublicQueries>();
        services.AddSingleton(new PublicPaging(PageSize(config))); // issue #16: the public lists a page at a time
        services.AddSingleton<PublishedMonthMemo>(); // issue #16: a month read once for all its pages
        services.AddSingleton<MemberMonths>();
        services.AddSingleton<Appeals>();
        services.AddSingleton<EvidenceChecks>();
        services.AddSingleton<ReportFreezes>(); // R7: the deadline freeze and accepted later versions
        services.AddHostedService<FreezeWorker>(); // R7: frozen within a minute of the deadline, not at the first look
        services.AddSingleton<ReviewCalibration>(); // issue #14: reviewers against the panel mean, members against their suggestions
        services.AddSingleton<DemoProgram>();
        services.AddSingleton<ReportAdmin>();
        services.AddSingleton<MonthDrift>();
        var site = SiteAddress.From(config); // read first: the receipts link to the member's month page at the public address
        services.AddEmbassyReminders(site.PublicUrl); // issue #14: calendar feeds, reminders and receipts on GitHub
        builder.AddEmbassyCommunityWeb();
        services.AddEmbassyTreasury();
        var admins = (config["Auth:Admins"] ?? string.Empty).Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var firstAdmin = config["Access:FirstAdmin"];
        services.AddSingleton(sp => new AccessTokens(
            sp.GetRequiredService<IDbContextFactory<EmbassyDbContext>>(), sp.GetRequiredService<TimeProvider>(), admins, string.IsNullOrWhiteSpace(firstAdmin) ? null : firstAdmin));
        services.AddHostedService<FirstRun>();

        // Behind a reverse proxy: only the listed proxies' forwarded headers are read. PostConfigure runs after the host's
        // own setup, which ASPNETCORE_FORWARDEDHEADERS_ENABLED=true makes trust every client; the list here wins.
        services.AddSingleton(site);
        services.PostConfigure<ForwardedHeadersOptions>(o =>
        {
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            o.ForwardedHeaders = site.TrustsProxies ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
            foreach (var proxy in site.KnownProxies)
            {
                o.KnownProxies.Add(proxy);
            }

            foreach (var network in site.KnownNetworks)
            {
                o.KnownIPNetworks.Add(network);
            }
        });

        // An https public URL: the sign-in cookies never go out without Secure, even when the proxy talks plain http to Embassy.
        var cookieSecurity = site.IsHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        var oauth = new GitHubOAuthOptions();
        config.GetSection("GitHub:OAuth").Bind(oauth);
        services.AddSingleton(oauth);
        var auth = services.AddAuthentication(Schemes.Cookie)
            .AddCookie(Schemes.Cookie, o =>
            {
                o.LoginPath = "/signin";
                o.LogoutPath = "/signout";
                o.AccessDeniedPath = "/denied";
                o.Cookie.Name = "embassy";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = cookieSecurity;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromDays(7);

                // Cookie lifetimes are judged by the browser's wall clock, whatever clock the program's rules run on.
                o.TimeProvider = TimeProvider.System;

                // Roles are read from the current grants on every request, so a removed role is gone at once.
                o.Events.OnValidatePrincipal = AccessPolicies.ValidateSessionAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(Schemes.Bearer, _ => { });
        if (oauth.Enabled)
        {
            auth.AddOAuth(Schemes.GitHub, o =>
            {
                o.ClientId = oauth.ClientId!;
                o.ClientSecret = oauth.ClientSecret!;
                o.AuthorizationEndpoint = oauth.AuthorizationEndpoint;
                o.TokenEndpoint = oauth.TokenEndpoint;
                o.UserInformationEndpoint = oauth.UserInformationEndpoint;
                o.CallbackPath = "/signin-github";
                o.SignInScheme = Schemes.Cookie;
                o.Events.OnCreatingTicket = CreateGitHubTicketAsync;

                // The callback is a top-level GET from GitHub: Lax suffices, and plain-http local installs keep working.
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = cookieSecurity;
                o.CorrelationCookie.Path = "/";
                o.TimeProvider = TimeProvider.System;
                o.Events.OnRemoteFailure = context =>
                {
                    context.Response.Redirect("/signin?failed=true");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(AccessPolicies.Admin, p => p.RequireAuthenticatedUser().RequireRole(AccessPolicies.RolesFor(AccessPolicies.Admin)))
            .AddPolicy(AccessPolicies.Reviewer, p => p.RequireAuthenticatedUser().RequireRole(AccessPolicies.RolesFor(AccessPolicies.Reviewer)))
            .AddPolicy(AccessPolicies.Member, p => p.RequireAuthenticatedUser().RequireRole(AccessPolicies.RolesFor(AccessPolicies.Member)))
            .AddPolicy(AccessPolicies.Signer, p => p.RequireAuthenticatedUser().RequireRole(AccessPolicies.RolesFor(AccessPolicies.Signer)))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        // The anti-forgery cookie follows the request: it is no credential, and with Always ASP.NET Core refuses every form on
        // a request that reached Embassy over plain http (a TLS proxy whose forwarded headers are not read).
        services.AddAntiforgery(o => o.Cookie.Name = "embassy-af");
        builder.AddEmbassyKeyRing();

        // Every page's output without bidirectional controls (names, logins, titles: Rendering/DisplayText.cs).
        services.AddSingleton<System.Text.Encodings.Web.HtmlEncoder>(new Rendering.NeutralHtmlEncoder());
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin", AccessPolicies.Admin);
            o.Conventions.AuthorizeFolder("/Review", AccessPolicies.Reviewer);
            o.Conventions.AuthorizeFolder("/Me", AccessPolicies.Member);
            o.Conventions.AuthorizeFolder("/Sign", AccessPolicies.Signer); // #13: read-only, GET handlers only
            o.Conventions.AllowAnonymousToFolder("/Public");
            o.Conventions.AllowAnonymousToFolder("/Account");
        });
        // Cached copies are keyed by the database's cache generation, so no instance serves a page older than the last change.
        services.AddSingleton<PublicCacheGeneration>();
        services.AddOutputCache(o => o.AddPolicy(PublicTag, p => p.Expire(TimeSpan.FromMinutes(10)).Tag(PublicTag).AddPolicy<CacheGenerationPolicy>()));
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new PeriodJsonConverter()));
        services.AddOpenApi();
        return builder;
    }

    /// <summary>Security headers, static files, authentication, authorization, anti-forgery and the public page cache.</summary>
    public static WebApplication UseEmbassyWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders(); // reads only what the listed proxies forward (see AddEmbassyWeb)
        var hsts = app.Services.GetRequiredService<SiteAddress>().IsHttps;
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            if (hsts)
            {
                // The public URL is https: browsers keep to https for a year (a plain-http answer's header is ignored by them).
                headers.StrictTransportSecurity = "max-age=31536000";
            }

            // Second wall behind Markdig's DisableHtml: no inline script or style, no plugins, no framing, no image from elsewhere.
            headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            await next(context).ConfigureAwait(false);
        });
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/github"),
            pages => pages.UseStatusCodePagesWithReExecute("/status/{0}")); // JSON callers keep their ProblemDetails
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseOutputCache();
        app.Use(async (context, next) =>
        {
            await next(context).ConfigureAwait(false);

            // Any successful change may alter a public page: drop the cached copies.
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && context.Response.StatusCode < 400)
            {
                var store = context.RequestServices.GetRequiredService<IOutputCacheStore>();
                await store.EvictByTagAsync(PublicTag, context.RequestAborted).ConfigureAwait(false);

                // ...and every other instance's: they read the generation before answering from their cache.
                await context.RequestServices.GetRequiredService<PublicCacheGeneration>().BumpAsync(CancellationToken.None).ConfigureAwait(false);
            }
        });
        return app;
    }

    /// <summary>The Razor pages and the OpenAPI document.</summary>
    public static WebApplication MapEmbassyPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapRazorPages();
        app.MapOpenApi().AllowAnonymous();
        app.MapGet("/signin/github", (string? returnUrl, GitHubOAuthOptions oauth) => oauth.Enabled
                ? Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOnly(returnUrl) }, [Schemes.GitHub])
                : Results.Problem("Sign-in with GitHub is not configured (EMBASSY_GitHub__OAuth__ClientId and ClientSecret).", statusCode: StatusCodes.Status404NotFound))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// A return URL only when ASP.NET Core's own check calls it local and it is printable ASCII (what a Location header can
    /// carry unchanged; the sign-in redirect escapes paths so); anything else is "/".
    /// </summary>
    public static string LocalOnly(string? url) =>
        url is not null && RedirectHttpResult.IsLocalUrl(url) && url.All(c => c is > ' ' and < '\x7f') ? url : "/";

    private static async Task CreateGitHubTicketAsync(OAuthCreatingTicketContext context)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, context.Options.UserInformationEndpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", context.AccessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.ParseAdd("Embassy");
        using var response = await context.Backchannel.SendAsync(request, context.HttpContext.RequestAborted).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var user = JsonDocument.Parse(await response.Content.ReadAsStringAsync(context.HttpContext.RequestAborted).ConfigureAwait(false));
        var login = user.RootElement.TryGetProperty("login", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
        // A failure is thrown, not context.Fail(): the OAuth handler ignores the creating-ticket result and would sign in
        // the empty principal; a thrown failure reaches OnRemoteFailure.
        if (string.IsNullOrWhiteSpace(login) || !user.RootElement.TryGetProperty("id", out var i) || !i.TryGetInt64(out var id))
        {
            throw new AuthenticationFailureException("GitHub did not say who signed in.");
        }

        // R2: the role comes from configured admins, granted roles or the member registry — never from GitHub; the account
        // id keeps a renamed-and-reclaimed login from inheriting its former owner's role.
        var tokens = context.HttpContext.RequestServices.GetRequiredService<AccessTokens>();
        var signedIn = await tokens.SignInWithGitHubAsync(login, id, context.HttpContext.RequestAborted).ConfigureAwait(false);
        if (!signedIn.IsSuccess)
        {
            throw new AuthenticationFailureException(signedIn.Errors.First().Message);
        }

        context.Principal = AccessPolicies.Principal(signedIn.Value.Login, signedIn.Value.Role, Schemes.Cookie, signedIn.Value.Stamp);
    }

    /// <summary>Seeds the demo when asked, and prints a one-time admin link on an install without an admin.</summary>
    private sealed partial class FirstRun(
        SiteMode mode,
        DemoProgram demo,
        AccessTokens tokens,
        FirstRunLink link,
        IServer server,
        IHostApplicationLifetime lifetime,
        ILogger<FirstRun> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            if (mode.Demo && await demo.IsEmptyAsync(cancellationToken).ConfigureAwait(false))
            {
                LogSeeding(logger);
                await demo.SeedAsync(mode.DemoMembers, mode.DemoMonths, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            var secret = await tokens.FirstRunSignInAsync(cancellationToken).ConfigureAwait(false);
            if (secret is null)
            {
                return;
            }

            link.Path = "/signin/once?token=" + secret;
            lifetime.ApplicationStarted.Register(() =>
            {
                var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? string.Empty;
                var url = address.Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal).TrimEnd('/') + link.Path;

                // Printed once per start while no admin exists; the secret works once (only its hash is stored).
                Console.WriteLine();
                Console.WriteLine("  Embassy has no admin yet. Open this one-time link to sign in as admin:");
                Console.WriteLine("  " + url);
                Console.WriteLine();
            });
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Information, Message = "Demo mode: seeding the demo program into its own database.")]
        private static partial void LogSeeding(ILogger logger);
    }
}

/// <summary>Reads the signed-in user.</summary>
public static class UserExtensions
{
    /// <summary>The user's role, or null.</summary>
    public static string? Role(this ClaimsPrincipal user) => user?.FindFirst(ClaimTypes.Role)?.Value;
}
