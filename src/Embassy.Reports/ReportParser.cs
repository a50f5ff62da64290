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

    // The policies by id, so that a report written with a policy's issue form is read by that form's fields.
    private readonly Dictionary<string, (Policy Policy, IReadOnlyList<FormField> Fields)> _forms = new(StringComparer.Ordinal);

    /// <summary>Creates a parser.</summary>
    /// <param name="policies">Every policy whose department codes and names may appear in reports.</param>
    /// <param name="policyFor">The policy in force for a month (R1), or null when none is.</param>
    /// <param name="fallback">The policy used when the month cannot be read or none is in force.</param>
    public ReportParser(IEnumerable<Policy> policies, Func<Period, Policy?> policyFor, Policy? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(policyFor);
        var all = policies.ToArray();
        _vocabulary = new DepartmentVocabulary(all);
        foreach (var p in all)
        {
            _forms.TryAdd(p.Id, (p, ReportIssueForm.Fields(p)));
        }
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
    /// The evidence links of <paramref name="body"/>, in order: the URLs of <see cref="ParsedReport.Evidence"/> exactly as
    /// <see cref="Parse"/> reads them (the same truncation, sanitising, lines and link pass), without reading anything
    /// else. R7's freeze records a month's links at the deadline; it needs only these, for every report at once.
    /// </summary>
    public IReadOnlyList<string> EvidenceUrls(string? body)
    {
        var text = body ?? string.Empty;
        if (text.Length > MaxBodyLength)
        {
            text = text[..MaxBodyLength];
        }

        text = Text.Sanitize(text, out _);
        var lines = Text.Lines(text);
        var cleaned = new string[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            cleaned[i] = Text.Clean(lines[i]);
        }

        var reader = new Reader(this, lines, cleaned, string.Empty, null, []);
        try
        {
            reader.ReadLinks(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // As in Parse: only a host with a process-wide match timeout gets here; the links read so far are kept.
        }

        var urls = new string[reader.Evidence.Count];
        for (var i = 0; i < urls.Length; i++)
        {
            urls[i] = reader.Evidence[i].Url;
        }

        return urls;
    }

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
            diagnostics.Add(Diagnostic.Warning(ReportCodes.Truncated, string.Create(CultureInfo.InvariantCulture, $"The report is longer than {MaxBodyLength:N0} characters; only the first part was read.")));
        }

        body = Text.Sanitize(body, out var badBody);
        if (badTitle + badBody > 0)
        {
            diagnostics.Add(Diagnostic.Warning(ReportCodes.BinaryContent, string.Create(CultureInfo.InvariantCulture, $"The report holds {badTitle + badBody:N0} unreadable characters (control characters or broken Unicode); they were ignored.")));
        }

        if (string.IsNullOrWhiteSpace(title) && string.IsNullOrWhiteSpace(body))
        {
            diagnostics.Add(Diagnostic.Error(ReportCodes.Empty, "The issue has no title and no text: there is no report to read."));
        }

        if (DraftMarker().IsMatch(title))
        {
            // R7: the version at the deadline is the one scored; a member still editing should know that.
            diagnostics.Add(Diagnostic.Warning(ReportCodes.Draft, "The title says the report is not finished; the version filed by the deadline is the one scored (edits after it are kept for reviewers).", new SourcePosition(1, Source: "title")));
        }

        var lines = Text.Lines(body);
        var cleaned = new string[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            cleaned[i] = Text.Clean(lines[i]);
        }

        // A report written with an issue form is read by that form's fields, exactly.
        FormSubmission? submission = null;
        Policy? formPolicy = null;
        IReadOnlyList<FormField>? formFields = null;
        if (FormSubmission.Detect(lines) is { } version)
        {
            if (version.Version == ReportIssueForm.Version && _forms.TryGetValue(version.PolicyId, out var form))
            {
                (formPolicy, formFields) = form;
                submission = FormSubmission.Read(lines, version, formFields);
            }
            else
            {
                diagnostics.Add(Diagnostic.Warning(ReportCodes.FormUnknown, string.Create(CultureInfo.InvariantCulture, $"The report names form v{version.Version} for {version.PolicyId}, which this Embassy does not know; it was read as free text.")));
            }
        }

        // Period (R7): the form's month field; otherwise the title first, then the body.
        Period? period = null;
        var mention = FormPeriod(submission, formFields) ?? PeriodReader.FromTitle(title) ?? PeriodReader.FromBody(lines);
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

        policy ??= (period is { } pp ? _policyFor(pp) : null) ?? formPolicy ?? _fallback;

        if (formPolicy is not null && policy is not null && policy.Id != formPolicy.Id)
        {
            // R1: the month is checked under the policy in force for it, whatever form the member used.
            diagnostics.Add(Diagnostic.Warning(ReportCodes.FormPolicyMismatch, $"The report was written with the form of {formPolicy.Id}, but {period} is under {policy.Id}: it is checked under {policy.Id}. Use that policy's form.", new SourcePosition(1, Source: "title")));
        }

        var reader = new Reader(this, lines, cleaned, title, policy, diagnostics);
        try
        {
            if (submission is not null && formFields is not null && formPolicy is not null)
            {
                reader.ReadForm(submission, formFields, formPolicy);
            }
            else
            {
                reader.ReadPersonalInfo();
                reader.ReadScores();
                reader.ReadDepartments();
            }

            reader.ReadLinks(body);
            reader.ReadPlaceholders();
        }
        catch (RegexMatchTimeoutException)
        {
            // No pattern carries a time limit (a limit per match cost a third of parse time): work is bounded per input
            // instead, by the patterns (bounded repetitions, no nested quantifiers, linear scans) and by the line cap
            // (Text.MaxLineForPatterns) on the lines the score and heading patterns read. Only a host that sets a
            // process-wide default match timeout can get here; what was read so far is kept.
            diagnostics.Add(Diagnostic.Error(ReportCodes.TooComplex, "The report is too complex to read in time; shorten it or split long lines."));
        }

        var report = new ParsedReport
        {
            Number = issue.Number,
            Author = issue.AuthorLogin,
            Period = period,
            PolicyId = policy?.Id,
            Form = reader.Form,
            Rank = reader.Rank,
            RankText = reader.RankText,
            Discord = reader.Discord,
            Telegram = reader.Telegram,
            Twitter = reader.Twitter,
            Wallet = reader.Wallet,
            WalletKind = reader.WalletKind,
            WalletLine = reader.WalletLine,
            Wallets = reader.Wallets,
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

    // The form's "Month reported on": "2026-01" as the form asks, or a month name ("January 2026").
    private static MonthMention? FormPeriod(FormSubmission? submission, IReadOnlyList<FormField>? fields)
    {
        if (submission is null || fields?.FirstOrDefault(f => f.Kind == FieldKind.Period) is not { } field
            || submission.Answer(field) is not { Value.Length: > 0 } answer)
        {
            return null;
        }

        var value = answer.Value.Trim();
        return Period.TryParse(value, out var p)
            ? new MonthMention(p.Month, p.Year, answer.Line)
            : PeriodReader.FromTitle(value) is { } m ? m with { Line = answer.Line } : null;
    }

    private static Diagnostic[] Order(IReadOnlyList<Diagnostic> diagnostics) =>
        diagnostics
            .Select((d, i) => (d, i))
            .OrderBy(x => x.d.Position is { Source: "title" } ? 0 : x.d.Position?.Line ?? int.MaxValue)
            .ThenBy(x => x.i)
            .Select(x => x.d)
            .ToArray();

    // ---- patterns -------------------------------------------------------------------------------------------
    // Source-generated, without match timeouts (issue #16): each runs on one line, the cleaned lines capped at
    // Text.MaxLineForPatterns characters, and none can backtrack beyond its bounded repetitions on such a line.

    [GeneratedRegex(@"\b(?:still updating|updating|wip|draft|work in progress|to be updated|in progress)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DraftMarker();

    [GeneratedRegex(@"(?<![A-Za-z0-9])0[xX][0-9a-fA-F]{40}(?![0-9a-fA-F])", RegexOptions.CultureInvariant)]
    internal static partial Regex EvmAddress();

    [GeneratedRegex(@"(?<![A-Za-z0-9/=?&.])[1-9A-HJ-NP-Za-km-z]{46,50}(?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    internal static partial Regex Ss58Address();

    [GeneratedRegex(@"(?:https?://|www\.)[^\s<>""'`\[\]()]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    // "35/40", "35 / 40", "35 out of 40".
    [GeneratedRegex(@"(?<![\d.])(\d{1,3}(?:[.,]\d{1,2})?)\s*(?:/|out of)\s*(\d{1,3})(?![\d])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Fraction();

    // Several scores on one line: "Suggested scores: CM 35/40, CC 30/40".
    [GeneratedRegex(@"(?<![A-Za-z%])#?\[?(?<c>[A-Z]{2,6})\]?\s*[:\-–=]?\s*\(?(?<s>\d{1,3}(?:[.,]\d{1,2})?)\s*/\s*(?<m>\d{1,3})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex InlineScore();

    // "Content Creation 40/40", "Community Management: 35 / 40" — a name and a fraction, several to a line.
    [GeneratedRegex(@"(?<![\p{L}])(?<n>\p{L}[\p{L} ]{2,40}?)\s*[:\-–=]?\s*\(?(?<s>\d{1,3}(?:[.,]\d{1,2})?)\s*/\s*(?<m>\d{1,3})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NamedScore();

    // "40/40 (CC)", "35/40 [CM]": a fraction, then the code it is for.
    [GeneratedRegex(@"(?<![\d.])(?<s>\d{1,3}(?:[.,]\d{1,2})?)\s*/\s*(?<m>\d{1,3})\s*[\(\[]\s*#?(?<c>[A-Z]{2,6})\s*[\)\]]", RegexOptions.CultureInvariant)]
    private static partial Regex ReversedScore();

    // "CC 38, CM 35", "CC: 38 | CM: 35": codes with bare numbers (no maximum written, no percent).
    [GeneratedRegex(@"(?<![A-Za-z%])\[?(?<c>[A-Z]{2,6})\]?\s*[:\-–=]?\s*(?<s>\d{1,3}(?:[.,]\d{1,2})?)(?![\d%/.,]\d|[\d%/])", RegexOptions.CultureInvariant)]
    private static partial Regex BareInlineScore();

    // Words around a department's name in a score label: "Content Creation score", "Suggested score for CC".
    [GeneratedRegex(@"\b(?:suggested|self|scores?|points?|pts|for|of|the|department|dept)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ScoreWords();

    [GeneratedRegex(@"^(\d{1,3}(?:[.,]\d{1,2})?)(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingNumber();

    // "CM", "#CM & #CC", "MK/CM&CC", "CC + MK", "CM and CC" at the start of a line.
    [GeneratedRegex(@"^#?(?<c>[A-Z]{2,6})(?![A-Za-z0-9])(?:\s*(?:&|\+|/|,|and)\s*#?(?<c>[A-Z]{2,6})(?![A-Za-z0-9]))*(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeHead();

    // "CONTENT (CC): 40/40", "Community Management (CM)".
    [GeneratedRegex(@"^(?<name>[\p{L} ]{3,40}?)\s*\(\s*#?(?<c>[A-Z]{2,6})\s*\)(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NameCodeHead();

    [GeneratedRegex(@"\b(?:not|didn'?t|don'?t|no)\b[^.]{0,40}\b(?:contribut|work|participat|activ)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Negation();

    // "Senior Ambassador", "Senior-ambassador", "candidate", "Ambassador Candidate" (the policy's own title).
    [GeneratedRegex(@"^(?:(?<q>head|senior|candidate|advocate|official)\s*)?(?<a>amb|ambs|ambassador|ambassadors|embajador|embajadora|embaixador|embaixadora|ambassadeur|ambassadrice|ambasciatore|botschafter)?(?:\s+(?<q2>candidate|candidato|candidata|candidat|senior|sênior|head|jefe|chef))?$", RegexOptions.CultureInvariant)]
    private static partial Regex RankPhrase();

    [GeneratedRegex(@"\b(?<q>head|senior|candidate|advocate)[\s-]*amb(?:assador)?\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TitleRank();

    [GeneratedRegex(@"\[\s*\d\s*\]\s*/\s*\[\s*\d\s*\]|(?<![A-Za-z])X\s*/\s*(?:10|20|40|80|100)\b|\[add statistics here\]|\[(?:Department|Supplementary task) \d\]|\{your #discord ID\}", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Placeholder();

    /// <summary>Reads one report; holds the fields found so far.</summary>
    private sealed partial class Reader(ReportParser parser, string[] lines, string[] cleaned, string title, Policy? policy, List<Diagnostic> diagnostics)
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

        public List<WalletMention> Wallets { get; } = [];

        public List<string> Departments { get; } = [];

        public List<string> Supplementary { get; } = [];

        public bool FromSections { get; private set; }

        public Dictionary<string, SuggestedScore> Scores { get; } = new(StringComparer.Ordinal);

        public Points? Overall { get; private set; }

        public List<EvidenceLink> Evidence { get; } = [];

        public List<ReportSection> Sections { get; } = [];

        // Lines of personal details (handles, wallet, rank, declaration): their links are not evidence of work.
        private readonly HashSet<int> _infoLines = [];

        // Every pass asks for a line's label: split each line once.
        private (bool Done, bool Found, LabeledLine Labeled)[]? _labels;

        private bool Label(int index, out LabeledLine labeled)
        {
            _labels ??= new (bool, bool, LabeledLine)[cleaned.Length];
            if (!_labels[index].Done)
            {
                var found = Text.TrySplitLabel(cleaned[index], out var l);
                _labels[index] = (true, found, l);
            }

            labeled = _labels[index].Labeled;
            return _labels[index].Found;
        }
    }
}
