using System.Text.Json;
using Embassy.Reports;

namespace Embassy.Reports.Tests;

/// <summary>What a careful reader took from a fixture report (the fixture's <c>truth</c>).</summary>
internal sealed record Truth(
    string File,
    string? Period,
    string? Rank,
    string? Discord,
    string? Telegram,
    string? Twitter,
    string? Wallet,
    IReadOnlyList<string> Departments,
    IReadOnlyDictionary<string, (decimal Score, decimal Max)> SuggestedScores,
    decimal? OverallSuggested);

/// <summary>
/// The real reports in <c>../shared/fixtures/reports</c> beside the checkout (never copied into the repository).
/// </summary>
internal static class Fixtures
{
    private static readonly Lazy<IReadOnlyList<(IssueSnapshot Issue, Truth Truth)>> Loaded = new(Load);

    public static IReadOnlyList<(IssueSnapshot Issue, Truth Truth)> Reports => Loaded.Value;

    public static string Directory => Path.Combine(new DirectoryInfo(RepositoryRoot).Parent!.FullName, "shared", "fixtures", "reports");

    /// <summary>The directory holding Embassy.slnx, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Embassy.slnx")))
            {
                dir = dir.Parent;
            }

            if (dir?.Parent is null)
            {
                throw new InvalidOperationException("Embassy.slnx not found above " + AppContext.BaseDirectory);
            }

            return dir.FullName;
        }
    }

    private static IReadOnlyList<(IssueSnapshot, Truth)> Load()
    {
        var list = new List<(IssueSnapshot, Truth)>();
        foreach (var path in System.IO.Directory.GetFiles(Directory, "*.json").Order(StringComparer.Ordinal))
        {
            var json = File.ReadAllText(path);
            var issue = IssueJson.Parse(json).Value.Single();
            using var doc = JsonDocument.Parse(json);
            var t = doc.RootElement.GetProperty("truth");
            var scores = new Dictionary<string, (decimal, decimal)>(StringComparer.Ordinal);
            if (t.TryGetProperty("suggestedScores", out var s) && s.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in s.EnumerateObject())
                {
                    scores[p.Name.ToUpperInvariant()] = (p.Value.GetProperty("score").GetDecimal(), p.Value.GetProperty("max").GetDecimal());
                }
            }

            var departments = t.TryGetProperty("departments", out var d) && d.ValueKind == JsonValueKind.Array
                ? d.EnumerateArray().Select(x => x.GetString()!.ToUpperInvariant()).ToArray()
                : [];
            list.Add((issue, new Truth(
                Path.GetFileName(path),
                Str(t, "period"),
                Str(t, "rank"),
                Str(t, "discord"),
                Str(t, "telegram"),
                Str(t, "twitter"),
                Str(t, "wallet"),
                departments,
                scores,
                t.TryGetProperty("overallSuggested", out var o) && o.ValueKind == JsonValueKind.Number ? o.GetDecimal() : null)));
        }

        return list;
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
