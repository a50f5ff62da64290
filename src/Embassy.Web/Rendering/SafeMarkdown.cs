using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Embassy.Web.Rendering;

/// <summary>
/// Renders untrusted report Markdown: raw HTML is shown as text (Markdig <c>DisableHtml</c>), and only http(s), mailto and
/// in-page links survive — a <c>javascript:</c> or <c>data:</c> URL becomes an inert link. The CSP header is the second wall.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();

    /// <summary>The HTML of <paramref name="markdown"/>, safe to embed.</summary>
    public static string ToHtml(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? string.Empty, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url, link.IsImage))
            {
                link.Url = "#unsafe-link-removed";
            }

            link.GetAttributes().AddPropertyIfNotExist("rel", "nofollow noopener noreferrer");
        }

        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!IsSafe(link.Url, image: false))
            {
                link.Url = "#unsafe-link-removed";
            }
        }

        return document.ToHtml(Pipeline);
    }

    /// <summary>True for http(s), mailto (links only) and fragment URLs.</summary>
    public static bool IsSafe(string? url, bool image)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        var trimmed = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        if (trimmed.StartsWith('#'))
        {
            return !image;
        }

        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp || (!image && uri.Scheme == Uri.UriSchemeMailto));
    }
}
