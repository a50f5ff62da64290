using System.Globalization;
using Embassy.Domain.Treasury;

namespace Embassy.Domain.Community;

/// <summary>
/// Reads recorded channel member counts from CSV text with the header <c>channel,date,members,source</c>, e.g.
/// <c>telegram,2022-06-30,40000,group info</c> (RULES.md R10: milestones are tracked from recorded community counts).
/// Never throws on bad text; every problem names its line; the counts are then checked by <see cref="CommunityMetrics.Validate"/>.
/// </summary>
public static class ChannelCountCsv
{
    /// <summary>A row that cannot be read, or a missing header.</summary>
    public const string Invalid = "METRICS_CSV";

    private static readonly string[] Required = ["channel", "date", "members", "source"];

    /// <summary>Parses <paramref name="text"/>.</summary>
    public static Result<IReadOnlyList<ChannelCount>> Parse(string? text, string? sourceName = null)
    {
        var diagnostics = new List<Diagnostic>();
        var counts = new List<ChannelCount>();
        foreach (var row in CsvLines.Rows(text, Required, Invalid, Invalid, sourceName, diagnostics))
        {
            var at = row.At;
            string Field(string name) => row.Field(name);
            var before = diagnostics.Count;
            var channel = Field("channel");
            if (channel.Length == 0)
            {
                diagnostics.Add(Diagnostic.Error(Invalid, "The channel is empty.", at));
            }

            if (!DateOnly.TryParseExact(Field("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                diagnostics.Add(Diagnostic.Error(Invalid, $"'{Field("date")}' is not a date; write YYYY-MM-DD.", at));
            }

            var membersText = Field("members").Replace(",", string.Empty, StringComparison.Ordinal);
            if (!long.TryParse(membersText, NumberStyles.None, CultureInfo.InvariantCulture, out var members))
            {
                diagnostics.Add(Diagnostic.Error(Invalid, $"'{Field("members")}' is not a count; write a whole number such as 40000.", at));
            }

            if (diagnostics.Count == before)
            {
                counts.Add(new ChannelCount(channel, date, members, Field("source")));
            }
        }

        if (diagnostics.Count == 0)
        {
            diagnostics.AddRange(CommunityMetrics.Validate(counts));
        }

        return Result<IReadOnlyList<ChannelCount>>.From(counts, diagnostics);
    }
}
