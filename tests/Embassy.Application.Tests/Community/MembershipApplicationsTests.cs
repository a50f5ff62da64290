using Embassy.Application;
using Embassy.Data.Tests;
using Embassy.Domain;
using Embassy.Domain.Community;
using Embassy.GitHubStandIn;

namespace Embassy.Application.Tests.Community;

public class MembershipApplicationsTests
{
    private static readonly DateTimeOffset Now = new(2024, 8, 12, 10, 0, 0, TimeSpan.Zero);

    private static MembershipApplication Form(string login = "jaime-flores") => new()
    {
        Id = "a1",
        SubmittedAt = DateTimeOffset.MinValue,
        Name = "Jaime Flores",
        GitHubLogin = login,
        Telegram = "@jimiflowers",
        Region = "Spanish group",
        Languages = ["es", "en"],
        Statement = "I moderate the Spanish Telegram group.",
    };

    private static ApplicationReview Review(string reviewer, int score) => new(reviewer, new Dictionary<ApplicationCriterion, Points>
    {
        [ApplicationCriterion.Expertise] = Points.Of(score),
        [ApplicationCriterion.Commitment] = Points.Of(score),
        [ApplicationCriterion.Influence] = Points.Of(score),
    });

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Submit_ThenAccept_TheApplicantIsAMemberFoundByGitHubLogin(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var clock = new ManualClock(Now) { AutoAdvance = false };
        var admin = new MemberAdmin(db.Factory(), clock);
        var applications = new MembershipApplications(admin, clock);

        var submitted = applications.Submit(Form(), honeypot: "", formShownAt: Now.AddMinutes(-5), earlierFromSameAddress: []);
        var decided = await applications.DecideAsync(submitted.Value, [Review("r1", 6)], ApplicationDecision.Accept("lead", Now));

        Assert.Equal(Now, submitted.Value.SubmittedAt);
        Assert.True(decided.IsSuccess, string.Join("; ", decided.Diagnostics));
        var member = Assert.Single(await admin.ListAsync());
        Assert.Equal(("jaime-flores", "candidate"), (member.GitHubLogin, member.Ranks.Single().Rank));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Decide_Accepted_BecomesAMemberAtTheStartingRank(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var clock = new ManualClock(Now) { AutoAdvance = false };
        var applications = new MembershipApplications(new MemberAdmin(db.Factory(), clock), clock);

        var result = await applications.DecideAsync(Form(), [Review("r1", 8), Review("r2", 7)], ApplicationDecision.Accept("lead", Now, Rank.Ambassador));

        Assert.True(result.IsSuccess, string.Join("; ", result.Diagnostics));
        var entry = await new MemberAdmin(db.Factory(), clock).FindAsync(result.Value.MemberId!.Value);
        Assert.NotNull(entry);
        Assert.Equal("Jaime Flores", entry.Member.DisplayName);
        Assert.Equal("ambassador", entry.Ranks.Single().Rank);
        Assert.Equal("jaime-flores", entry.GitHubLogin);
        Assert.Equal("lead", entry.Ranks.Single().Actor);
        Assert.Equal(Points.Of(24), result.Value.Decision.Score!.Total); // 7.5 → 8 per criterion
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Decide_Declined_AddsNoMember(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var clock = new ManualClock(Now) { AutoAdvance = false };
        var admin = new MemberAdmin(db.Factory(), clock);
        var applications = new MembershipApplications(admin, clock);

        var declined = await applications.DecideAsync(Form(), [], ApplicationDecision.Decline("lead", Now, "No Web3 work linked yet."));
        var noReason = await applications.DecideAsync(Form(), [], ApplicationDecision.Decline("lead", Now, ""));

        Assert.True(declined.IsSuccess);
        Assert.Null(declined.Value.MemberId);
        Assert.Equal(CommunityCodes.ApplicationDeclineReasonRequired, noReason.Errors.Single().Code);
        Assert.Empty(await admin.ListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Decide_AcceptedAsHead_IsRefusedAndAddsNoMember(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var clock = new ManualClock(Now) { AutoAdvance = false };
        var admin = new MemberAdmin(db.Factory(), clock);

        var result = await new MembershipApplications(admin, clock).DecideAsync(Form(), [Review("r1", 10)], ApplicationDecision.Accept("lead", Now, Rank.Head));

        Assert.Equal(CommunityCodes.ApplicationRankAppointed, result.Errors.Single().Code);
        Assert.Empty(await admin.ListAsync());
    }
}
