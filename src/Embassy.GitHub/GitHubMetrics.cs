using System.Diagnostics.Metrics;

namespace Embassy.GitHub;

/// <summary>
/// The GitHub client's counters (meter <see cref="MeterName"/>): every request sent, retries included, and every wait for
/// a rate limit. System.Diagnostics.Metrics costs nothing until a listener (the web host's OpenTelemetry) subscribes.
/// </summary>
public static class GitHubMetrics
{
    /// <summary>The meter's name, for exporters.</summary>
    public const string MeterName = "Embassy.GitHub";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Requests = Meter.CreateCounter<long>("embassy.github.requests", "{request}", "Requests sent to GitHub's REST API (sync, write-back), retries included.");

    private static readonly Counter<long> RateLimitWaits = Meter.CreateCounter<long>("embassy.github.rate_limit_waits", "{wait}", "Times a request waited for a GitHub rate limit (primary or secondary).");

    internal static void Request(HttpMethod method) => Requests.Add(1, new KeyValuePair<string, object?>("method", method.Method));

    internal static void RateLimitWait(string kind) => RateLimitWaits.Add(1, new KeyValuePair<string, object?>("kind", kind));
}
