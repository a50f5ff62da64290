using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Embassy.Application;
using Embassy.Domain;
using Embassy.Web.Rendering;

namespace Embassy.Web.Tests;

/// <summary>
/// Issue #14: the member's yearly statement as XLSX holds the CSV's rows cell for cell, every exact integer intact, and
/// no cell a spreadsheet would run.
/// </summary>
public sealed class StatementWorkbookTests
{
    [Fact]
    public async Task StatementXlsx_ReadBack_EqualsTheCsvCellByCell_WithEveryExactIntegerAsText()
    {
        // phala-v5-erc20 (18 decimals): the shares of 1/3 have more digits than a spreadsheet's double keeps.
        await using var github = await MonthCloseTests.StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress);
        var admin = await site.ApiAsAsync(Roles.Admin);
        var reviewer = await site.ApiAsAsync(Roles.Reviewer, "rita");
        foreach (var (login, i) in new[] { ("alice", 1), ("bob", 2), ("carol", 3) })
        {
            await EmbassySite.AddMemberAsync(admin, login, rank: login == "alice" ? "senior" : "candidate");
            github.AddIssue(EmbassySite.Repo, login, "October 2026 Contribution - " + login, MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(i)));
        }

        await EmbassySite.SyncAsync(admin);
        foreach (var item in await EmbassySite.QueueAsync(reviewer, EmbassySite.LastMonth))
        {
            var points = item.Author switch { "alice" => 13, "bob" => 11, _ => 7 };
            Assert.True((await EmbassySite.ScoreAsync(reviewer, item.ReportId, new ScoreEntry("CM", points, points), new ScoreEntry("CC", 3, 4))).IsSuccessStatusCode);
        }

        var snapshot = await EmbassySite.CloseMonthAsync(admin, EmbassySite.LastMonth, "0x" + new string('c', 64));
        var alice = await site.SignInAsAsync("alice", Roles.Member);

        var csvText = await alice.GetStringAsync("/me/statement/2026");
        var response = await alice.GetAsync("/me/statement/2026?handler=xlsx");
        var csv = CsvRecords.Read(csvText, "statement.csv", "CSV_MALFORMED", [])!.Select(r => r.Fields.ToArray()).ToArray();
        var sheet = ReadSheet(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, csv.Length); // the header and October
        Assert.Equal(csv.Length, sheet.Count);
        var header = csv[0];
        Assert.Equal([.. header, .. StatementWorkbook.DisplayColumns.Select(c => c + "_display")], sheet[0].Select(c => c.Text));
        for (var r = 0; r < csv.Length; r++)
        {
            for (var c = 0; c < header.Length; c++)
            {
                // The same text in every cell: the smallest units exactly as the CSV has them.
                Assert.Equal(csv[r][c], sheet[r][c].Text);
                var column = header[c];
                if (r > 0 && StatementTable.Numeric.Contains(column))
                {
                    var exact = StatementWorkbook.SignificantDigits(csv[r][c]) <= StatementWorkbook.SpreadsheetDigits;
                    Assert.True(exact == sheet[r][c].IsNumber, $"{column} '{csv[r][c]}' is {(sheet[r][c].IsNumber ? "a number" : "text")}");
                }
                else
                {
                    Assert.False(sheet[r][c].IsNumber, column);
                }

                Assert.False(CsvDownloadTests.Runs(sheet[r][c].Text), $"the cell '{sheet[r][c].Text}' would run as a formula");
            }
        }

        var paid = snapshot.Members.Single(m => m.Login == "alice");
        var row = sheet[1];
        var total = row[Array.IndexOf(header, "total")];
        Assert.Equal(paid.Total.Units, row[Array.IndexOf(header, "total_units")].Text);
        Assert.False(row[Array.IndexOf(header, "total_units")].IsNumber); // 18 decimals: far beyond 15 digits
        Assert.False(total.IsNumber, total.Text); // the planted month has a share of 1/3: more than 15 digits
        var display = row[header.Length + StatementWorkbook.DisplayColumns.ToList().IndexOf("total")];
        Assert.True(display.IsNumber);
        Assert.Equal(StatementWorkbook.RoundToDigits(total.Text, 15), display.Text);
        Assert.True(StatementWorkbook.SignificantDigits(display.Text) <= 15, display.Text);
    }

    [Fact]
    public void Xlsx_OfAHostileTable_KeepsTheNeutralisedTextAndWritesPlainNumbersOnlyWhereExact()
    {
        var table = new StatementTable(StatementTable.Columns,
        [
            ["2026-10", "paid", "senior", "83.33", "PHA", "12", "1234.5", "2000", "0", "3234.5", "3234500000000000", "250", CsvWriter.Neutralise("=HYPERLINK(\"http://evil.example\")")],
            ["2026-11", "paid", "senior", "-1.5", "PHA", "12", "0.000000000001", "0", "0", "123456789012.123456789012", "123456789012123456789012", "7", CsvWriter.Neutralise("-2+3+cmd|' /C calc'!A0")],
        ]);

        var sheet = ReadSheet(StatementWorkbook.Xlsx(table, 2026));

        Assert.Equal("'=HYPERLINK(\"http://evil.example\")", sheet[1][12].Text);
        Assert.Equal("'-2+3+cmd|' /C calc'!A0", sheet[2][12].Text);
        Assert.False(sheet[1][12].IsNumber);
        Assert.True(sheet[1][3].IsNumber); // 83.33
        Assert.True(sheet[2][3].IsNumber); // -1.5
        Assert.False(sheet[1][10].IsNumber); // a 16-digit integer: every integer digit counts, so text
        Assert.True(sheet[1][11].IsNumber); // 250 units
        Assert.True(sheet[2][6].IsNumber); // 0.000000000001: one significant digit
        Assert.False(sheet[2][9].IsNumber); // 24 significant digits: text
        Assert.False(sheet[2][10].IsNumber);
        Assert.Equal("123456789012.123456789012", sheet[2][9].Text);
        Assert.Equal("123456789012.123", sheet[2][table.Header.Count + 3].Text); // total_display, rounded to 15 digits
        Assert.Equal("3234.5", sheet[1][table.Header.Count + 3].Text);
    }

    [Theory]
    [InlineData("123456789012.123456789012", 15, "123456789012.123")]
    [InlineData("0.9999999999999999999", 15, "1")]
    [InlineData("999999999999999999", 15, "1000000000000000000")]
    [InlineData("123456789012345678", 15, "123456789012346000")]
    [InlineData("-2.00000000000000051", 15, "-2")]
    [InlineData("1.25", 2, "1.3")]
    [InlineData("0.000000000001", 15, "0.000000000001")]
    [InlineData("340282366920938463463.374607431768211455", 15, "340282366920938000000")]
    public void RoundToDigits_RoundsHalfUpByDigits_BeyondDecimalsRange(string value, int digits, string expected)
    {
        Assert.Equal(expected, StatementWorkbook.RoundToDigits(value, digits));
    }

    // Each row's cells as text, with whether the cell is a number.
    private static List<(string Text, bool IsNumber)[]> ReadSheet(byte[] xlsx)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var worksheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        return worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c =>
            c.DataType?.Value == CellValues.Number
                ? (c.CellValue!.Text, true)
                : (c.InlineString?.InnerText ?? c.CellValue?.Text ?? string.Empty, false)).ToArray()).ToList();
    }
}
