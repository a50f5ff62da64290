using System.Globalization;
using System.Text;
using Embassy.Reports;
using Xunit.Abstractions;

namespace Embassy.Reports.Tests;

/// <summary>
/// Agreement of the parser with the hand-made <c>truth</c> of the real fixture reports. A field that is null or
/// empty in the truth counts as right only when the parser also gives nothing.
/// </summary>
public sealed class FixtureAgreementTests(ITestOutputHelper output)
{
    private static readonly string[] Fields = ["period", "rank", "discord", "telegram", "twitter", "wallet", "departments", "suggestedScores", "overallSuggested"];

    [Fact]
    public void Parse_Fixtures_AgreeWithTruthAboveThresholds()
    {
        var parser = ReportParser.Shipped;
        var right = Fields.ToDictionary(f => f, _ => 0);
        var misses = new StringBuilder();
        var reports = Fixtures.Reports;
        Assert.True(reports.Count >= 90, $"expected the ~93 fixture reports, found {reports.Count}");
        foreach (var (issue, truth) in reports)
        {
            var r = parser.Parse(issue);
            foreach (var field in Fields)
            {
                var (ok, expected, actual) = Compare(field, truth, r);
                if (ok)
                {
                    right[field]++;
                }
                else
                {
                    misses.AppendLine(CultureInfo.InvariantCulture, $"{truth.File} {field}: truth={expected} parsed={actual}");
                }
            }
        }

        var n = reports.Count;
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"{"field",-18} {"right",6} {"of",4} {"agreement",10}");
        foreach (var f in Fields)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"{f,-18} {right[f],6} {n,4} {Pct(right[f], n),10}");
        }

        var cells = right.Values.Sum();
        table.AppendLine(CultureInfo.InvariantCulture, $"{"overall (cells)",-18} {cells,6} {n * Fields.Length,4} {Pct(cells, n * Fields.Length),10}");
        output.WriteLine(table.ToString());
        output.WriteLine(misses.ToString());

        Assert.True(Rate(right["period"], n) >= 0.99, "period below 99 %");
        Assert.True(Rate(right["wallet"], n) >= 0.99, "wallet below 99 %");
        Assert.True(Rate(right["departments"], n) >= 0.92, "departments below 92 %");
        Assert.True(Rate(right["suggestedScores"], n) >= 0.95, "suggested scores below 95 %");
        Assert.True(Rate(right["overallSuggested"], n) >= 0.95, "overall suggested score below 95 %");
        Assert.True(Rate(cells, n * Fields.Length) >= 0.95, "overall agreement below 95 %");
    }

    private static double Rate(int right, int of) => of == 0 ? 0 : (double)right / of;

    private static string Pct(int right, int of) => (Rate(right, of) * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static (bool Ok, string Expected, string Actual) Compare(string field, Truth t, ParsedReport r)
    {
        switch (field)
        {
            case "period":
                return Same(t.Period, r.Period?.ToString());
            case "rank":
                return Same(t.Rank is null ? null : RankOf(t.Rank), r.Rank?.Code);
            case "discord":
                return Same(t.Discord?.Trim(), r.Discord?.Raw);
            case "telegram":
                return Same(t.Telegram?.Trim(), r.Telegram?.Raw);
            case "twitter":
                return Same(t.Twitter?.Trim(), r.Twitter?.Raw);
            case "wallet":
                return Same(t.Wallet?.Trim(), r.Wallet);
            case "departments":
            {
                var expected = t.Departments.Where(d => d != "BASIC").Order(StringComparer.Ordinal).ToArray();
                var actual = r.Departments.Concat(r.Supplementary).Where(d => d != "BASIC").Distinct().Order(StringComparer.Ordinal).ToArray();
                return (expected.SequenceEqual(actual), string.Join(",", expected), string.Join(",", actual));
            }

            case "suggestedScores":
            {
                var expected = t.SuggestedScores.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => $"{x.Key}={x.Value.Score.ToString(CultureInfo.InvariantCulture)}").ToArray();
                var actual = r.SuggestedScores.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => $"{x.Key}={x.Value.Score}").ToArray();
                return (expected.SequenceEqual(actual), string.Join(",", expected), string.Join(",", actual));
            }

            default:
                return Same(t.OverallSuggested?.ToString("0.##", CultureInfo.InvariantCulture), r.OverallSuggested?.ToString());
        }
    }

    private static (bool, string, string) Same(string? expected, string? actual) =>
        (string.Equals(Empty(expected), Empty(actual), StringComparison.Ordinal), expected ?? "null", actual ?? "null");

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static string RankOf(string text)
    {
        var t = text.ToLowerInvariant();
        return t.Contains("head", StringComparison.Ordinal) ? "head"
            : t.Contains("senior", StringComparison.Ordinal) ? "senior"
            : t.Contains("candidate", StringComparison.Ordinal) ? "candidate"
            : t.Contains("advocate", StringComparison.Ordinal) ? "advocate"
            : "ambassador";
    }
}
