using Embassy.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Admin;

/// <summary>Sends the month form (GET ?period=) to the month's close page.</summary>
public sealed class AdminMonthsModel : PageModel
{
    public IActionResult OnGet(string? period) =>
        Period.TryParse(period, out var p) ? Redirect($"/admin/months/{p}") : Redirect("/admin");
}
