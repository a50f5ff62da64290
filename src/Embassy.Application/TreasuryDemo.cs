using System.Globalization;
using Embassy.Domain;
using Embassy.Domain.Community;
using Embassy.Domain.Treasury;

namespace Embassy.Application;

/// <summary>
/// Khala treasury proposal #14 as seed 001 states it (issue #6, item 7: "the demo program carries proposal #14"):
/// 100,000 PHA requested in April 2022, milestones of 80,000 PHA (40+ ambassadors) and 20,000 PHA (50,000 community
/// users) with their reports, the treasury timeline, the two fiat caps and the regional groups. Only what the seed
/// says; nothing here is invented beyond the choices named in the comments.
/// </summary>
public static class TreasuryDemo
{
    /// <summary>The proponent's address as the seed gives it.</summary>
    public const string Proponent = "3zfavDwAsV83TGCDYko4gs3uYPQq4fuS8mcy5BtFqjzyPes8";

    // The seed's timeline lists nine times without labels, the last followed by the 100,000 PHA award: the eight before it
    // are one entry naming their times (not nine copies of one sentence, issue #13), the last is the funding.
    private static readonly string[] TimelineTimes =
    [
        "2022-04-29 08:40:06", "2022-04-29 09:16:12", "2022-04-29 09:21:18", "2022-04-29 09:29:36", "2022-04-29 10:03:24",
        "2022-04-29 12:53:42", "2022-04-29 12:53:42", "2022-04-29 12:53:42", "2022-04-29 16:30:00",
    ];

    /// <summary>Proposal #14, funded (the seed's timeline ends with the 100,000 PHA award).</summary>
    public static SpendingProposal Proposal14()
    {
        var pha = Token.Pha;
        static DateTimeOffset At(string t) =>
            new(DateTime.ParseExact(t, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal), TimeSpan.Zero);
        var steps = TimelineTimes[..^1];
        ProposalEvent[] timeline =
        [
            new(At(steps[0]), ProposalEventKind.Note, $"{steps.Length} steps on the treasury's timeline of the proposal, at {string.Join(", ", steps.Select(t => t[11..]))} UTC (the proposal page gives the times, not what each step was)."),
            new(At(TimelineTimes[^1]), ProposalEventKind.Funded, "100,000 PHA awarded: the last step of the treasury's timeline."),
        ];
        return new SpendingProposal
        {
            Number = 14,
            Title = "Phala community bounty - April. 2022",
            Proponent = Proponent,
            Date = new DateOnly(2022, 4, 29), // the seed says "April, 2022"; its timeline starts on the 29th
            Requested = pha.Whole(100_000),
            Status = ProposalStatus.Funded,
            Milestones =
            [
                new Milestone(
                    1, "Grow number of Ambassadors to 40+ people", pha.Whole(80_000), new MilestoneTarget(TargetMetric.Ambassadors, 40), MilestoneStatus.Reported,
                    "A global community of more than 45,500 people (Telegram 40,000+, Discord about 5,500). Every Senior Ambassador leads 2-3 regional ambassadors as a crew. 32 active Senior/Ambassadors manage English, Spanish, French, Italian, German, Bengali, Vietnamese, Persian, Korean and Chinese communities."),
                new Milestone(
                    2, "Growth to 50,000 community users", pha.Whole(20_000), new MilestoneTarget(TargetMetric.CommunityUsers, 50_000), MilestoneStatus.Reported,
                    "Educational content and tools are rewarded as bounties; two community members built monitoring tools in April (a Telegram bot and a Discord bot for solo miners and delegators)."),
            ],
            Timeline = timeline,
        };
    }

    /// <summary>
    /// The proposal's two caps: "Maximum 2000$ worth of PHA/month bounties are distributed to active Senior Ambassadors"
    /// and "Maximum 2,000$ worth of PHA are rewarded to community educators/developers". The seed does not say what
    /// happens above a cap, so the demo flags (R10: the policy chooses flag or clamp).
    /// </summary>
    public static IReadOnlyList<FiatCapRule> Caps { get; } =
    [
        new("senior bounties", UsdAmount.Dollars(2_000), CapMode.Flag),
        new("educator bounties", UsdAmount.Dollars(2_000), CapMode.Flag),
    ];

    /// <summary>The channel counts of the milestone 1 report, recorded on <paramref name="date"/> (the seed gives no day).</summary>
    public static IReadOnlyList<ChannelCount> ReportedCounts(DateOnly date) =>
    [
        new("telegram", date, 40_000, "Milestone 1 report, treasury proposal #14"),
        new("discord", date, 5_500, "Milestone 1 report, treasury proposal #14"),
    ];

    /// <summary>What the demo labels the program's real funding records with.</summary>
    public const string RealRecord = "Real funding record of the Phala ambassador program";

    /// <summary>
    /// The program's funding history as the treasury records give it (program-history/2025-10-v5-update.md), oldest
    /// first: Khala treasury proposals #4 (Feb 2022, 80,000 PHA), #14 (Apr 2022, 100,000 PHA, seed 001) and #51 (Jan 2023,
    /// 1.75 m PHA for six months of rewards and bounties), and Phala council motion #102 (Jun 2024, 1.43 m PHA for the
    /// second half of 2024). The records give a month, not a day: the first of the month is used. Each says in its
    /// title and timeline that it is a real record, so a demo reader can tell it from the made-up months drawn on it.
    /// </summary>
    public static IReadOnlyList<SpendingProposal> FundingHistory()
    {
        var pha = Token.Pha;
        SpendingProposal Record(int number, string title, DateOnly date, ulong amount, string purpose) => new()
        {
            Number = number,
            Title = title,
            Proponent = "Phala ambassador program",
            Date = date,
            Requested = pha.Whole(amount),
            Status = ProposalStatus.Funded,
            Timeline = [new ProposalEvent(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), ProposalEventKind.Note, RealRecord + ": " + purpose)],
        };

        var fourteen = Proposal14();
        return
        [
            Record(4, "Khala treasury proposal #4: community bounty for July–December 2021", new DateOnly(2022, 2, 1), 80_000,
                "3,000 PHA a week to community managers and ambassadors, educators and events, July–December 2021."),
            fourteen with { Timeline = [.. fourteen.Timeline, new ProposalEvent(new DateTimeOffset(2022, 4, 29, 16, 30, 0, TimeSpan.Zero), ProposalEventKind.Note, RealRecord + ": seed 001, the community bounty of April 2022.")] },
            Record(51, "Khala treasury proposal #51: Community Budget 2023 (six months)", new DateOnly(2023, 1, 1), 1_750_000,
                "six months of ambassador rewards, bounties and competitions; 23 ambassadors (5 seniors, 10 ambassadors, 8 candidates)."),
            // The one record that states a monthly reward plan (84,000 PHA); a month paying more warns at close (issue #17).
            Record(102, "Phala council motion #102: ambassador program, second half of 2024", new DateOnly(2024, 6, 1), 1_430_000,
                "21 ambassadors sharing 84,000 PHA a month; 40 events planned in five regions.") with { PlannedPerMonth = pha.Whole(84_000) },
        ];
    }
}
