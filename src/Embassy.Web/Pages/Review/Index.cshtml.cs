using Embassy.Application;
using Embassy.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Review;

/// <summary>The month's queue by state, with counts.</summary>
public sealed class ReviewIndexModel(ReviewQueue queue, TimeProvider time) : PageModel
{
    public Period Period { get; private set; }

    public IReadOnlyList<Period> Periods { get; private set; } = [];

    public IReadOnlyList<ReviewItem> Items { get; private set; } = [];

    public async Task OnGetAsync(string? period, CancellationToken cancellationToken)
    {
        Periods = await queue.PeriodsAsync(cancellationToken);
        Period = Period.TryParse(period, out var p) ? p : Periods.Count > 0 ? Periods[0] : Period.Of(time.GetUtcNow()).Previous;
        if (!Periods.Contains(Period))
        {
            Periods = [Period, .. Periods];
        }

        Items = await queue.ListAsync(Period, cancellationToken);
    }
}
