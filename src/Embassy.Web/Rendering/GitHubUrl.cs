namespace Embassy.Web.Rendering;

/// <summary>Links to GitHub that come from outside (a webhook's or the API's <c>html_url</c>).</summary>
public static class GitHubUrl
{
    /// <summary>
    /// True only for <c>https://github.com/…</c> (no user info, no other port or host): anything else — <c>javascript:</c>,
    /// look-alike hosts — is shown as text, never as a link (issue #12).
    /// </summary>
    public static bool IsGitHub(string? url) =>
        url is not null
        && url.StartsWith("https://github.com/", StringComparison.Ordinal)
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps && uri.Host == "github.com" && uri.IsDefaultPort && uri.UserInfo.Length == 0;
}
