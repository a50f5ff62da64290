using System.Text;
using Embassy.Application;
using Embassy.Domain;
using Embassy.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Admin;

/// <summary>
/// Downloads the GitHub issue form (<c>.github/ISSUE_TEMPLATE/report-ID.yml</c>) for the policy in force this month,
/// or in the month given as <c>?period=YYYY-MM</c> (R1). A read, for admins only (the /Admin folder's policy).
/// </summary>
public sealed class AdminIssueFormModel(MonthCloseWorkflow workflow, TimeProvider time) : PageModel
{
    public IActionResult OnGet(string? period)
    {
        var month = Period.Of(time.GetUtcNow());
        if (period is not null && !Period.TryParse(period, out month))
        {
            return NotFound();
        }

        var policy = workflow.PolicyFor(month);
        return File(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(ReportIssueForm.Write(policy)), "application/yaml; charset=utf-8", ReportIssueForm.FileName(policy));
    }
}
