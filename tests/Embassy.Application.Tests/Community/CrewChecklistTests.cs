using Embassy.Domain;
using Embassy.Domain.Community;
using Embassy.Reports;

namespace Embassy.Application.Tests.Community;

public class CrewChecklistTests
{
    private static ParsedReport Report(string author, params string[] urls) => new()
    {
        Number = 1,
        Author = author,
        Period = new Period(2024, 9),
        Evidence = urls.Select(u =>
        {
            var (kind, id) = LinkClassifier.Classify(u);
            return new EvidenceLink(u, kind, "CC", 1, id);
        }).ToArray(),
    };

    [Fact]
    public void Build_CountsEachCrewFromItsOwnMembersAndFlagsTheSmallOne()
    {
        var sep = new Period(2024, 9);
        Crew[] crews =
        [
            new("fr", "French group", "French", "alexandre", ["kbconsulting45", "tioneb44"]),
            new("fa", "Persian group", "Persian", "amir", []),
        ];
        var ranks = new Dictionary<string, Rank>(StringComparer.OrdinalIgnoreCase)
        {
            ["alexandre"] = Rank.Senior, ["kbconsulting45"] = Rank.Ambassador, ["tioneb44"] = Rank.Ambassador, ["amir"] = Rank.Senior,
        };
        var medium = Enumerable.Range(1, 4).Select(i => $"https://medium.com/@fr/traduction-{i}").ToArray();
        ParsedReport[] reports = [Report("kbconsulting45", medium), Report("amir", "https://x.com/i/spaces/1ypKdd")];
        ChecklistTick[] ticks = [new("fa", sep, QuotaKind.ChannelActivity, true, "reviewer-1", new DateTimeOffset(2024, 10, 3, 9, 0, 0, TimeSpan.Zero))];

        var checklist = CrewChecklist.Build(sep, crews, reports, ticks, ranks);

        QuotaStatus Status(int crew, QuotaKind kind) => checklist.Crews[crew].Quotas.Single(q => q.Rule.Kind == kind).Status;
        Assert.Equal(QuotaStatus.Met, Status(0, QuotaKind.ArticleTranslations));
        Assert.Equal(QuotaStatus.NeedsReview, Status(0, QuotaKind.Ama));
        Assert.Equal(QuotaStatus.NotMet, Status(1, QuotaKind.ArticleTranslations));
        Assert.Equal(QuotaStatus.Met, Status(1, QuotaKind.Ama));
        Assert.Equal(QuotaStatus.Met, Status(1, QuotaKind.ChannelActivity));
        Assert.Equal(CommunityCodes.CrewTooSmall, checklist.Flags.Single().Code);
    }
}
