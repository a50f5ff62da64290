using System.Globalization;
using System.Text.Json;
using Embassy.Domain;

namespace Embassy.GitHub;

/// <summary>The parts of a GitHub issue Embassy uses (REST <c>issue</c> object, also the webhook payload's <c>issue</c>).</summary>
public sealed record GitHubIssue(
    long Id,
    int Number,
    string Title,
    string Body,
    string State,
    string AuthorLogin,
    IReadOnlyList<string> Labels,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    string HtmlUrl,
    bool IsPullRequest,
    long? AuthorId = null,
    string? RepositoryUrl = null)
{
    /// <summary>The repository <c>repository_url</c> names (<c>…/repos/OWNER/NAME</c>), its current name after a rename.</summary>
    public RepositoryName? Repository =>
        RepositoryUrl is { } url && url.Split('/') is [.., "repos", var owner, var name]
        && RepositoryName.Parse(owner + "/" + name) is { IsSuccess: true } parsed ? parsed.Value : null;

    /// <summary>Reads GitHub's JSON issue object. Missing optional fields become empty; a malformed object throws <see cref="JsonException"/>.</summary>
    public static GitHubIssue FromJson(JsonElement issue)
    {
        var labels = new List<string>();
        if (issue.TryGetProperty("labels", out var ls) && ls.ValueKind == JsonValueKind.Array)
        {
            foreach (var l in ls.EnumerateArray())
            {
                var name = l.ValueKind == JsonValueKind.String ? l.GetString() : Str(l, "name");
                if (!string.IsNullOrEmpty(name))
                {
                    labels.Add(name);
                }
            }
        }

        return new GitHubIssue(
            Id: issue.GetProperty("id").GetInt64(),
            Number: issue.GetProperty("number").GetInt32(),
            Title: Str(issue, "title") ?? string.Empty,
            Body: Str(issue, "body") ?? string.Empty,
            State: Str(issue, "state") ?? "open",
            AuthorLogin: issue.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.Object ? Str(u, "login") ?? string.Empty : string.Empty,
            Labels: labels,
            CreatedAt: Time(issue, "created_at") ?? throw new JsonException("issue.created_at is missing"),
            UpdatedAt: Time(issue, "updated_at") ?? throw new JsonException("issue.updated_at is missing"),
            ClosedAt: Time(issue, "closed_at"),
            HtmlUrl: Str(issue, "html_url") ?? string.Empty,
            IsPullRequest: issue.TryGetProperty("pull_request", out var pr) && pr.ValueKind != JsonValueKind.Null,
            AuthorId: issue.TryGetProperty("user", out var author) && author.ValueKind == JsonValueKind.Object ? Long(author, "id") : null,
            RepositoryUrl: Str(issue, "repository_url"));
    }

    /// <summary>
    /// A string property of a JSON object, or null when absent or not a string. A string holding an unpaired
    /// surrogate (which System.Text.Json refuses to decode) reads with U+FFFD in its place, never throws; text read
    /// through <see cref="GitHubJson.Parse"/> is repaired before it gets here.
    /// </summary>
    public static string? Str(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return v.GetString();
        }
        catch (InvalidOperationException)
        {
            // The raw token is valid JSON once its lone surrogate escapes are replaced.
            using var doc = JsonDocument.Parse(Utf16Repair.RepairJson(v.GetRawText(), out _));
            return doc.RootElement.GetString();
        }
    }

    /// <summary>An integer property of a JSON object, or null when absent or not an integer.</summary>
    public static long? Long(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;

    internal static DateTimeOffset? Time(JsonElement e, string name) =>
        Str(e, name) is { } s ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime() : null;
}

/// <summary>An issue comment.</summary>
public sealed record GitHubComment(long Id, string Body, string AuthorLogin, string HtmlUrl)
{
    /// <summary>Reads GitHub's JSON comment object.</summary>
    public static GitHubComment FromJson(JsonElement c) => new(
        c.GetProperty("id").GetInt64(),
        GitHubIssue.Str(c, "body") ?? string.Empty,
        c.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.Object ? GitHubIssue.Str(u, "login") ?? string.Empty : string.Empty,
        GitHubIssue.Str(c, "html_url") ?? string.Empty);
}

/// <summary>One page of a repository's issue list.</summary>
/// <param name="NotModified">The server answered 304 to If-None-Match: nothing changed since the ETag.</param>
/// <param name="Issues">The issues on the page, pull requests removed.</param>
/// <param name="PullRequestsSkipped">How many pull requests the page held (the issues API lists both).</param>
/// <param name="ETag">The page's ETag, for the next conditional request.</param>
/// <param name="Next">The <c>Link: rel="next"</c> address, or null on the last page.</param>
public sealed record IssuePage(bool NotModified, IReadOnlyList<GitHubIssue> Issues, int PullRequestsSkipped, string? ETag, Uri? Next)
{
    /// <summary>Where the list was answered after following redirects (a renamed repository), or null when not redirected.</summary>
    public Uri? RedirectedTo { get; init; }

    /// <summary>The repository's id when a redirect named it (<c>/repositories/{id}/…</c>), as GitHub redirects renamed ones.</summary>
    public long? RepositoryId => RedirectedTo is { } to && to.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) is [.., "repositories", var id, _]
        && long.TryParse(id, System.Globalization.NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}

/// <summary>What a list of issues asks for.</summary>
/// <param name="Since">Only issues updated at or after this time.</param>
public sealed record IssueQuery(DateTimeOffset? Since = null);

/// <summary>Where an issue is, when looked up by number.</summary>
public enum IssueWhereabouts
{
    /// <summary>On GitHub in this repository.</summary>
    Present,

    /// <summary>Deleted (410 Gone, or 404).</summary>
    Deleted,

    /// <summary>Moved to another repository (301 to its new address).</summary>
    Transferred,
}

/// <summary>An issue looked up by number.</summary>
public sealed record IssueLookup(IssueWhereabouts Whereabouts, GitHubIssue? Issue, Uri? MovedTo);

/// <summary>The primary rate limit as last reported by GitHub.</summary>
public sealed record RateLimitStatus(int Limit, int Remaining, DateTimeOffset Reset);

/// <summary>Reads JSON text from GitHub, repairing invalid UTF-16 first (see <see cref="Utf16Repair"/>).</summary>
public static class GitHubJson
{
    /// <summary>
    /// Parses <paramref name="json"/> after replacing lone surrogates with U+FFFD; <paramref name="repaired"/> says how
    /// many were replaced (the caller turns it into a diagnostic). Malformed JSON throws <see cref="JsonException"/>.
    /// </summary>
    public static JsonDocument Parse(string json, out int repaired)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonDocument.Parse(Utf16Repair.RepairJson(json, out repaired), new JsonDocumentOptions { MaxDepth = 64 });
    }
}

/// <summary>
/// A repository as GitHub answers <c>GET /repos/{owner}/{repo}</c>: its id, its current name, and whether the caller may
/// comment and label issues (<c>permissions.triage</c> or <c>push</c>; null when GitHub did not say, as for some app tokens).
/// </summary>
public sealed record GitHubRepositoryInfo(long Id, string FullName, bool? CanLabelIssues);
