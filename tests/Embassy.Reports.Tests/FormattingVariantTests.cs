using System.Text.RegularExpressions;
using Embassy.Reports;

namespace Embassy.Reports.Tests;

/// <summary>
/// Metamorphic tests on the real reports: changing only the formatting (line endings, spaces, bold labels,
/// bullets, emoji, blank lines) must not change any field the parser reads.
/// </summary>
public sealed class FormattingVariantTests
{
    private static readonly Dictionary<string, Func<string, string>> Variants = new(StringComparer.Ordinal)
    {
        ["crlf"] = b => b.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal),
        ["trailing-spaces"] = b => string.Join('\n', b.Split('\n').Select(l => l + "  ")),
        ["indented"] = b => string.Join('\n', b.Split('\n').Select(l => "  " + l)),
        ["bold-labels"] = b => string.Join('\n', b.Split('\n').Select(l => Regex.Replace(l, @"^([A-Za-z][A-Za-z ]{2,25}?)\s*:(?!//)", "**$1:**", RegexOptions.None, TimeSpan.FromSeconds(1)))),
        ["bullets"] = b => string.Join('\n', b.Split('\n').Select(l => l.Length > 0 && char.IsLetter(l[0]) ? "- " + l : l)),
        ["emoji"] = b => string.Join('\n', b.Split('\n').Select(l => l.Length > 0 && char.IsLetter(l[0]) ? "✅ " + l : l)),
        ["blank-lines"] = b => b.Replace("\n", "\n\n", StringComparison.Ordinal),
    };

    public static TheoryData<string> Names() => [.. Variants.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Parse_FormattingVariant_ReadsTheSameFields(string variant)
    {
        var transform = Variants[variant];
        var differ = new List<string>();
        foreach (var (issue, truth) in Fixtures.Reports)
        {
            var original = Signature(ReportParser.Shipped.Parse(issue));
            var changed = Signature(ReportParser.Shipped.Parse(issue with { Body = transform(issue.Body) }));
            if (original != changed)
            {
                differ.Add($"{truth.File}: {original} → {changed}");
            }
        }

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
