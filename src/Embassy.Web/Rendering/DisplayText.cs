using System.Text;
using System.Text.Encodings.Web;

namespace Embassy.Web.Rendering;

/// <summary>
/// Text people chose (names, logins, titles, report bodies) as pages show it: Unicode bidirectional controls are removed,
/// so "Mallory\u202Egnp.exe" cannot display reversed as "Mallory" + "exe.png", nor a title pose as another. The controls
/// are U+202A–U+202E (embeddings and overrides), U+2066–U+2069 (isolates), U+200E/U+200F (marks) and U+061C (Arabic
/// letter mark); removing them leaves right-to-left script itself alone (its direction comes from the letters).
/// </summary>
public static class DisplayText
{
    /// <summary>True for a bidirectional control character.</summary>
    public static bool IsBidiControl(int c) => c is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069) or 0x200E or 0x200F or 0x061C;

    /// <summary><paramref name="text"/> without bidirectional controls (the same instance when it has none).</summary>
    public static string Neutral(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var first = text.AsSpan().IndexOfAny(Controls);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        sb.Append(text.AsSpan(0, first));
        foreach (var c in text.AsSpan(first))
        {
            if (!IsBidiControl(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> Controls = System.Buffers.SearchValues.Create(
        "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C");
}

/// <summary>
/// The HTML encoder of every Razor page (registered in place of <see cref="HtmlEncoder.Default"/>): what it encodes is
/// first made <see cref="DisplayText.Neutral"/>, so no page can show a name, login or title with bidirectional controls,
/// whichever page or attribute it is written to. Encoding itself is <see cref="HtmlEncoder.Default"/>'s.
/// </summary>
internal sealed class NeutralHtmlEncoder : HtmlEncoder
{
    private static readonly HtmlEncoder Inner = Default;

    public override int MaxOutputCharactersPerInputCharacter => Inner.MaxOutputCharactersPerInputCharacter;

    public override string Encode(string value) => Inner.Encode(DisplayText.Neutral(value));

    public override void Encode(TextWriter output, string value, int startIndex, int characterCount)
    {
        ArgumentNullException.ThrowIfNull(value);
        var neutral = DisplayText.Neutral(value.Substring(startIndex, characterCount));
        Inner.Encode(output, neutral, 0, neutral.Length);
    }

    public override void Encode(TextWriter output, char[] value, int startIndex, int characterCount)
    {
        ArgumentNullException.ThrowIfNull(value);
        var neutral = DisplayText.Neutral(new string(value, startIndex, characterCount));
        Inner.Encode(output, neutral, 0, neutral.Length);
    }

    public override bool WillEncode(int unicodeScalar) => DisplayText.IsBidiControl(unicodeScalar) || Inner.WillEncode(unicodeScalar);

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var first = Inner.FindFirstCharacterToEncode(text, textLength);
        var limit = first < 0 ? textLength : first;
        for (var i = 0; i < limit; i++)
        {
            if (DisplayText.IsBidiControl(text[i]))
            {
                return i;
            }
        }

        return first;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        if (DisplayText.IsBidiControl(unicodeScalar))
        {
            numberOfCharactersWritten = 0; // dropped
            return true;
        }

        return Inner.TryEncodeUnicodeScalar(unicodeScalar, buffer, bufferLength, out numberOfCharactersWritten);
    }
}
