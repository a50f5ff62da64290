namespace Embassy.GitHub;

/// <summary>Stable diagnostic codes of the GitHub client (the project's one error model).</summary>
public static class GitHubCodes
{
    /// <summary>A rate limit would take longer than <see cref="GitHubOptions.MaxRateLimitWait"/> to reset.</summary>
    public const string RateLimited = "GITHUB_RATE_LIMITED";

    /// <summary>5xx or network errors persisted through every retry.</summary>
    public const string Unavailable = "GITHUB_UNAVAILABLE";

    /// <summary>401: the token is missing, wrong or expired.</summary>
    public const string Unauthorized = "GITHUB_UNAUTHORIZED";

    /// <summary>403 that is not a rate limit: the token lacks a permission.</summary>
    public const string Forbidden = "GITHUB_FORBIDDEN";

    /// <summary>404 for a repository, issue or comment.</summary>
    public const string NotFound = "GITHUB_NOT_FOUND";

    /// <summary>Any other unexpected answer (4xx, malformed JSON).</summary>
    public const string Failed = "GITHUB_FAILED";
}
