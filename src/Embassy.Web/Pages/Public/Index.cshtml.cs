using Embassy.Application;
using Embassy.Domain.Rules;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Embassy.Web.Pages.Public;

/// <summary>The program, its rules in force and the closed months; on an empty install, how to start.</summary>
[OutputCache(PolicyName = EmbassyWebSetup.PublicTag)]
public sealed class IndexModel(PublicQueries queries, MemberAdmin members) : PageModel
{
    public Policy Policy { get; private set; } = null!;

    public IReadOnlyList<PublishedMonthSummary> Months { get; private set; } = [];

    public bool Empty { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Policy = queries.PolicyInForce;
        Months = await queries.SummariesAsync(cancellationToken);
        Empty = Months.Count == 0 && (await members.ListAsync(cancellationToken)).Count == 0;
    }
}
