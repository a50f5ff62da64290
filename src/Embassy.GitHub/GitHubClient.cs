using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Embassy.Domain;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace Embassy.GitHub;

/// <summary>
/// A small GitHub REST client on <see cref="HttpClient"/> (Octokit does not restore here). It sends conditional
/// requests (If-None-Match), follows <c>Link</c> pagination, waits out primary and secondary rate limits within
/// <see cref="GitHubOptions.MaxRateLimitWait"/> and reports longer ones, retries 5xx and network errors with
/// exponential back-off (Polly.Core), and never sends a request into a rate limit it knows is exhausted.
/// Expected failures are <see cref="Result{T}"/> diagnostics (<see cref="GitHubCodes"/>); programmer errors throw.
/// </summary>
public sealed partial class GitHubClient
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Marks a request that must not be repeated on an ambiguous outcome (a 5xx, a lost connection, a time-out): GitHub
    /// may have done it and still answered so. Rate limits are still waited out: GitHub refused those requests.
    /// </summary>
    private static readonly ResiliencePropertyKey<bool> NotRepeatable = new("embassy.github.not-repeatable");

    /// <summary>How many times the request was sent again, so that a failure says how many retries it had.</summary>
    private static readonly ResiliencePropertyKey<int> Retries = new("embassy.github.retries");

    private readonly HttpClient _http;
    private readonly GitHubOptions _options;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly GitHubAppTokens? _app;
    private readonly Lock _gate = new();
    private readonly ILogger _logger;
    private RateLimitStatus? _rateLimit;
    private DateTimeOffset _nextWrite = DateTimeOffset.MinValue;
    private int _requestCount;

    /// <summary>
    /// Creates a client. The <paramref name="http"/> client should not follow redirects (a transferred issue answers 301);
    /// <see cref="CreateHandler"/> makes a suitable handler.
    /// </summary>
    public GitHubClient(HttpClient http, GitHubOptions options, TimeProvider time, ILogger<GitHubClient>? logger = null)
    {
        _logger = logger ?? (ILogger)NullLogger.Instance;
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _http = http;
        _options = options;
        _time = time;
        _http.BaseAddress ??= options.ApiBaseAddress;
        _http.Timeout = options.RequestTimeout;
        options.Validate();
        _app = options.UsesApp ? new GitHubAppTokens(options, time) : null;
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        // MaxRetries 0 is one attempt and nothing more, rate limits included (they are reported, not waited out): Polly's
        // retry strategy cannot be told zero attempts, so it is left out.
        if (options.MaxRetries > 0)
        {
            pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.AttemptNumber, args.Context)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } r ? RateLimitWait(r, args.AttemptNumber) : null),
                OnRetry = args =>
                {
                    args.Context.Properties.Set(Retries, args.AttemptNumber + 1);
                    if (args.Outcome.Result is { } r && IsRateLimited(r))
                    {
                        LogRateLimited(_logger, (int)r.StatusCode, Kind(r), args.RetryDelay.TotalSeconds, args.AttemptNumber + 1);
                        GitHubMetrics.RateLimitWait(Kind(r));
                    }

                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        _pipeline = pipeline.Build();
    }

    /// <summary>The primary rate limit as GitHub last reported it, or null before the first answer.</summary>
    public RateLimitStatus? RateLimit
    {
        get
        {
            lock (_gate)
            {
                return _rateLimit;
            }
        }
    }

    /// <summary>Requests sent by this client, retries included.</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <summary>A handler that does not follow redirects, so a transferred issue shows as 301.</summary>
    public static HttpMessageHandler CreateHandler() => new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    /// <summary>
    /// Lists one page of a repository's issues (<c>state=all</c>, <c>per_page=100</c>, most recently updated first).
    /// Pass <paramref name="page"/> = null for the first page, or a page's <see cref="IssuePage.Next"/>.
    /// With <paramref name="etag"/> the request is conditional: an unchanged list answers 304, which GitHub does not
    /// count against the rate limit.
    /// </summary>
    public async Task<Result<IssuePage>> ListIssuesAsync(
        RepositoryName repository, IssueQuery query, Uri? page = null, string? etag = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var uri = page ?? FirstPage(repository, query);
        var sent = await SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, uri);
                if (!string.IsNullOrEmpty(etag))
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                }

                return request;
            },
            cancellationToken).ConfigureAwait(false);
        if (!sent.IsSuccess)
        {
            return Result<IssuePage>.Fail(sent.Diagnostics);
        }

        using var response = sent.Value;
        var newEtag = response.Headers.ETag?.ToString();
        var answeredAt = response.RequestMessage?.RequestUri is { } final && final != Absolute(uri) ? final : null;
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return Result<IssuePage>.Ok(new IssuePage(true, [], 0, newEtag ?? etag, null) { RedirectedTo = answeredAt });
        }

        if (!response.IsSuccessStatusCode)
        {
            return Result<IssuePage>.Fail(await FailureAsync(response, $"listing issues of {repository}", cancellationToken).ConfigureAwait(false));
        }

        var issues = new List<GitHubIssue>();
        var pulls = 0;
        var repaired = 0;
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            using var doc = GitHubJson.Parse(text, out repaired);
            foreach (var element in doc.RootElement.EnumerateArray())
            {
                var issue = GitHubIssue.FromJson(element);
                if (issue.IsPullRequest)
                {
                    pulls++; // the issues API lists pull requests too; they are not reports
                }
                else
                {
                    issues.Add(issue);
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return Result<IssuePage>.Fail(GitHubCodes.Failed, $"GitHub sent an issue list that is not the expected JSON: {e.Message}");
        }

        // Half an emoji in one issue must not fail the page: it reads as U+FFFD and the sync is told.
        return Result<IssuePage>.Ok(
            new IssuePage(false, issues, pulls, newEtag, NextLink(response)) { RedirectedTo = answeredAt },
            repaired > 0 ? [Utf16Repair.Warning(repaired, $"The issue list of {repository}")] : null);
    }

    /// <summary>Looks an issue up by number: present, deleted (410/404) or transferred (301).</summary>
    public async Task<Result<IssueLookup>> GetIssueAsync(RepositoryName repository, int number, CancellationToken cancellationToken = default)
    {
        // Not followed: for one issue, 301 is how GitHub says it was transferred.
        var sent = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, IssueUri(repository, number)), cancellationToken, followRedirects: false).ConfigureAwait(false);
        if (!sent.IsSuccess)
        {
            return Result<IssueLookup>.Fail(sent.Diagnostics);
        }

        using var response = sent.Value;
        switch (response.StatusCode)
        {
            case HttpStatusCode.MovedPermanently or HttpStatusCode.Redirect or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect:
                return Result<IssueLookup>.Ok(new IssueLookup(IssueWhereabouts.Transferred, null, response.Headers.Location));
            case HttpStatusCode.Gone or HttpStatusCode.NotFound:
                return Result<IssueLookup>.Ok(new IssueLookup(IssueWhereabouts.Deleted, null, null));
            case HttpStatusCode.OK:
                var issue = await ReadAsync(response, GitHubIssue.FromJson, cancellationToken).ConfigureAwait(false);
                if (!issue.IsSuccess)
                {
                    return Result<IssueLookup>.Fail(issue.Diagnostics);
                }

                // Followed a redirect anyway (a handler that follows them): a different repository means transferred.
                var expected = "/" + repository.Key + "/issues/";
                var moved = !issue.Value.HtmlUrl.Contains(expected, StringComparison.OrdinalIgnoreCase) && issue.Value.HtmlUrl.Length > 0;
                return Result<IssueLookup>.Ok(moved
                    ? new IssueLookup(IssueWhereabouts.Transferred, null, new Uri(issue.Value.HtmlUrl))
                    : new IssueLookup(IssueWhereabouts.Present, issue.Value, null));
            default:
                return Result<IssueLookup>.Fail(await FailureAsync(response, $"reading issue #{number} of {repository}", cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>The repository, with whether the credentials may write back (comments and labels on its issues).</summary>
    public async Task<Result<GitHubRepositoryInfo>> GetRepositoryAsync(RepositoryName repository, CancellationToken cancellationToken = default)
    {
        var sent = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"repos/{repository.Owner}/{repository.Name}"), cancellationToken).ConfigureAwait(false);
        if (!sent.IsSuccess)
        {
            return Result<GitHubRepositoryInfo>.Fail(sent.Diagnostics);
        }

        using var response = sent.Value;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return Result<GitHubRepositoryInfo>.Fail(await FailureAsync(response, $"reading {repository}", cancellationToken).ConfigureAwait(false));
        }

        return await ReadAsync(response, e =>
        {
            bool? write = null;
            if (e.TryGetProperty("permissions", out var p) && p.ValueKind == JsonValueKind.Object)
            {
                write = Flag(p, "triage") || Flag(p, "push") || Flag(p, "maintain") || Flag(p, "admin");
            }

            return new GitHubRepositoryInfo(e.TryGetProperty("id", out var id) && id.TryGetInt64(out var n) ? n : 0, GitHubIssue.Str(e, "full_name") ?? repository.ToString(), write);
        }, cancellationToken).ConfigureAwait(false);

        static bool Flag(JsonElement permissions, string name) => permissions.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
    }

    /// <summary>
    /// Comments on an issue. Not repeated on a 5xx, a lost connection or a time-out — GitHub may have posted the comment and
    /// still answered so, and a repeat would post it twice —: the failure is returned, and the caller's next attempt looks
    /// for the comment by its marker first (<c>OutboundComments</c>, write-back). A rate limit is still waited out.
    /// </summary>
    public Task<Result<GitHubComment>> CreateCommentAsync(RepositoryName repository, int number, string body, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, new Uri(IssueUri(repository, number) + "/comments", UriKind.Relative), new { body }, GitHubComment.FromJson,
            $"commenting on #{number} of {repository}", cancellationToken, repeatable: false);

    /// <summary>The most pages of 100 comments <see cref="ListCommentsAsync"/> reads.</summary>
    public const int MaxCommentPages = 50;

    /// <summary>
    /// An issue's comments, oldest first, every page of them up to <see cref="MaxCommentPages"/>: a tracking issue gathers
    /// a reminder or two a month, and the marker of Embassy's own comment must be found however far down it is (a retry
    /// that missed it would post the comment twice).
    /// </summary>
    public async Task<Result<IReadOnlyList<GitHubComment>>> ListCommentsAsync(RepositoryName repository, int number, CancellationToken cancellationToken = default)
    {
        var comments = new List<GitHubComment>();
        Uri? uri = new(IssueUri(repository, number) + "/comments?per_page=100", UriKind.Relative);
        for (var pages = 0; uri is not null; pages++)
        {
            if (pages == MaxCommentPages)
            {
                return Result<IReadOnlyList<GitHubComment>>.Fail(GitHubCodes.Failed,
                    $"#{number} of {repository} has more than {(MaxCommentPages * 100).ToString(CultureInfo.InvariantCulture)} comments; Embassy does not read further.");
            }

            var page = uri;
            var sent = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, page), cancellationToken).ConfigureAwait(false);
            if (!sent.IsSuccess)
            {
                return Result<IReadOnlyList<GitHubComment>>.Fail(sent.Diagnostics);
            }

            using var response = sent.Value;
            if (!response.IsSuccessStatusCode)
            {
                return Result<IReadOnlyList<GitHubComment>>.Fail(await FailureAsync(response, $"listing comments of #{number} of {repository}", cancellationToken).ConfigureAwait(false));
            }

            var read = await ReadAsync<IReadOnlyList<GitHubComment>>(response, a => a.EnumerateArray().Select(GitHubComment.FromJson).ToList(), cancellationToken).ConfigureAwait(false);
            if (!read.IsSuccess)
            {
                return read;
            }

            comments.AddRange(read.Value);
            // The next page only on GitHub's own host: the token is sent with it.
            uri = NextLink(response) is { } next && string.Equals(next.Authority, Absolute(page).Authority, StringComparison.OrdinalIgnoreCase) ? next : null;
        }

        return Result<IReadOnlyList<GitHubComment>>.Ok(comments);
    }

    /// <summary>Edits a comment in place.</summary>
    public Task<Result<GitHubComment>> UpdateCommentAsync(RepositoryName repository, long commentId, string body, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Patch, new Uri($"repos/{repository.Owner}/{repository.Name}/issues/comments/{commentId.ToString(CultureInfo.InvariantCulture)}", UriKind.Relative),
            new { body }, GitHubComment.FromJson, $"editing comment {commentId} in {repository}", cancellationToken);

    /// <summary>Adds labels to an issue (GitHub creates missing labels); returns the issue's labels after.</summary>
    public Task<Result<IReadOnlyList<string>>> AddLabelsAsync(RepositoryName repository, int number, IReadOnlyList<string> labels, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, new Uri(IssueUri(repository, number) + "/labels", UriKind.Relative), new { labels }, ReadLabels,
            $"labelling #{number} of {repository}", cancellationToken);

    /// <summary>Removes one label from an issue; a label already gone is not an error.</summary>
    public async Task<Result<bool>> RemoveLabelAsync(RepositoryName repository, int number, string label, CancellationToken cancellationToken = default)
    {
        var uri = new Uri(IssueUri(repository, number) + "/labels/" + Uri.EscapeDataString(label), UriKind.Relative);
        var sent = await SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, uri), cancellationToken).ConfigureAwait(false);
        if (!sent.IsSuccess)
        {
            return Result<bool>.Fail(sent.Diagnostics);
        }

        using var response = sent.Value;
        return response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound
            ? Result<bool>.Ok(response.IsSuccessStatusCode)
            : Result<bool>.Fail(await FailureAsync(response, $"removing label '{label}' from #{number}", cancellationToken).ConfigureAwait(false));
    }

    private static IReadOnlyList<string> ReadLabels(JsonElement array) =>
        array.EnumerateArray().Select(l => GitHubIssue.Str(l, "name") ?? string.Empty).Where(n => n.Length > 0).ToList();

    private static string IssueUri(RepositoryName repository, int number) =>
        $"repos/{repository.Owner}/{repository.Name}/issues/{number.ToString(CultureInfo.InvariantCulture)}";

    private static Uri FirstPage(RepositoryName repository, IssueQuery query)
    {
        var uri = $"repos/{repository.Owner}/{repository.Name}/issues?state=all&sort=updated&direction=desc&per_page=100";
        if (query.Since is { } since)
        {
            uri += "&since=" + Uri.EscapeDataString(since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        }

        return new Uri(uri, UriKind.Relative);
    }

    /// <summary>Reads <c>rel="next"</c> from a Link header: <c>&lt;url&gt;; rel="next", &lt;url&gt;; rel="last"</c>.</summary>
    internal static Uri? NextLink(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (var part in values.SelectMany(v => v.Split(',')))
        {
            var segments = part.Split(';');
            if (segments.Length < 2 || !segments.Skip(1).Any(s => s.Trim().Equals("rel=\"next\"", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var target = segments[0].Trim().TrimStart('<').TrimEnd('>');
            if (Uri.TryCreate(target, UriKind.Absolute, out var next))
            {
                return next;
            }
        }

        return null;
    }

    private async Task<Result<T>> SendJsonAsync<T>(
        HttpMethod method, Uri uri, object body, Func<JsonElement, T> read, string what, CancellationToken cancellationToken, bool repeatable = true)
    {
        var sent = await SendAsync(() => new HttpRequestMessage(method, uri) { Content = JsonContent.Create(body, options: Json) }, cancellationToken, repeatable: repeatable)
            .ConfigureAwait(false);
        if (!sent.IsSuccess)
        {
            return Result<T>.Fail(sent.Diagnostics);
        }

        using var response = sent.Value;
        return response.IsSuccessStatusCode
            ? await ReadAsync(response, read, cancellationToken).ConfigureAwait(false)
            : Result<T>.Fail(await FailureAsync(response, what, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<Result<T>> ReadAsync<T>(HttpResponseMessage response, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            using var doc = GitHubJson.Parse(text, out var repaired);
            return Result<T>.Ok(read(doc.RootElement), repaired > 0 ? [Utf16Repair.Warning(repaired, "GitHub's answer")] : null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return Result<T>.Fail(GitHubCodes.Failed, $"GitHub sent JSON Embassy cannot read: {e.Message}");
        }
    }

    /// <summary>
    /// Sends with retries and rate-limit handling; the caller disposes the response. A request not <paramref name="repeatable"/>
    /// is sent once on an ambiguous outcome (5xx, lost connection, time-out), as GitHub may have done it.
    /// </summary>
    private async Task<Result<HttpResponseMessage>> SendAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken, bool followRedirects = true, bool repeatable = true)
    {
        string? bearer = _options.Token;
        if (_app is not null)
        {
            var installation = await _app.TokenAsync(_http, cancellationToken).ConfigureAwait(false);
            if (!installation.IsSuccess)
            {
                return Result<HttpResponseMessage>.Fail(installation.Diagnostics);
            }

            bearer = installation.Value;
        }

        HttpResponseMessage response;
        int retried;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(NotRepeatable, !repeatable);
        try
        {
            response = await _pipeline.ExecuteAsync(
                async resilience =>
                {
                    var token = resilience.CancellationToken;
                    // GitHub answers a renamed or transferred repository with 301 (GET) or 307 (writes) to its new
                    // address: repeat the request there (GitHub: "repeat your request verbatim"), on the same host only
                    // (the token must not travel elsewhere), at most MaxRedirects times.
                    Uri? target = null;
                    for (var hop = 0; ; hop++)
                    {
                        await WaitForKnownLimitAsync(token).ConfigureAwait(false);
                        using var request = create();
                        if (target is not null)
                        {
                            request.RequestUri = target;
                        }

                        Authorize(request, bearer);
                        await PaceAsync(request.Method, token).ConfigureAwait(false);
                        Interlocked.Increment(ref _requestCount);
                        GitHubMetrics.Request(request.Method);
                        var answer = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false);
                        Remember(answer);
                        await MarkSecondaryLimitAsync(answer, token).ConfigureAwait(false);
                        var sentTo = Absolute(request.RequestUri!);
                        if (!followRedirects || !IsRedirect(answer.StatusCode) || answer.Headers.Location is not { } location)
                        {
                            return answer;
                        }

                        var next = location.IsAbsoluteUri ? location : new Uri(sentTo, location);
                        if (hop >= MaxRedirects || !string.Equals(next.Authority, sentTo.Authority, StringComparison.OrdinalIgnoreCase) || next.Scheme != sentTo.Scheme)
                        {
                            return answer; // reported by the caller as an unexpected answer
                        }

                        answer.Dispose();
                        target = next;
                    }
                },
                context).ConfigureAwait(false);
        }
        catch (RateLimitedException e)
        {
            return Result<HttpResponseMessage>.Fail(GitHubCodes.RateLimited, e.Message);
        }
        catch (HttpRequestException e)
        {
            return Result<HttpResponseMessage>.Fail(GitHubCodes.Unavailable, $"GitHub could not be reached {Retried(repeatable, context.Properties.GetValue(Retries, 0))}: {e.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Result<HttpResponseMessage>.Fail(GitHubCodes.Unavailable,
                $"GitHub did not answer within {_options.RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s, {Retried(repeatable, context.Properties.GetValue(Retries, 0))}.");
        }
        finally
        {
            retried = context.Properties.GetValue(Retries, 0);
            ResilienceContextPool.Shared.Return(context);
        }

        if ((int)response.StatusCode >= 500)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            return Result<HttpResponseMessage>.Fail(GitHubCodes.Unavailable, $"GitHub answered {status.ToString(CultureInfo.InvariantCulture)} {Retried(repeatable, retried)}.");
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            _app?.Forget(); // a revoked installation token: the next request exchanges a new one
        }

        if (IsRateLimited(response))
        {
            // The wait the retry strategy weighed for this answer: too long to sit out, or short but the retries are spent.
            var wait = RateLimitWait(response, retried) ?? TimeSpan.Zero;
            response.Dispose();
            var minutes = Math.Ceiling(wait.TotalMinutes).ToString(CultureInfo.InvariantCulture);
            return Result<HttpResponseMessage>.Fail(GitHubCodes.RateLimited, wait > _options.MaxRateLimitWait
                ? $"GitHub's rate limit resets in {minutes} min, longer than Embassy waits; run again later."
                : $"GitHub's rate limit asks for {minutes} min more, {Retried(repeatable: true, retried)}; run again later.");
        }

        return Result<HttpResponseMessage>.Ok(response);
    }

    /// <summary>Redirects followed for one request before its answer is taken as it is.</summary>
    public const int MaxRedirects = 5;

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Redirect or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private Uri Absolute(Uri uri) => uri.IsAbsoluteUri ? uri : new Uri(_http.BaseAddress!, uri);

    /// <summary>
    /// GitHub's content-creation limit: requests that create or change content (POST, PATCH, PUT, DELETE) go at least
    /// <see cref="GitHubOptions.MinWriteInterval"/> apart ("wait at least one second between each request"). Each write
    /// reserves its slot under the lock, so concurrent writers queue rather than burst.
    /// </summary>
    private async Task PaceAsync(HttpMethod method, CancellationToken cancellationToken)
    {
        if (method == HttpMethod.Get || method == HttpMethod.Head)
        {
            return;
        }

        TimeSpan wait;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var slot = _nextWrite > now ? _nextWrite : now;
            _nextWrite = slot + _options.MinWriteInterval;
            wait = slot - now;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A 403 or 429 without Retry-After and with primary requests left is a secondary limit when its message says so
    /// (GitHub: "You have exceeded a secondary rate limit"); marked on the response for the retry logic.
    /// </summary>
    private static async Task MarkSecondaryLimitAsync(HttpResponseMessage answer, CancellationToken cancellationToken)
    {
        if (answer.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests) || answer.Headers.RetryAfter is not null)
        {
            return;
        }

        var text = await answer.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false); // buffered already
        if (text.Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase))
        {
            answer.Headers.TryAddWithoutValidation(SecondaryMark, "1");
        }
    }

    private const string SecondaryMark = "X-Embassy-Secondary-Rate-Limit";

    private static string Kind(HttpResponseMessage response) =>
        response.Headers.RetryAfter is not null ? "retry-after" : Header(response, "X-RateLimit-Remaining") == 0 ? "primary" : "secondary";

    [LoggerMessage(Level = LogLevel.Warning, Message = "GitHub rate limit ({Status}, {Kind}): waiting {Seconds} s before attempt {Attempt}")]
    private static partial void LogRateLimited(ILogger logger, int status, string kind, double seconds, int attempt);

    private void Authorize(HttpRequestMessage request, string? bearer)
    {
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        request.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", "2022-11-28");
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue(_options.UserAgent, "1.0"));
        if (!string.IsNullOrEmpty(bearer))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
    }

    /// <summary>Primary limit known to be exhausted: wait for the reset (if short enough) rather than send a request that must fail.</summary>
    private async Task WaitForKnownLimitAsync(CancellationToken cancellationToken)
    {
        var limit = RateLimit;
        if (limit is null || limit.Remaining > 0)
        {
            return;
        }

        var wait = limit.Reset - _time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        if (wait > _options.MaxRateLimitWait)
        {
            throw new RateLimitedException(
                $"GitHub's rate limit is used up until {limit.Reset:yyyy-MM-dd HH:mm:ss} UTC, longer than Embassy waits; run again later.");
        }

        GitHubMetrics.RateLimitWait("primary");
        await Task.Delay(wait + TimeSpan.FromSeconds(1), _time, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _rateLimit = null; // unknown until the next answer
        }
    }

    private void Remember(HttpResponseMessage response)
    {
        if (Header(response, "X-RateLimit-Remaining") is { } remaining
            && Header(response, "X-RateLimit-Reset") is { } reset)
        {
            var limit = Header(response, "X-RateLimit-Limit") ?? remaining;
            lock (_gate)
            {
                _rateLimit = new RateLimitStatus((int)limit, (int)remaining, DateTimeOffset.FromUnixTimeSeconds(reset));
            }
        }
    }

    // The retries actually made: rate-limit waits count among them, and MaxRetries 0 makes none.
    private string Retried(bool repeatable, int retried) => !repeatable ? "and the request was not repeated, since GitHub may have done it"
        : retried switch
        {
            0 => _options.MaxRetries == 0 ? "and the request was not repeated (GitHub:MaxRetries is 0)" : "and the request was not repeated",
            1 => "after 1 retry",
            var n => $"after {n.ToString(CultureInfo.InvariantCulture)} retries",
        };

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, int attempt, ResilienceContext context)
    {
        var repeatable = !context.Properties.GetValue(NotRepeatable, false);
        if (outcome.Exception is not null)
        {
            return repeatable && (outcome.Exception is HttpRequestException
                || (outcome.Exception is OperationCanceledException && !context.CancellationToken.IsCancellationRequested));
        }

        var response = outcome.Result!;
        if ((int)response.StatusCode >= 500)
        {
            return repeatable;
        }

        // A rate limit is retried only when its wait is short enough; otherwise it is reported.
        return IsRateLimited(response) && RateLimitWait(response, attempt) is { } wait && wait <= _options.MaxRateLimitWait;
    }

    private static bool IsRateLimited(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.TooManyRequests
        || (response.StatusCode == HttpStatusCode.Forbidden
            && (response.Headers.RetryAfter is not null || Header(response, "X-RateLimit-Remaining") == 0 || response.Headers.Contains(SecondaryMark)));

    /// <summary>How long GitHub asks to wait: Retry-After (secondary limit), else until X-RateLimit-Reset (primary).</summary>
    /// <remarks>
    /// GitHub's order: Retry-After first; else, with no primary requests left, until X-RateLimit-Reset; else (a secondary
    /// limit without a header) at least one minute, doubling on each further attempt (exponential back-off).
    /// </remarks>
    private TimeSpan? RateLimitWait(HttpResponseMessage response, int attempt = 0)
    {
        if (!IsRateLimited(response))
        {
            return null;
        }

        if (response.Headers.RetryAfter is { } retryAfter)
        {
            return retryAfter.Delta ?? (retryAfter.Date - _time.GetUtcNow()) ?? TimeSpan.FromMinutes(1);
        }

        if (Header(response, "X-RateLimit-Remaining") == 0 && Header(response, "X-RateLimit-Reset") is { } reset)
        {
            var wait = DateTimeOffset.FromUnixTimeSeconds(reset) - _time.GetUtcNow() + TimeSpan.FromSeconds(1);
            return wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
        }

        return TimeSpan.FromMinutes(Math.Pow(2, Math.Clamp(attempt, 0, 10))); // GitHub: without a header, at least a minute, growing
    }

    private static long? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static async Task<IReadOnlyList<Diagnostic>> FailureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var message = string.Empty;
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            using var doc = JsonDocument.Parse(text);
            message = GitHubIssue.Str(doc.RootElement, "message") ?? string.Empty;
        }
        catch (JsonException)
        {
            // not JSON; the status says enough
        }

        var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        var code = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => GitHubCodes.Unauthorized,
            HttpStatusCode.Forbidden => GitHubCodes.Forbidden,
            HttpStatusCode.NotFound => GitHubCodes.NotFound,
            _ => GitHubCodes.Failed,
        };
        var hint = code == GitHubCodes.Unauthorized ? " Check EMBASSY_GitHub__Token (or the GitHub App settings)." : string.Empty;
        return [Diagnostic.Error(code, $"GitHub answered {status} {message} while {what}.{hint}".Replace("  ", " ", StringComparison.Ordinal))];
    }

    private sealed class RateLimitedException(string message) : Exception(message);
}
