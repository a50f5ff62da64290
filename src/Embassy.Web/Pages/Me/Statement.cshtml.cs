using System.Globalization;
using System.Text;
using Embassy.Application;
using Embassy.Web.Rendering;
using Embassy.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Me;

/// <summary>
/// The signed-in member's yearly statement of their published months, for their records: CSV, or XLSX with
/// <c>?handler=xlsx</c> (the same rows and exact integers, from the one statement table).
/// </summary>
public sealed class StatementModel(MemberMonths months) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string year, CancellationToken cancellationToken)
    {
        if (Year(year) is not { } y)
        {
            return NotFound();
        }

        var csv = await months.StatementCsvAsync(User.Actor(), y, cancellationToken);
        return File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"embassy-statement-{y.ToString(CultureInfo.InvariantCulture)}.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync(string year, CancellationToken cancellationToken)
    {
        if (Year(year) is not { } y)
        {
            return NotFound();
        }

        var table = await months.StatementAsync(User.Actor(), y, cancellationToken);
        return File(StatementWorkbook.Xlsx(table, y), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"embassy-statement-{y.ToString(CultureInfo.InvariantCulture)}.xlsx");
    }

    private static int? Year(string year) =>
        int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 9999 ? y : null;
}
