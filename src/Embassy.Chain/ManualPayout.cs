using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Embassy.Domain;
using Embassy.Domain.Rules;

namespace Embassy.Chain;

/// <summary>One row of a manual payout sheet.</summary>
/// <param name="Member">The member.</param>
/// <param name="Handle">A display handle, or empty.</param>
/// <param name="Address">The canonical address (SS58 for the policy's prefix, or EIP-55).</param>
/// <param name="Amount">The exact amount.</param>
/// <param name="SharedWith">The other members paid to the same address (semicolon-separated), or empty: the signers check these.</param>
public sealed record ManualPayoutRow(string Member, string Handle, string Address, TokenAmount Amount, string SharedWith = "");

/// <summary>
/// A payout on the manual rail (R9): a CSV and an XLSX sheet for a person to pay by hand — member, handle,
/// address, amount in whole tokens (a real numeric cell) and in smallest units (exact text), period and policy,
/// with totals. Addresses are still checked: SS58 of the policy's prefix, or EVM.
/// </summary>
/// <param name="Token">The token paid.</param>
/// <param name="Rows">One row per member and address.</param>
/// <param name="Carried">Amounts below the minimum, when one is set.</param>
/// <param name="Period">The month paid, when known.</param>
/// <param name="PolicyId">The policy the amounts come from, when known.</param>
public sealed record ManualPayout(Token Token, IReadOnlyList<ManualPayoutRow> Rows, IReadOnlyList<CarriedAmount> Carried, Period? Period, string? PolicyId)
{
    /// <summary>The column names of the CSV and the sheet.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["member", "handle", "address", "amount", "amount_units", "period", "policy", "shared_with"];

    /// <summary>
    /// The header the CSV and the sheet carry: <see cref="Columns"/> with the smallest-units column naming the token's
    /// decimals (<c>amount_units (12 decimals)</c>), so the scale is never guessed.
    /// </summary>
    public IReadOnlyList<string> Header => [.. Columns.Select(c => c == "amount_units" ? CsvWriter.UnitsColumn(c, Token.Decimals) : c)];

    /// <summary>Sum of the rows.</summary>
    public TokenAmount Total => Rows.Aggregate(Token.Zero, (sum, r) => sum + r.Amount);

    /// <summary>
    /// Builds the sheet's rows; bad addresses fail the whole payout, a member's duplicate lines merge, zeros are left out,
    /// and an address paid to several members is named on each of their rows (<c>shared_with</c>).
    /// </summary>
    public static Result<ManualPayout> Build(
        IReadOnlyList<PayoutLine> lines,
        Token token,
        ushort ss58Prefix = ChainProfile.PhalaPrefix,
        Period? period = null,
        string? policyId = null,
        TokenAmount? minimum = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(token);
        var prepared = PayoutPreparation.Prepare(
            lines,
            token,
            text => Canonical(text, ss58Prefix),
            a => a,
            minimum);
        if (!prepared.IsSuccess)
        {
            return Result<ManualPayout>.Fail(prepared.Diagnostics);
        }

        var handles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var l in lines)
        {
            if (!string.IsNullOrWhiteSpace(l.Handle))
            {
                handles.TryAdd(l.Member, l.Handle);
            }
        }

        var shared = PayoutPreparation.Shared(prepared.Value.Transfers, a => a);
        var rows = prepared.Value.Transfers.Select(t => new ManualPayoutRow(
            string.Join(", ", t.Members),
            string.Join(", ", t.Members.Select(m => handles.GetValueOrDefault(m)).Where(h => h is not null)),
            t.Destination,
            t.Amount,
            shared.TryGetValue(t.Destination, out var others) ? string.Join("; ", others.Except(t.Members, StringComparer.Ordinal)) : string.Empty)).ToArray();
        return Result<ManualPayout>.Ok(new ManualPayout(token, rows, prepared.Value.Carried, period, policyId), prepared.Diagnostics);
    }

    /// <summary>
    /// The sheet as CSV through the one writer (byte order mark, formula cells neutralised): <see cref="Header"/>, one
    /// line per row; amounts in whole tokens (no grouping) and in smallest units.
    /// </summary>
    public string ToCsv() =>
        CsvWriter.Document(
        [
            Header,
            .. Rows.Select(r => new[]
            {
                r.Member, r.Handle, r.Address, r.Amount.Format(grouped: false),
                r.Amount.Units.ToString(CultureInfo.InvariantCulture), Period?.ToString(), PolicyId, r.SharedWith,
            }),
        ]);

    /// <summary>
    /// Writes the sheet as XLSX (Office Open XML). Whole-token amounts are numeric cells so spreadsheet apps can
    /// sum them; the last row totals them with a SUM formula whose cached value is the exact total. Smallest-unit
    /// amounts are text: above 2^53 a spreadsheet's double would round them.
    /// </summary>
    public void WriteXlsx(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = BuildStylesheet(Token.Decimals);
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        var columns = new DocumentFormat.OpenXml.Spreadsheet.Columns(
            new Column { Min = 1, Max = 2, Width = 20, CustomWidth = true },
            new Column { Min = 3, Max = 3, Width = 52, CustomWidth = true },
            new Column { Min = 4, Max = 4, Width = 24, CustomWidth = true },
            new Column { Min = 5, Max = 5, Width = 34, CustomWidth = true },
            new Column { Min = 6, Max = 7, Width = 12, CustomWidth = true },
            new Column { Min = 8, Max = 8, Width = 30, CustomWidth = true });
        sheetPart.Worksheet = new Worksheet(columns, data);

        uint rowIndex = 1;
        data.Append(MakeRow(rowIndex++, Header.Select(c => TextCell(c, BoldStyle)).ToArray()));
        foreach (var r in Rows)
        {
            data.Append(MakeRow(rowIndex++,
            [
                TextCell(r.Member), TextCell(r.Handle), TextCell(r.Address),
                NumberCell(r.Amount.Format(grouped: false), AmountStyle),
                TextCell(r.Amount.Units.ToString(CultureInfo.InvariantCulture)),
                TextCell(Period?.ToString() ?? string.Empty), TextCell(PolicyId ?? string.Empty), TextCell(r.SharedWith),
            ]));
        }

        var last = rowIndex - 1;
        var total = new Cell
        {
            DataType = CellValues.Number,
            StyleIndex = TotalStyle,
            CellFormula = new CellFormula(Rows.Count == 0 ? "0" : string.Create(CultureInfo.InvariantCulture, $"SUM(D2:D{last})")),
            CellValue = new CellValue(Total.Format(grouped: false)),
        };
        data.Append(MakeRow(rowIndex,
        [
            TextCell("Total", BoldStyle), TextCell(string.Create(CultureInfo.InvariantCulture, $"{Rows.Count} payouts")), TextCell(Token.Symbol),
            total, TextCell(Total.Units.ToString(CultureInfo.InvariantCulture), BoldStyle),
            TextCell(Period?.ToString() ?? string.Empty), TextCell(PolicyId ?? string.Empty),
        ]));

        var sheets = workbookPart.Workbook.AppendChild(new Sheets());
        sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = "Payout" });
        workbookPart.Workbook.Save();
    }

    private const uint BoldStyle = 1;
    private const uint AmountStyle = 2;
    private const uint TotalStyle = 3;

    private static Result<string> Canonical(string text, ushort prefix)
    {
        var check = AddressCheck.Check(text, PayoutRail.Manual, prefix);
        return check.Valid
            ? Result<string>.Ok(check.Canonical!, check.Warnings)
            : Result<string>.Fail([.. check.Warnings, check.Error!]);
    }

    private static Row MakeRow(uint index, Cell[] cells)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i].CellReference = string.Create(CultureInfo.InvariantCulture, $"{(char)('A' + i)}{index}");
            row.Append(cells[i]);
        }

        return row;
    }

    private static Cell TextCell(string text, uint style = 0) => new()
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = style == 0 ? null : style,
    };

    private static Cell NumberCell(string invariantNumber, uint style) => new()
    {
        DataType = CellValues.Number,
        CellValue = new CellValue(invariantNumber),
        StyleIndex = style,
    };

    private static Stylesheet BuildStylesheet(int decimals)
    {
        // Grouped thousands, at least two decimals (a bare "84,000." otherwise) and up to every decimal the token
        // has, within the 15 digits a spreadsheet's double keeps.
        var format = decimals < 2 ? "#,##0" : "#,##0.00" + new string('#', Math.Clamp(decimals - 2, 0, 13));
        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = format }) { Count = 1 },
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { FontId = 1, ApplyFont = true },
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true, FontId = 1, ApplyFont = true }) { Count = 4 });
    }
}
