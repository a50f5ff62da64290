using System.Globalization;

namespace Embassy.Reports;

/// <summary>Classifies a link by where it points (R11 counts X posts and Medium articles from these kinds).</summary>
public static class LinkClassifier
{
    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".svg", ".heic", ".mp4", ".mov"];

    /// <summary>The kind of <paramref name="url"/>, and the X post id when it is an X status link.</summary>
    public static (EvidenceKind Kind, ulong? XStatusId) Classify(string url, bool markedAsImage = false)
    {
        ArgumentNullException.ThrowIfNull(url);
        var rest = url.AsSpan();
        var scheme = rest.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            rest = rest[(scheme + 3)..];
        }

        var end = rest.IndexOfAny('/', '?', '#');
        var hostSpan = end < 0 ? rest : rest[..end];
        var at = hostSpan.LastIndexOf('@');
        if (at >= 0)
        {
            hostSpan = hostSpan[(at + 1)..];
        }

        var colon = hostSpan.IndexOf(':');
        if (colon >= 0)
        {
            hostSpan = hostSpan[..colon];
        }

        // Host and path are read as spans of the URL (lower-cased on the stack): a report's links cost no strings here.
        Span<char> lowered = hostSpan.Length <= 256 ? stackalloc char[hostSpan.Length] : new char[hostSpan.Length];
        hostSpan.ToLowerInvariant(lowered);
        ReadOnlySpan<char> host = lowered;
        if (host.Length == 0)
        {
            return (markedAsImage ? EvidenceKind.Image : EvidenceKind.Other, null);
        }

        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }

        var pathSpan = end < 0 ? ReadOnlySpan<char>.Empty : rest[end..];
        var cut = pathSpan.IndexOfAny('?', '#');
        var path = cut < 0 ? pathSpan : pathSpan[..cut];
        if (markedAsImage || host.EndsWith("githubusercontent.com", StringComparison.Ordinal)
            || (host is "github.com" && (path.StartsWith("/user-attachments/", StringComparison.OrdinalIgnoreCase) || Text.ContainsIgnoreCase(path, "/assets/")))
            || HasImageExtension(path)
            || host is "imgur.com" or "i.imgur.com" or "prnt.sc" or "ibb.co" or "i.ibb.co")
        {
            return (EvidenceKind.Image, null);
        }

        if (host is "twitter.com" or "x.com" or "fxtwitter.com" or "vxtwitter.com" or "t.co"
            || host.EndsWith(".twitter.com", StringComparison.Ordinal) || host.EndsWith(".x.com", StringComparison.Ordinal))
        {
            // The segment after "status" (or "statuses"), as its leading digits; the path's empty segments skipped.
            var previous = ReadOnlySpan<char>.Empty;
            foreach (var range in path.Split('/'))
            {
                var segment = path[range];
                if (segment.Length == 0)
                {
                    continue;
                }

                if (previous.Equals("status", StringComparison.OrdinalIgnoreCase) || previous.Equals("statuses", StringComparison.OrdinalIgnoreCase))
                {
                    var digits = 0;
                    while (digits < segment.Length && char.IsAsciiDigit(segment[digits]))
                    {
                        digits++;
                    }

                    if (digits > 0 && ulong.TryParse(segment[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                    {
                        return (EvidenceKind.XStatus, id);
                    }
                }

                previous = segment;
            }

            return (EvidenceKind.X, null);
        }

        if (host is "medium.com" || host.EndsWith(".medium.com", StringComparison.Ordinal))
        {
            return (EvidenceKind.Medium, null);
        }

        if (host is "youtube.com" or "youtu.be" or "m.youtube.com" or "music.youtube.com")
        {
            return (EvidenceKind.YouTube, null);
        }

        if (host is "t.me" or "telegram.me" or "telegram.org" or "web.telegram.org" or "telegram.dog")
        {
            return (EvidenceKind.Telegram, null);
        }

        if (host is "discord.com" or "discord.gg" or "discordapp.com" or "ptb.discord.com" or "canary.discord.com")
        {
            return (EvidenceKind.Discord, null);
        }

        if (host is "github.com" or "gist.github.com")
        {
            return (EvidenceKind.GitHub, null);
        }

        if (host is "linkedin.com" || host.EndsWith(".linkedin.com", StringComparison.Ordinal) || host is "lnkd.in")
        {
            return (EvidenceKind.LinkedIn, null);
        }

        return (EvidenceKind.Other, null);
    }

    private static bool HasImageExtension(ReadOnlySpan<char> path)
    {
        foreach (var e in ImageExtensions)
        {
            if (path.EndsWith(e, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The contract's name for a kind: "x-status", "medium", "image"…</summary>
    public static string Name(EvidenceKind kind) => kind switch
    {
        EvidenceKind.XStatus => "x-status",
        EvidenceKind.X => "x",
        EvidenceKind.Medium => "medium",
        EvidenceKind.YouTube => "youtube",
        EvidenceKind.Telegram => "telegram",
        EvidenceKind.Discord => "discord",
        EvidenceKind.GitHub => "github",
        EvidenceKind.LinkedIn => "linkedin",
        EvidenceKind.Image => "image",
        _ => "other",
    };
}
