using Embassy.Domain.Community;

namespace Embassy.Domain.Tests.Community;

public class CrewTests
{
    private static Dictionary<string, Rank> Registry(params (string Id, Rank Rank)[] members) =>
        members.ToDictionary(m => m.Id, m => m.Rank, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, Rank> French = Registry(
        ("alexandre", Rank.Senior), ("kbconsulting45", Rank.Ambassador), ("tioneb44", Rank.Ambassador), ("redofre", Rank.Ambassador), ("extra", Rank.Candidate));

    [Fact]
    public void Check_SeniorWithThreeAmbassadors_IsFine()
    {
        var crew = new Crew("fr", "French group", "French", "alexandre", ["kbconsulting45", "tioneb44", "redofre"]);

        Assert.Empty(CrewCheck.Check([crew], French));
    }

    [Fact]
    public void Check_OneAmbassador_IsFlaggedTooSmall()
    {
        var crew = new Crew("fr", "French group", "French", "alexandre", ["kbconsulting45"]);

        var d = CrewCheck.Check([crew], French).Single();

        Assert.Equal((CommunityCodes.CrewTooSmall, Severity.Warning), (d.Code, d.Severity));
        Assert.Contains("1 ambassador(s)", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_FourAmbassadors_IsFlaggedTooLarge()
    {
        var crew = new Crew("fr", "French group", "French", "alexandre", ["kbconsulting45", "tioneb44", "redofre", "extra"]);

        Assert.Equal(CommunityCodes.CrewTooLarge, CrewCheck.Check([crew], French).Single().Code);
    }

    [Fact]
    public void Check_LeadWhoIsNotSenior_IsFlagged()
    {
        var crew = new Crew("fr", "French group", "French", "redofre", ["kbconsulting45", "tioneb44"]);

        Assert.Equal(CommunityCodes.CrewLeadNotSenior, CrewCheck.Check([crew], French).Single().Code);
    }

    [Fact]
    public void Check_LeadListedAsMember_IsAnErrorAndNotCounted()
    {
        var crew = new Crew("fr", "French group", "French", "alexandre", ["alexandre", "kbconsulting45"]);

        var codes = CrewCheck.Check([crew], French).Select(d => d.Code).ToArray();

        Assert.Equal([CommunityCodes.CrewMemberDuplicate, CommunityCodes.CrewTooSmall], codes);
    }

    [Fact]
    public void Check_UnknownMember_IsFlagged()
    {
        var crew = new Crew("fr", "French group", "French", "alexandre", ["kbconsulting45", "ghost"]);

        Assert.Equal(CommunityCodes.CrewMemberUnknown, CrewCheck.Check([crew], French).Single().Code);
    }

    [Fact]
    public void Check_MemberOfTwoCrews_IsNotedNotRefused()
    {
        // Seed 001 lists Cappex in the English and the Italian group.
        var ranks = Registry(("cappex", Rank.Ambassador), ("jaime", Rank.Senior), ("hoang", Rank.Ambassador), ("mc", Rank.Senior), ("zaketac", Rank.Ambassador));
        Crew[] crews = [new("en", "English group", "English", "jaime", ["cappex", "hoang"]), new("it", "Italian group", "Italian", "mc", ["zaketac", "cappex"])];

        var d = CrewCheck.Check(crews, ranks).Single();

        Assert.Equal((CommunityCodes.CrewMemberShared, Severity.Info), (d.Code, d.Severity));
        Assert.Equal("cappex is in English group and Italian group.", d.Message);
    }
}
