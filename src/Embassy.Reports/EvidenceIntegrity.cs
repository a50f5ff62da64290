using System.Globalization;
using System.Text;
using Embassy.Domain;

namespace Embassy.Reports;

/// <summary>
/// One address per piece of evidence (issue #14), so the same post is recognised however it was pasted: https, no
/// <c>www.</c>/<c>m.</c>/<c>mobile.</c>, twitter.com and its mirrors as x.com (a status as <c>x.com/i/status/ID</c>, the
/// handle dropped: the id alone names the post), youtu.be and shorts as <c>youtube.com/watch?v=ID</c>, tracking
/// parameters (<c>utm_*</c>, <c>s</c>, <c>t</c>, <c>si</c>, <c>fbclid</c>…) and fragments removed, the other parameters sorted.
/// </summary>
public static partial class LinkNormaliser
{
    private static readonly HashSet<string> Tracking = new(StringComparer.OrdinalIgnoreCase)
    {
        "s", "t", "si", "ref", "ref_src", "ref_url", "src", "source", "feature", "fbclid", "gclid", "dclid", "igshid", "igsh",
        "mc_cid", "mc_eid", "_ga", "_gl", "spm", "share", "cn", "mibextid", "rcm", "trk", "lipi", "sk", "pp", "sharetype",
    };

    private static readonly HashSet<string> XHosts = new(StringComparer.Ordinal) { "x.com", "twitter.com", "fxtwitter.com", "vxtwitter.com", "fixupx.com", "fixvx.com", "nitter.net" };

    /// <summary>The normalised address, or null when <paramref name="url"/> is not an http(s) address.</summary>
    public static string? Normalise(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var text = url.Trim().TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '>', '"', '\'', '*', '`');
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            if (OtherScheme().IsMatch(text))
            {
                return null; // mailto:, javascript:, tel:…
            }

            text = "https://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0 || uri.UserInfo.Length > 0)
        {
            return null;
        }

        var host = uri.IdnHost.ToLowerInvariant();
        foreach (var prefix in new[] { "www.", "mobile.", "m.", "mbasic." })
        {
            if (host.StartsWith(prefix, StringComparison.Ordinal) && host.Length > prefix.Length + 3)
            {
                host = host[prefix.Length..];
            }
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var query = Query(uri.Query);
        if (XHosts.Contains(host))
        {
            host = "x.com";
            if (XPostId(segments) is { } id)
            {
                return "https://x.com/i/status/" + id.ToString(CultureInfo.InvariantCulture);
            }

            // Handles are case-insensitive on X.
            segments = segments.Select(s => s.ToLowerInvariant()).ToArray();
        }
        else if (host == "youtu.be" && segments.Length >= 1)
        {
            return "https://youtube.com/watch?v=" + segments[0];
        }
        else if (host == "youtube.com" && segments.Length >= 2 && segments[0] is "shorts" or "live" or "embed")
        {
            return "https://youtube.com/watch?v=" + segments[1];
        }

        var kept = query.Where(kv => !kv.Key.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) && !Tracking.Contains(kv.Key))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal).ThenBy(kv => kv.Value, StringComparer.Ordinal).ToArray();
        var sb = new StringBuilder("https://").Append(host);
        foreach (var s in segments)
        {
            sb.Append('/').Append(s);
        }

        if (kept.Length > 0)
        {
            sb.Append('?').AppendJoin('&', kept.Select(kv => kv.Value.Length > 0 ? kv.Key + "=" + kv.Value : kv.Key));
        }

        return sb.ToString();
    }

    /// <summary>The X post id of a status path (<c>/user/status/ID</c>, <c>/i/web/status/ID</c>, <c>/statuses/ID</c>), or null.</summary>
    public static ulong? XPostId(IReadOnlyList<string> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        for (var i = 0; i + 1 < segments.Count; i++)
        {
            if (segments[i].Equals("status", StringComparison.OrdinalIgnoreCase) || segments[i].Equals("statuses", StringComparison.OrdinalIgnoreCase))
            {
                var digits = new string(segments[i + 1].TakeWhile(char.IsAsciiDigit).ToArray());
                if (digits.Length > 0 && ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    return id;
                }
            }
        }

        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:(?!\\d)")]
    private static partial System.Text.RegularExpressions.Regex OtherScheme();

    private static List<KeyValuePair<string, string>> Query(string query)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            list.Add(eq < 0 ? new(part, string.Empty) : new(part[..eq], part[(eq + 1)..]));
        }

        return list;
    }
}

/// <summary>A report as the evidence check reads it.</summary>
/// <param name="Key">How findings name the report (e.g. "owner/repo#12").</param>
/// <param name="Member">Who filed it (GitHub login or member id).</param>
/// <param name="Period">The month reported on.</param>
/// <param name="Links">Its evidence links, as the parser found them.</param>
/// <param name="Body">Its text.</param>
public sealed record EvidenceReport(string Key, string Member, Period Period, IReadOnlyList<EvidenceLink> Links, string Body);

/// <summary>Something a reviewer should look at: <paramref name="Report"/> and, for a repeat, the <paramref name="Other"/> report it repeats.</summary>
/// <param name="Code">One of the <c>EVIDENCE_*</c> codes of <see cref="EvidenceIntegrity"/>.</param>
/// <param name="Report">The flagged report's key.</param>
/// <param name="Other">The other report's key (the earlier one, or the other member's), or null.</param>
/// <param name="Evidence">The normalised link, or the repeated paragraph's start.</param>
/// <param name="Message">What was found, in plain words.</param>
public sealed record EvidenceFinding(string Code, string Report, string? Other, string Evidence, string Message);

/// <summary>
/// Evidence taken on faith no longer (issue #14): the same link or X post in another member's report or in an earlier
/// month of the same member, an X post whose id dates it outside the month reported on, and near-identical paragraphs
/// in a member's reports of different months. Pure: the reports come in, findings go out; nothing is rejected here,
/// a reviewer decides.
/// </summary>
public static class EvidenceIntegrity
{
    /// <summary>The same link in another member's report (either month).</summary>
    public const string LinkOtherMember = "EVIDENCE_LINK_OTHER_MEMBER";

    /// <summary>The same link in the member's own report of an earlier month.</summary>
    public const string LinkEarlierMonth = "EVIDENCE_LINK_EARLIER_MONTH";

    /// <summary>An X post whose id's timestamp is outside the month reported on (in the policy's time zone).</summary>
    public const string XPostOutsideMonth = "EVIDENCE_X_POST_OUTSIDE_MONTH";

    /// <summary>A paragraph nearly identical to one in the member's report of another month.</summary>
    public const string ParagraphRepeated = "EVIDENCE_PARAGRAPH_REPEATED";

    /// <summary>Shortest paragraph compared, in words: shorter ones are headings and template answers.</summary>
    public const int MinParagraphWords = 12;

    /// <summary>Word-trigram overlap (Jaccard) from which two paragraphs count as nearly identical.</summary>
    public const double NearIdentical = 0.7;

    /// <summary>
    /// Checks <paramref name="reports"/> against each other. Only links that name one piece of work are indexed: X posts,
    /// images, articles, videos, messages; profiles, channels, invites and the program's GitHub pages are not, as members
    /// rightly give them every month.
    /// </summary>
    /// <param name="reports">Reports of any members and months.</param>
    /// <param name="zone">The policy's time zone (R7), for the month's bounds.</param>
    public static IReadOnlyList<EvidenceFinding> Check(IReadOnlyList<EvidenceReport> reports, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(zone);
        var findings = new List<EvidenceFinding>();
        var index = new Dictionary<string, List<EvidenceReport>>(StringComparer.Ordinal);
        foreach (var r in reports.OrderBy(r => r.Period).ThenBy(r => r.Key, StringComparer.Ordinal))
        {
            var links = r.Links.Where(Indexed).Select(l => (Link: l, Key: LinkNormaliser.Normalise(l.Url))).Where(x => x.Key is not null).ToArray();
            foreach (var (link, key) in links.DistinctBy(x => x.Key))
            {
                if (index.TryGetValue(key!, out var earlier))
                {
                    foreach (var other in earlier.Where(o => o.Key != r.Key))
                    {
                        if (!string.Equals(other.Member, r.Member, StringComparison.OrdinalIgnoreCase))
                        {
                            findings.Add(new EvidenceFinding(LinkOtherMember, r.Key, other.Key, key!, $"{key} is also in {other.Member}'s report {other.Key} ({other.Period})."));
                        }
                        else if (other.Period < r.Period)
                        {
                            findings.Add(new EvidenceFinding(LinkEarlierMonth, r.Key, other.Key, key!, $"{key} was already given for {other.Period} in {other.Key}."));
                        }
                    }

                    earlier.Add(r);
                }
                else
                {
                    index[key!] = [r];
                }
            }

            var (from, until) = Bounds(r.Period, zone);
            foreach (var (link, key) in links.Where(x => x.Link.XStatusTime is not null).DistinctBy(x => x.Key))
            {
                var at = link.XStatusTime!.Value;
                if (at < from || at >= until)
                {
                    var local = TimeZoneInfo.ConvertTime(at, zone);
                    // Ids that date to X's first years are usually cut short or mistyped when pasted.
                    var hint = at.Year < 2012 ? " (an id this early is often a cut-off or mistyped link)" : string.Empty;
                    findings.Add(new EvidenceFinding(XPostOutsideMonth, r.Key, null, key!,
                        string.Create(CultureInfo.InvariantCulture, $"The X post {key} was posted on {local:yyyy-MM-dd}, outside {r.Period}{hint}.")));
                }
            }
        }

        findings.AddRange(RepeatedParagraphs(reports));
        return findings;
    }

    /// <summary>True for links that name one piece of work (see <see cref="Check"/>).</summary>
    public static bool Indexed(EvidenceLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (link.Kind == EvidenceKind.XStatus)
        {
            return link.XStatusTime is not null; // "status/1" in a template example is no post
        }

        if (link.Kind == EvidenceKind.Image)
        {
            return true;
        }

        if (link.Kind is EvidenceKind.X or EvidenceKind.GitHub || LinkNormaliser.Normalise(link.Url) is not { } normalised)
        {
            return false;
        }

        var uri = new Uri(normalised);
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return link.Kind switch
        {
            EvidenceKind.YouTube => uri.Query.Contains("v=", StringComparison.Ordinal),
            EvidenceKind.Telegram => segments.Length >= 2 && segments[^1].All(char.IsAsciiDigit), // a message, not a channel
            EvidenceKind.Discord => segments.Length >= 4 && segments[0] == "channels", // a message, not an invite
            EvidenceKind.LinkedIn => segments.Length >= 2 && segments[0] is "posts" or "feed" or "pulse",
            EvidenceKind.Medium => segments.Length >= (uri.Host == "medium.com" ? 2 : 1) && segments[^1].Contains('-', StringComparison.Ordinal),
            _ => segments.Length >= 2 && segments[^1].Length >= 6, // an article or page deep in a site, not a home page
        };
    }

    private static (DateTimeOffset From, DateTimeOffset Until) Bounds(Period period, TimeZoneInfo zone)
    {
        var start = new DateTime(period.Year, period.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var next = start.AddMonths(1);
        return (new DateTimeOffset(start, zone.GetUtcOffset(start)), new DateTimeOffset(next, zone.GetUtcOffset(next)));
    }

    /// <summary>
    /// Paragraphs of at least <see cref="MinParagraphWords"/> words that a member repeats nearly word for word in
    /// reports of different months. A paragraph that other members' reports share is the template, not a repeat.
    /// </summary>
    private static IEnumerable<EvidenceFinding> RepeatedParagraphs(IReadOnlyList<EvidenceReport> reports)
    {
        var paragraphs = new List<(EvidenceReport Report, string Text, HashSet<ulong> Shingles)>();
        foreach (var r in reports)
        {
            foreach (var p in Paragraphs(r.Body))
            {
                var words = Words(p);
                if (words.Count >= MinParagraphWords)
                {
                    paragraphs.Add((r, p, Shingles(words)));
                }
            }
        }

        // Candidates share a trigram; the inverted index keeps this near linear for reports of a few thousand words.
        var byShingle = new Dictionary<ulong, List<int>>();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            foreach (var s in paragraphs[i].Shingles)
            {
                (byShingle.TryGetValue(s, out var list) ? list : byShingle[s] = []).Add(i);
            }
        }

        var similar = new Dictionary<int, List<int>>();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var counts = new Dictionary<int, int>();
            foreach (var s in paragraphs[i].Shingles)
            {
                foreach (var j in byShingle[s])
                {
                    if (j != i)
                    {
                        counts[j] = counts.GetValueOrDefault(j) + 1;
                    }
                }
            }

            foreach (var (j, shared) in counts)
            {
                var union = paragraphs[i].Shingles.Count + paragraphs[j].Shingles.Count - shared;
                if (shared >= NearIdentical * union)
                {
                    (similar.TryGetValue(i, out var list) ? list : similar[i] = []).Add(j);
                }
            }
        }

        var seen = new HashSet<(string, string)>();
        foreach (var (i, list) in similar)
        {
            var a = paragraphs[i];
            if (list.Any(j => !string.Equals(paragraphs[j].Report.Member, a.Report.Member, StringComparison.OrdinalIgnoreCase)))
            {
                continue; // shared with another member: the template's wording
            }

            foreach (var j in list)
            {
                var b = paragraphs[j];
                if (b.Report.Period < a.Report.Period && seen.Add((a.Report.Key, b.Report.Key)))
                {
                    var start = a.Text.Length > 80 ? a.Text[..80] + "…" : a.Text;
                    yield return new EvidenceFinding(ParagraphRepeated, a.Report.Key, b.Report.Key, start,
                        $"A paragraph is nearly the same as one in {b.Report.Key} ({b.Report.Period}): \"{start}\"");
                }
            }
        }
    }

    private static IEnumerable<string> Paragraphs(string body)
    {
        var sb = new StringBuilder();
        foreach (var raw in body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length > 0 && IsFormLine(line))
            {
                continue; // "Discord Username: x", "Have I moderated (choose)? Yes": the form, filled in the same way each month
            }

            if (line.Length == 0)
            {
                if (sb.Length > 0)
                {
                    yield return sb.ToString();
                    sb.Clear();
                }

                continue;
            }

            sb.Append(sb.Length > 0 ? " " : string.Empty).Append(line);
        }

        if (sb.Length > 0)
        {
            yield return sb.ToString();
        }
    }

    /// <summary>A "label: short value" line or a question with a short answer: the report form, not the member's own prose.</summary>
    private static bool IsFormLine(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && colon <= 48 && line.Length - colon - 1 <= 90 && !line[..colon].Contains("://", StringComparison.Ordinal))
        {
            return true;
        }

        var question = line.LastIndexOf('?');
        return question > 0 && line.Length - question - 1 <= 40;
    }

    /// <summary>Lower-case words, links and numbers left out (they differ month to month and are checked above).</summary>
    private static List<string> Words(string paragraph)
    {
        var words = new List<string>();
        foreach (var token in paragraph.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Contains("://", StringComparison.Ordinal) || token.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var word = new string(token.Where(char.IsLetter).ToArray()).ToLowerInvariant();
            if (word.Length > 0)
            {
                words.Add(word);
            }
        }

        return words;
    }

    private static HashSet<ulong> Shingles(List<string> words)
    {
        var set = new HashSet<ulong>();
        for (var i = 0; i + 2 < words.Count; i++)
        {
            set.Add(Fnv(words[i] + " " + words[i + 1] + " " + words[i + 2]));
        }

        return set;
    }

    private static ulong Fnv(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return hash;
    }
}
