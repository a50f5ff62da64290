using System.Text.RegularExpressions;
using Embassy.Domain;

namespace Embassy.Reports;

public sealed partial class ReportParser
{
    /// <summary>Reads one report; this part: the suggested scores and the overall score.</summary>
    private sealed partial class Reader
    {
        public void ReadScores()
        {
            var inScores = false;
            var inWeights = false;
            var scoreHeader = -1;
            for (var i = 0; i < cleaned.Length; i++)
            {
                var line = cleaned[i];
                if (line.Length < 3)
                {
                    // A blank line ends a block of weights.
                    inWeights &= line.Length > 0;
                    continue;
                }

                var labelled = Label(i, out var l);
                if (labelled && IsWeightKey(l.Key))
                {
                    inWeights = l.Value.Length == 0;
                    continue;
                }

                // "Department weights" / "Point split" on its own line opens a block of weight lines ("CC: 60/100"):
                // they share the points between departments and are not suggested scores.
                if (line.Length < 60 && MayBeWeightHeading(line) && !line.AsSpan().ContainsAnyInRange('0', '9') && IsWeightHeading(Text.Key(line)))
                {
                    inWeights = true;
                    continue;
                }

                if (inWeights && !Text.ContainsIgnoreCase(line, "score"))
                {
                    continue;
                }

                inWeights = false;

                if (TryOverall(line, labelled, l))
                {
                    continue;
                }

                if (line.Length < 60 && Text.ContainsIgnoreCase(line, "score") && !line.Contains('/', StringComparison.Ordinal))
                {
                    // "Suggested scores: CC 38, CM 35": codes with bare numbers, out of the policy's maxima.
                    if (labelled && l.Key.Contains("score", StringComparison.Ordinal) && l.Value.Length > 0)
                    {
                        ReadBareInlineScores(line, i + 1);
                    }

                    inScores = true;
                    scoreHeader = i;
                    continue;
                }

                if (!line.AsSpan().ContainsAnyInRange('0', '9'))
                {
                    continue;
                }

                if (!IsHeading(i, out var codes, out var rest) || codes.Count != 1)
                {
                    if (!ReadInlineScores(line, i + 1) && codes.Count == 0)
                    {
                        if (scoreHeader >= 0 && PreviousNonBlank(i) == scoreHeader && BareFraction(line) is { } alone)
                        {
                            // "Suggested score:" and, on the next line, "38/40" alone.
                            _unnamed.Add(alone with { Line = i + 1 });
                        }
                        else
                        {
                            ReadUncodedScore(line, i + 1);
                        }
                    }

                    continue;
                }

                // "CC 40/40, CM 0/40", "Content Creation: 38/40; Community Management: 35/40": a line that starts like
                // a heading but pairs several departments with scores.
                if (PairsSeveralDepartments(line) && ReadInlineScores(line, i + 1))
                {
                    continue;
                }

                var f = Fraction().Match(rest);
                Points score, max;
                if (f.Success && !rest[..f.Index].Contains('%', StringComparison.Ordinal))
                {
                    if (!TryPoints(f.Groups[1].Value, out score) || !TryPoints(f.Groups[2].Value, out max) || max <= Points.Zero || max > Points.Of(200))
                    {
                        continue;
                    }

                    (score, max) = EffortAndResult(rest, f, score, max);
                }
                else if (inScores && BareScore(rest) is { } bare && PolicyMax(codes[0]) is { } policyMax)
                {
                    // In the "Suggested scores" block a bare number ("[CM] 35") is out of the policy's maximum.
                    (score, max) = (bare, policyMax);
                }
                else
                {
                    continue;
                }

                Scores.TryAdd(codes[0], new SuggestedScore(score, max, i + 1));
            }

            ReadScoreTables();
        }

        // R3: a department is effort 0–20 plus results 0–20. "Effort 18/20, results 17/20" is 35/40, and
        // "18/20 + 17/20 = 35/40" is the total after the "=".
        private static (Points Score, Points Max) EffortAndResult(string rest, Match first, Points score, Points max)
        {
            var equals = rest.IndexOf('=', first.Index);
            if (equals > 0 && equals + 1 < rest.Length && rest[equals + 1] != '>')
            {
                var total = Fraction().Match(rest, equals + 1);
                if (total.Success && TryPoints(total.Groups[1].Value, out var s) && TryPoints(total.Groups[2].Value, out var m) && m > Points.Zero && s <= m)
                {
                    return (s, m);
                }
            }

            var second = first.NextMatch();
            if (max == Points.Of(20) && second.Success && !second.NextMatch().Success
                && TryPoints(second.Groups[1].Value, out var s2) && TryPoints(second.Groups[2].Value, out var m2) && m2 == Points.Of(20)
                && Text.ContainsIgnoreCase(rest, "effort"))
            {
                return (score + s2, max + m2);
            }

            return (score, max);
        }

        // "Suggested scores: CM 35/40, CC 30/40" — only pairs of a known code (or a department's name) and a fraction.
        private bool ReadInlineScores(string line, int lineNumber)
        {
            if (!HasFraction(line))
            {
                return false;
            }

            var matches = InlineScore().Matches(line);
            var scoreWord = Text.ContainsIgnoreCase(line, "score");
            if (matches.Count < 2 && !scoreWord)
            {
                return ReadNamedScores(line, lineNumber, scoreWord) || ReadReversedScores(line, lineNumber, scoreWord);
            }

            var found = false;
            foreach (Match m in matches)
            {
                var code = m.Groups["c"].Value;
                if (_vocabulary.IsCode(code) && TryFraction(m, out var score, out var max))
                {
                    Scores.TryAdd(DepartmentVocabulary.MapToPolicy(code, policy), new SuggestedScore(score, max, lineNumber));
                    found = true;
                }
            }

            return found || ReadNamedScores(line, lineNumber, scoreWord) || ReadReversedScores(line, lineNumber, scoreWord);
        }

        // "Suggested scores: 40/40 (CC), 35/40 (CM)": the fraction first, then the code.
        private bool ReadReversedScores(string line, int lineNumber, bool scoreWord)
        {
            var matches = ReversedScore().Matches(line);
            if (matches.Count == 0 || (matches.Count < 2 && !scoreWord))
            {
                return false;
            }

            var found = false;
            foreach (Match m in matches)
            {
                var code = m.Groups["c"].Value;
                if (_vocabulary.IsCode(code) && TryFraction(m, out var score, out var max))
                {
                    Scores.TryAdd(DepartmentVocabulary.MapToPolicy(code, policy), new SuggestedScore(score, max, lineNumber));
                    found = true;
                }
            }

            return found;
        }

        private void ReadBareInlineScores(string value, int lineNumber)
        {
            foreach (Match m in BareInlineScore().Matches(value))
            {
                var code = m.Groups["c"].Value;
                if (_vocabulary.IsCode(code) && TryPoints(m.Groups["s"].Value, out var score)
                    && PolicyMax(DepartmentVocabulary.MapToPolicy(code, policy)) is { } max && score <= max)
                {
                    Scores.TryAdd(DepartmentVocabulary.MapToPolicy(code, policy), new SuggestedScore(score, max, lineNumber));
                }
            }
        }

        // "Suggested scores: Content Creation 40/40, Community Management 35/40": names instead of codes. Each name
        // must be a department's whole name or alias; a line with one pair counts only when it says "score".
        private bool ReadNamedScores(string line, int lineNumber, bool scoreWord)
        {
            var matches = NamedScore().Matches(line);
            if (matches.Count == 0 || (matches.Count < 2 && !scoreWord))
            {
                return false;
            }

            var found = false;
            foreach (Match m in matches)
            {
                var name = ScoreWords().Replace(m.Groups["n"].Value, " ");
                if (_vocabulary.Resolve(name, policy) is { } code && name.Trim().Length > 3
                    && TryFraction(m, out var score, out var max))
                {
                    Scores.TryAdd(code, new SuggestedScore(score, max, lineNumber));
                    found = true;
                }
            }

            return found;
        }

        /// <summary>True when the line pairs two or more departments (codes or names) with scores: "CC 40/40, CM 0/40".</summary>
        private bool PairsSeveralDepartments(string line)
        {
            if (!HasFraction(line))
            {
                return false;
            }

            var codes = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match m in InlineScore().Matches(line))
            {
                if (_vocabulary.IsCode(m.Groups["c"].Value))
                {
                    codes.Add(DepartmentVocabulary.MapToPolicy(m.Groups["c"].Value, policy));
                }
            }

            if (codes.Count < 2)
            {
                foreach (Match m in NamedScore().Matches(line))
                {
                    var name = ScoreWords().Replace(m.Groups["n"].Value, " ");
                    if (name.Trim().Length > 3 && _vocabulary.Resolve(name, policy) is { } code)
                    {
                        codes.Add(code);
                    }
                }
            }

            return codes.Count > 1;
        }

        /// <summary>
        /// True when the line holds a digit, a slash and a digit ("35/40", "35 / 40"): a cheap test before the score
        /// patterns, since most lines with a slash are links.
        /// </summary>
        private static bool HasFraction(string line)
        {
            var span = line.AsSpan();
            for (var k = span.IndexOf('/'); k >= 0; k = span.Slice(k + 1).IndexOf('/') is var next and >= 0 ? k + 1 + next : -1)
            {
                var b = k - 1;
                while (b >= 0 && span[b] == ' ')
                {
                    b--;
                }

                var a = k + 1;
                while (a < span.Length && span[a] == ' ')
                {
                    a++;
                }

                if (b >= 0 && a < span.Length && char.IsAsciiDigit(span[b]) && char.IsAsciiDigit(span[a]))
                {
                    return true;
                }
            }

            return false;
        }

        // "Suggested score: 35/40", "Effort: 18/20" with no department named: kept until the sections and departments
        // are known (AssignUnnamedScores).
        private void ReadUncodedScore(string line, int lineNumber)
        {
            if (!HasFraction(line))
            {
                return;
            }

            if (!Label(lineNumber - 1, out var l))
            {
                // "Suggested Score - 37/40", "Self-evaluation 39/40": the words before the first digit are the label.
                var digit = line.AsSpan().IndexOfAnyInRange('0', '9');
                if (digit is <= 0 or > 40)
                {
                    return;
                }

                var label = line[..digit].TrimEnd(TrimSets.ScoreLabelEnd);
                l = new LabeledLine(label, Text.Key(label), line[digit..]);
                if (l.Key.Split(' ').Length > 4)
                {
                    return;
                }
            }

            if (l.Key.Contains("overall", StringComparison.Ordinal) || l.Key.Contains("total", StringComparison.Ordinal))
            {
                return;
            }

            var effort = l.Key.StartsWith("effort", StringComparison.Ordinal);
            var result = l.Key.StartsWith("result", StringComparison.Ordinal);
            if (!effort && !result && !IsScoreKey(l.Key))
            {
                return;
            }

            var f = Fraction().Match(l.Value);
            if (!f.Success || f.Index > 2 || !TryPoints(f.Groups[1].Value, out var score) || !TryPoints(f.Groups[2].Value, out var max) || max <= Points.Zero || max > Points.Of(200))
            {
                return;
            }

            var second = Fraction().Match(l.Value, f.Index + f.Length);
            if (effort || result)
            {
                // R3: effort 0–20 plus results 0–20, on one line ("Effort: 18/20, Results: 17/20") or two.
                if (effort && second.Success && Text.ContainsIgnoreCase(l.Value, "result")
                    && TryPoints(second.Groups[1].Value, out var s2) && TryPoints(second.Groups[2].Value, out var m2) && m2 > Points.Zero)
                {
                    _unnamed.Add(new SuggestedScore(score + s2, max + m2, lineNumber));
                }
                else
                {
                    _parts.Add((new SuggestedScore(score, max, lineNumber), effort));
                }

                return;
            }

            if (!second.Success)
            {
                _unnamed.Add(new SuggestedScore(score, max, lineNumber));
            }
        }

        // "Suggested score", "My score", "Self-evaluation", "Self assessment": what members call their score ("rating"
        // is left out: "Rating 4/5" is more often a review than a score).
        private static bool IsScoreKey(string key) =>
            key.Contains("score", StringComparison.Ordinal) || key.Contains("evaluation", StringComparison.Ordinal)
            || key.Contains("assessment", StringComparison.Ordinal);

        private int PreviousNonBlank(int index)
        {
            var k = index - 1;
            while (k >= 0 && cleaned[k].Length == 0)
            {
                k--;
            }

            return k;
        }

        // "38/40", "38 / 40 points": a line that is a fraction and nothing else.
        private static SuggestedScore? BareFraction(string line)
        {
            var f = Fraction().Match(line);
            if (!f.Success || f.Index > 1 || !TryPoints(f.Groups[1].Value, out var score) || !TryPoints(f.Groups[2].Value, out var max) || max <= Points.Zero || max > Points.Of(200))
            {
                return null;
            }

            var after = line[(f.Index + f.Length)..].Trim().TrimEnd('.');
            return after.Length == 0 || after.Equals("points", StringComparison.OrdinalIgnoreCase) || after.Equals("pts", StringComparison.OrdinalIgnoreCase)
                ? new SuggestedScore(score, max, 0)
                : null;
        }

        private readonly List<SuggestedScore> _unnamed = [];
        private readonly List<(SuggestedScore Part, bool Effort)> _parts = [];

        /// <summary>
        /// Unnamed scores get their department from where they are: inside a department's section ("CC:" … "Score:
        /// 38/40"), that department's; otherwise, with a single department claimed, that one's when out of its maximum.
        /// A score written with its code elsewhere wins.
        /// </summary>
        private void AssignUnnamedScores(IReadOnlyList<string> claimed)
        {
            if (_unnamed.Count == 0 && _parts.Count == 0)
            {
                return;
            }

            // Each unnamed score into the section holding its line (sections are in line order and do not overlap):
            // one binary search per score keeps a 1 MB report linear.
            var inside = new Dictionary<int, List<SuggestedScore>>();
            var outside = new List<SuggestedScore>();
            foreach (var u in _unnamed)
            {
                var k = SectionIndexAt(u.Line);
                if (k < 0)
                {
                    outside.Add(u);
                }
                else if (Sections[k].Departments.Count == 1 && (PolicyMax(Sections[k].Departments[0]) is not { } m || u.Max == m))
                {
                    // Out of another maximum than the department's ("Score: 4/5" of a quiz) it is not its score.
                    (inside.TryGetValue(k, out var list) ? list : inside[k] = []).Add(u);
                }
            }

            var efforts = new Dictionary<int, List<SuggestedScore>>();
            var results = new Dictionary<int, List<SuggestedScore>>();
            foreach (var (part, effort) in _parts)
            {
                var k = SectionIndexAt(part.Line);
                if (k >= 0 && Sections[k].Departments.Count == 1)
                {
                    var into = effort ? efforts : results;
                    (into.TryGetValue(k, out var list) ? list : into[k] = []).Add(part);
                }
            }

            for (var k = 0; k < Sections.Count; k++)
            {
                var code = Sections[k].Departments[0];
                if (inside.TryGetValue(k, out var scores))
                {
                    if (scores.Count == 1)
                    {
                        Scores.TryAdd(code, scores[0]);
                    }

                    continue;
                }

                if (efforts.TryGetValue(k, out var e) && e.Count == 1 && results.TryGetValue(k, out var r) && r.Count == 1
                    && (PolicyMax(code) is not { } max || e[0].Max + r[0].Max == max))
                {
                    Scores.TryAdd(code, new SuggestedScore(e[0].Score + r[0].Score, e[0].Max + r[0].Max, e[0].Line));
                }
            }

            if (Scores.Count == 0 && claimed.Count == 1 && outside.Count == 1
                && (PolicyMax(claimed[0]) is not { } policyMax || policyMax == outside[0].Max))
            {
                // Out of another maximum than the department's ("Score: 80/100") it is a total, not this score.
                Scores[claimed[0]] = outside[0];
            }
        }

        // A match's "s/m" fraction, when both are points and the maximum is a plausible department maximum (1-200).
        private static bool TryFraction(Match m, out Points score, out Points max)
        {
            max = Points.Zero;
            return TryPoints(m.Groups["s"].Value, out score) && TryPoints(m.Groups["m"].Value, out max) && max > Points.Zero && max <= Points.Of(200);
        }

        // The index of the section holding a line, or -1 (sections are in line order and do not overlap).
        private int SectionIndexAt(int line)
        {
            int lo = 0, hi = Sections.Count - 1, found = -1;
            while (lo <= hi)
            {
                var mid = lo + ((hi - lo) / 2);
                if (Sections[mid].StartLine <= line)
                {
                    found = mid;
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return found >= 0 && line <= Sections[found].EndLine ? found : -1;
        }

        // "Overall suggested score: 67/100", "Overall : 53", "Total = 65".
        private bool TryOverall(string line, bool labelled, LabeledLine l)
        {
            string? value = null;
            if (labelled && (l.Key.StartsWith("overall", StringComparison.Ordinal) || l.Key is "total" or "total score" or "total suggested score" or "suggested total" or "suggested overall score" or "total points"))
            {
                value = l.Value;
            }
            else if (!labelled && (line.StartsWith("overall", StringComparison.OrdinalIgnoreCase) || line.StartsWith("total score", StringComparison.OrdinalIgnoreCase)))
            {
                var digit = line.AsSpan().IndexOfAnyInRange('0', '9');
                value = digit > 0 && digit < 40 ? line[digit..] : string.Empty;
            }

            if (value is null)
            {
                return false;
            }

            // "35+30 = 65/80": the sum after the last "=".
            var eq = value.LastIndexOf('=');
            var v = (eq >= 0 && eq + 1 < value.Length ? value[(eq + 1)..] : value).TrimStart(TrimSets.ScoreValueStart);
            if (Overall is null && LeadingNumber().Match(v) is { Success: true } n && TryPoints(n.Groups[1].Value, out var overall))
            {
                Overall = overall;
            }

            return true;
        }

        private static Points? BareScore(string rest)
        {
            var r = rest.TrimStart(TrimSets.ScoreRestStart);
            var m = LeadingNumber().Match(r);
            if (!m.Success || !TryPoints(m.Groups[1].Value, out var p))
            {
                return null;
            }

            var after = r[m.Length..].TrimStart();
            return after.Length == 0 || after.StartsWith("point", StringComparison.OrdinalIgnoreCase) || after.StartsWith("pts", StringComparison.OrdinalIgnoreCase) || after[0] is ')' or '.' ? p : null;
        }

        private Points? PolicyMax(string code)
        {
            var max = policy?.FindDepartment(code)?.Max ?? policy?.FindSupplementary(code)?.Max;
            return max is { } m && m > Points.Zero ? m : null;
        }

        private static bool IsWeightKey(string key) =>
            key.Contains("weight", StringComparison.Ordinal) || key.Contains("ratio", StringComparison.Ordinal)
            || key.Contains("split", StringComparison.Ordinal) || key.Contains("share", StringComparison.Ordinal)
            || key.Contains("percentage", StringComparison.Ordinal) || key.Contains("distribution", StringComparison.Ordinal);

        private static bool MayBeWeightHeading(string line) =>
            Text.ContainsIgnoreCase(line, "weight") || Text.ContainsIgnoreCase(line, "ratio")
            || Text.ContainsIgnoreCase(line, "split") || Text.ContainsIgnoreCase(line, "distribution");

        // A short heading of weights: a few words, one of them about weights ("Department weights", "Point split");
        // "shared a thread" is not one.
        private static bool IsWeightHeading(string key)
        {
            var words = key.Split(' ');
            return words.Length <= 5 && words.Any(w => w is "weight" or "weights" or "weighting" or "weightage" or "ratio" or "ratios" or "split" or "distribution");
        }

        private static bool TryPoints(string text, out Points points) =>
            Points.TryParse(text.Replace(',', '.'), out points);
    }
}
