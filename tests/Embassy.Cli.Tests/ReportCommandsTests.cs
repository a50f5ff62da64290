using System.Text.Json;
using Embassy.Cli;

namespace Embassy.Cli.Tests;

public sealed class ReportCommandsTests : IDisposable
{
    private const string Phala = "41PLCEdup7XdUH4hsik4hyFoihDRYKfpN2K48jZH8ehL2tP2";
    private readonly string _dir = Directory.CreateTempSubdirectory("embassy-report-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Issue(int number, string body, string created = "2024-08-03T10:00:00Z") =>
        JsonSerializer.Serialize(new
        {
            number,
            title = "July 2024 Contribution - vi.z",
            body,
            user = new { login = "vizimnokh" },
            created_at = created,
            html_url = $"https://github.com/o/r/issues/{number}",
        });

    private static string GoodBody =>
        $"- Amb rank: Ambassador\n- Discord Username: vi.z\n- PHA Wallet Address: {Phala}\n- Departments: [CM]/[MK]\n\n· CM:\n- https://t.me/phala_polska/1\n\n· MK:\n- https://x.com/vizimnokh/status/1816000000000000000\n\nSuggested scores:\n- [CM] 35/40\n- [MK] 30/40\n- Overall suggested score: 65/100.";

    private (int Exit, string Out, string Err) Run(string json, params string[] extra)
    {
        var file = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(file, json);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = EmbassyCli.Run(["report", "parse", "--issue", file, .. extra], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void ReportParse_GoodIssue_PrintsContractJsonAndExitsZero()
    {
        var (exit, output, _) = Run(Issue(572, GoodBody));

        Assert.Equal(EmbassyCli.Ok, exit);
        using var doc = JsonDocument.Parse(output);
        var r = doc.RootElement;
        Assert.Equal(572, r.GetProperty("number").GetInt32());
        Assert.Equal("vizimnokh", r.GetProperty("author").GetString());
        Assert.Equal("2024-07", r.GetProperty("period").GetString());
        Assert.Equal("ambassador", r.GetProperty("rank").GetString());
        Assert.Equal("vi.z", r.GetProperty("discord").GetString());
        Assert.Equal(JsonValueKind.Null, r.GetProperty("telegram").ValueKind);
        Assert.Equal(Phala, r.GetProperty("wallet").GetString());
        Assert.Equal("ss58", r.GetProperty("walletKind").GetString());
        Assert.Equal(["CM", "MK"], r.GetProperty("departments").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(r.GetProperty("supplementary").EnumerateArray());
        Assert.Equal(35, r.GetProperty("suggestedScores").GetProperty("CM").GetProperty("score").GetInt32());
        Assert.Equal(40, r.GetProperty("suggestedScores").GetProperty("CM").GetProperty("max").GetInt32());
        Assert.Equal(65, r.GetProperty("overallSuggested").GetInt32());
        Assert.False(r.GetProperty("late").GetBoolean());
        var evidence = r.GetProperty("evidence").EnumerateArray().ToArray();
        Assert.Contains(evidence, e => e.GetProperty("kind").GetString() == "x-status" && e.GetProperty("department").GetString() == "MK");
        Assert.Equal(
            ["number", "author", "period", "rank", "discord", "telegram", "twitter", "wallet", "walletKind", "departments", "supplementary", "suggestedScores", "overallSuggested", "late", "evidence", "diagnostics"],
            r.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void ReportParse_Array_PrintsArrayAndExitsOneWhenAReportHasErrors()
    {
        var late = Issue(2, GoodBody, "2024-08-09T10:00:00Z");
        var (exit, output, _) = Run("[" + Issue(1, GoodBody) + "," + late + "]");

        Assert.Equal(EmbassyCli.Invalid, exit);
        using var doc = JsonDocument.Parse(output);
        var items = doc.RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, items.Length);
        Assert.True(items[1].GetProperty("late").GetBoolean());
        var d = items[1].GetProperty("diagnostics").EnumerateArray().Single(x => x.GetProperty("code").GetString() == "REPORT_LATE");
        Assert.Equal("error", d.GetProperty("severity").GetString());
    }

    [Fact]
    public void ReportParse_BadWallet_DiagnosticHasLineAndExitOne()
    {
        var (exit, output, _) = Run(Issue(3, GoodBody.Replace(Phala, Phala[..^1] + "3", StringComparison.Ordinal)));

        Assert.Equal(EmbassyCli.Invalid, exit);
        using var doc = JsonDocument.Parse(output);
        var d = doc.RootElement.GetProperty("diagnostics").EnumerateArray().Single(x => x.GetProperty("code").GetString() == "WALLET_BAD_CHECKSUM");
        Assert.Equal(3, d.GetProperty("line").GetInt32());
    }

    [Fact]
    public void ReportParse_TextFormat_PrintsReadableSummary()
    {
        var (exit, output, _) = Run(Issue(4, GoodBody), "--format", "text");

        Assert.Equal(EmbassyCli.Ok, exit);
        Assert.Contains("Report #4 by vizimnokh: 2024-07 (phala-v4)", output, StringComparison.Ordinal);
        Assert.Contains("suggested:   CM 35/40, MK 30/40; overall 65", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportParse_ForcedPolicy_ValidatesUnderIt()
    {
        var (exit, output, _) = Run(Issue(5, GoodBody), "--policy", "phala-v5-erc20");

        Assert.Equal(EmbassyCli.Invalid, exit);
        Assert.Contains("WALLET_WRONG_RAIL", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportParse_UnknownPolicy_ExitsTwo()
    {
        var (exit, _, error) = Run(Issue(6, GoodBody), "--policy", "no-such-policy");

        Assert.Equal(EmbassyCli.UsageError, exit);
        Assert.Contains("POLICY_UNKNOWN", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportParse_NotJson_ExitsTwo()
    {
        var (exit, _, error) = Run("this is not json");

        Assert.Equal(EmbassyCli.UsageError, exit);
        Assert.Contains("ISSUE_JSON_INVALID", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportParse_MissingFile_ExitsTwo()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = EmbassyCli.Run(["report", "parse", "--issue", Path.Combine(_dir, "missing.json")], output, error);

        Assert.Equal(EmbassyCli.UsageError, exit);
        Assert.Contains("ISSUE_FILE_UNREADABLE", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReportParse_LoneSurrogatesAnywhere_NeverCrash_AndPrintValidJson()
    {
        // 456 of 5,208 fuzzed runs used to crash on half an emoji (\ud83d) in the JSON.
        var good = Issue(9, GoodBody);
        var random = new Random(11);
        for (var i = 0; i < 300; i++)
        {
            var spaces = Enumerable.Range(good.IndexOf("\"body\"", StringComparison.Ordinal), good.Length / 2).Where(k => k < good.Length && good[k] == ' ').ToList();
            var at = spaces[random.Next(spaces.Count)]; // a space is never inside an escape
            var json = good.Insert(at, random.Next(2) == 0 ? "\\ud83d" : "\\ude00x");

            var (exit, output, error) = Run(json);

            Assert.True(exit is 0 or 1 or 2, $"exit {exit} for {json}");
            if (exit != 2)
            {
                using var doc = JsonDocument.Parse(output); // valid JSON, always
                Assert.Contains("TEXT_INVALID_UTF16", error, StringComparison.Ordinal);
            }
        }
    }
}

public sealed class ReportDriftCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("embassy-drift-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static object Issue(int number, string login, string departments, string scores, string created) => new
    {
        number,
        title = "January 2026 Contribution - " + login,
        body = $"- Amb rank: Ambassador\n- Discord Username: {login}\n- PHA Wallet Address ERC20: 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\n- Department: {departments}\n\nSuggested scores:\n{scores}\n",
        user = new { login },
        created_at = created,
        html_url = $"https://github.com/o/r/issues/{number}",
    };

    [Fact]
    public void ReportDrift_Month_CountsAndListsTheReportsBreakingEachRule()
    {
        var file = Path.Combine(_dir, "issues.json");
        File.WriteAllText(file, JsonSerializer.Serialize(new[]
        {
            Issue(1, "ana", "Content Creation", "- [CC] 40/40", "2026-02-02T10:00:00Z"),
            Issue(2, "ben", "[CM]/[CC]", "- [CM] 30/40\n- [CC] 28/40", "2026-02-09T10:00:00Z"),
            Issue(3, "cai", "[CM]/[CC]", "- [CM] 31/40\n- [CC] 29/40", "2026-02-03T10:00:00Z"),
        }));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = EmbassyCli.Run(["report", "drift", "--issue", file, "--period", "2026-01", "--format", "json"], output, error);

        Assert.True(exit == EmbassyCli.Ok, error.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal("phala-v5-erc20", json.RootElement.GetProperty("policy").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("reports").GetInt32());
        var rules = json.RootElement.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!, r => r.GetProperty("reports").EnumerateArray().Select(x => x.GetProperty("number").GetInt64()).ToArray());
        Assert.Equal([1L], rules["DRIFT_DEPARTMENT_COUNT"]);
        Assert.Equal([1L], rules["DRIFT_SELF_SCORE_AT_MAX"]);
        Assert.Equal([2L], rules["DRIFT_LATE"]);
        Assert.Empty(rules["DRIFT_SCORE_ABOVE_MAX"]);
    }
}
