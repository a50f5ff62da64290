using System.Text.RegularExpressions;
using Embassy.Domain;
using Embassy.Domain.Rules;

namespace Embassy.Reports;

public sealed partial class ReportParser
{
    /// <summary>Reads one report; this part: the declared departments and the department sections.</summary>
    private sealed partial class Reader
    {
        public void ReadDepartments()
        {
            var declared = FindDeclaration(out var declarationLine, out var placeholder);
            var sectionCodes = ReadSections();
            List<string> chosen;
            if (declared is { Count: > 0 } && !placeholder)
            {
                // The declaration names the departments; a supplementary task (V.1, V.3) is claimed by scoring it.
                chosen = [.. declared];
                foreach (var code in Scores.Keys)
                {
                    if (policy?.FindSupplementary(code) is not null && policy.FindDepartment(code) is null && !chosen.Contains(code))
                    {
                        chosen.Add(code);
                    }
                }
            }
            else
            {
                FromSections = sectionCodes.Count > 0;
                chosen = [.. sectionCodes];

                // With no declaration, a department scored in the "Suggested scores" block is claimed too.
                chosen.AddRange(Scores.Keys.Where(c => c is not "BASIC" and not "OTHERS" && !chosen.Contains(c)));

                // V.1 template: the CM block is the channel-moderation questions and Combot link, often without a
                // "CM" heading; it counts when the report otherwise follows that template (a Mandatory banner or codes).
                if (!chosen.Contains("CM")
                    && (chosen.Count > 0 || cleaned.Any(c => Text.ContainsIgnoreCase(c, "mandatory")))
                    && lines.Any(c => Text.ContainsIgnoreCase(c, "channel moderation")))
                {
                    var cm = DepartmentVocabulary.MapToPolicy("CM", policy);
                    chosen.Insert(0, cm);
                    FromSections = true;
                    AddImpliedSection(cm);
                }

                if (placeholder)
                {
                    diagnostics.Add(Diagnostic.Warning(ReportCodes.TemplatePlaceholder, "The Departments line still holds the template's placeholders (\"[1]/[2]/[3]\"); the departments were taken from the section headings. Write your departments there, e.g. \"CM/CC\".", new SourcePosition(declarationLine)));
                }
            }

            var hasChoice = policy?.Departments.Any(d => d.Kind == DepartmentKind.Selectable) == true;
            foreach (var code in chosen.Distinct(StringComparer.Ordinal))
            {
                if (policy is null)
                {
                    Departments.Add(code);
                    continue;
                }

                var dept = policy.FindDepartment(code);
                if (dept is { Kind: DepartmentKind.Selectable })
                {
                    Departments.Add(dept.Code);
                }
                else if (dept is { Kind: DepartmentKind.Others } || (dept is { Kind: DepartmentKind.Basic } && hasChoice))
                {
                    // R3: Basic and Others are open to every member, never chosen ("CC/ Other" chooses CC).
                    continue;
                }
                else if (dept is not null)
                {
                    // V.1: the mandatory basic tasks a member reports on.
                    Supplementary.Add(dept.Code);
                }
                else if (policy.FindSupplementary(code) is { } task)
                {
                    Supplementary.Add(task.Code);
                }
                else
                {
                    Departments.Add(code);
                }
            }

            // "CC:" … "Score: 38/40", or "Department: CC" and "Suggested score: 35/40": scores that name no department.
            AssignUnnamedScores([.. Departments, .. Supplementary]);
        }

        // The implied CM block runs from the first line after the personal details that opens it (the Mandatory
        // banner or the moderation question) to the next section, so its Combot links and screenshots count for CM.
        private void AddImpliedSection(string code)
        {
            var start = -1;
            for (var i = 0; i < cleaned.Length && start < 0; i++)
            {
                if (Text.ContainsIgnoreCase(cleaned[i], "mandatory") || Text.ContainsIgnoreCase(lines[i], "channel moderation"))
                {
                    start = i;
                }
            }

            if (start < 0)
            {
                return;
            }

            var k = Sections.FindIndex(s => s.StartLine > start + 1);
            if (k < 0)
            {
                k = Sections.Count;
            }

            if (k > 0 && Sections[k - 1].EndLine >= start + 1)
            {
                // Inside another section: leave that section as it is.
                return;
            }

            var end = k < Sections.Count ? Sections[k].StartLine - 2 : lines.Length - 1;
            Sections.Insert(k, new ReportSection([code], lines[start].Trim(), start + 1, end + 1, string.Join('\n', lines, start, end - start + 1)));
        }

        private List<string>? FindDeclaration(out int line, out bool placeholder)
        {
            line = 0;
            placeholder = false;
            List<string>? found = null;
            List<string>? supplementary = null;
            var last = -1;
            for (var i = 0; i < cleaned.Length; i++)
            {
                if (cleaned[i].Length == 0 || !TryDeclarationLine(i, out var l) || l.Value.Length == 0)
                {
                    continue;
                }

                var k = l.Key;
                var isSupplementary = k.Contains("supplementary", StringComparison.Ordinal);
                var isDeclarationLabel = k.Contains("department", StringComparison.Ordinal) || k.Contains("mandatory", StringComparison.Ordinal)
                    || k.StartsWith("contribution", StringComparison.Ordinal) || k.Contains("departamento", StringComparison.Ordinal)
                    || k is "tasks" or "chosen" or "selected";
                if ((!isDeclarationLabel && !isSupplementary) || !TryParseCodeList(l.Value, out var codes, out var isPlaceholder))
                {
                    continue;
                }

                // "Supplementary tasks: PM, HD" (V.3) adds to the departments declared.
                if (isSupplementary)
                {
                    supplementary ??= codes;
                    continue;
                }

                if (found is null)
                {
                    line = i + 1;
                    placeholder = isPlaceholder && codes.Count == 0;
                    found = codes;
                    last = i;
                }
                else if (i - last <= 2 && codes.Count > 0 && !placeholder)
                {
                    // "Department 1: Content Creation" / "Department 2: Community Management": one declaration over
                    // consecutive lines (a blank line between them at most).
                    found.AddRange(codes.Where(c => !found.Contains(c)));
                    last = i;
                }
            }

            if (found is { Count: > 0 } && supplementary is not null)
            {
                found.AddRange(supplementary.Where(c => !found.Contains(c)));
            }

            return found;
        }

        // "Departments: CM/CC", and also "Departments - CM/CC" or "Departments CM/CC" without a colon.
        private bool TryDeclarationLine(int index, out LabeledLine labeled)
        {
            if (Label(index, out labeled))
            {
                return true;
            }

            var line = cleaned[index];
            foreach (var word in (ReadOnlySpan<string>)["Departments", "Department"])
            {
                if (line.StartsWith(word, StringComparison.OrdinalIgnoreCase) && line.Length > word.Length + 2 && !char.IsLetter(line[word.Length]))
                {
                    var value = line[word.Length..].TrimStart(TrimSets.DashesAndSpaces);
                    labeled = new LabeledLine(word, word.ToLowerInvariant(), value.Trim());
                    return true;
                }
            }

            return false;
        }

        /// <summary>"CM/CC", "#CC &amp; #CM", "Marketing and Content", "CC50% &amp; CM50%", "[1]/[2]/[3]" (a placeholder).</summary>
        private bool TryParseCodeList(string value, out List<string> codes, out bool placeholder)
        {
            codes = [];
            placeholder = false;
            var v = Bracketed().Replace(value, " ");
            var parts = CodeSeparator().Split(v);
            foreach (var raw in parts)
            {
                var part = raw.Trim().Trim(TrimSets.CodeDecoration);
                var letters = new string(part.Where(c => !char.IsAsciiDigit(c) && c != '%').ToArray()).Trim().Trim(TrimSets.CodeBrackets);
                if (letters.Length == 0)
                {
                    if (part.Any(char.IsAsciiDigit) && !part.Contains('%', StringComparison.Ordinal))
                    {
                        placeholder = true;
                    }

                    continue;
                }

                if (_vocabulary.ResolveWithSlips(letters, policy) is { } code)
                {
                    codes.Add(code);
                    continue;
                }

                // "#BD #CC #CM", "1. CM 2. CC": codes separated by spaces or numbering only.
                var words = NonLetters().Split(letters).Where(w => w.Length > 0).ToArray();
                if (words.Length > 1 && words.All(w => _vocabulary.IsCode(w)))
                {
                    codes.AddRange(words.Select(w => DepartmentVocabulary.MapToPolicy(w, policy)));
                    continue;
                }

                return false;
            }

            return codes.Count > 0 || placeholder;
        }

        private List<string> ReadSections()
        {
            var codes = new List<string>();
            var starts = new List<(int Line, List<string> Codes, string Heading)>();
            var inScores = false;
            for (var i = 0; i < cleaned.Length; i++)
            {
                var key = cleaned[i].Length is > 0 and < 60 && Text.ContainsIgnoreCase(cleaned[i], "score") ? Text.Key(cleaned[i]) : string.Empty;
                if (key.Contains("suggested score", StringComparison.Ordinal) || key is "scores" or "score")
                {
                    inScores = true;
                    continue;
                }

                // In the "Suggested scores" block, "[CC] 40/40" is a score, not the start of a section; nor is a line
                // pairing several codes with scores ("CC 40/40, CM 0/40") anywhere.
                if (IsHeading(i, out var headCodes, out var rest) && !Negation().IsMatch(rest)
                    && !(inScores && Fraction().IsMatch(rest))
                    && !PairsSeveralDepartments(cleaned[i]))
                {
                    starts.Add((i, headCodes, lines[i].Trim()));
                    foreach (var c in headCodes)
                    {
                        if (!codes.Contains(c) && c is not "BASIC" and not "OTHERS")
                        {
                            codes.Add(c);
                        }
                    }
                }
            }

            for (var s = 0; s < starts.Count; s++)
            {
                var start = starts[s].Line;
                var end = s + 1 < starts.Count ? starts[s + 1].Line - 1 : lines.Length - 1;
                var text = string.Join('\n', lines, start, end - start + 1);
                Sections.Add(new ReportSection(starts[s].Codes, starts[s].Heading, start + 1, end + 1, text));
            }

            return codes;
        }

        /// <summary>
        /// A line that opens a department section: "CM", "1. CM(Community Management)", "MK &amp; CC - …",
        /// "CONTENT (CC): 40/40", "[CC] 40/40", "Community:", "### Content Creation".
        /// </summary>
        // Sections and scores both ask whether a line is a heading: read each line once.
        private (bool Ok, List<string> Codes, string Remainder)[]? _headings;

        private bool IsHeading(int index, out List<string> codes, out string rest)
        {
            _headings ??= new (bool, List<string>, string)[cleaned.Length];
            if (_headings[index].Codes is null)
            {
                var ok = TryHeading(cleaned[index], out var c, out var r);
                _headings[index] = (ok, c, r);
            }

            (var found, codes, rest) = _headings[index];
            return found;
        }

        // "Department of …", "… Department", "My … work", "… Contributions": the words around a name in a section
        // heading ("Department Content Creation" without "of" is a declaration, not a heading).
        [GeneratedRegex(@"^\s*(?:(?:my|the)\s+(?:(?:department|dept\.?)\s+of\s+)?|(?:department|dept\.?)\s+of\s+)|\s+(?:department|dept\.?|contributions?|work|tasks?|activities|activity|section)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
        private static partial Regex DepartmentWord();

        // Cheap test before DepartmentWord: the heading must hold one of its words at all.
        private static bool MayHaveDepartmentWord(string text) =>
            Text.ContainsIgnoreCase(text, "dep") || text.StartsWith("my ", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("the ", StringComparison.OrdinalIgnoreCase) || Text.ContainsIgnoreCase(text, "contribution")
            || text.EndsWith("work", StringComparison.OrdinalIgnoreCase) || Text.ContainsIgnoreCase(text, "task")
            || Text.ContainsIgnoreCase(text, "activit") || text.EndsWith("section", StringComparison.OrdinalIgnoreCase);

        [GeneratedRegex(@"\s*(?:&|\+|/|,|\band\b)\s*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
        private static partial Regex NameList();

        // A remark in brackets inside a list of departments: "CM (main), CC". Non-backtracking: a value of unclosed
        // brackets ("((((…") would otherwise be scanned to its end from each of them, quadratic in the line.
        private static readonly Regex BracketedPattern = new(@"\([^)]*\)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

        private static Regex Bracketed() => BracketedPattern;

        // Between the departments of a list: "CM/CC", "CM & CC", "Marketing and Content", "CM - CC", "CM et CC".
        [GeneratedRegex(@"\s*(?:&|\+|/|,|;|\||\s[-–—]\s|\band\b|\bet\b|\by\b|\be\b)\s*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
        private static partial Regex CodeSeparator();

        [GeneratedRegex("[^A-Za-z]+", RegexOptions.CultureInvariant)]
        private static partial Regex NonLetters();

        private string? LabelWithScoreWords(string label)
        {
            if (!Text.ContainsIgnoreCase(label, "score") && !Text.ContainsIgnoreCase(label, "point"))
            {
                return null;
            }

            var name = ScoreWords().Replace(label, " ");
            return name.Trim().Length > 3 ? _vocabulary.Resolve(name, policy) : null;
        }

        // What a line that is not a heading gives for its codes; never changed.
        private static readonly List<string> NoCodes = [];

        private bool TryHeading(string line, out List<string> codes, out string rest)
        {
            codes = NoCodes; // a list of its own only for a heading: most lines are not one
            rest = string.Empty;
            if (line.Length < 2)
            {
                return false;
            }

            // Cheap test first: a code heading starts with a known code ("CM", "MK &…").
            var firstWord = 0;
            while (firstWord < line.Length && firstWord < 7 && char.IsAsciiLetterUpper(line[firstWord]))
            {
                firstWord++;
            }

            if (line[0] == '[')
            {
                var close = line.IndexOf(']', StringComparison.Ordinal);
                if (close > 1 && _vocabulary.Resolve(line.AsSpan(1, close - 1), policy) is { } bracketed)
                {
                    codes = [bracketed];
                    rest = line[(close + 1)..];
                    return true;
                }

                return false;
            }

            if (firstWord >= 2 && _vocabulary.IsCode(line.AsSpan(0, firstWord)) && CodeHead().Match(line) is { Success: true } m)
            {
                var all = m.Groups["c"].Captures.Select(c => c.Value).ToArray();
                rest = m.Groups["rest"].Value;
                var restTrim = rest.TrimStart();
                var opensSection = rest.Length == 0 || restTrim.Length == 0
                    || restTrim[0] is ':' or '-' or '–' or '—' or '(' or '：' or '.'
                    || rest[0] is ' ' or '\t';
                if (opensSection && all.All(c => _vocabulary.IsCode(c)))
                {
                    codes = [.. all.Select(c => DepartmentVocabulary.MapToPolicy(c, policy))];
                    return true;
                }
            }

            if (line.Contains('(', StringComparison.Ordinal) && NameCodeHead().Match(line) is { Success: true } nc && _vocabulary.IsCode(nc.Groups["c"].Value))
            {
                codes = [DepartmentVocabulary.MapToPolicy(nc.Groups["c"].Value, policy)];
                rest = nc.Groups["rest"].Value;
                return true;
            }

            // A whole line naming a department: "Community:", "Marketing", "CONTENT CREATION", "Content Creation
            // Department", "Department of Community Management", "Content Creation (38/40)".
            if (line.Length <= 60)
            {
                var whole = line.TrimEnd(TrimSets.LabelEnd);
                var paren = whole.IndexOf('(', StringComparison.Ordinal);
                var after = string.Empty;
                if (paren > 0)
                {
                    after = whole[paren..];
                    whole = whole[..paren];
                }

                var named = _vocabulary.ResolveWithSlips(whole, policy);
                if (named is null && MayHaveDepartmentWord(whole) && DepartmentWord().IsMatch(whole))
                {
                    whole = DepartmentWord().Replace(whole, " ");
                    named = _vocabulary.ResolveWithSlips(whole, policy);
                }

                if (named is not null && whole.Trim().Length > 3)
                {
                    codes = [named];
                    rest = after;
                    return true;
                }

                // "Community Management & Content Creation": several names, each a department's.
                if (named is null && (whole.AsSpan().IndexOfAny("&+/,") >= 0 || Text.ContainsIgnoreCase(whole, " and "))
                    && !whole.AsSpan().ContainsAnyInRange('0', '9') && !whole.Contains("://", StringComparison.Ordinal) && NameList().IsMatch(whole))
                {
                    var parts = NameList().Split(whole);
                    var all = parts.Select(x => x.Trim().Length > 3 ? _vocabulary.Resolve(x, policy) : null).ToArray();
                    if (parts.Length > 1 && all.All(c => c is not null))
                    {
                        codes = [.. all.Select(c => c!).Distinct(StringComparer.Ordinal)];
                        rest = after;
                        return true;
                    }
                }
            }

            // "Content Creation: 35/40" — a name as the label; "Content Creation score: 35/40" too.
            if (Text.TrySplitLabel(line, out var l) && l.Label.Length > 3
                && (_vocabulary.Resolve(l.Label, policy) ?? LabelWithScoreWords(l.Label)) is { } labelled)
            {
                codes = [labelled];
                rest = l.Value;
                return true;
            }

            // "Community Management - 35/40", "Content Creation 30/40": a name, then a score or a dash.
            var head = 0;
            while (head < line.Length && head < 40 && (char.IsLetter(line[head]) || line[head] == ' '))
            {
                head++;
            }

            if (head > 3 && head < line.Length && !char.IsLetter(line[head]) && line[head] is not '\'' and not '’'
                && _vocabulary.Resolve(line.AsSpan(0, head), policy) is { } named2 && line.AsSpan(0, head).Trim().Length > 3)
            {
                var after = line[head..].TrimStart();
                if (after.Length > 0 && (char.IsAsciiDigit(after[0]) || after[0] is '-' or '–' or '—' or '(' or '[' or '|'))
                {
                    codes = [named2];
                    rest = line[head..];
                    return true;
                }
            }

            return false;
        }
    }
}
