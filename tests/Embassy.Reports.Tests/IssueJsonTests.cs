using Embassy.Reports;

namespace Embassy.Reports.Tests;

public sealed class IssueJsonTests
{
    [Fact]
    public void Parse_IssueObject_ReadsTheFieldsTheParserNeeds()
    {
        var json = """{"number": 572, "title": "December 2024 Contribution", "body": "hi", "user": {"login": "vi-z"}, "created_at": "2025-01-02T03:04:05Z", "html_url": "https://github.com/o/r/issues/572", "state": "open"}""";

        var issue = Assert.Single(IssueJson.Parse(json).Value);

        Assert.Equal(572, issue.Number);
        Assert.Equal("vi-z", issue.AuthorLogin);
        Assert.Equal(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), issue.CreatedAt);
        Assert.Equal("https://github.com/o/r/issues/572", issue.HtmlUrl);
    }

    [Fact]
    public void Parse_ArrayWithNullBody_GivesEmptyBody()
    {
        var json = """[{"number": 1, "title": "a", "body": null, "created_at": "2025-01-02T00:00:00Z"}, {"number": 2, "title": "b", "body": "x", "created_at": "2025-01-03T00:00:00Z"}]""";

        var issues = IssueJson.Parse(json).Value;

        Assert.Equal([1L, 2L], issues.Select(i => i.Number));
        Assert.Equal(string.Empty, issues[0].Body);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("42")]
    [InlineData("""{"title": "no number"}""")]
    [InlineData("""[{"number": 1}]""")]
    public void Parse_NotAnIssue_FailsWithDiagnostic(string json)
    {
        var result = IssueJson.Parse(json);

        Assert.False(result.IsSuccess);
        Assert.All(result.Errors, e => Assert.Equal(IssueJson.Invalid, e.Code));
    }

    [Fact]
    public void Parse_LoneSurrogateEscapes_ReadAsReplacementCharacter_WithAWarning()
    {
        var json = """{"number": 7, "title": "December \ud83d", "body": "half \ud83d and whole \ud83d\ude00", "created_at": "2025-01-02T00:00:00Z"}""";

        var result = IssueJson.Parse(json);

        Assert.True(result.IsSuccess);
        var issue = Assert.Single(result.Value);
        Assert.Equal(("December \uFFFD", "half \uFFFD and whole 😀"), (issue.Title, issue.Body));
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((Embassy.Domain.Utf16Repair.Code, Embassy.Domain.Severity.Warning), (warning.Code, warning.Severity));
    }
}
