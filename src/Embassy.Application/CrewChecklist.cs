using Embassy.Domain;
using Embassy.Domain.Community;
using Embassy.Reports;

namespace Embassy.Application;

/// <summary>Every crew's monthly checklist, with what the crew check flagged (R11).</summary>
/// <param name="Period">The month.</param>
/// <param name="Crews">Each crew's quotas, in the crews' order.</param>
/// <param name="Flags">Crew-size and lead flags (CREW_TOO_SMALL, CREW_TOO_LARGE, …).</param>
public sealed record CrewChecklistMonth(Period Period, IReadOnlyList<CrewMonth> Crews, IReadOnlyList<Diagnostic> Flags);

/// <summary>
/// The per-crew monthly checklist (RULES.md R11; issue #6: "a per-crew monthly checklist that reviewers tick for what
/// links cannot show"): quotas counted from the members' parsed reports, reviewers' ticks applied, crews flagged.
/// </summary>
public static class CrewChecklist
{
    /// <summary>
    /// Builds the checklist of <paramref name="period"/>. Pass the reports of the month and of its neighbours: X posts
    /// count in the week their status id dates them, wherever they were reported.
    /// </summary>
    public static CrewChecklistMonth Build(
        Period period,
        IReadOnlyList<Crew> crews,
        IEnumerable<ParsedReport> reports,
        IEnumerable<ChecklistTick> ticks,
        IReadOnlyDictionary<string, Rank> ranks,
        IReadOnlyList<QuotaRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(crews);
        var evidence = CrewEvidenceReader.Read(reports);
        var tickList = ticks.ToArray();
        var months = crews.Select(c => CrewQuotas.Evaluate(c, period, evidence, tickList, rules)).ToArray();
        return new CrewChecklistMonth(period, months, CrewCheck.Check(crews, ranks));
    }
}
