using Embassy.Domain;
using Embassy.Policies;
using Embassy.Reports;

namespace Embassy.Reports.Tests;

public sealed class ReportParserTests
{
    private const string Phala = "41PLCEdup7XdUH4hsik4hyFoihDRYKfpN2K48jZH8ehL2tP2";
    private const string Evm = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    private static ParsedReport Parse(string title, string body, string filed = "2024-08-03T10:00:00Z", string? policy = null) =>
        ReportParser.Shipped.Parse(
            new IssueSnapshot(42, title, body, "member", DateTimeOffset.Parse(filed, System.Globalization.CultureInfo.InvariantCulture)),
            policy is null ? null : PolicyCatalog.Shipped.Get(policy).Value);

    [Fact]
    public void Parse_TitleWithoutYear_TakesYearFromFilingDate()
    {
        var report = Parse("Ambassador report February - jack", "PHA Address: " + Phala, "2025-03-04T12:00:00Z");

        Assert.Equal(new Period(2025, 2), report.Period);
        Assert.Contains(report.Diagnostics, d => d.Code == ReportCodes.PeriodYearInferred);
    }

    [Fact]
    public void Parse_DecemberWithoutYearFiledInJanuary_IsPreviousYear()
    {
        var report = Parse("December contribution", string.Empty, "2025-01-03T12:00:00Z");

        Assert.Equal(new Period(2024, 12), report.Period);
    }

    [Fact]
    public void Parse_StatedYearContradictsFilingDate_UsesImpliedMonthWithWarning()
    {
        var report = Parse("July 2022 Contribution - someone", string.Empty, "2024-08-04T12:00:00Z");

        Assert.Equal(new Period(2024, 7), report.Period);
        Assert.Contains(report.Diagnostics, d => d.Code == ReportCodes.PeriodContradictsFiling && d.Severity == Severity.Warning);
    }

    [Fact]
    public void Parse_FiledTwoMonthsAfterStatedMonthOfSameYear_KeepsMonthAndFlagsForReview()
    {
        var report = Parse("February 2025 Contribution", string.Empty, "2025-04-07T12:00:00Z");

        Assert.Equal(new Period(2025, 2), report.Period);
        Assert.Contains(report.Diagnostics, d => d.Code == ReportCodes.PeriodFarFromFiling);
    }

    [Theory]
    [InlineData("Feburary 2024 Contributions", 2024, 2)]
    [InlineData("Fabruary 2024 Contributions", 2024, 2)]
    [InlineData("Contribution Mai 2024", 2024, 5)]
    [InlineData("Relatório Dez 2023", 2023, 12)]
    [InlineData("Relatório Out 2023", 2023, 10)]
    [InlineData("Rapport Juillet 2024", 2024, 7)]
    [InlineData("Contributo Dicembre 2023", 2023, 12)]
    [InlineData("Report 2024-07", 2024, 7)]
    [InlineData("Report 07/2024", 2024, 7)]
    [InlineData("inFaceAi candidate Ambassador Sept 2024 report", 2024, 9)]
    [InlineData("Novembreer 2023 Contributions", 2023, 11)]
    [InlineData("2024年7月 贡献", 2024, 7)]
    public void Parse_MonthInTitle_IsRead(string title, int year, int month)
    {
        var report = Parse(title, string.Empty, new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1).AddDays(2).ToString("O"));

        Assert.Equal(new Period(year, month), report.Period);
    }

    [Fact]
    public void Parse_NoMonthInTitle_ReadsDatedMonthFromBody()
    {
        var report = Parse("Contribution - jack", "Intro\nMy work in March 2024 was:\n- may be more next month", "2024-04-02T00:00:00Z");

        Assert.Equal(new Period(2024, 3), report.Period);
    }

    [Fact]
    public void Parse_NoMonthAnywhere_ReportsPeriodMissing()
    {
        var report = Parse("My report", "I may do more.");

        Assert.Null(report.Period);
        Assert.Contains(report.Diagnostics, d => d.Code == ReportCodes.PeriodMissing && d.IsError);
    }

    [Theory]
    [InlineData("PHA Wallet Address: " + Phala)]
    [InlineData("PHA Address : " + Phala)]
    [InlineData("Dirección PHA: " + Phala)]
    [InlineData("**PHA Address:** " + Phala + "**")]
    [InlineData("- **PHA Wallet Address :** " + Phala + "  ")]
    [InlineData("PHA Wallet Address: \n" + Phala)]
    public void Parse_WalletLabelForms_AreRead(string line)
    {
        var report = Parse("July 2024 Contribution", "Amb rank: Ambassador\n" + line + "\nDepartments: CM/CC");

        Assert.Equal(Phala, report.Wallet);
        Assert.Equal(WalletKind.Ss58, report.WalletKind);
        Assert.DoesNotContain(report.Diagnostics, d => d.Code.StartsWith("WALLET_", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_Erc20Label_ReadsEvmAddress()
    {
        var report = Parse("December 2025 Contribution", "PHA Wallet Address ERC20: " + Evm, "2026-01-03T00:00:00Z");

        Assert.Equal(Evm, report.Wallet);
        Assert.Equal(WalletKind.Evm, report.WalletKind);
        Assert.Equal("phala-v5-erc20", report.PolicyId);
        Assert.DoesNotContain(report.Diagnostics, d => d.Code.StartsWith("WALLET_", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_TwoDifferentWallets_KeepsFirstAndWarns()
    {
        var report = Parse("July 2024", $"PHA Address: {Phala}\nold copy\nPHA Address: 454fB2TPc4MtcE5LD44t3Q4oQNLA3mqPojzcBYJ1yEiDv5Kt");

        Assert.Equal(Phala, report.Wallet);
        Assert.Contains(report.Diagnostics, d => d.Code == ReportCodes.WalletMultiple);
    }

    [Fact]
    public void Parse_WalletWithBadChecksum_IsWalletBadChecksum()
    {
        var typo = Phala[..^1] + "3";

        var report = Parse("July 2024", "PHA Wallet Address: " + typo);

        var d = Assert.Single(report.Diagnostics, x => x.Code == ReportCodes.WalletBadChecksum);
        Assert.True(d.IsError);
        Assert.Equal(1, d.Position?.Line);
    }

    [Fact]
    public void Parse_EvmWalletWithBadChecksum_IsWalletBadChecksum()
    {
        var report = Parse("December 2025", "PHA Wallet Address: " + Evm[..^1] + "D", "2026-01-02T00:00:00Z");

        Assert.Contains(report.Diagnostics, x => x.Code == ReportCodes.WalletBadChecksum);
    }

    [Fact]
    public void Parse_Ss58WalletUnderEvmPolicy_IsWrongRail()
    {
        var report = Parse("December 2025", "PHA Wallet Address: " + Phala, "2026-01-02T00:00:00Z");

        Assert.Contains(report.Diagnostics, x => x.Code == ReportCodes.WalletWrongRail && x.IsError);
    }

    [Fact]
    public void Parse_NoWallet_IsWalletMissing()
    {
        var report = Parse("July 2024", "Departments: CM/CC");

        Assert.Null(report.Wallet);
        Assert.Contains(report.Diagnostics, x => x.Code == ReportCodes.WalletMissing && x.IsError);
    }

    [Theory]
    [InlineData("Departments: [CM]/[CC]", new[] { "CM", "CC" })]
    [InlineData("**Departments** : #CM & #CC", new[] { "CM", "CC" })]
    [InlineData("Departments: CC/ Other", new[] { "CC" })]
    [InlineData("Departments: MK/CM&CC", new[] { "MK", "CM", "CC" })]
    [InlineData("- Departments: Marketing and Content", new[] { "MK", "CC" })]
    [InlineData("Department: CC (Content Creation)", new[] { "CC" })]
    [InlineData("Departments : #BD #CC #CM", new[] { "BD", "CC", "CM" })]
    [InlineData("Departments: CM/CC/", new[] { "CM", "CC" })]
    public void Parse_DeclaredDepartmentForms_AreMappedThroughPolicy(string line, string[] expected)
    {
        var report = Parse("July 2024 Contribution", "PHA Address: " + Phala + "\n" + line);

        Assert.Equal(expected, report.Departments);
    }

    [Fact]
    public void Parse_V3WeightsDeclaration_ReadsDepartmentsNotScores()
    {
        var report = Parse("March 2023 Contributions", "Contributions of March : CC50% & CM50%\nDepartment Score Weight : 50%(40) & 50%(40)\nratio : 70%CM (56/80) - 30%CC (24/80)", "2023-04-03T00:00:00Z");

        Assert.Equal(["CC", "CM"], report.Departments);
        Assert.Empty(report.SuggestedScores);
    }

    [Fact]
    public void Parse_TechInV41_MapsToTa()
    {
        var report = Parse("October 2024", "Departments: CM/Tech", "2024-11-02T00:00:00Z");

        Assert.Equal(["CM", "TA"], report.Departments);
    }

    [Fact]
    public void Parse_PlaceholderDeclaration_UsesSectionHeadingsAndWarns()
    {
        var report = Parse("November 2024 Contribution", "- Departments: [1]/[2]/[3]\n\n2. Departments:\n\n· CM:\n- moderation https://t.me/x\n\n· CC:\n- https://x.com/a/status/1850000000000000000", "2024-12-02T00:00:00Z");

        Assert.Equal(["CM", "CC"], report.Departments);
        Assert.True(report.DepartmentsFromSections);
        Assert.Contains(report.Diagnostics, d => d.Code == ReportCodes.TemplatePlaceholder && d.Position?.Line == 1);
    }

    [Fact]
    public void Parse_SectionsWithoutDeclaration_AreTheDepartments()
    {
        var body = "Telegram : @me\nMK & PM - I promoted Phala\nhttps://x.com/a/status/1\n\nCM\n- moderation\n\nMK: I do not contribute to this department.";

        var report = Parse("July 2023 Contributions", body, "2023-08-02T00:00:00Z");

        Assert.Equal(["MK", "CM"], report.Departments);
        Assert.Equal(["PM"], report.Supplementary);
    }

    [Fact]
    public void Parse_V1TemplateModerationQuestions_ImplyCommunityManagement()
    {
        var body = "My Mandatory (Basic) Contributions of August:\nAmbassador\nHave I participated in Discord Channel Moderation (choose)? Yes\n\nVSM(Twitter Virals)\nhttps://twitter.com/me";

        var report = Parse("August 2022 Contributions", body, "2022-09-02T00:00:00Z");

        Assert.Equal(["CM", "VSM"], report.Supplementary);
        Assert.Equal(Rank.Ambassador, report.Rank);
    }

    [Theory]
    [InlineData("CM 35/40", "CM", 35, 40)]
    [InlineData("[CM] 35/40", "CM", 35, 40)]
    [InlineData("#CM : 35/40 => with CM weight of 75%: 45/60", "CM", 35, 40)]
    [InlineData("CC : 40/40", "CC", 40, 40)]
    [InlineData("MK:(35/40)", "MK", 35, 40)]
    [InlineData("**CONTENT (CC): 32/40**", "CC", 32, 40)]
    [InlineData("- [Community Management] 30/40", "CM", 30, 40)]
    [InlineData("CM - Translation Filipino (40/40):", "CM", 40, 40)]
    [InlineData("CC 70/80", "CC", 70, 80)]
    [InlineData("[Basic Activities]: 20/40", "BASIC", 20, 40)]
    public void Parse_ScoreForms_AreRead(string line, string code, int score, int max)
    {
        var report = Parse("July 2024 Contribution", "Suggested scores:\n" + line);

        var s = report.SuggestedScores[code];
        Assert.Equal(Points.Of(score), s.Score);
        Assert.Equal(Points.Of(max), s.Max);
    }

    [Fact]
    public void Parse_SupplementaryScoreOutOfTen_IsClaimed()
    {
        var report = Parse("April 2023", "Departments: CM/CP\n[BH] 6/10", "2023-05-02T00:00:00Z");

        Assert.Equal(Points.Of(6), report.SuggestedScores["BH"].Score);
        Assert.Equal(Points.Of(10), report.SuggestedScores["BH"].Max);
        Assert.Equal(["BH"], report.Supplementary);
    }

    [Theory]
    [InlineData("- Overall suggested score: 67/100.", 67)]
    [InlineData("Overall : 53", 53)]
    public void Parse_OverallSuggested_IsRead(string line, int expected)
    {
        Assert.Equal(Points.Of(expected), Parse("July 2024", line).OverallSuggested);
    }

    [Fact]
    public void Parse_TemplateLeftUnfilled_WarnsOnEachPlaceholder()
    {
        var body = "- Amb rank: X\n- Discord Username: Y\n- Departments: [1]/[2]/[3](if applicable)\n- [Department 1] X/40\n- Overall suggested score: X/100.";

        var report = Parse("July 2024 Contribution - {your #discord ID}", body);

        var lines = report.Diagnostics.Where(d => d.Code == ReportCodes.TemplatePlaceholder).Select(d => d.Position?.Source ?? d.Position?.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?").ToArray();
        Assert.Equal(["title", "1", "2", "3", "4", "5"], lines);
        Assert.Null(report.Rank);
        Assert.Null(report.Discord);
        Assert.Null(report.OverallSuggested);
    }

    [Theory]
    [InlineData("Amb Rank: Senior Ambassador", "senior")]
    [InlineData("**AMB Rank:** Candidate Ambassador", "candidate")]
    [InlineData("Ambassador rank: Head Ambassador", "head")]
    [InlineData("Senior-ambassador", "senior")]
    [InlineData("**Ambassador**", "ambassador")]
    [InlineData("Amb rank: Ambassador Candidate", "candidate")]
    [InlineData("Rango: Embajador Senior", "senior")]
    [InlineData("Cargo: Embaixador", "ambassador")]
    [InlineData("Amb Rank: Senior Ambassador (since May)", "senior")]
    public void Parse_RankForms_AreNormalized(string line, string code)
    {
        Assert.Equal(new Rank(code), Parse("July 2024", "Telegram: @me\n" + line).Rank);
    }

    [Fact]
    public void Parse_Handles_AreKeptAsWrittenAndNormalized()
    {
        var body = "Telegram : [Jimi](https://t.me/jimiflowers)\nDiscord : captainjack #3452\nelegram : @ignored\nTwitter as Official Local Phala Account : https://twitter.com/PhalaEspanol\nTwitter as Official Ambassador : https://twitter.com/BeFlowerStake?s=20";

        var report = Parse("July 2024", body);

        Assert.Equal("[Jimi](https://t.me/jimiflowers)", report.Telegram?.Raw);
        Assert.Equal("jimiflowers", report.Telegram?.Normalized);
        Assert.Equal("captainjack#3452", report.Discord?.Normalized);
        Assert.Equal("BeFlowerStake", report.Twitter?.Normalized);
        Assert.Equal(5, report.Twitter?.Line);
    }

    [Fact]
    public void Parse_MisspelledTelegramLabel_IsRead()
    {
        Assert.Equal("gatorkorps", Parse("March 2025", "elegram : @gatorkorps").Telegram?.Normalized);
    }

    [Fact]
    public void Parse_Evidence_IsClassifiedWithItsSection()
    {
        var body = string.Join('\n',
            "Departments: CM/CC",
            "CM:",
            "![stats](https://user-images.githubusercontent.com/1/2.png)",
            "https://t.me/phalanetwork/1",
            "CC:",
            "1. [thread](https://x.com/someone/status/1816000000000000000?s=20)",
            "2. https://medium.com/@me/article-1",
            "<img width=\"1\" src=\"https://github.com/user-attachments/assets/abc\">",
            "https://youtu.be/xyz https://www.linkedin.com/posts/me https://discord.com/channels/1/2 https://github.com/me/repo https://example.org/x");

        var report = Parse("July 2024", body);

        var kinds = report.Evidence.Select(e => (e.Kind, e.Department, e.Line)).ToArray();
        Assert.Equal(
            [
                (EvidenceKind.Image, "CM", 3), (EvidenceKind.Telegram, "CM", 4), (EvidenceKind.XStatus, "CC", 6), (EvidenceKind.Medium, "CC", 7),
                (EvidenceKind.Image, "CC", 8), (EvidenceKind.YouTube, "CC", 9), (EvidenceKind.LinkedIn, "CC", 9), (EvidenceKind.Discord, "CC", 9),
                (EvidenceKind.GitHub, "CC", 9), (EvidenceKind.Other, "CC", 9),
            ],
            kinds);
        var x = report.Evidence.Single(e => e.Kind == EvidenceKind.XStatus);
        Assert.Equal(1816000000000000000UL, x.XStatusId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds((1816000000000000000L >> 22) + 1288834974657), x.XStatusTime);
    }

    [Theory]
    [InlineData("📌 CM: 35/40", "CM", 35, 40)]
    [InlineData("Community Management - 35/40", "CM", 35, 40)]
    [InlineData("Content Creation 30/40", "CC", 30, 40)]
    [InlineData("CM-35/40", "CM", 35, 40)]
    [InlineData("[CM] 35", "CM", 35, 40)]
    [InlineData("CC: 30 points", "CC", 30, 40)]
    [InlineData("CM: effort 18/20, results 17/20", "CM", 35, 40)]
    [InlineData("CM: 18/20 + 17/20 = 35/40", "CM", 35, 40)]
    public void Parse_MoreScoreForms_AreRead(string line, string code, int score, int max)
    {
        var report = Parse("July 2024 Contribution", "Suggested scores:\n" + line);

        Assert.Equal(Points.Of(score), report.SuggestedScores[code].Score);
        Assert.Equal(Points.Of(max), report.SuggestedScores[code].Max);
    }

    [Fact]
    public void Parse_BareNumberOutsideScoreBlock_IsNotAScore()
    {
        var report = Parse("July 2024 Contribution", "CM: 35 new members joined the group");

        Assert.Empty(report.SuggestedScores);
    }

    [Theory]
    [InlineData("Overall suggested score = 65", 65)]
    [InlineData("Total score: 70/80", 70)]
    public void Parse_OverallWithoutLabelColon_IsRead(string line, int expected)
    {
        Assert.Equal(Points.Of(expected), Parse("July 2024", line).OverallSuggested);
    }

    [Theory]
    [InlineData("Departments: CM - CC", new[] { "CM", "CC" })]
    [InlineData("Departments - CM/CC", new[] { "CM", "CC" })]
    [InlineData("✅ Departments: Community Management, Content Creation", new[] { "CM", "CC" })]
    public void Parse_MoreDeclarationForms_AreRead(string line, string[] expected)
    {
        Assert.Equal(expected, Parse("July 2024", line).Departments);
    }

    [Fact]
    public void Parse_ShortLabelWithAddressValue_IsTheWallet()
    {
        var report = Parse("July 2024", "Telegram: @me\nPHA: " + Phala);

        Assert.Equal(Phala, report.Wallet);
    }

    [Fact]
    public void Parse_RoleLabel_GivesRank()
    {
        Assert.Equal(Rank.Senior, Parse("July 2024", "Role: Senior Ambassador").Rank);
    }

    [Fact]
    public void Parse_OthersInDeclaration_IsNotAChoice()
    {
        var report = Parse("July 2024", "Departments: CC/ Other");

        Assert.Equal(["CC"], report.Departments);
        Assert.Empty(report.Supplementary);
    }

    [Fact]
    public void Parse_SupplementaryDeclarationLine_AddsTasks()
    {
        var report = Parse("January 2023", "Departments: MK & CM\nSupplementary tasks: PM", "2023-02-02T00:00:00Z");

        Assert.Equal(["MK", "CM"], report.Departments);
        Assert.Equal(["PM"], report.Supplementary);
    }

    [Fact]
    public void Parse_RetiredTaskNameInLaterReport_IsNotADepartment()
    {
        var report = Parse("July 2024", "Events: hosted an AMA https://x.com/a/status/1816000000000000000\nContent: two threads");

        Assert.Equal(["CC"], report.Departments);
    }

    [Fact]
    public void Parse_RetiredTaskNameUnderItsPolicy_IsTheTask()
    {
        var report = Parse("July 2022", "Tutorial: wrote a guide https://medium.com/a", "2022-08-02T00:00:00Z");

        Assert.Equal(["TT"], report.Supplementary);
    }

    [Fact]
    public void Parse_SeveralScoresOnOneLine_AreRead()
    {
        var report = Parse("July 2024", "Suggested scores: CM 35/40, [CC] 30/40");

        Assert.Equal(Points.Of(35), report.SuggestedScores["CM"].Score);
        Assert.Equal(Points.Of(30), report.SuggestedScores["CC"].Score);
    }

    [Fact]
    public void Parse_ScoreOutOf_IsRead()
    {
        Assert.Equal(Points.Of(35), Parse("July 2024", "CM: 35 out of 40").SuggestedScores["CM"].Score);
    }

    [Fact]
    public void Parse_OverallAsSum_TakesTheTotal()
    {
        Assert.Equal(Points.Of(65), Parse("July 2024", "Overall suggested score: 35+30 = 65/80").OverallSuggested);
    }

    [Fact]
    public void Parse_NumberedDeclaration_IsRead()
    {
        Assert.Equal(["CM", "CC"], Parse("July 2024", "Departments: 1. CM 2. CC").Departments);
    }

    [Fact]
    public void Parse_AddressForEachRail_UsesThePolicysRail()
    {
        var body = $"PHA Address: {Phala}\nPHA Address (ERC-20): {Evm}";

        var report = Parse("December 2025 Contribution", body, "2026-01-02T00:00:00Z");

        Assert.Equal(Evm, report.Wallet);
        Assert.Equal(2, report.WalletLine);
        Assert.Equal([Phala, Evm], report.Wallets.Select(w => w.Address));
        Assert.DoesNotContain(report.Diagnostics, d => d.Code.StartsWith("WALLET_", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NoDeclarationButScores_ScoredDepartmentsAreClaimed()
    {
        var report = Parse("July 2024", "I moderated and wrote threads.\n\nSuggested scores:\n[CM] 35/40\n[CC] 30/40\n[Basic Activities] 20/40");

        Assert.Equal(["CM", "CC"], report.Departments);
    }

    [Fact]
    public void Parse_TitleSaysStillUpdating_WarnsDraft()
    {
        var report = Parse("January 2025 Contribution - {me} - STILL UPDATING", "............", "2025-02-03T00:00:00Z");

        Assert.Contains(report.Diagnostics, d => d.Code == ReportCodes.Draft && d.Position?.Source == "title");
    }

    [Fact]
    public void Parse_UnnamedScoreOutOfAnotherMaximum_IsNotTheDepartmentsScore()
    {
        var report = Parse("January 2026 Contribution - x", "Department: CC\nhttps://x.com/a/status/2011000000000000001\nScore: 80/100", "2026-02-02T10:00:00Z");

        Assert.Equal(["CC"], report.Departments);
        Assert.Empty(report.SuggestedScores);
    }

    [Fact]
    public void Parse_UnnamedScoreWithTwoDepartments_IsNotGuessed()
    {
        var report = Parse("January 2026 Contribution - x", "Departments: CC/CM\nSuggested score: 35/40", "2026-02-02T10:00:00Z");

        Assert.Empty(report.SuggestedScores);
    }

    [Fact]
    public void Parse_SharedLineBeforeScores_DoesNotOpenAWeightBlock()
    {
        var report = Parse("January 2026 Contribution - x", "Departments: CC/CM\nShared the launch thread\nCC: 36/40\nCM: 30/40", "2026-02-02T10:00:00Z");

        Assert.Equal(Points.Of(36), report.SuggestedScores["CC"].Score);
        Assert.Equal(Points.Of(30), report.SuggestedScores["CM"].Score);
    }

    [Fact]
    public void Parse_WeightBlock_EndsAtTheBlankLine()
    {
        var report = Parse("January 2026 Contribution - x", "Departments: CC/CM\nDepartment weights\nCC: 60/100\nCM: 40/100\n\nCC: 36/40\nCM: 30/40", "2026-02-02T10:00:00Z");

        Assert.Equal(Points.Of(36), report.SuggestedScores["CC"].Score);
        Assert.Equal(Points.Of(40), report.SuggestedScores["CC"].Max);
        Assert.Equal(Points.Of(30), report.SuggestedScores["CM"].Score);
    }

    [Fact]
    public void Parse_ShortWordsNearADepartmentName_AreNotTakenForIt()
    {
        // "Context" is one letter from "Content" and "Commodity" two from "Community": words this short are never guessed.
        var report = Parse("January 2026 Contribution - x", "Context:\nhttps://x.com/a/status/2011000000000000001\nCommodity\nhttps://x.com/a/status/2011000000000000002", "2026-02-02T10:00:00Z");

        Assert.Empty(report.Departments);
    }

    [Fact]
    public void Parse_DepartmentNameWithATypingSlip_IsThatDepartment()
    {
        var report = Parse("January 2026 Contribution - x", "Departments: Content Creaton, Bussiness Development", "2026-02-02T10:00:00Z");

        Assert.Equal(["CC", "BD"], report.Departments);
    }

    [Theory]
    [InlineData("Suggested Score - 37/40", 37)]
    [InlineData("Self-evaluation: 39/40", 39)]
    [InlineData("My suggested score is 36/40.", 36)]
    public void Parse_UnnamedScoreWithoutAColon_IsTheSingleDepartmentsScore(string line, int expected)
    {
        var report = Parse("January 2026 Contribution - x", "Department: CC (Content Creation)\nhttps://x.com/a/status/2011000000000000001\n" + line, "2026-02-02T10:00:00Z");

        Assert.Equal(Points.Of(expected), report.SuggestedScores["CC"].Score);
        Assert.Equal(Points.Of(40), report.SuggestedScores["CC"].Max);
    }

    [Fact]
    public void Parse_FractionOfAnotherScaleInASection_IsNotItsScore()
    {
        var report = Parse("January 2026 Contribution - x", "Departments: CC/CM\nCC:\nhttps://x.com/a/status/2011000000000000001\nScore: 4/5 stars on the review site\nRating 4/5\nCM:\nhttps://t.me/phalanetwork/1\nScore: 30/40", "2026-02-02T10:00:00Z");

        Assert.False(report.SuggestedScores.ContainsKey("CC"));
        Assert.Equal(Points.Of(30), report.SuggestedScores["CM"].Score);
    }
}
