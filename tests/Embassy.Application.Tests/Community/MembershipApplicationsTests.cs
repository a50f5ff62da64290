using Embassy.Application;
using Embassy.Data.Entities;
using Embassy.Data.Tests;
using Embassy.Domain;
using Embassy.Domain.Community;
using Embassy.GitHubStandIn;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application.Tests.Community;

/// <summary>Stored membership applications: the public form's spam checks, reviewer scores and decisions (issue #6, R2).</summary>
public class MembershipApplicationsTests
{
    private static readonly DateTimeOffset Now = new(2024, 8, 12, 10, 0, 0, TimeSpan.Zero);

    private static MembershipApplication Form(string login = "jaime-flores") => new()
    {
        Id = "new",
        SubmittedAt = DateTimeOffset.MinValue,
        Name = " Jaime Flores ",
        GitHubLogin = login,
        Telegram = "@jimiflowers",
        Region = "Spanish group",
        Languages = ["es", "en"],
        Links = ["https://medium.com/@jimi/phala-es"],
        Statement = "I moderate the Spanish Telegram group.",
    };

    private static Dictionary<string, Points> Scores(int expertise, int commitment, int influence) => new()
    {
        ["expertise"] = Points.Of(expertise),
        ["commitment"] = Points.Of(commitment),
        ["influence"] = Points.Of(influence),
    };

    private sealed record Setup(TestDatabase Db, ManualClock Clock, MemberAdmin Members, MembershipApplications Applications) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Db.DisposeAsync();
    }

    private static async Task<Setup> SetUpAsync(string provider, SpamGuard? guard = null)
    {
        var db = await TestDatabase.CreateMigratedAsync(provider);
        var clock = new ManualClock(Now) { AutoAdvance = false };
        var members = new MemberAdmin(db.Factory(), clock);
        return new Setup(db, clock, members, new MembershipApplications(db.Factory(), members, clock, guard));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Submit_StoresEveryFieldAndTheAddressHash_AndAuditsIt(string provider)
    {
        await using var s = await SetUpAsync(provider);

        var id = await s.Applications.SubmitAsync(Form(), honeypot: "", formShownAt: Now.AddMinutes(-5), clientAddressHash: "hash-a");

        Assert.True(id.IsSuccess, string.Join("; ", id.Diagnostics));
        var detail = (await s.Applications.FindAsync(id.Value))!;
        var a = detail.Application;
        Assert.Equal(("Jaime Flores", "jaime-flores", "@jimiflowers", "Spanish group", Now, ApplicationStates.Pending),
            (a.Name, a.GitHubLogin, a.Telegram, a.Region, a.SubmittedAt, detail.State));
        Assert.Equal(["es", "en"], a.Languages);
        Assert.Equal(["https://medium.com/@jimi/phala-es"], a.Links);
        Assert.Equal("I moderate the Spanish Telegram group.", a.Statement);
        await using var read = s.Db.Context();
        Assert.Equal("hash-a", (await read.Applications.SingleAsync()).ClientAddressHash);
        var audit = await read.AuditLog.SingleAsync();
        Assert.Equal((MembershipApplications.PublicActor, "application.submitted", "application:" + id.Value), (audit.Actor, audit.Action, audit.Subject));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Submit_FourthFromOneAddressInADay_IsRateLimited_OtherAddressesAreNot(string provider)
    {
        await using var s = await SetUpAsync(provider);
        for (var i = 0; i < 3; i++)
        {
            var ok = await s.Applications.SubmitAsync(Form("applicant-" + i), "", Now.AddMinutes(-5), "hash-a");
            Assert.True(ok.IsSuccess, string.Join("; ", ok.Diagnostics));
            s.Clock.Advance(TimeSpan.FromHours(1));
        }

        var fourth = await s.Applications.SubmitAsync(Form("applicant-4"), "", s.Clock.GetUtcNow().AddMinutes(-5), "hash-a");
        var elsewhere = await s.Applications.SubmitAsync(Form("applicant-5"), "", s.Clock.GetUtcNow().AddMinutes(-5), "hash-b");
        s.Clock.Advance(TimeSpan.FromHours(22)); // the first submission leaves the 24-hour window
        var nextDay = await s.Applications.SubmitAsync(Form("applicant-6"), "", s.Clock.GetUtcNow().AddMinutes(-5), "hash-a");

        Assert.Equal(CommunityCodes.ApplicationRateLimited, fourth.Errors.Single().Code);
        Assert.True(elsewhere.IsSuccess);
        Assert.True(nextDay.IsSuccess, string.Join("; ", nextDay.Diagnostics));
        Assert.Equal(5, (await s.Applications.ListAsync()).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Submit_AddressHashesOlderThanTheWindow_AreErased(string provider)
    {
        await using var s = await SetUpAsync(provider);
        var first = await s.Applications.SubmitAsync(Form("first"), "", Now.AddMinutes(-5), "hash-a");
        s.Clock.Advance(TimeSpan.FromHours(25));

        var second = await s.Applications.SubmitAsync(Form("second"), "", s.Clock.GetUtcNow().AddMinutes(-5), "hash-b");

        await using var read = s.Db.Context();
        var hashes = await read.Applications.OrderBy(a => a.Id).Select(a => a.ClientAddressHash).ToListAsync();
        Assert.Equal([null, "hash-b"], hashes);
        Assert.True(first.IsSuccess && second.IsSuccess);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Submit_HoneypotFilled_OrTooFast_StoresNothing(string provider)
    {
        await using var s = await SetUpAsync(provider, SpamGuard.Default with { MinimumFillTime = TimeSpan.FromSeconds(5) });

        var bot = await s.Applications.SubmitAsync(Form(), honeypot: "http://spam.example", formShownAt: Now.AddMinutes(-5), clientAddressHash: "hash-a");
        var fast = await s.Applications.SubmitAsync(Form(), honeypot: "", formShownAt: Now.AddSeconds(-4), clientAddressHash: "hash-a");
        var invalid = await s.Applications.SubmitAsync(Form("-bad-"), honeypot: "", formShownAt: Now.AddSeconds(-6), clientAddressHash: "hash-a");

        Assert.Equal(CommunityCodes.ApplicationHoneypot, bot.Errors.Single().Code);
        Assert.Equal(CommunityCodes.ApplicationTooFast, fast.Errors.Single().Code);
        Assert.Equal(CommunityCodes.ApplicationFieldInvalid, invalid.Errors.Single().Code);
        Assert.Empty(await s.Applications.ListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Score_TwoReviewers_MeanRoundedHalfUp_AndARescoreReplacesTheReviewersOwn(string provider)
    {
        await using var s = await SetUpAsync(provider);
        var id = (await s.Applications.SubmitAsync(Form(), "", Now.AddMinutes(-5), "hash-a")).Value;

        Assert.True((await s.Applications.ScoreAsync(id, "rita", Scores(2, 2, 2), "first look")).IsSuccess);
        Assert.True((await s.Applications.ScoreAsync(id, "rita", Scores(8, 6, 5), "after the call")).IsSuccess);
        Assert.True((await s.Applications.ScoreAsync(id, "omar", Scores(7, 6, 4), null)).IsSuccess);
        var outOfRange = await s.Applications.ScoreAsync(id, "omar", Scores(11, 6, 4), null);

        Assert.Equal(CommunityCodes.ApplicationScoreInvalid, outOfRange.Errors.Single().Code);
        var detail = (await s.Applications.FindAsync(id))!;
        Assert.Equal(["rita after the call", "omar "], detail.Reviews.Select(r => r.Reviewer + " " + r.Note));
        var score = detail.Score!;
        Assert.Equal(2, score.Reviewers);

        // R3: 7.5 → 8, 6 → 6, 4.5 → 5.
        Assert.Equal((Points.Of(8), Points.Of(6), Points.Of(5)), (score.ByCriterion["expertise"], score.ByCriterion["commitment"], score.ByCriterion["influence"]));
        await using var read = s.Db.Context();
        Assert.Equal(3, await read.AuditLog.CountAsync(e => e.Action == "application.scored"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Score_FollowsTheCriteriaOfThePolicyInForceAtSubmission_CommonSenseFromOctober2025(string provider)
    {
        await using var s = await SetUpAsync(provider);
        s.Clock.Advance(new DateTimeOffset(2025, 9, 20, 10, 0, 0, TimeSpan.Zero) - s.Clock.GetUtcNow());
        var september = (await s.Applications.SubmitAsync(Form("sept-applicant"), "", s.Clock.GetUtcNow().AddMinutes(-5), "hash-a")).Value;
        s.Clock.Advance(new DateTimeOffset(2025, 10, 20, 10, 0, 0, TimeSpan.Zero) - s.Clock.GetUtcNow());
        var october = (await s.Applications.SubmitAsync(Form("oct-applicant"), "", s.Clock.GetUtcNow().AddMinutes(-5), "hash-b")).Value;

        // Scored in October: the September application keeps phala-v5's three criteria, October's has phala-v5-2025-10's four.
        var threeOnOctober = await s.Applications.ScoreAsync(october, "rita", Scores(8, 6, 5), null);
        var fourOnSeptember = await s.Applications.ScoreAsync(september, "rita", new Dictionary<string, Points>(Scores(8, 6, 5)) { ["common-sense"] = Points.Of(9) }, null);
        var threeOnSeptember = await s.Applications.ScoreAsync(september, "rita", Scores(8, 6, 5), null);
        var fourOnOctober = await s.Applications.ScoreAsync(october, "rita", new Dictionary<string, Points>(Scores(8, 6, 5)) { ["common-sense"] = Points.Of(9) }, null);

        Assert.Equal("rita did not score Common Sense.", threeOnOctober.Errors.Single().Message);
        Assert.Contains("'common-sense' is not a criterion of the policy (expertise, commitment, influence)", fourOnSeptember.Errors.Single().Message, StringComparison.Ordinal);
        Assert.True(threeOnSeptember.IsSuccess && fourOnOctober.IsSuccess);
        var sept = (await s.Applications.FindAsync(september))!;
        var oct = (await s.Applications.FindAsync(october))!;
        Assert.Equal(["Expertise", "Commitment", "Influence"], sept.Criteria.Criteria.Select(c => c.Name));
        Assert.Equal(["Expertise", "Commitment", "Influence", "Common Sense"], oct.Criteria.Criteria.Select(c => c.Name));
        Assert.Equal((Points.Of(19), Points.Of(30)), (sept.Score!.Total, sept.Score.Max));
        Assert.Equal((Points.Of(28), Points.Of(40), Points.Of(9)), (oct.Score!.Total, oct.Score.Max, oct.Score.ByCriterion["common-sense"]));
        Assert.Contains("Professional boundaries", oct.Criteria.Find("common-sense")!.Description, StringComparison.Ordinal);

        // The public form asks today's policy's questions.
        Assert.Equal(4, s.Applications.CurrentCriteria.Criteria.Count);
        await using var read = s.Db.Context();
        Assert.Equal(7, await read.ApplicationReviewScores.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Accept_MakesAMemberAtTheStartingRank_WithARankEventByTheDecider(string provider)
    {
        await using var s = await SetUpAsync(provider);
        var id = (await s.Applications.SubmitAsync(Form(), "", Now.AddMinutes(-5), "hash-a")).Value;
        await s.Applications.ScoreAsync(id, "rita", Scores(8, 7, 7), null);

        var accepted = await s.Applications.DecideAsync(id, accept: true, startingRank: "ambassador", reason: null, actor: "lead");

        Assert.True(accepted.IsSuccess, string.Join("; ", accepted.Diagnostics));
        var member = (await s.Members.FindAsync(accepted.Value!.Value))!;
        Assert.Equal(("Jaime Flores", "jaime-flores", "Spanish group"), (member.Member.DisplayName, member.GitHubLogin, member.Member.Region));
        var rankEvent = member.Ranks.Single();
        Assert.Equal(("ambassador", "lead"), (rankEvent.Rank, rankEvent.Actor));
        var detail = (await s.Applications.FindAsync(id))!;
        Assert.Equal((ApplicationStates.Accepted, accepted.Value, "lead"), (detail.State, detail.MemberId, detail.Decision!.DecidedBy));
        Assert.Equal(Rank.Ambassador, detail.Decision.StartingRank);

        var again = await s.Applications.DecideAsync(id, accept: false, startingRank: null, reason: "changed my mind", actor: "lead");
        Assert.Equal(CommunityCodes.ApplicationAlreadyDecided, again.Errors.Single().Code);
        var rescore = await s.Applications.ScoreAsync(id, "rita", Scores(1, 1, 1), null);
        Assert.Equal(CommunityCodes.ApplicationAlreadyDecided, rescore.Errors.Single().Code);

        await using var read = s.Db.Context();
        Assert.Equal(1, await read.ApplicationDecisions.CountAsync());
        Assert.Contains(await read.AuditLog.Select(e => e.Action).ToListAsync(), a => a == "application.accepted");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Accept_Unreviewed_OrAsHead_IsRefusedAndAddsNoMember(string provider)
    {
        await using var s = await SetUpAsync(provider);
        var id = (await s.Applications.SubmitAsync(Form(), "", Now.AddMinutes(-5), "hash-a")).Value;

        var unreviewed = await s.Applications.DecideAsync(id, true, "candidate", null, "lead");
        await s.Applications.ScoreAsync(id, "rita", Scores(10, 10, 10), null);
        var head = await s.Applications.DecideAsync(id, true, "head", null, "lead");

        Assert.Equal(CommunityCodes.ApplicationNotReviewed, unreviewed.Errors.Single().Code);
        Assert.Equal(CommunityCodes.ApplicationRankAppointed, head.Errors.Single().Code);
        Assert.Empty(await s.Members.ListAsync());
        Assert.Equal(ApplicationStates.Pending, (await s.Applications.FindAsync(id))!.State);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Decline_NeedsAReason_AndKeepsIt(string provider)
    {
        await using var s = await SetUpAsync(provider);
        var id = (await s.Applications.SubmitAsync(Form(), "", Now.AddMinutes(-5), "hash-a")).Value;

        var noReason = await s.Applications.DecideAsync(id, false, null, "  ", "lead");
        var declined = await s.Applications.DecideAsync(id, false, null, "No Web3 work linked yet.", "lead");

        Assert.Equal(CommunityCodes.ApplicationDeclineReasonRequired, noReason.Errors.Single().Code);
        Assert.True(declined.IsSuccess);
        Assert.Null(declined.Value);
        var detail = (await s.Applications.FindAsync(id))!;
        Assert.Equal((ApplicationStates.Declined, "No Web3 work linked yet.", false), (detail.State, detail.Decision!.Reason, detail.Decision.Accepted));
        Assert.Empty(await s.Members.ListAsync());
        Assert.Equal([id], (await s.Applications.ListAsync(ApplicationStates.Declined)).Select(a => a.Id));
        Assert.Empty(await s.Applications.ListAsync(ApplicationStates.Pending));
    }

    [Fact]
    public void HashAddress_IsKeyed_AndNeverTheAddress()
    {
        var a = MembershipApplications.HashAddress("203.0.113.7", [1, 2, 3]);
        var b = MembershipApplications.HashAddress("203.0.113.7", [4, 5, 6]);

        Assert.NotEqual(a, b);
        Assert.Equal(a, MembershipApplications.HashAddress("203.0.113.7", [1, 2, 3]));
        Assert.DoesNotContain("203", a, StringComparison.Ordinal);
        Assert.Equal(64, a.Length);
    }
}
