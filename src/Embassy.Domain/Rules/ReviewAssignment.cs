namespace Embassy.Domain.Rules;

/// <summary>A report to assign: its id and who filed it (their login and, when linked, the logins of their member record).</summary>
/// <param name="Report">Report id.</param>
/// <param name="Authors">Logins that are the author (case-insensitive); none of them reviews it.</param>
public sealed record AssignableReport(long Report, IReadOnlyList<string> Authors);

/// <summary>
/// Issue #14: each report goes to <see cref="ReviewRule.ReviewersPerReport"/> reviewers, balanced, and never to its author.
/// Greedy by load: reports in id order each take the least-loaded eligible reviewers (ties by a rotation, so the same
/// input always gives the same panels), which keeps any two reviewers' loads within one report of each other when
/// nobody is excluded.
/// </summary>
public static class ReviewAssignment
{
    /// <summary>The reviewers of each report (fewer than asked only when there are not enough eligible reviewers).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="perReport"/> is below 1.</exception>
    public static IReadOnlyDictionary<long, IReadOnlyList<string>> Assign(IReadOnlyList<AssignableReport> reports, IReadOnlyList<string> reviewers, int perReport)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(reviewers);
        ArgumentOutOfRangeException.ThrowIfLessThan(perReport, 1);
        var pool = reviewers.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToArray();
        var load = pool.ToDictionary(r => r, _ => 0, StringComparer.OrdinalIgnoreCase);
        var result = new Dictionary<long, IReadOnlyList<string>>();
        var turn = 0;
        foreach (var report in reports.OrderBy(r => r.Report))
        {
            var authors = report.Authors.ToHashSet(StringComparer.OrdinalIgnoreCase);
            var start = pool.Length == 0 ? 0 : turn % pool.Length;
            var panel = pool.Select((r, i) => (Reviewer: r, Rotation: (i - start + pool.Length) % pool.Length))
                .Where(x => !authors.Contains(x.Reviewer))
                .OrderBy(x => load[x.Reviewer]).ThenBy(x => x.Rotation)
                .Take(perReport).Select(x => x.Reviewer).ToArray();
            foreach (var r in panel)
            {
                load[r]++;
            }

            result[report.Report] = panel;
            turn++;
        }

        return result;
    }
}
