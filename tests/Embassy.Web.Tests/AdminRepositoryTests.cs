using Embassy.Application;
using Embassy.Data;
using Embassy.GitHub;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Web.Tests;

/// <summary>The admin page says which repository intake follows, by id, and which names it had.</summary>
public sealed class AdminRepositoryTests
{
    [Fact]
    public async Task AdminPage_AfterARename_ShowsTheIdAndTheEarlierName()
    {
        await using var github = await GitHubStandIn.GitHubStandIn.StartAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress);
        var admin = await site.SignInAsAdminAsync();
        var before = await admin.GetStringAsync(new Uri("/admin", UriKind.Relative));
        Assert.DoesNotContain("repository-identity", before, StringComparison.Ordinal);

        await using (var db = await site.Service<IDbContextFactory<EmbassyDbContext>>().CreateDbContextAsync())
        {
            await GitHubRepositories.RecordIdAsync(db, RepositoryName.Of(EmbassySite.Repo), 700123);
            await GitHubRepositories.RenameAsync(db, RepositoryName.Of(EmbassySite.Repo), RepositoryName.Of("phala-network/ambassadors"), null, "test", "a test", TimeProvider.System);
        }

        var after = await admin.GetStringAsync(new Uri("/admin", UriKind.Relative));

        Assert.Contains("GitHub repository id <code>700123</code>", after, StringComparison.Ordinal);
        Assert.Contains("now <code>phala-network/ambassadors</code>, formerly phala/ambassadors", after, StringComparison.Ordinal);
    }
}
