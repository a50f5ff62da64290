using System.Net;
using System.Text.RegularExpressions;
using Embassy.Application;
using Embassy.Policies;
using Ical.Net.CalendarComponents;

namespace Embassy.Web.Tests;

/// <summary>
/// Issue #14: the calendar feeds, read back with Ical.Net itself: the member's report deadlines (R7) and appeal window, the
/// reviewer's reviews due, each at the right local time of the policy's zone (Europe/Berlin here, across the October
/// clock change) with its VTIMEZONE; a wrong, rotated or revoked secret is a 404.
/// </summary>
public sealed partial class CalendarFeedTests
{
    private const string Berlin = "Europe/Berlin";

    /// <summary>The policy in force (phala-v5-erc20) with its deadline in Berlin and reviews due 4 days after it.</summary>
    private static string BerlinProgram()
    {
        var folder = Path.Combine(Path.GetTempPath(), "embassy-berlin-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var text = PolicyCatalog.ShippedText("phala-v5-erc20")!;
        Assert.Contains("deadline: { day: 5, timezone: UTC }", text, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "phala-v5-erc20.yaml"), Regex.Replace(text, @"(?m)^review:.*$", string.Empty)
            .Replace("deadline: { day: 5, timezone: UTC }", $"deadline: {{ day: 5, timezone: {Berlin} }}\nreview: {{ review_due_days: 4 }}", StringComparison.Ordinal));
        return folder;
    }

    private static async Task<string> FeedUrlAsync(HttpClient client, string kind)
    {
        var made = await EmbassySite.PostFormAsync(client, "/me/calendar", new Dictionary<string, string> { ["kind"] = kind }, "/me/calendar?handler=rotate");
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        var html = await made.Content.ReadAsStringAsync();
        var url = FeedUrl().Match(html);
        Assert.True(url.Success, html);
        return new Uri(url.Groups[1].Value).PathAndQuery;
    }

    private static CalendarEvent Event(Ical.Net.Calendar calendar, string uid) =>
        Assert.Single(calendar.Events, e => e.Uid!.StartsWith(uid, StringComparison.Ordinal));

    [Fact]
    public async Task Feeds_HoldTheDatesInThePolicysZone_SecretIsTheKey_RotationEndsTheOldAddress()
    {
        await using var github = await MonthCloseTests.StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress, new Dictionary<string, string?> { [ProgramPolicies.FolderKey] = BerlinProgram() });
        var admin = await site.ApiAsAsync(Roles.Admin);
        await EmbassySite.AddMemberAsync(admin, "alice");
        github.AddIssue(EmbassySite.Repo, "alice", "October 2026 Contribution - alice", MonthCloseTests.ReportBody(["CM", "CC"], EmbassySite.AddressFor(1)));
        await EmbassySite.SyncAsync(admin);
        var ritaApi = await site.ApiAsAsync(Roles.Reviewer, "rita");
        var id = (await EmbassySite.QueueAsync(ritaApi, EmbassySite.LastMonth)).Single().ReportId;
        var scored = await EmbassySite.ScoreAsync(ritaApi, id, new ScoreEntry("CM", 10, 10), new ScoreEntry("CC", 15, 15), new ScoreEntry("OTHERS", 5, 5));
        Assert.True(scored.IsSuccessStatusCode, await scored.Content.ReadAsStringAsync());

        var alice = await site.SignInAsAsync("alice", Roles.Member);
        var memberFeed = await FeedUrlAsync(alice, CalendarFeeds.MemberKind);
        var anonymous = site.Browser();
        var response = await anonymous.GetAsync(memberFeed);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var calendar = Ical.Net.Calendar.Load(text)!;

        // R7 in Berlin: the end of 5 November (CET, UTC+1) and of 5 October (CEST, UTC+2), each with the zone's VTIMEZONE.
        Assert.Contains(calendar.TimeZones, z => z.TzId == Berlin);
        var october = Event(calendar, "deadline-2026-10");
        Assert.Equal((Berlin, new DateTime(2026, 11, 6, 0, 0, 0)), (october.DtEnd!.TzId, october.DtEnd.Value));
        Assert.Equal(new DateTime(2026, 11, 5, 23, 0, 0, DateTimeKind.Utc), october.DtEnd.AsUtc);
        var september = Event(calendar, "deadline-2026-09");
        Assert.Equal((Berlin, new DateTime(2026, 10, 6, 0, 0, 0)), (september.DtEnd!.TzId, september.DtEnd.Value));
        Assert.Equal(new DateTime(2026, 10, 5, 22, 0, 0, DateTimeKind.Utc), september.DtEnd.AsUtc);
        Assert.Contains("TZID=Europe/Berlin:20261106T000000", text, StringComparison.Ordinal);

        // The appeal window of the scored October report: the policy's 3 days from the score (EmbassySite.Now), as on the page.
        var appeal = Event(calendar, "appeal-2026-10");
        Assert.Equal(EmbassySite.Now.UtcDateTime.AddDays(3), appeal.DtEnd!.AsUtc);
        Assert.Equal((Berlin, new DateTime(2026, 11, 23, 13, 0, 0)), (appeal.DtEnd.TzId, appeal.DtEnd.Value));
        Assert.Contains("CM until", appeal.Description, StringComparison.Ordinal);

        // A member has no reviewer feed; a reviewer's says when reviews are due (4 days after the deadline) and what is unscored.
        var refused = await EmbassySite.PostFormAsync(alice, "/me/calendar", new Dictionary<string, string> { ["kind"] = CalendarFeeds.ReviewerKind }, "/me/calendar?handler=rotate");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await site.ApiAsAsync(Roles.Reviewer, "sam");
        var sam = await site.SignInAsAsync("sam", Roles.Reviewer);
        var reviewerFeed = await FeedUrlAsync(sam, CalendarFeeds.ReviewerKind);
        var reviews = Ical.Net.Calendar.Load(await anonymous.GetStringAsync(reviewerFeed))!;
        var due = Event(reviews, "review-due-2026-10");
        Assert.Equal((Berlin, new DateTime(2026, 11, 10, 0, 0, 0)), (due.DtEnd!.TzId, due.DtEnd.Value));
        Assert.Equal(new DateTime(2026, 11, 9, 23, 0, 0, DateTimeKind.Utc), due.DtEnd.AsUtc);
        Assert.Contains("#1", due.Description, StringComparison.Ordinal); // assigned to sam (and rita, who scored it), unscored by sam
        Assert.Equal(new DateTime(2026, 10, 9, 22, 0, 0, DateTimeKind.Utc), Event(reviews, "review-due-2026-09").DtEnd!.AsUtc);

        // Wrong secrets are plain 404s; rotating ends the old address and the new one works; turning it off ends it too.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/cal_wrong.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(memberFeed.Replace("cal_", "cal_x", StringComparison.Ordinal))).StatusCode);
        var rotated = await FeedUrlAsync(alice, CalendarFeeds.MemberKind);
        Assert.NotEqual(memberFeed, rotated);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(memberFeed)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(rotated)).StatusCode);
        var off = await EmbassySite.PostFormAsync(alice, "/me/calendar", new Dictionary<string, string> { ["kind"] = CalendarFeeds.MemberKind }, "/me/calendar?handler=revoke");
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(rotated)).StatusCode);

        // The role is read at each fetch: a reviewer whose grant goes loses the reviewer feed.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(reviewerFeed)).StatusCode);
        Assert.True((await site.Service<AccessTokens>().RemoveGrantAsync("sam", "test")).IsSuccess);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(reviewerFeed)).StatusCode);
    }

    [GeneratedRegex("<code id=\"feed-url\">([^<]+)</code>")]
    private static partial Regex FeedUrl();
}
