using System.Globalization;
using Embassy.Domain.Rules;
using Embassy.Domain.Treasury;

namespace Embassy.Domain.Community;

/// <summary>
/// A channel's member count on a day, as an admin recorded it (RULES.md R10: milestones are tracked from "recorded
/// community counts"), e.g. Telegram 40,000 on 2022-06-30.
/// </summary>
/// <param name="Channel">The channel ("telegram", "discord", "telegram-fr"); compared case-insensitively.</param>
/// <param name="Date">The day counted.</param>
/// <param name="Members">The count.</param>
/// <param name="Source">Where it was read ("group info", "server insights").</param>
public sealed record ChannelCount(string Channel, DateOnly Date, long Members, string Source);

/// <summary>
/// A span during which a member held a rank (R2: rank changes are dated events; the registry turns them into spans).
/// </summary>
/// <param name="Member">The member id (GitHub login).</param>
/// <param name="Rank">The rank held.</param>
/// <param name="From">First day held.</param>
/// <param name="Until">Last day held, or null while it lasts.</param>
public sealed record RankSpan(string Member, Rank Rank, DateOnly From, DateOnly? Until = null)
{
    /// <summary>True when the span covers <paramref name="date"/>.</summary>
    public bool Covers(DateOnly date) => From <= date && (Until is null || date <= Until);
}

/// <summary>A milestone target with how far it is reached on a date.</summary>
/// <param name="Milestone">The milestone's number.</param>
/// <param name="Target">The target.</param>
/// <param name="AsOf">The day counted.</param>
/// <param name="Current">The count on that day.</param>
public sealed record TargetProgress(int Milestone, MilestoneTarget Target, DateOnly AsOf, long Current)
{
    /// <summary>True when the count reached the target (targets are "at least": "40+ ambassadors").</summary>
    public bool Met => Current >= Target.Value;

    /// <summary>Current over target, exact (may exceed 100 %).</summary>
    public Percent Progress => new(Current, Target.Value);
}

/// <summary>Channel counts by date for a chart (<see cref="CommunityMetrics.Series"/>).</summary>
/// <param name="Dates">Every recorded date, oldest first.</param>
/// <param name="Channels">Each channel with its count per date (null: no record that day).</param>
public sealed record ChannelSeries(IReadOnlyList<DateOnly> Dates, IReadOnlyList<(string Channel, IReadOnlyList<long?> Members)> Channels);

/// <summary>
/// Counts for milestone targets (RULES.md R10): ambassadors from the member registry as of a date, community users
/// from the latest recorded channel counts.
/// </summary>
public static class CommunityMetrics
{
    /// <summary>Checks recorded counts: a channel name, a count ≥ 0, one count per channel per day.</summary>
    public static IReadOnlyList<Diagnostic> Validate(IEnumerable<ChannelCount> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var found = new List<Diagnostic>();
        var seen = new Dictionary<(string, DateOnly), long>();
        foreach (var c in counts)
        {
            var day = c.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (string.IsNullOrWhiteSpace(c.Channel) || c.Members < 0)
            {
                found.Add(Diagnostic.Error(CommunityCodes.MetricsInvalid, $"The count for '{c.Channel}' on {day} needs a channel name and a count of 0 or more."));
                continue;
            }

            var key = (c.Channel.Trim().ToLowerInvariant(), c.Date);
            if (seen.TryGetValue(key, out var earlier) && earlier != c.Members)
            {
                found.Add(Diagnostic.Error(
                    CommunityCodes.MetricsConflict,
                    string.Create(CultureInfo.InvariantCulture, $"{c.Channel} has two counts on {day}: {earlier} and {c.Members}.")));
            }

            seen[key] = c.Members;
        }

        return found;
    }

    /// <summary>Each channel's latest count on or before <paramref name="asOf"/>, by channel (lower case).</summary>
    public static IReadOnlyDictionary<string, ChannelCount> LatestAsOf(IEnumerable<ChannelCount> counts, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return counts
            .Where(c => c.Date <= asOf)
            .GroupBy(c => c.Channel.Trim().ToLowerInvariant(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.Date).Last(), StringComparer.Ordinal);
    }

    /// <summary>
    /// The counts as a chart series: every recorded date in order, and per channel (lower case, in name order) its count
    /// on each date, or null where that channel has no record that day (a gap, not a guessed value).
    /// </summary>
    public static ChannelSeries Series(IEnumerable<ChannelCount> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var list = counts.ToArray();
        var dates = list.Select(c => c.Date).Distinct().Order().ToArray();
        var channels = list
            .GroupBy(c => c.Channel.Trim().ToLowerInvariant(), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                // Validate allows one count per channel and day; should two arrive unvalidated, the larger is shown.
                var byDate = g.GroupBy(c => c.Date).ToDictionary(d => d.Key, d => d.Max(c => c.Members));
                return (g.Key, (IReadOnlyList<long?>)dates.Select(d => byDate.TryGetValue(d, out var n) ? n : (long?)null).ToArray());
            })
            .ToArray();
        return new ChannelSeries(dates, channels);
    }

    /// <summary>Community users on <paramref name="asOf"/>: the sum of each channel's latest count ("50,000 community users").</summary>
    /// <remarks>A person in two channels counts twice, as in the milestone report of proposal #14 (Telegram 40,000+ and Discord 5,500).</remarks>
    public static long CommunityUsers(IEnumerable<ChannelCount> counts, DateOnly asOf) =>
        LatestAsOf(counts, asOf).Values.Sum(c => c.Members);

    /// <summary>
    /// Members holding <paramref name="minimum"/> or a higher rank of <paramref name="ranks"/> on <paramref name="asOf"/>
    /// ("40+ ambassadors": ambassador, senior and head count; candidates do not).
    /// </summary>
    public static int MembersAtLeast(IEnumerable<RankSpan> spans, DateOnly asOf, IReadOnlyList<RankRule> ranks, Rank minimum)
    {
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(ranks);
        var min = IndexOf(ranks, minimum);
        if (min < 0)
        {
            throw new ArgumentException($"The ranks do not include {minimum}.", nameof(minimum));
        }

        return spans
            .Where(s => s.Covers(asOf) && IndexOf(ranks, s.Rank) >= min)
            .Select(s => s.Member)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Count();
    }

    /// <summary>Progress of every milestone of <paramref name="proposal"/> that has a target, on <paramref name="asOf"/>.</summary>
    public static IReadOnlyList<TargetProgress> Progress(
        SpendingProposal proposal, DateOnly asOf, IEnumerable<RankSpan> spans, IEnumerable<ChannelCount> counts, IReadOnlyList<RankRule> ranks, Rank ambassadorRank)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var spanList = spans.ToArray();
        var countList = counts.ToArray();
        return proposal.Milestones
            .Where(m => m.Target is not null)
            .Select(m => new TargetProgress(m.Number, m.Target!, asOf, m.Target!.Metric switch
            {
                TargetMetric.Ambassadors => MembersAtLeast(spanList, asOf, ranks, ambassadorRank),
                TargetMetric.CommunityUsers => CommunityUsers(countList, asOf),
                _ => throw new ArgumentOutOfRangeException(nameof(proposal), m.Target.Metric, "Unknown metric."),
            }))
            .ToArray();
    }

    private static int IndexOf(IReadOnlyList<RankRule> ranks, Rank rank)
    {
        for (var i = 0; i < ranks.Count; i++)
        {
            if (ranks[i].Rank == rank)
            {
                return i;
            }
        }

        return -1;
    }
}
