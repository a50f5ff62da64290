using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.Policies;
using static Embassy.Cli.Tests.CliRunner;

namespace Embassy.Cli.Tests;

public sealed class AllocateCommandsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("embassy-cli-allocate-");

    public void Dispose() => _dir.Delete(recursive: true);

    /// <summary>Writes a CSV file into this test's folder and returns its path.</summary>
    private string Csv(string name, params string[] lines)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    /// <summary>Copies an example from Data/ into this test's folder, keeping its file name.</summary>
    private string Example(string folder, string file = "scores.csv")
    {
        var path = Path.Combine(_dir.FullName, file);
        File.Copy(Path.Combine(DataDir(), folder, file), path);
        return path;
    }

    private static string DataDir()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Embassy.slnx")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "tests", "Embassy.Cli.Tests", "Data");
    }

    private static JsonElement Member(JsonDocument json, string id) =>
        json.RootElement.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("id").GetString() == id);

    private static BigInteger Units(JsonElement e) => BigInteger.Parse(e.GetString()!, CultureInfo.InvariantCulture);

    /// <summary>R5: in every department the members' shares add up to the department's pool, to the unit.</summary>
    private static void AssertDepartmentsSumExactly(JsonDocument json)
    {
        foreach (var d in json.RootElement.GetProperty("departments").EnumerateArray())
        {
            var code = d.GetProperty("code").GetString()!;
            var shares = json.RootElement.GetProperty("members").EnumerateArray()
                .Select(m => m.GetProperty("shares").TryGetProperty(code, out var s) ? Units(s) : BigInteger.Zero)
                .Aggregate(BigInteger.Zero, (a, b) => a + b);
            var expected = d.GetProperty("points").GetDecimal() > 0 ? Units(d.GetProperty("pool")) : BigInteger.Zero;
            Assert.Equal(expected, shares);
        }
    }

    // ---- the seed's worked examples through the JSON contract ----

    [Fact]
    public void Allocate_SeedCmExample_AGets38Of145OfCmPoolAndJsonFollowsContract()
    {
        var scores = Example("seed-cm-example");

        var (exit, output, error) = Run("allocate", "--policy", "phala-v4.1", "--period", "2024-09", "--scores", scores, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(
            ["policy", "period", "token", "pool", "departments", "members", "unspent", "carried", "proposals"],
            root.EnumerateObject().Select(p => p.Name).Take(9));
        Assert.Equal("phala-v4.1", root.GetProperty("policy").GetProperty("id").GetString());
        Assert.Equal("V.4.1", root.GetProperty("policy").GetProperty("version").GetString());
        Assert.Equal(PolicyCatalog.Shipped.Get("phala-v4.1").Value.Hash, root.GetProperty("policy").GetProperty("hash").GetString());
        Assert.Equal("2024-09", root.GetProperty("period").GetString());
        Assert.Equal("PHA", root.GetProperty("token").GetProperty("symbol").GetString());
        Assert.Equal(12, root.GetProperty("token").GetProperty("decimals").GetInt32());
        Assert.Equal("84000000000000000", root.GetProperty("pool").GetString());

        var cm = root.GetProperty("departments").EnumerateArray().Single(d => d.GetProperty("code").GetString() == "CM");
        Assert.Equal(145, cm.GetProperty("points").GetInt32());
        Assert.Equal("21000000000000000", cm.GetProperty("pool").GetString());
        Assert.Equal("0", cm.GetProperty("unspent").GetString());

        // R5: 21,000 PHA × 38/145, floored, plus one leftover planck for A's largest remainder.
        var a = Member(json, "A");
        Assert.Equal(Units(cm.GetProperty("pool")) * 38 / 145 + 1, Units(a.GetProperty("shares").GetProperty("CM")));
        Assert.Equal("5503448275862069", a.GetProperty("shares").GetProperty("CM").GetString());
        Assert.Equal("ambassador", a.GetProperty("rank").GetString());
        Assert.Equal(60m, a.GetProperty("percent").GetDecimal()); // (38 + 10) / 80
        Assert.Equal("0", a.GetProperty("bonus").GetString());
        Assert.Equal(Units(a.GetProperty("shares").GetProperty("CM")) + Units(a.GetProperty("shares").GetProperty("MK")), Units(a.GetProperty("total")));
        Assert.Equal(0, root.GetProperty("proposals").GetArrayLength());
        AssertDepartmentsSumExactly(json);
    }

    [Fact]
    public void Allocate_SeedThreeDepartmentExample_Gives8178Point333PhaAndExactDepartmentSums()
    {
        var scores = Example("seed-three-departments");

        var (exit, output, _) = Run("allocate", "--period", "2024-09", "--scores", scores, "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("phala-v4.1", json.RootElement.GetProperty("policy").GetProperty("id").GetString()); // R1: the policy in force
        var a = Member(json, "A");
        var total = TokenAmount.ParseUnits(a.GetProperty("total").GetString(), Token.Pha).Value;
        Assert.Equal("8,178.333333333333", total.Format());
        Assert.Equal("2625000000000000", a.GetProperty("shares").GetProperty("CM").GetString());
        Assert.Equal("2940000000000000", a.GetProperty("shares").GetProperty("MK").GetString());
        AssertDepartmentsSumExactly(json);
        Assert.Equal(
            Units(json.RootElement.GetProperty("pool")),
            json.RootElement.GetProperty("departments").EnumerateArray().Aggregate(BigInteger.Zero, (s, d) => s + Units(d.GetProperty("pool"))));
    }

    [Fact]
    public void Allocate_TableFormat_ShowsMembersTotalsAndPools()
    {
        var scores = Example("seed-cm-example");

        var (exit, output, _) = Run("allocate", "--policy", "phala-v4.1", "--period", "2024-09", "--scores", scores);

        Assert.Equal(0, exit);
        foreach (var id in new[] { "A", "B", "C", "D", "E" })
        {
            Assert.Contains(output.Split('\n'), line => line.StartsWith(id + " ", StringComparison.Ordinal));
        }

        Assert.Contains("5,503.448275862069", output);   // A's CM share in whole tokens
        Assert.Contains("8,863.448275862069", output);   // A's total: CM + 16,800 / 5 in MK
        Assert.Contains("21,000", output);
        Assert.Contains("Pool:      84,000 PHA", output);
        Assert.Contains("Unspent:   46,200 PHA", output);
        var header = output.Split('\n').First(l => l.StartsWith("member", StringComparison.Ordinal));
        Assert.Equal(["member", "rank", "percent", "BASIC", "CM", "MK", "CC", "BD", "TA", "OTHERS", "bonus", "total"], header.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Allocate_CsvFormat_OneRowPerMemberInSmallestUnits()
    {
        var scores = Example("seed-cm-example");

        var (exit, output, _) = Run("allocate", "--policy", "phala-v4.1", "--period", "2024-09", "--scores", scores, "--format", "csv");

        Assert.Equal(0, exit);
        Assert.StartsWith(CsvWriter.ByteOrderMark, output, StringComparison.Ordinal);
        var lines = output[1..].TrimEnd('\n').Split('\n');
        Assert.Equal("member,rank,percent,BASIC (12 decimals),CM (12 decimals),MK (12 decimals),CC (12 decimals),BD (12 decimals),TA (12 decimals),OTHERS (12 decimals),bonus (12 decimals),total (12 decimals)", lines[0]);
        Assert.Equal(6, lines.Length);
        Assert.Equal("A,ambassador,60,0,5503448275862069,3360000000000000,0,0,0,0,0,8863448275862069", lines[1]);
        var cm = lines.Skip(1).Select(l => BigInteger.Parse(l.Split(',')[4], CultureInfo.InvariantCulture)).Aggregate(BigInteger.Zero, (a, b) => a + b);
        Assert.Equal(BigInteger.Parse("21000000000000000", CultureInfo.InvariantCulture), cm);
    }

    [Fact]
    public void Allocate_NoPolicyGiven_UsesPolicyInForceForPeriod()
    {
        var scores = Csv("scores.csv", "member,department,points", "A,CM,30", "A,CC,20");

        var (exit, output, _) = Run("allocate", "--period", "2025-04", "--scores", scores, "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("phala-v5", json.RootElement.GetProperty("policy").GetProperty("id").GetString());
        Assert.Equal("90000000000000000", json.RootElement.GetProperty("pool").GetString());
    }

    [Theory]
    [InlineData("2025-09", "phala-v5", "90000000000000000", "substrate")]
    [InlineData("2025-10", "phala-v5-2025-10", "45000000000000000", "substrate")]
    [InlineData("2026-01", "phala-v5-erc20", "45000000000000000000000", "evm")]
    public void Allocate_NoPolicyGiven_ThirteenMembers_PoolOfThePolicyInForce(string period, string policy, string pool, string rail)
    {
        // program-history/2025-10-v5-update.md: from October 2025, 1 head, 2 senior and 10 ambassadors share 45,000 PHA.
        var members = Csv("members.csv", ["id,rank,joined,left,region", "H,head,2024-01-01,,", "S1,senior,2024-01-01,,", "S2,senior,2024-01-01,,",
            .. Enumerable.Range(1, 10).Select(i => $"A{i},ambassador,2024-01-01,,")]);
        var scores = Csv("scores.csv", ["member,department,points", .. Enumerable.Range(1, 10).SelectMany(i => new[] { $"A{i},CM,30", $"A{i},CC,20" })]);

        var (exit, output, error) = Run("allocate", "--period", period, "--scores", scores, "--members", members, "--format", "json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(policy, json.RootElement.GetProperty("policy").GetProperty("id").GetString());
        Assert.Equal(pool, json.RootElement.GetProperty("pool").GetString());
        Assert.Equal(rail, PolicyCatalog.Shipped.Get(policy).Value.Payout.Rail.ToString().ToLowerInvariant());
    }

    [Fact]
    public void Allocate_PolicyFromFile_RecordsItsIdAndHash()
    {
        var file = Path.Combine(_dir.FullName, "custom.yaml");
        File.WriteAllText(file, PolicyCatalog.ShippedText("phala-v4")!.Replace("id: phala-v4", "id: custom-v4", StringComparison.Ordinal));
        var scores = Example("seed-cm-example");

        var (exit, output, _) = Run("allocate", "--policy", file, "--period", "2024-07", "--scores", scores, "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("custom-v4", json.RootElement.GetProperty("policy").GetProperty("id").GetString());
        Assert.Equal(PolicyLoader.LoadFile(file).Value.Hash, json.RootElement.GetProperty("policy").GetProperty("hash").GetString());
    }

    // ---- pool growth, bonuses, history, carry, override ----

    [Theory]
    [InlineData(24, "84000000000000000")]
    [InlineData(25, "105000000000000000")]
    [InlineData(30, "126000000000000000")]
    public void Allocate_PoolGrowth_CountsActiveMembersFromMembersCsv(int members, string pool)
    {
        // R4: 84,000 + floor(max(0, active − 20) / 5) × 21,000, with candidates and above counted on the first day.
        var rows = Enumerable.Range(1, members).Select(i => $"m{i:D2},candidate,2024-01-01,,EU").Prepend("id,rank,joined,left,region").ToArray();
        var membersCsv = Csv("members.csv", rows);
        var scores = Csv("scores.csv", "member,department,effort,result", "m01,CM,20,20", "m01,MK,10,10", "m02,CM,10,10", "m02,CC,5,5");

        var (exit, output, error) = Run("allocate", "--policy", "phala-v4.1", "--period", "2024-09", "--scores", scores, "--members", membersCsv, "--format", "json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(pool, json.RootElement.GetProperty("pool").GetString());
        Assert.Equal(members, json.RootElement.GetProperty("poolBreakdown").GetProperty("activeMembers").GetInt32());
        AssertDepartmentsSumExactly(json);
    }

    [Fact]
    public void Allocate_MemberJoiningAfterFirstDay_DoesNotGrowThePool()
    {
        var rows = Enumerable.Range(1, 25).Select(i => $"m{i:D2},candidate,{(i == 25 ? "2024-09-02" : "2024-01-01")},,").Prepend("id,rank,joined,left,region").ToArray();
        var membersCsv = Csv("members.csv", rows);
        var scores = Csv("scores.csv", "member,department,points", "m01,CM,30", "m01,MK,20");

        var (exit, output, _) = Run("allocate", "--policy", "phala-v4.1", "--period", "2024-09", "--scores", scores, "--members", membersCsv, "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("84000000000000000", json.RootElement.GetProperty("pool").GetString());
    }

    [Fact]
    public void Allocate_SeniorWithReportAndAdHocBonus_GetsBothOutsideThePool()
    {
        var members = Csv("members.csv", "id,rank", "A,senior", "B,ambassador");
        var scores = Csv("scores.csv", "member,department,points", "A,CM,30", "A,MK,30", "B,CM,10", "B,MK,10");
        var bonuses = Csv("bonuses.csv", "member,amount,reason,approver", "B,150.5,\"Led the AMA, twice\",lead");

        var (exit, output, _) = Run("allocate", "--policy", "phala-v4.1", "--period", "2024-09", "--scores", scores, "--members", members, "--bonuses", bonuses, "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("2000000000000000", Member(json, "A").GetProperty("bonus").GetString()); // R6
        Assert.Equal("150500000000000", Member(json, "B").GetProperty("bonus").GetString());
        var b = Member(json, "B");
        var shares = b.GetProperty("shares").EnumerateObject().Aggregate(BigInteger.Zero, (s, p) => s + Units(p.Value));
        Assert.Equal(shares + Units(b.GetProperty("bonus")), Units(b.GetProperty("total")));
    }

    [Fact]
    public void Allocate_BonusForUnknownMember_FailsWithLineNumber()
    {
        var scores = Csv("scores.csv", "member,department,points", "A,CM,30", "A,MK,30");
        var bonuses = Csv("bonuses.csv", "member,amount,reason,approver", "A,10,ok,lead", "Nobody,10,typo,lead");

        var (exit, output, error) = Run("allocate", "--period", "2024-09", "--scores", scores, "--bonuses", bonuses);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("bonuses.csv:3: error BONUS_UNKNOWN_MEMBER", error);
    }

    [Fact]
    public void Allocate_HistoryWithTwoGoodMonths_ProposesPromotion()
    {
        // R8: candidate → ambassador after 3 consecutive closed months ≥ 65 % (this month is the third).
        var members = Csv("members.csv", "id,rank", "A,candidate", "B,candidate");
        var scores = Csv("scores.csv", "member,department,points", "A,CM,30", "A,MK,30", "B,CM,30", "B,MK,30");
        var history = Csv("history.csv", "period,member,rank,percent,status", "2024-07,A,candidate,70,accepted", "2024-08,A,candidate,65.5,accepted", "2024-07,B,candidate,90,accepted", "2024-08,B,candidate,0,late");

        var (exit, output, error) = Run("allocate", "--policy", "phala-v4.1", "--period", "2024-09", "--scores", scores, "--members", members, "--history", history, "--format", "json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var proposal = Assert.Single(json.RootElement.GetProperty("proposals").EnumerateArray());
        Assert.Equal("A", proposal.GetProperty("member").GetString());
        Assert.Equal("candidate", proposal.GetProperty("from").GetString());
        Assert.Equal("ambassador", proposal.GetProperty("to").GetString());
        Assert.False(string.IsNullOrWhiteSpace(proposal.GetProperty("reason").GetString()));
    }

    [Fact]
    public void Allocate_HistoryFromAnOlderPolicy_AcceptsItsRanksAndRejectsUnknownOnes()
    {
        var scores = Csv("scores.csv", "member,department,points", "A,CM,30", "A,MK,30");
        var history = Csv("history.csv", "period,member,rank,percent", "2024-06,A,advocate,80", "2024-07,A,wizard,80", "2024-08,A,candidate,81.234");

        var (exit, _, error) = Run("allocate", "--period", "2024-09", "--scores", scores, "--history", history);

        Assert.Equal(1, exit);
        Assert.DoesNotContain("history.csv:2:", error);
        Assert.Contains("history.csv:3: error CSV_UNKNOWN_RANK", error);
        Assert.Contains("history.csv:4: error CSV_BAD_NUMBER", error);
    }

    [Fact]
    public void Allocate_CarriedIn_AddsToTheDepartmentPool()
    {
        var scores = Csv("scores.csv", "member,department,points", "A,CM,30", "A,BD,30");
        var carried = Csv("carried.csv", "department,amount", "BD,8400");

        var (exit, output, _) = Run("allocate", "--policy", "phala-v4.1", "--period", "2024-09", "--scores", scores, "--carried", carried, "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("92400000000000000", json.RootElement.GetProperty("pool").GetString());
        Assert.Equal("16800000000000000", Member(json, "A").GetProperty("shares").GetProperty("BD").GetString());
    }

    [Fact]
    public void Allocate_CarriedIntoUnknownDepartment_FailsWithLineNumber()
    {
        var scores = Csv("scores.csv", "member,department,points", "A,CM,30", "A,BD,30");
        var carried = Csv("carried.csv", "department,amount", "BD,1", "XX,2");

        var (exit, _, error) = Run("allocate", "--policy", "phala-v4.1", "--period", "2024-09", "--scores", scores, "--carried", carried);

        Assert.Equal(1, exit);
        Assert.Contains("carried.csv:3: error CSV_UNKNOWN_DEPARTMENT", error);
    }

    [Fact]
    public void Allocate_PoolOverrideForThresholdPolicy_SharesTheGivenPool()
    {
        // V.1 gives no pool figure: the program lead sets it (R5 threshold model: full reward = pool / members).
        var scores = Csv("scores.csv", "member,department,points", "A,CM,50", "A,VSM,30", "A,CC,10", "B,CM,30", "B,VSM,20");

        var (exit, output, error) = Run("allocate", "--policy", "phala-v1", "--period", "2022-07", "--scores", scores, "--pool", "10000", "--format", "json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("10000000000000000", json.RootElement.GetProperty("pool").GetString());
        Assert.True(json.RootElement.GetProperty("poolBreakdown").GetProperty("overridden").GetBoolean());
        var paid = json.RootElement.GetProperty("members").EnumerateArray().Aggregate(BigInteger.Zero, (s, m) => s + Units(m.GetProperty("total")));
        Assert.Equal(Units(json.RootElement.GetProperty("pool")), paid + Units(json.RootElement.GetProperty("carried")));
    }

    [Fact]
    public void Allocate_CappedPolicyWithoutAPrice_ExitsNonZeroNamingTheMonthAndToken()
    {
        // Proposal #14 (phala-v1, R10): at most 2,000 $ of PHA a month to active seniors. Without a price nothing is guessed.
        var members = Csv("members.csv", "id,rank", "S1,senior", "S2,senior", "A,ambassador");
        var scores = Csv("scores.csv", "member,department,points", "S1,CM,50", "S1,VSM,30", "S2,CM,45", "S2,VSM,30", "A,CM,50");

        var (exit, output, error) = Run("allocate", "--policy", "phala-v1", "--period", "2022-07", "--scores", scores, "--members", members, "--format", "json");

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("error TREASURY_PRICE_MISSING", error, StringComparison.Ordinal);
        Assert.Contains("PHA/USD", error, StringComparison.Ordinal);
        Assert.Contains("2022-07", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_CappedPolicyWithPrices_ClampsTheSeniorsToTheCap_AndReturnsTheRest()
    {
        var members = Csv("members.csv", "id,rank", "S1,senior", "S2,senior", "A,ambassador");
        var scores = Csv("scores.csv", "member,department,points", "S1,CM,50", "S1,VSM,30", "S2,CM,45", "S2,VSM,30", "A,CM,50");
        var prices = Csv("prices.csv", "period,price,source,date", "2022-06,0.5,CoinGecko,2022-06-30", "2022-07,0.25,CoinGecko,2022-07-31");
        var args = new[] { "allocate", "--policy", "phala-v1", "--period", "2022-07", "--scores", scores, "--members", members, "--format", "json" };

        // The same month against a price at which the cap buys more than the seniors are owed: nothing is held back.
        var generous = Csv("generous.csv", "period,price,source,date", "2022-07,0.001,CoinGecko,2022-07-31");
        var (okExit, okOutput, okError) = Run([.. args, "--prices", generous]);
        var (exit, output, error) = Run([.. args, "--prices", prices]);

        Assert.True(okExit == 0, okError);
        Assert.True(exit == 0, error);
        using var uncapped = JsonDocument.Parse(okOutput);
        using var json = JsonDocument.Parse(output);
        var owed = Units(Member(uncapped, "S1").GetProperty("total")) + Units(Member(uncapped, "S2").GetProperty("total"));
        var cap = BigInteger.Parse("8000000000000000", CultureInfo.InvariantCulture); // 2,000 $ at 0.25 $/PHA = 8,000 PHA, 12 decimals
        Assert.True(owed > cap, $"owed {owed}");
        Assert.Equal(cap, Units(Member(json, "S1").GetProperty("total")) + Units(Member(json, "S2").GetProperty("total")));
        Assert.Equal(owed - cap, Units(Member(json, "S1").GetProperty("capped")) + Units(Member(json, "S2").GetProperty("capped")));
        Assert.Equal(Member(uncapped, "A").GetProperty("total").GetString(), Member(json, "A").GetProperty("total").GetString());
        Assert.Equal(Units(uncapped.RootElement.GetProperty("unspent")) + (owed - cap), Units(json.RootElement.GetProperty("unspent")));
        Assert.Contains("CAP_CLAMPED", error, StringComparison.Ordinal);
        Assert.DoesNotContain("CAP_CLAMPED", okError, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_V3MemberWeightsFromChoices_AreApplied()
    {
        // R3 (V.3): "Marketing 90 %, Content 10 % of the 80 department points": MK counts up to 72, CC up to 8.
        var members = Csv("members.csv", "id,rank", "A,ambassador");
        var choices = Csv("choices.csv", "member,departments", "A,MK:90;CC:10");
        var scores = Csv("scores.csv", "member,department,points", "A,MK,72", "A,CC,9");

        var (exit, _, error) = Run("allocate", "--policy", "phala-v3", "--period", "2023-01", "--scores", scores, "--members", members, "--choices", choices, "--pool", "1000");

        Assert.Equal(1, exit);
        Assert.Contains("scores.csv:3: error SCORE_ABOVE_MAX", error); // CC 9 > 8
    }

    // ---- bad input never computes from partial data ----

    [Fact]
    public void Allocate_UnknownMember_FailsWithLineNumber()
    {
        var members = Csv("members.csv", "id,rank", "A,ambassador", "B,ambassador");
        var scores = Csv("scores.csv", "member,department,points", "A,CM,30", "A,MK,30", "Zed,CM,10", "B,CM,10", "B,MK,10");

        var (exit, output, error) = Run("allocate", "--period", "2024-09", "--scores", scores, "--members", members, "--format", "json");

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("scores.csv:4: error SCORE_UNKNOWN_MEMBER", error);
        Assert.Contains("Zed", error);
    }

    [Fact]
    public void Allocate_DepartmentNotChosen_FailsWithLineNumber()
    {
        var choices = Csv("choices.csv", "member,departments", "A,CM;MK", "B,CM|CC");
        var scores = Csv("scores.csv", "member,department,points", "A,CM,30", "A,MK,30", "A,CC,10", "B,CM,10", "B,CC,10");

        var (exit, output, error) = Run("allocate", "--period", "2024-09", "--scores", scores, "--choices", choices);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("scores.csv:4: error SCORE_NOT_CHOSEN", error);
    }

    [Fact]
    public void Allocate_EffortAboveTwenty_FailsWithLineNumber()
    {
        var scores = Csv("scores.csv", "member,department,effort,result", "A,CM,20,20", "A,MK,21,5");

        var (exit, output, error) = Run("allocate", "--period", "2024-09", "--scores", scores);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("scores.csv:3: error SCORE_ABOVE_MAX", error);
        Assert.Contains("21", error);
    }

    [Fact]
    public void Allocate_NegativeScore_FailsWithLineNumber()
    {
        var scores = Csv("scores.csv", "member,department,effort,result", "A,CM,20,20", "A,MK,5,-3");

        var (exit, output, error) = Run("allocate", "--period", "2024-09", "--scores", scores);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("scores.csv:3: error SCORE_NEGATIVE", error);
    }

    [Fact]
    public void Allocate_DuplicateRow_FailsWithLineNumber()
    {
        var scores = Csv("scores.csv", "member,department,points", "A,CM,30", "A,MK,30", "A,cm,10");

        var (exit, output, error) = Run("allocate", "--period", "2024-09", "--scores", scores);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("scores.csv:4: error SCORE_DUPLICATE", error);
    }

    [Fact]
    public void Allocate_TwentyThousandDuplicateRows_OneErrorLineEach()
    {
        var scores = Csv("scores.csv", [.. Enumerable.Repeat("A,CM,30", 20_000).Prepend("member,department,points")]);

        var (exit, output, error) = Run("allocate", "--period", "2024-09", "--scores", scores);

        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal(19_999, lines.Count(l => l.Contains("error SCORE_DUPLICATE", StringComparison.Ordinal)));
        Assert.Equal(19_999, lines.Where(l => l.Contains("SCORE_DUPLICATE", StringComparison.Ordinal)).Select(l => l.Split(':')[1]).Distinct().Count()); // a line each
        Assert.StartsWith("scores.csv:3: error SCORE_DUPLICATE", lines.First(l => l.Contains("SCORE_DUPLICATE", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.True(error.Length < 20_000 * 200, $"{error.Length:N0} characters of errors");
    }

    [Theory]
    [InlineData("A,CM,\"30", 2)]            // a quote never closed
    [InlineData("A,CM,30,7", 2)]            // more fields than the header
    [InlineData("A,CM", 2)]                 // fewer
    [InlineData("A,C\"M,30", 2)]            // a quote inside an unquoted field
    public void Allocate_MalformedCsv_FailsWithLineNumberAndExitTwo(string row, int line)
    {
        var scores = Csv("scores.csv", "member,department,points", row, "A,MK,30");

        var (exit, output, error) = Run("allocate", "--period", "2024-09", "--scores", scores);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"scores.csv:{line}: error CSV_MALFORMED", error);
    }

    [Fact]
    public void Allocate_MissingColumn_FailsNamingTheColumn()
    {
        var scores = Csv("scores.csv", "member,dept,points", "A,CM,30", "A,MK,30");

        var (exit, output, error) = Run("allocate", "--period", "2024-09", "--scores", scores);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("scores.csv:1: error CSV_MISSING_COLUMN", error);
        Assert.Contains("'department'", error);
    }

    [Fact]
    public void Allocate_NonNumericScore_FailsWithLineNumber()
    {
        var scores = Csv("scores.csv", "member,department,effort,result", "A,CM,twenty,20", "A,MK,10,10");

        var (exit, _, error) = Run("allocate", "--period", "2024-09", "--scores", scores);

        Assert.Equal(1, exit);
        Assert.Contains("scores.csv:2: error CSV_BAD_NUMBER", error);
    }

    [Fact]
    public void Allocate_ErrorsInSeveralFiles_AreAllReportedAtOnce()
    {
        var members = Csv("members.csv", "id,rank,joined", "A,ambassador,2024-01-01", "B,boss,2024-01-01", "C,candidate,01/02/2024");
        var scores = Csv("scores.csv", "member,department,points", "A,CM,30", "A,MK,x");

        var (exit, output, error) = Run("allocate", "--period", "2024-09", "--scores", scores, "--members", members);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("members.csv:3: error CSV_UNKNOWN_RANK", error);
        Assert.Contains("members.csv:4: error CSV_BAD_DATE", error);
        Assert.Contains("scores.csv:3: error CSV_BAD_NUMBER", error);
    }

    [Fact]
    public void Allocate_CrLfBomAndMixedCaseHeader_AreRead()
    {
        var path = Path.Combine(_dir.FullName, "scores.csv");
        File.WriteAllText(path, "\uFEFFMember, Department ,EFFORT,Result\r\nA,CM,20,18\r\n\r\nA,MK,5,25\r\n", new System.Text.UTF8Encoding(false));

        var (exit, _, error) = Run("allocate", "--period", "2024-09", "--scores", path);

        // The blank line still counts: the bad row is line 4 of the file.
        Assert.Equal(1, exit);
        Assert.Contains("scores.csv:4: error SCORE_ABOVE_MAX", error);
    }

    [Fact]
    public void Allocate_QuotedFieldWithLineBreak_KeepsLineNumbersOfLaterRows()
    {
        var scores = Csv("scores.csv", "member,department,points", "A,CM,30", "A,MK,30");
        var bonuses = Csv("bonuses.csv", "member,amount,reason,approver", "A,10,\"Two lines,\nof reason\",lead", "A,ten,typo,lead");

        var (exit, _, error) = Run("allocate", "--period", "2024-09", "--scores", scores, "--bonuses", bonuses);

        Assert.Equal(1, exit);
        Assert.Contains("bonuses.csv:4: error CSV_BAD_NUMBER", error);
    }

    [Fact]
    public void Allocate_MisspelledColumn_IsAnErrorAndAWarning()
    {
        var scores = Csv("scores.csv", "member,department,efort,result", "A,CM,20,18", "A,MK,5,5");

        var (exit, _, error) = Run("allocate", "--period", "2024-09", "--scores", scores);

        Assert.Equal(2, exit);
        Assert.Contains("scores.csv:1: error CSV_MISSING_COLUMN", error);
        Assert.Contains("scores.csv:1: warning CSV_UNKNOWN_COLUMN: column 'efort'", error);
    }

    [Fact]
    public void Allocate_MissingFile_ExitsTwo()
    {
        var (exit, _, error) = Run("allocate", "--period", "2024-09", "--scores", Path.Combine(_dir.FullName, "nope.csv"));

        Assert.Equal(2, exit);
        Assert.Contains("CSV_FILE_NOT_FOUND", error);
    }

    [Theory]
    [InlineData("--period", "2024-13")]
    [InlineData("--policy", "phala-v9")]
    [InlineData("--format", "xml")]
    [InlineData("--pool", "-5")]
    public void Allocate_BadUsage_ExitsTwo(string option, string value)
    {
        var scores = Csv("scores.csv", "member,department,points", "A,CM,30", "A,MK,30");
        var args = new List<string> { "allocate", "--scores", scores };
        if (option != "--period")
        {
            args.AddRange(["--period", "2024-09"]);
        }

        args.AddRange([option, value]);

        var (exit, output, error) = Run([.. args]);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("error", error);
    }

    [Fact]
    public void Allocate_WithoutScores_ExitsTwo()
    {
        var (exit, _, error) = Run("allocate", "--period", "2024-09");

        Assert.Equal(2, exit);
        Assert.Contains("--scores", error);
    }

    [Fact]
    public void Allocate_PolicyNotInForce_WarnsButComputes()
    {
        var scores = Example("seed-cm-example");

        var (exit, output, error) = Run("allocate", "--policy", "phala-v4", "--period", "2024-09", "--scores", scores, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Contains("warning POLICY_NOT_IN_FORCE", error);
        using var json = JsonDocument.Parse(output);
        Assert.Contains(json.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "POLICY_NOT_IN_FORCE");
    }

    // ---- simulate ----

    private static MonthAllocation Engine(string policyId, IReadOnlyList<(string Member, string Dept, int Points)> rows)
    {
        var members = rows.Select(r => r.Member).Distinct().Select(id => new Member(id, Rank.Ambassador)).ToList();
        var result = MonthEngine.Compute(new MonthInput
        {
            Policy = PolicyCatalog.Shipped.Get(policyId).Value,
            Period = new Period(2025, 3),
            Members = members,
            Scores = rows.Select(r => new ScoreLine(r.Member, r.Dept, null, null, Points.Of(r.Points))).ToList(),
        });
        Assert.True(result.IsSuccess, string.Join("\n", result.Diagnostics));
        return result.Value;
    }

    private static readonly (string Member, string Dept, int Points)[] SharedScores =
    [
        ("A", "CM", 38), ("A", "CC", 20), ("B", "CM", 32), ("B", "BD", 25), ("C", "CC", 40), ("C", "BD", 12), ("C", "OTHERS", 10),
    ];

    private string SharedScoresCsv() =>
        Csv("scores.csv", [.. SharedScores.Select(s => $"{s.Member},{s.Dept},{s.Points}").Prepend("member,department,points")]);

    [Fact]
    public void Simulate_V4VersusV5_DifferenceIsTheEnginesTotalsSubtracted()
    {
        var scores = SharedScoresCsv();
        var v4 = Engine("phala-v4", SharedScores);
        var v5 = Engine("phala-v5", SharedScores);

        var (exit, output, _) = Run("simulate", "--period", "2025-03", "--scores", scores, "--policy", "phala-v4", "--policy", "phala-v5", "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("phala-v4", json.RootElement.GetProperty("a").GetProperty("policy").GetProperty("id").GetString());
        Assert.Equal("phala-v5", json.RootElement.GetProperty("b").GetProperty("policy").GetProperty("id").GetString());
        foreach (var id in new[] { "A", "B", "C" })
        {
            var a = (BigInteger)v4.Members.Single(m => m.Id == id).Total.Units;
            var b = (BigInteger)v5.Members.Single(m => m.Id == id).Total.Units;
            var row = Member(json, id);
            Assert.Equal(a, Units(row.GetProperty("a")));
            Assert.Equal(b, Units(row.GetProperty("b")));
            Assert.Equal(b - a, Units(row.GetProperty("difference")));
        }

        Assert.Equal((BigInteger)v5.Pool.Units - (BigInteger)v4.Pool.Units, Units(json.RootElement.GetProperty("difference").GetProperty("pool")));
    }

    [Fact]
    public void Simulate_Table_ShowsSignedDifferenceInWholeTokens()
    {
        var scores = SharedScoresCsv();
        var v4 = Engine("phala-v4", SharedScores).Members.Single(m => m.Id == "A").Total;
        var v5 = Engine("phala-v5", SharedScores).Members.Single(m => m.Id == "A").Total;
        var expected = v5 >= v4 ? "+" + (v5 - v4).Format() : "-" + (v4 - v5).Format();

        var (exit, output, _) = Run("simulate", "--period", "2025-03", "--scores", scores, "--policy", "phala-v4", "--policy", "phala-v5");

        Assert.Equal(0, exit);
        var line = output.Split('\n').Single(l => l.StartsWith("A ", StringComparison.Ordinal));
        Assert.Equal(["A", v4.Format(), v5.Format(), expected], line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("pool", output);
        Assert.Contains("+6,000", output); // V.5's 90,000 against V.4's 84,000
    }

    [Fact]
    public void Simulate_DepartmentOnlyOnePolicyHas_FailsNamingThePolicy()
    {
        var scores = Csv("scores.csv", "member,department,points", "A,CM,30", "A,MK,30");

        var (exit, output, error) = Run("simulate", "--period", "2025-03", "--scores", scores, "--policy", "phala-v4", "--policy", "phala-v5");

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("scores.csv:3: error SCORE_UNKNOWN_DEPARTMENT: under phala-v5", error);
        Assert.DoesNotContain("error SCORE_UNKNOWN_DEPARTMENT: under phala-v4", error); // MK is a V.4 department
    }

    [Fact]
    public void Simulate_PoliciesWithDifferentTokens_AreRefused()
    {
        var scores = SharedScoresCsv();

        var (exit, output, error) = Run("simulate", "--period", "2025-11", "--scores", scores, "--policy", "phala-v5", "--policy", "phala-v5-erc20");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("cannot be compared", error);
    }

    [Fact]
    public void Simulate_OnePolicy_IsAUsageError()
    {
        var scores = SharedScoresCsv();

        var (exit, _, error) = Run("simulate", "--period", "2025-03", "--scores", scores, "--policy", "phala-v5");

        Assert.Equal(2, exit);
        Assert.Contains("exactly two", error);
    }
}
