using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.GitHub;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>
/// Tells members on their own issue what Embassy found (off by default, per program: <c>GitHub:WriteBack</c>).
/// One comment per report listing its diagnostics in plain words, edited in place when they change; and labels for
/// the period and state (<c>2024-12</c>, <c>late</c>, <c>needs-fix</c>, <c>accepted</c>, <c>scored</c>, <c>paid</c>).
/// Nothing is sent when nothing changed since the last write-back.
/// </summary>
public sealed class WriteBack(GitHubClient github)
{
    /// <summary>Hidden marker in the comment, so people and tools can tell it is Embassy's.</summary>
    public const string Marker = "<!-- embassy:report-check -->";

    /// <summary>The state labels Embassy manages; it never touches other labels.</summary>
    public static IReadOnlyList<string> StateLabels { get; } = ["late", "needs-fix", "accepted", "scored", "paid"];

    /// <summary>Brings the report's comment and labels up to date; false when nothing needed sending.</summary>
    public async Task<Result<bool>> UpdateAsync(EmbassyDbContext db, Report report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(report);
        if (report.Presence != ReportPresence.Present)
        {
            return Result<bool>.Ok(false);
        }

        var diagnostics = await db.ReportDiagnostics
            .Where(d => db.ReportVersions.Any(v => v.Id == d.ReportVersionId && v.ReportId == report.Id && v.Number == report.LatestVersion))
            .OrderBy(d => d.Ordinal).ToListAsync(cancellationToken).ConfigureAwait(false);
        var body = CommentBody(report, diagnostics);
        var wanted = Labels(report, diagnostics);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body + "\n--\n" + string.Join('\n', wanted))));
        if (string.Equals(hash, report.WriteBackHash, StringComparison.Ordinal))
        {
            return Result<bool>.Ok(false);
        }

        var repository = RepositoryName.Of(report.Repository);
        Result<GitHubComment>? comment = null;
        if (report.WriteBackCommentId is { } id)
        {
            comment = await github.UpdateCommentAsync(repository, id, body, cancellationToken).ConfigureAwait(false);
            if (!comment.IsSuccess && comment.Errors.Any(e => e.Code == GitHubCodes.NotFound))
            {
                comment = null; // someone deleted it: post a new one
            }
        }

        comment ??= await github.CreateCommentAsync(repository, report.IssueNumber, body, cancellationToken).ConfigureAwait(false);
        if (!comment.IsSuccess)
        {
            return Result<bool>.Fail(comment.Diagnostics);
        }

        report.WriteBackCommentId = comment.Value.Id;
        var current = report.Labels.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var add = wanted.Except(current, StringComparer.Ordinal).ToList();
        if (add.Count > 0)
        {
            var added = await github.AddLabelsAsync(repository, report.IssueNumber, add, cancellationToken).ConfigureAwait(false);
            if (!added.IsSuccess)
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return Result<bool>.Fail(added.Diagnostics);
            }
        }

        foreach (var stale in current.Where(l => IsManaged(l) && !wanted.Contains(l, StringComparer.Ordinal)))
        {
            var removed = await github.RemoveLabelAsync(repository, report.IssueNumber, stale, cancellationToken).ConfigureAwait(false);
            if (!removed.IsSuccess)
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return Result<bool>.Fail(removed.Diagnostics);
            }
        }

        report.Labels = string.Join('\n', current.Where(l => !IsManaged(l)).Concat(wanted).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        report.WriteBackHash = hash;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<bool>.Ok(true);
    }

    /// <summary>The labels a report should carry: its period and its state.</summary>
    public static IReadOnlyList<string> Labels(Report report, IReadOnlyList<ReportDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var labels = new List<string>();
        if (report.Period is { } period)
        {
            labels.Add(period.ToString());
        }

        if (report.ReviewState == "late" || diagnostics.Any(d => d.Code == "REPORT_LATE"))
        {
            labels.Add("late");
        }

        if (diagnostics.Any(d => d.Severity == "error" && d.Code != "REPORT_LATE"))
        {
            labels.Add("needs-fix");
        }

        if (report.ReviewState is "accepted" or "scored" or "paid")
        {
            labels.Add(report.ReviewState);
        }

        return labels;
    }

    /// <summary>The comment: every diagnostic in plain words, problems first.</summary>
    public static string CommentBody(Report report, IReadOnlyList<ReportDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var sb = new StringBuilder();
        sb.AppendLine(Marker);
        var period = report.Period is { } p ? $" for {p}" : string.Empty;
        sb.AppendLine(CultureInfo.InvariantCulture, $"**Embassy checked this report{period}** (version {report.LatestVersion}).");
        sb.AppendLine();
        var errors = diagnostics.Where(d => d.Severity == "error").ToList();
        var notes = diagnostics.Where(d => d.Severity != "error").ToList();
        if (errors.Count == 0 && notes.Count == 0)
        {
            sb.AppendLine("No problems found. Thank you!");
        }

        if (errors.Count > 0)
        {
            sb.AppendLine("Please fix (edit the issue; this comment updates itself):");
            foreach (var d in errors)
            {
                sb.AppendLine(Line(d));
            }

            sb.AppendLine();
        }

        if (notes.Count > 0)
        {
            sb.AppendLine("Worth a look:");
            foreach (var d in notes)
            {
                sb.AppendLine(Line(d));
            }
        }

        return sb.ToString().TrimEnd() + "\n";
    }

    private static string Line(ReportDiagnostic d) =>
        d.LineNumber is { } line and > 0
            ? string.Create(CultureInfo.InvariantCulture, $"- {d.Message} (line {line})")
            : $"- {d.Message}";

    private static bool IsManaged(string label) =>
        StateLabels.Contains(label, StringComparer.Ordinal) || Period.TryParse(label, out _);
}
