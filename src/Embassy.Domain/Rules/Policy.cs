namespace Embassy.Domain.Rules;

/// <summary>
/// A program's rules for a span of months, as data (RULES.md R1). Loaded from YAML by Embassy.Policies;
/// the engine (<c>MonthEngine</c>) computes a month from it. Every rule that differs between
/// Phala's V.1, V.3, V.4 and V.5 is a setting here, never code.
/// </summary>
public sealed record Policy
{
    /// <summary>Stable id, e.g. <c>phala-v4</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Human name, e.g. "Phala Ambassador Program V.4".</summary>
    public required string Name { get; init; }

    /// <summary>The program's own version label, e.g. <c>V.4</c>.</summary>
    public required string Version { get; init; }

    /// <summary>
    /// The program the policy belongs to (<c>program:</c>, e.g. <c>phala</c>; the policy id when absent): stable across its
    /// versions, so what names the program (a payout address proof, issue #13) holds under the next policy too.
    /// </summary>
    public string Program { get; init; } = string.Empty;

    /// <summary>First month in force.</summary>
    public required Period From { get; init; }

    /// <summary>Last month in force, or null while open-ended.</summary>
    public Period? Until { get; init; }

    /// <summary>SHA-256 of the policy file's bytes (<c>sha256:…</c>), recorded with every computed month (R1).</summary>
    public string Hash { get; init; } = string.Empty;

    /// <summary>The token rewards are paid in.</summary>
    public required Token Token { get; init; }

    /// <summary>Ranks from lowest to highest (R2).</summary>
    public required IReadOnlyList<RankRule> Ranks { get; init; }

    /// <summary>How the month's reward is shared.</summary>
    public required RewardModel Model { get; init; }

    /// <summary>The month's pool and its growth (R4).</summary>
    public required PoolRule Pool { get; init; }

    /// <summary>Departments (V.3–V.5) or basic tasks (V.1): everything scored that is not supplementary.</summary>
    public required IReadOnlyList<Department> Departments { get; init; }

    /// <summary>Optional tasks a member may add (V.1, V.3; R3).</summary>
    public SupplementaryRule Supplementary { get; init; } = SupplementaryRule.None;

    /// <summary>How many selectable departments a member chooses (V.4: 2–3).</summary>
    public required ChoiceRule Choice { get; init; }

    /// <summary>How points are given and what a month's percentage is measured against.</summary>
    public required ScoringRule Scoring { get; init; }

    /// <summary>Threshold model settings (V.1–V.3); null for department pools.</summary>
    public ThresholdRule? Threshold { get; init; }

    /// <summary>Rank bonuses outside the pool (R6).</summary>
    public IReadOnlyList<RankBonus> RankBonuses { get; init; } = [];

    /// <summary>R6: rank bonus only for a month with an accepted report.</summary>
    public bool BonusRequiresReport { get; init; } = true;

    /// <summary>Automatic promotions (R8).</summary>
    public IReadOnlyList<StreakRule> Promotions { get; init; } = [];

    /// <summary>Terminations (V.1–V.3: below 40 % for 3 consecutive months).</summary>
    public IReadOnlyList<StreakRule> Terminations { get; init; } = [];

    /// <summary>Report deadline (R7).</summary>
    public required DeadlineRule Deadline { get; init; }

    /// <summary>How reports are reviewed and appealed (issue #14); the defaults when a policy does not say.</summary>
    public ReviewRule Review { get; init; } = new();

    /// <summary>Issue #14: reminders on a GitHub tracking issue, or null (the default: none).</summary>
    public ReminderRule? Reminders { get; init; }

    /// <summary>
    /// The criteria membership applications are scored on, with their scale (issue #17: policy data, so the October 2025
    /// revision's Common Sense is a criterion of the policies that have it); seed 000's three when a policy does not say.
    /// </summary>
    public Community.ApplicationCriteria Application { get; init; } = Community.ApplicationCriteria.SeedDefault;

    /// <summary>Payout rail (R9).</summary>
    public required PayoutRule Payout { get; init; }

    /// <summary>Caps written in dollars that the month close applies (R10), e.g. proposal #14's "maximum 2000$ worth of PHA/month … to active Senior Ambassadors".</summary>
    public IReadOnlyList<PolicyFiatCap> FiatCaps { get; init; } = [];

    /// <summary>
    /// The month close warns when the pool differs from the previous month's by more than this many percent
    /// (<see cref="CloseWarnings"/>); null: never. Default 25.
    /// </summary>
    public int? PoolChangeWarningPercent { get; init; } = 25;

    /// <summary>
    /// Words the program's members write in reports under any of its versions (retired codes such as V.1's "VSM",
    /// plain names such as "community support"): the report parser reads them under every policy it knows.
    /// </summary>
    public ReportVocabulary Vocabulary { get; init; } = ReportVocabulary.Empty;

    /// <summary>True when the policy is in force for <paramref name="period"/>.</summary>
    public bool Covers(Period period) => period >= From && (Until is null || period <= Until);

    /// <summary>The department or basic task with this code (case-insensitive), or null.</summary>
    public Department? FindDepartment(string code)
    {
        foreach (var d in Departments)
        {
            if (string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase))
            {
                return d;
            }
        }

        return null;
    }

    /// <summary>The supplementary task with this code (case-insensitive), or null.</summary>
    public SupplementaryTask? FindSupplementary(string code)
    {
        foreach (var t in Supplementary.Tasks)
        {
            if (string.Equals(t.Code, code, StringComparison.OrdinalIgnoreCase))
            {
                return t;
            }
        }

        return null;
    }

    /// <summary>Position of a rank in <see cref="Ranks"/> (0 = lowest), or -1 when the policy has no such rank.</summary>
    public int RankIndex(Rank rank)
    {
        for (var i = 0; i < Ranks.Count; i++)
        {
            if (Ranks[i].Rank == rank)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Finds a department or task by code, name or alias as people write them ("Community Management",
    /// "Tech", "#CM"); the report parser maps declarations through this.
    /// </summary>
    public string? ResolveCode(string text)
    {
        var t = text.Trim().TrimStart('#', '[').TrimEnd(']', ':', '.').Trim();
        foreach (var d in Departments)
        {
            if (d.Matches(t))
            {
                return d.Code;
            }
        }

        foreach (var s in Supplementary.Tasks)
        {
            if (s.Matches(t))
            {
                return s.Code;
            }
        }

        return null;
    }
}

/// <summary>The words of a program's reports beyond a policy's own departments (see <see cref="Policy.Vocabulary"/>).</summary>
/// <param name="Codes">Department and task codes, in capitals, of every version of the program.</param>
/// <param name="Names">Plain names (lower case) and the code each stands for.</param>
public sealed record ReportVocabulary(IReadOnlyList<string> Codes, IReadOnlyList<KeyValuePair<string, string>> Names)
{
    /// <summary>No extra words.</summary>
    public static ReportVocabulary Empty { get; } = new([], []);
}

/// <summary>How a policy shares the month's reward.</summary>
public enum RewardModel
{
    /// <summary>V.4/V.5: each department has a share of the pool, split pro rata to points (R5).</summary>
    DepartmentPools,

    /// <summary>V.1–V.3: a full reward per member, paid by percentage above a threshold; surplus to the best (R5).</summary>
    Threshold,
}

/// <summary>What happens to a department pool nobody earned points in (R4).</summary>
public enum UnspentRule
{
    /// <summary>Stays in the treasury, reported as unspent (default).</summary>
    Return,

    /// <summary>Added to the same department next month.</summary>
    CarryForward,

    /// <summary>Shared among the other departments by weight.</summary>
    Redistribute,
}

/// <summary>A rank the policy knows.</summary>
/// <param name="Rank">The rank.</param>
/// <param name="Title">Display title, e.g. "Senior Ambassador".</param>
/// <param name="Appointed">True when only an admin can give it (head, R8); no automatic rule may lead to it.</param>
/// <param name="Member">False for ranks below membership that do not count as active members (advocate, R4).</param>
public sealed record RankRule(Rank Rank, string Title, bool Appointed = false, bool Member = true);

/// <summary>The month's pool (R4): base + floor(max(0, active − baseline) / step) × growth.</summary>
/// <param name="Base">Base pool.</param>
/// <param name="BaselineMembers">Active members the base pool is for (V.4: 20).</param>
/// <param name="GrowthStep">Members per growth step (V.4: 5); 0 disables growth.</param>
/// <param name="GrowthAmount">Amount added per step (V.4: 21,000 PHA).</param>
/// <param name="Unspent">What happens to an empty department's pool.</param>
/// <param name="ActiveFrom">The lowest rank counted as active for growth (V.4: candidate).</param>
public sealed record PoolRule(TokenAmount Base, int BaselineMembers, int GrowthStep, TokenAmount GrowthAmount, UnspentRule Unspent, Rank ActiveFrom);

/// <summary>What kind of scored area a department is.</summary>
public enum DepartmentKind
{
    /// <summary>Chosen by the member each month (CM, MK, CC, BD, TECH).</summary>
    Selectable,

    /// <summary>Everyone with an accepted report may get points (V.4 Basic; V.1's mandatory basic tasks).</summary>
    Basic,

    /// <summary>Everyone may get points; outstanding extra work (V.4 Others).</summary>
    Others,
}

/// <summary>A department (or V.1 basic task).</summary>
public sealed record Department
{
    /// <summary>Code, upper case (CM, MK, CC, BD, TECH, BASIC, OTHERS; V.1: CM, VSM).</summary>
    public required string Code { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Kind.</summary>
    public required DepartmentKind Kind { get; init; }

    /// <summary>Share of the pool in basis points (1 % = 100); department-pool model only. Sum over departments is 10,000.</summary>
    public int WeightBasisPoints { get; init; }

    /// <summary>Maximum effort points (V.4: 20); 0 when the department is scored as plain points.</summary>
    public Points EffortMax { get; init; }

    /// <summary>Maximum result points (V.4: 20).</summary>
    public Points ResultMax { get; init; }

    /// <summary>Maximum points; effort + result when those are set; V.1's CM 50.</summary>
    public required Points Max { get; init; }

    /// <summary>Other names members write for it ("Community Management", "Community", "Tech").</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>True when text names this department by code, name or alias (case-insensitive).</summary>
    public bool Matches(string text) =>
        string.Equals(text, Code, StringComparison.OrdinalIgnoreCase)
        || string.Equals(text, Name, StringComparison.OrdinalIgnoreCase)
        || Aliases.Any(a => string.Equals(text, a, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Supplementary tasks (V.1, V.3; R3).</summary>
/// <param name="Tasks">The tasks.</param>
/// <param name="MaxTasks">How many a member may claim a month (V.1/V.3: 2).</param>
/// <param name="MaxPoints">Cap on their total (V.3: 20 of 100); null for no cap.</param>
public sealed record SupplementaryRule(IReadOnlyList<SupplementaryTask> Tasks, int MaxTasks, Points? MaxPoints)
{
    /// <summary>No supplementary tasks.</summary>
    public static SupplementaryRule None { get; } = new([], 0, null);
}

/// <summary>One supplementary task, e.g. V.3's PM (10) or RC (20).</summary>
public sealed record SupplementaryTask(string Code, string Name, Points Max, IReadOnlyList<string> Aliases)
{
    /// <summary>True when text names this task by code, name or alias.</summary>
    public bool Matches(string text) =>
        string.Equals(text, Code, StringComparison.OrdinalIgnoreCase)
        || string.Equals(text, Name, StringComparison.OrdinalIgnoreCase)
        || Aliases.Any(a => string.Equals(text, a, StringComparison.OrdinalIgnoreCase));
}

/// <summary>How many selectable departments a member chooses, and whether the member weights them (V.3).</summary>
/// <param name="Min">At least (V.4: 2).</param>
/// <param name="Max">At most (V.4: 3).</param>
/// <param name="MemberWeights">V.3: the member shares <paramref name="SharedPoints"/> between the chosen departments ("Marketing 90 %, Content 10 %").</param>
/// <param name="SharedPoints">V.3: 80 department points.</param>
public sealed record ChoiceRule(int Min, int Max, bool MemberWeights = false, Points SharedPoints = default);

/// <summary>What a month's percentage is measured against (R8).</summary>
public enum PercentBasis
{
    /// <summary>V.4: points in the chosen departments / (40 × number chosen).</summary>
    ChosenDepartments,

    /// <summary>V.1–V.3: all points earned / a fixed total (100).</summary>
    FixedTotal,
}

/// <summary>Scoring settings (R3).</summary>
/// <param name="Step">Smallest step of a score (default 1 point; a policy may allow 0.5).</param>
/// <param name="Basis">What the month's percentage is measured against.</param>
/// <param name="Total">The fixed total for <see cref="PercentBasis.FixedTotal"/> (100).</param>
public sealed record ScoringRule(Points Step, PercentBasis Basis, Points Total);

/// <summary>The V.1–V.3 threshold model (R5).</summary>
/// <param name="FullReward">How a member's full reward is set.</param>
/// <param name="ByRank">Full reward per rank when <see cref="FullRewardBasis.ByRank"/>.</param>
/// <param name="MinPercent">Below this, nothing (40).</param>
/// <param name="SurplusMinPercent">Surplus goes equally to members at or above this (90).</param>
public sealed record ThresholdRule(FullRewardBasis FullReward, IReadOnlyDictionary<Rank, TokenAmount> ByRank, decimal MinPercent, decimal SurplusMinPercent);

/// <summary>How a threshold policy sets a member's full reward.</summary>
public enum FullRewardBasis
{
    /// <summary>The pool divided equally among the month's scored members.</summary>
    PoolPerMember,

    /// <summary>A fixed amount per rank.</summary>
    ByRank,
}

/// <summary>A promotional bonus per month for a rank (R6: head 4,000, senior 2,000 PHA).</summary>
public sealed record RankBonus(Rank Rank, TokenAmount Amount);

/// <summary>
/// A streak rule (R8): members of rank <paramref name="From"/> whose percentage is at least (promotion) or below
/// (termination) <paramref name="Percent"/> for <paramref name="Months"/> consecutive closed months move to <paramref name="To"/>.
/// </summary>
public sealed record StreakRule(Rank From, Rank To, decimal Percent, int Months);

/// <summary>How reports are reviewed (issue #14, R3): how many reviewers each report is assigned to, from what spread of
/// their scores a department is flagged as a disagreement, and how long after publication a member may appeal.</summary>
/// <param name="ReviewersPerReport">Reviewers assigned to each report (balanced; never the author).</param>
/// <param name="DisagreementSpread">Largest minus smallest reviewer total (effort + results) in a department from which it is flagged.</param>
/// <param name="AppealWindowDays">Days after the month's scores are published in which a member may appeal a department's score.</param>
/// <param name="ReviewDueDays">Days after the R7 deadline by which reviewers are expected to have scored the month's reports (the reviewers' calendar).</param>
public sealed record ReviewRule(int ReviewersPerReport = 2, int DisagreementSpread = 10, int AppealWindowDays = 3, int ReviewDueDays = 7)
{
    /// <summary>
    /// Issue #14: when the month's reviews are due, <see cref="ReviewDueDays"/> calendar days after the R7 deadline in the
    /// policy's time zone (so a clock change in between keeps the local time of day).
    /// </summary>
    public DateTimeOffset DueOf(DeadlineRule deadline, Period period)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return deadline.EndOf(period.Next.FirstDay.AddDays(Math.Max(deadline.Day, 1) + ReviewDueDays));
    }

    /// <summary>R3 disagreement: true when the reviewers' totals of one department are <see cref="DisagreementSpread"/> or more apart.</summary>
    public bool Disagree(IEnumerable<Points> totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var list = totals.ToList();
        return list.Count >= 2 && (list.Max() - list.Min()).Hundredths >= DisagreementSpread * 100L;
    }
}

/// <summary>
/// Issue #14: reminders written back to GitHub (<c>reminders: { days_before_deadline: 3, tracking_issue: 12 }</c>; absent:
/// none). <paramref name="DaysBeforeDeadline"/> days before the R7 deadline one comment on issue
/// <paramref name="TrackingIssue"/> names the members who have not filed yet; as many days before the reviews are due
/// (<see cref="ReviewRule.DueOf"/>) one comment there lists each reviewer's unscored reports.
/// </summary>
public sealed record ReminderRule(int DaysBeforeDeadline, int TrackingIssue)
{
    /// <summary>True from <see cref="DaysBeforeDeadline"/> days before <paramref name="due"/> until it passes.</summary>
    public bool IsDue(DateTimeOffset due, DateTimeOffset now) => now >= due.AddDays(-DaysBeforeDeadline) && now < due;
}

/// <summary>Report deadline (R7): end of day <paramref name="Day"/> of the next month in <paramref name="TimeZone"/>.</summary>
public sealed record DeadlineRule(int Day, string TimeZone)
{
    /// <summary>
    /// R7: the instant that ends day <see cref="Day"/> of the month after <paramref name="period"/> in the policy's time
    /// zone (an unknown zone reads as UTC). A report filed before it is on time; at or after it, late. The one deadline of
    /// Embassy: the report validator, the review queue and the month close all ask here.
    /// </summary>
    public DateTimeOffset EndOf(Period period) => EndOf(period.Next.FirstDay.AddDays(Math.Max(Day, 1)));

    /// <summary>The policy's time zone (an unknown or empty one reads as UTC).</summary>
    public TimeZoneInfo Zone =>
        !string.IsNullOrWhiteSpace(TimeZone) && TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var found) ? found : TimeZoneInfo.Utc;

    /// <summary>The instant local midnight starts <paramref name="day"/> in the policy's time zone.</summary>
    internal DateTimeOffset EndOf(DateOnly day)
    {
        var tz = Zone;

        // Midnight that ends day N, local time; a midnight skipped by a clock change moves to the first valid time.
        var end = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (tz.IsInvalidTime(end))
        {
            end = end.AddMinutes(30);
        }

        return new DateTimeOffset(end, tz.GetUtcOffset(end));
    }

    /// <summary>R7: true when a report for <paramref name="period"/> filed at <paramref name="filed"/> is late.</summary>
    public bool IsLate(Period period, DateTimeOffset filed) => filed >= EndOf(period);
}

/// <summary>Payout rails (R9).</summary>
public enum PayoutRail
{
    /// <summary>SS58 addresses, utility.batch_all call data.</summary>
    Substrate,

    /// <summary>0x addresses, Safe batch file for an ERC-20.</summary>
    Evm,

    /// <summary>CSV/XLSX only.</summary>
    Manual,
}

/// <summary>How a policy pays (R9).</summary>
public sealed record PayoutRule
{
    /// <summary>The rail.</summary>
    public required PayoutRail Rail { get; init; }

    /// <summary>SS58 network prefix (Phala 30).</summary>
    public ushort Ss58Prefix { get; init; } = 30;

    /// <summary>Most transfers per batch (default 100).</summary>
    public int ChunkSize { get; init; } = 100;

    /// <summary>Smallest transfer (substrate: existential deposit 0.01 PHA); below it the amount is carried.</summary>
    public TokenAmount? Minimum { get; init; }

    /// <summary>EVM: ERC-20 contract address.</summary>
    public string? TokenContract { get; init; }

    /// <summary>EVM: chain id (1 = Ethereum mainnet).</summary>
    public long? ChainId { get; init; }

    /// <summary>
    /// EVM: the treasury Safe that signs the batches (<c>payout.safe</c>), when the policy names it: the batch files carry
    /// it as <c>createdFromSafeAddress</c>, and a recorded payment must come from it.
    /// </summary>
    public string? Safe { get; init; }

    /// <summary>
    /// Where a payout transaction is looked up (<c>payout.explorer</c>): an https address with <c>{tx}</c> for the hash,
    /// e.g. <c>https://etherscan.io/tx/{tx}</c>; null: the chain profile's explorer, when Embassy knows the chain.
    /// </summary>
    public string? Explorer { get; init; }

    /// <summary>
    /// Days an unproven payout address change waits before it is paid (<c>payout.address_cooling_days</c>, default 7;
    /// issue #13). A member proves an address by signing Embassy's challenge with it; a change an admin or a report made
    /// without that proof is held out of the signing files until it is this many days old, so a hijacked account cannot
    /// redirect the next payout unnoticed. 0 turns the hold off.
    /// </summary>
    public int AddressCoolingDays { get; init; } = DefaultAddressCoolingDays;

    /// <summary>The default cooling period: a week, long enough for the member to see the change notice and object.</summary>
    public const int DefaultAddressCoolingDays = 7;
}

/// <summary>
/// A fiat cap in a policy (RULES.md R10): the rule (name, dollars per month, flag or clamp) and what it covers —
/// the month totals of members of <paramref name="Ranks"/>, or, when <paramref name="Bounties"/>, the month's
/// community bounties.
/// </summary>
/// <param name="Rule">Name, cap and mode.</param>
/// <param name="Ranks">Ranks whose month totals the cap covers (empty for a bounty cap).</param>
/// <param name="Bounties">True when the cap covers community bounties rather than members.</param>
public sealed record PolicyFiatCap(Treasury.FiatCapRule Rule, IReadOnlySet<Rank> Ranks, bool Bounties);
