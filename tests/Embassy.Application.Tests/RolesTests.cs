using Embassy.Data.Tests;
using Embassy.GitHubStandIn;

namespace Embassy.Application.Tests;

/// <summary>#13: the signer role stands beside the admin › reviewer › member ladder; only an admin covers it.</summary>
public class RolesTests
{
    [Theory]
    [InlineData(Roles.Admin, Roles.Signer, true)]
    [InlineData(Roles.Signer, Roles.Signer, true)]
    [InlineData(Roles.Signer, Roles.Member, false)]
    [InlineData(Roles.Signer, Roles.Reviewer, false)]
    [InlineData(Roles.Reviewer, Roles.Signer, false)]
    [InlineData(Roles.Member, Roles.Signer, false)]
    [InlineData(Roles.Admin, Roles.Reviewer, true)]
    [InlineData(Roles.Reviewer, Roles.Member, true)]
    [InlineData(Roles.Member, Roles.Reviewer, false)]
    [InlineData(null, Roles.Member, false)]
    public void Covers_TheLadderAndTheSignerBesideIt(string? holder, string role, bool covers) =>
        Assert.Equal(covers, Roles.Covers(holder, role));

    [Theory]
    [InlineData(Roles.Signer, Roles.Admin, Roles.Signer)]
    [InlineData(Roles.Admin, Roles.Signer, Roles.Signer)]
    [InlineData(Roles.Signer, Roles.Member, null)]
    [InlineData(Roles.Reviewer, Roles.Signer, null)]
    [InlineData(Roles.Reviewer, Roles.Member, Roles.Member)]
    public void Lower_SignerAndALadderRole_IsNoRole(string a, string b, string? lower) => Assert.Equal(lower, Roles.Lower(a, b));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignerToken_WhenTheOwnerBecomesAMember_GrantsNothing(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var tokens = new AccessTokens(db.Factory(), new ManualClock(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero)) { AutoAdvance = false });
        Assert.True((await tokens.GrantAsync("sam", Roles.Signer, "ada")).IsSuccess);
        var token = await tokens.CreateApiTokenAsync("sam", Roles.Signer, "ci", "sam");
        Assert.True(token.IsSuccess, string.Join("; ", token.Diagnostics));

        var asSigner = await tokens.AuthenticateApiAsync(token.Value.Secret);
        Assert.True((await tokens.GrantAsync("sam", Roles.Member, "ada")).IsSuccess);
        var asMember = await tokens.AuthenticateApiAsync(token.Value.Secret);

        Assert.Equal(Roles.Signer, asSigner?.Role);
        Assert.Null(asMember);
    }
}
