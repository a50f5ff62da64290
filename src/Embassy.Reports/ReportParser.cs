using System.Globalization;
using System.Text.RegularExpressions;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.Policies;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Embassy.Reports;

/// <summary>
/// Turns one GitHub issue into a <see cref="ParsedReport"/>. Tolerant: real reports follow the template loosely,
/// so every field is read by several patterns (labels, headings, Markdown links), and nothing a member writes
/// makes it throw — empty text, binary garbage, megabytes of text and absurd nesting all give a report with
/// diagnostics. Immutable and thread-safe: build once, parse many.
/// </summary>
public sealed partial class ReportParser
{
    /// <summary>Most characters of a body that are read; the rest is ignored with a warning.</summary>
    public const int MaxBodyLength = 1 << 20;

    /// <summary>Deepest nesting (list levels, quotes, brackets) handed to the Markdown parser.</summary>
    public const int MaxMarkdownDepth = 32;

    private readonly Func<Period, Policy?> _policyFor;
    private readonly Policy? _fallback;
    private readonly DepartmentVocabulary _vocabulary;
    private readonly MarkdownPipeline _pipeline;

    /// <summary>Creates a parser.</summary>
    /// <param name="policies">Every policy whose department codes and names may appear in reports.</param>
    /// <param name="policyFor">The policy in force for a month (R1), or null when none is.</param>
    /// <param name="fallback">The policy used when the month cannot be read or none is in force.</param>
    public ReportParser(IEnumerable<Policy> policies, Func<Period, Policy?> policyFor, Policy? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(policyFor);
        _vocabulary = new DepartmentVocabulary(policies);
        _policyFor = policyFor;
        _fallback = fallback;
        _pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();
    }

    /// <summary>A parser over the shipped policies (phala-v1 … phala-v5-erc20), each month read under the policy in force (R1).</summary>
    public static ReportParser Shipped { get; } = new(
        PolicyCatalog.Shipped.All,
        PolicyCatalog.Shipped.InForce,
        PolicyCatalog.Shipped.Default);

    /// <summary>
    /// Parses and validates one issue. <paramref name="policy"/> forces a policy; otherwise the one in force for the
    /// month read from the report is used (R1).
    /// </summary>
    public ParsedReport Parse(IssueSnapshot issue, Policy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var diagnostics = new List<Diagnostic>();
        var title = Text.Sanitize(issue.Title ?? string.Empty, out var badTitle);
        var body = issue.Body ?? string.Empty;
        if (body.Length > MaxBodyLength)
        {
            body = body[..MaxBodyLength];
            diagnostics.Add(Diagnostic.Warning(ReportCodes.Truncated, $"The report is longer than {MaxBodyLength:N0} characters; only the first part was read."));
        }

        body = Text.Sanitize(body, out var badBody);
        if (badTitle + badBody > 0)
        {
            diagnostics.Add(Diagnostic.Warning(ReportCodes.BinaryContent, $"The report holds {badTitle + badBody:N0} unreadable characters (control characters or broken Unicode); they were ignored."));
        }

        if (string.IsNullOrWhiteSpace(title) && string.IsNullOrWhiteSpace(body))
        {
            diagnostics.Add(Diagnostic.Error(ReportCodes.Empty, "The issue has no title and no text: there is no report to read."));
        }

        var lines = Text.Lines(body);
        var cleaned = new string[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            cleaned[i] = Text.Clean(lines[i]);
        }

        // Period (R7): the title first, then the body.
        Period? period = null;
        var mention = PeriodReader.FromTitle(title) ?? PeriodReader.FromBody(lines);
        if (mention is { } m)
        {
            var (p, note) = PeriodReader.Resolve(m, issue.CreatedAt);
            period = p;
            if (note is not null)
            {
                diagnostics.Add(note);
            }
        }
        else
        {
            diagnostics.Add(Diagnostic.Error(ReportCodes.PeriodMissing, "No month found: write it in the title, e.g. \"July 2024 Contribution - yourname\".", new SourcePosition(1, Source: "title")));
        }

        policy ??= (period is { } pp ? _policyFor(pp) : null) ?? _fallback;

        var reader = new Reader(this, lines, cleaned, title, policy, diagnostics);
        try
        {
            reader.ReadPersonalInfo();
            reader.ReadScores();
            reader.ReadDepartments();
            reader.ReadLinks(body);
            reader.ReadPlaceholders();
        }
        catch (RegexMatchTimeoutException)
        {
            // Every pattern has a time limit so that no text can hang the parser; what was read so far is kept.
            diagnostics.Add(Diagnostic.Error(ReportCodes.TooComplex, "The report is too complex to read in time; shorten it or split long lines."));
        }

        var report = new ParsedReport
        {
            Number = issue.Number,
            Author = issue.AuthorLogin,
            Period = period,
            PolicyId = policy?.Id,
            Rank = reader.Rank,
            RankText = reader.RankText,
            Discord = reader.Discord,
            Telegram = reader.Telegram,
            Twitter = reader.Twitter,
            Wallet = reader.Wallet,
            WalletKind = reader.WalletKind,
            WalletLine = reader.WalletLine,
            Departments = reader.Departments,
            Supplementary = reader.Supplementary,
            DepartmentsFromSections = reader.FromSections,
            SuggestedScores = reader.Scores,
            OverallSuggested = reader.Overall,
            Evidence = reader.Evidence,
            Sections = reader.Sections,
            Diagnostics = diagnostics,
        };

        if (policy is not null)
        {
            report = ReportValidator.Validate(report, issue, policy);
        }

        return report with { Diagnostics = Order(report.Diagnostics) };
    }

    private static Diagnostic[] Order(IReadOnlyList<Diagnostic> diagnostics) =>
        diagnostics
            .Select((d, i) => (d, i))
            .OrderBy(x => x.d.Position is { Source: "title" } ? 0 : x.d.Position?.Line ?? int.MaxValue)
            .ThenBy(x => x.i)
            .Select(x => x.d)
            .ToArray();

    // ---- patterns -------------------------------------------------------------------------------------------

    [GeneratedRegex(@"(?<![A-Za-z0-9])0x[0-9a-fA-F]{40}(?![0-9a-fA-F])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    internal static partial Regex EvmAddress();

    [GeneratedRegex(@"(?<![A-Za-z0-9/=?&.])[1-9A-HJ-NP-Za-km-z]{46,50}(?![A-Za-z0-9])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    internal static partial Regex Ss58Address();

    [GeneratedRegex(@"(?:https?://|www\.)[^\s<>""'`\[\]()]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Url();

    // "35/40", "35 / 40", "35 out of 40".
    [GeneratedRegex(@"(?<![\d.])(\d{1,3}(?:[.,]\d{1,2})?)\s*(?:/|out of)\s*(\d{1,3})(?![\d])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Fraction();

    // Several scores on one line: "Suggested scores: CM 35/40, CC 30/40".
    [GeneratedRegex(@"(?<![A-Za-z%])#?\[?(?<c>[A-Z]{2,6})\]?\s*[:\-–=]?\s*\(?(?<s>\d{1,3}(?:[.,]\d{1,2})?)\s*/\s*(?<m>\d{1,3})(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex InlineScore();

    [GeneratedRegex(@"^(\d{1,3}(?:[.,]\d{1,2})?)(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LeadingNumber();

    // "CM", "#CM & #CC", "MK/CM&CC", "CC + MK", "CM and CC" at the start of a line.
    [GeneratedRegex(@"^#?(?<c>[A-Z]{2,6})(?![A-Za-z0-9])(?:\s*(?:&|\+|/|,|and)\s*#?(?<c>[A-Z]{2,6})(?![A-Za-z0-9]))*(?<rest>.*)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CodeHead();

    // "CONTENT (CC): 40/40", "Community Management (CM)".
    [GeneratedRegex(@"^(?<name>[\p{L} ]{3,40}?)\s*\(\s*#?(?<c>[A-Z]{2,6})\s*\)(?<rest>.*)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NameCodeHead();

    [GeneratedRegex(@"\b(?:not|didn'?t|don'?t|no)\b[^.]{0,40}\b(?:contribut|work|participat|activ)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Negation();

    // "Senior Ambassador", "Senior-ambassador", "candidate", "Ambassador Candidate" (the policy's own title).
    [GeneratedRegex(@"^(?:(?<q>head|senior|candidate|advocate|official)\s*)?(?<a>amb|ambs|ambassador|ambassadors)?(?:\s+(?<q2>candidate|senior|head))?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RankPhrase();

    [GeneratedRegex(@"\b(?<q>head|senior|candidate|advocate)[\s-]*amb(?:assador)?\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TitleRank();

    [GeneratedRegex(@"\[\s*\d\s*\]\s*/\s*\[\s*\d\s*\]|(?<![A-Za-z])X\s*/\s*(?:10|20|40|80|100)\b|\[add statistics here\]|\[(?:Department|Supplementary task) \d\]|\{your #discord ID\}", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Placeholder();

    /// <summary>Reads one report; holds the fields found so far.</summary>
    private sealed class Reader(ReportParser parser, string[] lines, string[] cleaned, string title, Policy? policy, List<Diagnostic> diagnostics)
    {
        private readonly DepartmentVocabulary _vocabulary = parser._vocabulary;

        public Rank? Rank { get; private set; }

        public string? RankText { get; private set; }

        public Handle? Discord { get; private set; }

        public Handle? Telegram { get; private set; }

        public Handle? Twitter { get; private set; }

        public string? Wallet { get; private set; }

        public WalletKind? WalletKind { get; private set; }

        public int WalletLine { get; private set; }

        public List<string> Departments { get; } = [];

        public List<string> Supplementary { get; } = [];

        public bool FromSections { get; private set; }

        public Dictionary<string, SuggestedScore> Scores { get; } = new(StringComparer.Ordinal);

        public Points? Overall { get; private set; }

        public List<EvidenceLink> Evidence { get; } = [];

        public List<ReportSection> Sections { get; } = [];

        // Lines of personal details (handles, wallet, rank, declaration): their links are not evidence of work.
        private readonly HashSet<int> _infoLines = [];

        // ---- personal info ----------------------------------------------------------------------------------

        public void ReadPersonalInfo()
        {
            var rankCandidateAfterBanner = false;
            for (var i = 0; i < cleaned.Length; i++)
            {
                var line = cleaned[i];
                if (line.Length is 0 or > 400)
                {
                    continue;
                }

                if (!Text.TrySplitLabel(line, out var l))
                {
                    if (Rank is null && (rankCandidateAfterBanner || i < 20) && TryRank(line, requireWord: true, i + 1))
                    {
                        continue;
                    }

                    rankCandidateAfterBanner = false;
                    if (Wallet is null && IsAddressOnly(line))
                    {
                        SetWallet(line, i + 1, labelled: false);
                    }

                    continue;
                }

                var words = l.Key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var first = words.Length > 0 ? words[0] : string.Empty;
                if (words.Length <= 4 && (first is "discord" or "telegram" or "twitter" or "x" or "tg" or "elegram" || l.Key.Contains("rank", StringComparison.Ordinal) || IsWalletLabel(l.Key)))
                {
                    _infoLines.Add(i + 1);
                }

                // "My Mandatory (Basic) Contributions of June:" is followed by the rank on its own line (V.1 template).
                if (first is "my" or "basic" or "contribution" or "contributions" || l.Key.Contains("contributions of", StringComparison.Ordinal))
                {
                    rankCandidateAfterBanner = l.Value.Length == 0;
                    if (Rank is null && l.Value.Length > 0)
                    {
                        TryRank(l.Value, requireWord: true, i + 1);
                    }

                    continue;
                }

                rankCandidateAfterBanner = false;
                if (Rank is null && first is "role" or "position" or "level" or "status" or "tier" && words.Length <= 2 && TryRank(l.Value, requireWord: true, i + 1))
                {
                    continue;
                }

                if (l.Key.Contains("rank", StringComparison.Ordinal) && words.Length <= 3)
                {
                    if (Rank is null && RankText is null && l.Value.Length > 0 && !TryRank(l.Value, requireWord: false, i + 1) && !IsPlaceholderValue(l.Value))
                    {
                        RankText = l.Value;
                        diagnostics.Add(Diagnostic.Warning(ReportCodes.RankUnknown, $"'{l.Value}' is not a rank; write one of candidate, ambassador, senior ambassador, head ambassador.", new SourcePosition(i + 1)));
                    }

                    continue;
                }

                if (IsWalletLabel(l.Key))
                {
                    ReadWallet(l, i);
                    continue;
                }

                if (l.Value.Length == 0 || IsPlaceholderValue(l.Value) || words.Length > 4)
                {
                    continue;
                }

                // "PHA: 41…", "Phala: 41…": any short label whose value is just an address.
                if (IsAddressOnly(l.Value))
                {
                    if (Wallet is null)
                    {
                        SetWallet(l.Value.Trim().Trim('`', '*'), i + 1, labelled: false);
                        _infoLines.Add(i + 1);
                    }

                    continue;
                }

                if (Is(first, "discord") && !Excluded(l.Key))
                {
                    Discord ??= MakeHandle(l.Value, i + 1, HandleKind.Discord);
                }
                else if ((Is(first, "telegram") || first == "tg") && !Excluded(l.Key))
                {
                    Telegram ??= MakeHandle(l.Value, i + 1, HandleKind.Telegram);
                }
                else if ((Is(first, "twitter") || first == "x" || (l.Key == "ambassador" && IsTwitterUrl(l.Value))) && !Excluded(l.Key))
                {
                    Twitter ??= MakeHandle(l.Value, i + 1, HandleKind.Twitter);
                }
            }

            if (Rank is null && TitleRank().Match(title) is { Success: true } tr)
            {
                RankText = tr.Value;
                Rank = RankFromQualifier(tr.Groups["q"].Value);
            }
        }

        private static bool Is(string word, string expected) =>
            word == expected
            || (word.Length >= 6 && Math.Abs(word.Length - expected.Length) <= 1 && (word[0] == expected[0] || word[^1] == expected[^1])
                && Text.EditDistance(word, expected, 1) <= 1);

        private static bool Excluded(string key) =>
            key.Contains("local", StringComparison.Ordinal) || key.Contains("analytic", StringComparison.Ordinal)
            || key.Contains("channel", StringComparison.Ordinal) || key.Contains("group", StringComparison.Ordinal)
            || key.Contains("phala", StringComparison.Ordinal) || key.Contains("space", StringComparison.Ordinal)
            || key.Contains("thread", StringComparison.Ordinal) || key.Contains("post", StringComparison.Ordinal)
            || key.Contains("activit", StringComparison.Ordinal) || key.Contains("stat", StringComparison.Ordinal);

        private static bool IsTwitterUrl(string value) =>
            value.Contains("twitter.com/", StringComparison.OrdinalIgnoreCase) || value.Contains("x.com/", StringComparison.OrdinalIgnoreCase);

        private static bool IsPlaceholderValue(string value) =>
            value.Length == 1 && value[0] is 'X' or 'Y' or 'Z';

        private bool TryRank(string text, bool requireWord, int line)
        {
            var key = Text.Key(text);
            if (key.Length == 0 || key.Length > 60)
            {
                return false;
            }

            var m = RankPhrase().Match(key);
            if (!m.Success && !requireWord)
            {
                // A labelled value may go on: "Senior Ambassador (since May)", "Ambassador - Brazil team".
                var cut = text.IndexOfAny(['(', ',', '/', '|', ';']);
                var dash = text.IndexOf(" - ", StringComparison.Ordinal);
                cut = cut < 0 ? dash : dash < 0 ? cut : Math.Min(cut, dash);
                if (cut > 0)
                {
                    m = RankPhrase().Match(Text.Key(text[..cut]));
                    text = m.Success ? text[..cut] : text;
                }
            }

            if (!m.Success || (!m.Groups["q"].Success && !m.Groups["a"].Success))
            {
                return false;
            }

            // A bare line "amb" or "official" is not a rank; "Ambassador" or "Senior" alone is.
            if (requireWord && m.Groups["a"].Value is "amb" or "ambs" && !m.Groups["q"].Success)
            {
                return false;
            }

            if (m.Groups["q"].Value == "official" && !m.Groups["a"].Success)
            {
                return false;
            }

            RankText = text.Trim().Trim('*', '_').Trim();
            Rank = RankFromQualifier(m.Groups["q"].Success ? m.Groups["q"].Value : m.Groups["q2"].Value);
            _ = line;
            return true;
        }

        private static Rank RankFromQualifier(string qualifier) => qualifier.ToLowerInvariant() switch
        {
            "head" => Domain.Rank.Head,
            "senior" => Domain.Rank.Senior,
            "candidate" => Domain.Rank.Candidate,
            "advocate" => Domain.Rank.Advocate,
            _ => Domain.Rank.Ambassador,
        };

        private static bool IsWalletLabel(string key) =>
            key.Contains("address", StringComparison.Ordinal) || key.Contains("wallet", StringComparison.Ordinal)
            || key.Contains("direcci", StringComparison.Ordinal) || key.Contains("adresse", StringComparison.Ordinal)
            || key.Contains("endere", StringComparison.Ordinal) || key.Contains("carteira", StringComparison.Ordinal)
            || key.Contains("billetera", StringComparison.Ordinal) || key.Contains("cartera", StringComparison.Ordinal)
            || key.Contains("indirizzo", StringComparison.Ordinal) || key.Contains("portafoglio", StringComparison.Ordinal)
            || key.Contains("адрес", StringComparison.Ordinal) || key.Contains("кошел", StringComparison.Ordinal)
            || key.Contains("adres", StringComparison.Ordinal) || key.Contains("wallet", StringComparison.Ordinal);

        private void ReadWallet(LabeledLine l, int index)
        {
            var value = l.Value;
            var line = index + 1;
            if (value.Length == 0)
            {
                // The value on the line after its label.
                for (var k = index + 1; k < cleaned.Length && k <= index + 3; k++)
                {
                    if (cleaned[k].Length == 0)
                    {
                        continue;
                    }

                    if (AddressToken(cleaned[k]) is { } onNext && cleaned[k].Trim().Length <= onNext.Length + 4)
                    {
                        value = cleaned[k];
                        line = k + 1;
                    }

                    break;
                }
            }

            var token = AddressToken(value);
            if (token is null)
            {
                // Not address-shaped: keep a single long word as the (invalid) address the member meant.
                var word = value.Trim().TrimEnd('*', '`').Trim('`');
                if (word.Length >= 20 && !word.Contains(' ', StringComparison.Ordinal) && !word.Contains("://", StringComparison.Ordinal))
                {
                    token = word;
                }
                else
                {
                    return;
                }
            }

            SetWallet(token, line, labelled: true);
        }

        private void SetWallet(string token, int line, bool labelled)
        {
            var address = token.Trim();
            if (Wallet is null)
            {
                Wallet = address;
                WalletLine = line;
                WalletKind = EvmAddress().IsMatch(address) ? Reports.WalletKind.Evm
                    : Ss58Address().IsMatch(address) ? Reports.WalletKind.Ss58
                    : address.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? Reports.WalletKind.Evm : null;
            }
            else if (labelled && !string.Equals(Wallet, address, StringComparison.Ordinal))
            {
                diagnostics.Add(Diagnostic.Warning(ReportCodes.WalletMultiple, $"A second payout address {address} differs from the first, {Wallet}; the first was used. Remove the one that is no longer yours.", new SourcePosition(line)));
            }
        }

        private static string? AddressToken(string text)
        {
            if (EvmAddress().Match(text) is { Success: true } evm)
            {
                return evm.Value;
            }

            return Ss58Address().Match(text) is { Success: true } ss58 ? ss58.Value : null;
        }

        private static bool IsAddressOnly(string line)
        {
            var t = line.Trim().Trim('`', '*');
            return t.Length is >= 42 and <= 50 && AddressToken(t) is { } tok && tok.Length == t.Length;
        }

        private enum HandleKind
        {
            Discord,
            Telegram,
            Twitter,
        }

        private static Handle MakeHandle(string raw, int line, HandleKind kind)
        {
            var value = raw.Trim();
            var normalized = value;

            // [text](url): the URL names the account for Telegram and X; the text for Discord.
            var link = Regex.Match(value, @"\]\((?<u>[^)\s]+)\)\s*$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            if (link.Success && kind != HandleKind.Discord)
            {
                normalized = link.Groups["u"].Value;
            }
            else if (link.Success)
            {
                normalized = value[..value.IndexOf(']', StringComparison.Ordinal)].TrimStart('[');
            }

            var url = Url().Match(normalized);
            if (url.Success || normalized.Contains(".com/", StringComparison.OrdinalIgnoreCase) || normalized.StartsWith("t.me/", StringComparison.OrdinalIgnoreCase))
            {
                var u = url.Success ? url.Value : normalized;
                var afterHost = u.Contains("://", StringComparison.Ordinal) ? u[(u.IndexOf("://", StringComparison.Ordinal) + 3)..] : u;
                var slash = afterHost.IndexOf('/', StringComparison.Ordinal);
                var path = slash >= 0 ? afterHost[(slash + 1)..] : string.Empty;
                var segment = path.Split('/', '?', '#')[0];
                normalized = segment.Length > 0 ? segment : normalized;
            }
            else
            {
                // "@J102J (치포)": drop a trailing remark in brackets.
                var paren = normalized.IndexOf(" (", StringComparison.Ordinal);
                if (paren > 0)
                {
                    normalized = normalized[..paren];
                }
            }

            normalized = normalized.Trim().TrimStart('@').Trim();
            if (kind == HandleKind.Discord)
            {
                normalized = normalized.Replace(" #", "#", StringComparison.Ordinal);
            }

            return new Handle(value, normalized, line);
        }

        // ---- departments ------------------------------------------------------------------------------------

        public void ReadDepartments()
        {
            var declared = FindDeclaration(out var declarationLine, out var placeholder);
            var sectionCodes = ReadSections();
            List<string> chosen;
            if (declared is { Count: > 0 } && !placeholder)
            {
                // The declaration names the departments; a supplementary task (V.1, V.3) is claimed by scoring it.
                chosen = [.. declared];
                foreach (var code in Scores.Keys)
                {
                    if (policy?.FindSupplementary(code) is not null && policy.FindDepartment(code) is null && !chosen.Contains(code))
                    {
                        chosen.Add(code);
                    }
                }
            }
            else
            {
                FromSections = sectionCodes.Count > 0;
                chosen = [.. sectionCodes];

                // V.1 template: the CM block is the channel-moderation questions and Combot link, often without a
                // "CM" heading; it counts when the report otherwise follows that template (a Mandatory banner or codes).
                if (!chosen.Contains("CM")
                    && (chosen.Count > 0 || cleaned.Any(c => c.Contains("mandatory", StringComparison.OrdinalIgnoreCase)))
                    && lines.Any(c => c.Contains("channel moderation", StringComparison.OrdinalIgnoreCase)))
                {
                    var cm = DepartmentVocabulary.MapToPolicy("CM", policy);
                    chosen.Insert(0, cm);
                    FromSections = true;
                }

                if (placeholder)
                {
                    diagnostics.Add(Diagnostic.Warning(ReportCodes.TemplatePlaceholder, "The Departments line still holds the template's placeholders (\"[1]/[2]/[3]\"); the departments were taken from the section headings. Write your departments there, e.g. \"CM/CC\".", new SourcePosition(declarationLine)));
                }
            }

            var hasChoice = policy?.Departments.Any(d => d.Kind == DepartmentKind.Selectable) == true;
            foreach (var code in chosen.Distinct(StringComparer.Ordinal))
            {
                if (policy is null)
                {
                    Departments.Add(code);
                    continue;
                }

                var dept = policy.FindDepartment(code);
                if (dept is { Kind: DepartmentKind.Selectable })
                {
                    Departments.Add(dept.Code);
                }
                else if (dept is { Kind: DepartmentKind.Others } || (dept is { Kind: DepartmentKind.Basic } && hasChoice))
                {
                    // R3: Basic and Others are open to every member, never chosen ("CC/ Other" chooses CC).
                    continue;
                }
                else if (dept is not null)
                {
                    // V.1: the mandatory basic tasks a member reports on.
                    Supplementary.Add(dept.Code);
                }
                else if (policy.FindSupplementary(code) is { } task)
                {
                    Supplementary.Add(task.Code);
                }
                else
                {
                    Departments.Add(code);
                }
            }
        }

        private List<string>? FindDeclaration(out int line, out bool placeholder)
        {
            line = 0;
            placeholder = false;
            List<string>? found = null;
            List<string>? supplementary = null;
            for (var i = 0; i < cleaned.Length; i++)
            {
                if (cleaned[i].Length == 0 || !TryDeclarationLine(cleaned[i], out var l) || l.Value.Length == 0)
                {
                    continue;
                }

                var k = l.Key;
                var isSupplementary = k.Contains("supplementary", StringComparison.Ordinal);
                var isDeclarationLabel = k.Contains("department", StringComparison.Ordinal) || k.Contains("mandatory", StringComparison.Ordinal)
                    || k.StartsWith("contribution", StringComparison.Ordinal) || k.Contains("departamento", StringComparison.Ordinal)
                    || k is "tasks" or "chosen" or "selected";
                if ((!isDeclarationLabel && !isSupplementary) || !TryParseCodeList(l.Value, out var codes, out var isPlaceholder))
                {
                    continue;
                }

                // "Supplementary tasks: PM, HD" (V.3) adds to the departments declared.
                if (isSupplementary)
                {
                    supplementary ??= codes;
                    continue;
                }

                if (found is null)
                {
                    line = i + 1;
                    placeholder = isPlaceholder && codes.Count == 0;
                    found = codes;
                }
            }

            if (found is { Count: > 0 } && supplementary is not null)
            {
                found.AddRange(supplementary.Where(c => !found.Contains(c)));
            }

            return found;
        }

        // "Departments: CM/CC", and also "Departments - CM/CC" or "Departments CM/CC" without a colon.
        private static bool TryDeclarationLine(string line, out LabeledLine labeled)
        {
            if (Text.TrySplitLabel(line, out labeled))
            {
                return true;
            }

            foreach (var word in (ReadOnlySpan<string>)["Departments", "Department"])
            {
                if (line.StartsWith(word, StringComparison.OrdinalIgnoreCase) && line.Length > word.Length + 2 && !char.IsLetter(line[word.Length]))
                {
                    var value = line[word.Length..].TrimStart(' ', '-', '–', '—', '=', '>', '\t');
                    labeled = new LabeledLine(word, word.ToLowerInvariant(), value.Trim());
                    return true;
                }
            }

            return false;
        }

        /// <summary>"CM/CC", "#CC &amp; #CM", "Marketing and Content", "CC50% &amp; CM50%", "[1]/[2]/[3]" (a placeholder).</summary>
        private bool TryParseCodeList(string value, out List<string> codes, out bool placeholder)
        {
            codes = [];
            placeholder = false;
            var v = Regex.Replace(value, @"\([^)]*\)", " ", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            var parts = Regex.Split(v, @"\s*(?:&|\+|/|,|;|\||\s[-–—]\s|\band\b|\bet\b|\by\b|\be\b)\s*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
            foreach (var raw in parts)
            {
                var part = raw.Trim().Trim('#', '[', ']', '*', '.', ':', ' ');
                var letters = new string(part.Where(c => !char.IsAsciiDigit(c) && c != '%').ToArray()).Trim().Trim('#', '[', ']', ' ');
                if (letters.Length == 0)
                {
                    if (part.Any(char.IsAsciiDigit) && !part.Contains('%', StringComparison.Ordinal))
                    {
                        placeholder = true;
                    }

                    continue;
                }

                if (_vocabulary.Resolve(letters, policy) is { } code)
                {
                    codes.Add(code);
                    continue;
                }

                // "#BD #CC #CM", "1. CM 2. CC": codes separated by spaces or numbering only.
                var words = Regex.Split(letters, "[^A-Za-z]+", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)).Where(w => w.Length > 0).ToArray();
                if (words.Length > 1 && words.All(w => _vocabulary.IsCode(w)))
                {
                    codes.AddRange(words.Select(w => DepartmentVocabulary.MapToPolicy(w, policy)));
                    continue;
                }

                return false;
            }

            return codes.Count > 0 || placeholder;
        }

        private List<string> ReadSections()
        {
            var codes = new List<string>();
            var starts = new List<(int Line, List<string> Codes, string Heading)>();
            var inScores = false;
            for (var i = 0; i < cleaned.Length; i++)
            {
                var key = cleaned[i].Length is > 0 and < 60 && cleaned[i].Contains("score", StringComparison.OrdinalIgnoreCase) ? Text.Key(cleaned[i]) : string.Empty;
                if (key.Contains("suggested score", StringComparison.Ordinal) || key is "scores" or "score")
                {
                    inScores = true;
                    continue;
                }

                // In the "Suggested scores" block, "[CC] 40/40" is a score, not the start of a section.
                if (IsHeading(i, out var headCodes, out var rest) && !Negation().IsMatch(rest)
                    && !(inScores && Fraction().IsMatch(rest)))
                {
                    starts.Add((i, headCodes, lines[i].Trim()));
                    foreach (var c in headCodes)
                    {
                        if (!codes.Contains(c) && c is not "BASIC" and not "OTHERS")
                        {
                            codes.Add(c);
                        }
                    }
                }
            }

            for (var s = 0; s < starts.Count; s++)
            {
                var start = starts[s].Line;
                var end = s + 1 < starts.Count ? starts[s + 1].Line - 1 : lines.Length - 1;
                var text = string.Join('\n', lines, start, end - start + 1);
                Sections.Add(new ReportSection(starts[s].Codes, starts[s].Heading, start + 1, end + 1, text));
            }

            return codes;
        }

        /// <summary>
        /// A line that opens a department section: "CM", "1. CM(Community Management)", "MK &amp; CC - …",
        /// "CONTENT (CC): 40/40", "[CC] 40/40", "Community:", "### Content Creation".
        /// </summary>
        // Sections and scores both ask whether a line is a heading: read each line once.
        private (bool Ok, List<string> Codes, string Remainder)[]? _headings;

        private bool IsHeading(int index, out List<string> codes, out string rest)
        {
            _headings ??= new (bool, List<string>, string)[cleaned.Length];
            if (_headings[index].Codes is null)
            {
                var ok = TryHeading(cleaned[index], out var c, out var r);
                _headings[index] = (ok, c, r);
            }

            (var found, codes, rest) = _headings[index];
            return found;
        }

        private bool TryHeading(string line, out List<string> codes, out string rest)
        {
            codes = [];
            rest = string.Empty;
            if (line.Length < 2)
            {
                return false;
            }

            // Cheap test first: a code heading starts with a known code ("CM", "MK &…").
            var firstWord = 0;
            while (firstWord < line.Length && firstWord < 7 && char.IsAsciiLetterUpper(line[firstWord]))
            {
                firstWord++;
            }

            if (line[0] == '[')
            {
                var close = line.IndexOf(']', StringComparison.Ordinal);
                if (close > 1 && _vocabulary.Resolve(line[1..close], policy) is { } bracketed)
                {
                    codes.Add(bracketed);
                    rest = line[(close + 1)..];
                    return true;
                }

                return false;
            }

            if (firstWord >= 2 && _vocabulary.IsCode(line.AsSpan(0, firstWord)) && CodeHead().Match(line) is { Success: true } m)
            {
                var all = m.Groups["c"].Captures.Select(c => c.Value).ToArray();
                rest = m.Groups["rest"].Value;
                var restTrim = rest.TrimStart();
                var opensSection = rest.Length == 0 || restTrim.Length == 0
                    || restTrim[0] is ':' or '-' or '–' or '—' or '(' or '：' or '.'
                    || rest[0] is ' ' or '\t';
                if (opensSection && all.All(c => _vocabulary.IsCode(c)))
                {
                    codes.AddRange(all.Select(c => DepartmentVocabulary.MapToPolicy(c, policy)));
                    return true;
                }
            }

            if (line.Contains('(', StringComparison.Ordinal) && NameCodeHead().Match(line) is { Success: true } nc && _vocabulary.IsCode(nc.Groups["c"].Value))
            {
                codes.Add(DepartmentVocabulary.MapToPolicy(nc.Groups["c"].Value, policy));
                rest = nc.Groups["rest"].Value;
                return true;
            }

            // A whole line naming a department: "Community:", "Marketing", "CONTENT CREATION".
            if (line.Length <= 48)
            {
                var whole = line.TrimEnd(':', '：', ' ', '-');
                var paren = whole.IndexOf('(', StringComparison.Ordinal);
                if (paren > 0)
                {
                    whole = whole[..paren];
                }

                if (_vocabulary.Resolve(whole, policy) is { } named && whole.Trim().Length > 3)
                {
                    codes.Add(named);
                    return true;
                }
            }

            // "Content Creation: 35/40" — a name as the label.
            if (Text.TrySplitLabel(line, out var l) && l.Label.Length > 3 && _vocabulary.Resolve(l.Label, policy) is { } labelled)
            {
                codes.Add(labelled);
                rest = l.Value;
                return true;
            }

            // "Community Management - 35/40", "Content Creation 30/40": a name, then a score or a dash.
            var head = 0;
            while (head < line.Length && head < 40 && (char.IsLetter(line[head]) || line[head] == ' '))
            {
                head++;
            }

            if (head > 3 && head < line.Length && !char.IsLetter(line[head]) && line[head] is not '\'' and not '’'
                && _vocabulary.Resolve(line[..head], policy) is { } named2 && line[..head].Trim().Length > 3)
            {
                var after = line[head..].TrimStart();
                if (after.Length > 0 && (char.IsAsciiDigit(after[0]) || after[0] is '-' or '–' or '—' or '(' or '['))
                {
                    codes.Add(named2);
                    rest = line[head..];
                    return true;
                }
            }

            return false;
        }

        // ---- scores -----------------------------------------------------------------------------------------

        public void ReadScores()
        {
            var inScores = false;
            for (var i = 0; i < cleaned.Length; i++)
            {
                var line = cleaned[i];
                if (line.Length < 3)
                {
                    continue;
                }

                var labelled = Text.TrySplitLabel(line, out var l);
                if (labelled && IsWeightKey(l.Key))
                {
                    continue;
                }

                if (TryOverall(line, labelled, l))
                {
                    continue;
                }

                if (line.Length < 60 && line.Contains("score", StringComparison.OrdinalIgnoreCase) && !line.Contains('/', StringComparison.Ordinal))
                {
                    inScores = true;
                    continue;
                }

                if (!line.AsSpan().ContainsAnyInRange('0', '9'))
                {
                    continue;
                }

                if (!IsHeading(i, out var codes, out var rest) || codes.Count != 1)
                {
                    ReadInlineScores(line, i + 1);
                    continue;
                }

                var f = Fraction().Match(rest);
                Points score, max;
                if (f.Success && !rest[..f.Index].Contains('%', StringComparison.Ordinal))
                {
                    if (!TryPoints(f.Groups[1].Value, out score) || !TryPoints(f.Groups[2].Value, out max) || max <= Points.Zero || max > Points.Of(200))
                    {
                        continue;
                    }
                }
                else if (inScores && BareScore(rest) is { } bare && PolicyMax(codes[0]) is { } policyMax)
                {
                    // In the "Suggested scores" block a bare number ("[CM] 35") is out of the policy's maximum.
                    (score, max) = (bare, policyMax);
                }
                else
                {
                    continue;
                }

                Scores.TryAdd(codes[0], new SuggestedScore(score, max, i + 1));
            }
        }

        // "Suggested scores: CM 35/40, CC 30/40" — only pairs of a known code and a fraction.
        private void ReadInlineScores(string line, int lineNumber)
        {
            if (!line.Contains('/', StringComparison.Ordinal))
            {
                return;
            }

            var matches = InlineScore().Matches(line);
            if (matches.Count < 2 && !line.Contains("score", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            foreach (Match m in matches)
            {
                var code = m.Groups["c"].Value;
                if (_vocabulary.IsCode(code) && TryPoints(m.Groups["s"].Value, out var score) && TryPoints(m.Groups["m"].Value, out var max)
                    && max > Points.Zero && max <= Points.Of(200))
                {
                    Scores.TryAdd(DepartmentVocabulary.MapToPolicy(code, policy), new SuggestedScore(score, max, lineNumber));
                }
            }
        }

        // "Overall suggested score: 67/100", "Overall : 53", "Total = 65".
        private bool TryOverall(string line, bool labelled, LabeledLine l)
        {
            string? value = null;
            if (labelled && (l.Key.StartsWith("overall", StringComparison.Ordinal) || l.Key is "total" or "total score" or "total suggested score" or "suggested total" or "suggested overall score" or "total points"))
            {
                value = l.Value;
            }
            else if (!labelled && (line.StartsWith("overall", StringComparison.OrdinalIgnoreCase) || line.StartsWith("total score", StringComparison.OrdinalIgnoreCase)))
            {
                var digit = line.AsSpan().IndexOfAnyInRange('0', '9');
                value = digit > 0 && digit < 40 ? line[digit..] : string.Empty;
            }

            if (value is null)
            {
                return false;
            }

            // "35+30 = 65/80": the sum after the last "=".
            var eq = value.LastIndexOf('=');
            var v = (eq >= 0 && eq + 1 < value.Length ? value[(eq + 1)..] : value).TrimStart('=', '-', ' ', '(', '*');
            if (Overall is null && LeadingNumber().Match(v) is { Success: true } n && TryPoints(n.Groups[1].Value, out var overall))
            {
                Overall = overall;
            }

            return true;
        }

        private static Points? BareScore(string rest)
        {
            var r = rest.TrimStart(' ', ':', '-', '–', '=', '(', ']', '\t');
            var m = LeadingNumber().Match(r);
            if (!m.Success || !TryPoints(m.Groups[1].Value, out var p))
            {
                return null;
            }

            var after = r[m.Length..].TrimStart();
            return after.Length == 0 || after.StartsWith("point", StringComparison.OrdinalIgnoreCase) || after.StartsWith("pts", StringComparison.OrdinalIgnoreCase) || after[0] is ')' or '.' ? p : null;
        }

        private Points? PolicyMax(string code)
        {
            var max = policy?.FindDepartment(code)?.Max ?? policy?.FindSupplementary(code)?.Max;
            return max is { } m && m > Points.Zero ? m : null;
        }

        private static bool IsWeightKey(string key) =>
            key.Contains("weight", StringComparison.Ordinal) || key.Contains("ratio", StringComparison.Ordinal)
            || key.Contains("split", StringComparison.Ordinal) || key.Contains("share", StringComparison.Ordinal)
            || key.Contains("percentage", StringComparison.Ordinal);

        private static bool TryPoints(string text, out Points points) =>
            Points.TryParse(text.Replace(',', '.'), out points);

        // ---- links ------------------------------------------------------------------------------------------

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
                if (raw.Contains("](", StringComparison.Ordinal) || raw.Contains("<http", StringComparison.OrdinalIgnoreCase))
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
                if (raw.IndexOf("http", StringComparison.OrdinalIgnoreCase) < 0 && raw.IndexOf("www.", StringComparison.OrdinalIgnoreCase) < 0)
                {
                    continue;
                }

                var isImg = raw.Contains("<img", StringComparison.OrdinalIgnoreCase);
                foreach (Match u in Url().Matches(raw))
                {
                    AddLink(u.Value, i + 1, isImg && raw.Contains("src=\"" + u.Value, StringComparison.OrdinalIgnoreCase), seen);
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
            var u = url.Trim().TrimEnd('.', ',', ';', ':', '!', '?', '*', '_', '>', '"', '\'');
            if (u.Length < 8 || u.Length > 2048 || !seen.Add((line, u)))
            {
                return;
            }

            var (kind, id) = LinkClassifier.Classify(u, image);
            Evidence.Add(new EvidenceLink(u, kind, SectionAt(line), line, id));
        }

        private string? SectionAt(int line)
        {
            // Sections are in line order and do not overlap: binary search on their first lines.
            int lo = 0, hi = Sections.Count - 1, found = -1;
            while (lo <= hi)
            {
                var mid = lo + ((hi - lo) / 2);
                if (Sections[mid].StartLine <= line)
                {
                    found = mid;
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return found >= 0 && line <= Sections[found].EndLine && Sections[found].Departments.Count > 0 ? Sections[found].Departments[0] : null;
        }

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
                var valuePlaceholder = Text.TrySplitLabel(cleaned[i], out var l) && IsPlaceholderValue(l.Value) && l.Key.Split(' ').Length <= 4;
                if (placeholder.Success || valuePlaceholder)
                {
                    var what = placeholder.Success ? placeholder.Value : l.Label + ": " + l.Value;
                    diagnostics.Add(Diagnostic.Warning(ReportCodes.TemplatePlaceholder, $"\"{what}\" is a template placeholder; fill it in or remove the line.", new SourcePosition(i + 1)));
                }
            }
        }
    }
}
