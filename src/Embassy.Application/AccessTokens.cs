using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>The roles of Embassy, high to low; a higher role may do what a lower one may.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Reviewer = "reviewer";
    public const string Member = "member";

    /// <summary>Every role that can be granted.</summary>
    public static IReadOnlyList<string> All { get; } = [Admin, Reviewer, Member];

    /// <summary>True for a known role.</summary>
    public static bool IsKnown(string? role) => role is Admin or Reviewer or Member;
}

/// <summary>Who someone is once signed in.</summary>
public sealed record Identity(string Login, string? Role);

/// <summary>A granted role.</summary>
public sealed record RoleGrant(string Login, string Role, string GrantedBy, string GrantedAt);

/// <summary>
/// Roles and secrets: granted roles, one-time sign-in links and API tokens. Secrets are random 256-bit values shown
/// once; only their SHA-256 is stored, so a copy of the database signs nobody in. A sign-in link works once.
/// </summary>
public sealed class AccessTokens(IDbContextFactory<EmbassyDbContext> databases, TimeProvider time, IEnumerable<string>? configuredAdmins = null)
{
    /// <summary>How long a one-time sign-in link stays valid.</summary>
    public static readonly TimeSpan SignInLifetime = TimeSpan.FromDays(2);

    private const string SignInKind = "signin";
    private const string ApiKind = "api";
    private const string FirstRunLabel = "first-run";
    private readonly HashSet<string> _admins = new((configuredAdmins ?? []).Select(MemberHandle.Normalize).Where(a => a.Length > 0), StringComparer.Ordinal);

    /// <summary>The role of a GitHub login: configured admins, then granted roles, then the member registry (R2).</summary>
    public async Task<string?> RoleOfAsync(string login, CancellationToken cancellationToken = default)
    {
        var normalized = MemberHandle.Normalize(login);
        if (_admins.Contains(normalized))
        {
            return Roles.Admin;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var granted = await db.Database.SqlQuery<string>($"SELECT role AS \"Value\" FROM app_users WHERE login = {normalized}").FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (granted is not null)
        {
            return granted;
        }

        var member = await db.MemberHandles.AnyAsync(h => h.Kind == MemberHandle.GitHub && h.NormalizedValue == normalized, cancellationToken).ConfigureAwait(false);
        return member ? Roles.Member : null;
    }

    /// <summary>Grants a role to a login (replacing an earlier grant).</summary>
    public async Task<Result<string>> GrantAsync(string login, string role, string actor, CancellationToken cancellationToken = default)
    {
        var normalized = MemberHandle.Normalize(login ?? string.Empty);
        if (normalized.Length is 0 or > 39 || !normalized.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return Result<string>.Fail(WorkflowCodes.MemberInvalid, "A GitHub login has letters, digits and hyphens.");
        }

        if (!Roles.IsKnown(role))
        {
            return Result<string>.Fail(WorkflowCodes.RoleUnknown, $"'{role}' is not a role ({string.Join(", ", Roles.All)}).");
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var stamp = ProgramTables.Stamp(now);
        await db.Database.ExecuteSqlAsync($"DELETE FROM app_users WHERE login = {normalized}", cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlAsync($"INSERT INTO app_users (login, role, granted_by, granted_at) VALUES ({normalized}, {role}, {actor}, {stamp})", cancellationToken).ConfigureAwait(false);
        ProgramTables.Audit(db, now, actor, "role.granted", "user:" + normalized, role);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<string>.Ok(normalized);
    }

    /// <summary>Granted roles.</summary>
    public async Task<IReadOnlyList<RoleGrant>> GrantsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Database.SqlQuery<RoleGrant>($"SELECT login AS \"Login\", role AS \"Role\", granted_by AS \"GrantedBy\", granted_at AS \"GrantedAt\" FROM app_users ORDER BY login")
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Issues a one-time sign-in link secret for a login with a role (granted when the link is used).</summary>
    public async Task<Result<string>> IssueSignInAsync(string login, string role, string actor, string label = "link", CancellationToken cancellationToken = default)
    {
        if (!Roles.IsKnown(role))
        {
            return Result<string>.Fail(WorkflowCodes.RoleUnknown, $"'{role}' is not a role ({string.Join(", ", Roles.All)}).");
        }

        var secret = await StoreAsync(SignInKind, MemberHandle.Normalize(login), role, label, cancellationToken).ConfigureAwait(false);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        ProgramTables.Audit(db, time.GetUtcNow(), actor, "signin-link.issued", "user:" + MemberHandle.Normalize(login), role);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<string>.Ok(secret);
    }

    /// <summary>Uses a one-time sign-in link: valid once, within <see cref="SignInLifetime"/>; its role is granted.</summary>
    public async Task<Result<Identity>> RedeemSignInAsync(string? secret, CancellationToken cancellationToken = default)
    {
        var hash = Hash(secret);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Database.SqlQuery<TokenRow>($"SELECT login AS \"Login\", role AS \"Role\", created_at AS \"CreatedAt\" FROM app_tokens WHERE hash = {hash} AND kind = {SignInKind} AND used_at IS NULL")
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (row is null || DateTimeOffset.Parse(row.CreatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) + SignInLifetime < now)
        {
            return Result<Identity>.Fail(WorkflowCodes.TokenInvalid, "This sign-in link is not valid: it was used already, has expired or was never issued.");
        }

        var stamp = ProgramTables.Stamp(now);
        var claimed = await db.Database.ExecuteSqlAsync($"UPDATE app_tokens SET used_at = {stamp} WHERE hash = {hash} AND used_at IS NULL", cancellationToken).ConfigureAwait(false);
        if (claimed != 1)
        {
            return Result<Identity>.Fail(WorkflowCodes.TokenInvalid, "This sign-in link was used already.");
        }

        ProgramTables.Audit(db, now, row.Login, "signin-link.used", "user:" + row.Login, row.Role);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (row.Role != Roles.Member || await RoleOfAsync(row.Login, cancellationToken).ConfigureAwait(false) is null)
        {
            await GrantAsync(row.Login, row.Role, row.Login, cancellationToken).ConfigureAwait(false);
        }

        return Result<Identity>.Ok(new Identity(row.Login, row.Role));
    }

    /// <summary>Creates an API token (for <c>Authorization: Bearer</c>); the secret is returned once.</summary>
    public async Task<Result<string>> CreateApiTokenAsync(string login, string role, string label, string actor, CancellationToken cancellationToken = default)
    {
        if (!Roles.IsKnown(role))
        {
            return Result<string>.Fail(WorkflowCodes.RoleUnknown, $"'{role}' is not a role ({string.Join(", ", Roles.All)}).");
        }

        var secret = await StoreAsync(ApiKind, MemberHandle.Normalize(login), role, string.IsNullOrWhiteSpace(label) ? "api" : label.Trim(), cancellationToken).ConfigureAwait(false);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        ProgramTables.Audit(db, time.GetUtcNow(), actor, "api-token.created", "user:" + MemberHandle.Normalize(login), $"{role} ({label})");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<string>.Ok(secret);
    }

    /// <summary>Who an API token belongs to, or null.</summary>
    public async Task<Identity?> AuthenticateApiAsync(string? secret, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 200)
        {
            return null;
        }

        var hash = Hash(secret);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Database.SqlQuery<TokenRow>($"SELECT login AS \"Login\", role AS \"Role\", created_at AS \"CreatedAt\" FROM app_tokens WHERE hash = {hash} AND kind = {ApiKind} AND used_at IS NULL")
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row is null ? null : new Identity(row.Login, row.Role);
    }

    /// <summary>
    /// On an install without any admin: a fresh one-time admin sign-in secret (earlier unused first-run links stop working),
    /// or null once an admin exists.
    /// </summary>
    public async Task<string?> FirstRunSignInAsync(CancellationToken cancellationToken = default)
    {
        if (_admins.Count > 0)
        {
            return null;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var admins = await db.Database.SqlQuery<string>($"SELECT login AS \"Value\" FROM app_users WHERE role = {Roles.Admin}").CountAsync(cancellationToken).ConfigureAwait(false);
        if (admins > 0)
        {
            return null;
        }

        var stamp = ProgramTables.Stamp(time.GetUtcNow());
        await db.Database.ExecuteSqlAsync($"UPDATE app_tokens SET used_at = {stamp} WHERE label = {FirstRunLabel} AND used_at IS NULL", cancellationToken).ConfigureAwait(false);
        return await StoreAsync(SignInKind, "admin", Roles.Admin, FirstRunLabel, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Hex SHA-256 of a secret: what the database keeps.</summary>
    public static string Hash(string? secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret ?? string.Empty)));

    private async Task<string> StoreAsync(string kind, string login, string role, string label, CancellationToken cancellationToken)
    {
        var secret = "emb_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var hash = Hash(secret);
        var stamp = ProgramTables.Stamp(time.GetUtcNow());
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO app_tokens (hash, kind, login, role, label, created_at) VALUES ({hash}, {kind}, {login}, {role}, {label}, {stamp})",
            cancellationToken).ConfigureAwait(false);
        return secret;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record TokenRow(string Login, string Role, string CreatedAt);
}
