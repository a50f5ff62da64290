using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Embassy.Application;

namespace Embassy.Web.Rendering;

/// <summary>
/// The member's yearly statement as an XLSX workbook (issue #14): the CSV's columns and rows cell for cell, and then a
/// display column per amount. A spreadsheet keeps a number as a double, exact to 15 significant digits only, so a value
/// with more (most amounts of a 12- or 18-decimal token, most smallest-units integers) is written as text, exactly as
/// the CSV has it, and its display column holds the number rounded to 15 digits for sums and charts (R5: the exact
/// amount stays the one of record).
/// </summary>
public static class StatementWorkbook
{
    /// <summary>The most significant digits a spreadsheet's double holds exactly.</summary>
    public const int SpreadsheetDigits = 15;

    /// <summary>The columns that get a display twin, each named <c>{column}_display</c>.</summary>
    public static IReadOnlyList<string> DisplayColumns { get; } = ["pool_share", "bonus", "capped", "total"];

    /// <summary>One worksheet named after the year.</summary>
    public static byte[] Xlsx(StatementTable table, int year)
    {
        ArgumentNullException.ThrowIfNull(table);
        var display = DisplayColumns.Select(c => IndexOf(table.Header, c)).ToArray();
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(new Row([.. table.Header.Select(TextCell), .. DisplayColumns.Select(c => TextCell(c + "_display"))]));
            foreach (var values in table.Rows)
            {
                var row = new Row();
                for (var i = 0; i < values.Count; i++)
                {
                    var numeric = StatementTable.Numeric.Contains(table.Header[i]) && IsPlainNumber(values[i]);
                    row.Append(numeric && SignificantDigits(values[i]) <= SpreadsheetDigits ? NumberCell(values[i]) : TextCell(values[i]));
                }

                foreach (var i in display)
                {
                    row.Append(IsPlainNumber(values[i]) ? NumberCell(RoundToDigits(values[i], SpreadsheetDigits)) : TextCell(string.Empty));
                }

                data.Append(row);
            }

            sheetPart.Worksheet = new Worksheet(data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = year.ToString(CultureInfo.InvariantCulture) });
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The digits from the first non-zero one to the last non-zero one after the point (integer zeros count).</summary>
    public static int SignificantDigits(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var text = number.TrimStart('-');
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var digits = point < 0 ? text : text[..point] + text[(point + 1)..].TrimEnd('0');
        return Math.Max(1, digits.TrimStart('0').Length);
    }

    /// <summary>
    /// A plain decimal rounded half up to <paramref name="digits"/> significant digits, as invariant text, by string
    /// arithmetic: the value can be beyond <see cref="decimal"/>'s range (an 18-decimal token's UInt128 units), and a
    /// double would round it already on the way in.
    /// </summary>
    public static string RoundToDigits(string number, int digits)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 1);
        var negative = number.StartsWith('-');
        var text = negative ? number[1..] : number;
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? text : text[..point];
        var all = (whole + (point < 0 ? string.Empty : text[(point + 1)..])).ToCharArray();
        var first = Array.FindIndex(all, c => c != '0');
        if (first < 0 || all.Length - first <= digits)
        {
            return number;
        }

        // Keep digits [0, cut), round on all[cut], carrying to the left.
        var cut = first + digits;
        var up = all[cut] >= '5';
        for (var i = cut; i < all.Length; i++)
        {
            all[i] = '0';
        }

        for (var i = cut - 1; up && i >= 0; i--)
        {
            up = all[i] == '9';
            all[i] = up ? '0' : (char)(all[i] + 1);
        }

        var digitsText = (up ? "1" : string.Empty) + new string(all);
        var wholeLength = whole.Length + (up ? 1 : 0);
        var wholePart = digitsText[..wholeLength].TrimStart('0');
        var fraction = digitsText[wholeLength..].TrimEnd('0');
        var result = (wholePart.Length == 0 ? "0" : wholePart) + (fraction.Length == 0 ? string.Empty : "." + fraction);
        return negative && result != "0" ? "-" + result : result;
    }

    // Digits with at most one point, an optional leading minus: how the statement writes numbers (never exponents).
    private static bool IsPlainNumber(string value)
    {
        var text = value.StartsWith('-') ? value.AsSpan(1) : value.AsSpan();
        var points = 0;
        var digits = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c != '.' || ++points > 1)
            {
                return false;
            }
        }

        return digits > 0;
    }

    private static int IndexOf(IReadOnlyList<string> header, string column)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i] == column)
            {
                return i;
            }
        }

        throw new ArgumentException($"The statement has no column '{column}'.", nameof(header));
    }

    private static Cell NumberCell(string invariantNumber) => new() { DataType = CellValues.Number, CellValue = new CellValue(invariantNumber) };

    // Inline text, spaces kept: the cell reads back exactly as written (already neutralised by the statement).
    private static Cell TextCell(string text) => new()
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };
}
