namespace Embassy.Domain.Tests;

public class CsvWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"http://evil.example\")", "\"'=HYPERLINK(\"\"http://evil.example\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-cmd", "'-cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("-5", "-5")]
    [InlineData("-5.25", "-5.25")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [InlineData("-1.2.3", "'-1.2.3")]
    [InlineData("-", "'-")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("0x00000000000000000000000000000000000000aa", "0x00000000000000000000000000000000000000aa")]
    [InlineData("2083.333333333333333333", "2083.333333333333333333")]
    public void Line_QuotesOnlyWhenNeeded_AndNeutralisesFormulaCells(string field, string written) =>
        Assert.Equal(written + ",x\n", CsvWriter.Line(field, "x"));

    [Fact]
    public void Line_ReadsBackThroughTheOneReader_WithTheSameFields()
    {
        string[] fields = ["a,b", "say \"hi\"", "two\r\nlines", string.Empty, "ok"];

        var text = CsvWriter.Line(fields, crlf: true) + CsvWriter.Line(fields);
        var records = CsvRecords.Read(text, "t.csv", "CSV_MALFORMED", []);

        Assert.NotNull(records);
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal(fields, r.Fields));
    }

    [Fact]
    public void Document_StartsWithTheByteOrderMark_AndReadsBackWithoutIt()
    {
        var text = CsvWriter.Document([["member", CsvWriter.UnitsColumn("amount_units", 18)], ["=cmd", "-5"]]);

        Assert.StartsWith("\uFEFFmember,amount_units (18 decimals)\n", text, StringComparison.Ordinal);
        var records = CsvRecords.Read(text, "t.csv", "CSV_MALFORMED", []);
        Assert.NotNull(records);
        Assert.Equal(["member", "amount_units (18 decimals)"], records[0].Fields);
        Assert.Equal(["'=cmd", "-5"], records[1].Fields);
    }
}
