using System.Text;
using Embassy.Reports;
using FsCheck;
using FsCheck.Fluent;

namespace Embassy.Reports.Tests;

/// <summary>
/// The parser never throws and never hangs: empty text, megabytes, binary garbage, absurd nesting, unbalanced
/// Markdown, and thousands of generated and mutated real reports all give a report with diagnostics.
/// </summary>
public sealed class NeverThrowsTests
{
    private static readonly DateTimeOffset Filed = new(2024, 8, 3, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] MarkdownPieces =
    [
        "[", "]", "(", ")", "](", "![", "**", "*", "_", "`", "```", "> ", "- ", "* ", "1. ", "#", "## ", "\n", "\n\n", "    ", "\t",
        "<img src=\"", "\">", "<", ">", "|", "---", "CM", "CC", "MK", "BD", "TECH", ":", "/", "40/40", "X/40", "[1]/[2]/[3]", "35", "%",
        "https://", "x.com/a/status/", "1816000000000000000", "t.me/", "PHA Wallet Address: ", "Departments: ", "Amb rank: ",
        "Discord: ", "Telegram: ", "Twitter: ", "41PLCEdup7XdUH4hsik4hyFoihDRYKfpN2K48jZH8ehL2tP2", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "July 2024", "Feburary", "Dez", "2024-07", "07/2024", "é", "\u0000", "\uD800", "\r", "\u200B", "Â·", "🚀",
    ];

    [Fact]
    public void Parse_EmptyIssue_ReportsEmptyAndMissingMonth()
    {
        var report = ReportParser.Shipped.Parse(new IssueSnapshot(1, string.Empty, string.Empty, null, Filed));

        Assert.Contains(report.Diagnostics, d => d.Code == ReportCodes.Empty && d.IsError);
        Assert.Contains(report.Diagnostics, d => d.Code == ReportCodes.PeriodMissing);
        Assert.Null(report.Wallet);
    }

    [Fact]
    public void Parse_OneMegabyteReport_GivesAResultWithEveryRepeatedLink()
    {
        var (issue, _) = Fixtures.Reports[^1];
        var body = new StringBuilder();
        while (body.Length < ReportParser.MaxBodyLength)
        {
            body.Append(issue.Body).Append('\n');
        }

        var big = issue with { Body = body.ToString(0, ReportParser.MaxBodyLength) };
        // How fast is measured in bench/ (ReportBenchmarks.ParseOneMegabyteReport), not here.
        var report = ReportParser.Shipped.Parse(big);
        var single = ReportParser.Shipped.Parse(issue);

        Assert.Equal(issue.Number, report.Number);
        Assert.NotEmpty(report.Evidence);
        Assert.True(report.Evidence.Count >= single.Evidence.Count, $"{report.Evidence.Count} links in 1 MB, {single.Evidence.Count} in one copy");
    }

    [Fact]
    public void Parse_MoreThanOneMegabyte_IsTruncatedWithWarning()
    {
        var body = new string('a', ReportParser.MaxBodyLength + 10);

        var report = ReportParser.Shipped.Parse(new IssueSnapshot(2, "July 2024", body, "x", Filed));

        Assert.Contains(report.Diagnostics, d => d.Code == ReportCodes.Truncated);
    }

    [Fact]
    public void Parse_TenThousandNestedListLevels_GivesAResult()
    {
        // One line that opens 10,000 nested lists, and a second nesting by indentation as deep as 1 MB allows.
        var oneLine = string.Concat(Enumerable.Repeat("- ", 10_000)) + "CM https://x.com/a/status/1816000000000000000";
        var indented = new StringBuilder();
        for (var level = 0; level < 10_000 && indented.Length < 900_000; level++)
        {
            indented.Append(' ', level * 2).Append("- level https://t.me/x\n");
        }

        foreach (var body in new[] { oneLine, indented.ToString(), string.Concat(Enumerable.Repeat("> ", 10_000)) + "text", new string('[', 10_000) + "x" + new string(']', 10_000) })
        {
            var report = ReportParser.Shipped.Parse(new IssueSnapshot(3, "July 2024 Contribution", body, "x", Filed));
            Assert.Equal(3, report.Number);
            Assert.NotNull(report.Diagnostics);
        }
    }

    [Fact]
    public void Parse_BinaryGarbage_GivesAResultWithDiagnostics()
    {
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(1, 20_000)];
            random.NextBytes(bytes);
            var text = (i % 2 == 0 ? Encoding.UTF8 : Encoding.Latin1).GetString(bytes);

            var report = ReportParser.Shipped.Parse(new IssueSnapshot(i, text[..Math.Min(200, text.Length)], text, null, Filed));

            Assert.NotEmpty(report.Diagnostics);
        }
    }

    [Fact]
    public void Parse_UnbalancedMarkdown_GivesAResult()
    {
        string[] bodies =
        [
            "**CM**: [link(https://x.com/a/status/1 ![img](", "```\nPHA Wallet Address: 41PLCEdup7XdUH4hsik4hyFoihDRYKfpN2K48jZH8ehL2tP2",
            "<img src=\"https://github.com/user-attachments/assets/1", "[[[[]]]]]]]](((((()", "|a|b|\n|-|\n|" + new string('|', 5000),
            string.Concat(Enumerable.Repeat("**_`[", 5000)),
        ];
        foreach (var body in bodies)
        {
            var report = ReportParser.Shipped.Parse(new IssueSnapshot(4, "July 2024", body, "x", Filed));
            Assert.Equal(4, report.Number);
        }
    }

    [Fact]
    public void Parse_GeneratedMarkdownishText_NeverThrows()
    {
        var piece = Gen.Elements(MarkdownPieces);
        var text = Gen.ListOf(piece).Select(string.Concat);
        var anyText = Gen.OneOf(text, ArbMap.Default.GeneratorFor<string>());
        var filed = Gen.Choose(-40_000, 40_000).Select(days => new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(days));
        var extremes = Gen.Elements(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, new DateTimeOffset(1, 1, 2, 0, 0, 0, TimeSpan.FromHours(14)));
        var when = Gen.Frequency((9, filed), (1, extremes));

        Prop.ForAll(
                anyText.ToArbitrary(),
                anyText.ToArbitrary(),
                when.ToArbitrary(),
                (title, body, at) =>
                {
                    var report = ReportParser.Shipped.Parse(new IssueSnapshot(5, title ?? string.Empty, body ?? string.Empty, "a", at));
                    return report.Number == 5 && report.Diagnostics is not null;
                })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(3_000));
    }

    [Fact]
    public void Parse_MutatedFixtures_NeverThrow()
    {
        var reports = Fixtures.Reports;
        var random = new Random(20_241_122);
        var count = 0;
        for (var round = 0; round < 50; round++)
        {
            foreach (var (issue, _) in reports)
            {
                var other = reports[random.Next(reports.Count)].Issue;
                var body = Mutate(issue.Body, other.Body, random);
                var title = random.Next(4) == 0 ? Mutate(issue.Title, other.Title, random) : issue.Title;
                var report = ReportParser.Shipped.Parse(issue with { Title = title, Body = body });
                Assert.Equal(issue.Number, report.Number);
                count++;
            }
        }

        Assert.True(count >= 4_000);
    }

    internal static string Mutate(string text, string other, Random random)
    {
        if (text.Length == 0)
        {
            return other;
        }

        var a = random.Next(text.Length);
        var b = random.Next(a, text.Length);
        switch (random.Next(6))
        {
            case 0: // cut
                return text.Remove(a, b - a);
            case 1: // splice with another report
                return text[..a] + other[Math.Min(other.Length, random.Next(other.Length + 1))..];
            case 2: // repeat a segment
                return text[..b] + string.Concat(Enumerable.Repeat(text[a..b], random.Next(2, 50))) + text[b..];
            case 3: // flip bytes of the UTF-8 encoding
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                for (var i = 0; i < 1 + (bytes.Length / 50); i++)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }

                return Encoding.UTF8.GetString(bytes);
            }

            case 4: // insert Markdown syntax
                return text.Insert(a, MarkdownPieces[random.Next(MarkdownPieces.Length)]);
            default: // duplicate lines out of order
            {
                var lines = text.Split('\n');
                return string.Join('\n', lines.OrderBy(_ => random.Next()).Concat(lines.Take(random.Next(lines.Length))));
            }
        }
    }
}
