using System.Text.Json;
using Embassy.Cli;
using static Embassy.Cli.Tests.CliRunner;

namespace Embassy.Cli.Tests;

/// <summary>The CLI under another program's own folder of policies (<c>--policies DIR</c>), with no code change.</summary>
public sealed class ProgramFolderTests : IDisposable
{
    private static readonly string Lantern = Path.Combine(AppContext.BaseDirectory, "Programs", "lantern-guild");
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("embassy-program-cli-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void PolicyList_OtherProgram_ListsOnlyItsOwnPolicies()
    {
        var (exit, output, error) = Run("--policies", Lantern, "policy", "list");

        Assert.True(exit == EmbassyCli.Ok, error);
        Assert.Contains("lantern-2026", output, StringComparison.Ordinal);
        Assert.DoesNotContain("phala", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_OtherProgram_PoolInItsTokenAndRanks()
    {
        // lantern-2026: 12,000 LUME (9 decimals) for 4 members, 3,000 more per 2 above; a warden's bonus of 500.
        var members = File("members.csv", "id,rank,joined,left,region\nava,apprentice,2025-06-01,,\nbo,keeper,2025-06-01,,\ncy,keeper,2025-06-01,,\ndee,keeper,2025-06-01,,\nema,keeper,2025-06-01,,\nfin,warden,2025-01-01,,\n");
        var scores = File("scores.csv", "member,department,points\nava,TR,20\nbo,TR,25\ncy,EV,10\ndee,DS,5\nema,EV,20\nfin,TR,15\n");

        var (exit, output, error) = Run("--policies", Lantern, "allocate", "--period", "2026-02", "--scores", scores, "--members", members, "--format", "json");

        Assert.True(exit == EmbassyCli.Ok, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("lantern-2026", json.RootElement.GetProperty("policy").GetProperty("id").GetString());
        Assert.Equal("15000000000000", json.RootElement.GetProperty("pool").GetString()); // 12,000 + 1 step of 3,000, in units of 10^-9
        var fin = json.RootElement.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "fin");
        Assert.Equal("warden", fin.GetProperty("rank").GetString());
        Assert.Equal("500000000000", fin.GetProperty("bonus").GetString());
    }

    [Fact]
    public void ReportParse_OtherProgram_ReadsItsDepartmentsAndVocabulary()
    {
        var issue = JsonSerializer.Serialize(new
        {
            number = 7,
            title = "February 2026 report - ava",
            body = "- Rank: Apprentice\n- Wallet Address: 0x1111111111111111111111111111111111111111\n- Departments: Localization, Lamp lighting\n\nLocalization:\n- https://x.com/ava/status/2020000000000000001\n\nLamp lighting:\n- https://x.com/ava/status/2020000000000000002\n\nSuggested scores:\n- [TR] 22/25\n- [EV] 20/25\n",
            user = new { login = "ava" },
            created_at = "2026-03-02T10:00:00Z",
            html_url = "https://github.com/lantern/reports/issues/7",
        });

        var (exit, output, error) = Run("--policies", Lantern, "report", "parse", "--issue", File("issue.json", issue));

        Assert.True(exit == EmbassyCli.Ok, error + output);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(["TR", "EV"], json.RootElement.GetProperty("departments").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(25, json.RootElement.GetProperty("suggestedScores").GetProperty("TR").GetProperty("max").GetInt32());
        Assert.Equal("0x1111111111111111111111111111111111111111", json.RootElement.GetProperty("wallet").GetString());

        // The same report under Phala's rules names departments Phala does not have.
        var (_, phala, _) = Run("report", "parse", "--issue", File("issue2.json", issue));
        Assert.DoesNotContain("\"TR\"", phala, StringComparison.Ordinal);
    }

    [Fact]
    public void AnyCommand_BrokenPolicyInTheFolder_StopsWithFileAndLine()
    {
        var folder = _dir.CreateSubdirectory("broken");
        System.IO.File.Copy(Path.Combine(Lantern, "lantern-2026.yaml"), Path.Combine(folder.FullName, "lantern-2026.yaml"));
        System.IO.File.WriteAllText(Path.Combine(folder.FullName, "bad.yaml"), "id: bad\nname: Bad\nversion: \"1\"\nfrom: 2027-01\nmodel: department_pools\npool: { base: -5 }\n");

        var (exit, output, error) = Run("--policies", folder.FullName, "policy", "list");

        Assert.Equal(EmbassyCli.Invalid, exit);
        Assert.Empty(output);
        Assert.Matches(@"bad\.yaml:\d+(:\d+)?: error POLICY_", error);

        var (missingExit, _, missing) = Run("--policies", Path.Combine(_dir.FullName, "nowhere"), "policy", "list");
        Assert.Equal(EmbassyCli.UsageError, missingExit);
        Assert.Contains("POLICY_FOLDER_MISSING", missing, StringComparison.Ordinal);
    }
}
