namespace Embassy.Reports;

/// <summary>
/// The stable diagnostic codes of report intake (STYLE.md "one error model"). Tools, tests and reviewers match on
/// these strings, so a code never changes meaning once shipped.
/// </summary>
public static class ReportCodes
{
    /// <summary>The input is not a GitHub issue object or an array of them.</summary>
    public const string IssueJsonInvalid = "ISSUE_JSON_INVALID";

    /// <summary>The issue file cannot be read (missing, no permission).</summary>
    public const string IssueFileUnreadable = "ISSUE_FILE_UNREADABLE";

    /// <summary>The issue has neither title nor body text.</summary>
    public const string Empty = "REPORT_EMPTY";

    /// <summary>The text was longer than the parser reads; the rest was ignored (warning).</summary>
    public const string Truncated = "REPORT_TRUNCATED";

    /// <summary>The Markdown nests deeper than the parser follows; links were read line by line instead (info).</summary>
    public const string MarkdownTooDeep = "MARKDOWN_TOO_DEEP";

    /// <summary>A pattern ran out of time on this text; only part of the report was read.</summary>
    public const string TooComplex = "REPORT_TOO_COMPLEX";

    /// <summary>The text holds control characters or invalid UTF-16 that were ignored (warning).</summary>
    public const string BinaryContent = "REPORT_BINARY_CONTENT";

    /// <summary>The report says it is not finished ("STILL UPDATING", "draft", "WIP"); a reviewer should wait for the final version (warning).</summary>
    public const string Draft = "REPORT_DRAFT";

    /// <summary>No month could be read from the title or the body.</summary>
    public const string PeriodMissing = "PERIOD_MISSING";

    /// <summary>The title has a month but no year; the year was taken from the filing date (info).</summary>
    public const string PeriodYearInferred = "PERIOD_YEAR_INFERRED";

    /// <summary>R7: the stated year contradicts the filing date; the month the filing date implies was used (warning).</summary>
    public const string PeriodContradictsFiling = "PERIOD_CONTRADICTS_FILING";

    /// <summary>R7: the month reported on is more than one month before the filing date, or after it (warning, for review).</summary>
    public const string PeriodFarFromFiling = "PERIOD_FAR_FROM_FILING";

    /// <summary>R7: filed after the end of day N of the next month in the policy's time zone; not scored.</summary>
    public const string Late = "REPORT_LATE";

    /// <summary>No payout address was found.</summary>
    public const string WalletMissing = "WALLET_MISSING";

    /// <summary>The payout address has a bad checksum (SS58 or EIP-55): usually a typo.</summary>
    public const string WalletBadChecksum = "WALLET_BAD_CHECKSUM";

    /// <summary>The payout address is not a well-formed address (bad characters or length).</summary>
    public const string WalletInvalid = "WALLET_INVALID";

    /// <summary>R9: the address is valid but for another rail than the policy's (an SS58 address for an EVM payout, or the reverse).</summary>
    public const string WalletWrongRail = "WALLET_WRONG_RAIL";

    /// <summary>R9: an SS58 address of another network prefix than the policy's.</summary>
    public const string WalletWrongNetwork = "WALLET_WRONG_NETWORK";

    /// <summary>An all-lower-case EVM address: accepted, but it carries no checksum (warning).</summary>
    public const string WalletNoChecksum = "WALLET_NO_CHECKSUM";

    /// <summary>Several different payout addresses in one report; the first was used (warning).</summary>
    public const string WalletMultiple = "WALLET_MULTIPLE";

    /// <summary>No department was declared and none could be read from the sections.</summary>
    public const string DepartmentsMissing = "DEPARTMENTS_MISSING";

    /// <summary>R3: fewer or more selectable departments than the policy allows.</summary>
    public const string DepartmentCount = "DEPARTMENT_COUNT";

    /// <summary>R3: a department or task the policy in force does not know.</summary>
    public const string DepartmentUnknown = "DEPARTMENT_UNKNOWN";

    /// <summary>R3: a declared department whose section holds no evidence link (warning).</summary>
    public const string DepartmentNoEvidence = "DEPARTMENT_NO_EVIDENCE";

    /// <summary>R3: more supplementary tasks than the policy allows a month.</summary>
    public const string SupplementaryCount = "SUPPLEMENTARY_COUNT";

    /// <summary>R3: a suggested score above its maximum.</summary>
    public const string ScoreAboveMax = "SCORE_ABOVE_MAX";

    /// <summary>R3: a suggested score written out of another maximum than the policy's for that department (info).</summary>
    public const string ScoreMaxMismatch = "SCORE_MAX_MISMATCH";

    /// <summary>A template placeholder was left unfilled ("[1]/[2]/[3]", "X/40", "Amb rank: X").</summary>
    public const string TemplatePlaceholder = "TEMPLATE_PLACEHOLDER";

    /// <summary>R2: the stated rank is not one of the policy's ranks (warning).</summary>
    public const string RankUnknown = "RANK_UNKNOWN";

    /// <summary>A report names an issue form this parser does not know (another layout version or policy); it is read as free text.</summary>
    public const string FormUnknown = "FORM_UNKNOWN";

    /// <summary>R1: the report was written with the form of another policy than the one in force for its month (warning).</summary>
    public const string FormPolicyMismatch = "FORM_POLICY_MISMATCH";

    /// <summary>The form's declaration was not ticked (warning).</summary>
    public const string FormDeclarationMissing = "FORM_DECLARATION_MISSING";

    /// <summary>R3: a form gives a score for a department or task that was not chosen; it is not counted (warning).</summary>
    public const string FormScoreNotChosen = "FORM_SCORE_NOT_CHOSEN";

    /// <summary>A form's score field holds no number (warning).</summary>
    public const string FormScoreUnreadable = "FORM_SCORE_UNREADABLE";
}
