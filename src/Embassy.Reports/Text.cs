using System.Text;

namespace Embassy.Reports;

/// <summary>A line split at its label: "PHA Wallet Address: 41PP…" → ("PHA Wallet Address", "pha wallet address", "41PP…").</summary>
/// <param name="Label">The label as written.</param>
/// <param name="Key">The label in lower case, letters and single spaces only.</param>
/// <param name="Value">What follows the colon, trimmed.</param>
internal readonly record struct LabeledLine(string Label, string Key, string Value);

/// <summary>Small text helpers for the line-level reading of reports.</summary>
internal static class Text
{
    /// <summary>Longest line the label patterns look at; longer lines are read only for links.</summary>
    public const int MaxLineForPatterns = 2_000;

    // "Â" is the first half of a double-encoded "·" or no-break space ("Â·"), as in the seed's template.
    private static readonly char[] LeadingDecorationChars = LeadingDecoration.ToCharArray();

    private const string LeadingDecoration = "Â \t-*+•·▸▹►▶✦✧●○◦■□▪▫➤➢→=~`|>#_\u00A0\u2022\u2023\u2043\u2219\u00B7\u200B\uFEFF";

    /// <summary>
    /// A line without Markdown decoration: bold markers, bullets, heading marks, quote marks, numbering
    /// ("1.", "2)", "1.1") and rules ("=====").
    /// </summary>
    public static string Clean(string line)
    {
        var s = line.Length > MaxLineForPatterns ? line[..MaxLineForPatterns] : line;
        if (s.Contains("**", StringComparison.Ordinal))
        {
            s = s.Replace("**", string.Empty, StringComparison.Ordinal);
        }

        if (s.Contains("__", StringComparison.Ordinal) && !s.Contains("://", StringComparison.Ordinal))
        {
            s = s.Replace("__", string.Empty, StringComparison.Ordinal);
        }

        // Trimming and stripping only narrow the line: done on a span, one string at the end (or none).
        var span = s.AsSpan();
        var italic = span.TrimStart().StartsWith('_');
        for (var guard = 0; guard < 8; guard++)
        {
            var before = span.Length;
            span = span.TrimStart(LeadingDecorationChars);
            span = StripSymbols(span);
            span = StripNumbering(span);
            if (span.Length == before)
            {
                break;
            }
        }

        span = span.TrimEnd(TrimSets.LineEnd);
        if (italic)
        {
            span = span.TrimEnd('_');
        }

        return span.Length == s.Length ? s : span.ToString();
    }

    // Emoji and other symbols members put before a label ("📌 CM:", "✅ Discord:"); brackets and @ stay.
    private static ReadOnlySpan<char> StripSymbols(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length && i < 16)
        {
            var c = s[i];
            var category = char.GetUnicodeCategory(c);
            var symbol = char.IsSurrogate(c) || char.IsWhiteSpace(c)
                || category is System.Globalization.UnicodeCategory.OtherSymbol or System.Globalization.UnicodeCategory.MathSymbol
                    or System.Globalization.UnicodeCategory.ModifierSymbol or System.Globalization.UnicodeCategory.Format
                    or System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.EnclosingMark
                || (char.IsPunctuation(c) && c is not '[' and not '(' and not '@' and not '{' and not '"' and not '\'');
            if (!symbol)
            {
                break;
            }

            i++;
        }

        return s[i..];
    }

    private static ReadOnlySpan<char> StripNumbering(ReadOnlySpan<char> s)
    {
        // "1. ", "2) ", "1.1 ", "2.1. " — digits with dots, then a dot, a bracket or a space.
        var i = 0;
        while (i < s.Length && i < 8 && (char.IsAsciiDigit(s[i]) || (s[i] == '.' && i > 0)))
        {
            i++;
        }

        if (i == 0 || i >= s.Length)
        {
            return s;
        }

        if (s[i] == ')' || s[i] == '.')
        {
            return s[(i + 1)..];
        }

        // "1.1 CM": a dotted number followed by a space.
        return s[i] == ' ' && s[..i].Contains('.') ? s[(i + 1)..] : s;
    }

    /// <summary>Splits "Label: value"; false when the line has no short label before a colon.</summary>
    public static bool TrySplitLabel(string cleaned, out LabeledLine labeled)
    {
        labeled = default;
        var i = cleaned.AsSpan().IndexOfAny(':', '：');
        if (i <= 0 || i > 60)
        {
            return false;
        }

        if (i + 2 < cleaned.Length && cleaned[i + 1] == '/' && cleaned[i + 2] == '/')
        {
            return false;
        }

        var label = cleaned.AsSpan(0, i).Trim();
        if (label.Length == 0 || ContainsIgnoreCase(label, "http"))
        {
            return false;
        }

        var value = cleaned.AsSpan(i + 1).Trim().TrimStart(TrimSets.Colons).Trim();
        var text = label.ToString();
        labeled = new LabeledLine(text, Key(text), value.ToString());
        return true;
    }

    /// <summary>Lower case, letters and digits with single spaces: "**AMB Rank**" → "amb rank".</summary>
    public static string Key(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan(0, Math.Min(text.Length, 256));
        Span<char> buffer = stackalloc char[span.Length];
        return new string(buffer[..KeyInto(span, buffer)]);
    }

    /// <summary>Writes the key of <paramref name="text"/> into <paramref name="buffer"/> (at least as long); returns its length.</summary>
    public static int KeyInto(ReadOnlySpan<char> text, Span<char> buffer)
    {
        var n = 0;
        var space = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && n > 0)
                {
                    buffer[n++] = ' ';
                }

                buffer[n++] = char.ToLowerInvariant(c);
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return n;
    }

    /// <summary>Optimal-string-alignment distance (typing slips, transpositions count one), stopping above <paramref name="max"/>.</summary>
    public static int EditDistance(string a, string b, int max) => EditDistance(a.AsSpan(), b.AsSpan(), max);

    /// <summary>
    /// <see cref="EditDistance(string, string, int)"/> over spans, with three rolling rows on the stack: it runs for
    /// many short lines of every report, so it must not allocate.
    /// </summary>
    public static int EditDistance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        if (b.Length > 256)
        {
            return max + 1;
        }

        Span<int> rows = stackalloc int[3 * (b.Length + 1)];
        var before = rows[..(b.Length + 1)];
        var previous = rows.Slice(b.Length + 1, b.Length + 1);
        var current = rows.Slice(2 * (b.Length + 1), b.Length + 1);
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, before[j - 2] + 1);
                }

                current[j] = v;
                rowMin = Math.Min(rowMin, v);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            // Rotate: the row before last is overwritten next.
            var spare = before;
            before = previous;
            previous = current;
            current = spare;
        }

        return previous[b.Length];
    }

    /// <summary>
    /// The text with what cannot be read replaced: control characters (other than tab and line breaks) and lone
    /// surrogates become spaces. Returns how many were replaced.
    /// </summary>
    public static string Sanitize(string text, out int replaced)
    {
        replaced = 0;
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var bad = (char.IsControl(c) && c is not '\t' and not '\n' and not '\r')
                || (char.IsHighSurrogate(c) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])))
                || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1])));
            if (bad)
            {
                sb ??= new StringBuilder(text, 0, i, text.Length);
                sb.Append(' ');
                replaced++;
            }
            else
            {
                sb?.Append(c);
            }
        }

        return sb?.ToString() ?? text;
    }

    /// <summary>
    /// <c>text.Contains(needle, StringComparison.OrdinalIgnoreCase)</c> for an ASCII needle, exactly, without the
    /// invariant-globalization path of the BCL (a character-by-character case mapping that was a fifth of parse time).
    /// </summary>
    public static bool ContainsIgnoreCase(ReadOnlySpan<char> text, string needle)
    {
        // An ASCII case-insensitive match is a match under ordinal ignore-case. The converse fails only through the two
        // non-ASCII characters that fold to ASCII letters (dotless ı to I, long ſ to S): only a text holding one of
        // them, with no ASCII match, is asked again the slow way.
        if (needle.Length == 0 || !Ascii.IsValid(needle))
        {
            return text.Contains(needle, StringComparison.OrdinalIgnoreCase);
        }

        return AsciiIndexOfIgnoreCase(text, needle) >= 0
            || (text.IndexOfAny('\u0131', '\u017F') >= 0 && text.Contains(needle, StringComparison.OrdinalIgnoreCase));
    }

    private static int AsciiIndexOfIgnoreCase(ReadOnlySpan<char> text, string needle)
    {
        var first = needle[0];
        var lower = char.ToLowerInvariant(first);
        var upper = char.ToUpperInvariant(first);
        var at = 0;
        while (text.Length - at >= needle.Length)
        {
            var k = text[at..(text.Length - needle.Length + 1)].IndexOfAny(lower, upper);
            if (k < 0)
            {
                return -1;
            }

            at += k;
            if (Ascii.EqualsIgnoreCase(text.Slice(at, needle.Length), needle))
            {
                return at;
            }

            at++;
        }

        return -1;
    }

    /// <summary>Splits on \r\n, \n and \r.</summary>
    public static string[] Lines(string text)
    {
        // As text.Split(["\r\n", "\n", "\r"]) (CRLF one break, LF CR two), without its separator list per call.
        if (text.Length == 0)
        {
            return [];
        }

        var span = text.AsSpan();
        var count = 1;
        for (var i = span.IndexOfAny('\r', '\n'); i >= 0; i = NextBreak(span, i))
        {
            count++;
        }

        var lines = new string[count];
        var start = 0;
        var n = 0;
        for (var i = span.IndexOfAny('\r', '\n'); i >= 0; i = NextBreak(span, i))
        {
            lines[n++] = text[start..i];
            start = i + (span[i] == '\r' && i + 1 < span.Length && span[i + 1] == '\n' ? 2 : 1);
        }

        lines[n] = text[start..];
        return lines;
    }

    // The next line break after the one at i (a CRLF counts once).
    private static int NextBreak(ReadOnlySpan<char> span, int i)
    {
        var from = i + (span[i] == '\r' && i + 1 < span.Length && span[i + 1] == '\n' ? 2 : 1);
        var k = span[from..].IndexOfAny('\r', '\n');
        return k < 0 ? -1 : from + k;
    }
}

/// <summary>Characters trimmed together, allocated once: <c>Trim('a', 'b')</c> allocates its array at every call.</summary>
internal static class TrimSets
{
    public static readonly char[] BackticksAndSpaces = ['`', ' '];

    public static readonly char[] BackticksAndStars = ['`', '*'];

    public static readonly char[] CodeBrackets = ['#', '[', ']', ' '];

    public static readonly char[] CodeDecoration = ['#', '[', ']', '*', '.', ':', ' '];

    public static readonly char[] Colons = [':', '：'];

    public static readonly char[] DashesAndSpaces = [' ', '-', '–', '—', '=', '>', '\t'];

    public static readonly char[] DotsAndSpaces = ['.', ' '];

    public static readonly char[] Emphasis = ['*', '_'];

    public static readonly char[] LabelEnd = [':', '：', ' ', '-'];

    public static readonly char[] LineEnd = [' ', '\t', '=', '*', '\u00A0'];

    public static readonly char[] ScoreLabelEnd = [' ', '-', '–', '—', '=', '(', '['];

    public static readonly char[] ScoreRestStart = [' ', ':', '-', '–', '=', '(', ']', '\t'];

    public static readonly char[] ScoreValueStart = ['=', '-', ' ', '(', '*'];

    public static readonly char[] StarsAndBackticks = ['*', '`'];

    public static readonly char[] UrlTrailing = ['.', ',', ';', ':', '!', '?', '*', '_', '>', '"', '\''];

    public static readonly System.Buffers.SearchValues<char> RankCut = System.Buffers.SearchValues.Create("(,/|;");
}
