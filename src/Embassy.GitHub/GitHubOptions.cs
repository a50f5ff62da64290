namespace Embassy.GitHub;

/// <summary>
/// Configuration section <c>GitHub</c> (environment: <c>EMBASSY_GitHub__Token</c>, <c>EMBASSY_GitHub__WebhookSecret</c>, …).
/// Secrets come only from configuration, never from code or files in the repository.
/// </summary>
public sealed class GitHubOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "GitHub";

    /// <summary>The REST API root; a stand-in's address in tests and demos.</summary>
    public Uri ApiBaseAddress { get; set; } = new("https://api.github.com/");

    /// <summary>A personal access token or a GitHub App installation token; sent as a bearer token.</summary>
    public string? Token { get; set; }

    /// <summary>
    /// A GitHub App's id. With <see cref="AppPrivateKey"/> and <see cref="InstallationId"/> (and no <see cref="Token"/>)
    /// Embassy authenticates as the app's installation: it signs a short JWT with the key and exchanges it for
    /// installation tokens, renewed before they expire (GitHub gives them one hour).
    /// </summary>
    public long? AppId { get; set; }

    /// <summary>The GitHub App's private key (PEM), from configuration only (<c>EMBASSY_GitHub__AppPrivateKey</c>).</summary>
    public string? AppPrivateKey { get; set; }

    /// <summary>The app's installation on the program's organisation or repository.</summary>
    public long? InstallationId { get; set; }

    /// <summary>True when the client authenticates as a GitHub App installation rather than with <see cref="Token"/>.</summary>
    public bool UsesApp => string.IsNullOrEmpty(Token) && AppId is not null && InstallationId is not null && !string.IsNullOrWhiteSpace(AppPrivateKey);

    /// <summary>The repository members file reports in, <c>owner/name</c>.</summary>
    public string? Repository { get; set; }

    /// <summary>The secret webhooks are signed with (X-Hub-Signature-256). Without it every delivery is refused.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>
    /// The largest webhook body accepted (default 25 MiB, GitHub's own cap). A larger one is answered 413 while it
    /// streams, whether or not it declares a Content-Length.
    /// </summary>
    public int WebhookMaxBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>How long processed webhook deliveries are kept (for the admin page and replays) before they are deleted.</summary>
    public TimeSpan WebhookRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long the payload of an ignored delivery (ping, another repository, a pull request) is kept.</summary>
    public TimeSpan IgnoredPayloadRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Write-back (one comment and status labels on each report issue). Unset, it is on whenever Embassy can write
    /// (a token or a GitHub App is configured), so members hear back before the deadline; false turns it off.
    /// </summary>
    public bool? WriteBack { get; set; }

    /// <summary>True when write-back runs: <see cref="WriteBack"/>, or by default when credentials are configured.</summary>
    public bool WriteBackEnabled => WriteBack ?? (!string.IsNullOrEmpty(Token) || UsesApp);

    /// <summary>GitHub requires a User-Agent.</summary>
    public string UserAgent { get; set; } = "Embassy";

    /// <summary>
    /// Retries after a 5xx, a network error or a time-out, with exponential back-off; a rate limit waited out is a retry
    /// too. 0 sends each request once: its failure, or its rate limit, is reported as it stands. Negative is a
    /// configuration error (<see cref="Validate"/>).
    /// </summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First back-off delay; doubles on each retry (with jitter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Longest wait for a rate limit (primary reset or secondary Retry-After). A longer one is reported
    /// (GITHUB_RATE_LIMITED) instead of waited out; requests are never sent into a known limit.
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How often the web host syncs <see cref="Repository"/> in the background (e.g. <c>00:15:00</c>); zero (default) turns
    /// it off, leaving webhooks and the CLI. With PostgreSQL only one instance syncs at a time (advisory lock).
    /// </summary>
    public TimeSpan SyncInterval { get; set; }

    /// <summary>
    /// Least time between two requests that create or change content (comments, labels): GitHub's content-creation
    /// limit asks for at least one second, and answers a burst with a secondary rate limit.
    /// </summary>
    public TimeSpan MinWriteInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time-out of one request attempt.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Throws for a setting no client can run with — a configuration error, found when the options are registered and
    /// again when a client is made from them (the CLI makes its own).
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="MaxRetries"/> is negative.</exception>
    public void Validate()
    {
        if (MaxRetries < 0)
        {
            throw new InvalidOperationException(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"GitHub:MaxRetries is {MaxRetries}; use 0 (send each request once) or more (EMBASSY_GitHub__MaxRetries)."));
        }
    }
}
