using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Embassy.Application;
using Embassy.Domain;
using Microsoft.Net.Http.Headers;

namespace Embassy.Web;

/// <summary>
/// HTTP validators of a published month's public representations (issue #15): the page, its CSV and its JSON. The ETag
/// is derived from the month's content hash — the SHA-256 of what the month's public document and page show: the frozen
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

    /// <summary>
    /// The page's markup comes from this build (the Razor views are compiled into this assembly, deterministically): a new
    /// release changes the HTML ETag even when the month is the same.
    /// </summary>
    private static readonly string Build = typeof(PublicMonthValidators).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>
    /// The month's content hash: lower-case hex SHA-256 of everything its public document and page show — the state, the
    /// policy, the token, every figure in smallest units, each member's rank, status, percentage, points and shares, the
    /// proposals, the batches, the transactions and the record of the close — each field length-prefixed, in a fixed
    /// order. Display strings are left out: they are a function of the units and the token's display decimals, which
    /// are in. (Hashing the JSON document built those strings for 70,000 amounts at 10,000 members: 40 % of a first
    /// render, issue #16.)
    /// </summary>
    public static string ContentHash(PublishedMonth month)
    {
        ArgumentNullException.ThrowIfNull(month);
        var s = month.Month;
        using var h = new HashWriter();
        h.Add("embassy-month/2").Add(month.Period.ToString()).Add(month.State).Add(s.Policy.Id).Add(s.Policy.Version).Add(s.Policy.Hash)
            .Add(s.Token.Symbol).Add(s.Token.Decimals).Add(s.Token.DisplayDecimals)
            .Add(s.Pool).Add(s.TotalPaid).Add(s.Unspent).Add(s.Carried).Add(s.ActiveMembers);
        h.Add(s.Departments.Count);
        foreach (var d in s.Departments)
        {
            h.Add(d.Code).Add(d.Name).Add(d.Pool).Add(d.Points.Hundredths).Add(d.Unspent);
        }

        h.Add(s.Members.Count);
        foreach (var m in s.Members)
        {
            h.Add(m.MemberId).Add(m.Login).Add(m.Name).Add(m.Rank.Code).Add(m.Status.ToString()).Add(m.Percent.Numerator).Add(m.Percent.Denominator);
            h.Add(m.Chosen.Count);
            foreach (var c in m.Chosen)
            {
                h.Add(c);
            }

            h.Add(m.Points.Count);
            foreach (var (code, points) in m.Points.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                h.Add(code).Add(points.Hundredths);
            }

            h.Add(m.Shares.Count);
            foreach (var (code, share) in m.Shares.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                h.Add(code).Add(share);
            }

            h.Add(m.PoolShare).Add(m.Bonus).Add(m.Capped).Add(m.Total);
        }

        h.Add(s.Proposals.Count);
        foreach (var p in s.Proposals)
        {
            h.Add(p.Member).Add(p.From.Code).Add(p.To.Code).Add(p.Reason).Add(p.EffectiveFrom.ToString());
        }

        h.Add(month.Batches).Add(month.Transactions.Count);
        foreach (var tx in month.Transactions)
        {
            h.Add(tx);
        }

        h.Add(month.LockReason).Add(month.History.Count);
        foreach (var e in month.History)
        {
            h.Add(e.At.ToString("O", CultureInfo.InvariantCulture)).Add(e.Actor).Add(e.Action).Add(e.Details);
        }

        return h.Hex();
    }

    /// <summary>SHA-256 over length-prefixed fields, so no two different contents write the same bytes.</summary>
    private sealed class HashWriter : IDisposable
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private byte[] _buffer = new byte[256];

        public HashWriter Add(string? text)
        {
            if (text is null)
            {
                return Add(-1);
            }

            var max = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (_buffer.Length < max)
            {
                _buffer = new byte[Math.Max(max, _buffer.Length * 2)];
            }

            var n = Encoding.UTF8.GetBytes(text, _buffer);
            Add(n);
            _hash.AppendData(_buffer, 0, n);
            return this;
        }

        public HashWriter Add(long value)
        {
            Span<byte> bytes = stackalloc byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
            _hash.AppendData(bytes);
            return this;
        }

        public HashWriter Add(TokenAmount amount)
        {
            Span<byte> bytes = stackalloc byte[16];
            BinaryPrimitives.WriteUInt128LittleEndian(bytes, amount.Units);
            _hash.AppendData(bytes);
            return this;
        }

        public string Hex() => Convert.ToHexStringLower(_hash.GetHashAndReset());

        public void Dispose() => _hash.Dispose();
    }

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
