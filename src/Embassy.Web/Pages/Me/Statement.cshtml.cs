using System.Globalization;
using System.Text;
using Embassy.Application;
using Embassy.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Me;

/// <summary>The signed-in member's yearly statement (CSV) of their published months, for their records.</summary>
public sealed class StatementModel(MemberMonths months) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string year, CancellationToken cancellationToken)
    {
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 2000 or > 9999)
        {
            return NotFound();
        }

        var csv = await months.StatementCsvAsync(User.Actor(), y, cancellationToken);
        return File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"embassy-statement-{y.ToString(CultureInfo.InvariantCulture)}.csv");
    }
}
