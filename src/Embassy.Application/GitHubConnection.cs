using System.Security.Cryptography;
using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.GitHub;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>Where one value of the GitHub connection comes from.</summary>
public enum ConnectionSource
{
    /// <summary>Not set anywhere.</summary>
    None,

    /// <summary>From configuration (environment variables such as <c>EMBASSY_GitHub__Token</c>, or appsettings): it wins.</summary>
    Configuration,

    /// <summary>Set on the admin settings page and stored (secrets encrypted) in the database.</summary>
    Stored,
}

/// <summary>
/// The GitHub connection as the settings page shows it: each value's source, the public values, never a secret.
/// </summary>
public sealed record GitHubConnectionView(
    ConnectionSource Repository,
    string? RepositoryName,
    ConnectionSource Credentials,
    string CredentialKind,
    long? AppId,
    long? InstallationId,
    ConnectionSource WebhookSecret,
    ConnectionSource WriteBack,
    bool WriteBackEnabled,
    bool? StoredWriteBack,
    string? UpdatedBy,
    DateTimeOffset? UpdatedAt)
{
    /// <summary>True when stored settings can be saved here (Data Protection and the database are available).</summary>
    public bool CanStore { get; init; }
}

/// <summary>
/// What an admin enters on the settings page. Blank secrets keep the stored ones; <see cref="NewWebhookSecret"/> makes a
/// fresh webhook secret, shown once.
/// </summary>
public sealed record GitHubConnectionInput(
    string? Repository,
    string? Token,
    long? AppId,
    long? InstallationId,
    string? AppPrivateKey,
    bool? WriteBack,
    bool NewWebhookSecret,
    bool ForgetCredentials = false);

/// <summary>
/// The GitHub connection in force (issue #15, "set-up without restarts"): configuration first — each value set there
/// wins, and the credentials (a token, or a GitHub App's id, installation and key) win as one — then what an admin stored
/// on the settings page, read from the database on each use so every instance follows a change at once, with the secrets
/// as Data Protection payloads (the key ring every instance shares). Sync, webhook intake, write-back and readiness all
/// take their <see cref="GitHubOptions"/> from <see cref="Current"/>.
/// </summary>
public sealed class GitHubConnection
{
    /// <summary>The row's key in <c>github_connection</c>.</summary>
    public const string Name = "github";

    /// <summary>Code: the stored settings could not be saved (bad repository name, incomplete app, nothing to store in).</summary>
    public const string Invalid = "GITHUB_CONNECTION_INVALID";

    private readonly GitHubOptions _configured;
    private readonly IDbContextFactory<EmbassyDbContext>? _databases;
    private readonly IDataProtector? _protector;
    private readonly TimeProvider _time;
    private Snapshot? _last;

    /// <summary>
    /// Creates the connection over <paramref name="configured"/> (the options bound from configuration). Without a
    /// database or Data Protection (the CLI, some tests) nothing is stored and configuration is all there is.
    /// </summary>
    public GitHubConnection(GitHubOptions configured, TimeProvider time, IDbContextFactory<EmbassyDbContext>? databases = null, IDataProtectionProvider? protection = null)
    {
        ArgumentNullException.ThrowIfNull(configured);
        ArgumentNullException.ThrowIfNull(time);
        _configured = configured;
        _time = time;
        _databases = databases;
        _protector = protection?.CreateProtector("Embassy.GitHubConnection.v1");
    }

    /// <summary>The options from configuration alone.</summary>
    public GitHubOptions Configured => _configured;

    private bool CanStore => _databases is not null && _protector is not null;

    private bool ConfiguredCredentials => !string.IsNullOrEmpty(_configured.Token) || _configured.AppId is not null || _configured.InstallationId is not null || !string.IsNullOrWhiteSpace(_configured.AppPrivateKey);

    /// <summary>The options in force now: configuration, completed by the stored settings (one primary-key read).</summary>
    public GitHubOptions Current()
    {
        if (!CanStore)
        {
            return _configured;
        }

        GitHubConnectionRecord? row;
        try
        {
            using var db = _databases!.CreateDbContext();
            row = db.GitHubConnections.AsNoTracking().FirstOrDefault(r => r.Name == Name);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            // Before the first migration, or with the database down: configuration still works (readiness reports the database).
            return _configured;
        }

        return Merge(row);
    }

    /// <summary>The view of the settings page.</summary>
    public async Task<GitHubConnectionView> ViewAsync(CancellationToken cancellationToken = default)
    {
        GitHubConnectionRecord? row = null;
        if (CanStore)
        {
            await using var db = await _databases!.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            row = await db.GitHubConnections.AsNoTracking().FirstOrDefaultAsync(r => r.Name == Name, cancellationToken).ConfigureAwait(false);
        }

        var current = Merge(row);
        var storedCredentials = row is not null && (row.Token is not null || row.AppId is not null);
        return new GitHubConnectionView(
            Source(!string.IsNullOrWhiteSpace(_configured.Repository), row?.Repository is not null),
            current.Repository,
            Source(ConfiguredCredentials, storedCredentials),
            !string.IsNullOrEmpty(current.Token) ? "token" : current.UsesApp ? "app" : "none",
            current.UsesApp ? current.AppId : null,
            current.UsesApp ? current.InstallationId : null,
            Source(!string.IsNullOrEmpty(_configured.WebhookSecret), row?.WebhookSecret is not null),
            Source(_configured.WriteBack is not null, row?.WriteBack is not null),
            current.WriteBackEnabled,
            row?.WriteBack,
            row?.UpdatedBy,
            row?.UpdatedAt)
        {
            CanStore = CanStore,
        };
    }

    /// <summary>
    /// Stores <paramref name="input"/> (blank secrets keep the stored ones). Returns the new webhook secret when one was
    /// asked for — the only time it is shown — or null.
    /// </summary>
    public async Task<Result<string?>> SaveAsync(GitHubConnectionInput input, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (!CanStore)
        {
            return Result<string?>.Fail(Invalid, "Nothing can be stored here (no database or key ring): set the GitHub connection in the environment.");
        }

        var repository = string.IsNullOrWhiteSpace(input.Repository) ? null : input.Repository.Trim();
        if (repository is not null && !RepositoryName.Parse(repository).IsSuccess)
        {
            return Result<string?>.Fail(Invalid, $"'{repository}' is not a repository name: write it as owner/name.");
        }

        var appParts = new object?[] { input.AppId, input.InstallationId, string.IsNullOrWhiteSpace(input.AppPrivateKey) ? null : input.AppPrivateKey };
        await using var db = await _databases!.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.GitHubConnections.FirstOrDefaultAsync(r => r.Name == Name, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            row = new GitHubConnectionRecord { Name = Name };
            db.GitHubConnections.Add(row);
        }

        row.Repository = repository;
        row.WriteBack = input.WriteBack;
        if (input.ForgetCredentials)
        {
            row.Token = null;
            row.AppId = null;
            row.InstallationId = null;
            row.AppPrivateKey = null;
        }

        if (!string.IsNullOrWhiteSpace(input.Token))
        {
            // A token replaces an app: one kind of credentials at a time.
            row.Token = _protector!.Protect(input.Token.Trim());
            row.AppId = null;
            row.InstallationId = null;
            row.AppPrivateKey = null;
        }
        else if (appParts.Any(p => p is not null))
        {
            if (input.AppId is null || input.InstallationId is null || (row.AppPrivateKey is null && appParts[2] is null))
            {
                return Result<string?>.Fail(Invalid, "A GitHub App needs its id, its installation id and its private key (PEM).");
            }

            row.Token = null;
            row.AppId = input.AppId;
            row.InstallationId = input.InstallationId;
            if (appParts[2] is string key)
            {
                row.AppPrivateKey = _protector!.Protect(key.Trim());
            }
        }

        string? secret = null;
        if (input.NewWebhookSecret)
        {
            // 32 random bytes: GitHub signs every delivery with it (HMAC-SHA256), so it must not be guessable.
            secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            row.WebhookSecret = _protector!.Protect(secret);
        }

        row.UpdatedBy = actor;
        row.UpdatedAt = _time.GetUtcNow();
        db.AuditLog.Add(new AuditEntry
        {
            At = row.UpdatedAt,
            Actor = actor,
            Action = "github.connection-saved",
            Subject = repository ?? "-",
            Details = $"credentials: {(row.Token is not null ? "token" : row.AppId is not null ? "app" : "none")}; write-back: {(row.WriteBack is { } w ? (w ? "on" : "off") : "default")}"
                + (secret is not null ? "; new webhook secret" : string.Empty),
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<string?>.Ok(secret);
    }

    private static ConnectionSource Source(bool configured, bool stored) =>
        configured ? ConnectionSource.Configuration : stored ? ConnectionSource.Stored : ConnectionSource.None;

    private GitHubOptions Merge(GitHubConnectionRecord? row)
    {
        if (row is null)
        {
            return _configured;
        }

        // Unprotecting costs more than the read: the options are made again only when the row changed (a protected value
        // is new ciphertext at every save, so any change of a secret shows).
        var key = new RowKey(row.Repository, row.Token, row.AppId, row.InstallationId, row.AppPrivateKey, row.WebhookSecret, row.WriteBack, row.UpdatedAt);
        var last = _last;
        if (last is not null && last.Key == key)
        {
            return last.Options;
        }

        var merged = Copy(_configured);
        merged.Repository = string.IsNullOrWhiteSpace(_configured.Repository) ? row.Repository : _configured.Repository;
        if (!ConfiguredCredentials)
        {
            merged.Token = Unprotect(row.Token);
            merged.AppId = row.AppId;
            merged.InstallationId = row.InstallationId;
            merged.AppPrivateKey = Unprotect(row.AppPrivateKey);
        }

        merged.WebhookSecret = string.IsNullOrEmpty(_configured.WebhookSecret) ? Unprotect(row.WebhookSecret) : _configured.WebhookSecret;
        merged.WriteBack = _configured.WriteBack ?? row.WriteBack;
        _last = new Snapshot(key, merged);
        return merged;
    }

    private string? Unprotect(string? payload)
    {
        if (payload is null)
        {
            return null;
        }

        try
        {
            return _protector!.Unprotect(payload);
        }
        catch (CryptographicException)
        {
            // The key that protected it is gone (a new key ring): the value is as good as unset; the page says so.
            return null;
        }
    }

    private static GitHubOptions Copy(GitHubOptions o) => new()
    {
        ApiBaseAddress = o.ApiBaseAddress,
        Token = o.Token,
        AppId = o.AppId,
        AppPrivateKey = o.AppPrivateKey,
        InstallationId = o.InstallationId,
        Repository = o.Repository,
        WebhookSecret = o.WebhookSecret,
        WebhookMaxBytes = o.WebhookMaxBytes,
        WebhookRetention = o.WebhookRetention,
        IgnoredPayloadRetention = o.IgnoredPayloadRetention,
        WriteBack = o.WriteBack,
        UserAgent = o.UserAgent,
        MaxRetries = o.MaxRetries,
        RetryDelay = o.RetryDelay,
        MaxRateLimitWait = o.MaxRateLimitWait,
        SyncInterval = o.SyncInterval,
        MinWriteInterval = o.MinWriteInterval,
        RequestTimeout = o.RequestTimeout,
    };

    private sealed record RowKey(string? Repository, string? Token, long? AppId, long? InstallationId, string? AppPrivateKey, string? WebhookSecret, bool? WriteBack, DateTimeOffset UpdatedAt);

    private sealed record Snapshot(RowKey Key, GitHubOptions Options);
}

/// <summary>One line of the connection test: what was checked, whether it works (null: not checked), and what GitHub said.</summary>
public sealed record ConnectionCheck(string Name, bool? Works, string Message);

/// <summary>
/// "Test connection" on the settings page: asks GitHub, with the connection in force, whether the repository and its
/// issues can be read and whether the credentials may write back, and says whether a webhook secret is set (GitHub
/// cannot be asked that without admin rights on the repository's hooks).
/// </summary>
public static class GitHubConnectionCheck
{
    /// <summary>Runs the checks with <paramref name="client"/> (made with <paramref name="options"/>).</summary>
    public static async Task<IReadOnlyList<ConnectionCheck>> RunAsync(GitHubOptions options, GitHubClient client, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(time);
        var checks = new List<ConnectionCheck>();
        var secret = string.IsNullOrEmpty(options.WebhookSecret)
            ? new ConnectionCheck("webhook secret", false, "No webhook secret: every delivery is refused. Make one here and paste it into the repository's webhook.")
            : new ConnectionCheck("webhook secret", true, "A webhook secret is set; deliveries signed with it are accepted.");
        if (RepositoryName.Parse(options.Repository) is not { IsSuccess: true } repository)
        {
            checks.Add(new ConnectionCheck("repository", false, "No repository is set (owner/name)."));
            checks.Add(secret);
            return checks;
        }

        var credentials = !string.IsNullOrEmpty(options.Token) || options.UsesApp;
        var read = await client.GetRepositoryAsync(repository.Value, cancellationToken).ConfigureAwait(false);
        checks.Add(read.IsSuccess
            ? new ConnectionCheck("repository", true, $"{read.Value.FullName} is readable (GitHub id {read.Value.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)})" + (credentials ? "." : ", without credentials (public repository)."))
            : new ConnectionCheck("repository", false, $"{repository.Value} could not be read: " + string.Join("; ", read.Errors.Select(e => e.Message))));
        var issues = await client.ListIssuesAsync(repository.Value, new IssueQuery(time.GetUtcNow()), cancellationToken: cancellationToken).ConfigureAwait(false);
        checks.Add(issues.IsSuccess
            ? new ConnectionCheck("issues", true, "Its issues can be listed: sync works.")
            : new ConnectionCheck("issues", false, "Its issues could not be listed: " + string.Join("; ", issues.Errors.Select(e => e.Message))));
        checks.Add(secret);
        checks.Add(!credentials
            ? new ConnectionCheck("write-back", false, "No token or GitHub App: Embassy cannot comment on or label reports.")
            : !read.IsSuccess
                ? new ConnectionCheck("write-back", false, "Unknown: the repository could not be read.")
                : read.Value.CanLabelIssues switch
                {
                    true => new ConnectionCheck("write-back", true, "The credentials may comment on and label issues" + (options.WriteBackEnabled ? "; write-back is on." : "; write-back is off.")),
                    false => new ConnectionCheck("write-back", false, "The credentials may only read: give the token (or app) Issues read and write to write back."),
                    null => new ConnectionCheck("write-back", null, "GitHub did not say whether these credentials may write; the first write-back will tell."),
                });
        return checks;
    }
}
