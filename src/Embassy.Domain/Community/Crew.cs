using System.Globalization;

namespace Embassy.Domain.Community;

/// <summary>
/// A regional crew (RULES.md R11, seed 001: "at least 2-3 regional ambassadors as crew members"): a senior lead and the
/// ambassadors who work the crew's monthly quotas with them. Members are ids (GitHub logins, R2).
/// </summary>
/// <param name="Id">Stable id ("fr").</param>
/// <param name="Name">Display name ("French group").</param>
/// <param name="Region">Region or language it serves ("French").</param>
/// <param name="Lead">The senior who leads it.</param>
/// <param name="Members">The ambassadors in it, lead excluded.</param>
public sealed record Crew(string Id, string Name, string Region, string Lead, IReadOnlyList<string> Members)
{
    /// <summary>The lead and the members: whose report evidence counts for the crew's quotas.</summary>
    public IEnumerable<string> Everyone => Members.Prepend(Lead);
}

/// <summary>R11's size rule: 2 to 3 ambassadors besides the lead; the lead is a senior or higher.</summary>
/// <param name="MinMembers">Fewest ambassadors (2).</param>
/// <param name="MaxMembers">Most ambassadors (3).</param>
/// <param name="LeadRanks">Ranks that may lead (senior, head).</param>
public sealed record CrewRule(int MinMembers, int MaxMembers, IReadOnlyList<Rank> LeadRanks)
{
    /// <summary>2–3 ambassadors led by a senior or head (R11).</summary>
    public static CrewRule Default { get; } = new(2, 3, [Rank.Senior, Rank.Head]);
}

/// <summary>Checks regional crews against R11. Sizes and leads are flagged (warnings), not refused: a crew short of an ambassador still works.</summary>
public static class CrewCheck
{
    /// <summary>
    /// Checks <paramref name="crews"/> with the members' current ranks (<paramref name="ranks"/>, by member id).
    /// </summary>
    /// <returns>
    /// Warnings <see cref="CommunityCodes.CrewTooSmall"/>, <see cref="CommunityCodes.CrewTooLarge"/>,
    /// <see cref="CommunityCodes.CrewLeadNotSenior"/>, <see cref="CommunityCodes.CrewMemberUnknown"/>; the error
    /// <see cref="CommunityCodes.CrewMemberDuplicate"/>; and <see cref="CommunityCodes.CrewMemberShared"/> (info) for a member of two crews.
    /// </returns>
    public static IReadOnlyList<Diagnostic> Check(IEnumerable<Crew> crews, IReadOnlyDictionary<string, Rank> ranks, CrewRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(crews);
        ArgumentNullException.ThrowIfNull(ranks);
        var r = rule ?? CrewRule.Default;
        var found = new List<Diagnostic>();
        var crewsOf = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var crew in crews)
        {
            var members = crew.Members.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            if (members.Length != crew.Members.Count || members.Contains(crew.Lead, StringComparer.OrdinalIgnoreCase))
            {
                found.Add(Diagnostic.Error(CommunityCodes.CrewMemberDuplicate, $"{crew.Name} lists a member twice or its lead {crew.Lead} among its ambassadors."));
            }

            var size = members.Count(m => !string.Equals(m, crew.Lead, StringComparison.OrdinalIgnoreCase));
            var sizeText = size.ToString(CultureInfo.InvariantCulture);
            if (size < r.MinMembers)
            {
                found.Add(Diagnostic.Warning(CommunityCodes.CrewTooSmall, $"{crew.Name} has {sizeText} ambassador(s) besides its lead; R11 asks for {r.MinMembers.ToString(CultureInfo.InvariantCulture)} to {r.MaxMembers.ToString(CultureInfo.InvariantCulture)}."));
            }
            else if (size > r.MaxMembers)
            {
                found.Add(Diagnostic.Warning(CommunityCodes.CrewTooLarge, $"{crew.Name} has {sizeText} ambassadors besides its lead; R11 asks for {r.MinMembers.ToString(CultureInfo.InvariantCulture)} to {r.MaxMembers.ToString(CultureInfo.InvariantCulture)}."));
            }

            if (!ranks.TryGetValue(crew.Lead, out var leadRank))
            {
                found.Add(Diagnostic.Warning(CommunityCodes.CrewMemberUnknown, $"{crew.Name}'s lead {crew.Lead} is not in the registry."));
            }
            else if (!r.LeadRanks.Contains(leadRank))
            {
                found.Add(Diagnostic.Warning(CommunityCodes.CrewLeadNotSenior, $"{crew.Name} is led by {crew.Lead}, a {leadRank}; R11 crews are led by a senior."));
            }

            foreach (var m in members.Where(m => !ranks.ContainsKey(m)))
            {
                found.Add(Diagnostic.Warning(CommunityCodes.CrewMemberUnknown, $"{crew.Name} lists {m}, who is not in the registry."));
            }

            foreach (var m in crew.Everyone.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!crewsOf.TryGetValue(m, out var list))
                {
                    crewsOf[m] = list = [];
                }

                list.Add(crew.Name);
            }
        }

        foreach (var (member, names) in crewsOf.Where(kv => kv.Value.Count > 1).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            found.Add(Diagnostic.Info(CommunityCodes.CrewMemberShared, $"{member} is in {string.Join(" and ", names)}."));
        }

        return found;
    }
}
