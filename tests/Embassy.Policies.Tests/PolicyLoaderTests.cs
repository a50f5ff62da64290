using Embassy.Domain;

namespace Embassy.Policies.Tests;

public class PolicyLoaderTests
{
    private static string V4Text => PolicyCatalog.ShippedText("phala-v4")!;

    private static Diagnostic LoadFails(string yaml, string code)
    {
        var r = PolicyLoader.Load(yaml, "broken.yaml");
        Assert.False(r.IsSuccess);
        var e = Assert.Single(r.Errors, e => e.Code == code);
        Assert.StartsWith("broken.yaml: ", e.Message, StringComparison.Ordinal);
        Assert.Equal("broken.yaml", e.Position?.Source);
        Assert.True(e.Position?.Line > 0);
        return e;
    }

    [Fact]
    public void Load_ReviewSettings_AreRead_AndDefaultWhenAbsent()
    {
        var set = PolicyLoader.Load(V4Text + "\nreview: { reviewers_per_report: 3, disagreement_spread: 8, appeal_window_days: 5 }\n", "v4.yaml").Value;
        var absent = PolicyLoader.Load(V4Text, "v4.yaml").Value;

        Assert.Equal(new Domain.Rules.ReviewRule(3, 8, 5), set.Review);
        Assert.Equal(new Domain.Rules.ReviewRule(2, 10, 3), absent.Review);
    }

    [Fact]
    public void Load_ReviewDueDays_IsRead_SevenWhenAbsent_AndBoundedBySixtyDays()
    {
        var set = PolicyLoader.Load(V4Text + "\nreview: { review_due_days: 4 }\n", "v4.yaml").Value;
        var absent = PolicyLoader.Load(V4Text, "v4.yaml").Value;

        Assert.Equal((4, 3), (set.Review.ReviewDueDays, set.Review.AppealWindowDays));
        Assert.Equal(7, absent.Review.ReviewDueDays);
        LoadFails(V4Text + "\nreview: { review_due_days: 61 }\n", "POLICY_OUT_OF_RANGE");
    }

    [Fact]
    public void Load_Reminders_AreRead_OffWhenAbsent_AndNeedBothSettings()
    {
        var set = PolicyLoader.Load(V4Text + "\nreminders: { days_before_deadline: 3, tracking_issue: 12 }\n", "v4.yaml").Value;
        var absent = PolicyLoader.Load(V4Text, "v4.yaml").Value;

        Assert.Equal(new Domain.Rules.ReminderRule(3, 12), set.Reminders);
        Assert.Null(absent.Reminders);
        Assert.All(PolicyCatalog.Shipped.All, p => Assert.Null(p.Reminders)); // off by default: no shipped policy writes reminders
        LoadFails(V4Text + "\nreminders: { days_before_deadline: 3 }\n", "POLICY_MISSING_KEY");
        LoadFails(V4Text + "\nreminders: { days_before_deadline: 0, tracking_issue: 12 }\n", "POLICY_OUT_OF_RANGE");
        LoadFails(V4Text + "\nreminders: { days_before_deadline: 3, tracking_issue: 12, channel: x }\n", "POLICY_UNKNOWN_KEY");
    }

    [Fact]
    public void Load_ApplicationCriteria_AreRead_WithTheirScale_AndSeed000sThreeWhenAbsent()
    {
        var own = PolicyLoader.Load(
            V4Text[..V4Text.IndexOf("\napplication:", StringComparison.Ordinal)] + """

            application:
              scale: { max: 5, step: 0.5 }
              criteria:
                - { code: craft, name: Craft, description: "What you made." }
                - { code: warmth, name: Warmth, description: "How you welcome people." }
            """,
            "own.yaml").Value;
        var absent = PolicyLoader.Load(V4Text[..V4Text.IndexOf("\napplication:", StringComparison.Ordinal)], "v4.yaml").Value;

        Assert.Equal(["craft Craft What you made.", "warmth Warmth How you welcome people."], own.Application.Criteria.Select(c => $"{c.Code} {c.Name} {c.Description}"));
        Assert.Equal((Points.Of(5), Points.Of(0.5m)), (own.Application.Scale.Max, own.Application.Scale.Step));
        Assert.Equal(["expertise", "commitment", "influence"], absent.Application.Criteria.Select(c => c.Code));
        Assert.Equal((Points.Of(10), Points.Of(1)), (absent.Application.Scale.Max, absent.Application.Scale.Step));
    }

    [Theory]
    [InlineData("- code: influence", "- code: expertise", "POLICY_DUPLICATE", "application.criteria[2].code")]
    [InlineData("- code: influence", "- code: Influence!", "POLICY_BAD_VALUE", "application.criteria[2].code")]
    [InlineData("scale: { max: 10, step: 1 }", "scale: { max: 10, step: 3 }", "POLICY_OUT_OF_RANGE", "application.scale.max")]
    [InlineData("scale: { max: 10, step: 1 }", "scale: { max: 10, step: 0 }", "POLICY_OUT_OF_RANGE", "application.scale.step")]
    [InlineData("scale: { max: 10, step: 1 }", "scale: { max: 10, steps: 1 }", "POLICY_UNKNOWN_KEY", "application.scale.steps")]
    [InlineData("      name: Influence", "      title: Influence", "POLICY_UNKNOWN_KEY", "application.criteria[2].title")]
    public void Load_BadApplicationCriterion_NamesFileLineAndKey(string find, string replace, string code, string key)
    {
        Assert.Contains(find, V4Text, StringComparison.Ordinal);
        var e = LoadFails(V4Text.Replace(find, replace, StringComparison.Ordinal), code);
        Assert.Contains(key, e.Message, StringComparison.Ordinal);
        var line = V4Text[..V4Text.IndexOf(find, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        Assert.Equal(line, e.Position!.Value.Line);
    }

    [Fact]
    public void Load_NoApplicationCriterion_IsRefused()
    {
        var e = LoadFails(V4Text[..V4Text.IndexOf("\napplication:", StringComparison.Ordinal)] + "\napplication:\n  criteria: []\n", "POLICY_MISSING_KEY");
        Assert.Contains("application.criteria", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownReviewSetting_IsReported() =>
        LoadFails(V4Text + "\nreview: { reviewers: 3 }\n", "POLICY_UNKNOWN_KEY");

    [Fact]
    public void Load_WeightsNotSumming100_NamesFileKeyAndSum()
    {
        var e = LoadFails(V4Text.Replace("weight: 25,", "weight: 15,", StringComparison.Ordinal), "POLICY_WEIGHTS_NOT_100");
        Assert.Contains("departments", e.Message, StringComparison.Ordinal);
        Assert.Contains("90 %", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownDepartmentInChooseFrom_IsReported()
    {
        var e = LoadFails(V4Text.Replace("from: [CM, MK, CC, BD, TECH]", "from: [CM, MK, CC, BD, TECH, ART]", StringComparison.Ordinal), "POLICY_UNKNOWN_DEPARTMENT");
        Assert.Contains("choose.from", e.Message, StringComparison.Ordinal);
        Assert.Contains("'ART'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NegativeAmount_IsReported()
    {
        var e = LoadFails(V4Text.Replace("base: 84000", "base: -84000", StringComparison.Ordinal), "POLICY_NEGATIVE");
        Assert.Contains("pool.base", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PromotionToUnknownRank_IsReported()
    {
        var e = LoadFails(V4Text.Replace("to: senior, at_least: 90", "to: legend, at_least: 90", StringComparison.Ordinal), "POLICY_UNKNOWN_RANK");
        Assert.Contains("promotions[1].to", e.Message, StringComparison.Ordinal);
        Assert.Contains("'legend'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PromotionToAppointedHead_IsRefused()
    {
        var yaml = V4Text.Replace("  - { from: ambassador, to: senior, at_least: 90, months: 3 }", "  - { from: ambassador, to: senior, at_least: 90, months: 3 }\n  - { from: senior, to: head, at_least: 95, months: 6 }", StringComparison.Ordinal);
        LoadFails(yaml, "POLICY_APPOINTED_RANK");
    }

    [Fact]
    public void Load_MisspelledKey_IsNotSilentlyIgnored()
    {
        var e = LoadFails(V4Text.Replace("baseline_members: 20", "baseline_member: 20", StringComparison.Ordinal), "POLICY_UNKNOWN_KEY");
        Assert.Contains("pool.baseline_member", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_YamlSyntaxError_IsADiagnosticNotAnException()
    {
        var r = PolicyLoader.Load("id: [unclosed\nname: x", "broken.yaml");
        Assert.Equal("POLICY_YAML_SYNTAX", Assert.Single(r.Errors).Code);
    }

    [Theory]
    [InlineData("id: a\nid: b\n")]
    [InlineData("\t- :")]
    [InlineData("- just\n- a list\n")]
    [InlineData("")]
    public void Load_MalformedYaml_NeverThrows(string yaml)
    {
        var r = PolicyLoader.Load(yaml, "broken.yaml");
        Assert.False(r.IsSuccess);
        Assert.NotEmpty(r.Errors);
    }

    [Fact]
    public void Load_UntilBeforeFrom_IsReported() =>
        LoadFails(V4Text.Replace("until: 2024-08", "until: 2024-01", StringComparison.Ordinal), "POLICY_BAD_PERIOD");

    [Fact]
    public void Load_UnknownTimeZone_IsReported() =>
        LoadFails(V4Text.Replace("timezone: UTC", "timezone: Mars/Olympus", StringComparison.Ordinal), "POLICY_BAD_VALUE");

    [Fact]
    public void Load_ChangedText_ChangesHash()
    {
        var a = PolicyLoader.Load(V4Text, "a.yaml").Value;
        var b = PolicyLoader.Load(V4Text + "\n# comment\n", "a.yaml").Value;
        Assert.NotEqual(a.Hash, b.Hash);
    }

    [Fact]
    public void NewPolicy_WithOwnRules_NeedsNoCodeChange()
    {
        // R1: a program writes its own policy as data: here a 3-department program paying an 18-decimal ERC-20.
        const string yaml = """
            id: guild-2026
            name: Guild Program
            version: "1"
            from: 2026-01
            token: { symbol: GLD, decimals: 18 }
            ranks:
              - { code: member, title: Member }
              - { code: lead, title: Lead, appointed: true }
            model: department_pools
            pool: { base: "1000.5", baseline_members: 0, unspent: redistribute, active_from: member }
            choose: { min: 1, max: 2, from: [DEV, DOCS] }
            scoring: { effort_max: 10, result_max: 10, step: 0.5, percent_of: chosen_departments }
            departments:
              - { code: DEV, name: Development, weight: 60 }
              - { code: DOCS, name: Documentation, weight: 33.33 }
              - { code: MISC, name: Other, kind: others, weight: 6.67 }
            deadline: { day: 7, timezone: Europe/Berlin }
            payout: { rail: evm, chain_id: 8453, token_contract: "0x0000000000000000000000000000000000000001", safe: "0x00000000000000000000000000000000000000aa" }
            """;
        var r = PolicyLoader.Load(yaml, "guild.yaml");
        Assert.True(r.IsSuccess, string.Join("\n", r.Diagnostics));
        Assert.Equal("0x00000000000000000000000000000000000000aa", r.Value.Payout.Safe); // #13: the treasury Safe the payments come from
        Assert.Equal(3333, r.Value.FindDepartment("DOCS")!.WeightBasisPoints);
        Assert.Equal(Points.Of(0.5m), r.Value.Scoring.Step);
        Assert.Equal("1,000.5", r.Value.Pool.Base.Format());
    }

    [Fact]
    public void TokenDisplayDecimals_AreAPolicySetting_FourByDefault()
    {
        var shipped = PolicyLoader.Load(V4Text, "a.yaml").Value;
        var two = PolicyLoader.Load(V4Text.Replace("token: { symbol: PHA, decimals: 12 }", "token: { symbol: PHA, decimals: 12, display_decimals: 2 }", StringComparison.Ordinal), "b.yaml");
        var bad = PolicyLoader.Load(V4Text.Replace("token: { symbol: PHA, decimals: 12 }", "token: { symbol: PHA, decimals: 12, display_decimals: -1 }", StringComparison.Ordinal), "c.yaml");

        Assert.Equal(4, shipped.Token.DisplayDecimals);
        Assert.True(two.IsSuccess, string.Join("; ", two.Diagnostics));
        Assert.Equal(2, two.Value.Token.DisplayDecimals);
        Assert.Equal("8,178.33", two.Value.Token.Units(8_178_333_333_333_333).Display());
        Assert.False(bad.IsSuccess);
    }

    [Fact]
    public void AddressCoolingDays_APayoutSetting_SevenByDefault_ZeroTo365()
    {
        // #13: how long an unproven payout address change waits before it is paid.
        var erc20 = PolicyCatalog.ShippedText("phala-v5-erc20")!;
        var shipped = PolicyLoader.Load(erc20, "a.yaml").Value;
        var three = PolicyLoader.Load(erc20.Replace("  chunk_size: 100\n", "  chunk_size: 100\n  address_cooling_days: 3\n", StringComparison.Ordinal), "b.yaml");
        var bad = PolicyLoader.Load(erc20.Replace("  chunk_size: 100\n", "  chunk_size: 100\n  address_cooling_days: 400\n", StringComparison.Ordinal), "c.yaml");

        Assert.Equal(7, shipped.Payout.AddressCoolingDays);
        Assert.Equal("phala", shipped.Program);
        Assert.True(three.IsSuccess, string.Join("; ", three.Diagnostics));
        Assert.Equal(3, three.Value.Payout.AddressCoolingDays);
        Assert.False(bad.IsSuccess);
    }

    [Fact]
    public void Catalog_OverlappingPeriods_AreRefusedNamingBothFiles()
    {
        var a = PolicyLoader.Load(V4Text, "phala-v4.yaml").Value;
        var b = PolicyLoader.Load(V4Text.Replace("id: phala-v4", "id: phala-v4-bis", StringComparison.Ordinal).Replace("from: 2024-07", "from: 2024-08", StringComparison.Ordinal), "bis.yaml").Value;
        var r = PolicyCatalog.Create([(a, "phala-v4.yaml"), (b, "bis.yaml")]);
        var e = Assert.Single(r.Errors);
        Assert.Equal("POLICY_OVERLAP", e.Code);
        Assert.Contains("bis.yaml", e.Message, StringComparison.Ordinal);
        Assert.Contains("phala-v4.yaml", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_LoadDirectory_ReportsEveryBrokenFile()
    {
        var dir = Directory.CreateTempSubdirectory("embassy-policies-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "one.yaml"), V4Text.Replace("weight: 25,", "weight: 20,", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(dir.FullName, "two.yaml"), V4Text.Replace("base: 84000", "base: -1", StringComparison.Ordinal));
            var r = PolicyCatalog.LoadDirectory(dir.FullName);
            Assert.Contains(r.Errors, e => e.Position?.Source == "one.yaml" && e.Code == "POLICY_WEIGHTS_NOT_100");
            Assert.Contains(r.Errors, e => e.Position?.Source == "two.yaml" && e.Code == "POLICY_NEGATIVE");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Catalog_LoadDirectory_KeepsEachFilesTextAndNamesAMissingFolder()
    {
        var dir = Directory.CreateTempSubdirectory("embassy-policies-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "mine.yaml"), V4Text);
            var r = PolicyCatalog.LoadDirectory(dir.FullName);
            Assert.Equal(V4Text, r.Value.Text("phala-v4"));
            var missing = PolicyCatalog.LoadDirectory(Path.Combine(dir.FullName, "nowhere"));
            Assert.Equal("POLICY_FOLDER_MISSING", Assert.Single(missing.Errors).Code);
            var empty = PolicyCatalog.LoadDirectory(dir.CreateSubdirectory("empty").FullName);
            Assert.Equal("POLICY_NONE", Assert.Single(empty.Errors).Code);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Load_Vocabulary_ReadsCodesAndNames_AndRefusesANameForAnUnknownCode()
    {
        var good = PolicyLoader.Load(V4Text + "\nvocabulary:\n  codes: [VSM]\n  names: { community support: CM, Video: VSM }\n", "v.yaml").Value;
        Assert.Equal(["VSM"], good.Vocabulary.Codes);
        Assert.Equal([new("community support", "CM"), new KeyValuePair<string, string>("video", "VSM")], good.Vocabulary.Names);

        var bad = PolicyLoader.Load(V4Text + "\nvocabulary:\n  codes: [vsm]\n  names: { streams: XX }\n", "v.yaml");
        Assert.Contains(bad.Errors, e => e.Code == "POLICY_BAD_VALUE" && e.Message.Contains("'vsm' is not a code", StringComparison.Ordinal) && e.Position?.Line > 0);
        Assert.Contains(bad.Errors, e => e.Code == "POLICY_BAD_VALUE" && e.Message.Contains("'XX'", StringComparison.Ordinal));
    }

    private const string Caps = "\nfiat_caps:\n  - { name: senior bounties, usd: 2000, mode: clamp, ranks: [senior] }\n  - { name: educator bounties, usd: \"1,500.50\", mode: flag, bounties: true }\n";

    [Fact]
    public void Load_FiatCaps_ReadRuleAndScope()
    {
        var policy = PolicyLoader.Load(V4Text + Caps, "caps.yaml").Value;

        var senior = policy.FiatCaps[0];
        Assert.Equal("senior bounties", senior.Rule.Name);
        Assert.Equal(Domain.Treasury.UsdAmount.Dollars(2_000), senior.Rule.Cap);
        Assert.Equal(Domain.Treasury.CapMode.Clamp, senior.Rule.Mode);
        Assert.Equal([Rank.Senior], senior.Ranks);
        Assert.False(senior.Bounties);
        var educators = policy.FiatCaps[1];
        Assert.Equal(Domain.Treasury.UsdAmount.Cents(150_050), educators.Rule.Cap);
        Assert.Equal(Domain.Treasury.CapMode.Flag, educators.Rule.Mode);
        Assert.True(educators.Bounties);
        Assert.Empty(educators.Ranks);
    }

    [Theory]
    [InlineData("ranks: [senior] }", "ranks: [legend] }", "POLICY_UNKNOWN_RANK", "fiat_caps[0].ranks[0]")]
    [InlineData("usd: 2000,", "usd: 0,", "POLICY_OUT_OF_RANGE", "fiat_caps[0].usd")]
    [InlineData("usd: 2000,", "usd: -5,", "POLICY_NEGATIVE", "fiat_caps[0].usd")]
    [InlineData("mode: clamp", "mode: squash", "POLICY_BAD_VALUE", "fiat_caps[0].mode")]
    [InlineData("mode: clamp, ranks: [senior] }", "mode: clamp, ranks: [senior], bounties: true }", "POLICY_BAD_VALUE", "fiat_caps[0]")]
    [InlineData("mode: clamp, ranks: [senior] }", "mode: clamp }", "POLICY_MISSING_KEY", "fiat_caps[0].ranks")]
    [InlineData("name: senior bounties,", "name: senior bounties, per: week,", "POLICY_UNKNOWN_KEY", "fiat_caps[0].per")]
    public void Load_BadFiatCap_NamesTheKey(string find, string replace, string code, string key)
    {
        var e = LoadFails(V4Text + Caps.Replace(find, replace, StringComparison.Ordinal), code);
        Assert.Contains(key, e.Message, StringComparison.Ordinal);
    }
}
