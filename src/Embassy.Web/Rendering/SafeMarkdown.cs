using System.Text.Encodings.Web;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Embassy.Web.Rendering;

/// <summary>
/// Renders untrusted Markdown (reports, applications): raw HTML is shown as text (Markdig <c>DisableHtml</c>), and only
/// http(s), mailto and in-page links survive — a <c>javascript:</c> or <c>data:</c> URL becomes an inert link. Images are
/// shown as links, never loaded: an image in a report would tell its author who read it, from where and when. The CSP
/// header (<c>img-src 'self' data:</c>) is the second wall. Markdown nested too deeply for the parser is shown as text.
/// </summary>
public static class SafeMarkdown
{
    /// <summary>The class of a link that stands for an image the author embedded.</summary>
    public const string ImageLinkClass = "image-link";

    // As GitHub renders an issue (issue #14): a line break is a break, pipe tables, ~~strikethrough~~;
    // raw HTML stays disabled.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks()
        .UseSoftlineBreakAsHardlineBreak().UsePipeTables().UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough).Build();

    /// <summary>The HTML of <paramref name="markdown"/>, safe to embed; never throws on any text.</summary>
    public static string ToHtml(string? markdown)
    {
        var text = markdown ?? string.Empty;
        try
        {
            return Render(text);
        }
        catch (Exception ex) when (ex is ArgumentException or InsufficientExecutionStackException)
        {
            // Markdig refuses input nested beyond its depth limit (ArgumentException) rather than overflow the stack; such
            // text is not sensible Markdown, so the reader sees it as it was written instead of a 500.
            return "<pre class=\"markdown-as-text\">" + HtmlEncoder.Default.Encode(DisplayText.Neutral(text)) + "</pre>";
        }
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

    private static string Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.IsImage)
            {
                // An image becomes a link to it, labelled with its alt text (or its address when it has none).
                link.IsImage = false;
                if (link.FirstChild is null)
                {
                    link.AppendChild(new LiteralInline(link.Url ?? "image"));
                }

                link.GetAttributes().AddClass(ImageLinkClass);
            }

            if (!IsSafe(link.Url, image: false))
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

        return DisplayText.Neutral(document.ToHtml(Pipeline)); // no bidi control reverses a report's text either
    }
}
