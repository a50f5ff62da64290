namespace Embassy.Domain.Rules;

/// <summary>
/// Which members' own input keeps a month from being computed (issue #10: "a member's own error — one department, a
/// bad score — is that member's problem, never the whole month's"). Each scored member is computed alone under the
/// same policy; a member whose month fails alone has an error of their own. Errors of the month as a whole (a cap
/// without a price, a pool the rewards overdraw) are nobody's in particular and are not reported here.
/// </summary>
public static class MemberErrors
{
    /// <summary>Each member (by id) whose scores or choices fail on their own, with the errors.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Diagnostic>> Find(MonthInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var found = new Dictionary<string, IReadOnlyList<Diagnostic>>(StringComparer.Ordinal);
        var lines = input.Scores.ToLookup(s => s.Member, StringComparer.Ordinal);
        var choices = input.Choices.ToLookup(c => c.Member, StringComparer.Ordinal);
        // Caps are the month's, not the member's: a missing price must not make everyone look wrong.
        var policy = input.Policy with { FiatCaps = [] };
        foreach (var member in input.Members.Where(m => lines.Contains(m.Id) || choices.Contains(m.Id)))
        {
            var alone = MonthEngine.Compute(new MonthInput
            {
                Policy = policy,
                Period = input.Period,
                Members = [member],
                Scores = lines[member.Id].ToArray(),
                Choices = choices[member.Id].ToArray(),
                PoolOverride = input.PoolOverride,
            });
            if (!alone.IsSuccess)
            {
                found[member.Id] = alone.Errors.ToArray();
            }
        }

        return found;
    }
}
