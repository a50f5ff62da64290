using Embassy.Application;
using Embassy.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Embassy.Web.Pages.Public;

/// <summary>Funding, paid and remaining (R10).</summary>
[OutputCache(PolicyName = EmbassyWebSetup.PublicTag)]
public sealed class TreasuryModel(PublicQueries queries, SiteMode mode) : PageModel
{
    public TreasurySummary? Summary { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        TokenAmount? funding = null;
        if (mode.FundingTokens is { } f)
        {
            var token = queries.PolicyInForce.Token;
            var parsed = TokenAmount.Parse(f.ToString(System.Globalization.CultureInfo.InvariantCulture), token);
            funding = parsed.IsSuccess ? parsed.Value : null;
        }

        Summary = await queries.TreasuryAsync(funding, cancellationToken);
    }
}
