using System.Security.Cryptography;
using System.Text;
using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>
/// The roles of Embassy. Admin, reviewer and member form a ladder (a higher role may do what a lower one may); signer
/// stands beside it: a treasury signer reads approved payouts' signing files and nothing else (issue #13, R9: "Embassy
/// prepares, the treasury signers sign"), so only an admin covers it and it covers no other role.
/// </summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Reviewer = "reviewer";
    public const string Member = "member";

    /// <summary>A treasury signer: read-only access to approved months' and bounties' signing files.</summary>
    public const string Signer = "signer";

    /// <summary>Every role that can be granted.</summary>
    public static IReadOnlyList<string> All { get; } = [Admin, Reviewer, Member, Signer];

    /// <summary>True for a known role.</summary>
    public static bool IsKnown(string? role) => role is Admin or Reviewer or Member or Signer;

    /// <summary>True when someone holding <paramref name="holder"/> may do what <paramref name="role"/> may (no role covers nothing).</summary>
    public static bool Covers(string? holder, string? role) => (holder, role) switch
    {
        (_, null) => true,
        (null, _) => false,
        (Admin, _) => IsKnown(role),
        (Signer, Signer) => true,
        (Signer, _) or (_, Signer) => false,
        _ => Ladder(holder) >= Ladder(role),
    };

    /// <summary>
    /// The role both grant: the lower of two roles on the ladder; signer with admin is signer; signer with reviewer or
    /// member is no role (null), since neither covers the other.
    /// </summary>
    public static string? Lower(string? a, string? b) => Covers(b, a) ? a : Covers(a, b) ? b : null;

    private static int Ladder(string? role) => role switch
    {
        Admin => 3,
        Reviewer => 2,
        Member => 1,
        _ => 0,
    };
}

/// <summary>Stable diagnostic codes of sign-in, grants and tokens.</summary>
public static class AccessCodes
{
    /// <summary>A token's role would be above its owner's current role.</summary>
    public const string TokenScopeTooWide = "TOKEN_SCOPE_TOO_WIDE";

    /// <summary>A token lifetime outside one day … <see cref="AccessTokens.MaxTokenLifetime"/>.</summary>
    public const string TokenLifetimeInvalid = "TOKEN_LIFETIME_INVALID";

    /// <summary>A GitHub login whose account id is not the one stored for it: renamed and reclaimed by someone else.</summary>
    public const string IdentityMismatch = "IDENTITY_MISMATCH";

    /// <summary>A reviewer scoring a report they filed or that is linked to them.</summary>
    public const string ScoreOwnReport = "SCORE_OWN_REPORT";
}

/// <summary>
/// The identities Embassy knows: GitHub logins (letters, digits, hyphens) and <c>local:</c> identities, which no GitHub
/// account can have (GitHub logins never contain a colon), so GitHub sign-in can never match them.
/// </summary>
public static class Logins
{
    /// <summary>The prefix of identities outside GitHub's namespace.</summary>
    public const string LocalPrefix = "local:";

    /// <summary>The default first-run admin.</summary>
    public const string LocalAdmin = LocalPrefix + "admin";

    /// <summary>
    /// The one check for every login that gets a role, a token or a link: a GitHub login (1–39 letters, digits and hyphens,
    /// not starting with a hyphen) or <c>local:</c> and such a name; returned lower-cased.
    /// </summary>
    public static Result<string> Parse(string? login)
    {
        var normalized = (login ?? string.Empty).Trim().ToLowerInvariant();
        var name = normalized.StartsWith(LocalPrefix, StringComparison.Ordinal) ? normalized[LocalPrefix.Length..] : normalized;
        return IsGitHubLogin(name)
            ? Result<string>.Ok(normalized)
            : Result<string>.Fail(WorkflowCodes.MemberInvalid, "A GitHub login has 1 to 39 letters, digits and hyphens, and does not start with a hyphen (or is local:name).");
    }

    /// <summary>True for text GitHub would accept as a login (case-insensitive; nothing but [A-Za-z0-9-]).</summary>
    public static bool IsGitHubLogin(string? login) =>
        login is { Length: > 0 and <= 39 } && login[0] != '-' && login.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>True for a <c>local:</c> identity.</summary>
    public static bool IsLocal(string login) => login.StartsWith(LocalPrefix, StringComparison.Ordinal);
}

/// <summary>Who someone is once signed in: their login, current role and the security stamp their session carries.</summary>
public sealed record Identity(string Login, string? Role, string Stamp = "");

/// <summary>A granted role.</summary>
public sealed record RoleGrant(string Login, string Role, string GrantedBy, DateTimeOffset GrantedAt, long? GitHubId);

/// <summary>An API token as its owner and admins see it (never the secret).</summary>
public sealed record TokenInfo(
    long Id, string Login, string Name, string Role, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, string? RevokedBy)
{
    /// <summary>Neither revoked nor expired at <paramref name="now"/>.</summary>
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}

/// <summary>A new API token: its secret is shown once.</summary>
public sealed record IssuedToken(long Id, string Login, string Role, string Name, DateTimeOffset ExpiresAt, string Secret);

/// <summary>
/// Roles and secrets: granted roles, one-time sign-in links and API tokens. Secrets are random 256-bit values shown
/// once; only their SHA-256 is stored, so a copy of the database signs nobody in. A sign-in link works once. Roles are
/// read from the current grants on every request: a token's role is capped by its owner's, a session's stamp must match.
/// </summary>
/// <param name="databases">The database.</param>
/// <param name="time">The clock for expiry and the audit log.</param>
/// <param name="configuredAdmins">GitHub logins that are admins by configuration (<c>Auth:Admins</c>).</param>
/// <param name="firstAdmin">The GitHub login the first-run link is for (<c>Access:FirstAdmin</c>); null: <see cref="Logins.LocalAdmin"/>.</param>
public sealed class AccessTokens(IDbContextFactory<EmbassyDbContext> databases, TimeProvider time, IEnumerable<string>? configuredAdmins = null, string? firstAdmin = null)
{
    /// <summary>How long a one-time sign-in link stays valid.</summary>
    public static readonly TimeSpan SignInLifetime = TimeSpan.FromDays(2);

    /// <summary>How long an API token lives unless its creator says otherwise.</summary>
    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromDays(90);

    /// <summary>The longest lifetime a token can be given.</summary>
    public static readonly TimeSpan MaxTokenLifetime = TimeSpan.FromDays(366);

    private const string SignInKind = "signin";
    private const string ApiKind = "api";
    private const string FirstRunLabel = "first-run";

    // Writing the last use on every request would make every API call a write; a minute is precise enough to audit.
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    private readonly HashSet<string> _admins = new((configuredAdmins ?? []).Select(MemberHandle.Normalize).Where(a => a.Length > 0), StringComparer.Ordinal);

    private readonly string? _firstAdmin = firstAdmin is null ? null : FirstAdminLogin(firstAdmin);

    /// <summary>The role of a login: configured admins, then granted roles, then the member registry (R2).</summary>
    public async Task<string?> RoleOfAsync(string login, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(login);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await RoleOfAsync(db, MemberHandle.Normalize(login), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A GitHub sign-in: the login must be a GitHub login, and once an account id is stored for it, the same id. The first
    /// sign-in stores the id; a renamed account keeps its grant under its new login; a login reclaimed by another account is
    /// refused (and audited) instead of inheriting the old owner's role.
    /// </summary>
    public async Task<Result<Identity>> SignInWithGitHubAsync(string? login, long gitHubId, CancellationToken cancellationToken = default)
    {
        if (!Logins.IsGitHubLogin(login))
        {
            return Result<Identity>.Fail(WorkflowCodes.MemberInvalid, "GitHub did not give a valid login.");
        }

        var normalized = MemberHandle.Normalize(login!);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var byLogin = await db.Users.FirstOrDefaultAsync(u => u.Login == normalized, cancellationToken).ConfigureAwait(false);
        var byId = await db.Users.FirstOrDefaultAsync(u => u.GitHubId == gitHubId, cancellationToken).ConfigureAwait(false);
        if (byLogin is not null && ((byLogin.GitHubId is { } stored && stored != gitHubId) || (byId is not null && byId.Id != byLogin.Id)))
        {
            // Renamed and reclaimed: the login's grant belongs to another account (or this account has its own row).
            ProgramTables.Audit(db, now, normalized, "signin.refused", "user:" + normalized, $"GitHub account {gitHubId} is not the account stored for this login");
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return Result<Identity>.Fail(AccessCodes.IdentityMismatch, $"The GitHub login '{normalized}' belonged to another GitHub account here; an admin must look at it before it can sign in.");
        }

        var user = byLogin ?? byId;
        if (user is null)
        {
            db.Users.Add(new UserRecord { Login = normalized, GitHubId = gitHubId, SecurityStamp = NewStamp() });
        }
        else if (user.GitHubId is null)
        {
            user.GitHubId = gitHubId;
            ProgramTables.Audit(db, now, normalized, "user.github-id-bound", "user:" + normalized, gitHubId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else if (user.Login != normalized)
        {
            // The same account under a new name: its grant and tokens follow it; its old name is free for others.
            ProgramTables.Audit(db, now, normalized, "user.renamed", "user:" + user.Login, normalized);
            await db.AccessTokens.Where(t => t.Login == user.Login).ExecuteUpdateAsync(s => s.SetProperty(t => t.Login, normalized), cancellationToken).ConfigureAwait(false);
            user.Login = normalized;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var current = await db.Users.AsNoTracking().SingleAsync(u => u.Login == normalized, cancellationToken).ConfigureAwait(false);
        return Result<Identity>.Ok(new Identity(normalized, await RoleOfAsync(db, normalized, cancellationToken).ConfigureAwait(false), current.SecurityStamp));
    }

    /// <summary>
    /// A session's identity as of now: null when the session's stamp is no longer the user's (a grant changed, the grant
    /// was removed or an admin ended the sessions); otherwise the user's current role.
    /// </summary>
    public async Task<Identity?> CurrentAsync(string login, string? stamp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(login);
        var normalized = MemberHandle.Normalize(login);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Login == normalized, cancellationToken).ConfigureAwait(false);
        var current = user?.SecurityStamp ?? string.Empty;
        return string.Equals(current, stamp ?? string.Empty, StringComparison.Ordinal)
            ? new Identity(normalized, await RoleOfAsync(db, normalized, cancellationToken).ConfigureAwait(false), current)
            : null;
    }

    /// <summary>Grants a role to a login (replacing an earlier grant; a changed role ends the user's sessions).</summary>
    public async Task<Result<string>> GrantAsync(string login, string role, string actor, CancellationToken cancellationToken = default)
    {
        var parsed = Logins.Parse(login);
        if (!parsed.IsSuccess)
        {
            return parsed;
        }

        if (!Roles.IsKnown(role))
        {
            return Result<string>.Fail(WorkflowCodes.RoleUnknown, $"'{role}' is not a role ({string.Join(", ", Roles.All)}).");
        }

        var normalized = parsed.Value;
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var user = await UserAsync(db, normalized, cancellationToken).ConfigureAwait(false);
        if (user.Role != role)
        {
            user.SecurityStamp = NewStamp();
        }

        user.Role = role;
        user.GrantedBy = actor;
        user.GrantedAt = now;
        ProgramTables.Audit(db, now, actor, "role.granted", "user:" + normalized, role);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<string>.Ok(normalized);
    }

    /// <summary>Removes a login's granted role (the member registry may still make it a member) and ends its sessions.</summary>
    public async Task<Result<string>> RemoveGrantAsync(string login, string actor, CancellationToken cancellationToken = default)
    {
        var parsed = Logins.Parse(login);
        if (!parsed.IsSuccess)
        {
            return parsed;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Login == parsed.Value, cancellationToken).ConfigureAwait(false);
        if (user?.Role is null)
        {
            return Result<string>.Fail(WorkflowCodes.NotFound, $"'{parsed.Value}' has no granted role.");
        }

        var now = time.GetUtcNow();
        ProgramTables.Audit(db, now, actor, "role.removed", "user:" + parsed.Value, user.Role);
        user.Role = null;
        user.GrantedBy = actor;
        user.GrantedAt = now;
        user.SecurityStamp = NewStamp();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<string>.Ok(parsed.Value);
    }

    /// <summary>Ends every session of a login: each must sign in again (API tokens are revoked one by one).</summary>
    public async Task<Result<string>> EndSessionsAsync(string login, string actor, CancellationToken cancellationToken = default)
    {
        var parsed = Logins.Parse(login);
        if (!parsed.IsSuccess)
        {
            return parsed;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var user = await UserAsync(db, parsed.Value, cancellationToken).ConfigureAwait(false);
        user.SecurityStamp = NewStamp();
        ProgramTables.Audit(db, time.GetUtcNow(), actor, "sessions.ended", "user:" + parsed.Value);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<string>.Ok(parsed.Value);
    }

    /// <summary>Granted roles.</summary>
    public async Task<IReadOnlyList<RoleGrant>> GrantsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var users = await db.Users.AsNoTracking().Where(u => u.Role != null).OrderBy(u => u.Login).ToListAsync(cancellationToken).ConfigureAwait(false);
        return users.Select(u => new RoleGrant(u.Login, u.Role!, u.GrantedBy ?? string.Empty, u.GrantedAt ?? default, u.GitHubId)).ToList();
    }

    /// <summary>Issues a one-time sign-in link secret for a login with a role (granted when the link is used).</summary>
    public async Task<Result<string>> IssueSignInAsync(string login, string role, string actor, string label = "link", CancellationToken cancellationToken = default)
    {
        var parsed = Logins.Parse(login);
        if (!parsed.IsSuccess)
        {
            return parsed;
        }

        if (!Roles.IsKnown(role))
        {
            return Result<string>.Fail(WorkflowCodes.RoleUnknown, $"'{role}' is not a role ({string.Join(", ", Roles.All)}).");
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var (_, secret) = Store(db, SignInKind, parsed.Value, role, label, actor, now, now + SignInLifetime);
        ProgramTables.Audit(db, now, actor, "signin-link.issued", "user:" + parsed.Value, role);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<string>.Ok(secret);
    }

    /// <summary>Uses a one-time sign-in link: valid once, within <see cref="SignInLifetime"/>; its role is granted.</summary>
    public async Task<Result<Identity>> RedeemSignInAsync(string? secret, CancellationToken cancellationToken = default)
    {
        var hash = Hash(secret);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.AccessTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash && t.Kind == SignInKind, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (row is null || row.UsedAt is not null || row.RevokedAt is not null || row.ExpiresAt <= now)
        {
            return Result<Identity>.Fail(WorkflowCodes.TokenInvalid, "This sign-in link is not valid: it was used already, has expired or was never issued.");
        }

        // Claimed with a conditional update: of two simultaneous uses, one wins.
        var claimed = await db.AccessTokens.Where(t => t.Id == row.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken).ConfigureAwait(false);
        if (claimed != 1)
        {
            return Result<Identity>.Fail(WorkflowCodes.TokenInvalid, "This sign-in link was used already.");
        }

        ProgramTables.Audit(db, now, row.Login, "signin-link.used", "user:" + row.Login, row.Role);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (row.Role != Roles.Member || await RoleOfAsync(db, row.Login, cancellationToken).ConfigureAwait(false) is null)
        {
            await GrantAsync(row.Login, row.Role, row.Login, cancellationToken).ConfigureAwait(false);
        }

        var stamp = await db.Users.AsNoTracking().Where(u => u.Login == row.Login).Select(u => u.SecurityStamp).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return Result<Identity>.Ok(new Identity(row.Login, await RoleOfAsync(db, row.Login, cancellationToken).ConfigureAwait(false), stamp ?? string.Empty));
    }

    /// <summary>
    /// Creates an API token (for <c>Authorization: Bearer</c>) scoped to a role no higher than the owner's current role; it
    /// expires after <paramref name="lifetime"/> (default <see cref="DefaultTokenLifetime"/>). The secret is returned once.
    /// </summary>
    public async Task<Result<IssuedToken>> CreateApiTokenAsync(string login, string role, string label, string actor, TimeSpan? lifetime = null, CancellationToken cancellationToken = default)
    {
        var parsed = Logins.Parse(login);
        if (!parsed.IsSuccess)
        {
            return Result<IssuedToken>.Fail(parsed.Diagnostics);
        }

        if (!Roles.IsKnown(role))
        {
            return Result<IssuedToken>.Fail(WorkflowCodes.RoleUnknown, $"'{role}' is not a role ({string.Join(", ", Roles.All)}).");
        }

        var life = lifetime ?? DefaultTokenLifetime;
        if (life < TimeSpan.FromDays(1) || life > MaxTokenLifetime)
        {
            return Result<IssuedToken>.Fail(AccessCodes.TokenLifetimeInvalid, $"A token lives from 1 to {MaxTokenLifetime.Days} days.");
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var owner = await RoleOfAsync(db, parsed.Value, cancellationToken).ConfigureAwait(false);
        if (!Roles.Covers(owner, role))
        {
            return Result<IssuedToken>.Fail(AccessCodes.TokenScopeTooWide, $"A token's role is at most its owner's: '{parsed.Value}' is {owner ?? "without a role"}, not {role}.");
        }

        var name = string.IsNullOrWhiteSpace(label) ? "api" : label.Trim();
        name = name.Length > 100 ? name[..100] : name;
        var now = time.GetUtcNow();
        var (record, secret) = Store(db, ApiKind, parsed.Value, role, name, actor, now, now + life);
        ProgramTables.Audit(db, now, actor, "api-token.created", "user:" + parsed.Value, $"{role} ({name}), until {ProgramTables.Stamp(record.ExpiresAt)}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<IssuedToken>.Ok(new IssuedToken(record.Id, parsed.Value, role, name, record.ExpiresAt, secret));
    }

    /// <summary>
    /// Who an API token belongs to, with the lower of its scope and the owner's current role; null when the token is
    /// unknown, revoked or expired, or its owner no longer has any role.
    /// </summary>
    public async Task<Identity?> AuthenticateApiAsync(string? secret, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 200)
        {
            return null;
        }

        var hash = Hash(secret);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.AccessTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash && t.Kind == ApiKind, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (row is null || row.RevokedAt is not null || row.ExpiresAt <= now)
        {
            return null;
        }

        var role = Roles.Lower(row.Role, await RoleOfAsync(db, row.Login, cancellationToken).ConfigureAwait(false));
        if (role is null)
        {
            return null;
        }

        if (row.LastUsedAt is not { } last || now - last >= LastUsedPrecision)
        {
            await db.AccessTokens.Where(t => t.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken).ConfigureAwait(false);
        }

        return new Identity(row.Login, role);
    }

    /// <summary>API tokens, newest first: an owner's (<paramref name="owner"/>), or everyone's (null, for admins).</summary>
    public async Task<IReadOnlyList<TokenInfo>> TokensAsync(string? owner, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.AccessTokens.AsNoTracking().Where(t => t.Kind == ApiKind);
        if (owner is not null)
        {
            var normalized = MemberHandle.Normalize(owner);
            query = query.Where(t => t.Login == normalized);
        }

        var rows = await query.OrderByDescending(t => t.Id).Take(1000).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(t => new TokenInfo(t.Id, t.Login, t.Name, t.Role, t.CreatedBy, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt, t.RevokedBy)).ToList();
    }

    /// <summary>
    /// Revokes an API token: its owner's (<paramref name="owner"/>), or any (null, for admins). Another owner's token is
    /// "not found", so tokens' existence does not leak. Revoking twice is harmless.
    /// </summary>
    public async Task<Result<long>> RevokeTokenAsync(long id, string actor, string? owner, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var token = await db.AccessTokens.FirstOrDefaultAsync(t => t.Id == id && t.Kind == ApiKind, cancellationToken).ConfigureAwait(false);
        if (token is null || (owner is not null && token.Login != MemberHandle.Normalize(owner)))
        {
            return Result<long>.Fail(WorkflowCodes.NotFound, $"No API token {id}.");
        }

        if (token.RevokedAt is null)
        {
            var now = time.GetUtcNow();
            token.RevokedAt = now;
            token.RevokedBy = actor;
            ProgramTables.Audit(db, now, actor, "api-token.revoked", "user:" + token.Login, $"{token.Id} ({token.Name})");
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return Result<long>.Ok(id);
    }

    /// <summary>
    /// While no admin can sign in otherwise: a fresh one-time admin sign-in secret (earlier unused first-run links stop
    /// working), or null. The link is for <c>Access:FirstAdmin</c> when configured, else for <see cref="Logins.LocalAdmin"/>,
    /// which GitHub sign-in can never claim. With only local admins, each start prints a new link: a local identity
    /// has no other way back in.
    /// </summary>
    public async Task<string?> FirstRunSignInAsync(CancellationToken cancellationToken = default)
    {
        if (_admins.Count > 0)
        {
            return null;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var admins = await db.Users.AsNoTracking().Where(u => u.Role == Roles.Admin).Select(u => u.Login).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (_firstAdmin is not null ? admins.Count > 0 : admins.Any(a => !Logins.IsLocal(a)))
        {
            return null;
        }

        var now = time.GetUtcNow();
        await db.AccessTokens.Where(t => t.Name == FirstRunLabel && t.Kind == SignInKind && t.UsedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedBy, "first-run"), cancellationToken).ConfigureAwait(false);
        var login = _firstAdmin ?? Logins.LocalAdmin;
        // Not audited: a start is nobody's action; using the link is (signin-link.used).
        var (_, secret) = Store(db, SignInKind, login, Roles.Admin, FirstRunLabel, "first-run", now, now + SignInLifetime);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return secret;
    }

    /// <summary>Hex SHA-256 of a secret: what the database keeps.</summary>
    public static string Hash(string? secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret ?? string.Empty)));

    /// <summary>The configured first admin as a login; a value GitHub would not accept is a configuration error.</summary>
    private static string FirstAdminLogin(string configured)
    {
        var login = configured.Trim();
        return Logins.IsGitHubLogin(login)
            ? login.ToLowerInvariant()
            : throw new ArgumentException($"Access:FirstAdmin '{configured}' is not a GitHub login (letters, digits and hyphens).", nameof(firstAdmin));
    }

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (AccessTokenRecord Record, string Secret) Store(EmbassyDbContext db, string kind, string login, string role, string name, string actor, DateTimeOffset now, DateTimeOffset expires)
    {
        var secret = "emb_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var record = new AccessTokenRecord
        {
            Hash = Hash(secret), Kind = kind, Login = login, Role = role, Name = name, CreatedBy = actor, CreatedAt = now, ExpiresAt = expires,
        };
        db.AccessTokens.Add(record);
        return (record, secret);
    }

    private static async Task<UserRecord> UserAsync(EmbassyDbContext db, string login, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Login == login, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            user = new UserRecord { Login = login, SecurityStamp = NewStamp() };
            db.Users.Add(user);
        }

        return user;
    }

    private async Task<string?> RoleOfAsync(EmbassyDbContext db, string normalized, CancellationToken cancellationToken)
    {
        if (_admins.Contains(normalized))
        {
            return Roles.Admin;
        }

        var granted = await db.Users.AsNoTracking().Where(u => u.Login == normalized).Select(u => u.Role).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (granted is not null)
        {
            return granted;
        }

        // Local identities are never members: the registry holds GitHub logins.
        var member = !Logins.IsLocal(normalized) && await db.MemberHandles.AnyAsync(h => h.Kind == MemberHandle.GitHub && h.NormalizedValue == normalized, cancellationToken).ConfigureAwait(false);
        return member ? Roles.Member : null;
    }
}
