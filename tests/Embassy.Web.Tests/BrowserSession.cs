using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Embassy.Web.Tests;

/// <summary>
/// Debian's Chromium through Playwright against a site on a real Kestrel port, for the browser tests: each person gets
/// a context of their own; any dialog, or anything the CSP had to block, is an incident (report and application text
/// tried to run); screenshots are kept beside the test binaries.
/// </summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserSession(IPlaywright playwright, IBrowser browser, string baseUrl)
    {
        _playwright = playwright;
        _browser = browser;
        BaseUrl = baseUrl;
    }

    /// <summary>The site's address on its Kestrel port.</summary>
    public string BaseUrl { get; }

    /// <summary>Dialogs opened and script calls recorded on any page so far.</summary>
    public List<string> Incidents { get; } = [];

    /// <summary>The folder screenshots go to (created).</summary>
    public static string Screenshots => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    /// <summary>Starts <paramref name="site"/> on a free port and a headless Chromium.</summary>
    public static async Task<BrowserSession> StartAsync(EmbassySite site)
    {
        Assert.True(File.Exists(ChromiumPath), $"Chromium is not installed at {ChromiumPath}: run ./test (it installs .ci/apt-packages) or `apt-get install -y chromium`.");
        site.UseKestrel(0);
        site.StartServer();
        var baseUrl = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new BrowserSession(playwright, browser, baseUrl);
    }

    /// <summary>A new person: a browser context of their own with the incident traps installed.</summary>
    public async Task<IPage> NewPersonAsync()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        await context.AddInitScriptAsync("""
            for (const f of ['alert', 'confirm', 'prompt']) { window[f] = function () { (window.__xss = window.__xss || []).push(f + '()'); }; }
            document.addEventListener('securitypolicyviolation', e => (window.__xss = window.__xss || []).push('CSP blocked ' + e.violatedDirective + ' ' + e.blockedURI));
            """);
        context.SetDefaultTimeout(120_000); // CI machines are shared; a slow step is not a failure, a wrong page is
        context.SetDefaultNavigationTimeout(120_000);
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) =>
        {
            Incidents.Add("dialog: " + dialog.Message);
            _ = dialog.DismissAsync();
        };
        return page;
    }

    /// <summary>Records the script calls the traps caught on <paramref name="page"/>.</summary>
    public async Task RecordIncidentsAsync(IPage page)
    {
        var calls = await page.EvaluateAsync<string[]>("() => window.__xss || []");
        Incidents.AddRange(calls.Select(c => $"{c} on {page.Url}"));
    }

    /// <summary>A full-page screenshot of <paramref name="page"/> named <paramref name="name"/>.</summary>
    public static Task ShotAsync(IPage page, string name) => page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
