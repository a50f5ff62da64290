using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Embassy.Application;
using Embassy.Data.Tests;

namespace Embassy.Web.Tests;

/// <summary>
/// A published month's page, CSV and JSON answer with an ETag from the month's content hash and ask caches to revalidate
/// (issue #15); If-None-Match gets a bodiless 304; a payment or a correction made through one host changes the ETag on
/// another host on the same database at once.
/// </summary>
public sealed class PublicMonthCachingTests
{
    private static readonly string[] Representations = [$"/months/{EmbassySite.LastMonth}", $"/months/{EmbassySite.LastMonth}/export.csv", $"/api/months/{EmbassySite.LastMonth}"];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PublishedMonth_TwoHostsOnOneDatabase_AgreeOnTheETagAndBothSeeACorrectionAtOnce(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var github = await MonthCloseTests.StandInAsync();
        await using var a = new EmbassySite(github.ApiBaseAddress, database: database);
        var admin = await a.ApiAsAsync(Roles.Admin);
        var reviewer = await a.ApiAsAsync(Roles.Reviewer, "rita");
        await EmbassySite.AddMemberAsync(admin, "alice", address: EmbassySite.AddressFor(1));
        github.AddIssue(EmbassySite.Repo, "alice", "October 2026 Contribution - alice", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(1)));
        await EmbassySite.SyncAsync(admin);
        var item = Assert.Single(await EmbassySite.QueueAsync(reviewer, EmbassySite.LastMonth));
        Assert.True((await EmbassySite.ScoreAsync(reviewer, item.ReportId, new ScoreEntry("CM", 18, 16), new ScoreEntry("CC", 15, 15), new ScoreEntry("OTHERS", 10, 10))).IsSuccessStatusCode);
        var month = $"/api/admin/months/{EmbassySite.LastMonth}";
        Assert.True((await admin.PostAsync(month + "/lock", null)).IsSuccessStatusCode);
        Assert.True((await admin.PostAsync(month + "/approve", null)).IsSuccessStatusCode);

        await using var b = new EmbassySite(database: database);
        var readerA = a.CreateClient();
        var readerB = b.CreateClient();
        var approved = await TagsAsync(readerA, readerB);

        // Approved, then paid through host A: host B's answer to the old ETag is the new month, not a 304.
        var paid = await admin.PostAsJsonAsync(month + "/transactions", new TransactionRequest("0x" + new string('1', 64)));
        Assert.True(paid.IsSuccessStatusCode, await paid.Content.ReadAsStringAsync());
        await AssertChangedAsync(readerB, approved);
        var paidTags = await TagsAsync(readerA, readerB);

        // A corrected hash changes it again, on both hosts.
        var corrected = await admin.PostAsJsonAsync(month + "/transactions/1/correction", new CorrectionRequest("0x" + new string('2', 64), "The signer pasted the Safe's message hash."));
        Assert.True(corrected.IsSuccessStatusCode, await corrected.Content.ReadAsStringAsync());
        await AssertChangedAsync(readerB, paidTags);
        await AssertChangedAsync(readerA, paidTags);
        var correctedTags = await TagsAsync(readerB, readerA);
        Assert.Empty(correctedTags.Values.Intersect(approved.Values));
    }

    [Fact]
    public async Task PublishedMonth_SignedIn_IsNeitherStoredNorValidated()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var site = new EmbassySite(database: database);
        var admin = await site.ApiAsAsync(Roles.Admin);
        await EmbassySite.AddMemberAsync(admin, "alice", address: EmbassySite.AddressFor(1));
        await EmbassySite.CloseMonthAsync(admin, EmbassySite.LastMonth);
        var page = $"/months/{EmbassySite.LastMonth}";

        using var anonymous = await site.CreateClient().GetAsync(page);
        Assert.NotNull(anonymous.Headers.ETag);
        var browser = await site.SignInAsAdminAsync();
        using var signedIn = await browser.GetAsync(page);

        // The signed-in page names the visitor and carries an anti-forgery token: no cache may keep it, and the anonymous
        // copy a browser kept from before the sign-in does not stand for it.
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.True(signedIn.Headers.CacheControl!.NoStore);
        Assert.Null(signedIn.Headers.ETag);
        using var revalidated = await SendAsync(browser, page, anonymous.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, revalidated.StatusCode);
        Assert.Contains("Sign out", await revalidated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Each representation's ETag, the same on both hosts, with public revalidating Cache-Control, and a 304 on each host for it.</summary>
    private static async Task<Dictionary<string, EntityTagHeaderValue>> TagsAsync(HttpClient first, HttpClient second)
    {
        var tags = new Dictionary<string, EntityTagHeaderValue>(StringComparer.Ordinal);
        foreach (var path in Representations)
        {
            using var one = await first.GetAsync(path);
            using var other = await second.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, one.StatusCode);
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
            Assert.NotNull(one.Headers.ETag);
            Assert.Equal(one.Headers.ETag, other.Headers.ETag);
            Assert.Equal("public, no-cache", one.Headers.CacheControl!.ToString());
            Assert.Equal(path == Representations[0], one.Headers.ETag.IsWeak); // the page is weak, CSV and JSON exact
            foreach (var client in new[] { first, second })
            {
                using var again = await SendAsync(client, path, one.Headers.ETag);
                Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
                Assert.Empty(await again.Content.ReadAsByteArrayAsync());
            }

            tags[path] = one.Headers.ETag;
        }

        Assert.Equal(Representations.Length, tags.Values.Distinct().Count());
        return tags;
    }

    private static async Task AssertChangedAsync(HttpClient client, Dictionary<string, EntityTagHeaderValue> before)
    {
        foreach (var (path, tag) in before)
        {
            using var answer = await SendAsync(client, path, tag);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.NotEqual(tag, answer.Headers.ETag);
            Assert.NotEmpty(await answer.Content.ReadAsByteArrayAsync());
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, EntityTagHeaderValue tag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(tag);
        return await client.SendAsync(request);
    }
}
