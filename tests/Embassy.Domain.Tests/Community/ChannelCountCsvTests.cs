using Embassy.Domain.Community;

namespace Embassy.Domain.Tests.Community;

public class ChannelCountCsvTests
{
    [Fact]
    public void Parse_RecordedCounts_FeedTheCommunityUsersTarget()
    {
        const string csv = "channel,date,members,source\ntelegram,2022-06-30,\"40,000\",group info\ndiscord,2022-06-30,5500,server insights\n";

        var result = ChannelCountCsv.Parse(csv, "counts.csv");

        Assert.True(result.IsSuccess, string.Join("; ", result.Diagnostics));
        Assert.Equal(45_500, CommunityMetrics.CommunityUsers(result.Value, new DateOnly(2022, 6, 30)));
    }

    [Fact]
    public void Parse_BadRows_GiveLineNumberedErrors()
    {
        const string csv = "channel,date,members,source\n,2022-06-30,1,a\ntelegram,30.06.2022,1,a\ntelegram,2022-06-30,-5,a\n";

        var result = ChannelCountCsv.Parse(csv, "counts.csv");

        Assert.Equal([2, 3, 4], result.Errors.Select(e => e.Position!.Value.Line));
        Assert.All(result.Errors, e => Assert.Equal(ChannelCountCsv.Invalid, e.Code));
    }

    [Fact]
    public void Parse_TwoDifferentCountsForOneChannelAndDay_IsAConflict()
    {
        const string csv = "channel,date,members,source\ntelegram,2022-06-30,40000,a\nTelegram,2022-06-30,41000,b\n";

        Assert.Equal(CommunityCodes.MetricsConflict, ChannelCountCsv.Parse(csv).Errors.Single().Code);
    }

    [Fact]
    public void Parse_MissingHeader_IsAnError()
    {
        Assert.Equal(ChannelCountCsv.Invalid, ChannelCountCsv.Parse("channel,members\n").Errors.Single().Code);
    }
}
