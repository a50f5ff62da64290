using Embassy.Application;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Review;

/// <summary>
/// Issue #14, calibration for reviewers: each reviewer's mean offset from the panel's R3 mean per month, and each
/// member's gap between suggested and final scores per closed month (the use case keeps them exact; this page rounds).
/// </summary>
public sealed class ReviewCalibrationModel(ReviewCalibration calibration) : PageModel
{
    public CalibrationView View { get; private set; } = new([], [], []);

    public int Months { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? months, CancellationToken cancellationToken)
    {
        Months = Math.Clamp(months ?? 6, 1, ReviewCalibration.MaxMonths);
        View = await calibration.LatestAsync(Months, cancellationToken);
        return Page();
    }
}
