using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using Embassy.Domain;

namespace Embassy.Reports;

/// <summary>A month read from text, before it is checked against the filing date.</summary>
/// <param name="Month">1–12.</param>
/// <param name="Year">The stated year, or null when the text gives none.</param>
/// <param name="Line">The body line (0 for the title).</param>
internal readonly record struct MonthMention(int Month, int? Year, int Line);

/// <summary>
/// Reads the month a report is about, from the title or the body: month names in the languages members write
/// (English, German, French, Spanish, Italian, Portuguese, Dutch, Russian, Polish…), abbreviations, common
/// misspellings, and numeric forms ("2024-07", "07/2024", "2024年7月").
/// </summary>
internal static partial class PeriodReader
{
    // Names that are never ordinary words in a title: matched anywhere.
    private static readonly Dictionary<string, int> Names = BuildNames();
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> NameLookup = Names.GetAlternateLookup<ReadOnlySpan<char>>();

    // Short forms that are also words ("may", "out", "set", "ago", "mar", "mai"…): matched only beside a year.
    private static readonly Dictionary<string, int> Ambiguous = new(StringComparer.OrdinalIgnoreCase)
    {
        ["may"] = 5, ["mar"] = 3, ["out"] = 10, ["set"] = 9, ["ago"] = 8, ["mai"] = 5, ["gen"] = 1, ["ene"] = 1,
        ["dic"] = 12, ["abr"] = 4, ["avr"] = 4, ["lug"] = 7, ["giu"] = 6, ["mag"] = 5, ["ott"] = 10, ["fev"] = 2,
        ["dez"] = 12, ["okt"] = 10, ["jun"] = 6, ["jul"] = 7, ["mei"] = 5, ["maj"] = 5,
    };

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> AmbiguousLookup = Ambiguous.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly string[] EnglishMonths =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static Dictionary<string, int> BuildNames()
    {
        var d = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        void Add(int month, params string[] names)
        {
            foreach (var n in names)
            {
                d[n] = month;
            }
        }

        Add(1, "january", "jan", "januar", "janvier", "janv", "enero", "gennaio", "janeiro", "januari", "январь", "января", "styczeń", "styczen", "stycznia", "ocak", "jän", "jaenner", "jänner");
        Add(2, "february", "feb", "febr", "februar", "février", "fevrier", "févr", "fevr", "febrero", "febbraio", "fevereiro", "februari", "февраль", "февраля", "luty", "lutego", "şubat", "feburary", "febuary", "fabruary", "februrary", "februaury");
        Add(3, "march", "märz", "maerz", "mars", "marzo", "março", "marco", "maart", "март", "марта", "marzec", "marca", "mart");
        Add(4, "april", "apr", "avril", "abril", "aprile", "апрель", "апреля", "kwiecień", "kwiecien", "kwietnia", "nisan");
        Add(5, "mayo", "maggio", "maio", "май", "мая", "mayıs");
        Add(6, "june", "juni", "juin", "junio", "giugno", "junho", "июнь", "июня", "czerwiec", "czerwca", "haziran");
        Add(7, "july", "juli", "juillet", "juil", "julio", "luglio", "julho", "июль", "июля", "lipiec", "lipca", "temmuz");
        Add(8, "august", "aug", "août", "aout", "agosto", "augustus", "август", "августа", "sierpień", "sierpien", "sierpnia", "ağustos", "agustos");
        Add(9, "september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "setembro", "сентябрь", "сентября", "wrzesień", "wrzesien", "września", "eylül");
        Add(10, "october", "oct", "oktober", "octobre", "octubre", "ottobre", "outubro", "октябрь", "октября", "październik", "pazdziernik", "października", "ekim");
        Add(11, "november", "nov", "novembre", "noviembre", "novembro", "ноябрь", "ноября", "listopad", "listopada", "kasım");
        Add(12, "december", "dec", "dezember", "décembre", "decembre", "déc", "diciembre", "dicembre", "dezembro", "декабрь", "декабря", "grudzień", "grudzien", "grudnia", "aralık");
        return d;
    }

    // 2024-07, 2024/07, 2024.07
    [GeneratedRegex(@"(?<![\d])(20\d\d)[-/.](0?[1-9]|1[0-2])(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex YearFirst();

    // 07/2024, 7-2024, 07.2024
    [GeneratedRegex(@"(?<![\d/.-])(0?[1-9]|1[0-2])[-/.](20\d\d)(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex MonthFirst();

    // 2024年7月, 2023년 7월, 7月
    [GeneratedRegex(@"(?:(20\d\d)\s*[年년]\s*)?(1[0-2]|0?[1-9])\s*[月월]", RegexOptions.CultureInvariant)]
    private static partial Regex CjkMonth();

    /// <summary>The first month named in a title (line 0), or null.</summary>
    public static MonthMention? FromTitle(string title) => Find(title, 0, strict: false);

    /// <summary>
    /// The first month in the body that is clearly a date: a name beside a year ("July 2024", "lug23"), a numeric
    /// form, or "Contributions of July". Bare names in prose ("may", "march") are not taken.
    /// </summary>
    public static MonthMention? FromBody(IReadOnlyList<string> lines)
    {
        MonthMention? ofMonth = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var found = Find(lines[i], i + 1, strict: true);
            if (found is { Year: not null })
            {
                return found;
            }

            if (ofMonth is null && found is { } f)
            {
                ofMonth = f;
            }
        }

        return ofMonth;
    }

    private static MonthMention? Find(string text, int line, bool strict)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var span = text.Length > 4000 ? text[..4000] : text;
        Candidate? best = null;

        if (YearFirst().Match(span) is { Success: true } yf)
        {
            Offer(ref best, yf.Index, Int(yf.Groups[2].Value), Int(yf.Groups[1].Value));
        }

        if (MonthFirst().Match(span) is { Success: true } mf)
        {
            Offer(ref best, mf.Index, Int(mf.Groups[1].Value), Int(mf.Groups[2].Value));
        }

        if (CjkMonth().Match(span) is { Success: true } cjk)
        {
            Offer(ref best, cjk.Index, Int(cjk.Groups[2].Value), cjk.Groups[1].Success ? Int(cjk.Groups[1].Value) : null);
        }

        // The words and numbers of the text, as the pattern \p{L}+|\d+ would find them: maximal runs of letters or of
        // digits. Kept as positions in a rented array, so a line costs no Match objects and no substrings.
        var tokens = ArrayPool<Token>.Shared.Rent(span.Length);
        try
        {
            var count = Tokenize(span, tokens);
            var fuzzy = FindInTokens(span, tokens.AsSpan(0, count), strict, ref best);
            var chosen = best ?? fuzzy;
            return chosen is { } c ? new MonthMention(c.Month, c.Year, line) : null;
        }
        finally
        {
            ArrayPool<Token>.Shared.Return(tokens);
        }
    }

    private static Candidate? FindInTokens(string span, ReadOnlySpan<Token> tokens, bool strict, ref Candidate? best)
    {
        Candidate? fuzzy = null;
        for (var t = 0; t < tokens.Length; t++)
        {
            var tok = tokens[t];
            if (best is { } b && b.Index < tok.Index)
            {
                break;
            }

            var word = span.AsSpan(tok.Index, tok.Length);
            if (char.IsDigit(word[0]))
            {
                continue;
            }

            // "lug23", "Dec2024": letters glued to a year.
            int? glued = null;
            if (t + 1 < tokens.Length && tokens[t + 1] is var next && next.Index == tok.Index + tok.Length && char.IsDigit(span[next.Index]) && next.Length is 2 or 4)
            {
                glued = YearOf(span.AsSpan(next.Index, next.Length));
            }

            var year = glued ?? NearbyYear(span, tokens, t);
            if (NameLookup.TryGetValue(word, out var m))
            {
                if (!strict || year is not null || PrecededByOf(span, tokens, t))
                {
                    Offer(ref best, tok.Index, m, year);
                }
            }
            else if (AmbiguousLookup.TryGetValue(word, out m) && year is not null)
            {
                Offer(ref best, tok.Index, m, year);
            }
            else if (!strict && word.Equals("may", StringComparison.OrdinalIgnoreCase))
            {
                Offer(ref best, tok.Index, 5, year);
            }
            else if (fuzzy is null && word.Length >= 6 && TryFuzzy(word, out m) && (!strict || year is not null || PrecededByOf(span, tokens, t)))
            {
                fuzzy = new Candidate(tok.Index, m, year);
            }
        }

        return fuzzy;
    }

    private static void Offer(ref Candidate? best, int index, int month, int? year)
    {
        if (best is null || index < best.Value.Index)
        {
            best = new Candidate(index, month, year);
        }
    }

    private static int Tokenize(string text, Token[] tokens)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            var letter = char.IsLetter(text[i]);
            if (!letter && !char.IsDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (letter ? char.IsLetter(text[i]) : char.IsDigit(text[i])))
            {
                i++;
            }

            tokens[count++] = new Token(start, i - start);
        }

        return count;
    }

    private static bool PrecededByOf(string text, ReadOnlySpan<Token> tokens, int t)
    {
        if (t == 0)
        {
            return false;
        }

        var prev = text.AsSpan(tokens[t - 1].Index, tokens[t - 1].Length);
        return prev.Equals("of", StringComparison.OrdinalIgnoreCase)
            || prev.Equals("de", StringComparison.OrdinalIgnoreCase)
            || prev.Equals("di", StringComparison.OrdinalIgnoreCase)
            || prev.Equals("month", StringComparison.OrdinalIgnoreCase)
            || prev.StartsWith("contribution", StringComparison.OrdinalIgnoreCase);
    }

    private static int? NearbyYear(string text, ReadOnlySpan<Token> tokens, int t)
    {
        // The year right after the month ("July 2024", "July, 2024") or right before it ("2024 July").
        for (var k = t + 1; k <= t + 2 && k < tokens.Length; k++)
        {
            if (char.IsDigit(text[tokens[k].Index]))
            {
                return tokens[k].Length == 4 ? YearOf(text.AsSpan(tokens[k].Index, tokens[k].Length)) : null;
            }
        }

        if (t > 0 && tokens[t - 1].Length == 4 && char.IsDigit(text[tokens[t - 1].Index]))
        {
            return YearOf(text.AsSpan(tokens[t - 1].Index, tokens[t - 1].Length));
        }

        // A year elsewhere in a short text such as a title ("November Contributions 2022").
        for (var k = t + 1; k < tokens.Length && k <= t + 4; k++)
        {
            if (tokens[k].Length == 4 && YearOf(text.AsSpan(tokens[k].Index, tokens[k].Length)) is { } y)
            {
                return y;
            }
        }

        return null;
    }

    private static int? YearOf(ReadOnlySpan<char> digits)
    {
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var v))
        {
            return null;
        }

        return digits.Length switch
        {
            4 when v is >= 2000 and <= 2099 => v,
            2 when v is >= 18 and <= 60 => 2000 + v,
            _ => null,
        };
    }

    private static int Int(string s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;

    /// <summary>English month names with up to two typing slips ("Feburary", "Novembreer"), same first letter.</summary>
    private static bool TryFuzzy(ReadOnlySpan<char> word, out int month)
    {
        month = 0;
        Span<char> w = stackalloc char[word.Length];
        word.ToLowerInvariant(w);
        for (var i = 0; i < EnglishMonths.Length; i++)
        {
            var name = EnglishMonths[i];
            if (name.Length < 5 || w[0] != name[0] || Math.Abs(name.Length - w.Length) > 2)
            {
                continue;
            }

            var allowed = w.Length >= 8 ? 2 : 1;
            if (Text.EditDistance(w, name, allowed) <= allowed)
            {
                month = i + 1;
                return true;
            }
        }

        return false;
    }

    private readonly record struct Candidate(int Index, int Month, int? Year);

    private readonly record struct Token(int Index, int Length);

    /// <summary>
    /// R7: the period a mention means, given the filing date. A month without a year takes the most recent such month
    /// at or before filing; a stated year far from the filing date ("July 2022" filed in August 2024) is taken as a
    /// slip and the month the filing date implies is used instead.
    /// </summary>
    public static (Period Period, Diagnostic? Note) Resolve(MonthMention mention, DateTimeOffset filedAt)
    {
        var filed = Period.Of(filedAt);
        if (filed.Year is < 1971 or > 9000)
        {
            // A filing time no GitHub issue can have: read the month as written (default year 2000 when none).
            var asWritten = new Period(mention.Year ?? 2000, mention.Month);
            return (asWritten, Diagnostic.Warning(
                ReportCodes.PeriodFarFromFiling,
                string.Create(CultureInfo.InvariantCulture, $"The filing date {filedAt:yyyy-MM-dd} is not plausible; the month was read as written."),
                mention.Line == 0 ? new SourcePosition(1, Source: "title") : new SourcePosition(mention.Line)));
        }

        var implied = new Period(filed.Year, mention.Month);
        if (implied > filed)
        {
            implied = implied.AddMonths(-12);
        }

        var where = mention.Line == 0 ? new SourcePosition(1, Source: "title") : new SourcePosition(mention.Line);
        if (mention.Year is not { } year)
        {
            return (implied, Diagnostic.Info(
                ReportCodes.PeriodYearInferred,
                $"The month has no year; {implied} was taken from the filing date {filedAt.UtcDateTime:yyyy-MM-dd}.",
                where));
        }

        var stated = new Period(year, mention.Month);
        var lag = filed.MonthsSince(stated);

        // Filed up to a month early or eleven months late still reads as written; beyond that the year is a slip.
        if (lag is >= -1 and <= 11)
        {
            return (stated, null);
        }

        return (implied, Diagnostic.Warning(
            ReportCodes.PeriodContradictsFiling,
            string.Create(CultureInfo.InvariantCulture, $"The report says {stated} but was filed on {filedAt.UtcDateTime:yyyy-MM-dd}; it was read as {implied}. Please correct the year in the title."),
            where));
    }
}
