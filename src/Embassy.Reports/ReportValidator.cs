using System.Globalization;
using Embassy.Domain;
using Embassy.Domain.Rules;

namespace Embassy.Reports;

/// <summary>
/// The checks that depend on the policy in force (RULES.md R3, R7, R9): deadline, period against filing date,
/// departments chosen, payout address for the policy's rail, suggested scores against their maxima, evidence.
/// Pure: the same report, issue and policy always give the same diagnostics.
/// </summary>
public static class ReportValidator
{
    /// <summary>The report with the policy's diagnostics added and <see cref="ParsedReport.Late"/> set.</summary>
    public static ParsedReport Validate(ParsedReport report, IssueSnapshot issue, Policy policy)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(policy);
        var d = new List<Diagnostic>(report.Diagnostics);
        var late = false;
        if (report.Period is { Year: > 1 and < 9999 } period && issue.CreatedAt.Year is > 1 and < 9999)
        {
            late = CheckDeadline(period, issue.CreatedAt, policy, d);
            CheckFiling(period, issue.CreatedAt, d);
        }

        if (report.Rank is { } rank && policy.Ranks.Count > 0 && policy.RankIndex(rank) < 0)
        {
            // R2: "advocate" exists in V.3 only; a rank the policy does not know cannot be scored or promoted.
            d.Add(Diagnostic.Warning(ReportCodes.RankUnknown, $"{policy.Version} has no rank '{rank}'; its ranks are {string.Join(", ", policy.Ranks.Select(r => r.Rank.Code))}.", null));
        }

        CheckDepartments(report, policy, d);
        WalletRules.Check(report, policy, d);
        CheckScores(report, policy, d);
        CheckEvidence(report, d);
        return report with { Diagnostics = d, Late = late };
    }

    /// <summary>R7: the end of day <c>Deadline.Day</c> of the month after <paramref name="period"/>, in the policy's time zone.</summary>
    public static DateTimeOffset DeadlineOf(Period period, Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Deadline.EndOf(period);
    }

    private static bool CheckDeadline(Period period, DateTimeOffset filed, Policy policy, List<Diagnostic> d)
    {
        if (!policy.Deadline.IsLate(period, filed))
        {
            return false;
        }

        d.Add(Diagnostic.Error(
            ReportCodes.Late,
            string.Create(CultureInfo.InvariantCulture, $"Filed on {filed.UtcDateTime:yyyy-MM-dd HH:mm} UTC, after the deadline for {period} (end of day {policy.Deadline.Day} of the next month, {policy.Deadline.TimeZone}): the report is late and is not scored unless an admin accepts it."),
            new SourcePosition(1, Source: "title")));
        return true;
    }

    private static void CheckFiling(Period period, DateTimeOffset filed, List<Diagnostic> d)
    {
        if (d.Any(x => x.Code == ReportCodes.PeriodContradictsFiling))
        {
            return;
        }

        var lag = Period.Of(filed).MonthsSince(period);
        if (lag is > 1 or < 0)
        {
            d.Add(Diagnostic.Warning(
                ReportCodes.PeriodFarFromFiling,
                string.Create(CultureInfo.InvariantCulture, $"The report is for {period} but was filed on {filed.UtcDateTime:yyyy-MM-dd}; a reviewer will check the month."),
                new SourcePosition(1, Source: "title")));
        }
    }

    private static void CheckDepartments(ParsedReport report, Policy policy, List<Diagnostic> d)
    {
        if (report.Departments.Count == 0 && report.Supplementary.Count == 0)
        {
            d.Add(Diagnostic.Warning(ReportCodes.DepartmentsMissing, "No departments found: add a line such as \"Departments: CM/CC\" and a section for each.", null));
            return;
        }

        var selectable = 0;
        foreach (var code in report.Departments)
        {
            var dept = policy.FindDepartment(code);
            if (dept is null && policy.FindSupplementary(code) is null)
            {
                var known = string.Join(", ", policy.Departments.Where(x => x.Kind == DepartmentKind.Selectable).Select(x => x.Code));
                d.Add(Diagnostic.Warning(ReportCodes.DepartmentUnknown, $"{policy.Version} has no department {code}; choose from {known}.", null));
            }
            else if (dept is { Kind: DepartmentKind.Selectable })
            {
                selectable++;
            }
        }

        var choice = policy.Choice;
        if (choice.Max > 0 && selectable > choice.Max)
        {
            d.Add(Diagnostic.Error(ReportCodes.DepartmentCount, $"{selectable} departments chosen; {policy.Version} allows at most {choice.Max}.", null));
        }
        else if (choice.Min > 0 && selectable < choice.Min)
        {
            d.Add(Diagnostic.Warning(ReportCodes.DepartmentCount, $"{selectable} department(s) chosen; {policy.Version} asks for at least {choice.Min}.", null));
        }

        var tasks = report.Supplementary.Count(c => policy.FindSupplementary(c) is not null && policy.FindDepartment(c) is null);
        if (policy.Supplementary.MaxTasks > 0 && tasks > policy.Supplementary.MaxTasks)
        {
            d.Add(Diagnostic.Warning(ReportCodes.SupplementaryCount, $"{tasks} supplementary tasks claimed; {policy.Version} counts at most {policy.Supplementary.MaxTasks} a month.", null));
        }
    }

    private static void CheckScores(ParsedReport report, Policy policy, List<Diagnostic> d)
    {
        foreach (var (code, s) in report.SuggestedScores)
        {
            var where = new SourcePosition(s.Line);
            if (s.Score > s.Max)
            {
                d.Add(Diagnostic.Error(ReportCodes.ScoreAboveMax, $"{code} {s.Score}/{s.Max}: the suggested score is above its maximum.", where));
                continue;
            }

            var policyMax = policy.FindDepartment(code)?.Max ?? policy.FindSupplementary(code)?.Max;
            if (policyMax is { } pm && pm > Points.Zero)
            {
                if (s.Score > pm)
                {
                    d.Add(Diagnostic.Error(ReportCodes.ScoreAboveMax, $"{code} {s.Score}: {policy.Version} scores {code} out of {pm}.", where));
                }
                else if (s.Max != pm)
                {
                    d.Add(Diagnostic.Info(ReportCodes.ScoreMaxMismatch, $"{code} is written out of {s.Max}; {policy.Version} scores it out of {pm}.", where));
                }
            }
        }
    }

    private static void CheckEvidence(ParsedReport report, List<Diagnostic> d)
    {
        var linkLines = report.Evidence.Select(e => e.Line).Order().ToArray();
        foreach (var code in report.Departments.Concat(report.Supplementary))
        {
            var sections = report.Sections.Where(s => s.Departments.Contains(code)).ToArray();
            var hasLink = report.Evidence.Any(e => e.Department == code) || sections.Any(s => AnyBetween(linkLines, s.StartLine, s.EndLine));
            if (!hasLink)
            {
                var where = sections.Length > 0 ? new SourcePosition(sections[0].StartLine) : (SourcePosition?)null;
                d.Add(Diagnostic.Warning(
                    ReportCodes.DepartmentNoEvidence,
                    sections.Length > 0
                        ? $"The {code} section has no link: add links to your work (posts, articles, screenshots)."
                        : $"{code} is declared but has no section with links to your work.",
                    where));
            }
        }
    }

    private static bool AnyBetween(int[] sorted, int from, int to)
    {
        var i = Array.BinarySearch(sorted, from);
        if (i < 0)
        {
            i = ~i;
        }

        return i < sorted.Length && sorted[i] <= to;
    }
}
