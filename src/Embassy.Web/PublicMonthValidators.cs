using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Embassy.Application;
using Microsoft.Net.Http.Headers;

namespace Embassy.Web;

/// <summary>
/// HTTP validators of a published month's public representations (issue #15): the page, its CSV and its JSON. The ETag
/// is derived from the month's content hash — the SHA-256 of the month's public document, which holds the frozen
/// statement, its state, the current transactions and the record of the close — so an approval, a payment, a correction
/// or a reopen and new close changes it. Every instance computes it from the database, never from its own memory, so all
/// of them agree at once; a cached page answers only while the database's cache generation is the one it was made at
/// (<see cref="PublicCacheGeneration"/>).
/// </summary>
internal static class PublicMonthValidators
{
    /// <summary>
    /// A closed month rarely changes, but it can (a payment recorded, a hash corrected), and no cache outside Embassy can
    /// be told when: so any cache may keep the month but asks again before each use, and the ETag makes that answer a
    /// bodiless 304 while the month is unchanged.
    /// </summary>
    internal const string PublicCacheControl = "public, no-cache";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new PeriodJsonConverter() } };

    /// <summary>
    /// The page's markup comes from this build (the Razor views are compiled into this assembly, deterministically): a new
    /// release changes the HTML ETag even when the month is the same.
    /// </summary>
    private static readonly string Build = typeof(PublicMonthValidators).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>The month's content hash: lower-case hex SHA-256 of its public document.</summary>
    public static string ContentHash(PublishedMonth month) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(MonthDocument.Of(month), Json)));

    /// <summary>
    /// Sets the ETag and Cache-Control of <paramref name="representation"/> (<c>html</c>, <c>csv</c>, <c>json</c>) of
    /// <paramref name="month"/>, and says whether the request's If-None-Match already names it (then answer 304, no body).
    /// <paramref name="variant"/> tells apart representations of one month at one address (the page's page and search);
    /// <paramref name="contentHash"/> is the month's <see cref="ContentHash"/> when the caller has it already.
    /// </summary>
    public static bool NotModified(HttpContext http, PublishedMonth month, string representation, string? variant = null, string? contentHash = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var html = representation == "html";
        if (html && http.User.Identity?.IsAuthenticated == true)
        {
            // A signed-in visitor's page names them and holds an anti-forgery token (the sign-out form), so it is never
            // stored (anti-forgery sends no-store) and has no validator: a copy kept from before the sign-in is not it.
            return false;
        }

        var basis = new StringBuilder(representation).Append('\n').Append(contentHash ?? ContentHash(month));
        if (html)
        {
            basis.Append('\n').Append(Build);
        }

        if (variant is not null)
        {
            basis.Append('\n').Append(variant);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(basis.ToString())))[..32];

        // The page is weak (equivalent, not byte-identical: the layout may carry per-request bits); CSV and JSON are exact.
        var tag = new EntityTagHeaderValue("\"" + hash + "\"", isWeak: html);
        var headers = http.Response.Headers;
        headers.ETag = tag.ToString();
        headers.CacheControl = PublicCacheControl;
        var ifNoneMatch = http.Request.GetTypedHeaders().IfNoneMatch;
        return ifNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(tag, useStrongComparison: false));
    }
}
