using Embassy.Application;
using Embassy.Data.Tests;
using Embassy.Domain;
using Embassy.GitHubStandIn;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application.Tests;

/// <summary>Grants, one-time links, API tokens and sessions (issue #12), on every configured database.</summary>
public class AccessTokensTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private sealed record Setup(TestDatabase Db, ManualClock Clock, AccessTokens Tokens) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Db.DisposeAsync();

        public async Task<List<string>> AuditAsync()
        {
            await using var db = Db.Context();
            return await db.AuditLog.OrderBy(a => a.Id).Select(a => a.Action + " " + a.Subject).ToListAsync();
        }
    }

    private static async Task<Setup> SetUpAsync(string provider, string? firstAdmin = null, params string[] configuredAdmins)
    {
        var db = await TestDatabase.CreateMigratedAsync(provider);
        var clock = new ManualClock(Now) { AutoAdvance = false };
        return new Setup(db, clock, new AccessTokens(db.Factory(), clock, configuredAdmins, firstAdmin));
    }

    private static async Task<string> TokenAsync(Setup s, string login, string role, TimeSpan? lifetime = null)
    {
        var created = await s.Tokens.CreateApiTokenAsync(login, role, "ci", "root", lifetime);
        Assert.True(created.IsSuccess, string.Join("; ", created.Diagnostics));
        return created.Value.Secret;
    }

    [Theory]
    [InlineData("octocat", true)]
    [InlineData("Octo-Cat-2", true)]
    [InlineData("local:admin", true)]
    [InlineData("a", true)]
    [InlineData("", false)]
    [InlineData("-leading", false)]
    [InlineData("bad login!", false)]
    [InlineData("<b>x</b> y", false)]
    [InlineData("admin\u202e", false)]
    [InlineData("local:", false)]
    [InlineData("local:a:b", false)]
    [InlineData("github:admin", false)]
    [InlineData("abcdefghijabcdefghijabcdefghijabcdefghij", false)] // 40 characters
    public void Parse_AcceptsGitHubLoginsAndLocalIdentities_Only(string login, bool valid)
    {
        var parsed = Logins.Parse(login);

        Assert.Equal(valid, parsed.IsSuccess);
        if (!valid)
        {
            Assert.Equal(WorkflowCodes.MemberInvalid, parsed.Errors.Single().Code);
        }
    }

    [Theory]
    [InlineData('\u202A')]
    [InlineData('\u202B')]
    [InlineData('\u202C')]
    [InlineData('\u202D')]
    [InlineData('\u202E')]
    [InlineData('\u2066')]
    [InlineData('\u2067')]
    [InlineData('\u2068')]
    [InlineData('\u2069')]
    [InlineData('\u200E')]
    [InlineData('\u200F')]
    [InlineData('\u061C')]
    public void Parse_BidiControlAnywhere_IsRefused(char control)
    {
        foreach (var login in new[] { control + "admin", "ad" + control + "min", "admin" + control, "local:" + control + "admin" })
        {
            Assert.False(Logins.Parse(login).IsSuccess, $"U+{(int)control:X4} in '{login}'");
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryIssuer_RefusesALoginGitHubWouldNot_WithTheSameCode(string provider)
    {
        await using var s = await SetUpAsync(provider);

        var grant = await s.Tokens.GrantAsync("<b>x</b> y", Roles.Admin, "root");
        var link = await s.Tokens.IssueSignInAsync("bad login!", Roles.Admin, "root");
        var token = await s.Tokens.CreateApiTokenAsync("bad login!", Roles.Member, "ci", "root");

        Assert.Equal(
            [WorkflowCodes.MemberInvalid, WorkflowCodes.MemberInvalid, WorkflowCodes.MemberInvalid],
            new[] { grant.Errors, link.Errors, token.Errors }.Select(e => e.Single().Code));
        await using var db = s.Db.Context();
        Assert.Empty(await db.AccessTokens.ToListAsync());
        Assert.Empty(await db.Users.ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FirstRun_LinkIsForLocalAdmin_AndGitHubAdminGetsNoRole(string provider)
    {
        await using var s = await SetUpAsync(provider);

        var secret = await s.Tokens.FirstRunSignInAsync();
        var used = await s.Tokens.RedeemSignInAsync(secret);
        var github = await s.Tokens.SignInWithGitHubAsync("Admin", 583231);

        Assert.Equal((Logins.LocalAdmin, Roles.Admin), (used.Value.Login, used.Value.Role));
        Assert.True(github.IsSuccess);
        Assert.Equal(("admin", (string?)null), (github.Value.Login, github.Value.Role));
        Assert.Null(await s.Tokens.RoleOfAsync("admin"));

        // Only a local admin exists: the next start prints a new link (nothing else can sign that identity in).
        Assert.NotNull(await s.Tokens.FirstRunSignInAsync());
        Assert.True((await s.Tokens.GrantAsync("octocat", Roles.Admin, Logins.LocalAdmin)).IsSuccess);
        Assert.Null(await s.Tokens.FirstRunSignInAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FirstRun_ConfiguredFirstAdmin_GetsTheLink_AndAnEarlierLinkStopsWorking(string provider)
    {
        await using var s = await SetUpAsync(provider, firstAdmin: "Octocat");

        var earlier = await s.Tokens.FirstRunSignInAsync();
        var later = await s.Tokens.FirstRunSignInAsync();
        var stale = await s.Tokens.RedeemSignInAsync(earlier);
        var used = await s.Tokens.RedeemSignInAsync(later);

        Assert.Equal(WorkflowCodes.TokenInvalid, stale.Errors.Single().Code);
        Assert.Equal(("octocat", Roles.Admin), (used.Value.Login, used.Value.Role));
        Assert.Null(await s.Tokens.FirstRunSignInAsync());
    }

    [Fact]
    public void FirstAdmin_NotAGitHubLogin_IsAConfigurationError()
    {
        Assert.Throws<ArgumentException>(() => new AccessTokens(null!, TimeProvider.System, null, "local:admin"));
        Assert.Throws<ArgumentException>(() => new AccessTokens(null!, TimeProvider.System, null, "bad login!"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GitHubSignIn_ReclaimedLogin_IsRefused_RenamedAccount_KeepsItsRole(string provider)
    {
        await using var s = await SetUpAsync(provider);
        Assert.True((await s.Tokens.GrantAsync("rita", Roles.Reviewer, "root")).IsSuccess);

        var first = await s.Tokens.SignInWithGitHubAsync("rita", 42);
        var reclaimed = await s.Tokens.SignInWithGitHubAsync("Rita", 99);
        var renamed = await s.Tokens.SignInWithGitHubAsync("rita-new", 42);
        var newcomer = await s.Tokens.SignInWithGitHubAsync("rita", 99);

        Assert.Equal(Roles.Reviewer, first.Value.Role);
        Assert.Equal(AccessCodes.IdentityMismatch, reclaimed.Errors.Single().Code);
        Assert.Equal(("rita-new", Roles.Reviewer), (renamed.Value.Login, renamed.Value.Role));
        Assert.Equal(("rita", (string?)null), (newcomer.Value.Login, newcomer.Value.Role));
        Assert.Contains("signin.refused user:rita", await s.AuditAsync());
        Assert.Contains("user.renamed user:rita", await s.AuditAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Token_IsCappedByTheOwnersCurrentRole_AndCannotBeCreatedAboveIt(string provider)
    {
        await using var s = await SetUpAsync(provider);
        Assert.True((await s.Tokens.GrantAsync("rita", Roles.Admin, "root")).IsSuccess);
        var secret = await TokenAsync(s, "rita", Roles.Admin);

        Assert.Equal(Roles.Admin, (await s.Tokens.AuthenticateApiAsync(secret))!.Role);
        Assert.True((await s.Tokens.GrantAsync("rita", Roles.Reviewer, "root")).IsSuccess);
        Assert.Equal(Roles.Reviewer, (await s.Tokens.AuthenticateApiAsync(secret))!.Role);
        Assert.True((await s.Tokens.RemoveGrantAsync("rita", "root")).IsSuccess);
        Assert.Null(await s.Tokens.AuthenticateApiAsync(secret));

        var tooWide = await s.Tokens.CreateApiTokenAsync("rita", Roles.Member, "ci", "root");
        Assert.Equal(AccessCodes.TokenScopeTooWide, tooWide.Errors.Single().Code);
        Assert.Contains("role.removed user:rita", await s.AuditAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Token_Expires_AfterItsLifetime_AndRecordsItsLastUse(string provider)
    {
        await using var s = await SetUpAsync(provider);
        Assert.True((await s.Tokens.GrantAsync("rita", Roles.Reviewer, "root")).IsSuccess);
        var shortLived = await TokenAsync(s, "rita", Roles.Member, TimeSpan.FromDays(1));
        var usual = await TokenAsync(s, "rita", Roles.Reviewer);

        Assert.NotNull(await s.Tokens.AuthenticateApiAsync(shortLived));
        s.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Null(await s.Tokens.AuthenticateApiAsync(shortLived));
        Assert.NotNull(await s.Tokens.AuthenticateApiAsync(usual));
        s.Clock.Advance(AccessTokens.DefaultTokenLifetime);
        Assert.Null(await s.Tokens.AuthenticateApiAsync(usual));

        var listed = await s.Tokens.TokensAsync("rita");
        Assert.Equal([Now + TimeSpan.FromDays(1), Now], listed.Select(t => t.LastUsedAt!.Value.ToUniversalTime()).ToArray());
        Assert.Equal(Now + AccessTokens.DefaultTokenLifetime, listed[0].ExpiresAt.ToUniversalTime());
        Assert.Equal(
            [AccessCodes.TokenLifetimeInvalid, AccessCodes.TokenLifetimeInvalid],
            new[] { TimeSpan.Zero, TimeSpan.FromDays(367) }.Select(l => s.Tokens.CreateApiTokenAsync("rita", Roles.Member, "x", "root", l).Result.Errors.Single().Code));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Revoke_ByOwnerOrAdmin_StopsTheToken_AnotherOwnerSeesNotFound(string provider)
    {
        await using var s = await SetUpAsync(provider);
        Assert.True((await s.Tokens.GrantAsync("rita", Roles.Reviewer, "root")).IsSuccess);
        Assert.True((await s.Tokens.GrantAsync("bob", Roles.Member, "root")).IsSuccess);
        var mine = await TokenAsync(s, "rita", Roles.Reviewer);
        var other = await TokenAsync(s, "rita", Roles.Member);
        var ids = (await s.Tokens.TokensAsync("rita")).Select(t => t.Id).ToArray();

        var byBob = await s.Tokens.RevokeTokenAsync(ids[1], "bob", owner: "bob");
        var byRita = await s.Tokens.RevokeTokenAsync(ids[1], "rita", owner: "rita");
        var byAdmin = await s.Tokens.RevokeTokenAsync(ids[0], "root", owner: null);

        Assert.Equal(WorkflowCodes.NotFound, byBob.Errors.Single().Code);
        Assert.True(byRita.IsSuccess && byAdmin.IsSuccess);
        Assert.Null(await s.Tokens.AuthenticateApiAsync(mine));
        Assert.Null(await s.Tokens.AuthenticateApiAsync(other));
        Assert.Equal(["rita", "root"], (await s.Tokens.TokensAsync(null)).Select(t => t.RevokedBy!).Order(StringComparer.Ordinal));
        Assert.Empty(await s.Tokens.TokensAsync("bob"));
        Assert.Equal(2, (await s.AuditAsync()).Count(a => a.StartsWith("api-token.revoked", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Session_EndsWhenTheGrantChanges_OrAnAdminEndsIt_NotWhenTheSameRoleIsGrantedAgain(string provider)
    {
        await using var s = await SetUpAsync(provider);
        var link = await s.Tokens.IssueSignInAsync("rita", Roles.Reviewer, "root");
        var session = (await s.Tokens.RedeemSignInAsync(link.Value)).Value;

        Assert.Equal(Roles.Reviewer, (await s.Tokens.CurrentAsync("rita", session.Stamp))!.Role);
        Assert.True((await s.Tokens.GrantAsync("rita", Roles.Reviewer, "root")).IsSuccess);
        Assert.NotNull(await s.Tokens.CurrentAsync("rita", session.Stamp));

        Assert.True((await s.Tokens.GrantAsync("rita", Roles.Member, "root")).IsSuccess);
        Assert.Null(await s.Tokens.CurrentAsync("rita", session.Stamp));

        var again = (await s.Tokens.RedeemSignInAsync((await s.Tokens.IssueSignInAsync("rita", Roles.Member, "root")).Value)).Value;
        Assert.NotNull(await s.Tokens.CurrentAsync("rita", again.Stamp));
        Assert.True((await s.Tokens.EndSessionsAsync("rita", "root")).IsSuccess);
        Assert.Null(await s.Tokens.CurrentAsync("rita", again.Stamp));
        Assert.Contains("sessions.ended user:rita", await s.AuditAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignInLink_WorksOnce_AndNotAfterTwoDays(string provider)
    {
        await using var s = await SetUpAsync(provider);
        var once = (await s.Tokens.IssueSignInAsync("rita", Roles.Reviewer, "root")).Value;
        var late = (await s.Tokens.IssueSignInAsync("bob", Roles.Reviewer, "root")).Value;

        Assert.True((await s.Tokens.RedeemSignInAsync(once)).IsSuccess);
        Assert.Equal(WorkflowCodes.TokenInvalid, (await s.Tokens.RedeemSignInAsync(once)).Errors.Single().Code);
        s.Clock.Advance(AccessTokens.SignInLifetime);
        Assert.Equal(WorkflowCodes.TokenInvalid, (await s.Tokens.RedeemSignInAsync(late)).Errors.Single().Code);
        Assert.Null(await s.Tokens.RoleOfAsync("bob"));

        // A link is not an API token, nor a token a link.
        Assert.Null(await s.Tokens.AuthenticateApiAsync(once));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LocalIdentity_IsNeverAMember_EvenWithARegistryHandleOfThatText(string provider)
    {
        await using var s = await SetUpAsync(provider);
        var admin = new MemberAdmin(s.Db.Factory(), s.Clock);
        Assert.True((await admin.CreateAsync(new NewMember("Admin", "admin", "candidate"), "root")).IsSuccess);

        Assert.Equal(Roles.Member, await s.Tokens.RoleOfAsync("admin"));
        Assert.Null(await s.Tokens.RoleOfAsync(Logins.LocalAdmin));
    }
}
