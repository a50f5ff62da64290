using Embassy.Application;
using Embassy.Data.Entities;
using Embassy.Data.Tests;
using Embassy.Domain;
using Embassy.Domain.Community;
using Embassy.GitHubStandIn;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application.Tests.Community;

/// <summary>Stored regional crews: R11 size and lead flags, and the monthly checklist from report evidence and stored ticks.</summary>
public class CrewRegistryTests
{
    private static readonly DateTimeOffset Now = new(2024, 10, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly Period September = new(2024, 9);

    private sealed record Setup(TestDatabase Db, ManualClock Clock, CrewRegistry Crews, Dictionary<string, long> Ids) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Db.DisposeAsync();
    }

    private static async Task<Setup> SetUpAsync(string provider)
    {
        var db = await TestDatabase.CreateMigratedAsync(provider);
        var clock = new ManualClock(Now) { AutoAdvance = false };
        var admin = new MemberAdmin(db.Factory(), clock);
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (login, rank) in new[] { ("alexandre", "senior"), ("kb", "ambassador"), ("tioneb", "ambassador"), ("redofre", "ambassador"), ("zaketac", "ambassador"), ("newbie", "candidate") })
        {
            var created = await admin.CreateAsync(new NewMember("Name " + login, login, rank), "admin");
            Assert.True(created.IsSuccess, string.Join("; ", created.Diagnostics));
            ids[login] = created.Value;
        }

        return new Setup(db, clock, new CrewRegistry(db.Factory(), clock), ids);
    }

    private static CrewInput French(Setup s, string lead, params string[] members) =>
        new("French group", "French", s.Ids[lead], members.Select(m => s.Ids[m]).ToArray());

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreateAndEdit_SizeAndLeadAreFlagged_NotRefused_AndStored(string provider)
    {
        await using var s = await SetUpAsync(provider);

        var small = await s.Crews.CreateAsync(French(s, "alexandre", "kb"), "admin");
        Assert.True(small.IsSuccess);
        Assert.Equal([CommunityCodes.CrewTooSmall], small.Diagnostics.Select(d => d.Code));

        var large = await s.Crews.EditAsync(small.Value, French(s, "alexandre", "kb", "tioneb", "redofre", "zaketac"), "admin");
        Assert.Equal([CommunityCodes.CrewTooLarge], large.Diagnostics.Select(d => d.Code));

        var candidateLead = await s.Crews.EditAsync(small.Value, French(s, "newbie", "kb", "tioneb"), "admin");
        Assert.Equal([CommunityCodes.CrewLeadNotSenior], candidateLead.Diagnostics.Select(d => d.Code));

        var right = await s.Crews.EditAsync(small.Value, French(s, "alexandre", "kb", "tioneb", "redofre"), "admin");
        Assert.Empty(right.Diagnostics);

        // Read back through a fresh registry: what was stored, not what was kept in memory.
        var stored = Assert.Single(await new CrewRegistry(s.Db.Factory(), s.Clock).ListAsync());
        Assert.Equal(("French group", "French", "alexandre"), (stored.Name, stored.Region, stored.Lead.Login));
        Assert.Equal(["kb", "tioneb", "redofre"], stored.Members.Select(m => m.Login));
        Assert.Empty(stored.Flags);
        await using var read = s.Db.Context();
        Assert.Equal(["crew.created", "crew.edited", "crew.edited", "crew.edited"], await read.AuditLog.Where(e => e.Action.StartsWith("crew.")).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_LeadAmongMembers_OrUnknownMember_IsRefused_AndSharedMemberIsTold(string provider)
    {
        await using var s = await SetUpAsync(provider);

        var leadTwice = await s.Crews.CreateAsync(French(s, "alexandre", "alexandre", "kb"), "admin");
        var unknown = await s.Crews.CreateAsync(new CrewInput("Ghosts", "Nowhere", s.Ids["alexandre"], [9999]), "admin");
        await s.Crews.CreateAsync(French(s, "alexandre", "kb", "tioneb"), "admin");
        var italian = await s.Crews.CreateAsync(new CrewInput("Italian group", "Italian", s.Ids["alexandre"], [s.Ids["zaketac"], s.Ids["redofre"]]), "admin");

        Assert.Equal(CommunityCodes.CrewMemberDuplicate, leadTwice.Errors.Single().Code);
        Assert.Equal(CommunityCodes.CrewMemberUnknown, unknown.Errors.Single().Code);
        Assert.True(italian.IsSuccess);
        var crews = await s.Crews.ListAsync();
        Assert.Equal(["French group", "Italian group"], crews.Select(c => c.Name));
        Assert.All(crews, c => Assert.Equal([CommunityCodes.CrewMemberShared], c.Flags.Select(d => d.Code)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Checklist_CountsTheCrewsReportEvidence_AndTheLatestStoredTickWins(string provider)
    {
        await using var s = await SetUpAsync(provider);
        var crew = (await s.Crews.CreateAsync(French(s, "alexandre", "kb", "tioneb"), "admin")).Value;

        // Two X posts dated by their status ids in the week of 2 September, four Medium translations, one X Space (an AMA).
        var monday = new DateTimeOffset(2024, 9, 3, 12, 0, 0, TimeSpan.Zero);
        static ulong StatusAt(DateTimeOffset at) => (ulong)(at.ToUnixTimeMilliseconds() - 1288834974657) << 22;
        var body = string.Join("\n", [
            "## Content Creation",
            $"- https://x.com/kb/status/{StatusAt(monday)}",
            $"- https://x.com/kb/status/{StatusAt(monday.AddDays(1))}",
            .. Enumerable.Range(1, 4).Select(i => $"- https://medium.com/@fr/traduction-{i}"),
            "- https://x.com/i/spaces/1ypKdd",
        ]);
        await AddReportAsync(s, "kb", September, body);
        await AddReportAsync(s, "zaketac", September, "- https://medium.com/@it/other"); // not in the crew: ignored

        var before = (await s.Crews.ChecklistAsync(crew, September))!;
        await s.Crews.TickAsync(crew, September, QuotaKind.ChannelActivity, met: true, note: "active in both channels", actor: "rita");
        s.Clock.Advance(TimeSpan.FromHours(1));
        await s.Crews.TickAsync(crew, September, QuotaKind.EducationOrEvent, met: true, note: null, actor: "rita");
        s.Clock.Advance(TimeSpan.FromHours(1));
        await s.Crews.TickAsync(crew, September, QuotaKind.EducationOrEvent, met: false, note: "the meetup was cancelled", actor: "omar");
        await s.Crews.TickAsync(crew, September.Next, QuotaKind.Ama, met: true, note: null, actor: "omar"); // another month

        var after = (await new CrewRegistry(s.Db.Factory(), s.Clock).ChecklistAsync(crew, September))!;

        QuotaResult Quota(CrewChecklistView v, QuotaKind k) => v.Month.Quotas.Single(q => q.Rule.Kind == k);
        Assert.Equal(1, before.Reports);
        Assert.Equal((QuotaStatus.Met, 4), (Quota(before, QuotaKind.ArticleTranslations).Status, Quota(before, QuotaKind.ArticleTranslations).Counted));
        Assert.Equal((QuotaStatus.NotMet, 2), (Quota(before, QuotaKind.XPosts).Status, Quota(before, QuotaKind.XPosts).Counted));
        Assert.Equal(QuotaStatus.Met, Quota(before, QuotaKind.Ama).Status);
        Assert.Equal(QuotaStatus.NeedsReview, Quota(before, QuotaKind.ChannelActivity).Status);

        Assert.Equal((QuotaStatus.Met, "rita"), (Quota(after, QuotaKind.ChannelActivity).Status, Quota(after, QuotaKind.ChannelActivity).Tick!.Reviewer));
        var education = Quota(after, QuotaKind.EducationOrEvent);
        Assert.Equal((QuotaStatus.NotMet, "omar", "the meetup was cancelled"), (education.Status, education.Tick!.Reviewer, education.Tick.Note));
        Assert.Equal(QuotaStatus.Met, Quota(after, QuotaKind.Ama).Status);
        await using var read = s.Db.Context();
        Assert.Equal(4, await read.CrewTicks.CountAsync());
        Assert.Equal(4, await read.AuditLog.CountAsync(e => e.Action == "crew.ticked"));
    }

    private static async Task AddReportAsync(Setup s, string login, Period period, string body)
    {
        await using var db = s.Db.Context();
        var filed = new DateTimeOffset(period.Next.FirstDay.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        var number = await db.Reports.CountAsync() + 1;
        var report = new Report
        {
            Repository = "phala/ambassadors",
            IssueNumber = number,
            GitHubIssueId = 5000 + number,
            AuthorLogin = login,
            MemberId = s.Ids[login],
            IssueState = "open",
            Presence = ReportPresence.Present,
            HtmlUrl = "https://github.com/phala/ambassadors/issues/" + number,
            CreatedAt = filed,
            UpdatedAt = filed,
            Labels = string.Empty,
            Period = period,
            ReviewState = "pending",
            LatestVersion = 1,
            FirstSeenAt = filed,
            LastSyncedAt = filed,
        };
        report.Versions.Add(new ReportVersion { Number = 1, Title = $"{period} report", Body = body, IssueCreatedAt = filed, IssueUpdatedAt = filed, ContentHash = "h" + number, SyncedAt = filed });
        db.Reports.Add(report);
        await db.SaveChangesAsync();
    }
}
