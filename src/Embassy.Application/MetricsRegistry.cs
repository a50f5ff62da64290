using Embassy.Domain;
using Embassy.Domain.Community;

namespace Embassy.Application;

/// <summary>
/// Turns the member registry's rank events (R2: dated, append-only) into rank spans, so milestone targets such as
/// "40+ ambassadors" are counted from the registry as of a date (RULES.md R10).
/// </summary>
public static class MetricsRegistry
{
    /// <summary>
    /// One span per rank event: from its effective day to the day before the member's next event (open while it is the
    /// latest). Events on the same day keep the one recorded last. A "terminated" span is kept; it counts for no target
    /// because it is not a rank of the policy.
    /// </summary>
    public static IReadOnlyList<RankSpan> RankSpans(IEnumerable<RosterEntry> roster)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var spans = new List<RankSpan>();
        foreach (var entry in roster)
        {
            var events = entry.Ranks
                .OrderBy(e => e.EffectiveFrom)
                .ThenBy(e => e.Id)
                .GroupBy(e => e.EffectiveFrom)
                .Select(g => g.Last())
                .ToArray();
            for (var i = 0; i < events.Length; i++)
            {
                DateOnly? until = i + 1 < events.Length ? events[i + 1].EffectiveFrom.AddDays(-1) : null;
                spans.Add(new RankSpan(entry.EngineId, new Rank(events[i].Rank), events[i].EffectiveFrom, until));
            }
        }

        return spans;
    }
}
