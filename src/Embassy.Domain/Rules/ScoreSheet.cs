using System.Buffers;

namespace Embassy.Domain.Rules;

/// <summary>
/// One member's checked scores for the month: which departments they chose, the points that count in each,
/// and their percentage (RULES.md R3, R8). Built only from valid input; every problem is a diagnostic.
/// A struct in one array per month: a 100,000-member month is one object for the GC, not 100,000.
/// </summary>
internal readonly struct ScoreSheet
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
    public CodeValues<Points> AllPoints(ArrayColumn<Points> column) => new(Keys, column, Offset, AllMask);

    public Percent Percent { get; }

    /// <summary>
    /// Checks the month's scores against the policy and members; one sheet per member, ordered by id, in the first
    /// <paramref name="count"/> elements of an array rented from <see cref="ArrayPool{T}.Shared"/> that the caller
    /// returns (cleared: sheets hold references) when the month is computed.
    /// </summary>
    public static ScoreSheet[] Build(MonthInput input, List<Diagnostic> diagnostics, out int count)
    {
        var policy = input.Policy;

        // Members ordered by id (results are), each id once; the index is the member's row in the month's arrays.
        var ordered = input.Members.ToArray();
        if (!IsSortedById(ordered))
        {
            Array.Sort(ordered.Select(m => m.Id).ToArray(), ordered, StringComparer.Ordinal);
        }

        // Sorted by id, a repeated id is next to its first: duplicates are found without a set of ids, and the first in
        // this order is kept. The id → row lookup is built only when something asks for it (choices, bonuses, score
        // lines out of member order).
        List<Member>? unique = null;
        for (var i = 0; i < ordered.Length; i++)
        {
            var m = ordered[i];
            if (i > 0 && string.Equals(m.Id, ordered[i - 1].Id, StringComparison.Ordinal))
            {
                diagnostics.Add(Diagnostic.Error("MEMBER_DUPLICATE", $"Member '{m.Id}' is listed twice."));
                unique ??= [.. ordered.AsSpan(0, i)];
                continue;
            }

            unique?.Add(m);
            if (policy.RankIndex(m.Rank) < 0)
            {
                diagnostics.Add(Diagnostic.Error("MEMBER_UNKNOWN_RANK", $"Member '{m.Id}' has rank '{m.Rank}', which policy {policy.Id} does not have ({string.Join(", ", policy.Ranks.Select(r => r.Rank))})."));
            }
        }

        var members = unique is null ? ordered : unique.ToArray();
        var memberIndex = new MemberRows(members);
        var choices = new Dictionary<string, MemberChoice>(StringComparer.Ordinal);
        foreach (var c in input.Choices)
        {
            if (!memberIndex.ContainsKey(c.Member))
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
        var bonusFor = new HashSet<string>(StringComparer.Ordinal);
        foreach (var bonus in input.Bonuses)
        {
            if (!memberIndex.TryGetValue(bonus.Member, out var bi) || !members[bi].ActiveDuring(input.Period))
            {
                diagnostics.Add(Diagnostic.Error("BONUS_UNKNOWN_MEMBER", $"A bonus of {bonus.Amount} ({bonus.Reason}) is for '{bonus.Member}', who is not a member active in {input.Period}."));
            }

            bonusFor.Add(bonus.Member);
        }

        // Lookups are built once per month: the loops below run once per score line (100,000-member months).
        // Group lines by member without a list per member: head[member] → line → next[line]. Codes are kept as
        // indices into the month's code list, so the per-line work below compares integers, not strings.
        // The three link arrays are scratch space, rented and returned: only the sheets outlive this method.
        var head = ArrayPool<int>.Shared.Rent(members.Length);
        var next = ArrayPool<int>.Shared.Rent(input.Scores.Count);
        var codes = ArrayPool<int>.Shared.Rent(input.Scores.Count);
        try
        {
            return Link(input, policy, members, memberIndex, choices, bonusFor, head, next, codes, diagnostics, out count);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(head);
            ArrayPool<int>.Shared.Return(next);
            ArrayPool<int>.Shared.Return(codes);
        }
    }

    private static ScoreSheet[] Link(
        MonthInput input,
        Policy policy,
        Member[] members,
        MemberRows memberIndex,
        Dictionary<string, MemberChoice> choices,
        HashSet<string> bonusFor,
        int[] head,
        int[] next,
        int[] codes,
        List<Diagnostic> diagnostics,
        out int count)
    {
        var lookup = new CodeLookup(policy);
        var (periodFirst, periodLast) = (input.Period.FirstDay, input.Period.LastDay);
        head.AsSpan(0, members.Length).Fill(-1);
        string? lastMember = null;
        var lastIndex = -1;
        for (var li = input.Scores.Count - 1; li >= 0; li--)
        {
            var line = input.Scores[li];

            // Lines usually come grouped by member: compare with the previous line's member before hashing.
            // Then with the member before it (lines in member order, read backwards), and only then by hash.
            var mi = string.Equals(line.Member, lastMember, StringComparison.Ordinal) ? lastIndex
                : lastIndex > 0 && string.Equals(line.Member, members[lastIndex - 1].Id, StringComparison.Ordinal) ? lastIndex - 1
                : memberIndex.TryGetValue(line.Member, out var found) ? found : -1;
            (lastMember, lastIndex) = (line.Member, mi);
            if (mi < 0)
            {
                diagnostics.Add(Diagnostic.Error("SCORE_UNKNOWN_MEMBER", $"'{line.Member}' is not a member; add them to the members first.", line.Position));
                continue;
            }

            var member = members[mi];
            if (!((member.Joined is null || member.Joined <= periodLast) && (member.Left is null || member.Left > periodFirst)))
            {
                diagnostics.Add(Diagnostic.Error("SCORE_MEMBER_INACTIVE", $"'{line.Member}' was not in the program during {input.Period} (joined {member.Joined?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "?"}, left {member.Left?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}).", line.Position));
                continue;
            }

            var code = lookup.IndexOfSpelling(line.Department);
            if (code < 0)
            {
                diagnostics.Add(Diagnostic.Error("SCORE_UNKNOWN_DEPARTMENT", $"'{line.Department}' is not a department or task of policy {policy.Id} ({string.Join(", ", policy.Departments.Select(d => d.Code).Concat(policy.Supplementary.Tasks.Select(t => t.Code)))}).", line.Position));
                continue;
            }

            codes[li] = code;
            next[li] = head[mi];
            head[mi] = li;
        }

        // Duplicates: one line per member and department. Each member's lines are walked once in file order, remembering
        // the first line of each department, so every repeated line is reported once, naming the line it repeats: linear in
        // the lines, never a report per pair (20,000 copies of one row are 19,999 errors, not 200 million).
        var firstOf = new int[lookup.Keys.Length];
        for (var mi = 0; mi < members.Length; mi++)
        {
            for (var a = head[mi]; a >= 0; a = next[a])
            {
                firstOf[codes[a]] = -1;
            }

            for (var a = head[mi]; a >= 0; a = next[a])
            {
                var first = firstOf[codes[a]];
                if (first < 0)
                {
                    firstOf[codes[a]] = a;
                    continue;
                }

                var line = input.Scores[a];
                var where = input.Scores[first].Position is { Line: > 0 } p ? " on line " + p.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
                diagnostics.Add(Diagnostic.Error("SCORE_DUPLICATE", $"'{line.Member}' already has a score for {lookup.Keys[codes[a]]}{where}; give one line per member and department.", line.Position));
            }
        }

        var sheets = ArrayPool<ScoreSheet>.Shared.Rent(members.Length);
        count = 0;
        var month = new MonthLines(input.Scores, head, next, codes);

        // One points array for the whole month, a slice per member: few objects for the GC to trace.
        var allValues = new Points[members.Length * lookup.Keys.Length];
        for (var mi = 0; mi < members.Length; mi++)
        {
            var member = members[mi];
            var has = head[mi] >= 0;
            if (!has && !member.ActiveOn(periodFirst) && !bonusFor.Contains(member.Id))
            {
                continue;
            }

            if (!has && policy.RankIndex(member.Rank) is var ri && ri >= 0 && !policy.Ranks[ri].Member)
            {
                continue;
            }

            sheets[count] = BuildOne(policy, lookup, member, month, mi, choices.GetValueOrDefault(member.Id), allValues, count * lookup.Keys.Length, diagnostics);
            count++;
        }

        return sheets;
    }

    private static ScoreSheet BuildOne(Policy policy, CodeLookup lookup, Member member, MonthLines month, int mi, MemberChoice? choice, Points[] allValues, int offset, List<Diagnostic> diagnostics)
    {
        var first = month.Head[mi];
        var status = first >= 0 ? MonthStatus.Accepted : MonthStatus.Missing;
        var firstPosition = first >= 0 ? month.Scores[first].Position : choice?.Position;

        // Chosen departments: as declared, else the selectable departments the member has scores in (R3).
        // Kept as a mask (which) and a packed sequence (in what order) of code indices; members with the same
        // choice share one list.
        ulong chosenMask = 0;
        var chosenCount = 0;
        ulong sequence = 0;
        void Choose(int index)
        {
            if ((chosenMask & (1UL << index)) == 0)
            {
                chosenMask |= 1UL << index;
                sequence = (sequence << 7) | (uint)(index + 1);
                chosenCount++;
            }
        }

        if (choice is not null)
        {
            foreach (var raw in choice.Departments)
            {
                var d = policy.FindDepartment(raw.Trim().ToUpperInvariant());
                if (d is null || d.Kind != DepartmentKind.Selectable)
                {
                    diagnostics.Add(Diagnostic.Error("CHOICE_UNKNOWN_DEPARTMENT", $"'{member.Id}' chose '{raw}', which is not a department members choose in policy {policy.Id}.", choice.Position));
                }
                else
                {
                    Choose(lookup.IndexOf(d.Code));
                }
            }
        }
        else
        {
            for (var li = first; li >= 0; li = month.Next[li])
            {
                if (lookup.DepartmentAt(month.Codes[li]) is { Kind: DepartmentKind.Selectable })
                {
                    Choose(month.Codes[li]);
                }
            }
        }

        var chosen = lookup.ChosenList(chosenMask, sequence, chosenCount);
        if (status == MonthStatus.Accepted && (chosen.Count < policy.Choice.Min || chosen.Count > policy.Choice.Max))
        {
            diagnostics.Add(Diagnostic.Error(
                chosen.Count > policy.Choice.Max ? "CHOICE_TOO_MANY" : "CHOICE_TOO_FEW",
                $"'{member.Id}' has {chosen.Count} chosen department(s) ({string.Join(", ", chosen)}); policy {policy.Id} asks for {policy.Choice.Min}–{policy.Choice.Max}.",
                firstPosition));
        }

        // V.3: the member's own weights share the department points (R3).
        Dictionary<string, Points>? weighted = null;
        Points MaxOf(int index) => weighted is not null && weighted.TryGetValue(lookup.Keys[index], out var w) ? w : lookup.DepartmentAt(index)!.Max;

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
        for (var li = first; li >= 0; li = month.Next[li])
        {
            var line = month.Scores[li];
            var index = month.Codes[li];
            var dept = lookup.DepartmentAt(index);
            var bit = 1UL << index;
            var isChosen = (chosenMask & bit) != 0;

            // R3: a supplementary task counts only when it is not one of the member's chosen departments.
            var task = isChosen ? null : lookup.TaskAt(index);
            if (dept is not null && (dept.Kind != DepartmentKind.Selectable || isChosen))
            {
                if (CheckLine(policy, member, line, dept.EffortMax, dept.ResultMax, MaxOf(index), diagnostics))
                {
                    values[index] = line.Total;
                    deptMask |= bit;
                    allMask |= bit;
                }
            }
            else if (task is not null)
            {
                if (CheckLine(policy, member, line, Points.Zero, Points.Zero, task.Max, diagnostics))
                {
                    (supplementary ??= []).Add((task.Code, line.Total, line));
                    values[index] = line.Total;
                    allMask |= bit;
                }
            }
            else
            {
                diagnostics.Add(Diagnostic.Error("SCORE_NOT_CHOSEN", $"'{member.Id}' has a score for {lookup.Keys[index]}, which they did not choose this month (chosen: {string.Join(", ", chosen)}).", line.Position));
            }
        }

        // Most members have no supplementary task: no list is made for them.
        if (supplementary is not null && supplementary.Count > policy.Supplementary.MaxTasks)
        {
            diagnostics.Add(Diagnostic.Error("SUPPLEMENTARY_TOO_MANY", $"'{member.Id}' has {supplementary.Count} supplementary tasks ({string.Join(", ", supplementary.Select(s => s.Code))}); policy {policy.Id} counts at most {policy.Supplementary.MaxTasks}.", supplementary[0].Line.Position));
        }

        var suppTotal = Points.Zero;
        foreach (var s in supplementary ?? (IEnumerable<(string Code, Points Points, ScoreLine Line)>)[])
        {
            suppTotal += s.Points;
        }

        if (policy.Supplementary.MaxPoints is { } cap && suppTotal > cap)
        {
            diagnostics.Add(Diagnostic.Warning("SUPPLEMENTARY_CAPPED", $"'{member.Id}' has {suppTotal} supplementary points; {cap} count (policy {policy.Id}).", supplementary![0].Line.Position));
            suppTotal = cap;
        }

        Percent percent;
        if (policy.Scoring.Basis == PercentBasis.ChosenDepartments)
        {
            // R8: points in the chosen departments / (40 × number chosen).
            var earned = Points.Zero;
            var possible = Points.Zero;
            for (var rest = chosenMask; rest != 0; rest &= rest - 1)
            {
                var c = System.Numerics.BitOperations.TrailingZeroCount(rest);
                if ((deptMask & (1UL << c)) != 0)
                {
                    earned += values[c];
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

    /// <summary>Member id → row in the month's members (ids distinct), as a dictionary made at the first question.</summary>
    private sealed class MemberRows(Member[] members)
    {
        private Dictionary<string, int>? _rows;

        public bool ContainsKey(string id) => TryGetValue(id, out _);

        public bool TryGetValue(string id, out int row)
        {
            if (_rows is null)
            {
                _rows = new Dictionary<string, int>(members.Length, StringComparer.Ordinal);
                for (var i = 0; i < members.Length; i++)
                {
                    _rows[members[i].Id] = i;
                }
            }

            return _rows.TryGetValue(id, out row);
        }
    }

    /// <summary>The month's score lines linked per member (see <see cref="Build"/>).</summary>
    private sealed record MonthLines(IReadOnlyList<ScoreLine> Scores, int[] Head, int[] Next, int[] Codes);

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

    /// <summary>Department and task lookups by code index, and from any spelling to the code index.</summary>
    private sealed class CodeLookup
    {
        private readonly Dictionary<string, int> _spelling = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly Department?[] _departments;
        private readonly SupplementaryTask?[] _tasks;
        private readonly Dictionary<ulong, IReadOnlyList<string>> _chosen = [];
        private readonly (string? Text, int Index)[] _recent = new (string?, int)[8];
        private int _nextRecent;

        public CodeLookup(Policy policy)
        {
            // A department wins over a task of the same code (V.3's CC); ScoreSheet then decides by the member's choice (R3).
            // Departments keep their policy indices; supplementary tasks follow.
            var keys = new List<string>();
            var departments = new List<Department?>();
            var tasks = new List<SupplementaryTask?>();
            foreach (var d in policy.Departments)
            {
                _index[d.Code] = keys.Count;
                keys.Add(d.Code);
                departments.Add(d);
                tasks.Add(null);
            }

            foreach (var t in policy.Supplementary.Tasks)
            {
                if (_index.TryGetValue(t.Code, out var existing))
                {
                    tasks[existing] ??= t;
                    continue;
                }

                _index[t.Code] = keys.Count;
                keys.Add(t.Code);
                departments.Add(null);
                tasks.Add(t);
            }

            if (keys.Count > 64)
            {
                throw new ArgumentException($"Policy {policy.Id} has {keys.Count} departments and tasks; at most 64 are supported.", nameof(policy));
            }

            foreach (var (code, i) in _index)
            {
                _spelling[code] = i;
            }

            Keys = [.. keys];
            _departments = [.. departments];
            _tasks = [.. tasks];
            DepartmentCount = policy.Departments.Count;
        }

        public string[] Keys { get; }

        public int DepartmentCount { get; }

        /// <summary>The code index of a spelling (any case, surrounding spaces), or −1.</summary>
        public int IndexOfSpelling(string text)
        {
            // Score files repeat a handful of spellings: the few seen last answer most lines without hashing
            // (an equal reference, or equal text, is an ordinal comparison of a few characters).
            for (var k = 0; k < _recent.Length; k++)
            {
                if (string.Equals(text, _recent[k].Text, StringComparison.Ordinal))
                {
                    return _recent[k].Index;
                }
            }

            var index = _spelling.TryGetValue(text, out var i) || _spelling.TryGetValue(text.Trim(), out i) ? i : -1;
            _recent[_nextRecent] = (text, index);
            _nextRecent = (_nextRecent + 1) % _recent.Length;
            return index;
        }

        public Department? DepartmentAt(int index) => _departments[index];

        public SupplementaryTask? TaskAt(int index) => _tasks[index];

        public int IndexOf(string code) => _index[code];

        /// <summary>
        /// The chosen codes in order (<paramref name="sequence"/>: 7 bits per code index + 1, first chosen highest),
        /// one shared list per distinct choice; sequences longer than fit in 64 bits get a list of their own.
        /// </summary>
        public IReadOnlyList<string> ChosenList(ulong mask, ulong sequence, int count)
        {
            if (count > 9)
            {
                return Decode(mask, sequence, count, own: true);
            }

            if (!_chosen.TryGetValue(sequence, out var list))
            {
                list = Decode(mask, sequence, count, own: false);
                _chosen[sequence] = list;
            }

            return list;
        }

        private string[] Decode(ulong mask, ulong sequence, int count, bool own)
        {
            if (own)
            {
                // Too long to pack: listed in the policy's order instead of the declared one (only a policy that lets
                // members choose ten or more departments gets here; the order is for display, nothing is computed from it).
                var codes = new List<string>(count);
                for (var rest = mask; rest != 0; rest &= rest - 1)
                {
                    codes.Add(Keys[System.Numerics.BitOperations.TrailingZeroCount(rest)]);
                }

                return [.. codes];
            }

            var result = new string[count];
            for (var k = count - 1; k >= 0; k--)
            {
                result[k] = Keys[(int)(sequence & 0x7F) - 1];
                sequence >>= 7;
            }

            return result;
        }
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
