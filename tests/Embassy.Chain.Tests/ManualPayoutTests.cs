using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Embassy.Domain;
using static Embassy.Chain.Tests.PayoutTestData;

namespace Embassy.Chain.Tests;

public class ManualPayoutTests
{
    private static ManualPayout Sample()
    {
        var lines = new[]
        {
            new PayoutLine("alice", PhalaAddress(1), Pha("8178.333333333333"), "@alice"),
            new PayoutLine("bob, jr", PhalaAddress(2), Pha("84000")),
            new PayoutLine("carol", EvmAddressText(3), Pha("0.000000000001"), "carol#1234"),
            new PayoutLine("dave", PhalaAddress(4), Pha("12345.678901234567")),
        };
        return ManualPayout.Build(lines, Token.Pha, 30, new Period(2025, 11), "phala-v5").Value;
    }

    [Fact]
    public void ToCsv_Rows_WriteMemberHandleAddressAmountsPeriodPolicy()
    {
        var csv = Sample().ToCsv();

        Assert.StartsWith(CsvWriter.ByteOrderMark, csv, StringComparison.Ordinal);
        var rows = csv[1..].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("member,handle,address,amount,amount_units (12 decimals),period,policy,shared_with", rows[0]);
        // '@alice' would run as a formula in a spreadsheet: the one CSV writer neutralises it.
        Assert.Equal($"alice,'@alice,{PhalaAddress(1)},8178.333333333333,8178333333333333,2025-11,phala-v5,", rows[1]);
        Assert.Equal($"\"bob, jr\",,{PhalaAddress(2)},84000,84000000000000000,2025-11,phala-v5,", rows[2]);
        Assert.Equal($"carol,carol#1234,{EvmAddressText(3)},0.000000000001,1,2025-11,phala-v5,", rows[3]);
    }

    [Fact]
    public void Build_OneAddressForSeveralMembers_OneRowEach_NamingTheOthers()
    {
        var lines = Enumerable.Range(1, 10).Select(i => new PayoutLine("m" + i, PhalaAddress(1), Token.Pha.Whole((ulong)i))).ToArray();

        var result = ManualPayout.Build(lines, Token.Pha, 30, new Period(2025, 11), "phala-v5");

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        Assert.Equal(lines.Select(l => l.Member), result.Value.Rows.Select(r => r.Member)); // never one merged line
        Assert.Equal(lines.Select(l => l.Amount), result.Value.Rows.Select(r => r.Amount));
        Assert.Equal(Token.Pha.Whole(55), result.Value.Total);
        Assert.Equal("m1; m3; m4; m5; m6; m7; m8; m9; m10", result.Value.Rows[1].SharedWith);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == ChainCodes.PayoutAddressShared);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("10 members (m1, m2,", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == ChainCodes.PayoutMerged);
        Assert.EndsWith(",m1; m2; m3; m4; m5; m6; m7; m8; m9", result.Value.ToCsv().Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void WriteXlsx_ReadBack_HasNumericAmountsAndExactTotal()
    {
        var payout = Sample();
        using var stream = new MemoryStream();
        payout.WriteXlsx(stream);
        stream.Position = 0;

        using var doc = SpreadsheetDocument.Open(stream, false);
        var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToArray();
        Assert.Equal(1 + 4 + 1, rows.Length);
        Assert.Equal(["member", "handle", "address", "amount", "amount_units (12 decimals)", "period", "policy", "shared_with"], rows[0].Elements<Cell>().Select(CellText));

        var amounts = rows[1..5].Select(r => r.Elements<Cell>().ElementAt(3)).ToArray();
        Assert.All(amounts, c => Assert.Equal(CellValues.Number, c.DataType!.Value));
        var exact = rows[1..5].Select(r => TokenAmount.Parse(CellText(r.Elements<Cell>().ElementAt(3)), Token.Pha).Value).ToArray();
        Assert.Equal(payout.Rows.Select(r => r.Amount), exact);
        var units = rows[1..5].Select(r => CellText(r.Elements<Cell>().ElementAt(4))).ToArray();
        Assert.Equal(payout.Rows.Select(r => r.Amount.Units.ToString(CultureInfo.InvariantCulture)), units);

        var format = doc.WorkbookPart.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single();
        Assert.Equal("#,##0.00##########", format.FormatCode!.Value);

        var total = rows[5].Elements<Cell>().ElementAt(3);
        Assert.Equal("SUM(D2:D5)", total.CellFormula!.Text);
        Assert.Equal(Pha("104524.012234567901"), TokenAmount.Parse(total.CellValue!.Text, Token.Pha).Value);
        Assert.Equal(payout.Total.Units.ToString(CultureInfo.InvariantCulture), CellText(rows[5].Elements<Cell>().ElementAt(4)));
    }

    /// <summary>
    /// LibreOffice (headless) opens the sheet and recomputes the total: it converts to CSV, and the sum it shows
    /// must equal Embassy's exact total to the precision a spreadsheet's doubles keep.
    /// </summary>
    [Fact]
    public async Task WriteXlsx_ConvertedByLibreOffice_TotalsMatch()
    {
        var soffice = FindOnPath("soffice") ?? FindOnPath("libreoffice");
        Assert.True(soffice is not null, "LibreOffice is not installed: apt-get install libreoffice-calc-nogui (./test installs it from .ci/apt-packages).");

        var payout = Sample();
        var dir = Directory.CreateTempSubdirectory("embassy-xlsx-");
        try
        {
            var xlsx = Path.Combine(dir.FullName, "payout.xlsx");
            using (var file = File.Create(xlsx))
            {
                payout.WriteXlsx(file);
            }

            var profile = Path.Combine(dir.FullName, "lo-profile");
            var start = new ProcessStartInfo(soffice!)
            {
                ArgumentList =
                {
                    $"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    "--convert-to", "csv", "--outdir", dir.FullName, xlsx,
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using (var process = Process.Start(start)!)
            {
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
                await process.WaitForExitAsync(timeout.Token);
                Assert.True(process.ExitCode == 0, $"soffice failed: {await stdout} {await stderr}");
            }

            var csvPath = Path.Combine(dir.FullName, "payout.csv");
            Assert.True(File.Exists(csvPath), "soffice wrote no CSV");
            var rows = File.ReadAllLines(csvPath).Select(SplitCsv).ToArray();
            Assert.Equal(6, rows.Length);
            Assert.Equal("member", rows[0][0]);

            // LibreOffice shows the numbers with the sheet's format (grouped, up to 12 decimals).
            var shownAmounts = rows[1..5].Select(r => decimal.Parse(r[3], NumberStyles.Number, CultureInfo.InvariantCulture)).ToArray();
            var shownTotal = decimal.Parse(rows[5][3], NumberStyles.Number, CultureInfo.InvariantCulture);
            var exactTotal = decimal.Parse(payout.Total.Format(grouped: false), CultureInfo.InvariantCulture);
            Assert.Equal("Total", rows[5][0]);
            Assert.InRange(Math.Abs(shownTotal - exactTotal), 0m, 0.000001m);
            Assert.InRange(Math.Abs(shownAmounts.Sum() - exactTotal), 0m, 0.000001m);
            Assert.Equal(payout.Total.Units.ToString(CultureInfo.InvariantCulture), rows[5][4]);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Build_InvalidAddress_FailsWithTheMember()
    {
        var lines = new[] { new PayoutLine("erin", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", Pha("1")) };

        var error = Assert.Single(ManualPayout.Build(lines, Token.Pha).Errors);

        Assert.Equal(ChainCodes.PayoutBadAddress, error.Code);
        Assert.Contains("erin", error.Message, StringComparison.Ordinal);
    }

    private static string CellText(Cell cell) =>
        cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? string.Empty;

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);

    private static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return [.. fields];
    }
}
