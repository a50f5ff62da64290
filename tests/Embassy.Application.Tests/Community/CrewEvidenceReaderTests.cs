using Embassy.Domain;
using Embassy.Domain.Community;
using Embassy.Reports;

namespace Embassy.Application.Tests.Community;

public class CrewEvidenceReaderTests
{
    private const long XEpoch = 1288834974657;

    private static EvidenceLink Link(string url, int line = 10)
    {
        var (kind, id) = LinkClassifier.Classify(url);
        return new EvidenceLink(url, kind, "MK", line, id);
    }

    private static ParsedReport Report(string author, params string[] urls) =>
        new() { Number = 1, Author = author, Period = new Period(2024, 9), Evidence = urls.Select(u => Link(u)).ToArray() };

    /// <summary>A status id for an instant, by the snowflake layout (time in the bits above 22).</summary>
    private static ulong IdAt(DateTimeOffset at, ulong low = 0) => ((ulong)(at.ToUnixTimeMilliseconds() - XEpoch) << 22) | low;

    [Theory]
    // Twitter's API documentation example tweet: id 1050118621198921728, created_at "Wed Oct 10 20:19:24 +0000 2018".
    [InlineData(1050118621198921728UL, "2018-10-10T20:19:24.211+00:00")]
    // Posted 28 April 2022, 00:56 UTC ("Next I'm buying Coca-Cola…").
    [InlineData(1519480761749016577UL, "2022-04-28T00:56:58.845+00:00")]
    public void Read_XStatusLink_IsAnXPostDatedByItsId(ulong id, string expected)
    {
        var url = $"https://x.com/someone/status/{id}";

        var evidence = CrewEvidenceReader.Read([Report("alexandre", url)]).Single();

        Assert.Equal(EvidenceCategory.XPost, evidence.Category);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), evidence.At);
        Assert.Equal("alexandre", evidence.Member);
    }

    [Theory]
    [InlineData("https://medium.com/@fr/phala-en-francais-1a2b3c", EvidenceCategory.Article)]
    [InlineData("https://x.com/i/spaces/1ypKddXXXyyJW", EvidenceCategory.Ama)]
    [InlineData("https://www.youtube.com/watch?v=abc", EvidenceCategory.Education)]
    [InlineData("https://lu.ma/phala-paris", EvidenceCategory.Event)]
    [InlineData("https://www.meetup.com/phala-berlin/events/1/", EvidenceCategory.Event)]
    public void Classify_QuotaLinks(string url, EvidenceCategory expected)
    {
        Assert.Equal(expected, CrewEvidenceReader.Classify(Link(url)));
    }

    [Theory]
    [InlineData("https://x.com/phalanetwork")]
    [InlineData("https://discord.com/channels/1/2")]
    [InlineData("https://example.org/blog")]
    [InlineData("https://user-images.githubusercontent.com/1/a.png")]
    public void Classify_OtherLinks_ShowNoQuota(string url)
    {
        Assert.Null(CrewEvidenceReader.Classify(Link(url)));
    }

    [Fact]
    public void Read_SamePostLinkedTwice_HasOneKey()
    {
        var id = 1050118621198921728UL;

        var evidence = CrewEvidenceReader.Read([Report("a", $"https://x.com/a/status/{id}"), Report("b", $"https://twitter.com/a/status/{id}?s=20")]);

        Assert.Single(evidence.Select(e => e.Key).Distinct());
    }

    [Fact]
    public void Read_ReportWithoutAuthor_IsSkipped()
    {
        Assert.Empty(CrewEvidenceReader.Read([Report("", "https://medium.com/@a/b")]));
    }

    [Fact]
    public void Quotas_FromReports_CountXPostsByTheWeekTheirIdsEncode()
    {
        // Two posts in each ISO week of September 2024 (Mondays 2, 9, 16, 23), linked from two crew members' reports.
        var crew = new Crew("fr", "French group", "French", "alexandre", ["kbconsulting45", "tioneb44"]);
        var days = new[] { 2, 5, 9, 12, 16, 19, 23, 26 };
        var urls = days.Select(d => $"https://x.com/fr/status/{IdAt(new DateTimeOffset(2024, 9, d, 18, 30, 0, TimeSpan.Zero), (ulong)d)}").ToArray();
        ParsedReport[] reports = [Report("alexandre", urls[..4]), Report("tioneb44", urls[4..]), Report("outsider", "https://medium.com/@x/y")];

        var month = CrewQuotas.Evaluate(crew, new Period(2024, 9), CrewEvidenceReader.Read(reports), []);

        var posts = month.Quotas.Single(q => q.Rule.Kind == QuotaKind.XPosts);
        Assert.Equal(QuotaStatus.Met, posts.Status);
        Assert.Equal([2, 2, 2, 2], posts.Weeks.Select(w => w.Count));
        Assert.Equal(QuotaStatus.NotMet, month.Quotas.Single(q => q.Rule.Kind == QuotaKind.ArticleTranslations).Status);
    }
}
