using Embassy.Domain;
using Embassy.Domain.Rules;

namespace Embassy.Reports;

/// <summary>
/// A report submitted through a <see cref="ReportIssueForm"/>: GitHub writes each field as <c>### Label</c>, a blank
/// line and the answer, <c>_No response_</c> for an empty one, checkboxes as <c>- [X] option</c>, and several
/// dropdown choices joined by ", ". Only the form's own labels start a field, so a member's "### " inside an answer
/// stays part of it.
/// </summary>
internal sealed class FormSubmission
{
    /// <summary>GitHub's text for a field left empty.</summary>
    public const string NoResponse = "_No response_";

    private readonly Dictionary<string, FormAnswer> _answers;

    private FormSubmission(ReportFormVersion version, Dictionary<string, FormAnswer> answers)
    {
        Version = version;
        _answers = answers;
    }

    /// <summary>The form version named in the report.</summary>
    public ReportFormVersion Version { get; }

    /// <summary>The form version a body names in its "Report form" field, or null when it is not a form submission.</summary>
    public static ReportFormVersion? Detect(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            if (!IsHeading(lines[i], ReportIssueForm.FormLabel))
            {
                continue;
            }

            for (var k = i + 1; k < lines.Length && k <= i + 3; k++)
            {
                if (lines[k].Trim().Length > 0)
                {
                    return ReportIssueForm.ParseVersion(lines[k]);
                }
            }
        }

        return null;
    }

    /// <summary>Splits the body into the answers of the form's fields.</summary>
    public static FormSubmission Read(string[] lines, ReportFormVersion version, IReadOnlyList<FormField> fields)
    {
        var byLabel = fields.ToDictionary(f => f.Label, StringComparer.Ordinal);
        var starts = new List<(int Line, FormField Field)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("### ", StringComparison.Ordinal) && byLabel.TryGetValue(line[4..].Trim(), out var field))
            {
                starts.Add((i, field));
            }
        }

        var answers = new Dictionary<string, FormAnswer>(StringComparer.Ordinal);
        for (var s = 0; s < starts.Count; s++)
        {
            var heading = starts[s].Line;
            var end = s + 1 < starts.Count ? starts[s + 1].Line - 1 : lines.Length - 1;
            var first = heading + 1;
            while (first <= end && lines[first].Trim().Length == 0)
            {
                first++;
            }

            var last = end;
            while (last >= first && lines[last].Trim().Length == 0)
            {
                last--;
            }

            var value = first <= last ? string.Join('\n', lines, first, last - first + 1) : string.Empty;
            if (value.Trim() == NoResponse)
            {
                value = string.Empty;
            }

            // A field GitHub wrote twice (a member pasting the form again) keeps its first answer.
            answers.TryAdd(starts[s].Field.Id, new FormAnswer(starts[s].Field, value, heading + 1, first + 1, end + 1));
        }

        return new FormSubmission(version, answers);
    }

    /// <summary>The answer to a field, or null when the body has no section for it.</summary>
    public FormAnswer? Answer(FormField field) => _answers.GetValueOrDefault(field.Id);

    private static bool IsHeading(string line, string label) =>
        line.StartsWith("### ", StringComparison.Ordinal) && line.AsSpan(4).Trim().SequenceEqual(label);
}

/// <summary>One answer of a form submission.</summary>
/// <param name="Field">The form field.</param>
/// <param name="Value">The answer, empty for "_No response_".</param>
/// <param name="HeadingLine">The body line of its <c>### Label</c>.</param>
/// <param name="Line">The body line the answer starts on.</param>
/// <param name="EndLine">The last body line of the field.</param>
internal sealed record FormAnswer(FormField Field, string Value, int HeadingLine, int Line, int EndLine);

public sealed partial class ReportParser
{
    /// <summary>Reads one report; this part: a report submitted through the policy's issue form, field by field.</summary>
    private sealed partial class Reader
    {
        public ReportFormVersion? Form { get; private set; }

        public void ReadForm(FormSubmission submission, IReadOnlyList<FormField> fields, Policy formPolicy)
        {
            Form = submission.Version;
            var scores = new List<(FormAnswer Answer, bool Task)>();
            foreach (var field in fields)
            {
                if (submission.Answer(field) is not { } answer)
                {
                    continue;
                }

                var value = answer.Value.Trim();
                switch (field.Kind)
                {
                    case FieldKind.Rank when value.Length > 0:
                        ReadFormRank(value, formPolicy);
                        break;
                    case FieldKind.Discord when value.Length > 0:
                        Discord = MakeHandle(value, answer.Line, HandleKind.Discord);
                        _infoLines.Add(answer.Line);
                        break;
                    case FieldKind.Telegram when value.Length > 0:
                        Telegram = MakeHandle(value, answer.Line, HandleKind.Telegram);
                        _infoLines.Add(answer.Line);
                        break;
                    case FieldKind.Twitter when value.Length > 0:
                        Twitter = MakeHandle(value, answer.Line, HandleKind.Twitter);
                        _infoLines.Add(answer.Line);
                        break;
                    case FieldKind.Wallet when value.Length > 0:
                        SetWallet(value.Trim(TrimSets.BackticksAndSpaces), answer.Line, labelled: true);
                        _infoLines.Add(answer.Line);
                        break;
                    case FieldKind.Departments:
                        AddChoices(field, value, Departments);
                        break;
                    case FieldKind.Tasks:
                        AddChoices(field, value, Supplementary);
                        break;
                    case FieldKind.Work or FieldKind.TaskWork when value.Length > 0:
                        var code = DepartmentVocabulary.MapToPolicy(field.Code!, policy);
                        if (field.Mandatory && !Supplementary.Contains(code))
                        {
                            // V.1: a basic task is claimed by reporting on it (the free-text reading does the same).
                            Supplementary.Add(code);
                        }

                        Sections.Add(new ReportSection([code], lines[answer.HeadingLine - 1].Trim(), answer.HeadingLine, answer.EndLine,
                            string.Join('\n', lines, answer.HeadingLine - 1, answer.EndLine - answer.HeadingLine + 1)));
                        break;
                    case FieldKind.Score or FieldKind.TaskScore when value.Length > 0:
                        scores.Add((answer, field.Kind == FieldKind.TaskScore || field.Mandatory));
                        break;
                    case FieldKind.Declaration when !value.StartsWith("- [X]", StringComparison.OrdinalIgnoreCase):
                        diagnostics.Add(Diagnostic.Warning(ReportCodes.FormDeclarationMissing, "The declaration is not ticked: tick \"" + ReportIssueForm.DeclarationText + "\".", new SourcePosition(answer.HeadingLine)));
                        break;
                }
            }

            // A task counts only when it is not one of the chosen departments (R3).
            Supplementary.RemoveAll(c => Departments.Contains(c));
            foreach (var (answer, task) in scores)
            {
                ReadFormScore(answer, task);
            }
        }

        private void ReadFormRank(string value, Policy formPolicy)
        {
            RankText = value;
            var rule = formPolicy.Ranks.FirstOrDefault(r => string.Equals(r.Title, value, StringComparison.OrdinalIgnoreCase));
            if (rule is not null)
            {
                Rank = rule.Rank;
            }
            else if (!TryRank(value, requireWord: false))
            {
                diagnostics.Add(Diagnostic.Warning(ReportCodes.RankUnknown, $"'{value}' is not a rank of the form; choose one of {string.Join(", ", formPolicy.Ranks.Select(r => r.Title))}.", null));
            }
        }

        // "Community Management (CM), Content Creation (CC)": the form's own options, else any department name or code.
        private void AddChoices(FormField field, string value, List<string> into)
        {
            if (value.Length == 0)
            {
                return;
            }

            var unknown = 0;
            foreach (var part in value.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var option = field.Options.FirstOrDefault(o => string.Equals(o, part, StringComparison.Ordinal));
                var code = option is not null ? OptionCode(option) : part.Length <= 60 ? _vocabulary.Resolve(part, policy) : null;
                if (code is null)
                {
                    // An edited answer can hold anything: say so for the first few, not for each of thousands.
                    if (unknown++ < 3)
                    {
                        diagnostics.Add(Diagnostic.Warning(ReportCodes.DepartmentUnknown, $"'{(part.Length > 60 ? part[..60] + "…" : part)}' is not one of the form's choices for {field.Label}.", null));
                    }

                    continue;
                }

                code = DepartmentVocabulary.MapToPolicy(code, policy);
                if (!into.Contains(code))
                {
                    into.Add(code);
                }
            }
        }

        // "Content Creation (CC)" → "CC".
        private static string? OptionCode(string option)
        {
            var open = option.LastIndexOf('(');
            return open >= 0 && option.EndsWith(')') ? option[(open + 1)..^1] : null;
        }

        private void ReadFormScore(FormAnswer answer, bool task)
        {
            var code = DepartmentVocabulary.MapToPolicy(answer.Field.Code!, policy);
            if (!(task ? Supplementary : Departments).Contains(code))
            {
                diagnostics.Add(Diagnostic.Warning(ReportCodes.FormScoreNotChosen, $"A score is suggested for {code}, which is not among the {(task ? "tasks" : "departments")} chosen; it was not counted. Choose {code} or clear its score.", new SourcePosition(answer.Line)));
                return;
            }

            var value = answer.Value.Trim();
            var f = Fraction().Match(value);
            Points score;
            var max = answer.Field.Max;
            if (f.Success && TryPoints(f.Groups[1].Value, out score) && TryPoints(f.Groups[2].Value, out var written) && written > Points.Zero)
            {
                max = written;
            }
            else if (LeadingNumber().Match(value) is not { Success: true } n || !TryPoints(n.Groups[1].Value, out score))
            {
                diagnostics.Add(Diagnostic.Warning(ReportCodes.FormScoreUnreadable, $"'{value}' is not a score; write it as a number out of {answer.Field.Max}.", new SourcePosition(answer.Line)));
                return;
            }

            Scores.TryAdd(code, new SuggestedScore(score, max, answer.Line));
        }
    }
}
