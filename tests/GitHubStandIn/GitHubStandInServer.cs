using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Embassy.GitHubStandIn;

/// <summary>
/// A stand-in for GitHub's REST API on a real loopback port (Kestrel, 127.0.0.1:0). It serves the endpoints
/// Embassy uses with GitHub's documented JSON shapes: list issues (state, since, sort, direction, per_page, page,
/// <c>Link</c> pagination, weak ETags and 304), get an issue (410 deleted, 301 transferred), comments (create,
/// edit, list), labels (add, remove), rate-limit headers (primary 403 at zero, 304 not counted), and injected
/// faults: 5xx, dropped connections, slow answers, secondary limits with or without Retry-After, 429. It plays
/// GitHub's hard parts too: renamed repositories (301/307 to <c>/repositories/{id}/…</c>), the content-creation
/// limit, renamed and re-claimed user logins, half emojis sent as lone <c>\ud83d</c> escapes, and webhook payloads
/// (issues, issue_comment, repository) to deliver as JSON or as forms. It counts every request.
/// </summary>
public sealed class GitHubStandIn : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<StandInIssue> _issues = [];
    private readonly List<StandInRequest> _requests = [];
    private readonly Queue<Fault> _faults = new();
    private readonly TimeProvider _clock;
    private WebApplication? _app;
    private long _nextId = 1000;
    private long _nextCommentId = 5000;
    private DateTimeOffset _lastStamp;
    private DateTimeOffset? _lastWrite;
    private int _contentLimitHits;
    private int _remaining;
    private DateTimeOffset _reset;
    private (long AppId, long InstallationId, RSA Key)? _githubApp;
    private readonly Dictionary<string, DateTimeOffset> _installationTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _repositoryIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _renamed = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, long> _userIds = new(StringComparer.OrdinalIgnoreCase);
    private long _nextUserId = 9_000_000;

    private GitHubStandIn(TimeProvider clock, string? token)
    {
        _clock = clock;
        Token = token;
        _remaining = RateLimit;
        _reset = clock.GetUtcNow().AddHours(1);
        _lastStamp = clock.GetUtcNow().AddDays(-30);
    }

    /// <summary>The token requests must carry as <c>Authorization: Bearer</c>; null accepts anonymous requests.</summary>
    public string? Token { get; }

    /// <summary>Primary rate limit per hour.</summary>
    public int RateLimit { get; } = 5000;

    /// <summary>Root of the REST API, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri ApiBaseAddress { get; private set; } = null!;

    /// <summary>Every request answered so far.</summary>
    public IReadOnlyList<StandInRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToList();
            }
        }
    }

    /// <summary>Requests left in the primary rate limit.</summary>
    public int RateLimitRemaining
    {
        get
        {
            lock (_gate)
            {
                return _remaining;
            }
        }
    }

    /// <summary>Starts the stand-in on a free loopback port.</summary>
    public static async Task<GitHubStandIn> StartAsync(TimeProvider? clock = null, string? token = "standin-token", int port = 0)
    {
        var standIn = new GitHubStandIn(clock ?? TimeProvider.System, token);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        standIn.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.ApiBaseAddress = new Uri(address.TrimEnd('/') + "/");
        standIn._app = app;
        return standIn;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    // ---- data ---------------------------------------------------------------------------------------------

    /// <summary>Files an issue (or a pull request, which the issues API lists too).</summary>
    public StandInIssue AddIssue(string repository, string author, string title, string? body, bool pullRequest = false)
    {
        lock (_gate)
        {
            var stamp = NextStamp();
            var issue = new StandInIssue
            {
                Id = ++_nextId,
                Number = _issues.Where(i => Same(i.Repository, repository)).Select(i => i.Number).DefaultIfEmpty(0).Max() + 1,
                Repository = repository,
                Author = author,
                AuthorId = UserId(author),
                Title = title,
                Body = body,
                CreatedAt = stamp,
                UpdatedAt = stamp,
                IsPullRequest = pullRequest,
            };
            _issues.Add(issue);
            return issue;
        }
    }

    /// <summary>Edits an issue as its author would; GitHub moves <c>updated_at</c>.</summary>
    public void EditIssue(string repository, int number, string? title = null, string? body = null)
    {
        lock (_gate)
        {
            var issue = Find(repository, number) ?? throw new ArgumentException($"No issue #{number} in {repository}.", nameof(number));
            issue.Title = title ?? issue.Title;
            issue.Body = body ?? issue.Body;
            issue.UpdatedAt = NextStamp();
        }
    }

    /// <summary>Closes an issue.</summary>
    public void CloseIssue(string repository, int number)
    {
        lock (_gate)
        {
            var issue = Find(repository, number)!;
            issue.State = "closed";
            issue.ClosedAt = issue.UpdatedAt = NextStamp();
        }
    }

    /// <summary>Reopens a closed issue.</summary>
    public void ReopenIssue(string repository, int number)
    {
        lock (_gate)
        {
            var issue = Find(repository, number)!;
            issue.State = "open";
            issue.ClosedAt = null;
            issue.UpdatedAt = NextStamp();
        }
    }

    /// <summary>Adds a label to an issue, as a maintainer would; GitHub moves <c>updated_at</c>.</summary>
    public void LabelIssue(string repository, int number, string label)
    {
        lock (_gate)
        {
            var issue = Find(repository, number)!;
            issue.Labels.Add(label);
            issue.UpdatedAt = NextStamp();
        }
    }

    /// <summary>Deletes an issue: it leaves the list and answers 410.</summary>
    public void DeleteIssue(string repository, int number)
    {
        lock (_gate)
        {
            Find(repository, number)!.Deleted = true;
        }
    }

    /// <summary>Transfers an issue to another repository: the old address answers 301.</summary>
    public StandInIssue TransferIssue(string repository, int number, string toRepository)
    {
        StandInIssue old;
        lock (_gate)
        {
            old = Find(repository, number)!;
        }

        var moved = AddIssue(toRepository, old.Author, old.Title, old.Body);
        lock (_gate)
        {
            old.TransferredTo = (toRepository, moved.Number);
            old.UpdatedAt = NextStamp(); // the transfer is the issue's last change in the old repository
        }

        return moved;
    }

    /// <summary>The GitHub user id of the account that holds <paramref name="login"/> now (registered on first use).</summary>
    public long UserId(string login)
    {
        lock (_gate)
        {
            if (!_userIds.TryGetValue(login, out var id))
            {
                id = ++_nextUserId;
                _userIds[login] = id;
            }

            return id;
        }
    }

    /// <summary>
    /// Renames an account, as GitHub allows: its id and issues go with it, and the old login is free for anyone to
    /// claim (the next issue filed under it belongs to a new account, with a new id).
    /// </summary>
    public void RenameUser(string login, string newLogin)
    {
        lock (_gate)
        {
            var id = UserId(login);
            _userIds.Remove(login);
            _userIds[newLogin] = id;
            foreach (var issue in _issues.Where(i => i.AuthorId == id))
            {
                issue.Author = newLogin;
            }
        }
    }

    /// <summary>The repository's numeric id: stable for its life, through renames and transfers.</summary>
    public long RepositoryId(string repository)
    {
        lock (_gate)
        {
            if (!_repositoryIds.TryGetValue(repository, out var id))
            {
                id = 700_000 + _repositoryIds.Count;
                _repositoryIds[repository] = id;
            }

            return id;
        }
    }

    /// <summary>
    /// Renames (or transfers) a repository, as GitHub does: its issues and id go with it; the old name answers
    /// <c>301</c> to GET and <c>307</c> to writes, with <c>Location: /repositories/{id}/…</c>, which is served.
    /// </summary>
    public void RenameRepository(string from, string to)
    {
        lock (_gate)
        {
            var id = RepositoryId(from);
            _repositoryIds.Remove(from);
            _repositoryIds[to] = id;
            _renamed[from] = to;
            foreach (var issue in _issues.Where(i => Same(i.Repository, from)))
            {
                issue.Repository = to;
            }
        }
    }

    /// <summary>An issue as the stand-in holds it now.</summary>
    public StandInIssue Issue(string repository, int number)
    {
        lock (_gate)
        {
            return Find(repository, number) ?? throw new ArgumentException($"No issue #{number} in {repository}.", nameof(number));
        }
    }

    // ---- faults -------------------------------------------------------------------------------------------

    /// <summary>The next <paramref name="count"/> requests matching <paramref name="when"/> (default: any) answer <paramref name="status"/>.</summary>
    public void FailNext(int count, int status = 502, Func<HttpRequest, bool>? when = null) => Enqueue(count, new Fault(FaultKind.Status, status, null, when));

    /// <summary>
    /// The next <paramref name="count"/> matching requests are done — a comment is created, an issue edited — and still
    /// answer <paramref name="status"/>, as GitHub's front end may when the work behind it succeeded (an answer lost).
    /// </summary>
    public void FailAfterNext(int count, int status = 502, Func<HttpRequest, bool>? when = null) => Enqueue(count, new Fault(FaultKind.StatusAfter, status, null, when));

    /// <summary>The next <paramref name="count"/> matching requests lose their connection (a network error).</summary>
    public void DropNext(int count, Func<HttpRequest, bool>? when = null) => Enqueue(count, new Fault(FaultKind.Drop, 0, null, when));

    /// <summary>The next <paramref name="count"/> matching requests answer only after <paramref name="delay"/> (a time-out).</summary>
    public void DelayNext(int count, TimeSpan delay, Func<HttpRequest, bool>? when = null) => Enqueue(count, new Fault(FaultKind.Delay, 0, delay, when));

    /// <summary>
    /// The next <paramref name="count"/> matching requests hit a secondary rate limit: 403 with <c>Retry-After</c>, or
    /// without any header when <paramref name="retryAfterSeconds"/> is null (GitHub then asks for at least a minute).
    /// </summary>
    public void SecondaryLimitNext(int? retryAfterSeconds, Func<HttpRequest, bool>? when = null, int count = 1) =>
        Enqueue(count, new Fault(FaultKind.Secondary, 403, retryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null, when));

    /// <summary>The next matching request answers 429 Too Many Requests, with <c>Retry-After</c> when given.</summary>
    public void TooManyRequestsNext(int? retryAfterSeconds = null, Func<HttpRequest, bool>? when = null) =>
        Enqueue(1, new Fault(FaultKind.Secondary, 429, retryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null, when));

    /// <summary>
    /// Plays GitHub's content-creation limit: a request that creates or changes content (POST, PATCH, PUT, DELETE under
    /// <c>/repos</c>) less than a second after the previous one, on the stand-in's clock, answers a secondary-limit 403.
    /// </summary>
    public bool ContentCreationLimit { get; set; }

    /// <summary>
    /// Whether the token may write to repositories (GitHub's <c>permissions.push</c> and <c>triage</c> in the repository's
    /// answer); true unless a test plays a read-only token.
    /// </summary>
    public bool CanWrite { get; set; } = true;

    /// <summary>Requests refused by <see cref="ContentCreationLimit"/>.</summary>
    public int ContentCreationLimitHits
    {
        get
        {
            lock (_gate)
            {
                return _contentLimitHits;
            }
        }
    }

    /// <summary>Sets the primary rate limit: <paramref name="remaining"/> requests until <paramref name="resetIn"/> from now.</summary>
    public void SetPrimaryLimit(int remaining, TimeSpan resetIn)
    {
        lock (_gate)
        {
            _remaining = remaining;
            _reset = _clock.GetUtcNow() + resetIn;
        }
    }

    /// <summary>Matches list-issues requests for one page number (e.g. to break a sync midway).</summary>
    public static Func<HttpRequest, bool> ListPage(int page) =>
        r => r.Method == "GET" && r.Path.Value!.EndsWith("/issues", StringComparison.Ordinal)
            && (r.Query.TryGetValue("page", out var p) ? p.ToString() : "1") == page.ToString(CultureInfo.InvariantCulture);

    // ---- webhooks -----------------------------------------------------------------------------------------

    /// <summary>A signed webhook delivery as GitHub sends it, to POST to a webhook endpoint.</summary>
    /// <remarks>
    /// With <paramref name="form"/> the delivery is sent as GitHub's default content type,
    /// <c>application/x-www-form-urlencoded</c>: <c>payload=&lt;urlencoded JSON&gt;</c>, signed over those form bytes.
    /// </remarks>
    public static HttpRequestMessage WebhookRequest(
        Uri endpoint, string secret, string @event, string json, string? deliveryId = null, string? signature = null, bool form = false)
    {
        var bytes = form ? Encoding.ASCII.GetBytes("payload=" + WebUtility.UrlEncode(json)) : Encoding.UTF8.GetBytes(json);
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(form ? "application/x-www-form-urlencoded" : "application/json");
        request.Headers.TryAddWithoutValidation("X-GitHub-Event", @event);
        request.Headers.TryAddWithoutValidation("X-GitHub-Delivery", deliveryId ?? Guid.NewGuid().ToString());
        request.Headers.TryAddWithoutValidation("X-GitHub-Hook-ID", "1");
        request.Headers.TryAddWithoutValidation("User-Agent", "GitHub-Hookshot/standin");
        request.Headers.TryAddWithoutValidation(
            "X-Hub-Signature-256", signature ?? "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), bytes)));
        return request;
    }

    /// <summary>Sends a signed delivery to a webhook endpoint over HTTP, as GitHub does; returns the status code.</summary>
    public static async Task<int> SendWebhookAsync(Uri endpoint, string secret, string @event, string json, string? deliveryId = null, bool form = false)
    {
        using var http = new HttpClient();
        using var request = WebhookRequest(endpoint, secret, @event, json, deliveryId, form: form);
        using var response = await http.SendAsync(request);
        return (int)response.StatusCode;
    }

    /// <summary>The payload of an <c>issues</c> event (opened, edited, deleted, transferred, closed, reopened, labeled).</summary>
    public string IssuesEventPayload(string action, string repository, int number)
    {
        lock (_gate)
        {
            var issue = Find(repository, number)!;
            var payload = new JsonObject
            {
                ["action"] = action,
                ["issue"] = IssueJson(issue, ApiBaseAddress),
                ["repository"] = RepositoryJson(repository),
                ["sender"] = new JsonObject { ["login"] = issue.Author },
            };
            if (action == "transferred" && issue.TransferredTo is { } to)
            {
                payload["changes"] = new JsonObject
                {
                    ["new_repository"] = RepositoryJson(to.Repository),
                    ["new_issue"] = IssueJson(Find(to.Repository, to.Number)!, ApiBaseAddress),
                };
            }

            if (action == "edited")
            {
                payload["changes"] = new JsonObject { ["body"] = new JsonObject { ["from"] = "(previous body)" } };
            }

            return Json(payload);
        }
    }

    /// <summary>The payload of a <c>repository</c> event (<c>renamed</c>, <c>transferred</c>) for the repository as it is now.</summary>
    public string RepositoryEventPayload(string action, string repository, string from)
    {
        lock (_gate)
        {
            var changes = action == "renamed"
                ? new JsonObject { ["repository"] = new JsonObject { ["name"] = new JsonObject { ["from"] = from.Split('/')[1] } } }
                : new JsonObject { ["owner"] = new JsonObject { ["from"] = new JsonObject { ["user"] = new JsonObject { ["login"] = from.Split('/')[0] } } } };
            return Json(new JsonObject
            {
                ["action"] = action,
                ["changes"] = changes,
                ["repository"] = RepositoryJson(repository),
                ["sender"] = new JsonObject { ["login"] = "maintainer" },
            });
        }
    }

    /// <summary>The payload of an <c>issue_comment</c> event.</summary>
    public string IssueCommentEventPayload(string action, string repository, int number, string commenter, string body)
    {
        lock (_gate)
        {
            var issue = Find(repository, number)!;
            return Json(new JsonObject
            {
                ["action"] = action,
                ["issue"] = IssueJson(issue, ApiBaseAddress),
                ["comment"] = new JsonObject { ["id"] = 777, ["body"] = body, ["user"] = new JsonObject { ["login"] = commenter } },
                ["repository"] = RepositoryJson(repository),
                ["sender"] = new JsonObject { ["login"] = commenter },
            });
        }
    }

    // ---- server -------------------------------------------------------------------------------------------

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var fault = TakeFault(context.Request);
            if (fault is not null)
            {
                switch (fault.Kind)
                {
                    case FaultKind.Drop:
                        Log(context, 0, false);
                        context.Abort();
                        return;
                    case FaultKind.Delay:
                        try
                        {
                            await Task.Delay(fault.Delay!.Value, context.RequestAborted);
                        }
                        catch (OperationCanceledException)
                        {
                            Log(context, 0, false);
                            return;
                        }

                        break;
                    case FaultKind.Status:
                        await WriteAsync(context, fault.Status, new JsonObject { ["message"] = "Server Error" }, counted: true);
                        return;
                    case FaultKind.StatusAfter:
                        break; // done below, after the request's own checks
                    case FaultKind.Secondary:
                        if (fault.Delay is { } retryAfter)
                        {
                            context.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                        }

                        await WriteAsync(context, fault.Status, new JsonObject
                        {
                            ["message"] = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
                            ["documentation_url"] = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
                        }, counted: true);
                        return;
                }
            }

            if (!context.Request.Path.StartsWithSegments("/app", StringComparison.Ordinal) && !Authorized(context.Request.Headers.Authorization.ToString()))
            {
                await WriteAsync(context, 401, new JsonObject { ["message"] = "Bad credentials" }, counted: true);
                return;
            }

            bool exhausted;
            lock (_gate)
            {
                if (_clock.GetUtcNow() >= _reset)
                {
                    _remaining = RateLimit;
                    _reset = _clock.GetUtcNow().AddHours(1);
                }

                exhausted = _remaining <= 0;
            }

            if (exhausted)
            {
                await WriteAsync(context, 403, new JsonObject { ["message"] = "API rate limit exceeded for user." }, counted: false);
                return;
            }

            var tooSoon = false;
            if (ContentCreationLimit && !HttpMethods.IsGet(context.Request.Method) && context.Request.Path.StartsWithSegments("/repos", StringComparison.Ordinal))
            {
                lock (_gate)
                {
                    var now = _clock.GetUtcNow();
                    tooSoon = _lastWrite is { } last && now - last < TimeSpan.FromSeconds(1);
                    _contentLimitHits += tooSoon ? 1 : 0;
                    _lastWrite = now;
                }
            }

            if (tooSoon)
            {
                await WriteAsync(context, 403, new JsonObject
                {
                    ["message"] = "You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later.",
                    ["documentation_url"] = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
                }, counted: true);
                return;
            }

            if (fault is { Kind: FaultKind.StatusAfter })
            {
                // Do the request, throw its answer away (unlogged: the client never sees it), and answer the fault.
                var answer = context.Response.Body;
                using (var discarded = new MemoryStream())
                {
                    context.Response.Body = discarded;
                    context.Items[Unlogged] = true;
                    await next(context);
                }

                context.Items.Remove(Unlogged);
                context.Response.Body = answer;
                context.Response.Clear();
                await WriteAsync(context, fault.Status, new JsonObject { ["message"] = "Server Error" }, counted: false);
                return;
            }

            await next(context);
        });

        // Renamed repositories: the old name redirects to /repositories/{id}/…, which serves the repository as it is now.
        app.Use(async (context, next) =>
        {
            var segments = (context.Request.Path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
            string? renamedTo = null;
            long id = 0;
            string? current = null;
            lock (_gate)
            {
                if (segments is ["repos", var owner, var name, ..] && _renamed.TryGetValue(owner + "/" + name, out var to))
                {
                    while (_renamed.TryGetValue(to, out var further))
                    {
                        to = further;
                    }

                    renamedTo = to;
                    id = RepositoryId(to);
                }
                else if (segments is ["repositories", var text, ..] && long.TryParse(text, CultureInfo.InvariantCulture, out var asked))
                {
                    current = _repositoryIds.FirstOrDefault(kv => kv.Value == asked).Key;
                }
            }

            if (renamedTo is not null)
            {
                var rest = string.Join('/', segments.Skip(3));
                context.Response.Headers.Location = $"{ApiBaseAddress}repositories/{id.ToString(CultureInfo.InvariantCulture)}/{rest}{context.Request.QueryString}";
                var get = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
                await WriteAsync(context, get ? 301 : 307, new JsonObject
                {
                    ["message"] = get ? "Moved Permanently" : "Temporary Redirect",
                    ["url"] = context.Response.Headers.Location.ToString(),
                    ["documentation_url"] = "https://docs.github.com/rest/overview/resources-in-the-rest-api#http-redirects",
                }, counted: true);
                return;
            }

            if (current is not null)
            {
                context.Request.Path = "/repos/" + current + "/" + string.Join('/', segments.Skip(2));
            }

            await next(context);
        });
        app.UseRouting();

        app.MapPost("/app/installations/{id:long}/access_tokens", CreateInstallationToken);
        app.MapGet("/repos/{owner}/{repo}", GetRepository);
        app.MapGet("/repos/{owner}/{repo}/issues", ListIssues);
        app.MapGet("/repos/{owner}/{repo}/issues/{number:int}", GetIssue);
        app.MapGet("/repos/{owner}/{repo}/issues/{number:int}/comments", ListComments);
        app.MapPost("/repos/{owner}/{repo}/issues/{number:int}/comments", CreateComment);
        app.MapMethods("/repos/{owner}/{repo}/issues/comments/{id:long}", ["PATCH"], EditComment);
        app.MapPost("/repos/{owner}/{repo}/issues/{number:int}/labels", AddLabels);
        app.MapDelete("/repos/{owner}/{repo}/issues/{number:int}/labels/{name}", RemoveLabel);
    }

    private async Task ListIssues(HttpContext context, string owner, string repo)
    {
        var q = context.Request.Query;
        var state = q.TryGetValue("state", out var s) ? s.ToString() : "open";
        var perPage = Math.Clamp(Int(q, "per_page", 30), 1, 100);
        var page = Math.Max(1, Int(q, "page", 1));
        var sort = q.TryGetValue("sort", out var so) ? so.ToString() : "created";
        var desc = !q.TryGetValue("direction", out var d) || d.ToString() != "asc";
        DateTimeOffset? since = q.TryGetValue("since", out var si)
            ? DateTimeOffset.Parse(si.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : null;
        var repository = owner + "/" + repo;

        JsonArray items;
        int total;
        lock (_gate)
        {
            IEnumerable<StandInIssue> list = _issues.Where(i => Same(i.Repository, repository) && !i.Deleted && i.TransferredTo is null);
            list = state switch
            {
                "all" => list,
                "closed" => list.Where(i => i.State == "closed"),
                _ => list.Where(i => i.State == "open"),
            };
            if (since is { } from)
            {
                list = list.Where(i => i.UpdatedAt >= from);
            }

            Func<StandInIssue, DateTimeOffset> key = sort == "updated" ? i => i.UpdatedAt : i => i.CreatedAt;
            var ordered = desc ? list.OrderByDescending(key).ThenByDescending(i => i.Number) : list.OrderBy(key).ThenBy(i => i.Number);
            var all = ordered.ToList();
            total = all.Count;
            items = new JsonArray(all.Skip((page - 1) * perPage).Take(perPage).Select(i => (JsonNode)IssueJson(i, ApiBaseAddress)).ToArray());
        }

        var lastPage = Math.Max(1, (total + perPage - 1) / perPage);
        var links = new List<string>();
        string PageUrl(int n)
        {
            var query = q.Where(kv => kv.Key != "page").Select(kv => kv.Key + "=" + Uri.EscapeDataString(kv.Value.ToString()))
                .Append("page=" + n.ToString(CultureInfo.InvariantCulture));
            return $"<{ApiBaseAddress}repos/{owner}/{repo}/issues?{string.Join('&', query)}>";
        }

        if (page < lastPage)
        {
            links.Add(PageUrl(page + 1) + "; rel=\"next\"");
            links.Add(PageUrl(lastPage) + "; rel=\"last\"");
        }

        if (page > 1)
        {
            links.Add(PageUrl(page - 1) + "; rel=\"prev\"");
            links.Add(PageUrl(1) + "; rel=\"first\"");
        }

        if (links.Count > 0)
        {
            context.Response.Headers["Link"] = string.Join(", ", links);
        }

        await WriteWithETagAsync(context, items);
    }

    // GET /repos/{owner}/{repo}: the repository with the caller's permissions on it.
    private async Task GetRepository(HttpContext context, string owner, string repo)
    {
        var name = owner + "/" + repo;
        var writable = CanWrite;
        await WriteAsync(context, 200, new JsonObject
        {
            ["id"] = RepositoryId(name),
            ["full_name"] = name,
            ["permissions"] = new JsonObject { ["admin"] = false, ["push"] = writable, ["triage"] = writable, ["pull"] = true },
        }, counted: true);
    }

    private async Task GetIssue(HttpContext context, string owner, string repo, int number)
    {
        JsonObject? body;
        int status;
        lock (_gate)
        {
            var issue = Find(owner + "/" + repo, number);
            if (issue is null)
            {
                (status, body) = (404, new JsonObject { ["message"] = "Not Found" });
            }
            else if (issue.Deleted)
            {
                (status, body) = (410, new JsonObject { ["message"] = "This issue was deleted" });
            }
            else if (issue.TransferredTo is { } to)
            {
                context.Response.Headers.Location = $"{ApiBaseAddress}repos/{to.Repository}/issues/{to.Number.ToString(CultureInfo.InvariantCulture)}";
                (status, body) = (301, new JsonObject { ["message"] = "Moved Permanently" });
            }
            else
            {
                (status, body) = (200, IssueJson(issue, ApiBaseAddress));
            }
        }

        await WriteAsync(context, status, body, counted: true);
    }

    // GET …/issues/{number}/comments: oldest first, per_page (30 unless asked, at most 100) a page, with Link pagination.
    private async Task ListComments(HttpContext context, string owner, string repo, int number)
    {
        var q = context.Request.Query;
        var perPage = Math.Clamp(Int(q, "per_page", 30), 1, 100);
        var page = Math.Max(1, Int(q, "page", 1));
        JsonArray list;
        int total;
        lock (_gate)
        {
            var comments = Find(owner + "/" + repo, number)?.Comments ?? [];
            total = comments.Count;
            list = new JsonArray(comments.Skip((page - 1) * perPage).Take(perPage).Select(c => (JsonNode)CommentJson(c, owner + "/" + repo, number)).ToArray());
        }

        var lastPage = Math.Max(1, (total + perPage - 1) / perPage);
        if (page < lastPage)
        {
            string PageUrl(int n) => $"<{ApiBaseAddress}repos/{owner}/{repo}/issues/{number.ToString(CultureInfo.InvariantCulture)}/comments?per_page={perPage.ToString(CultureInfo.InvariantCulture)}&page={n.ToString(CultureInfo.InvariantCulture)}>";
            context.Response.Headers["Link"] = PageUrl(page + 1) + "; rel=\"next\", " + PageUrl(lastPage) + "; rel=\"last\"";
        }

        await WriteWithETagAsync(context, list);
    }

    private async Task CreateComment(HttpContext context, string owner, string repo, int number)
    {
        var body = await ReadBodyAsync(context, "body");
        JsonObject result;
        lock (_gate)
        {
            var issue = Find(owner + "/" + repo, number);
            if (issue is null || issue.Deleted)
            {
                result = new JsonObject { ["message"] = "Not Found" };
            }
            else
            {
                var stamp = NextStamp();
                var comment = new StandInComment { Id = ++_nextCommentId, Author = "embassy-bot", Body = body ?? string.Empty, CreatedAt = stamp, UpdatedAt = stamp };
                issue.Comments.Add(comment);
                issue.UpdatedAt = stamp; // a comment moves the issue's updated_at, as on GitHub
                result = CommentJson(comment, issue.Repository, issue.Number);
            }
        }

        await WriteAsync(context, result.ContainsKey("id") ? 201 : 404, result, counted: true);
    }

    private async Task EditComment(HttpContext context, string owner, string repo, long id)
    {
        var body = await ReadBodyAsync(context, "body");
        JsonObject? result = null;
        lock (_gate)
        {
            foreach (var issue in _issues.Where(i => Same(i.Repository, owner + "/" + repo)))
            {
                var comment = issue.Comments.FirstOrDefault(c => c.Id == id);
                if (comment is not null)
                {
                    comment.Body = body ?? comment.Body;
                    comment.UpdatedAt = NextStamp();
                    result = CommentJson(comment, issue.Repository, issue.Number);
                }
            }
        }

        await WriteAsync(context, result is null ? 404 : 200, result ?? new JsonObject { ["message"] = "Not Found" }, counted: true);
    }

    private async Task AddLabels(HttpContext context, string owner, string repo, int number)
    {
        using var doc = await JsonDocument.ParseAsync(context.Request.Body);
        var names = doc.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).ToList();
        JsonArray result;
        lock (_gate)
        {
            var issue = Find(owner + "/" + repo, number)!;
            foreach (var name in names.Where(n => !issue.Labels.Contains(n)))
            {
                issue.Labels.Add(name);
            }

            issue.UpdatedAt = NextStamp();
            result = LabelsJson(issue);
        }

        await WriteAsync(context, 200, result, counted: true);
    }

    private async Task RemoveLabel(HttpContext context, string owner, string repo, int number, string name)
    {
        JsonNode result;
        int status;
        lock (_gate)
        {
            var issue = Find(owner + "/" + repo, number)!;
            if (issue.Labels.Remove(name))
            {
                issue.UpdatedAt = NextStamp();
                (status, result) = (200, LabelsJson(issue));
            }
            else
            {
                (status, result) = (404, new JsonObject { ["message"] = "Label does not exist" });
            }
        }

        await WriteAsync(context, status, result, counted: true);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private async Task WriteWithETagAsync(HttpContext context, JsonNode body)
    {
        var json = Json(body);
        var etag = "W/\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))) + "\"";
        context.Response.Headers.ETag = etag;
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Length > 0 && ifNoneMatch == etag)
        {
            // GitHub: a 304 to a conditional request does not count against the primary rate limit.
            RateHeaders(context, counted: false);
            context.Response.StatusCode = 304;
            Log(context, 304, true);
            return;
        }

        await WriteJsonAsync(context, 200, json, counted: true);
    }

    /// <summary>
    /// Plays a GitHub App installed on the repositories: <paramref name="appId"/>'s JWTs (RS256, signed with the returned
    /// PEM private key) are exchanged at <c>POST /app/installations/{installationId}/access_tokens</c> for tokens that
    /// last an hour on the stand-in's clock and are accepted like <see cref="Token"/>.
    /// </summary>
    public string EnableApp(long appId, long installationId)
    {
        var key = RSA.Create(2048);
        lock (_gate)
        {
            _githubApp = (appId, installationId, key);
        }

        return key.ExportPkcs8PrivateKeyPem();
    }

    /// <summary>Installation tokens handed out so far.</summary>
    public int InstallationTokensIssued
    {
        get
        {
            lock (_gate)
            {
                return _installationTokens.Count;
            }
        }
    }

    /// <summary>Revokes every installation token (as GitHub does when an app is suspended or its permissions change).</summary>
    public void RevokeInstallationTokens()
    {
        lock (_gate)
        {
            foreach (var token in _installationTokens.Keys.ToArray())
            {
                _installationTokens[token] = DateTimeOffset.MinValue;
            }
        }
    }

    private bool Authorized(string authorization)
    {
        if (Token is null && _githubApp is null)
        {
            return true;
        }

        if (Token is not null && authorization == "Bearer " + Token)
        {
            return true;
        }

        lock (_gate)
        {
            return authorization.StartsWith("Bearer ", StringComparison.Ordinal)
                && _installationTokens.TryGetValue(authorization["Bearer ".Length..], out var expires) && _clock.GetUtcNow() < expires;
        }
    }

    // POST /app/installations/{id}/access_tokens: GitHub checks the JWT's RS256 signature, issuer (the app id) and times.
    private async Task CreateInstallationToken(HttpContext context, long id)
    {
        var app = _githubApp;
        var jwt = context.Request.Headers.Authorization.ToString();
        jwt = jwt.StartsWith("Bearer ", StringComparison.Ordinal) ? jwt["Bearer ".Length..] : string.Empty;
        var parts = jwt.Split('.');
        var now = _clock.GetUtcNow().ToUnixTimeSeconds();
        var valid = app is { } a && parts.Length == 3 && id == a.InstallationId;
        if (valid)
        {
            try
            {
                static byte[] FromBase64Url(string text) => Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/').PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));
                var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
                using var header = JsonDocument.Parse(FromBase64Url(parts[0]));
                using var payload = JsonDocument.Parse(FromBase64Url(parts[1]));
                var claims = payload.RootElement;
                valid = header.RootElement.GetProperty("alg").GetString() == "RS256"
                    && app!.Value.Key.VerifyData(signed, FromBase64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                    && claims.GetProperty("iss").ToString() == app.Value.AppId.ToString(CultureInfo.InvariantCulture)
                    && claims.GetProperty("iat").GetInt64() <= now + 60
                    && claims.GetProperty("exp").GetInt64() > now
                    && claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64() <= 600; // GitHub: at most 10 minutes
            }
            catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException or CryptographicException)
            {
                valid = false;
            }
        }

        if (!valid)
        {
            await WriteAsync(context, 401, new JsonObject { ["message"] = "A JSON web token could not be decoded" }, counted: false);
            return;
        }

        var token = "ghs_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(18));
        var expires = _clock.GetUtcNow().AddHours(1);
        lock (_gate)
        {
            _installationTokens[token] = expires;
        }

        await WriteAsync(context, 201, new JsonObject
        {
            ["token"] = token,
            ["expires_at"] = expires.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["permissions"] = new JsonObject { ["issues"] = "write", ["metadata"] = "read" },
            ["repository_selection"] = "all",
        }, counted: false);
    }

    private Task WriteAsync(HttpContext context, int status, JsonNode body, bool counted) =>
        WriteJsonAsync(context, status, Json(body), counted);

    private async Task WriteJsonAsync(HttpContext context, int status, string json, bool counted)
    {
        RateHeaders(context, counted);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        Log(context, status, context.Request.Headers.IfNoneMatch.Count > 0);
        await context.Response.WriteAsync(json);
    }

    private void RateHeaders(HttpContext context, bool counted)
    {
        int remaining;
        DateTimeOffset reset;
        lock (_gate)
        {
            if (counted && _remaining > 0)
            {
                _remaining--;
            }

            remaining = _remaining;
            reset = _reset;
        }

        var h = context.Response.Headers;
        h["X-RateLimit-Limit"] = RateLimit.ToString(CultureInfo.InvariantCulture);
        h["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        h["X-RateLimit-Used"] = (RateLimit - remaining).ToString(CultureInfo.InvariantCulture);
        h["X-RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        h["X-RateLimit-Resource"] = "core";
    }

    private void Log(HttpContext context, int status, bool conditional)
    {
        if (context.Items.ContainsKey(Unlogged))
        {
            return;
        }

        lock (_gate)
        {
            _requests.Add(new StandInRequest(context.Request.Method, context.Request.Path.Value ?? string.Empty,
                context.Request.QueryString.Value ?? string.Empty, status, conditional));
        }
    }

    private void Enqueue(int count, Fault fault)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _faults.Enqueue(fault);
            }
        }
    }

    private Fault? TakeFault(HttpRequest request)
    {
        lock (_gate)
        {
            if (_faults.Count == 0 || !(_faults.Peek().When?.Invoke(request) ?? true))
            {
                return null;
            }

            return _faults.Dequeue();
        }
    }

    private StandInIssue? Find(string repository, int number) =>
        _issues.FirstOrDefault(i => Same(i.Repository, repository) && i.Number == number);

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>Strictly increasing whole-second timestamps, as GitHub's are second-precise.</summary>
    private DateTimeOffset NextStamp()
    {
        var now = _clock.GetUtcNow();
        now = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        _lastStamp = now > _lastStamp ? now : _lastStamp.AddSeconds(1);
        return _lastStamp;
    }

    private static int Int(IQueryCollection q, string name, int fallback) =>
        q.TryGetValue(name, out var v) && int.TryParse(v.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    private static async Task<string?> ReadBodyAsync(HttpContext context, string property)
    {
        using var doc = await JsonDocument.ParseAsync(context.Request.Body);
        return doc.RootElement.TryGetProperty(property, out var v) ? v.GetString() : null;
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>
    /// GitHub sends half an emoji as a lone <c>\ud83d</c> escape, which System.Text.Json will not write: lone surrogates
    /// go through the node tree as markers and become escapes in <see cref="Json"/>.
    /// </summary>
    private static string Escapable(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var k = 0; k < text.Length; k++)
        {
            var c = text[k];
            if (char.IsHighSurrogate(c) && k + 1 < text.Length && char.IsLowSurrogate(text[k + 1]))
            {
                sb.Append(c).Append(text[++k]);
            }
            else if (char.IsSurrogate(c))
            {
                sb.Append(LoneMarker).Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)).Append(LoneMarker);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private const string LoneMarker = "@@lone-surrogate@@";

    private static string Json(JsonNode node)
    {
        var json = node.ToJsonString();
        return json.Contains(LoneMarker, StringComparison.Ordinal)
            ? System.Text.RegularExpressions.Regex.Replace(json, LoneMarker + "([0-9a-f]{4})" + LoneMarker, m => "\\u" + m.Groups[1].Value)
            : json;
    }

    /// <summary>A stable positive id for a name (string hash codes differ between runs).</summary>
    private static long StableId(string name) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(name)), 0) & 0x7fff_ffff;

    private JsonObject RepositoryJson(string repository) => new()
    {
        ["id"] = RepositoryId(repository),
        ["full_name"] = repository,
        ["name"] = repository.Split('/')[1],
        ["owner"] = new JsonObject { ["login"] = repository.Split('/')[0] },
    };

    private static JsonArray LabelsJson(StandInIssue issue) =>
        new(issue.Labels.Select(l => (JsonNode)new JsonObject { ["id"] = StableId(l), ["name"] = l, ["color"] = "ededed" }).ToArray());

    private static JsonObject IssueJson(StandInIssue i, Uri api)
    {
        var number = i.Number.ToString(CultureInfo.InvariantCulture);
        var o = new JsonObject
        {
            ["url"] = $"{api}repos/{i.Repository}/issues/{number}",
            ["repository_url"] = $"{api}repos/{i.Repository}",
            ["html_url"] = $"https://github.com/{i.Repository}/issues/{number}",
            ["id"] = i.Id,
            ["node_id"] = "I_" + i.Id.ToString(CultureInfo.InvariantCulture),
            ["number"] = i.Number,
            ["title"] = Escapable(i.Title),
            ["user"] = new JsonObject { ["login"] = i.Author, ["id"] = i.AuthorId, ["type"] = "User" },
            ["labels"] = LabelsJson(i),
            ["state"] = i.State,
            ["locked"] = false,
            ["comments"] = i.Comments.Count,
            ["created_at"] = Time(i.CreatedAt),
            ["updated_at"] = Time(i.UpdatedAt),
            ["closed_at"] = i.ClosedAt is { } c ? Time(c) : null,
            ["author_association"] = "NONE",
            ["body"] = i.Body is null ? null : Escapable(i.Body),
        };
        if (i.IsPullRequest)
        {
            o["pull_request"] = new JsonObject { ["url"] = $"{api}repos/{i.Repository}/pulls/{number}" };
        }

        return o;
    }

    private static JsonObject CommentJson(StandInComment c, string repository, int number) => new()
    {
        ["id"] = c.Id,
        ["html_url"] = $"https://github.com/{repository}/issues/{number.ToString(CultureInfo.InvariantCulture)}#issuecomment-{c.Id.ToString(CultureInfo.InvariantCulture)}",
        ["body"] = c.Body,
        ["user"] = new JsonObject { ["login"] = c.Author },
        ["created_at"] = Time(c.CreatedAt),
        ["updated_at"] = Time(c.UpdatedAt),
    };

    /// <summary>The item that keeps a request's own answer out of <see cref="Requests"/> (<see cref="FailAfterNext"/>).</summary>
    private static readonly object Unlogged = new();

    private enum FaultKind
    {
        Status,
        StatusAfter,
        Drop,
        Delay,
        Secondary,
    }

    private sealed record Fault(FaultKind Kind, int Status, TimeSpan? Delay, Func<HttpRequest, bool>? When);
}
