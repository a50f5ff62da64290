using Embassy.Domain.Community;

namespace Embassy.Domain.Tests.Community;

public class CrewQuotaTests
{
    private static readonly Period Sep = new(2024, 9);
    private static readonly Crew French = new("fr", "French group", "French", "alexandre", ["kbconsulting45", "tioneb44"]);

    private static DateTimeOffset Utc(int month, int day, int hour = 12) => new(2024, month, day, hour, 0, 0, TimeSpan.Zero);

    private static CrewEvidence Post(string member, DateTimeOffset at, string id) => new(member, EvidenceCategory.XPost, at, id, "https://x.com/a/status/" + id);

    private static CrewEvidence Undated(string member, EvidenceCategory category, string url) => new(member, category, null, url, url);

    /// <summary>Two X posts in each of September 2024's four weeks (Mondays 2, 9, 16, 23).</summary>
    private static List<CrewEvidence> TwoPostsAWeek() =>
        [.. new[] { 2, 9, 16, 23 }.SelectMany(d => new[] { Post("alexandre", Utc(9, d), $"{d}a"), Post("tioneb44", Utc(9, d + 3), $"{d}b") })];

    private static QuotaResult Quota(CrewMonth month, QuotaKind kind) => month.Quotas.Single(q => q.Rule.Kind == kind);

    [Fact]
    public void WeeksOf_September2024_AreTheFourIsoWeeksWhoseThursdayIsInSeptember()
    {
        // 2024-09-01 is a Sunday (its week belongs to August); Monday 30 September's Thursday is 3 October.
        Assert.Equal([new DateOnly(2024, 9, 2), new DateOnly(2024, 9, 9), new DateOnly(2024, 9, 16), new DateOnly(2024, 9, 23)], CrewQuotas.WeeksOf(Sep));
    }

    [Fact]
    public void WeeksOf_October2024_HasFiveWeeksStartingInSeptember()
    {
        var weeks = CrewQuotas.WeeksOf(new Period(2024, 10));

        Assert.Equal(5, weeks.Count);
        Assert.Equal(new DateOnly(2024, 9, 30), weeks[0]);
        Assert.Equal(new DateOnly(2024, 10, 28), weeks[^1]);
    }

    [Fact]
    public void WeeksOf_EveryMonth_HasFourOrFiveWeeksAndEveryWeekBelongsToOneMonth()
    {
        var all = Enumerable.Range(0, 120).SelectMany(i => CrewQuotas.WeeksOf(new Period(2020, 1).AddMonths(i))).ToArray();

        Assert.All(Enumerable.Range(0, 120), i => Assert.InRange(CrewQuotas.WeeksOf(new Period(2020, 1).AddMonths(i)).Count, 4, 5));
        Assert.Equal(all.Length, all.Distinct().Count());
        Assert.All(all.Zip(all.Skip(1)), p => Assert.Equal(7, p.Second.DayNumber - p.First.DayNumber));
    }

    [Fact]
    public void XPosts_TwoInEveryWeek_IsMet()
    {
        var month = CrewQuotas.Evaluate(French, Sep, TwoPostsAWeek(), []);

        var q = Quota(month, QuotaKind.XPosts);
        Assert.Equal(QuotaStatus.Met, q.Status);
        Assert.Equal((8, 8), (q.Counted, q.Required));
        Assert.All(q.Weeks, w => Assert.Equal(2, w.Count));
    }

    [Fact]
    public void XPosts_OneWeekShort_IsNotMetAndNamesTheWeek()
    {
        var evidence = TwoPostsAWeek();
        evidence.RemoveAll(e => e.Key == "16b");

        var q = Quota(CrewQuotas.Evaluate(French, Sep, evidence, []), QuotaKind.XPosts);

        Assert.Equal(QuotaStatus.NotMet, q.Status);
        Assert.Contains("09-16", q.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void XPosts_SamePostLinkedByTwoMembers_CountsOnce()
    {
        var evidence = TwoPostsAWeek();
        evidence.RemoveAll(e => e.Key == "16b");
        evidence.Add(Post("kbconsulting45", Utc(9, 16), "16a"));

        Assert.Equal(QuotaStatus.NotMet, Quota(CrewQuotas.Evaluate(French, Sep, evidence, []), QuotaKind.XPosts).Status);
    }

    [Fact]
    public void XPosts_ByPeopleOutsideTheCrew_DoNotCount()
    {
        var evidence = TwoPostsAWeek();
        evidence.RemoveAll(e => e.Key == "16b");
        evidence.Add(Post("someone-else", Utc(9, 17), "16c"));

        Assert.Equal(QuotaStatus.NotMet, Quota(CrewQuotas.Evaluate(French, Sep, evidence, []), QuotaKind.XPosts).Status);
    }

    [Fact]
    public void XPosts_OnSundayNightAndMondayMorningUtc_FallInDifferentWeeks()
    {
        var evidence = TwoPostsAWeek();
        evidence.Add(new CrewEvidence("alexandre", EvidenceCategory.XPost, new DateTimeOffset(2024, 9, 15, 23, 59, 59, TimeSpan.Zero), "sun", "u"));
        evidence.Add(new CrewEvidence("alexandre", EvidenceCategory.XPost, new DateTimeOffset(2024, 9, 16, 0, 0, 0, TimeSpan.Zero), "mon", "u"));

        var weeks = Quota(CrewQuotas.Evaluate(French, Sep, evidence, []), QuotaKind.XPosts).Weeks;

        // Sunday 15th 23:59:59 belongs to the week of the 9th, Monday 16th 00:00 to the week of the 16th.
        Assert.Equal([2, 3, 3, 2], weeks.Select(w => w.Count));
    }

    [Fact]
    public void Articles_AsManyMediumLinksAsWeeks_IsMet_FewerIsNotMet()
    {
        var four = Enumerable.Range(1, 4).Select(i => Undated("kbconsulting45", EvidenceCategory.Article, $"https://medium.com/@fr/article-{i}")).ToList();

        Assert.Equal(QuotaStatus.Met, Quota(CrewQuotas.Evaluate(French, Sep, four, []), QuotaKind.ArticleTranslations).Status);
        var three = Quota(CrewQuotas.Evaluate(French, Sep, four.Take(3), []), QuotaKind.ArticleTranslations);
        Assert.Equal((QuotaStatus.NotMet, 3, 4), (three.Status, three.Counted, three.Required));
    }

    [Fact]
    public void Ama_WithALink_IsMet_WithoutOneNeedsReview()
    {
        var with = CrewQuotas.Evaluate(French, Sep, [Undated("alexandre", EvidenceCategory.Ama, "https://x.com/i/spaces/1ypKddXXX")], []);
        var without = CrewQuotas.Evaluate(French, Sep, [], []);

        Assert.Equal(QuotaStatus.Met, Quota(with, QuotaKind.Ama).Status);
        Assert.Equal(QuotaStatus.NeedsReview, Quota(without, QuotaKind.Ama).Status);
    }

    [Fact]
    public void ChannelActivity_AlwaysNeedsAReviewersTick()
    {
        var month = CrewQuotas.Evaluate(French, Sep, TwoPostsAWeek(), []);

        Assert.Equal(QuotaStatus.NeedsReview, Quota(month, QuotaKind.ChannelActivity).Status);
        Assert.False(month.AllMet);
        Assert.Contains(month.AwaitingReview, q => q.Rule.Kind == QuotaKind.ChannelActivity);
    }

    [Fact]
    public void Tick_DecidesAQuota_AndTheLatestTickWins()
    {
        ChecklistTick[] ticks =
        [
            new("fr", Sep, QuotaKind.ChannelActivity, false, "reviewer-1", Utc(10, 2)),
            new("fr", Sep, QuotaKind.ChannelActivity, true, "reviewer-2", Utc(10, 3), "Active in the French and main Telegram groups"),
            new("fr", Sep.Previous, QuotaKind.Ama, true, "reviewer-1", Utc(10, 3)), // another month
            new("it", Sep, QuotaKind.Ama, true, "reviewer-1", Utc(10, 3)), // another crew
        ];

        var month = CrewQuotas.Evaluate(French, Sep, [], ticks);

        var activity = Quota(month, QuotaKind.ChannelActivity);
        Assert.Equal(QuotaStatus.Met, activity.Status);
        Assert.Equal("reviewer-2", activity.Tick!.Reviewer);
        Assert.StartsWith("Ticked met by reviewer-2: Active in the French", activity.Explanation, StringComparison.Ordinal);
        Assert.Equal(QuotaStatus.NeedsReview, Quota(month, QuotaKind.Ama).Status);
    }

    [Fact]
    public void Evaluate_EverythingShownOrTicked_IsAllMet()
    {
        var evidence = TwoPostsAWeek();
        evidence.AddRange(Enumerable.Range(1, 4).Select(i => Undated("tioneb44", EvidenceCategory.Article, $"https://medium.com/@fr/a{i}")));
        evidence.Add(Undated("alexandre", EvidenceCategory.Ama, "https://x.com/i/spaces/1"));
        evidence.Add(new CrewEvidence("alexandre", EvidenceCategory.Event, null, "https://lu.ma/phala-paris", "https://lu.ma/phala-paris"));
        ChecklistTick[] ticks = [new("fr", Sep, QuotaKind.ChannelActivity, true, "reviewer-1", Utc(10, 2))];

        var month = CrewQuotas.Evaluate(French, Sep, evidence, ticks);

        Assert.True(month.AllMet, string.Join("; ", month.Quotas.Select(q => $"{q.Rule.Kind}: {q.Status}")));
        Assert.Empty(month.AwaitingReview);
    }

    [Fact]
    public void MonthlyQuota_DatedEvidenceFromAnotherMonth_DoesNotCount()
    {
        var evidence = new[] { new CrewEvidence("alexandre", EvidenceCategory.Ama, Utc(8, 30), "k", "u") };

        Assert.Equal(QuotaStatus.NeedsReview, Quota(CrewQuotas.Evaluate(French, Sep, evidence, []), QuotaKind.Ama).Status);
    }
}
