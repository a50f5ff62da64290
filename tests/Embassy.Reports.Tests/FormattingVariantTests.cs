using System.Text.RegularExpressions;
using Embassy.Reports;

namespace Embassy.Reports.Tests;

/// <summary>
/// Metamorphic tests on the real reports: changing only the formatting (line endings, spaces, bold labels,
/// bullets, emoji, blank lines) or the wording of the declaration and the scores (one department per line, names
/// for codes, all scores on one line) must not change any field the parser reads.
/// </summary>
public sealed class FormattingVariantTests
{
    private static readonly Dictionary<string, string> DepartmentNames = new(StringComparer.Ordinal)
    {
        ["CM"] = "Community Management", ["CC"] = "Content Creation", ["MK"] = "Marketing", ["BD"] = "Business Development", ["TECH"] = "Tech Assistance", ["TA"] = "Tech Assistance",
    };

    private static readonly Dictionary<string, Func<string, string>> Variants = new(StringComparer.Ordinal)
    {
        ["crlf"] = b => b.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal),
        ["trailing-spaces"] = b => string.Join('\n', b.Split('\n').Select(l => l + "  ")),
        ["indented"] = b => string.Join('\n', b.Split('\n').Select(l => "  " + l)),
        ["bold-labels"] = b => string.Join('\n', b.Split('\n').Select(l => Regex.Replace(l, @"^([A-Za-z][A-Za-z ]{2,25}?)\s*:(?!//)", "**$1:**", RegexOptions.None, TimeSpan.FromSeconds(1)))),
        ["bullets"] = b => string.Join('\n', b.Split('\n').Select(l => l.Length > 0 && char.IsLetter(l[0]) ? "- " + l : l)),
        ["emoji"] = b => string.Join('\n', b.Split('\n').Select(l => l.Length > 0 && char.IsLetter(l[0]) ? "✅ " + l : l)),
        ["blank-lines"] = b => b.Replace("\n", "\n\n", StringComparison.Ordinal),

        // Rewordings seen in 2026 reports: the same declaration and scores in other words.
        ["department-per-line"] = DepartmentPerLine,
        ["score-names"] = b => Regex.Replace(b, @"(?m)^(\s*[-*]?\s*)\[(CM|CC|MK|BD|TECH|TA)\]\s*(\d+\s*/\s*\d+)", m => $"{m.Groups[1].Value}{DepartmentNames[m.Groups[2].Value]}: {m.Groups[3].Value}", RegexOptions.None, TimeSpan.FromSeconds(1)),
        ["scores-on-one-line"] = ScoresOnOneLine,
    };

    // "Departments: CM/CC" → "Department 1: Community Management" and "Department 2: Content Creation" on two lines.
    private static string DepartmentPerLine(string body) => Regex.Replace(
        body,
        @"(?m)^(\s*[-*▸]?\s*)Departments?\s*:\s*([\[\]#A-Z/&, ]+?)\s*$",
        m =>
        {
            var codes = Regex.Split(m.Groups[2].Value.Trim(), @"\s*[/&,]\s*", RegexOptions.None, TimeSpan.FromSeconds(1)).Select(c => c.Trim('[', ']', '#')).ToArray();
            return codes.All(DepartmentNames.ContainsKey)
                ? string.Join('\n', codes.Select((c, i) => $"{m.Groups[1].Value}Department {i + 1}: {DepartmentNames[c]}"))
                : m.Value;
        },
        RegexOptions.None,
        TimeSpan.FromSeconds(1));

    // "[CC] 40/40" and "[CM] 35/40" on consecutive lines → "CC 40/40, CM 35/40".
    private static string ScoresOnOneLine(string body)
    {
        var output = new List<string>();
        var run = new List<string>();
        foreach (var line in body.Split('\n'))
        {
            var m = Regex.Match(line, @"^\s*\[(CM|CC|MK|BD|TECH|TA|BASIC|OTHERS)\]\s*(\d+\s*/\s*\d+)\s*$", RegexOptions.None, TimeSpan.FromSeconds(1));
            if (m.Success)
            {
                run.Add($"{m.Groups[1].Value} {m.Groups[2].Value}");
                continue;
            }

            if (run.Count > 0)
            {
                output.Add(string.Join(", ", run));
                run.Clear();
            }

            output.Add(line);
        }

        if (run.Count > 0)
        {
            output.Add(string.Join(", ", run));
        }

        return string.Join('\n', output);
    }

    public static TheoryData<string> Names() => [.. Variants.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Parse_FormattingVariant_ReadsTheSameFields(string variant)
    {
        var transform = Variants[variant];
        var differ = new List<string>();
        var rewritten = 0;
        foreach (var (issue, truth) in Fixtures.Reports)
        {
            var body = transform(issue.Body);
            rewritten += body == issue.Body ? 0 : 1;
            var original = Signature(ReportParser.Shipped.Parse(issue));
            var changed = Signature(ReportParser.Shipped.Parse(issue with { Body = body }));
            if (original != changed)
            {
                differ.Add($"{truth.File}: {original} → {changed}");
            }
        }

        Assert.True(rewritten >= 3, $"the variant rewrites only {rewritten} fixture report(s): it tests nothing");
        Assert.True(differ.Count == 0, string.Join('\n', differ));
    }

    private static string Signature(ParsedReport r) => string.Join(
        " | ",
        r.Period?.ToString(),
        r.Rank?.Code,
        r.Discord?.Raw,
        r.Telegram?.Raw,
        r.Twitter?.Raw,
        r.Wallet,
        string.Join(',', r.Departments.Concat(r.Supplementary).Order(StringComparer.Ordinal)),
        string.Join(',', r.SuggestedScores.Select(x => x.Key + "=" + x.Value.Score).Order(StringComparer.Ordinal)),
        r.OverallSuggested?.ToString());
}
