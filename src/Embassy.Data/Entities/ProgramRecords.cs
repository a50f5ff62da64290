using Embassy.Domain;

namespace Embassy.Data.Entities;

/// <summary>A policy document in force for a range of months (R1): stored with its content hash.</summary>
public sealed class PolicyRecord
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public required string Version { get; set; }

    /// <summary>Hex SHA-256 of <see cref="Content"/>; results record which policy they used.</summary>
    public required string ContentHash { get; set; }

    /// <summary>The policy file (YAML) as shipped or edited.</summary>
    public required string Content { get; set; }

    public Period EffectiveFrom { get; set; }

    public Period? EffectiveUntil { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A month the program evaluates, and the policy it is evaluated under (its close lives in <see cref="MonthClose"/>).</summary>
public sealed class PeriodRecord
{
    public Period Period { get; set; }

    public long? PolicyId { get; set; }
}

/// <summary>A reviewer's score for one department of one report (R3). A new score appends a row; the latest per reviewer and department counts.</summary>
public sealed class Score
{
    public long Id { get; set; }

    public long ReportId { get; set; }

    /// <summary>The reviewer's GitHub login.</summary>
    public required string Reviewer { get; set; }

    public required string Department { get; set; }

    /// <summary>Effort points in hundredths (<see cref="Points.Hundredths"/>): exact, never floating point.</summary>
    public long EffortHundredths { get; set; }

    public long ResultsHundredths { get; set; }

    /// <summary>True when a lead reviewer overrides the mean (R3); then <see cref="Reason"/> is required.</summary>
    public bool IsLeadOverride { get; set; }

    public string? Reason { get; set; }

    /// <summary>The score this one replaces, for the history.</summary>
    public long? SupersedesId { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>
/// A month's close, the one place it is stored: a row exists from the lock on (a reopen removes it), with its state
/// (<c>locked</c>, <c>approved</c>, <c>paid</c>) and the frozen result — the policy used, the pool, each department
/// (<see cref="MonthDepartment"/>), each member (<see cref="MonthMember"/>) and their allocations (R4, R5). Transitions
/// change <see cref="State"/> with one conditional update, so two requests cannot both win.
/// </summary>
public sealed class MonthClose
{
    public long Id { get; set; }

    public Period Period { get; set; }

    public required string PolicyName { get; set; }

    public required string PolicyVersion { get; set; }

    public required string PolicyHash { get; set; }

    /// <summary>The policy's name as people read it (<see cref="PolicyName"/> holds its id).</summary>
    public required string PolicyTitle { get; set; }

    /// <summary>Token symbol, e.g. PHA.</summary>
    public required string Token { get; set; }

    /// <summary>The token's decimals: every amount of the month is in its smallest units.</summary>
    public int Decimals { get; set; }

    /// <summary>Decimals pages show (the policy's display rule when the month was frozen).</summary>
    public int DisplayDecimals { get; set; }

    /// <summary>Pool in smallest units (R5), as decimal digits.</summary>
    public UInt128 PoolUnits { get; set; }

    public UInt128 UnspentUnits { get; set; }

    /// <summary>Carried to the next month (R4, R5).</summary>
    public UInt128 CarriedUnits { get; set; }

    /// <summary>Members counted as active on the first day (R4).</summary>
    public int ActiveMembers { get; set; }

    /// <summary>Who locked the month.</summary>
    public required string ClosedBy { get; set; }

    /// <summary>When it was locked.</summary>
    public DateTimeOffset ClosedAt { get; set; }

    /// <summary><c>locked</c>, <c>approved</c> or <c>paid</c> (an open month has no row).</summary>
    public required string State { get; set; }

    /// <summary>Signing batches of the payout, fixed at approval; the month is paid when each has a transaction.</summary>
    public int Batches { get; set; }

    /// <summary>The admin's reason when a lock guard was overridden (deadline, unscored reports).</summary>
    public string? LockReason { get; set; }

    public string? ApprovedBy { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    public List<MonthDepartment> Departments { get; } = [];

    public List<MonthMember> Members { get; } = [];

    public List<Allocation> Allocations { get; } = [];

    public List<MonthProposal> Proposals { get; } = [];

    public List<MonthCarry> CarriedOut { get; } = [];

    public List<Payout> Payouts { get; } = [];

    public List<PayoutTransaction> Transactions { get; } = [];
}

/// <summary>A department's frozen month (R4): its pool, points and what it returns.</summary>
public sealed class MonthDepartment
{
    public long MonthCloseId { get; set; }

    /// <summary>Its place in the policy's order, from 0.</summary>
    public int Position { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public UInt128 PoolUnits { get; set; }

    public long PointsHundredths { get; set; }

    public UInt128 UnspentUnits { get; set; }
}

/// <summary>A member's frozen month (R5–R8): rank, status, percentage and what the month pays.</summary>
public sealed class MonthMember
{
    public long MonthCloseId { get; set; }

    /// <summary>The engine's order, from 0; allocations name the member by it.</summary>
    public int Position { get; set; }

    /// <summary>The registry id; 0 for a member computed outside the registry.</summary>
    public long MemberId { get; set; }

    /// <summary>The engine's id (the GitHub login, lower case).</summary>
    public required string Login { get; set; }

    public required string Name { get; set; }

    public required string Rank { get; set; }

    /// <summary>The engine's status (<c>Accepted</c>, <c>Late</c>, <c>Missing</c>).</summary>
    public required string Status { get; set; }

    public long PercentNumerator { get; set; }

    public long PercentDenominator { get; set; }

    /// <summary>Chosen department codes, comma-separated in the member's order.</summary>
    public required string Chosen { get; set; }

    public UInt128 PoolShareUnits { get; set; }

    public UInt128 BonusUnits { get; set; }

    /// <summary>What a clamping fiat cap held back (R10).</summary>
    public UInt128 CappedUnits { get; set; }

    /// <summary>What the month pays: pool share plus bonus less the cap.</summary>
    public UInt128 TotalUnits { get; set; }
}

/// <summary>
/// One member's points and share in one department (or task, or the threshold model's reward/surplus) of a frozen month
/// (R5); either may be absent (points of a task without a share, a share without points).
/// </summary>
public sealed class Allocation
{
    public long MonthCloseId { get; set; }

    /// <summary>The member's <see cref="MonthMember.Position"/>.</summary>
    public int MemberPosition { get; set; }

    public required string Code { get; set; }

    public long? PointsHundredths { get; set; }

    public UInt128? Units { get; set; }
}

/// <summary>A rank change the close proposed (R8), for an admin to confirm.</summary>
public sealed class MonthProposal
{
    public long MonthCloseId { get; set; }

    public int Position { get; set; }

    public required string Member { get; set; }

    public required string FromRank { get; set; }

    public required string ToRank { get; set; }

    public required string Reason { get; set; }

    public Period EffectiveFrom { get; set; }
}

/// <summary>An amount the month carries out to the next (R4 carry_forward per department; "" for a whole-pool carry).</summary>
public sealed class MonthCarry
{
    public long MonthCloseId { get; set; }

    public required string Code { get; set; }

    public UInt128 Units { get; set; }
}

/// <summary>What a member is paid for a closed month, on one rail (R5, R9).</summary>
public sealed class Payout
{
    public long Id { get; set; }

    public long MonthCloseId { get; set; }

    public long MemberId { get; set; }

    public required string Rail { get; set; }

    public required string Address { get; set; }

    public UInt128 Units { get; set; }

    /// <summary>Below the rail's minimum, or held (see <see cref="HeldReason"/>): carried to the next payout, not lost (R5).</summary>
    public UInt128 CarriedUnits { get; set; }

    /// <summary>
    /// Why the payout was held out of the signing file (issue #13: an unproven address change inside the policy's
    /// cooling period), or null.
    /// </summary>
    public string? HeldReason { get; set; }

    /// <summary>
    /// For a carried amount (<see cref="CarriedUnits"/>): the later payout that paid it (R5: carried to the member's next
    /// payout, not lost), or null while it is still owed.
    /// </summary>
    public long? SettledByPayoutId { get; set; }
}

/// <summary>
/// The transaction that paid one signing batch of a month (R9: "the transaction hash(es)"). A correction supersedes the
/// row (kept, with who and why) and adds the new one; one current row per batch.
/// </summary>
public sealed class PayoutTransaction
{
    public long Id { get; set; }

    public long MonthCloseId { get; set; }

    /// <summary>1-based signing batch, in the order of the payout file.</summary>
    public int Batch { get; set; }

    public required string TxHash { get; set; }

    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>Set when a correction replaced this hash.</summary>
    public DateTimeOffset? SupersededAt { get; set; }

    public string? SupersededBy { get; set; }

    public string? CorrectionReason { get; set; }
}

/// <summary>A reviewer's private note on a report, one per reviewer.</summary>
public sealed class ReviewNote
{
    public long ReportId { get; set; }

    public required string Reviewer { get; set; }

    public required string Note { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>An admin's acceptance of a late report (R7), with the reason.</summary>
public sealed class LateAcceptance
{
    public long ReportId { get; set; }

    public required string Reason { get; set; }

    public required string AcceptedBy { get; set; }

    public DateTimeOffset AcceptedAt { get; set; }
}

/// <summary>An entry of the append-only audit log: the database refuses updates and deletes.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Actor { get; set; }

    /// <summary>A stable verb such as <c>report.synced</c> or <c>rank.changed</c>.</summary>
    public required string Action { get; set; }

    /// <summary>What the action was about, e.g. <c>report:owner/repo#12</c>.</summary>
    public required string Subject { get; set; }

    public string? Details { get; set; }
}
