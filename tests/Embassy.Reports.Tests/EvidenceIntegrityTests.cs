using Embassy.Domain;
using Xunit.Abstractions;

namespace Embassy.Reports.Tests;

public class EvidenceIntegrityTests(ITestOutputHelper output)
{
    private static IReadOnlyList<EvidenceReport> FixtureReports() =>
        Fixtures.Reports.Select(f => (f.Issue, Parsed: ReportParser.Shipped.Parse(f.Issue)))
            .Where(x => x.Parsed.Period is not null && x.Issue.AuthorLogin is not null)
            .Select(x => new EvidenceReport("#" + x.Issue.Number, x.Issue.AuthorLogin!, x.Parsed.Period!.Value, x.Parsed.Evidence, x.Issue.Body))
            .ToArray();

    /// <summary>An X status id minted at <paramref name="at"/>: milliseconds since the X epoch in bits 22 and up.</summary>
    private static ulong XIdAt(DateTimeOffset at) => (ulong)(at.ToUnixTimeMilliseconds() - 1288834974657L) << 22;

    private static EvidenceReport Report(string key, string member, Period period, string body) =>
        new(key, member, period, ReportParser.Shipped.Parse(new IssueSnapshot(1, period + " report", body, member, period.FirstDay.ToDateTime(TimeOnly.MinValue).AddDays(33))).Evidence, body);

    [Theory]
    [InlineData("https://twitter.com/Alice/status/1816000000000000000?s=20&t=abc", "https://x.com/i/status/1816000000000000000")]
    [InlineData("https://mobile.twitter.com/alice/status/1816000000000000000/photo/1", "https://x.com/i/status/1816000000000000000")]
    [InlineData("http://www.x.com/bob/status/1816000000000000000", "https://x.com/i/status/1816000000000000000")]
    [InlineData("https://fxtwitter.com/i/web/status/1816000000000000000", "https://x.com/i/status/1816000000000000000")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ?si=xyz", "https://youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://m.youtube.com/watch?v=dQw4w9WgXcQ&feature=share", "https://youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/shorts/dQw4w9WgXcQ", "https://youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://medium.com/@amb/my-phala-article-123abc?utm_source=twitter&utm_medium=social#intro", "https://medium.com/@amb/my-phala-article-123abc")]
    [InlineData("https://example.org/news/post/?b=2&fbclid=XYZ&a=1", "https://example.org/news/post?a=1&b=2")]
    [InlineData("https://t.me/phala_es/1234).", "https://t.me/phala_es/1234")]
    public void Normalise_SamePostPastedDifferently_GivesOneAddress(string url, string expected) =>
        Assert.Equal(expected, LinkNormaliser.Normalise(url));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("mailto:a@b.c")]
    [InlineData("ftp://example.org/file")]
    public void Normalise_NotAWebAddress_IsNull(string url) => Assert.Null(LinkNormaliser.Normalise(url));

    [Fact]
    public void XPost_DatedOutsideTheMonth_IsFlagged_InThePolicysTimeZone()
    {
        var october = new Period(2026, 10);
        var september = XIdAt(new DateTimeOffset(2026, 9, 15, 12, 0, 0, TimeSpan.Zero));
        var inside = XIdAt(new DateTimeOffset(2026, 10, 15, 12, 0, 0, TimeSpan.Zero));
        var lateEvening = XIdAt(new DateTimeOffset(2026, 10, 31, 20, 0, 0, TimeSpan.Zero)); // 1 November 04:00 in UTC+8
        var report = Report("#1", "alice", october, $"""
            CM: moderated the channel and wrote threads about the launch.
            - https://x.com/alice/status/{september}
            - https://x.com/alice/status/{inside}
            - https://x.com/alice/status/{lateEvening}
            """);
        var plus8 = TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8");

        var utc = EvidenceIntegrity.Check([report], TimeZoneInfo.Utc);
        var asia = EvidenceIntegrity.Check([report], plus8);

        Assert.Equal(["https://x.com/i/status/" + september], utc.Where(f => f.Code == EvidenceIntegrity.XPostOutsideMonth).Select(f => f.Evidence));
        Assert.Contains("2026-09-15", utc.Single().Message, StringComparison.Ordinal);
        Assert.Equal(
            new[] { september, lateEvening }.Select(id => "https://x.com/i/status/" + id).Order(),
            asia.Where(f => f.Code == EvidenceIntegrity.XPostOutsideMonth).Select(f => f.Evidence).Order());
    }

    [Fact]
    public void SameLink_InAnotherMembersReportAndAnEarlierMonth_IsFlaggedWithBothReports()
    {
        var id = XIdAt(new DateTimeOffset(2026, 9, 10, 8, 0, 0, TimeSpan.Zero));
        var alice = Report("#1", "alice", new Period(2026, 9), $"CC: a thread on Phala's agents https://x.com/alice/status/{id}?s=20");
        var bob = Report("#2", "bob", new Period(2026, 9), $"CC: my thread https://twitter.com/ALICE/status/{id}");
        var aliceAgain = Report("#3", "alice", new Period(2026, 10), $"CC: the thread again https://mobile.twitter.com/alice/status/{id}");

        var findings = EvidenceIntegrity.Check([aliceAgain, bob, alice], TimeZoneInfo.Utc);

        var other = findings.Where(f => f.Code == EvidenceIntegrity.LinkOtherMember).Select(f => (f.Report, f.Other)).ToArray();
        Assert.Contains(("#2", "#1"), other);
        Assert.Contains(("#3", "#2"), other);
        Assert.Equal([("#3", "#1")], findings.Where(f => f.Code == EvidenceIntegrity.LinkEarlierMonth).Select(f => (f.Report, f.Other!)));
    }

    [Fact]
    public void ProfilesAndChannels_GivenEveryMonth_AreNotFlagged()
    {
        const string body = """
            Twitter: https://twitter.com/alice
            Channel: https://t.me/phala_es
            Invite: https://discord.gg/phala
            Repository: https://github.com/Phala-Network/ambassadors/issues/3
            """;
        var findings = EvidenceIntegrity.Check(
            [Report("#1", "alice", new Period(2026, 9), body), Report("#2", "alice", new Period(2026, 10), body), Report("#3", "bob", new Period(2026, 10), body)],
            TimeZoneInfo.Utc);

        Assert.Empty(findings);
    }

    [Fact]
    public void Paragraph_RepeatedAcrossTheMembersMonths_IsFlagged_ButTheSharedTemplateIsNot()
    {
        const string own = "This month I translated the weekly digest into Spanish, hosted two community calls and answered newcomers' questions about staking every day.";
        const string template = "Please describe what you did for the community this month and how it helped the program grow in your region and beyond it.";
        var findings = EvidenceIntegrity.Check(
            [
                Report("#1", "alice", new Period(2026, 8), own + "\n\n" + template),
                Report("#2", "alice", new Period(2026, 9), own.Replace("two", "three", StringComparison.Ordinal) + "\n\n" + template),
                Report("#3", "bob", new Period(2026, 9), template),
            ],
            TimeZoneInfo.Utc);

        var repeated = Assert.Single(findings);
        Assert.Equal((EvidenceIntegrity.ParagraphRepeated, "#2", "#1"), (repeated.Code, repeated.Report, repeated.Other));
    }

    [Fact]
    public void RealReports_PlantedCopiesAreFound_AndAMonthWithoutThemRaisesNothing()
    {
        var reports = FixtureReports();
        var planted = 0;
        foreach (var month in reports.GroupBy(r => r.Period).Where(g => g.Select(r => r.Member).Distinct(StringComparer.OrdinalIgnoreCase).Count() >= 2))
        {
            var clean = month.ToArray();
            if (EvidenceIntegrity.Check(clean, TimeZoneInfo.Utc).Count > 0)
            {
                continue; // a month that has findings of its own is not a clean background
            }

            // Nothing is raised on the clean month; the reports of other months give the donors.
            var donor = reports.Where(r => r.Period != month.Key)
                .SelectMany(r => r.Links.Where(l => l.XStatusTime is { } t && Period.Of(t) != month.Key).Select(l => (Report: r, Link: l)))
                .FirstOrDefault();
            var (a, b) = (clean[0], clean.First(r => !string.Equals(r.Member, clean[0].Member, StringComparison.OrdinalIgnoreCase)));
            var copied = a.Links.FirstOrDefault(l => EvidenceIntegrity.Indexed(l) && LinkNormaliser.Normalise(l.Url) is not null);
            if (copied is null || donor.Link is null)
            {
                continue;
            }

            // Plant: b copies a link of a's report, and pastes an X post of another month.
            var plantedBody = b.Body + "\n\nMore work: " + copied.Url + "\nAnd: " + donor.Link.Url + "\n";
            var plantedB = Report(b.Key, b.Member, b.Period, plantedBody);
            var findings = EvidenceIntegrity.Check(clean.Select(r => r.Key == b.Key ? plantedB : r).ToArray(), TimeZoneInfo.Utc);

            var copy = LinkNormaliser.Normalise(copied.Url)!;
            var post = LinkNormaliser.Normalise(donor.Link.Url)!;
            Assert.Contains(findings, f => f.Code == EvidenceIntegrity.LinkOtherMember && f.Evidence == copy && new[] { f.Report, f.Other }.Order().SequenceEqual(new[] { a.Key, b.Key }.Order()));
            Assert.Contains(findings, f => f.Code == EvidenceIntegrity.XPostOutsideMonth && f.Report == b.Key && f.Evidence == post);
            Assert.All(findings, f => Assert.True(f.Evidence == copy || f.Evidence == post, $"unplanted finding {f.Code} {f.Evidence}"));
            planted++;
        }

        output.WriteLine($"{planted} clean months planted");
        Assert.True(planted >= 3, $"only {planted} fixture months could be planted");
    }

    [Fact]
    public void RealReports_CrossMonthRepeats_AreTheSameMembersEarlierReports()
    {
        var reports = FixtureReports();
        var byKey = reports.ToDictionary(r => r.Key);

        var findings = EvidenceIntegrity.Check(reports, TimeZoneInfo.Utc);

        var repeats = findings.Where(f => f.Code is EvidenceIntegrity.LinkEarlierMonth or EvidenceIntegrity.ParagraphRepeated).ToArray();
        foreach (var f in repeats)
        {
            var (later, earlier) = (byKey[f.Report], byKey[f.Other!]);
            Assert.Equal(later.Member, earlier.Member, StringComparer.OrdinalIgnoreCase);
            Assert.True(earlier.Period < later.Period);
            if (f.Code == EvidenceIntegrity.LinkEarlierMonth)
            {
                Assert.Contains(earlier.Links, l => LinkNormaliser.Normalise(l.Url) == f.Evidence);
                Assert.Contains(later.Links, l => LinkNormaliser.Normalise(l.Url) == f.Evidence);
            }
        }

        foreach (var f in findings.Where(f => f.Code == EvidenceIntegrity.XPostOutsideMonth))
        {
            var id = ulong.Parse(f.Evidence[(f.Evidence.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            var at = DateTimeOffset.FromUnixTimeMilliseconds((long)(id >> 22) + 1288834974657L);
            Assert.NotEqual(byKey[f.Report].Period, Period.Of(at));
        }

        output.WriteLine($"{reports.Count} reports; cross-month repeats: {repeats.Count(f => f.Code == EvidenceIntegrity.LinkEarlierMonth)} links, "
            + $"{repeats.Count(f => f.Code == EvidenceIntegrity.ParagraphRepeated)} paragraphs; "
            + $"links in two members' reports: {findings.Count(f => f.Code == EvidenceIntegrity.LinkOtherMember)}; "
            + $"X posts outside their month: {findings.Count(f => f.Code == EvidenceIntegrity.XPostOutsideMonth)} in {findings.Where(f => f.Code == EvidenceIntegrity.XPostOutsideMonth).Select(f => f.Report).Distinct().Count()} reports");
        foreach (var f in findings)
        {
            output.WriteLine($"{f.Code} {f.Report} {f.Other} {f.Evidence}");
        }
    }
}
