namespace Embassy.Domain.Tests;

/// <summary>The shared RFC 4180 reader: what it reads, and the line it names for what it cannot.</summary>
public class CsvRecordsTests
{
    [Fact]
    public void Read_QuotedCommasQuotesAndLineBreaks_WithBomCrlfAndBlankLines()
    {
        var text = "\uFEFFmember,note\r\n\r\nalice,\"likes, commas\"\r\nbob,\"said \"\"hi\"\"\nand left\"\r\n  \r\ncarol,\r\n";
        var diagnostics = new List<Diagnostic>();

        var records = CsvRecords.Read(text, "notes.csv", "CSV_MALFORMED", diagnostics)!;

        Assert.Empty(diagnostics);
        Assert.Equal([1, 3, 4, 7], records.Select(r => r.Line)); // bob's record spans lines 4–5
        Assert.Equal(["member", "note"], records[0].Fields);
        Assert.Equal(["alice", "likes, commas"], records[1].Fields);
        Assert.Equal(["bob", "said \"hi\"\nand left"], records[2].Fields);
        Assert.Equal(["carol", string.Empty], records[3].Fields);
    }

    [Theory]
    [InlineData("a,b\n1,\"open\n2,3\n", 2, "never closed")]
    [InlineData("a,b\n1,2\n3,\"x\"y\n", 3, "text after a closing quote")]
    [InlineData("a,b\n1,C\"M\n", 2, "a quote inside an unquoted field")]
    public void Read_Malformed_IsNullWithTheLineAndTheProblem(string text, int line, string problem)
    {
        var diagnostics = new List<Diagnostic>();

        var records = CsvRecords.Read(text, "bad.csv", "CSV_MALFORMED", diagnostics);

        Assert.Null(records);
        var error = Assert.Single(diagnostics);
        Assert.Equal(("CSV_MALFORMED", line, "bad.csv"), (error.Code, error.Position?.Line, error.Position?.Source));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NothingOrNull_IsNoRecords()
    {
        var diagnostics = new List<Diagnostic>();

        Assert.Empty(CsvRecords.Read(null, null, "X", diagnostics)!);
        Assert.Empty(CsvRecords.Read("\n \r\n", null, "X", diagnostics)!);
        Assert.Empty(diagnostics);
    }
}
