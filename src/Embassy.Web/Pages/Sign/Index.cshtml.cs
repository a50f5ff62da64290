using Embassy.Application;
using Embassy.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Sign;

/// <summary>
/// The treasury signers' start page (#13; R9: Embassy prepares, the signers sign): the approved months and the months of
/// drawn bounties, each with its signing page. Read-only: this folder has GET handlers only.
/// </summary>
public sealed class SignIndexModel(MonthCloseWorkflow workflow, TreasuryStore treasury) : PageModel
{
    /// <summary>Approved (waiting for signatures) and paid months, newest first.</summary>
    public IReadOnlyList<(Period Period, string State)> Months { get; private set; } = [];

    /// <summary>Months whose bounties are drawn or paid, with how many are still unpaid, newest first.</summary>
    public IReadOnlyList<(Period Period, int Drawn, int Paid)> Bounties { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Months = [.. (await workflow.ClosedMonthsAsync(cancellationToken)).Where(m => m.State is MonthState.Approved or MonthState.Paid)];
        Bounties = [.. (await treasury.BountiesAsync(cancellationToken))
            .Where(b => b.Status is TreasuryStore.BountyStates.Drawn or TreasuryStore.BountyStates.Paid)
            .GroupBy(b => b.Award.Month)
            .Select(g => (g.Key, g.Count(b => b.Status == TreasuryStore.BountyStates.Drawn), g.Count(b => b.Status == TreasuryStore.BountyStates.Paid)))
            .OrderByDescending(g => g.Key)];
    }
}
