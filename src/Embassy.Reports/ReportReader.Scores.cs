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
            for (var i = 0; i < cleaned.Length; i++)
            {
                var line = cleaned[i];
                if (line.Length < 3)
                {
                    continue;
                }

                var labelled = Label(i, out var l);
                if (labelled && IsWeightKey(l.Key))
                {
                    continue;
                }

                if (TryOverall(line, labelled, l))
                {
                    continue;
                }

                if (line.Length < 60 && line.Contains("score", StringComparison.OrdinalIgnoreCase) && !line.Contains('/', StringComparison.Ordinal))
                {
                    inScores = true;
                    continue;
                }

                if (!line.AsSpan().ContainsAnyInRange('0', '9'))
                {
                    continue;
                }

                if (!IsHeading(i, out var codes, out var rest) || codes.Count != 1)
                {
                    ReadInlineScores(line, i + 1);
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
                && rest.Contains("effort", StringComparison.OrdinalIgnoreCase))
            {
                return (score + s2, max + m2);
            }

            return (score, max);
        }

        // "Suggested scores: CM 35/40, CC 30/40" — only pairs of a known code and a fraction.
        private void ReadInlineScores(string line, int lineNumber)
        {
            if (!line.Contains('/', StringComparison.Ordinal))
            {
                return;
            }

            var matches = InlineScore().Matches(line);
            if (matches.Count < 2 && !line.Contains("score", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            foreach (Match m in matches)
            {
                var code = m.Groups["c"].Value;
                if (_vocabulary.IsCode(code) && TryPoints(m.Groups["s"].Value, out var score) && TryPoints(m.Groups["m"].Value, out var max)
                    && max > Points.Zero && max <= Points.Of(200))
                {
                    Scores.TryAdd(DepartmentVocabulary.MapToPolicy(code, policy), new SuggestedScore(score, max, lineNumber));
                }
            }
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
            var v = (eq >= 0 && eq + 1 < value.Length ? value[(eq + 1)..] : value).TrimStart('=', '-', ' ', '(', '*');
            if (Overall is null && LeadingNumber().Match(v) is { Success: true } n && TryPoints(n.Groups[1].Value, out var overall))
            {
                Overall = overall;
            }

            return true;
        }

        private static Points? BareScore(string rest)
        {
            var r = rest.TrimStart(' ', ':', '-', '–', '=', '(', ']', '\t');
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
            || key.Contains("percentage", StringComparison.Ordinal);

        private static bool TryPoints(string text, out Points points) =>
            Points.TryParse(text.Replace(',', '.'), out points);
    }
}
