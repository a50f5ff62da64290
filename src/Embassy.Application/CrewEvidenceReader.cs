using Embassy.Domain.Community;
using Embassy.Reports;

namespace Embassy.Application;

/// <summary>
/// Reads the crew-quota evidence out of parsed reports (RULES.md R11: "Where a report's evidence links can show a quota
/// (X status links by date, Medium links), Embassy counts them"). The report's author is the member (R2).
/// </summary>
/// <remarks>
/// What each link shows: an X status link is an X post dated by its snowflake id (<see cref="EvidenceLink.XStatusTime"/>);
/// an X Space (<c>x.com/i/spaces/…</c>) is an AMA; a Medium link is an article translation; a YouTube link is
/// educational content; an event page (lu.ma, meetup.com, eventbrite) is an event. Everything else shows no quota.
/// </remarks>
public static class CrewEvidenceReader
{
    private static readonly string[] EventHosts = ["lu.ma", "meetup.com", "eventbrite.com", "eventbrite.co.uk", "luma.com"];

    /// <summary>The quota evidence of <paramref name="reports"/>; reports without an author are skipped (held as unmatched, R2).</summary>
    public static IReadOnlyList<CrewEvidence> Read(IEnumerable<ParsedReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var found = new List<CrewEvidence>();
        foreach (var report in reports)
        {
            if (string.IsNullOrWhiteSpace(report.Author))
            {
                continue;
            }

            foreach (var link in report.Evidence)
            {
                if (Classify(link) is { } category)
                {
                    var key = category == EvidenceCategory.XPost && link.XStatusId is { } id
                        ? "x:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture)
                        : Normalize(link.Url);
                    found.Add(new CrewEvidence(report.Author, category, category == EvidenceCategory.XPost ? link.XStatusTime : null, key, link.Url));
                }
            }
        }

        return found;
    }

    /// <summary>What a link shows for the quotas, or null.</summary>
    public static EvidenceCategory? Classify(EvidenceLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!Uri.TryCreate(link.Url.Trim(), UriKind.Absolute, out var uri))
        {
            return null;
        }

        var host = uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
        if (link.Kind is EvidenceKind.X or EvidenceKind.XStatus && uri.AbsolutePath.StartsWith("/i/spaces/", StringComparison.OrdinalIgnoreCase))
        {
            return EvidenceCategory.Ama;
        }

        return link.Kind switch
        {
            EvidenceKind.XStatus when link.XStatusTime is not null => EvidenceCategory.XPost,
            EvidenceKind.Medium => EvidenceCategory.Article,
            EvidenceKind.YouTube => EvidenceCategory.Education,
            EvidenceKind.Other when EventHosts.Any(h => host.Equals(h, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + h, StringComparison.OrdinalIgnoreCase)) => EvidenceCategory.Event,
            _ => null,
        };
    }

    /// <summary>The address without scheme, "www.", query, fragment or trailing slash, lower case: one key per page.</summary>
    private static string Normalize(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return url.Trim().ToLowerInvariant();
        }

        var host = uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
        return (host + uri.AbsolutePath.TrimEnd('/')).ToLowerInvariant();
    }
}
