namespace Embassy.Domain.Rules;

/// <summary>A stored version of a report: its number and when GitHub says the issue was last updated at that version.</summary>
public sealed record VersionStamp(int Number, DateTimeOffset IssueUpdatedAt);

/// <summary>One line of a line diff: kept, removed (only in the old text) or added (only in the new one).</summary>
public sealed record DiffLine(char Kind, string Text)
{
    public const char Kept = ' ';
    public const char Removed = '-';
    public const char Added = '+';
}

/// <summary>
/// RULES.md R7: at the report deadline a report's text and link list are frozen, and edits after it are versions a
/// reviewer may accept. The version at the deadline is the one scored unless a reviewer accepted a later one.
/// </summary>
public static class ReportFreeze
{
    /// <summary>
    /// R7: the version at the deadline: the latest one GitHub last updated no later than the deadline — or, for a
    /// report filed after it (late), no later than its filing —, else the first version Embassy saw.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="versions"/> is empty.</exception>
    public static int DeadlineVersion(IReadOnlyList<VersionStamp> versions, DateTimeOffset deadline, DateTimeOffset filedAt)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentOutOfRangeException.ThrowIfZero(versions.Count, nameof(versions));
        var cut = filedAt > deadline ? filedAt : deadline;
        var frozen = versions.Where(v => v.IssueUpdatedAt <= cut).Select(v => (int?)v.Number).Max();
        return frozen ?? versions.Min(v => v.Number);
    }

    /// <summary>
    /// R7: the version a month scores: the accepted later version when a reviewer accepted one, else the frozen one; a
    /// report not frozen yet (before its deadline) is scored as it stands, its latest version.
    /// </summary>
    public static int Scored(int latest, int? frozen, int? accepted) => accepted ?? frozen ?? latest;

    /// <summary>
    /// R7: a reviewer may accept only a version later than the frozen one, that exists, and is not the one already scored.
    /// </summary>
    public static bool CanAccept(int version, int latest, int frozen, int? accepted) =>
        version > frozen && version <= latest && version != (accepted ?? frozen);

    /// <summary>The most lines × lines a diff compares; beyond it <see cref="Diff"/> returns null and the page shows the later text whole.</summary>
    public const long MaxDiffCells = 4_000_000;

    /// <summary>
    /// A line diff of <paramref name="before"/> and <paramref name="after"/> (longest common subsequence), or null when the
    /// texts are too long to compare within <see cref="MaxDiffCells"/>.
    /// </summary>
    public static IReadOnlyList<DiffLine>? Diff(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var a = Lines(before);
        var b = Lines(after);
        if ((long)(a.Length + 1) * (b.Length + 1) > MaxDiffCells)
        {
            return null;
        }

        // lcs[i, j]: the common lines of a[i..] and b[j..].
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = string.Equals(a[i], b[j], StringComparison.Ordinal) ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var diff = new List<DiffLine>(a.Length + b.Length);
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (string.Equals(a[x], b[y], StringComparison.Ordinal))
            {
                diff.Add(new DiffLine(DiffLine.Kept, a[x++]));
                y++;
            }
            else if (lcs[x + 1, y] >= lcs[x, y + 1])
            {
                diff.Add(new DiffLine(DiffLine.Removed, a[x++]));
            }
            else
            {
                diff.Add(new DiffLine(DiffLine.Added, b[y++]));
            }
        }

        diff.AddRange(a.Skip(x).Select(l => new DiffLine(DiffLine.Removed, l)));
        diff.AddRange(b.Skip(y).Select(l => new DiffLine(DiffLine.Added, l)));
        return diff;
    }

    private static string[] Lines(string text) => text.Length == 0 ? [] : text.ReplaceLineEndings("\n").Split('\n');
}
