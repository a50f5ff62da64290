using System.Globalization;

namespace Embassy.Domain.Community;

/// <summary>The crew quotas of proposal #14 (RULES.md R11).</summary>
public enum QuotaKind
{
    /// <summary>"Do at least 1 AMA with other local community every month".</summary>
    Ama,

    /// <summary>"2 twitter postings per week".</summary>
    XPosts,

    /// <summary>"1 medium article translation per week".</summary>
    ArticleTranslations,

    /// <summary>"Be active on both local/English main community channels": links cannot show it.</summary>
    ChannelActivity,

    /// <summary>"Create educational contents or organize/support an offline event".</summary>
    EducationOrEvent,
}

/// <summary>How often a quota is due.</summary>
public enum QuotaUnit
{
    /// <summary>Per calendar month.</summary>
    Month,

    /// <summary>Per week of the month (ISO weeks, Monday to Sunday, whose Thursday is in the month).</summary>
    Week,
}

/// <summary>How far report links can show a quota.</summary>
public enum QuotaCounting
{
    /// <summary>Links show it; too few is "not met" (X posts dated by their status id, Medium articles).</summary>
    Counted,

    /// <summary>A link shows it when there is one; none means a reviewer must look (AMAs, events: often not linked).</summary>
    CountedOrReview,

    /// <summary>Links cannot show it; a reviewer ticks it (channel activity).</summary>
    ReviewOnly,
}

/// <summary>One quota: what, how many, per what, and how it is counted.</summary>
/// <param name="Kind">The quota.</param>
/// <param name="Required">How many per unit.</param>
/// <param name="Unit">Month or week.</param>
/// <param name="Counting">What links can show.</param>
public sealed record QuotaRule(QuotaKind Kind, int Required, QuotaUnit Unit, QuotaCounting Counting)
{
    /// <summary>Proposal #14's crew quotas (seed 001, R11).</summary>
    public static IReadOnlyList<QuotaRule> Proposal14 { get; } =
    [
        new(QuotaKind.Ama, 1, QuotaUnit.Month, QuotaCounting.CountedOrReview),
        new(QuotaKind.XPosts, 2, QuotaUnit.Week, QuotaCounting.Counted),
        new(QuotaKind.ArticleTranslations, 1, QuotaUnit.Week, QuotaCounting.Counted),
        new(QuotaKind.ChannelActivity, 1, QuotaUnit.Month, QuotaCounting.ReviewOnly),
        new(QuotaKind.EducationOrEvent, 1, QuotaUnit.Month, QuotaCounting.CountedOrReview),
    ];
}

/// <summary>What a piece of evidence shows, for the quotas.</summary>
public enum EvidenceCategory
{
    /// <summary>An X post (dated by its status id).</summary>
    XPost,

    /// <summary>An article (Medium); undated.</summary>
    Article,

    /// <summary>An AMA (an X Space, a recording).</summary>
    Ama,

    /// <summary>An event page.</summary>
    Event,

    /// <summary>Educational content (a video, a tutorial).</summary>
    Education,
}

/// <summary>
/// One link from a crew member's report, as the quotas see it. <paramref name="Key"/> identifies the thing linked (the X
/// status id, or the normalized address) so that a post linked by two crew members counts once.
/// </summary>
/// <param name="Member">Whose report it is in.</param>
/// <param name="Category">What it shows.</param>
/// <param name="At">When it was made, when the link tells (X status ids do); null otherwise.</param>
/// <param name="Key">What identifies it for de-duplication.</param>
/// <param name="Url">The link as written.</param>
public sealed record CrewEvidence(string Member, EvidenceCategory Category, DateTimeOffset? At, string Key, string Url);

/// <summary>A reviewer's tick on a crew's monthly checklist: for what links cannot show, or to correct a count.</summary>
/// <param name="Crew">The crew id.</param>
/// <param name="Period">The month.</param>
/// <param name="Kind">The quota.</param>
/// <param name="Met">True when met.</param>
/// <param name="Reviewer">Who ticked.</param>
/// <param name="At">When (the latest tick of a quota wins).</param>
/// <param name="Note">Why, when it helps.</param>
public sealed record ChecklistTick(string Crew, Period Period, QuotaKind Kind, bool Met, string Reviewer, DateTimeOffset At, string? Note = null);

/// <summary>A quota's outcome for a crew and month.</summary>
public enum QuotaStatus
{
    /// <summary>Met, by count or by a reviewer's tick.</summary>
    Met,

    /// <summary>Not met.</summary>
    NotMet,

    /// <summary>Links cannot tell; a reviewer should tick it.</summary>
    NeedsReview,
}

/// <summary>Counted items in one week of the month.</summary>
/// <param name="Monday">The week's Monday.</param>
/// <param name="Count">Items dated in the week.</param>
public sealed record WeekCount(DateOnly Monday, int Count);

/// <summary>One quota's result for a crew and month.</summary>
/// <param name="Rule">The quota.</param>
/// <param name="Status">Met, not met, needs review.</param>
/// <param name="Counted">Items counted from links in the month.</param>
/// <param name="Required">Items needed in the month (weekly quotas: per week × weeks).</param>
/// <param name="Weeks">Per-week counts for weekly quotas counted from dated links; empty otherwise.</param>
/// <param name="Tick">The reviewer's tick that decided it, when one did.</param>
/// <param name="Explanation">A sentence for the checklist page.</param>
public sealed record QuotaResult(QuotaRule Rule, QuotaStatus Status, int Counted, int Required, IReadOnlyList<WeekCount> Weeks, ChecklistTick? Tick, string Explanation);

/// <summary>A crew's quota checklist for a month.</summary>
/// <param name="Crew">The crew.</param>
/// <param name="Period">The month.</param>
/// <param name="Quotas">One result per quota rule, in the rules' order.</param>
public sealed record CrewMonth(Crew Crew, Period Period, IReadOnlyList<QuotaResult> Quotas)
{
    /// <summary>True when every quota is met.</summary>
    public bool AllMet => Quotas.All(q => q.Status == QuotaStatus.Met);

    /// <summary>The quotas a reviewer still has to tick.</summary>
    public IEnumerable<QuotaResult> AwaitingReview => Quotas.Where(q => q.Status == QuotaStatus.NeedsReview);
}

/// <summary>
/// Counts a crew's monthly quotas from its members' report evidence and the reviewers' ticks (RULES.md R11: "Where a
/// report's evidence links can show a quota (X status links by date, Medium links), Embassy counts them; what it cannot
/// count, a reviewer ticks"). Times are UTC, the policy's default time zone (R7).
/// </summary>
public static class CrewQuotas
{
    /// <summary>
    /// The weeks of <paramref name="period"/>: ISO weeks (Monday–Sunday) whose Thursday falls in the month, so each week
    /// belongs to exactly one month and a month has 4 or 5 full weeks.
    /// </summary>
    public static IReadOnlyList<DateOnly> WeeksOf(Period period)
    {
        var first = period.FirstDay;
        var offset = ((int)first.DayOfWeek + 6) % 7; // days since Monday
        var monday = first.AddDays(-offset);
        if (monday.AddDays(3) < first)
        {
            monday = monday.AddDays(7);
        }

        var weeks = new List<DateOnly>();
        for (; Period.Of(monday.AddDays(3)) == period; monday = monday.AddDays(7))
        {
            weeks.Add(monday);
        }

        return weeks;
    }

    /// <summary>
    /// Evaluates <paramref name="crew"/>'s quotas for <paramref name="period"/>. Evidence of people outside the crew is
    /// ignored; each linked item counts once (by <see cref="CrewEvidence.Key"/>); dated items count in the week (or month)
    /// they were made, so evidence from neighbouring months' reports may be passed too. A reviewer's latest tick for a
    /// quota decides it.
    /// </summary>
    public static CrewMonth Evaluate(Crew crew, Period period, IEnumerable<CrewEvidence> evidence, IEnumerable<ChecklistTick> ticks, IReadOnlyList<QuotaRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(crew);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(ticks);
        var quotaRules = rules ?? QuotaRule.Proposal14;
        var people = new HashSet<string>(crew.Everyone, StringComparer.OrdinalIgnoreCase);
        var items = evidence
            .Where(e => people.Contains(e.Member))
            .GroupBy(e => (e.Category, e.Key))
            .Select(g => g.OrderBy(e => e.At ?? DateTimeOffset.MaxValue).First())
            .ToArray();
        var latestTicks = ticks
            .Where(t => string.Equals(t.Crew, crew.Id, StringComparison.OrdinalIgnoreCase) && t.Period == period)
            .GroupBy(t => t.Kind)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.At).Last());
        var weeks = WeeksOf(period);
        var results = quotaRules
            .Select(rule => Apply(rule, period, weeks, items, latestTicks.GetValueOrDefault(rule.Kind)))
            .ToArray();
        return new CrewMonth(crew, period, results);
    }

    private static QuotaResult Apply(QuotaRule rule, Period period, IReadOnlyList<DateOnly> weeks, IReadOnlyList<CrewEvidence> items, ChecklistTick? tick)
    {
        var categories = CategoriesOf(rule.Kind);
        var relevant = items.Where(e => categories.Contains(e.Category)).ToArray();
        var required = rule.Unit == QuotaUnit.Week ? rule.Required * weeks.Count : rule.Required;
        var weekCounts = new List<WeekCount>();
        int counted;
        QuotaStatus status;
        string explanation;

        if (rule.Counting == QuotaCounting.ReviewOnly)
        {
            counted = 0;
            status = QuotaStatus.NeedsReview;
            explanation = "Links cannot show this; a reviewer ticks it.";
        }
        else if (rule.Unit == QuotaUnit.Week && relevant.Any(e => e.At is not null))
        {
            // Dated items (X posts): each week of the month must reach the quota on its own.
            foreach (var monday in weeks)
            {
                var start = new DateTimeOffset(monday.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                weekCounts.Add(new WeekCount(monday, relevant.Count(e => e.At >= start && e.At < start.AddDays(7))));
            }

            var undated = relevant.Count(e => e.At is null);
            counted = weekCounts.Sum(w => w.Count) + undated;
            var shortWeeks = weekCounts.Where(w => w.Count < rule.Required).ToArray();
            status = shortWeeks.Length == 0 ? QuotaStatus.Met : QuotaStatus.NotMet;
            explanation = shortWeeks.Length == 0
                ? Inv($"At least {rule.Required} in each of the {weeks.Count} weeks.")
                : Inv($"Fewer than {rule.Required} in the week(s) of {string.Join(", ", shortWeeks.Select(w => w.Monday.ToString("MM-dd", CultureInfo.InvariantCulture)))}.");
        }
        else if (rule.Unit == QuotaUnit.Week)
        {
            // Undated items (Medium articles): the links show how many, not in which week.
            counted = relevant.Length;
            status = counted >= required ? QuotaStatus.Met : (rule.Counting == QuotaCounting.Counted ? QuotaStatus.NotMet : QuotaStatus.NeedsReview);
            explanation = counted >= required
                ? Inv($"{counted} linked for {weeks.Count} weeks; the links do not show the week of each.")
                : Inv($"{counted} linked; {required} needed ({rule.Required} a week for {weeks.Count} weeks).");
        }
        else
        {
            // Monthly items: dated ones must fall in the month; undated ones come from the month's reports.
            counted = relevant.Count(e => e.At is not { } at || Period.Of(at) == period);
            status = counted >= required ? QuotaStatus.Met : (rule.Counting == QuotaCounting.Counted ? QuotaStatus.NotMet : QuotaStatus.NeedsReview);
            explanation = counted >= required
                ? Inv($"{counted} linked; {required} needed.")
                : Inv($"{counted} linked; {required} needed. ") + (status == QuotaStatus.NeedsReview ? "Often not linked: a reviewer ticks it." : string.Empty);
        }

        if (tick is not null)
        {
            status = tick.Met ? QuotaStatus.Met : QuotaStatus.NotMet;
            explanation = $"Ticked {(tick.Met ? "met" : "not met")} by {tick.Reviewer}" + (string.IsNullOrWhiteSpace(tick.Note) ? "." : ": " + tick.Note) + " Counted: " + explanation;
        }

        return new QuotaResult(rule, status, counted, required, weekCounts, tick, explanation.TrimEnd());
    }

    private static EvidenceCategory[] CategoriesOf(QuotaKind kind) => kind switch
    {
        QuotaKind.Ama => [EvidenceCategory.Ama],
        QuotaKind.XPosts => [EvidenceCategory.XPost],
        QuotaKind.ArticleTranslations => [EvidenceCategory.Article],
        QuotaKind.EducationOrEvent => [EvidenceCategory.Education, EvidenceCategory.Event],
        QuotaKind.ChannelActivity => [],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown quota."),
    };

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
