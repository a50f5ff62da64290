using System.Globalization;
using System.Text.RegularExpressions;
using Embassy.Domain;
using Embassy.Domain.Rules;
using YamlDotNet.Serialization;

namespace Embassy.Reports;

/// <summary>The form a report was written with: the generator's version and the policy the form was made from.</summary>
/// <param name="Version">The version of the form's layout (<see cref="ReportIssueForm.Version"/> when it was written).</param>
/// <param name="PolicyId">The id of the policy the form was generated from.</param>
public sealed record ReportFormVersion(int Version, string PolicyId);

/// <summary>
/// A GitHub issue form (<c>.github/ISSUE_TEMPLATE/*.yml</c>, GitHub's form schema) for a policy's monthly report:
/// period, rank, handles, the payout address of the policy's rail, the selectable departments with the policy's
/// minimum and maximum, and per department the work done and a suggested score within the maximum (R3, R7, R9).
/// GitHub writes a submitted form as <c>### Label</c> sections, which <see cref="ReportParser"/> reads exactly; the
/// first field names the form's version and policy, so a report says which form it used.
/// </summary>
public static partial class ReportIssueForm
{
    /// <summary>The layout version written into every form; bump it when fields are renamed, added or removed.</summary>
    public const int Version = 1;

    /// <summary>The label of the field that carries the form's version and policy.</summary>
    public const string FormLabel = "Report form";

    /// <summary>Options beyond this many become a free input: a dropdown of hundreds of scores helps nobody.</summary>
    private const int MaxScoreOptions = 101;

    /// <summary>The file name to save the form as under <c>.github/ISSUE_TEMPLATE/</c>.</summary>
    public static string FileName(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return $"report-{policy.Id}.yml";
    }

    /// <summary>The form as YAML, ready to commit to <c>.github/ISSUE_TEMPLATE/</c>.</summary>
    public static string Write(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);

        // A YAML writer rather than string building: every label, name and description is quoted as YAML needs,
        // including the YAML 1.1 words ("yes", "no", "on") that GitHub's reader would take for booleans.
        var serializer = new SerializerBuilder()
            .WithQuotingNecessaryStrings(quoteYaml1_1Strings: true)
            .WithIndentedSequences()
            .Build();
        return serializer.Serialize(Document(policy));
    }

    /// <summary>The form's value in the form field: "Embassy report form v1 for phala-v5-erc20".</summary>
    public static string VersionText(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return string.Create(CultureInfo.InvariantCulture, $"Embassy report form v{Version} for {policy.Id}");
    }

    /// <summary>Reads the form field's value back; null when it is not one this generator writes.</summary>
    public static ReportFormVersion? ParseVersion(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var m = VersionPattern().Match(text.Trim());
        return m.Success && int.TryParse(m.Groups["v"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? new ReportFormVersion(v, m.Groups["p"].Value)
            : null;
    }

    /// <summary>The fields of the form for a policy, in order; the parser reads a submission by the same list.</summary>
    internal static IReadOnlyList<FormField> Fields(Policy policy)
    {
        var fields = new List<FormField>
        {
            new(FieldKind.Form, "form", FormLabel, "dropdown", Required: true,
                "Tells Embassy which form this report was written with. Leave it as it is.", Options: [VersionText(policy)]),
            new(FieldKind.Period, "period", "Month reported on", "input", Required: true,
                "The month this report covers, as YYYY-MM. Reports are due by the end of day "
                + policy.Deadline.Day.ToString(CultureInfo.InvariantCulture) + " of the next month (" + policy.Deadline.TimeZone + ").",
                Placeholder: policy.From.ToString()),
            new(FieldKind.Rank, "rank", "Rank", "dropdown", Required: true, "Your rank in the program this month.",
                Options: policy.Ranks.Select(r => OptionText(r.Title)).Distinct(StringComparer.Ordinal).ToArray()),
            new(FieldKind.Discord, "discord", "Discord username", "input", Required: true, "Your Discord username.", Placeholder: "yourname"),
            new(FieldKind.Telegram, "telegram", "Telegram username", "input", Required: false, "Your Telegram username, if you have one.", Placeholder: "@yourname"),
            new(FieldKind.Twitter, "x", "X (Twitter) handle", "input", Required: false, "Your X (Twitter) handle, if you have one.", Placeholder: "@yourname"),
            WalletField(policy),
        };

        var selectable = policy.Departments.Where(d => d.Kind == DepartmentKind.Selectable).ToArray();
        if (selectable.Length > 0)
        {
            fields.Add(new(FieldKind.Departments, "departments", "Departments", "dropdown", Required: true, ChoiceDescription(policy),
                Options: selectable.Select(d => DepartmentOption(d.Name, d.Code)).ToArray(), Multiple: true));
        }

        var tasks = policy.Supplementary.Tasks;
        if (tasks.Count > 0)
        {
            var cap = policy.Supplementary.MaxPoints is { } mp ? $", at most {mp} points" : string.Empty;
            fields.Add(new(FieldKind.Tasks, "tasks", "Supplementary tasks", "dropdown", Required: false,
                $"Up to {policy.Supplementary.MaxTasks.ToString(CultureInfo.InvariantCulture)} a month{cap}; a task counts only when it is not one of your departments.",
                Options: tasks.Select(t => DepartmentOption(t.Name, t.Code)).ToArray(), Multiple: true));
        }

        // V.1 has no departments to choose: every member reports on its basic tasks (R3), each with its own maximum.
        var mandatory = selectable.Length == 0;
        var scored = mandatory ? policy.Departments.Where(d => d.Kind == DepartmentKind.Basic).ToArray() : selectable;
        foreach (var d in scored)
        {
            var name = DepartmentOption(d.Name, d.Code);
            var leave = mandatory ? "This task is open to every member." : $"Leave it empty if you did not choose {d.Code}.";
            fields.Add(new(FieldKind.Work, d.Code.ToLowerInvariant() + "-work", name + ": work and links", "textarea", Required: false,
                $"What you did for {OptionText(d.Name)} this month, with a link to each piece of work (posts, articles, screenshots). {leave}",
                Code: d.Code, Mandatory: mandatory));
            var max = d.Max > Points.Zero ? d.Max : policy.Choice.MemberWeights ? policy.Choice.SharedPoints : Points.Zero;
            if (max > Points.Zero)
            {
                var scale = d.EffortMax > Points.Zero ? $": effort 0–{d.EffortMax} plus results 0–{d.ResultMax}" : string.Empty;
                fields.Add(ScoreField(d.Code.ToLowerInvariant() + "-score", name + ": suggested score", $"The score you suggest for {d.Code}, out of {max}{scale}.", d.Code, max, policy.Scoring.Step, task: false) with { Mandatory = mandatory });
            }
        }

        foreach (var t in tasks)
        {
            var name = DepartmentOption(t.Name, t.Code) + " task";
            fields.Add(new(FieldKind.TaskWork, "task-" + t.Code.ToLowerInvariant() + "-work", name + ": work and links", "textarea", Required: false,
                $"What you did for the {t.Code} task ({OptionText(t.Name)}) this month, with links. Leave it empty if you did not take it.", Code: t.Code));
            if (t.Max > Points.Zero)
            {
                fields.Add(ScoreField("task-" + t.Code.ToLowerInvariant() + "-score", name + ": suggested score", $"The score you suggest for the {t.Code} task, out of {t.Max}.", t.Code, t.Max, policy.Scoring.Step, task: true));
            }
        }

        fields.Add(new(FieldKind.Declaration, "declaration", "Declaration", "checkboxes", Required: true, null,
            Options: [DeclarationText]));
        return fields;
    }

    internal const string DeclarationText = "The work above is my own and was done in the month reported on.";

    private static FormField WalletField(Policy policy)
    {
        var payout = policy.Payout;
        var (description, placeholder) = payout.Rail switch
        {
            PayoutRail.Evm => (
                string.Create(CultureInfo.InvariantCulture, $"Your Ethereum address for {policy.Token.Symbol}{(payout.ChainId is { } c ? $" (chain {c})" : string.Empty)}: 0x and 40 hexadecimal characters. Copy it from your wallet so that its EIP-55 checksum (the mix of capital letters) is kept."),
                "0x…"),
            PayoutRail.Substrate => (
                string.Create(CultureInfo.InvariantCulture, $"Your {policy.Token.Symbol} address on the Substrate chain: an SS58 address with network prefix {payout.Ss58Prefix}. Copy it from your wallet; its checksum catches typing slips."),
                "SS58 address"),
            _ => ($"The address your {policy.Token.Symbol} should be paid to.", "address"),
        };
        return new(FieldKind.Wallet, "wallet", "Payout address", "input", Required: true, description, Placeholder: placeholder);
    }

    private static FormField ScoreField(string id, string label, string description, string code, Points max, Points step, bool task)
    {
        var kind = task ? FieldKind.TaskScore : FieldKind.Score;
        var s = step > Points.Zero ? step : Points.Of(1);
        if (max.Hundredths / s.Hundredths + 1 > MaxScoreOptions)
        {
            return new(kind, id, label, "input", Required: false, description, Placeholder: $"{max}/{max}", Code: code, Max: max);
        }

        // Highest first: most members suggest near the top, and every option is within the maximum.
        var options = new List<string>();
        for (var v = max.Hundredths; v >= 0; v -= s.Hundredths)
        {
            options.Add($"{Points.FromHundredths(v)}/{max}");
        }

        return new(kind, id, label, "dropdown", Required: false, description, Options: options, Code: code, Max: max);
    }

    private static string ChoiceDescription(Policy policy)
    {
        var c = policy.Choice;
        var howMany = c.Min == c.Max
            ? c.Min.ToString(CultureInfo.InvariantCulture)
            : $"{c.Min.ToString(CultureInfo.InvariantCulture)} to {c.Max.ToString(CultureInfo.InvariantCulture)}";
        var open = policy.Departments.Where(d => d.Kind is DepartmentKind.Basic or DepartmentKind.Others).Select(d => OptionText(d.Name)).ToArray();
        var openText = open.Length > 0 ? $" {string.Join(" and ", open)} are open to everyone and are not chosen." : string.Empty;
        var weights = c.MemberWeights ? $" You share {c.SharedPoints} points between them." : string.Empty;
        return $"Choose {howMany}.{weights}{openText}";
    }

    /// <summary>"Community Management (CM)". Commas are left out: GitHub joins several choices with ", ".</summary>
    internal static string DepartmentOption(string name, string code) => $"{OptionText(name)} ({code})";

    private static string OptionText(string text) => text.Replace(',', ' ').Replace("  ", " ", StringComparison.Ordinal).Trim();

    // The YAML document as ordered maps and lists, keyed exactly as GitHub's form schema names them.
    private static Dictionary<string, object> Document(Policy policy)
    {
        var body = new List<object>
        {
            new Dictionary<string, object>
            {
                ["type"] = "markdown",
                ["attributes"] = new Dictionary<string, object> { ["value"] = Introduction(policy) },
            },
        };

        foreach (var f in Fields(policy))
        {
            var attributes = new Dictionary<string, object> { ["label"] = f.Label };
            if (f.Description is { } description)
            {
                attributes["description"] = description;
            }

            if (f.Placeholder is { } placeholder && f.Type is "input" or "textarea")
            {
                attributes["placeholder"] = placeholder;
            }

            if (f.Type == "dropdown")
            {
                attributes["multiple"] = f.Multiple;
                attributes["options"] = f.Options.ToList();
                if (f.Kind == FieldKind.Form)
                {
                    attributes["default"] = 0;
                }
            }
            else if (f.Type == "checkboxes")
            {
                attributes["options"] = f.Options.Select(o => new Dictionary<string, object> { ["label"] = o, ["required"] = f.Required }).ToList();
            }

            var element = new Dictionary<string, object> { ["type"] = f.Type, ["id"] = f.Id, ["attributes"] = attributes };
            if (f.Type != "checkboxes")
            {
                // Checkboxes are required option by option (GitHub's schema has no validations for them).
                element["validations"] = new Dictionary<string, object> { ["required"] = f.Required };
            }

            body.Add(element);
        }

        return new Dictionary<string, object>
        {
            ["name"] = $"Monthly report ({policy.Version})",
            ["description"] = $"Your monthly contribution report for the {policy.Name}.",
            ["title"] = "Contribution report - ",
            ["labels"] = new List<string> { "report" },
            ["body"] = body,
        };
    }

    private static string Introduction(Policy policy)
    {
        var selectable = policy.Departments.Where(d => d.Kind == DepartmentKind.Selectable).Select(d => d.Code).ToArray();
        var lines = new List<string>
        {
            $"**{policy.Name}** ({policy.Version}): one report per month.",
            string.Empty,
            selectable.Length > 0
                ? $"- Departments: {ChoiceDescription(policy)} Choose from {string.Join(", ", selectable)}."
                : $"- Report on the basic tasks every member does: {string.Join(", ", policy.Departments.Where(d => d.Kind == DepartmentKind.Basic).Select(d => d.Code))}.",
            $"- For each department you chose, list your work with links and suggest a score within its maximum.",
            $"- The deadline is the end of day {policy.Deadline.Day.ToString(CultureInfo.InvariantCulture)} of the next month ({policy.Deadline.TimeZone}); later reports are not scored unless an admin accepts them.",
            string.Empty,
            $"Form v{Version.ToString(CultureInfo.InvariantCulture)}, generated by Embassy from policy {policy.Id}.",
        };
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"^Embassy report form v(?<v>\d{1,6}) for (?<p>[A-Za-z0-9._-]{1,100})$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}

/// <summary>What a form field holds, so that the parser knows what each <c>### Label</c> section is.</summary>
internal enum FieldKind
{
    Form,
    Period,
    Rank,
    Discord,
    Telegram,
    Twitter,
    Wallet,
    Departments,
    Tasks,
    Work,
    Score,
    TaskWork,
    TaskScore,
    Declaration,
}

/// <summary>One element of the form: its schema type, id, label and options, and what it holds.</summary>
internal sealed record FormField(
    FieldKind Kind,
    string Id,
    string Label,
    string Type,
    bool Required,
    string? Description,
    string? Placeholder = null,
    IReadOnlyList<string>? Options = null,
    bool Multiple = false,
    string? Code = null,
    Points Max = default,
    bool Mandatory = false)
{
    public IReadOnlyList<string> Options { get; init; } = Options ?? [];
}
