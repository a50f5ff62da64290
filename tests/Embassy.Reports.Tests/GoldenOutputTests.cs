using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Embassy.Reports;
using Xunit.Abstractions;

namespace Embassy.Reports.Tests;

/// <summary>
/// The parser's whole output, frozen: for every real fixture body, a fixed set of mutated fixture bodies, the 1 MB
/// report and a few pathological texts, the JSON <c>embassy report parse</c> writes (<see cref="ReportJson"/>) and
/// the fields that contract leaves out (handles as written, lines, wallet mentions, sections, diagnostic positions).
/// Speed work on the parser must leave every byte of it as it was (issue #16). The golden file holds a SHA-256 of
/// each output rather than the output itself, because the fixtures are real members' reports and are never copied
/// into the repository. <c>EMBASSY_GOLDEN_UPDATE=1</c> rewrites it; <c>EMBASSY_GOLDEN_DUMP=DIR</c> writes each
/// output in full to DIR, to see what changed.
/// </summary>
public sealed class GoldenOutputTests(ITestOutputHelper output)
{
    private const string GoldenName = "parse-output.sha256";

    [Fact]
    public void Parse_FixturesMutationsAndExtremes_AreByteIdenticalToTheGolden()
    {
        var cases = Cases();
        Assert.True(cases.Count >= 93 + 300, $"expected the fixtures and their mutations, found {cases.Count} cases");
        var dump = Environment.GetEnvironmentVariable("EMBASSY_GOLDEN_DUMP");
        var actual = new List<(string Name, string Hash)>(cases.Count);
        foreach (var (name, issue) in cases)
        {
            var text = Render(ReportParser.Shipped.Parse(issue));
            actual.Add((name, Sha256(text)));
            if (!string.IsNullOrEmpty(dump))
            {
                Directory.CreateDirectory(dump);
                File.WriteAllText(Path.Combine(dump, name + ".txt"), text);
            }
        }

        var written = string.Concat(actual.Select(a => a.Hash + "  " + a.Name + "\n"));
        if (Environment.GetEnvironmentVariable("EMBASSY_GOLDEN_UPDATE") == "1")
        {
            // Writes the outputs' hashes as the new golden into the source tree; only ever for a deliberate change of results.
            File.WriteAllText(Path.Combine(Fixtures.RepositoryRoot, "tests", "Embassy.Reports.Tests", "Golden", GoldenName), written);
            return;
        }

        var golden = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Golden", GoldenName))
            .Where(l => l.Length > 0)
            .Select(l => (Name: l[66..], Hash: l[..64]))
            .ToArray();
        var differ = golden.Zip(actual).Where(p => p.First != p.Second).Select(p => p.Second.Name).ToArray();
        output.WriteLine($"{actual.Count} outputs, {differ.Length} differ: {string.Join(", ", differ.Take(20))}");
        Assert.Equal(golden.Select(g => g.Name), actual.Select(a => a.Name));
        Assert.Empty(differ);
    }

    [Fact]
    public void EvidenceUrls_OfEveryGoldenInput_AreTheParsedEvidenceUrlsInOrder()
    {
        // R7's freeze reads the links alone (ReportFreezes): they must be the links a full parse reads, one for one.
        var withLinks = 0;
        foreach (var (name, issue) in Cases())
        {
            var parsed = ReportParser.Shipped.Parse(issue).Evidence.Select(e => e.Url).ToArray();
            var alone = ReportParser.Shipped.EvidenceUrls(issue.Body);
            Assert.True(parsed.SequenceEqual(alone), $"{name}: parse read {parsed.Length} links, EvidenceUrls {alone.Count}");
            withLinks += parsed.Length > 0 ? 1 : 0;
        }

        Assert.True(withLinks >= 80, $"only {withLinks} inputs have links; the comparison would prove little");
    }

    /// <summary>The golden's inputs, in a fixed order with stable names.</summary>
    private static List<(string Name, IssueSnapshot Issue)> Cases()
    {
        var reports = Fixtures.Reports;
        var cases = reports.Select(r => (Path.GetFileNameWithoutExtension(r.Truth.File), r.Issue)).ToList();

        // Mutations of real reports (cut, spliced, repeated, bit-flipped, Markdown inserted, lines shuffled): odd
        // input is where a change of regex engine or of line handling would show first.
        var random = new Random(20_261_202);
        for (var round = 0; round < 4; round++)
        {
            foreach (var (issue, truth) in reports)
            {
                var other = reports[random.Next(reports.Count)].Issue;
                var body = NeverThrowsTests.Mutate(issue.Body, other.Body, random);
                var title = random.Next(4) == 0 ? NeverThrowsTests.Mutate(issue.Title, other.Title, random) : issue.Title;
                cases.Add((string.Create(CultureInfo.InvariantCulture, $"mutated-{round}-{Path.GetFileNameWithoutExtension(truth.File)}"), issue with { Title = title, Body = body }));
            }
        }

        var last = reports[^1].Issue;
        var big = new StringBuilder();
        while (big.Length < ReportParser.MaxBodyLength + 100)
        {
            big.Append(last.Body).Append('\n');
        }

        cases.Add(("one-megabyte", last with { Body = big.ToString(0, ReportParser.MaxBodyLength) }));
        cases.Add(("over-one-megabyte", last with { Body = big.ToString() }));
        var filed = new DateTimeOffset(2024, 8, 3, 12, 0, 0, TimeSpan.Zero);
        string[] extremes =
        [
            string.Empty,
            new string('a', 200_000),
            string.Concat(Enumerable.Repeat("CM 35/40 ", 20_000)),
            string.Concat(Enumerable.Repeat("Content Creation ", 10_000)) + "40/40",
            "CM" + string.Concat(Enumerable.Repeat(" & CC", 20_000)) + " x",
            string.Concat(Enumerable.Repeat("- ", 10_000)) + "x",
            string.Concat(Enumerable.Repeat("**_`[", 5000)),
            string.Concat(Enumerable.Repeat("1111111111111111111111111111111111111111111111111", 2000)),
            "PHA Wallet Address: " + string.Concat(Enumerable.Repeat("41PLCEdup7XdUH4hsik4hyFoihDRYKfpN2K48jZH8ehL2tP2 ", 3000)),
            string.Concat(Enumerable.Repeat("https://x.com/a/status/1816000000000000000?", 5000)),
            "not " + new string('x', 100_000) + " contribut",
            "\u0000\uD800July 2024\r\n\u200BCM: 40/40\rCC 30",
        ];
        for (var i = 0; i < extremes.Length; i++)
        {
            cases.Add((string.Create(CultureInfo.InvariantCulture, $"extreme-{i}"), new IssueSnapshot(900 + i, i % 2 == 0 ? "July 2024" : "Report " + extremes[i][..Math.Min(50, extremes[i].Length)], extremes[i], "golden", filed)));
        }

        return cases;
    }

    /// <summary>The CLI's JSON, then every field of the result it does not write.</summary>
    private static string Render(ParsedReport r)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder(ReportJson.Write(r)).Append('\n');
        sb.AppendLine(c, $"policy={r.PolicyId} rankText={r.RankText} fromSections={r.DepartmentsFromSections} walletLine={r.WalletLine} hasErrors={r.HasErrors}");
        foreach (var (label, h) in new[] { ("discord", r.Discord), ("telegram", r.Telegram), ("twitter", r.Twitter) })
        {
            sb.AppendLine(c, $"{label}: {(h is null ? "-" : $"{h.Raw} -> {h.Normalized} @{h.Line}")}");
        }

        foreach (var w in r.Wallets)
        {
            sb.AppendLine(c, $"wallet: {w.Address} {w.Kind} @{w.Line}");
        }

        foreach (var (code, s) in r.SuggestedScores)
        {
            sb.AppendLine(c, $"score: {code} {s.Score.Value}/{s.Max.Value} @{s.Line}");
        }

        foreach (var e in r.Evidence)
        {
            sb.AppendLine(c, $"evidence: {e.Url} {e.Kind} {e.Department} @{e.Line} x={e.XStatusId}");
        }

        foreach (var s in r.Sections)
        {
            sb.AppendLine(c, $"section: [{string.Join(",", s.Departments)}] {s.Heading} {s.StartLine}-{s.EndLine} {Sha256(s.Text)}");
        }

        foreach (var d in r.Diagnostics)
        {
            sb.AppendLine(c, $"diagnostic: {d.Code} {d.Severity} {d.Position}");
        }

        return sb.ToString();
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
