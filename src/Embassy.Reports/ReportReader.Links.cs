using System.Text.RegularExpressions;
using Embassy.Domain;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Embassy.Reports;

public sealed partial class ReportParser
{
    /// <summary>Reads one report; this part: the evidence links and template placeholders.</summary>
    private sealed partial class Reader
    {
        public void ReadLinks(string body)
        {
            var seen = new HashSet<(int, string)>();

            // Markdig reads the Markdown links and images ([text](url), ![alt](url), <url>). Only the lines that can
            // hold one are handed to it, each as its own paragraph, which keeps a 2,000-character report fast; the
            // line-level pass below finds every other link.
            var linkLines = new List<int>();
            var linkOffsets = new List<int>();
            var markdown = new System.Text.StringBuilder();
            for (var i = 0; i < lines.Length; i++)
            {
                var raw = lines[i];
                if (raw.Contains("](", StringComparison.Ordinal) || Text.ContainsIgnoreCase(raw, "<http"))
                {
                    linkLines.Add(i + 1);
                    linkOffsets.Add(markdown.Length);
                    markdown.Append(raw.AsSpan().TrimStart()).Append("\n\n");
                }
            }

            var linkText = markdown.ToString();
            if (linkText.Length > 0 && NestingDepth(linkText) <= MaxMarkdownDepth)
            {
                MarkdownDocument? doc = null;
                try
                {
                    doc = Markdown.Parse(linkText, parser._pipeline);
                }
                catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException or InsufficientExecutionStackException or NullReferenceException or RegexMatchTimeoutException)
                {
                    // A third-party parser failing on hostile input must not fail the report: read links line by line.
                    diagnostics.Add(Diagnostic.Info(ReportCodes.MarkdownTooDeep, "The Markdown could not be read as a whole; links were read line by line."));
                }

                if (doc is not null)
                {
                    // Every node knows its span in the Markdown handed over; the offsets map it back to the body line.
                    int LineAt(int offset)
                    {
                        var k = linkOffsets.BinarySearch(Math.Max(0, offset));
                        return linkLines[Math.Clamp(k >= 0 ? k : ~k - 1, 0, linkLines.Count - 1)];
                    }

                    foreach (var inline in doc.Descendants<LinkInline>())
                    {
                        if (!string.IsNullOrWhiteSpace(inline.Url))
                        {
                            AddLink(inline.Url, LineAt(inline.Span.Start), inline.IsImage, seen);
                        }
                    }

                    foreach (var auto in doc.Descendants<AutolinkInline>())
                    {
                        if (!auto.IsEmail && !string.IsNullOrWhiteSpace(auto.Url))
                        {
                            AddLink(auto.Url, LineAt(auto.Span.Start), false, seen);
                        }
                    }
                }
            }
            else if (linkText.Length > 0)
            {
                diagnostics.Add(Diagnostic.Info(ReportCodes.MarkdownTooDeep, $"The Markdown nests deeper than {MaxMarkdownDepth} levels; links were read line by line."));
            }

            // Line by line as well: links in HTML (<img src>), code blocks and text Markdown does not turn into links.
            for (var i = 0; i < lines.Length; i++)
            {
                var raw = lines[i];
                if (!Text.ContainsIgnoreCase(raw, "http") && !Text.ContainsIgnoreCase(raw, "www."))
                {
                    continue;
                }

                var isImg = Text.ContainsIgnoreCase(raw, "<img");
                foreach (var u in Url().EnumerateMatches(raw))
                {
                    var url = raw.Substring(u.Index, u.Length);
                    AddLink(url, i + 1, isImg && raw.Contains("src=\"" + url, StringComparison.OrdinalIgnoreCase), seen);
                }
            }

            Evidence.Sort((a, b) => a.Line.CompareTo(b.Line));

            // One department and no heading for it: the work listed outside the personal details is that department's.
            var claimed = Departments.Concat(Supplementary).ToArray();
            if (claimed.Length == 1 && !Sections.Any(s => s.Departments.Contains(claimed[0])))
            {
                for (var k = 0; k < Evidence.Count; k++)
                {
                    if (Evidence[k].Department is null && !_infoLines.Contains(Evidence[k].Line))
                    {
                        Evidence[k] = Evidence[k] with { Department = claimed[0] };
                    }
                }
            }
        }

        private void AddLink(string url, int line, bool image, HashSet<(int, string)> seen)
        {
            var span = url.AsSpan().Trim().TrimEnd(TrimSets.UrlTrailing);
            if (span.Length < 8 || span.Length > 2048)
            {
                return;
            }

            var u = span.Length == url.Length ? url : span.ToString();
            if (!seen.Add((line, u)))
            {
                return;
            }

            var (kind, id) = LinkClassifier.Classify(u, image);
            Evidence.Add(new EvidenceLink(u, kind, SectionAt(line), line, id));
        }

        private string? SectionAt(int line) =>
            SectionIndexAt(line) is var k and >= 0 && Sections[k].Departments.Count > 0 ? Sections[k].Departments[0] : null;

        /// <summary>The deepest list, quote or bracket nesting in the text, by a cheap scan.</summary>
        private static int NestingDepth(string text)
        {
            var max = 0;
            var bracket = 0;
            var lineStart = true;
            var leading = 0;
            var markers = 0;
            foreach (var c in text)
            {
                if (c == '\n')
                {
                    lineStart = true;
                    leading = 0;
                    markers = 0;
                    bracket = 0;
                    continue;
                }

                if (lineStart)
                {
                    if (c is ' ' or '\t')
                    {
                        leading += c == '\t' ? 4 : 1;
                        max = Math.Max(max, leading / 4);
                        continue;
                    }

                    if (c is '>' or '-' or '*' or '+')
                    {
                        markers++;
                        max = Math.Max(max, markers);
                        continue;
                    }

                    lineStart = false;
                }

                if (c is '[' or '(' or '<')
                {
                    bracket++;
                    max = Math.Max(max, bracket);
                }
                else if (c is ']' or ')' or '>' && bracket > 0)
                {
                    bracket--;
                }
            }

            return max;
        }

        // ---- placeholders -----------------------------------------------------------------------------------

        // The template's own instructions, left in as they were (seed "Report Format Example", V.3 template).
        private static readonly HashSet<string> TemplateHints = new(StringComparer.OrdinalIgnoreCase)
        {
            "List all completed tasks", "List completed task/s", "Good points", "Bad points",
            "How to improve your performance for next month", "Justify why you have suggested these scores",
            "Has your performance improved or deteriorated from last month? Why? How?",
            "Explain your contribution e.g. what bug did you discover", "Explain the importance/value of completing this specific task",
        };

        public void ReadPlaceholders()
        {
            if (Placeholder().IsMatch(title))
            {
                diagnostics.Add(Diagnostic.Warning(ReportCodes.TemplatePlaceholder, "The title still holds a template placeholder; replace it with your own text.", new SourcePosition(1, Source: "title")));
            }

            var reported = diagnostics.Where(d => d.Code == ReportCodes.TemplatePlaceholder && d.Position is { Source: null })
                .Select(d => d.Position!.Value.Line).ToHashSet();
            for (var i = 0; i < lines.Length; i++)
            {
                var raw = lines[i];
                if (raw.Length > Text.MaxLineForPatterns || reported.Contains(i + 1))
                {
                    continue;
                }

                var placeholder = Placeholder().Match(raw);
                var valuePlaceholder = Label(i, out var l) && IsPlaceholderValue(l.Value) && l.Key.Split(' ').Length <= 4;
                var hint = cleaned[i].Length is > 8 and < 80 && TemplateHints.Contains(cleaned[i].TrimEnd(TrimSets.DotsAndSpaces));
                if (placeholder.Success || valuePlaceholder || hint)
                {
                    var what = placeholder.Success ? placeholder.Value : hint ? cleaned[i] : l.Label + ": " + l.Value;
                    diagnostics.Add(Diagnostic.Warning(ReportCodes.TemplatePlaceholder, $"\"{what}\" is a template placeholder; fill it in or remove the line.", new SourcePosition(i + 1)));
                }
            }
        }
    }
}
