namespace Embassy.Domain.Community;

/// <summary>
/// Stable diagnostic codes of the community rules: bounties and metrics (RULES.md R10), membership applications (R2)
/// and regional crews with their quotas (R11). Tools and tests match on these; they never change once shipped.
/// </summary>
public static class CommunityCodes
{
    /// <summary>A bounty without evidence links.</summary>
    public const string BountyNoEvidence = "BOUNTY_NO_EVIDENCE";

    /// <summary>A bounty without an approver.</summary>
    public const string BountyNoApprover = "BOUNTY_NO_APPROVER";

    /// <summary>A bounty approved by its own recipient.</summary>
    public const string BountySelfApproved = "BOUNTY_SELF_APPROVED";

    /// <summary>A bounty of nothing.</summary>
    public const string BountyZero = "BOUNTY_ZERO";

    /// <summary>A bounty without a recipient name or address.</summary>
    public const string BountyRecipientMissing = "BOUNTY_RECIPIENT_MISSING";

    /// <summary>A bounty to someone who is a member: R10 bounties are for non-members; members get an R6 bonus.</summary>
    public const string BountyRecipientIsMember = "BOUNTY_RECIPIENT_IS_MEMBER";

    /// <summary>An evidence link that is not an absolute http(s) address.</summary>
    public const string EvidenceLinkInvalid = "EVIDENCE_LINK_INVALID";

    /// <summary>A channel count that cannot be used (negative, no channel).</summary>
    public const string MetricsInvalid = "METRICS_INVALID";

    /// <summary>Two different counts for one channel on one day.</summary>
    public const string MetricsConflict = "METRICS_CONFLICT";

    /// <summary>A declined application without a reason.</summary>
    public const string ApplicationDeclineReasonRequired = "APPLICATION_DECLINE_REASON_REQUIRED";

    /// <summary>An accepted application's starting rank is not a rank of the policy.</summary>
    public const string ApplicationRankUnknown = "APPLICATION_RANK_UNKNOWN";

    /// <summary>An accepted application's starting rank is appointed only (head, R8).</summary>
    public const string ApplicationRankAppointed = "APPLICATION_RANK_APPOINTED";

    /// <summary>An application accepted before anyone scored it.</summary>
    public const string ApplicationNotReviewed = "APPLICATION_NOT_REVIEWED";

    /// <summary>An application decided twice.</summary>
    public const string ApplicationAlreadyDecided = "APPLICATION_ALREADY_DECIDED";

    /// <summary>A reviewer scored an application twice.</summary>
    public const string ApplicationReviewDuplicate = "APPLICATION_REVIEW_DUPLICATE";

    /// <summary>A review misses a criterion, or scores outside 0..max or off the step.</summary>
    public const string ApplicationScoreInvalid = "APPLICATION_SCORE_INVALID";

    /// <summary>A field of the application form is missing or invalid.</summary>
    public const string ApplicationFieldInvalid = "APPLICATION_FIELD_INVALID";

    /// <summary>Too many applications from one address in the window.</summary>
    public const string ApplicationRateLimited = "APPLICATION_RATE_LIMITED";

    /// <summary>The hidden honeypot field was filled in: a bot.</summary>
    public const string ApplicationHoneypot = "APPLICATION_HONEYPOT";

    /// <summary>The form came back faster than a person can fill it in.</summary>
    public const string ApplicationTooFast = "APPLICATION_TOO_FAST";

    /// <summary>A crew with fewer ambassadors than R11 asks (2).</summary>
    public const string CrewTooSmall = "CREW_TOO_SMALL";

    /// <summary>A crew with more ambassadors than R11 allows (3).</summary>
    public const string CrewTooLarge = "CREW_TOO_LARGE";

    /// <summary>A crew lead who is not a senior (or higher).</summary>
    public const string CrewLeadNotSenior = "CREW_LEAD_NOT_SENIOR";

    /// <summary>A crew that lists a member twice, or its lead among its ambassadors.</summary>
    public const string CrewMemberDuplicate = "CREW_MEMBER_DUPLICATE";

    /// <summary>A crew member who is not in the registry.</summary>
    public const string CrewMemberUnknown = "CREW_MEMBER_UNKNOWN";

    /// <summary>A member in more than one crew (seed 001 lists some in two groups): worth knowing, not wrong.</summary>
    public const string CrewMemberShared = "CREW_MEMBER_SHARED";
}
