using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Embassy.Application;
using Embassy.Domain;
using Embassy.Domain.Closing;

namespace Embassy.Web.Rendering;

/// <summary>A closed month as a table: CSV and XLSX downloads with the same columns as the page.</summary>
public static class MonthExport
{
    /// <summary>Column headers: member, name, rank, status, percent, one column of points per department, reward, bonus, total.</summary>
    public static IReadOnlyList<string> Header(MonthStatement month)
    {
        ArgumentNullException.ThrowIfNull(month);
        return ["member", "name", "rank", "status", "percent", .. month.Departments.Select(d => "points_" + d.Code), "reward", "bonus", "total", "total_units"];
    }

    /// <summary>The rows, as text (amounts in whole tokens, invariant culture).</summary>
    public static IEnumerable<string[]> Rows(MonthStatement month)
    {
        ArgumentNullException.ThrowIfNull(month);
        foreach (var m in month.Members)
        {
            yield return
            [
                m.Login,
                m.Name,
                m.Rank.Code,
                m.Status.ToString(),
                m.Percent.Rounded.ToString("0.##", CultureInfo.InvariantCulture),
                .. month.Departments.Select(d => (m.Points.TryGetValue(d.Code, out var p) ? p.Value : 0m).ToString("0.##", CultureInfo.InvariantCulture)),
                m.PoolShare.Format(grouped: false),
                m.Bonus.Format(grouped: false),
                m.Total.Format(grouped: false),
                m.Total.Units.ToString(CultureInfo.InvariantCulture),
            ];
        }
    }

    /// <summary>
    /// RFC 4180 CSV through the product's one writer (byte order mark; cells a spreadsheet would run are neutralised),
    /// the smallest-units column naming the token's decimals.
    /// </summary>
    public static string Csv(MonthStatement month)
    {
        ArgumentNullException.ThrowIfNull(month);
        var header = Header(month).ToArray();
        header[^1] = CsvWriter.UnitsColumn(header[^1], month.Token.Decimals);
        return CsvWriter.Document([header, .. Rows(month)], crlf: true);
    }

    /// <summary>One worksheet named after the month.</summary>
    public static byte[] Xlsx(MonthStatement month)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(Header(month), numeric: null));
            var numericFrom = 4; // percent onwards are numbers
            foreach (var row in Rows(month))
            {
                data.Append(Row(row, numericFrom));
            }

            sheetPart.Worksheet = new Worksheet(data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = month.Period.ToString() });
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Row Row(IReadOnlyList<string> values, int? numeric)
    {
        var row = new Row();
        for (var i = 0; i < values.Count; i++)
        {
            // The last column (smallest units) stays text: it exceeds a spreadsheet number's precision.
            var isNumber = numeric is { } from && i >= from && i < values.Count - 1;
            row.Append(isNumber
                ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(values[i]) }
                : new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(values[i])) });
        }

        return row;
    }
}
