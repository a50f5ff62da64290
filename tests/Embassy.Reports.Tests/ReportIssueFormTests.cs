using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.Policies;
using Embassy.Reports;
using YamlDotNet.RepresentationModel;

namespace Embassy.Reports.Tests;

/// <summary>
/// The issue form generated from each shipped policy: it has exactly the keys and types of GitHub's issue-form
/// schema ("Syntax for issue forms", "Syntax for GitHub's form schema"), and a report submitted through it —
/// rendered as GitHub renders a submission — parses exactly, with no diagnostic.
/// </summary>
public sealed partial class ReportIssueFormTests
{
    private const string Phala = "41PLCEdup7XdUH4hsik4hyFoihDRYKfpN2K48jZH8ehL2tP2";
    private const string Ethereum = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    public static TheoryData<string> PolicyIds()
    {
        var data = new TheoryData<string>();
        foreach (var p in PolicyCatalog.Shipped.All)
        {
            data.Add(p.Id);
        }

        return data;
    }

    // ---- GitHub's schema -------------------------------------------------------------------------------------

    private static readonly string[] TopLevelKeys = ["name", "description", "title", "labels", "assignees", "projects", "type", "body"];
    private static readonly string[] ElementKeys = ["type", "id", "attributes", "validations"];

    private static readonly Dictionary<string, string[]> AttributeKeys = new(StringComparer.Ordinal)
    {
        ["markdown"] = ["value"],
        ["input"] = ["label", "description", "placeholder", "value"],
        ["textarea"] = ["label", "description", "placeholder", "value", "render"],
        ["dropdown"] = ["label", "description", "multiple", "options", "default"],
        ["checkboxes"] = ["label", "description", "options"],
    };

    [Theory]
    [MemberData(nameof(PolicyIds))]
    public void Write_EveryShippedPolicy_FollowsGitHubsIssueFormSchema(string policyId)
    {
        var policy = PolicyCatalog.Shipped.Get(policyId).Value;
        var root = Load(ReportIssueForm.Write(policy));

        Assert.All(Keys(root), k => Assert.Contains(k, TopLevelKeys));
        Assert.True(IsString(root, "name") && IsString(root, "description"), "name and description are required strings");
        Assert.True(IsString(root, "title"));
        var labels = Assert.IsType<YamlSequenceNode>(root.Children[new YamlScalarNode("labels")]);
        Assert.All(labels.Children, l => Assert.True(IsStringNode(l)));

        var body = Assert.IsType<YamlSequenceNode>(root.Children[new YamlScalarNode("body")]);
        Assert.NotEmpty(body.Children);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var fieldLabels = new HashSet<string>(StringComparer.Ordinal);
        var onlyMarkdown = true;
        foreach (var node in body.Children)
        {
            var element = Assert.IsType<YamlMappingNode>(node);
            Assert.All(Keys(element), k => Assert.Contains(k, ElementKeys));
            Assert.True(IsString(element, "type"), "type is a required string");
            var type = Scalar(element, "type");
            Assert.True(AttributeKeys.ContainsKey(type), $"'{type}' is not a form element type");
            var attributes = Assert.IsType<YamlMappingNode>(element.Children[new YamlScalarNode("attributes")]);
            Assert.All(Keys(attributes), k => Assert.Contains(k, AttributeKeys[type]));

            if (type == "markdown")
            {
                // Markdown takes no id and no validations, and its value is required.
                Assert.DoesNotContain("id", Keys(element));
                Assert.DoesNotContain("validations", Keys(element));
                Assert.True(IsString(attributes, "value"));
                continue;
            }

            onlyMarkdown = false;
            Assert.True(IsString(element, "id"), $"{type} has an id");
            var id = Scalar(element, "id");
            Assert.Matches(IdPattern(), id);
            Assert.True(ids.Add(id), $"id '{id}' is not unique");
            Assert.True(IsString(attributes, "label"), $"{id} has a label");
            Assert.True(fieldLabels.Add(Scalar(attributes, "label")), $"label of {id} is not unique");
            foreach (var key in (string[])["description", "placeholder", "value"])
            {
                Assert.True(!Keys(attributes).Contains(key) || IsString(attributes, key), $"{id}.{key} is a string");
            }

            if (Keys(element).Contains("validations"))
            {
                var validations = Assert.IsType<YamlMappingNode>(element.Children[new YamlScalarNode("validations")]);
                Assert.Equal(["required"], Keys(validations));
                Assert.True(IsBool(validations, "required"));
            }

            if (type == "dropdown")
            {
                var options = Assert.IsType<YamlSequenceNode>(attributes.Children[new YamlScalarNode("options")]);
                Assert.NotEmpty(options.Children);
                Assert.All(options.Children, o => Assert.True(IsStringNode(o) && ((YamlScalarNode)o).Value!.Length > 0));
                var texts = options.Children.Select(o => ((YamlScalarNode)o).Value!).ToArray();
                Assert.Equal(texts.Length, texts.Distinct(StringComparer.Ordinal).Count());
                Assert.True(!Keys(attributes).Contains("multiple") || IsBool(attributes, "multiple"));
                if (Keys(attributes).Contains("default"))
                {
                    Assert.True(IsInt(attributes, "default"));
                    Assert.InRange(int.Parse(Scalar(attributes, "default"), CultureInfo.InvariantCulture), 0, texts.Length - 1);
                }

                if (Keys(attributes).Contains("multiple") && Scalar(attributes, "multiple") == "true")
                {
                    // GitHub joins several choices with ", ": an option holding one could not be read back.
                    Assert.All(texts, t => Assert.DoesNotContain(", ", t, StringComparison.Ordinal));
                }
            }

            if (type == "checkboxes")
            {
                var options = Assert.IsType<YamlSequenceNode>(attributes.Children[new YamlScalarNode("options")]);
                Assert.NotEmpty(options.Children);
                foreach (var o in options.Children)
                {
                    var option = Assert.IsType<YamlMappingNode>(o);
                    Assert.All(Keys(option), k => Assert.Contains(k, (string[])["label", "required"]));
                    Assert.True(IsString(option, "label"));
                    Assert.True(!Keys(option).Contains("required") || IsBool(option, "required"));
                }
            }
        }

        Assert.False(onlyMarkdown, "a form needs at least one field that is not markdown");
    }

    [Fact]
    public void Write_V5Erc20_AsksForTheRailsAddressTheDepartmentsAndScoresWithinTheMaxima()
    {
        var policy = PolicyCatalog.Shipped.Get("phala-v5-erc20").Value;
        var body = (YamlSequenceNode)Load(ReportIssueForm.Write(policy)).Children[new YamlScalarNode("body")];
        var byId = body.Children.Cast<YamlMappingNode>().Where(e => Keys(e).Contains("id")).ToDictionary(e => Scalar(e, "id"), e => (YamlMappingNode)e.Children[new YamlScalarNode("attributes")]);

        Assert.Equal(["form", "period", "rank", "discord", "telegram", "x", "wallet", "departments", "cm-work", "cm-score", "cc-work", "cc-score", "bd-work", "bd-score", "declaration"], byId.Keys);
        Assert.Contains("EIP-55", Scalar(byId["wallet"], "description"), StringComparison.Ordinal);
        Assert.Equal(["Community Management (CM)", "Content Creation (CC)", "Business Development (BD)"], Options(byId["departments"]));
        Assert.Contains("Choose 2 to 3", Scalar(byId["departments"], "description"), StringComparison.Ordinal);
        Assert.Equal(["Ambassador Candidate", "Ambassador", "Senior Ambassador", "Head Ambassador"], Options(byId["rank"]));
        var scores = Options(byId["cm-score"]);
        Assert.Equal(41, scores.Length);
        Assert.Equal("40/40", scores[0]);
        Assert.Equal("0/40", scores[^1]);
        Assert.Equal([ReportIssueForm.VersionText(policy)], Options(byId["form"]));
    }

    [Fact]
    public void Write_SubstratePolicy_AsksForAnSs58AddressOfThePolicysPrefix()
    {
        var policy = PolicyCatalog.Shipped.Get("phala-v5").Value;
        var body = (YamlSequenceNode)Load(ReportIssueForm.Write(policy)).Children[new YamlScalarNode("body")];
        var wallet = body.Children.Cast<YamlMappingNode>().Single(e => Keys(e).Contains("id") && Scalar(e, "id") == "wallet");
        var description = Scalar((YamlMappingNode)wallet.Children[new YamlScalarNode("attributes")], "description");
        Assert.Contains("SS58", description, StringComparison.Ordinal);
        Assert.Contains("prefix 30", description, StringComparison.Ordinal);
    }

    // ---- a submission, rendered as GitHub renders it ------------------------------------------------------------

    [Theory]
    [MemberData(nameof(PolicyIds))]
    public void Parse_SubmissionThroughTheForm_ReadsEveryFieldWithNoDiagnostic(string policyId)
    {
        var policy = PolicyCatalog.Shipped.Get(policyId).Value;
        var yaml = ReportIssueForm.Write(policy);
        var selectable = policy.Departments.Where(d => d.Kind == DepartmentKind.Selectable).ToArray();
        var chosen = selectable.Length > 0
            ? selectable.Take(Math.Max(1, policy.Choice.Min)).Select(d => d.Code).ToArray()
            : policy.Departments.Where(d => d.Kind == DepartmentKind.Basic).Select(d => d.Code).ToArray();

        var answers = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["period"] = policy.From.ToString(),
            ["rank"] = new[] { policy.Ranks.First(r => r.Rank == Rank.Ambassador).Title },
            ["discord"] = "vi.z",
            ["telegram"] = "@vizimnokh",
            ["x"] = "@vizimnokh",
            ["wallet"] = policy.Payout.Rail == PayoutRail.Evm ? Ethereum : Phala,
            ["declaration"] = new[] { 0 },
        };
        if (selectable.Length > 0)
        {
            answers["departments"] = selectable.Where(d => chosen.Contains(d.Code)).Select(d => $"{d.Name.Replace(',', ' ')} ({d.Code})").ToArray();
        }

        var expectedScores = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in chosen)
        {
            var id = code.ToLowerInvariant();
            answers[id + "-work"] = $"Work for {code}:\n- https://x.com/vizimnokh/status/18{code.Length}0000000000000000\n\n### My own heading inside the answer\nMore words.";
            var option = FirstOption(yaml, id + "-score");
            if (option is not null)
            {
                answers[id + "-score"] = new[] { option };
                expectedScores[code] = option;
            }
        }

        var body = RenderSubmission(yaml, answers);
        var filed = new DateTimeOffset(policy.From.Next.Year, policy.From.Next.Month, 1, 12, 0, 0, TimeSpan.Zero);
        var report = ReportParser.Shipped.Parse(new IssueSnapshot(1, "Contribution report - vi.z", body, "vizimnokh", filed));

        Assert.True(report.Diagnostics.Count == 0, "diagnostics: " + string.Join("; ", report.Diagnostics.Select(d => d.Code + " " + d.Message)) + "\n" + body);
        Assert.Equal(new ReportFormVersion(ReportIssueForm.Version, policy.Id), report.Form);
        Assert.Equal(policy.Id, report.PolicyId);
        Assert.Equal(policy.From, report.Period);
        Assert.Equal(Rank.Ambassador, report.Rank);
        Assert.Equal("vi.z", report.Discord?.Normalized);
        Assert.Equal("vizimnokh", report.Telegram?.Normalized);
        Assert.Equal("vizimnokh", report.Twitter?.Normalized);
        Assert.Equal((string)answers["wallet"], report.Wallet);
        Assert.Equal(chosen.Order(StringComparer.Ordinal), report.Departments.Concat(report.Supplementary).Order(StringComparer.Ordinal));
        Assert.Equal(expectedScores.Keys.Order(StringComparer.Ordinal), report.SuggestedScores.Keys.Order(StringComparer.Ordinal));
        foreach (var (code, option) in expectedScores)
        {
            Assert.Equal(option, $"{report.SuggestedScores[code].Score}/{report.SuggestedScores[code].Max}");
        }

        foreach (var code in chosen)
        {
            Assert.Contains(report.Evidence, e => e.Department == code && e.Kind == EvidenceKind.XStatus);
        }
    }

    [Fact]
    public void Parse_SubmissionWithEmptyAnswersAndAnUnchosenScore_SaysSo()
    {
        var policy = PolicyCatalog.Shipped.Get("phala-v5-erc20").Value;
        var yaml = ReportIssueForm.Write(policy);
        var body = RenderSubmission(yaml, new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["period"] = "2026-01",
            ["rank"] = new[] { "Ambassador" },
            ["discord"] = "vi.z",
            ["wallet"] = Ethereum,
            ["departments"] = new[] { "Content Creation (CC)", "Business Development (BD)" },
            ["cc-work"] = "https://x.com/vizimnokh/status/1880000000000000000",
            ["cc-score"] = new[] { "36/40" },
            ["bd-work"] = "https://x.com/vizimnokh/status/1880000000000000001",
            ["cm-score"] = new[] { "40/40" },
        });
        var report = ReportParser.Shipped.Parse(new IssueSnapshot(2, "Contribution report - vi.z", body, "vizimnokh", new DateTimeOffset(2026, 2, 2, 0, 0, 0, TimeSpan.Zero)));

        Assert.Contains("_No response_", body, StringComparison.Ordinal);
        Assert.Null(report.Telegram);
        Assert.Null(report.Twitter);
        Assert.Equal(["CC", "BD"], report.Departments);
        Assert.Equal(["CC"], report.SuggestedScores.Keys);
        Assert.Equal(Points.Of(36), report.SuggestedScores["CC"].Score);
        Assert.Contains(report.Diagnostics, d => d.Code == ReportCodes.FormScoreNotChosen);
        Assert.Contains(report.Diagnostics, d => d.Code == ReportCodes.FormDeclarationMissing);
    }

    [Fact]
    public void Parse_FormOfAnotherLayoutVersion_IsReadAsFreeTextWithAWarning()
    {
        var body = "### Report form\n\nEmbassy report form v99 for phala-v5-erc20\n\n### Departments\n\nCM/CC\n";
        var report = ReportParser.Shipped.Parse(new IssueSnapshot(3, "January 2026 Contribution - vi.z", body, "vizimnokh", new DateTimeOffset(2026, 2, 2, 0, 0, 0, TimeSpan.Zero)));

        Assert.Null(report.Form);
        Assert.Contains(report.Diagnostics, d => d.Code == ReportCodes.FormUnknown);
        Assert.Equal(new Period(2026, 1), report.Period);
    }

    [Fact]
    public void Parse_FormOfAnotherPolicyThanTheMonths_IsCheckedUnderTheMonthsPolicy()
    {
        var v5 = PolicyCatalog.Shipped.Get("phala-v5").Value;
        var body = RenderSubmission(ReportIssueForm.Write(v5), new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["period"] = "2026-01",
            ["wallet"] = Ethereum,
        });
        var report = ReportParser.Shipped.Parse(new IssueSnapshot(4, "Contribution report", body, "vizimnokh", new DateTimeOffset(2026, 2, 2, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal(new ReportFormVersion(ReportIssueForm.Version, "phala-v5"), report.Form);
        Assert.Equal("phala-v5-erc20", report.PolicyId);
        Assert.Contains(report.Diagnostics, d => d.Code == ReportCodes.FormPolicyMismatch);
    }

    [Fact]
    public void ParseVersion_ReadsWhatVersionTextWrites()
    {
        var policy = PolicyCatalog.Shipped.Default;
        Assert.Equal(new ReportFormVersion(ReportIssueForm.Version, policy.Id), ReportIssueForm.ParseVersion(ReportIssueForm.VersionText(policy)));
        Assert.Null(ReportIssueForm.ParseVersion("Embassy report form for phala-v4"));
    }

    [Fact]
    public void Parse_MutatedSubmissions_NeverThrow()
    {
        // Members edit their issues after submitting: cut, repeated, spliced and garbled form bodies still give a report.
        var random = new Random(20_260_201);
        var pieces = new[] { "### ", "### Departments\n\n", "### Report form\n\n", "_No response_", "- [X] ", ", ", "40/40", "\n", "\uD800", "\u0000", "Content Creation (CC)", "https://x.com/a/status/1", new string('x', 5_000) };
        var count = 0;
        foreach (var policy in PolicyCatalog.Shipped.All)
        {
            var yaml = ReportIssueForm.Write(policy);
            var answers = new Dictionary<string, object>(StringComparer.Ordinal) { ["period"] = policy.From.ToString(), ["wallet"] = Phala };
            var selectable = policy.Departments.Where(d => d.Kind == DepartmentKind.Selectable).Take(2).Select(d => $"{d.Name.Replace(',', ' ')} ({d.Code})").ToArray();
            if (selectable.Length > 0)
            {
                answers["departments"] = selectable;
            }

            var body = RenderSubmission(yaml, answers);
            for (var round = 0; round < 300; round++)
            {
                var a = random.Next(body.Length);
                var b = random.Next(a, body.Length);
                var mutated = random.Next(4) switch
                {
                    0 => body.Remove(a, b - a),
                    1 => body[..b] + body[a..],
                    2 => body.Insert(a, string.Concat(Enumerable.Range(0, random.Next(1, 20)).Select(_ => pieces[random.Next(pieces.Length)]))),
                    _ => body.Replace(", ", string.Concat(Enumerable.Repeat(", Not a department", random.Next(1, 2_000))) + ", ", StringComparison.Ordinal),
                };
                var report = ReportParser.Shipped.Parse(new IssueSnapshot(9, "Contribution report", mutated, "a", new DateTimeOffset(2026, 2, 2, 0, 0, 0, TimeSpan.Zero)));
                Assert.Equal(9, report.Number);
                Assert.True(report.Diagnostics.Count < 100, $"{report.Diagnostics.Count} diagnostics");
                count++;
            }
        }

        Assert.True(count >= 2_000);
    }

    /// <summary>
    /// A submission as GitHub writes it into the issue body: for each element but markdown, "### Label", a blank
    /// line and the answer ("_No response_" when empty; dropdown choices joined by ", "; checkboxes as
    /// "- [X] label" / "- [ ] label"). Answers: a string for input and textarea, option texts for a dropdown
    /// (the default option when not given), option indexes ticked for checkboxes.
    /// </summary>
    internal static string RenderSubmission(string yaml, IReadOnlyDictionary<string, object> answers)
    {
        var body = (YamlSequenceNode)Load(yaml).Children[new YamlScalarNode("body")];
        var sb = new StringBuilder();
        foreach (var element in body.Children.Cast<YamlMappingNode>())
        {
            var type = Scalar(element, "type");
            if (type == "markdown")
            {
                continue;
            }

            var id = Scalar(element, "id");
            var attributes = (YamlMappingNode)element.Children[new YamlScalarNode("attributes")];
            string value;
            switch (type)
            {
                case "dropdown":
                    var options = Options(attributes);
                    var chosen = answers.TryGetValue(id, out var a) ? (string[])a
                        : Keys(attributes).Contains("default") ? [options[int.Parse(Scalar(attributes, "default"), CultureInfo.InvariantCulture)]]
                        : [];
                    Assert.All(chosen, c => Assert.Contains(c, options));
                    value = string.Join(", ", chosen);
                    break;
                case "checkboxes":
                    var ticked = answers.TryGetValue(id, out var t) ? (int[])t : [];
                    var labels = ((YamlSequenceNode)attributes.Children[new YamlScalarNode("options")]).Children.Cast<YamlMappingNode>().Select(o => Scalar(o, "label")).ToArray();
                    value = string.Join('\n', labels.Select((l, i) => (ticked.Contains(i) ? "- [X] " : "- [ ] ") + l));
                    break;
                default:
                    value = answers.TryGetValue(id, out var v) ? (string)v : string.Empty;
                    break;
            }

            sb.Append("### ").Append(Scalar(attributes, "label")).Append("\n\n")
                .Append(value.Length == 0 ? "_No response_" : value).Append("\n\n");
        }

        return sb.ToString().TrimEnd('\n');
    }

    private static string? FirstOption(string yaml, string id)
    {
        var body = (YamlSequenceNode)Load(yaml).Children[new YamlScalarNode("body")];
        var element = body.Children.Cast<YamlMappingNode>().FirstOrDefault(e => Keys(e).Contains("id") && Scalar(e, "id") == id);
        return element is null ? null : Options((YamlMappingNode)element.Children[new YamlScalarNode("attributes")])[0];
    }

    private static YamlMappingNode Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Assert.IsType<YamlMappingNode>(Assert.Single(stream.Documents).RootNode);
    }

    private static string[] Keys(YamlMappingNode map) => map.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToArray();

    private static string Scalar(YamlMappingNode map, string key) => ((YamlScalarNode)map.Children[new YamlScalarNode(key)]).Value!;

    private static string[] Options(YamlMappingNode attributes) =>
        ((YamlSequenceNode)attributes.Children[new YamlScalarNode("options")]).Children.Select(o => ((YamlScalarNode)o).Value!).ToArray();

    private static bool IsString(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && IsStringNode(node);

    // A string to GitHub's YAML 1.1 reader: quoted, or plain and not a boolean, null or number there.
    private static bool IsStringNode(YamlNode node) =>
        node is YamlScalarNode s && s.Value is not null
        && (s.Style is not YamlDotNet.Core.ScalarStyle.Plain || !NotAString().IsMatch(s.Value));

    private static bool IsBool(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "true" or "false" };

    private static bool IsInt(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s && Regex.IsMatch(s.Value!, "^[0-9]+$");

    [GeneratedRegex(@"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL|[-+]?(?:\d[\d_]*)?\.?\d+(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|\d{4}-\d\d-\d\d.*)?$")]
    private static partial Regex NotAString();

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex IdPattern();
}
