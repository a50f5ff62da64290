using System.Net;

namespace Embassy.Web.Security;

/// <summary>
/// Where the site is reached and which reverse proxies may say who the client is (configuration <c>Site:PublicUrl</c>,
/// <c>Proxy:KnownProxies</c>, <c>Proxy:KnownNetworks</c>; environment <c>EMBASSY_Site__PublicUrl</c>…). Only a request
/// that comes from a listed proxy or network has its <c>X-Forwarded-For</c>/<c>-Proto</c> read; from anywhere else those
/// headers are ignored, so no client can pick the address the application rate limit counts. With no proxy listed,
/// forwarded headers are never read (also when <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c> is set, which would trust all).
/// </summary>
public sealed class SiteAddress
{
    private SiteAddress(Uri? publicUrl, IReadOnlyList<IPAddress> proxies, IReadOnlyList<IPNetwork> networks)
    {
        PublicUrl = publicUrl;
        KnownProxies = proxies;
        KnownNetworks = networks;
    }

    /// <summary>The address people use, e.g. <c>https://embassy.example.org</c>; null when not configured.</summary>
    public Uri? PublicUrl { get; }

    /// <summary>Proxies whose forwarded headers are read.</summary>
    public IReadOnlyList<IPAddress> KnownProxies { get; }

    /// <summary>Networks whose forwarded headers are read.</summary>
    public IReadOnlyList<IPNetwork> KnownNetworks { get; }

    /// <summary>True when the public URL is https: cookies are then always <c>Secure</c> and HSTS is sent.</summary>
    public bool IsHttps => PublicUrl?.Scheme == Uri.UriSchemeHttps;

    /// <summary>True when some proxy or network is listed.</summary>
    public bool TrustsProxies => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    /// <summary>Reads the settings; a malformed one stops the start with a message naming it (a configuration error).</summary>
    /// <exception cref="InvalidOperationException">A setting is not a URL, an IP address or a network.</exception>
    public static SiteAddress From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Uri? url = null;
        if (configuration["Site:PublicUrl"] is { Length: > 0 } text)
        {
            if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                throw new InvalidOperationException($"Site:PublicUrl '{text}' is not an http(s) URL, e.g. https://embassy.example.org.");
            }
        }

        var proxies = List(configuration, "Proxy:KnownProxies").Select(p => IPAddress.TryParse(p, out var ip)
            ? ip
            : throw new InvalidOperationException($"Proxy:KnownProxies: '{p}' is not an IP address.")).ToArray();
        var networks = List(configuration, "Proxy:KnownNetworks").Select(n => IPNetwork.TryParse(n, out var net)
            ? net
            : throw new InvalidOperationException($"Proxy:KnownNetworks: '{n}' is not a network (address/prefix, e.g. 10.0.0.0/8).")).ToArray();
        return new SiteAddress(url, proxies, networks);
    }

    /// <summary>A list setting: comma- or space-separated text, or the indexed form (<c>Proxy:KnownProxies:0</c>).</summary>
    private static IEnumerable<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? string.Empty);
        return values.SelectMany(v => v.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
