using System.Globalization;
using System.Text;

namespace Embassy.Domain;

/// <summary>
/// Repairs invalid UTF-16: lone surrogates (half an emoji, e.g. <c>\ud83d</c> in JSON, or a raw unpaired surrogate
/// in a string) become U+FFFD. System.Text.Json refuses to read such a string (it throws), so a body with half an
/// emoji could never be processed; repairing it first lets the rest of the text through with a diagnostic instead.
/// </summary>
public static class Utf16Repair
{
    /// <summary>Diagnostic code when text held lone surrogates that were replaced by U+FFFD.</summary>
    public const string Code = "TEXT_INVALID_UTF16";

    private const char Replacement = '\uFFFD';

    /// <summary>
    /// Replaces lone surrogates in JSON text: <c>\uD800</c>–<c>\uDFFF</c> escapes that do not form a pair become
    /// <c>\uFFFD</c>, and unpaired surrogate characters become U+FFFD. Escaped backslashes (<c>\\ud83d</c>) are text,
    /// not escapes, and stay. Returns the input itself when nothing needed repair.
    /// </summary>
    public static string RepairJson(string json, out int repaired)
    {
        ArgumentNullException.ThrowIfNull(json);
        repaired = 0;
        StringBuilder? sb = null;
        var copiedTo = 0;
        var i = 0;
        while (i < json.Length)
        {
            var c = json[i];
            if (c == '\\' && i + 1 < json.Length)
            {
                if (json[i + 1] == 'u' && Hex4(json, i + 2) is { } unit && char.IsSurrogate((char)unit))
                {
                    if (char.IsHighSurrogate((char)unit) && i + 7 < json.Length && json[i + 6] == '\\' && json[i + 7] == 'u'
                        && Hex4(json, i + 8) is { } low && char.IsLowSurrogate((char)low))
                    {
                        i += 12; // a proper pair
                        continue;
                    }

                    sb ??= new StringBuilder(json.Length);
                    sb.Append(json, copiedTo, i - copiedTo).Append("\\uFFFD");
                    repaired++;
                    i += 6;
                    copiedTo = i;
                    continue;
                }

                i += char.IsSurrogate(json[i + 1]) ? 1 : 2; // any other escape, \\ included, is copied as it is
                continue;
            }

            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < json.Length && char.IsLowSurrogate(json[i + 1]))
                {
                    i += 2;
                    continue;
                }

                sb ??= new StringBuilder(json.Length);
                sb.Append(json, copiedTo, i - copiedTo).Append(Replacement);
                repaired++;
                i++;
                copiedTo = i;
                continue;
            }

            i++;
        }

        return sb is null ? json : sb.Append(json, copiedTo, json.Length - copiedTo).ToString();
    }

    /// <summary>Replaces unpaired surrogate characters in plain text with U+FFFD.</summary>
    public static string Repair(string text, out int repaired)
    {
        ArgumentNullException.ThrowIfNull(text);
        repaired = 0;
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (paired)
            {
                sb?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                sb ??= new StringBuilder(text.Length).Append(text, 0, i);
                sb.Append(Replacement);
                repaired++;
                continue;
            }

            sb?.Append(c);
        }

        return sb?.ToString() ?? text;
    }

    /// <summary>The warning that says how many lone surrogates were replaced in <paramref name="what"/>.</summary>
    public static Diagnostic Warning(int repaired, string what) => Diagnostic.Warning(
        Code,
        string.Create(CultureInfo.InvariantCulture, $"{what} held {repaired} unpaired UTF-16 surrogate(s) (half an emoji); read as U+FFFD."));

    private static int? Hex4(string s, int at)
    {
        if (at + 4 > s.Length)
        {
            return null;
        }

        var value = 0;
        for (var k = 0; k < 4; k++)
        {
            var d = s[at + k];
            var n = d is >= '0' and <= '9' ? d - '0' : d is >= 'a' and <= 'f' ? d - 'a' + 10 : d is >= 'A' and <= 'F' ? d - 'A' + 10 : -1;
            if (n < 0)
            {
                return null;
            }

            value = (value * 16) + n;
        }

        return value;
    }
}
