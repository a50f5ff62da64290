using Embassy.Domain;

namespace Embassy.Reports;

/// <summary>What kind of payout address a report gives (R9).</summary>
public enum WalletKind
{
    /// <summary>A Substrate SS58 address (the Phala parachain until November 2025).</summary>
    Ss58,

    /// <summary>An Ethereum 0x address (PHA as an ERC-20 from late 2025).</summary>
    Evm,
}

/// <summary>What an evidence link points at.</summary>
public enum EvidenceKind
{
    /// <summary>A post on X/Twitter (<c>/status/{id}</c>); the id dates it.</summary>
    XStatus,

    /// <summary>Any other X/Twitter page (a profile, analytics, a search).</summary>
    X,

    /// <summary>A Medium article or profile.</summary>
    Medium,

    /// <summary>A YouTube video or channel.</summary>
    YouTube,

    /// <summary>A Telegram channel, group or message.</summary>
    Telegram,

    /// <summary>A Discord server, channel or message.</summary>
    Discord,

    /// <summary>A GitHub page that is not an attachment.</summary>
    GitHub,

    /// <summary>A LinkedIn post or profile.</summary>
    LinkedIn,

    /// <summary>An image or a file attached to the issue (screenshots).</summary>
    Image,

    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>A handle (Discord, Telegram, X) as the member wrote it and in a comparable form.</summary>
/// <param name="Raw">As written, trimmed (e.g. <c>[jimi](https://t.me/jimiflowers)</c>).</param>
/// <param name="Normalized">Without markup, URL or leading <c>@</c> (e.g. <c>jimiflowers</c>).</param>
/// <param name="Line">The body line it was read from.</param>
public sealed record Handle(string Raw, string Normalized, int Line);

/// <summary>A payout address written in a report.</summary>
/// <param name="Address">As written, trimmed.</param>
/// <param name="Kind">SS58 or EVM by its form, or null.</param>
/// <param name="Line">The body line.</param>
public sealed record WalletMention(string Address, WalletKind? Kind, int Line);

/// <summary>A score the member suggests for a department or task, e.g. "CM 35/40".</summary>
/// <param name="Score">The suggested points.</param>
/// <param name="Max">The maximum as written (40, 80, 10…).</param>
/// <param name="Line">The body line.</param>
public sealed record SuggestedScore(Points Score, Points Max, int Line);

/// <summary>A link in a report, classified, with the department section it belongs to.</summary>
/// <param name="Url">The address as written.</param>
/// <param name="Kind">What it points at.</param>
/// <param name="Department">The code of the department section the link is in, or null outside any.</param>
/// <param name="Line">The body line.</param>
/// <param name="XStatusId">For <see cref="EvidenceKind.XStatus"/>, the post id.</param>
public sealed record EvidenceLink(string Url, EvidenceKind Kind, string? Department, int Line, ulong? XStatusId = null)
{
    /// <summary>Milliseconds of the X epoch (2010-11-04T01:42:54.657Z) that snowflake ids count from.</summary>
    public const long XEpochMilliseconds = 1288834974657;

    /// <summary>
    /// When the X post was made, read from its snowflake id ((id &gt;&gt; 22) + X epoch, in ms); R11 counts crew
    /// quotas ("2 X posts a week") from it. Null for other links and for ids too old to be snowflakes.
    /// </summary>
    public DateTimeOffset? XStatusTime
    {
        get
        {
            if (XStatusId is not { } id || id < (1UL << 22))
            {
                return null;
            }

            var ms = (long)(id >> 22) + XEpochMilliseconds;
            return ms < DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
        }
    }
}

/// <summary>A department section of a report: from its heading to the next heading.</summary>
/// <param name="Departments">The codes the heading names (one, or several for "MK &amp; CC").</param>
/// <param name="Heading">The heading line as written.</param>
/// <param name="StartLine">First body line (the heading).</param>
/// <param name="EndLine">Last body line.</param>
/// <param name="Text">The section's text, heading included.</param>
public sealed record ReportSection(IReadOnlyList<string> Departments, string Heading, int StartLine, int EndLine, string Text);

/// <summary>
/// One monthly report as read from its issue: every field of the output contract, the sections and the
/// diagnostics. Null or empty where the report does not say.
/// </summary>
public sealed record ParsedReport
{
    /// <summary>The issue number.</summary>
    public required long Number { get; init; }

    /// <summary>The GitHub login of the author.</summary>
    public string? Author { get; init; }

    /// <summary>The month reported on (R7), or null when none could be read.</summary>
    public Period? Period { get; init; }

    /// <summary>The id of the policy the report was read and validated under (R1).</summary>
    public string? PolicyId { get; init; }

    /// <summary>The issue form the report was written with, or null for a free-text report.</summary>
    public ReportFormVersion? Form { get; init; }

    /// <summary>The rank, normalized (advocate, candidate, ambassador, senior, head).</summary>
    public Rank? Rank { get; init; }

    /// <summary>The rank as written ("Senior-ambassador").</summary>
    public string? RankText { get; init; }

    /// <summary>Discord handle.</summary>
    public Handle? Discord { get; init; }

    /// <summary>Telegram handle.</summary>
    public Handle? Telegram { get; init; }

    /// <summary>X/Twitter handle.</summary>
    public Handle? Twitter { get; init; }

    /// <summary>The payout address as written, trimmed.</summary>
    public string? Wallet { get; init; }

    /// <summary>The payout address's kind by shape, or null.</summary>
    public WalletKind? WalletKind { get; init; }

    /// <summary>The body line of the payout address.</summary>
    public int WalletLine { get; init; }

    /// <summary>Every distinct address the report gives (an old and a new one, or one per rail), in body order.</summary>
    public IReadOnlyList<WalletMention> Wallets { get; init; } = [];

    /// <summary>The departments the member chose, as policy codes in the order declared.</summary>
    public IReadOnlyList<string> Departments { get; init; } = [];

    /// <summary>Supplementary or basic tasks claimed (older policies; R3).</summary>
    public IReadOnlyList<string> Supplementary { get; init; } = [];

    /// <summary>True when the departments came from the section headings, not a declaration line.</summary>
    public bool DepartmentsFromSections { get; init; }

    /// <summary>Suggested scores by code, in the order written.</summary>
    public IReadOnlyDictionary<string, SuggestedScore> SuggestedScores { get; init; } = new Dictionary<string, SuggestedScore>();

    /// <summary>The overall suggested score.</summary>
    public Points? OverallSuggested { get; init; }

    /// <summary>R7: filed after the deadline.</summary>
    public bool Late { get; init; }

    /// <summary>Every link, classified.</summary>
    public IReadOnlyList<EvidenceLink> Evidence { get; init; } = [];

    /// <summary>The department sections.</summary>
    public IReadOnlyList<ReportSection> Sections { get; init; } = [];

    /// <summary>Everything found wrong or worth a look, in body order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
