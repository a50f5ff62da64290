namespace Embassy.Domain.Rules;

/// <summary>
/// One member's checked scores for the month: which departments they chose, the points that count in each,
/// and their percentage (RULES.md R3, R8). Built only from valid input; every problem is a diagnostic.
/// </summary>
internal sealed class ScoreSheet
{
    private ScoreSheet(Member member, MonthStatus status, IReadOnlyList<string> chosen, string[] keys, Points[] values, int offset, ulong departmentMask, ulong allMask, Percent percent)
    {
        Offset = offset;
        Member = member;
        Status = status;
        Chosen = chosen;
        Keys = keys;
        Values = values;
        DepartmentMask = departmentMask;
        AllMask = allMask;
        Percent = percent;
    }

    public Member Member { get; }

    public MonthStatus Status { get; }

    public IReadOnlyList<string> Chosen { get; }

    /// <summary>The month's codes: the policy's departments (same indices), then supplementary tasks.</summary>
    public string[] Keys { get; }

    /// <summary>Points per code index, at <see cref="Offset"/> in an array shared by the month's members.</summary>
    public Points[] Values { get; }

    /// <summary>Where this member's points start in <see cref="Values"/>.</summary>
    public int Offset { get; }

    /// <summary>Department indices whose points share the department pools.</summary>
    public ulong DepartmentMask { get; }

    /// <summary>Code indices with points (departments and supplementary tasks), for display.</summary>
    public ulong AllMask { get; }

    /// <summary>True when department <paramref name="index"/> has points that count in its pool.</summary>
    public bool Counts(int index, out Points points)
    {
        points = Values[Offset + index];
        return (DepartmentMask & (1UL << index)) != 0;
    }

    /// <summary>Points per department and supplementary task.</summary>
    public IReadOnlyDictionary<string, Points> AllPoints => new CodeMap<Points>(Keys, Values, Offset, AllMask);

    public Percent Percent { get; }

    /// <summary>Checks the month's scores against the policy and members; one sheet per member, ordered by id.</summary>
    public static IReadOnlyList<ScoreSheet> Build(MonthInput input, List<Diagnostic> diagnostics)
    {
        var policy = input.Policy;
        var members = new Dictionary<string, Member>(input.Members.Count, StringComparer.Ordinal);
        foreach (var m in input.Members)
        {
            if (!members.TryAdd(m.Id, m))
            {
                diagnostics.Add(Diagnostic.Error("MEMBER_DUPLICATE", $"Member '{m.Id}' is listed twice."));
            }
            else if (policy.RankIndex(m.Rank) < 0)
            {
                diagnostics.Add(Diagnostic.Error("MEMBER_UNKNOWN_RANK", $"Member '{m.Id}' has rank '{m.Rank}', which policy {policy.Id} does not have ({string.Join(", ", policy.Ranks.Select(r => r.Rank))})."));
            }
        }

        var choices = new Dictionary<string, MemberChoice>(StringComparer.Ordinal);
        foreach (var c in input.Choices)
        {
            if (!members.ContainsKey(c.Member))
            {
                diagnostics.Add(Diagnostic.Error("SCORE_UNKNOWN_MEMBER", $"Declared departments for '{c.Member}', who is not a member.", c.Position));
            }
            else if (!choices.TryAdd(c.Member, c))
            {
                diagnostics.Add(Diagnostic.Error("CHOICE_DUPLICATE", $"Departments for '{c.Member}' are declared twice.", c.Position));
            }
        }

        // Carried-in amounts must name a department ("" is the threshold model's whole-pool carry, R4/R5).
        foreach (var code in input.CarriedIn.Keys)
        {
            if (code.Length == 0 ? policy.Model != RewardModel.Threshold : policy.FindDepartment(code) is null)
            {
                diagnostics.Add(Diagnostic.Error("CARRY_UNKNOWN_DEPARTMENT", code.Length == 0
                    ? $"A whole-pool carry applies to threshold policies only; policy {policy.Id} carries per department."
                    : $"An amount is carried into '{code}', which is not a department of policy {policy.Id}."));
            }
        }

        // R6: an ad-hoc bonus goes to a member active in the month; anything else would be silently lost.
        foreach (var bonus in input.Bonuses)
        {
            if (!members.TryGetValue(bonus.Member, out var bm) || !bm.ActiveDuring(input.Period))
            {
                diagnostics.Add(Diagnostic.Error("BONUS_UNKNOWN_MEMBER", $"A bonus of {bonus.Amount} ({bonus.Reason}) is for '{bonus.Member}', who is not a member active in {input.Period}."));
            }
        }

        // Lookups built once per month: the hot loops below run once per score line (100,000-member months).
        var lookup = new CodeLookup(policy);

        // Group lines by member without a list per member: head[member] → line → next[line] (100,000-member months).
        var memberIndex = new Dictionary<string, int>(members.Count, StringComparer.Ordinal);
        var ordered = members.Values.ToArray();
        if (!IsSortedById(ordered))
        {
            Array.Sort(ordered.Select(m => m.Id).ToArray(), ordered, StringComparer.Ordinal);
        }
        for (var i = 0; i < ordered.Length; i++)
        {
            memberIndex[ordered[i].Id] = i;
        }

        var active = new bool[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            active[i] = ordered[i].ActiveDuring(input.Period);
        }

        var head = new int[ordered.Length];
        Array.Fill(head, -1);
        var next = new int[input.Scores.Count];
        var codes = new string[input.Scores.Count];
        for (var li = input.Scores.Count - 1; li >= 0; li--)
        {
            var line = input.Scores[li];
            if (!memberIndex.TryGetValue(line.Member, out var mi))
            {
                diagnostics.Add(Diagnostic.Error("SCORE_UNKNOWN_MEMBER", $"'{line.Member}' is not a member; add them to the members first.", line.Position));
                continue;
            }

            var member = ordered[mi];
            if (!active[mi])
            {
                diagnostics.Add(Diagnostic.Error("SCORE_MEMBER_INACTIVE", $"'{line.Member}' was not in the program during {input.Period} (joined {member.Joined?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "?"}, left {member.Left?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}).", line.Position));
                continue;
            }

            var code = lookup.Canonical(line.Department);
            if (code is null)
            {
                diagnostics.Add(Diagnostic.Error("SCORE_UNKNOWN_DEPARTMENT", $"'{line.Department}' is not a department or task of policy {policy.Id} ({string.Join(", ", policy.Departments.Select(d => d.Code).Concat(policy.Supplementary.Tasks.Select(t => t.Code)))}).", line.Position));
                continue;
            }

            codes[li] = code;
            next[li] = head[mi];
            head[mi] = li;
        }

        // Duplicates: one line per member and department (checked on the member's few lines, in file order).
        for (var mi = 0; mi < ordered.Length; mi++)
        {
            for (var a = head[mi]; a >= 0; a = next[a])
            {
                for (var b = next[a]; b >= 0; b = next[b])
                {
                    if (string.Equals(codes[a], codes[b], StringComparison.Ordinal))
                    {
                        var line = input.Scores[b];
                        diagnostics.Add(Diagnostic.Error("SCORE_DUPLICATE", $"'{line.Member}' already has a score for {codes[b]}; give one line per member and department.", line.Position));
                    }
                }
            }
        }

        var sheets = new List<ScoreSheet>(ordered.Length);
        var lines = new List<(ScoreLine Line, string Code)>();

        // One points array for the whole month, a slice per member: few objects for the GC to trace.
        var allValues = new Points[ordered.Length * lookup.Keys.Length];
        for (var mi = 0; mi < ordered.Length; mi++)
        {
            var member = ordered[mi];
            lines.Clear();
            for (var li = head[mi]; li >= 0; li = next[li])
            {
                lines.Add((input.Scores[li], codes[li]));
            }

            var has = lines.Count > 0;
            if (!has && !member.ActiveOn(input.Period.FirstDay) && !input.Bonuses.Any(b => string.Equals(b.Member, member.Id, StringComparison.Ordinal)))
            {
                continue;
            }

            if (!has && policy.RankIndex(member.Rank) is var ri && ri >= 0 && !policy.Ranks[ri].Member)
            {
                continue;
            }

            sheets.Add(BuildOne(policy, lookup, member, lines, choices.GetValueOrDefault(member.Id), allValues, sheets.Count * lookup.Keys.Length, diagnostics));
        }

        return sheets;
    }

    private static ScoreSheet BuildOne(Policy policy, CodeLookup lookup, Member member, List<(ScoreLine Line, string Code)> lines, MemberChoice? choice, Points[] allValues, int offset, List<Diagnostic> diagnostics)
    {
        var status = lines.Count > 0 ? MonthStatus.Accepted : MonthStatus.Missing;
        var first = lines.Count > 0 ? lines[0].Line.Position : choice?.Position;

        // Chosen departments: as declared, else the selectable departments the member has scores in (R3).
        List<string> chosen;
        if (choice is not null)
        {
            chosen = [];
            foreach (var raw in choice.Departments)
            {
                var code = raw.Trim().ToUpperInvariant();
                var d = policy.FindDepartment(code);
                if (d is null || d.Kind != DepartmentKind.Selectable)
                {
                    diagnostics.Add(Diagnostic.Error("CHOICE_UNKNOWN_DEPARTMENT", $"'{member.Id}' chose '{raw}', which is not a department members choose in policy {policy.Id}.", choice.Position));
                }
                else if (!chosen.Contains(d.Code))
                {
                    chosen.Add(d.Code);
                }
            }
        }
        else
        {
            chosen = new List<string>(3);
            foreach (var (_, code) in lines)
            {
                if (lookup.Department(code) is { Kind: DepartmentKind.Selectable } d)
                {
                    chosen.Add(d.Code);
                }
            }
        }

        if (status == MonthStatus.Accepted && (chosen.Count < policy.Choice.Min || chosen.Count > policy.Choice.Max))
        {
            diagnostics.Add(Diagnostic.Error(
                chosen.Count > policy.Choice.Max ? "CHOICE_TOO_MANY" : "CHOICE_TOO_FEW",
                $"'{member.Id}' has {chosen.Count} chosen department(s) ({string.Join(", ", chosen)}); policy {policy.Id} asks for {policy.Choice.Min}–{policy.Choice.Max}.",
                first));
        }

        // V.3: the member's own weights share the department points (R3).
        Dictionary<string, Points>? weighted = null;
        Points MaxOf(string code) => weighted is not null && weighted.TryGetValue(code, out var w) ? w : lookup.Department(code)!.Max;

        if (policy.Choice.MemberWeights && status == MonthStatus.Accepted)
        {
            var maxOf = weighted = new Dictionary<string, Points>(StringComparer.Ordinal);
            var weights = choice?.WeightsPercent;
            if (weights is null || weights.Count == 0)
            {
                // Without declared weights the shared points are split equally (V.3 reports mostly write "50% & 50%").
                foreach (var code in chosen)
                {
                    maxOf[code] = Points.FromHundredths(policy.Choice.SharedPoints.Hundredths / Math.Max(chosen.Count, 1));
                }
            }
            else
            {
                if (weights.Values.Sum() != 100m)
                {
                    diagnostics.Add(Diagnostic.Error("CHOICE_WEIGHTS_NOT_100", $"'{member.Id}' weights their departments {string.Join(" & ", weights.Select(w => $"{w.Key} {w.Value}%"))}, which does not sum to 100 %.", choice?.Position));
                }

                foreach (var code in chosen)
                {
                    var w = weights.TryGetValue(code, out var v) ? v : 0m;
                    maxOf[code] = Points.FromHundredths((long)decimal.Floor(policy.Choice.SharedPoints.Hundredths * w / 100m));
                }
            }
        }

        var values = allValues.AsSpan(offset, lookup.Keys.Length);
        ulong deptMask = 0;
        ulong allMask = 0;
        List<(string Code, Points Points, ScoreLine Line)>? supplementary = null;
        foreach (var (line, code) in lines)
        {
            var dept = lookup.Department(code);
            var isChosen = chosen.Contains(code);

            // R3: a supplementary task counts only when it is not one of the member's chosen departments.
            var task = isChosen ? null : lookup.Task(code);
            var bit = 1UL << lookup.IndexOf(code);
            if (dept is not null && (dept.Kind != DepartmentKind.Selectable || isChosen))
            {
                if (CheckLine(policy, member, line, dept.EffortMax, dept.ResultMax, MaxOf(dept.Code), diagnostics))
                {
                    values[lookup.IndexOf(code)] = line.Total;
                    deptMask |= bit;
                    allMask |= bit;
                }
            }
            else if (task is not null)
            {
                if (CheckLine(policy, member, line, Points.Zero, Points.Zero, task.Max, diagnostics))
                {
                    (supplementary ??= []).Add((task.Code, line.Total, line));
                    values[lookup.IndexOf(code)] = line.Total;
                    allMask |= bit;
                }
            }
            else
            {
                diagnostics.Add(Diagnostic.Error("SCORE_NOT_CHOSEN", $"'{member.Id}' has a score for {code}, which they did not choose this month (chosen: {string.Join(", ", chosen)}).", line.Position));
            }
        }

        supplementary ??= [];

        if (supplementary.Count > policy.Supplementary.MaxTasks)
        {
            diagnostics.Add(Diagnostic.Error("SUPPLEMENTARY_TOO_MANY", $"'{member.Id}' has {supplementary.Count} supplementary tasks ({string.Join(", ", supplementary.Select(s => s.Code))}); policy {policy.Id} counts at most {policy.Supplementary.MaxTasks}.", supplementary[0].Line.Position));
        }

        var suppTotal = supplementary.Aggregate(Points.Zero, (a, s) => a + s.Points);
        if (policy.Supplementary.MaxPoints is { } cap && suppTotal > cap)
        {
            diagnostics.Add(Diagnostic.Warning("SUPPLEMENTARY_CAPPED", $"'{member.Id}' has {suppTotal} supplementary points; {cap} count (policy {policy.Id}).", supplementary[0].Line.Position));
            suppTotal = cap;
        }

        Percent percent;
        if (policy.Scoring.Basis == PercentBasis.ChosenDepartments)
        {
            // R8: points in the chosen departments / (40 × number chosen).
            var earned = Points.Zero;
            var possible = Points.Zero;
            foreach (var c in chosen)
            {
                if ((deptMask & (1UL << lookup.IndexOf(c))) != 0)
                {
                    earned += values[lookup.IndexOf(c)];
                }

                possible += MaxOf(c);
            }

            percent = Percent.Of(earned, possible);
        }
        else
        {
            var earned = suppTotal;
            for (var i = 0; i < lookup.DepartmentCount; i++)
            {
                if ((deptMask & (1UL << i)) != 0)
                {
                    earned += values[i];
                }
            }

            percent = Percent.Of(earned, policy.Scoring.Total);
        }

        return new ScoreSheet(member, status, chosen, lookup.Keys, allValues, offset, deptMask, allMask, percent);
    }

    private static bool CheckLine(Policy policy, Member member, ScoreLine line, Points effortMax, Points resultMax, Points max, List<Diagnostic> diagnostics)
    {
        var ok = CheckPart(policy, member, line, "effort", line.Effort, effortMax, diagnostics)
            & CheckPart(policy, member, line, "result", line.Result, resultMax, diagnostics)
            & CheckPart(policy, member, line, "points", line.Points, Points.Zero, diagnostics);
        if (ok && line.Total > max)
        {
            diagnostics.Add(Diagnostic.Error("SCORE_ABOVE_MAX", $"'{member.Id}' {line.Department} has {line.Total} points; the most is {max}.", line.Position));
            return false;
        }

        return ok;
    }

    private static bool CheckPart(Policy policy, Member member, ScoreLine line, string name, Points? value, Points limit, List<Diagnostic> diagnostics)
    {
        if (value is not { } v)
        {
            return true;
        }

        string? code = null;
        string? message = null;
        if (v < Points.Zero)
        {
            (code, message) = ("SCORE_NEGATIVE", $"'{member.Id}' {line.Department} {name} is {v}; scores are never negative.");
        }
        else if (limit > Points.Zero && v > limit)
        {
            (code, message) = ("SCORE_ABOVE_MAX", $"'{member.Id}' {line.Department} {name} is {v}; the most is {limit}.");
        }
        else if (!v.IsMultipleOf(policy.Scoring.Step))
        {
            (code, message) = ("SCORE_BAD_STEP", $"'{member.Id}' {line.Department} {name} is {v}; scores go in steps of {policy.Scoring.Step}.");
        }

        if (code is null)
        {
            return true;
        }

        diagnostics.Add(Diagnostic.Error(code, message!, line.Position));
        return false;
    }

    /// <summary>Department and task lookups by canonical code, and from any spelling to the canonical code.</summary>
    private sealed class CodeLookup
    {
        private readonly Dictionary<string, string> _canonical = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Department> _departments = new(StringComparer.Ordinal);
        private readonly Dictionary<string, SupplementaryTask> _tasks = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

        public CodeLookup(Policy policy)
        {
            // A department wins over a task of the same code (V.3's CC); ScoreSheet then decides by the member's choice (R3).
            // Departments keep their policy indices; supplementary tasks follow.
            var keys = new List<string>();
            foreach (var d in policy.Departments)
            {
                _canonical[d.Code] = d.Code;
                _departments[d.Code] = d;
                _index[d.Code] = keys.Count;
                keys.Add(d.Code);
            }

            foreach (var t in policy.Supplementary.Tasks)
            {
                _canonical.TryAdd(t.Code, t.Code);
                _tasks.TryAdd(t.Code, t);
                if (_index.TryAdd(t.Code, keys.Count))
                {
                    keys.Add(t.Code);
                }
            }

            if (keys.Count > 64)
            {
                throw new ArgumentException($"Policy {policy.Id} has {keys.Count} departments and tasks; at most 64 are supported.", nameof(policy));
            }

            Keys = [.. keys];
            DepartmentCount = policy.Departments.Count;
        }

        public string[] Keys { get; }

        public int DepartmentCount { get; }

        public string? Canonical(string text) =>
            _canonical.TryGetValue(text, out var code) || _canonical.TryGetValue(text.Trim(), out code) ? code : null;

        public Department? Department(string code) => _departments.GetValueOrDefault(code);

        public SupplementaryTask? Task(string code) => _tasks.GetValueOrDefault(code);

        public int IndexOf(string code) => _index[code];
    }

    private static bool IsSortedById(Member[] members)
    {
        for (var i = 1; i < members.Length; i++)
        {
            if (string.CompareOrdinal(members[i - 1].Id, members[i].Id) > 0)
            {
                return false;
            }
        }

        return true;
    }
}
