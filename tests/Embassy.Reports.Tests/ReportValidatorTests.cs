using Embassy.Domain;
using Embassy.Policies;
using Embassy.Reports;

namespace Embassy.Reports.Tests;

public sealed class ReportValidatorTests
{
    private const string Phala = "41PLCEdup7XdUH4hsik4hyFoihDRYKfpN2K48jZH8ehL2tP2";

    private static ParsedReport Parse(string body, DateTimeOffset filed, string title = "July 2024 Contribution") =>
        ReportParser.Shipped.Parse(new IssueSnapshot(7, title, body, "member", filed));

    private static string Body(string departments = "CM/CC", string scores = "[CM] 35/40\n[CC] 30/40") =>
        $"Amb rank: Ambassador\nPHA Wallet Address: {Phala}\nDepartments: {departments}\nCM:\nhttps://t.me/x/1\nCC:\nhttps://x.com/a/status/1816000000000000000\nMK:\nhttps://x.com/a/status/1816000000000000001\nBD:\nhttps://t.me/x/2\nTECH:\nhttps://github.com/a/b\nSuggested scores:\n{scores}";

    [Fact]
    public void Validate_FiledOnDayFive_IsNotLate()
    {
        var report = Parse(Body(), new DateTimeOffset(2024, 8, 5, 23, 59, 59, TimeSpan.Zero));

        Assert.False(report.Late);
        Assert.DoesNotContain(report.Diagnostics, d => d.IsError);
    }

    [Fact]
    public void Validate_FiledAfterDayFive_IsLateError()
    {
        var report = Parse(Body(), new DateTimeOffset(2024, 8, 6, 0, 0, 0, TimeSpan.Zero));

        Assert.True(report.Late);
        Assert.Contains(report.Diagnostics, d => d.Code == ReportCodes.Late && d.IsError);
    }

    [Fact]
    public void DeadlineOf_PolicyTimeZone_IsEndOfDayFiveThere()
    {
        var policy = PolicyCatalog.Shipped.Get("phala-v4").Value with { Deadline = new Embassy.Domain.Rules.DeadlineRule(5, "Asia/Shanghai") };

        var deadline = ReportValidator.DeadlineOf(new Period(2024, 7), policy);

        Assert.Equal(new DateTimeOffset(2024, 8, 5, 16, 0, 0, TimeSpan.Zero), deadline.ToUniversalTime());
    }

    [Fact]
    public void Validate_FourDepartmentsInV4_IsCountError()
    {
        var report = Parse(Body("CM/CC/MK/BD"), new DateTimeOffset(2024, 8, 2, 0, 0, 0, TimeSpan.Zero));

        Assert.Contains(report.Diagnostics, d => d.Code == ReportCodes.DepartmentCount && d.IsError);
    }

    [Fact]
    public void Validate_OneDepartmentInV4_IsCountWarning()
    {
        var report = Parse(Body("CC", "[CC] 30/40"), new DateTimeOffset(2024, 8, 2, 0, 0, 0, TimeSpan.Zero));

        Assert.Contains(report.Diagnostics, d => d.Code == ReportCodes.DepartmentCount && d.Severity == Severity.Warning);
    }

    [Fact]
    public void Validate_DepartmentUnknownToPolicy_Warns()
    {
        var report = Parse(Body("CM/VSM", "[CM] 35/40"), new DateTimeOffset(2024, 8, 2, 0, 0, 0, TimeSpan.Zero));

        Assert.Contains(report.Diagnostics, d => d.Code == ReportCodes.DepartmentUnknown && d.Message.Contains("VSM", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ScoreAboveMaximum_IsError()
    {
        var report = Parse(Body(scores: "[CM] 45/40\n[CC] 30/40"), new DateTimeOffset(2024, 8, 2, 0, 0, 0, TimeSpan.Zero));

        var d = Assert.Single(report.Diagnostics, x => x.Code == ReportCodes.ScoreAboveMax);
        Assert.True(d.IsError);
        Assert.Equal(15, d.Position?.Line);
    }

    [Fact]
    public void Validate_ScoreAbovePolicyMaximum_IsError()
    {
        var report = Parse(Body(scores: "[CM] 70/80\n[CC] 30/40"), new DateTimeOffset(2024, 8, 2, 0, 0, 0, TimeSpan.Zero));

        Assert.Contains(report.Diagnostics, x => x.Code == ReportCodes.ScoreAboveMax && x.IsError);
    }

    [Fact]
    public void Validate_ScoreOutOfOtherMaximum_IsInfo()
    {
        var report = Parse(Body(scores: "[CM] 35/50\n[CC] 30/40"), new DateTimeOffset(2024, 8, 2, 0, 0, 0, TimeSpan.Zero));

        Assert.Contains(report.Diagnostics, x => x.Code == ReportCodes.ScoreMaxMismatch && x.Severity == Severity.Info);
        Assert.DoesNotContain(report.Diagnostics, x => x.IsError);
    }

    [Fact]
    public void Validate_DepartmentWithoutLinks_Warns()
    {
        var body = $"PHA Wallet Address: {Phala}\nDepartments: CM/CC\nCM:\nI moderated.\nCC:\nhttps://x.com/a/status/1816000000000000000";

        var report = Parse(body, new DateTimeOffset(2024, 8, 2, 0, 0, 0, TimeSpan.Zero));

        var d = Assert.Single(report.Diagnostics, x => x.Code == ReportCodes.DepartmentNoEvidence);
        Assert.Contains("CM", d.Message, StringComparison.Ordinal);
        Assert.Equal(3, d.Position?.Line);
    }

    [Fact]
    public void Validate_V1TooManySupplementaryTasks_Warns()
    {
        var body = $"PHA Address: {Phala}\nCM - moderation https://t.me/a\nVSM - memes https://twitter.com/a\nBH - bugs https://github.com/a/b/issues/1\nTT - tutorial https://medium.com/a\nEM - meetup https://t.me/b";

        var report = Parse(body, new DateTimeOffset(2022, 8, 2, 0, 0, 0, TimeSpan.Zero), "July 2022 Contributions");

        Assert.Equal("phala-v1", report.PolicyId);
        Assert.Contains(report.Diagnostics, d => d.Code == ReportCodes.SupplementaryCount);
    }

    [Fact]
    public void Validate_RankThePolicyDoesNotHave_Warns()
    {
        var report = Parse("Amb rank: Advocate\n" + Body(), new DateTimeOffset(2024, 8, 2, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(Rank.Advocate, report.Rank);
        Assert.Contains(report.Diagnostics, d => d.Code == ReportCodes.RankUnknown && d.Severity == Severity.Warning);
    }
}
