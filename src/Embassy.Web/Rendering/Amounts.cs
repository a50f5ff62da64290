using System.Globalization;
using System.Net;
using Embassy.Domain;
using Microsoft.AspNetCore.Html;

namespace Embassy.Web.Rendering;

/// <summary>
/// How pages show amounts (issue #10's one display rule, <see cref="TokenAmount.Display"/>): whole tokens with the
/// policy's display decimals (four by default), cut, trailing zeros trimmed; the exact amount is one hover away and
/// the smallest units are in the element's value, so the page, the ledger and the file are visibly the same integer.
/// Downloads keep every unit.
/// </summary>
public static class Amounts
{
    /// <summary>"38,338.0447" for 38,338.044743307901234567.</summary>
    public static string Short(TokenAmount amount) => amount.Display();

    /// <summary>
    /// <c>&lt;data value="units" title="exact SYMBOL"&gt;short&lt;/data&gt;</c>: the display text, with the exact
    /// amount as the tooltip and the smallest units as machine-readable value.
    /// </summary>
    public static IHtmlContent Html(TokenAmount amount)
    {
        var units = amount.Units.ToString(CultureInfo.InvariantCulture);
        var exact = WebUtility.HtmlEncode(amount.Format() + " " + amount.Token.Symbol);
        var shown = WebUtility.HtmlEncode(amount.Display() + (amount.IsCutForDisplay ? "…" : string.Empty));
        return new HtmlString($"<data class=\"amount\" value=\"{units}\" title=\"{exact}\">{shown}</data>");
    }
}
