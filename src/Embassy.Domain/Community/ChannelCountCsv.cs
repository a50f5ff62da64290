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
        var lines = (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var diagnostics = new List<Diagnostic>();
        var counts = new List<ChannelCount>();
        Dictionary<string, int>? columns = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = i == 0 ? lines[i].TrimStart('\uFEFF') : lines[i];
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var at = new SourcePosition(i + 1, 0, sourceName);
            if (!CsvLines.TrySplit(line, out var fields))
            {
                diagnostics.Add(Diagnostic.Error(Invalid, "A quoted field is not closed on this line.", at));
                continue;
            }

            if (columns is null)
            {
                columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                for (var c = 0; c < fields.Count; c++)
                {
                    columns.TryAdd(fields[c].Trim(), c);
                }

                var missing = Required.Where(r => !columns.ContainsKey(r)).ToArray();
                if (missing.Length > 0)
                {
                    diagnostics.Add(Diagnostic.Error(Invalid, $"The header lacks {string.Join(", ", missing)}; expected channel,date,members,source.", at));
                    break;
                }

                continue;
            }

            string Field(string name) => columns[name] < fields.Count ? fields[columns[name]].Trim() : string.Empty;
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

        if (columns is null && diagnostics.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(Invalid, "The file is empty; expected the header channel,date,members,source.", new SourcePosition(1, 0, sourceName)));
        }

        if (diagnostics.Count == 0)
        {
            diagnostics.AddRange(CommunityMetrics.Validate(counts));
        }

        return Result<IReadOnlyList<ChannelCount>>.From(counts, diagnostics);
    }
}
