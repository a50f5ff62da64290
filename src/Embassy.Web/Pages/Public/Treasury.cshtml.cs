using Embassy.Application;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Embassy.Web.Pages.Public;

/// <summary>
/// The treasury from the stored spending proposals (RULES.md R10: "its remaining balance and runway are always
/// visible"): funding, paid, remaining, runway, a chart with its table, milestone targets with progress, the timeline.
/// </summary>
[OutputCache(PolicyName = EmbassyWebSetup.PublicTag)]
public sealed class TreasuryModel(TreasuryStore treasury, PublicQueries queries) : PageModel
{
    public TreasuryPage? Treasury { get; private set; }

    public TreasurySummary? Months { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Treasury = await treasury.PageAsync(cancellationToken);
        Months = await queries.TreasuryAsync(null, cancellationToken);
    }
}
