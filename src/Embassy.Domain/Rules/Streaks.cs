namespace Embassy.Domain.Rules;

/// <summary>Proposes rank changes from streaks of closed months (RULES.md R8).</summary>
internal static class Streaks
{
    public static IReadOnlyList<RankProposal> Propose(MonthInput input, IReadOnlyList<MemberResult> members)
    {
        var policy = input.Policy;
        var byMember = input.History
            .Where(h => h.Period < input.Period)
            .GroupBy(h => h.Member, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(h => h.Period).ToDictionary(x => x.Key, x => x.Last()), StringComparer.Ordinal);
        var proposals = new List<RankProposal>();
        var empty = new Dictionary<Period, ClosedMonth>();
        var minMonths = policy.Promotions.Concat(policy.Terminations).GroupBy(r => r.From).ToDictionary(g => g.Key, g => g.Min(r => r.Months));
        foreach (var m in members)
        {
            // Members with no record before this month cannot have a streak of more than one month.
            if (!minMonths.TryGetValue(m.Rank, out var shortest) || (shortest > 1 && !byMember.ContainsKey(m.Id)))
            {
                continue;
            }

            var history = byMember.GetValueOrDefault(m.Id) ?? empty;
            var current = new ClosedMonth(input.Period, m.Id, m.Rank, m.Percent, m.Status);

            // Promotions first: a member who qualifies for promotion is not also terminated.
            var proposal = First(policy.Promotions, current, history, promotion: true)
                ?? First(policy.Terminations, current, history, promotion: false);
            if (proposal is not null)
            {
                proposals.Add(proposal);
            }
        }

        return proposals;
    }

    // The first rule from the member's rank that proposes a change, in the policy's order; loops, not lambdas, since
    // this runs once per member (a closure per member was a tenth of a 100,000-member month's allocations).
    private static RankProposal? First(IReadOnlyList<StreakRule> rules, ClosedMonth current, Dictionary<Period, ClosedMonth> history, bool promotion)
    {
        for (var k = 0; k < rules.Count; k++)
        {
            if (rules[k].From == current.Rank && Check(rules[k], current, history, promotion) is { } proposal)
            {
                return proposal;
            }
        }

        return null;
    }

    private static RankProposal? Check(StreakRule rule, ClosedMonth current, Dictionary<Period, ClosedMonth> history, bool promotion)
    {
        // A month with no record breaks the streak; so does a month at another rank (a rank change mid-streak
        // starts a new streak at the new rank). Checked before anything is allocated: most members have no streak.
        for (var k = 1; k < rule.Months; k++)
        {
            if (!history.TryGetValue(current.Period.AddMonths(-k), out var month) || month.Rank != rule.From)
            {
                return null;
            }
        }

        var months = new List<ClosedMonth> { current };
        for (var k = 1; k < rule.Months; k++)
        {
            months.Add(history[current.Period.AddMonths(-k)]);
        }

        foreach (var month in months)
        {
            // R7: a late month counts as 0 %; R8: a month with no accepted report breaks a promotion streak.
            var accepted = month.Status == MonthStatus.Accepted;
            var qualifies = promotion
                ? accepted && month.Percent.AtLeast(rule.Percent)
                : !accepted || !month.Percent.AtLeast(rule.Percent);
            if (!qualifies)
            {
                return null;
            }
        }

        months.Reverse();
        var detail = string.Join(", ", months.Select(x => $"{x.Period} {(x.Status == MonthStatus.Accepted ? MonthEngine.Pct(x.Percent) : x.Status.ToString().ToLowerInvariant())}"));
        var reason = promotion
            ? $"{rule.Months} consecutive closed months at ≥ {rule.Percent} % as {rule.From}: {detail}"
            : $"{rule.Months} consecutive closed months below {rule.Percent} %: {detail}";
        return new RankProposal(current.Member, rule.From, rule.To, reason, current.Period.Next);
    }
}
