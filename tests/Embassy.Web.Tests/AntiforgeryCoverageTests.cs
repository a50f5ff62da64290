using System.Text.RegularExpressions;
using Embassy.Application;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace Embassy.Web.Tests;

/// <summary>Every form that posts carries an anti-forgery token: every page of a seeded demo, crawled as admin.</summary>
public sealed partial class AntiforgeryCoverageTests
{
    [Fact]
    public async Task EveryPostForm_OnEveryPage_CarriesAnAntiforgeryToken()
    {
        await using var site = new EmbassySite(settings: new Dictionary<string, string?> { ["Demo"] = "true" });
        var admin = await site.SignInAsAdminAsync();
        var closed = (await site.Service<PublicQueries>().MonthsAsync()).First().Period;
        var pages = site.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not null || e.Metadata.Any(m => m.GetType().Name.Contains("PageActionDescriptor", StringComparison.Ordinal)))
            .Select(e => e.RoutePattern.RawText!)
            .Distinct()
            .ToArray();

        // The community pages (issue #6) are in the crawl: the public form, applications, crews and their checklists.
        Assert.Superset(
            new HashSet<string>(["apply", "review/applications", "review/applications/{id:long}", "review/crews", "review/crews/{id:long}", "review/crews/{id:long}/{period}"], StringComparer.Ordinal),
            pages.Select(p => p.TrimStart('/')).ToHashSet(StringComparer.Ordinal));

        var forms = 0;
        var missing = new List<string>();
        foreach (var pattern in pages)
        {
            var path = "/" + Regex.Replace(pattern.TrimStart('/'), @"\{(\w+)(:[^}]*)?\}", m => m.Groups[1].Value switch
            {
                "period" when pattern.StartsWith("admin", StringComparison.Ordinal) => EmbassySite.LastMonth.ToString(),
                "period" => closed.ToString(),
                "code" => "404",
                _ => "1",
            });
            var html = await (await admin.GetAsync(path)).Content.ReadAsStringAsync();
            foreach (Match form in PostForm().Matches(html))
            {
                forms++;
                if (!form.Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal))
                {
                    missing.Add(path + ": " + form.Value[..Math.Min(120, form.Value.Length)]);
                }
            }
        }

        Assert.Empty(missing);
        Assert.True(forms >= 10, $"Only {forms} post forms found on {pages.Length} pages: the crawl did not reach the admin pages.");
    }

    [GeneratedRegex(@"<form\b[^>]*method=""post""[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex PostForm();
}
