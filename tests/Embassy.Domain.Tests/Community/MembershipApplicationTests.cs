using Embassy.Domain.Community;
using Embassy.Domain.Rules;

namespace Embassy.Domain.Tests.Community;

public class MembershipApplicationTests
{
    private static readonly DateTimeOffset At = new(2024, 8, 12, 10, 0, 0, TimeSpan.Zero);

    private static readonly IReadOnlyList<RankRule> Ranks =
    [
        new(Rank.Candidate, "Candidate"), new(Rank.Ambassador, "Ambassador"), new(Rank.Senior, "Senior"), new(Rank.Head, "Head", Appointed: true),
    ];

    private static MembershipApplication Application(string login = "jaime-flores") => new()
    {
        Id = "a1",
        SubmittedAt = At,
        Name = "Jaime Flores",
        GitHubLogin = login,
        Telegram = "@jimiflowers",
        Region = "Spanish group",
        Languages = ["es", "en"],
        Links = ["https://medium.com/@jaime/phala-en-espanol"],
        Statement = "I moderate the Spanish Telegram group.",
    };

    private static ApplicationReview Review(string reviewer, int expertise, int commitment, int influence) =>
        new(reviewer, new Dictionary<string, Points>
        {
            ["expertise"] = Points.Of(expertise),
            ["commitment"] = Points.Of(commitment),
            ["influence"] = Points.Of(influence),
        });

    [Fact]
    public void Validate_CompleteForm_HasNoDiagnostics()
    {
        Assert.Empty(Application().Validate());
    }

    [Theory]
    [InlineData("-lead")]
    [InlineData("double--hyphen")]
    [InlineData("has space")]
    [InlineData("")]
    [InlineData("a-login-that-is-far-too-long-for-github-x")]
    public void Validate_BadGitHubLogin_IsAnError(string login)
    {
        Assert.Equal(CommunityCodes.ApplicationFieldInvalid, Application(login).Validate().Single().Code);
    }

    [Fact]
    public void Validate_NoHandleAndABadLink_AreErrors()
    {
        var app = Application() with { Telegram = null, Links = ["javascript:alert(1)"] };

        Assert.Equal(2, app.Validate().Count(d => d.Code == CommunityCodes.ApplicationFieldInvalid));
    }

    [Fact]
    public void Score_SeveralReviewers_IsTheMeanRoundedHalfUp()
    {
        // Expertise (7 + 8) / 2 = 7.5 → 8; commitment (6 + 6) / 2 = 6; influence (4 + 5) / 2 = 4.5 → 5.
        var score = ApplicationRules.Score([Review("r1", 7, 6, 4), Review("r2", 8, 6, 5)])!;

        Assert.Equal(Points.Of(8), score.ByCriterion["expertise"]);
        Assert.Equal(Points.Of(6), score.ByCriterion["commitment"]);
        Assert.Equal(Points.Of(5), score.ByCriterion["influence"]); // 4.5 → 5
        Assert.Equal(Points.Of(19), score.Total);
        Assert.Equal(Points.Of(30), score.Max);
        Assert.Equal(2, score.Reviewers);
    }

    [Fact]
    public void Score_ThreeReviewers_RoundsAThirdDownAndTwoThirdsUp()
    {
        var score = ApplicationRules.Score([Review("r1", 7, 7, 7), Review("r2", 7, 8, 8), Review("r3", 8, 7, 8)])!;

        Assert.Equal(Points.Of(7), score.ByCriterion["expertise"]); // 7.33
        Assert.Equal(Points.Of(7), score.ByCriterion["commitment"]); // 7.33
        Assert.Equal(Points.Of(8), score.ByCriterion["influence"]); // 7.67
    }

    [Fact]
    public void Score_HalfPointStep_RoundsToHalves()
    {
        var scale = new ApplicationScale(Points.Of(10), Points.Of(0.5m));

        var score = ApplicationRules.Score([Review("r1", 7, 0, 0), Review("r2", 8, 0, 1), Review("r3", 8, 0, 0)], ApplicationCriteria.SeedDefault with { Scale = scale })!;

        Assert.Equal(Points.Of(7.5m), score.ByCriterion["expertise"]); // 7.67 → 7.5
        Assert.Equal(Points.Of(0.5m), score.ByCriterion["influence"]); // 0.33 → 0.5
    }

    [Fact]
    public void Score_NoReviews_IsNull()
    {
        Assert.Null(ApplicationRules.Score([]));
    }

    [Fact]
    public void Decide_AcceptWithoutRank_StartsAsCandidate()
    {
        var result = ApplicationRules.Decide(Application(), [Review("r1", 7, 6, 4)], ApplicationDecision.Accept("lead", At), Ranks);

        Assert.True(result.IsSuccess, string.Join("; ", result.Diagnostics));
        Assert.Equal(Rank.Candidate, result.Value.Decision.StartingRank);
        Assert.Equal(Points.Of(17), result.Value.Score!.Total);
    }

    [Fact]
    public void Decide_AcceptAsSenior_IsAllowed()
    {
        var result = ApplicationRules.Decide(Application(), [Review("r1", 10, 10, 10)], ApplicationDecision.Accept("lead", At, Rank.Senior), Ranks);

        Assert.Equal(Rank.Senior, result.Value.Decision.StartingRank);
    }

    [Fact]
    public void Decide_AcceptAsHead_IsRefusedBecauseHeadIsAppointed()
    {
        var result = ApplicationRules.Decide(Application(), [Review("r1", 10, 10, 10)], ApplicationDecision.Accept("lead", At, Rank.Head), Ranks);

        Assert.Equal(CommunityCodes.ApplicationRankAppointed, result.Errors.Single().Code);
    }

    [Fact]
    public void Decide_AcceptAsUnknownRank_IsRefused()
    {
        var result = ApplicationRules.Decide(Application(), [Review("r1", 10, 10, 10)], ApplicationDecision.Accept("lead", At, Rank.Advocate), Ranks);

        Assert.Equal(CommunityCodes.ApplicationRankUnknown, result.Errors.Single().Code);
    }

    [Fact]
    public void Decide_AcceptWithoutReview_IsRefused()
    {
        var result = ApplicationRules.Decide(Application(), [], ApplicationDecision.Accept("lead", At), Ranks);

        Assert.Equal(CommunityCodes.ApplicationNotReviewed, result.Errors.Single().Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Decide_DeclineWithoutReason_IsAnError(string reason)
    {
        var result = ApplicationRules.Decide(Application(), [], ApplicationDecision.Decline("lead", At, reason), Ranks);

        Assert.Equal(CommunityCodes.ApplicationDeclineReasonRequired, result.Errors.Single().Code);
    }

    [Fact]
    public void Decide_DeclineWithReason_NeedsNoReview()
    {
        var result = ApplicationRules.Decide(Application(), [], ApplicationDecision.Decline("lead", At, "No Web3 experience shown yet; apply again with links to your work."), Ranks);

        Assert.True(result.IsSuccess);
        Assert.False(result.Value.Decision.Accepted);
        Assert.Null(result.Value.Score);
    }

    [Fact]
    public void Decide_ReviewerTwiceOrScoreOutOfRange_IsRefused()
    {
        var bad = new ApplicationReview("r2", new Dictionary<string, Points> { ["expertise"] = Points.Of(11) });

        var result = ApplicationRules.Decide(Application(), [Review("r1", 5, 5, 5), Review("R1", 6, 6, 6), bad], ApplicationDecision.Accept("lead", At), Ranks);

        var codes = result.Errors.Select(e => e.Code).ToArray();
        Assert.Contains(CommunityCodes.ApplicationReviewDuplicate, codes);
        Assert.Equal(3, codes.Count(c => c == CommunityCodes.ApplicationScoreInvalid)); // 11 > 10, commitment and influence missing
    }

    [Fact]
    public void Decide_AlreadyDecided_IsRefused()
    {
        var earlier = ApplicationDecision.Decline("lead", At, "Spam");

        var result = ApplicationRules.Decide(Application(), [Review("r1", 5, 5, 5)], ApplicationDecision.Accept("lead", At), Ranks, earlier);

        Assert.Equal(CommunityCodes.ApplicationAlreadyDecided, result.Errors.Single().Code);
    }
}
