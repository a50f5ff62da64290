using System.Globalization;
using Embassy.Application;
using Embassy.Domain;
using Embassy.Web.Rendering;
using Embassy.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Review;

/// <summary>One report beside its parsed fields, with the scoring form and next/previous.</summary>
public sealed class ReviewReportModel(ReviewQueue queue, Appeals appeals, EvidenceChecks evidence, ReportFreezes freezes) : PageModel
{
    /// <summary>R7: the text frozen at the deadline, with its hash and the versions edited after it; null before the deadline.</summary>
    public FreezeView? Freeze { get; private set; }

    /// <summary>R7: a reviewer accepts a version edited after the deadline, so the month scores it (the hash is the one the page showed).</summary>
    public async Task<IActionResult> OnPostAcceptAsync(long id, int version, string? hash, string? reason, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var accepted = await freezes.AcceptAsync(id, version, hash, User.Actor(), reason, cancellationToken);
        if (accepted.IsSuccess)
        {
            return Redirect($"/review/{id}?saved=true");
        }

        Errors = accepted.Errors.ToArray();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>R7: a reviewer withdraws the accepted later version, so the month scores the deadline's version again.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(long id, string? reason, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var withdrawn = await freezes.WithdrawAsync(id, User.Actor(), reason, cancellationToken);
        if (withdrawn.IsSuccess)
        {
            return Redirect($"/review/{id}?saved=true");
        }

        Errors = withdrawn.Errors.ToArray();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>Issue #14: what the evidence check found (the same link elsewhere, X posts outside the month, repeated paragraphs).</summary>
    public IReadOnlyList<ReportEvidenceFinding> Evidence { get; private set; } = [];

    /// <summary>Issue #14: the member's appeals of this report's scores.</summary>
    public IReadOnlyList<AppealView> Appeals { get; private set; } = [];

    /// <summary>A reviewer who did not score the report decides an appeal: upheld, or changed with a new score.</summary>
    public async Task<IActionResult> OnPostDecideAsync(long id, long appeal, string? decision, string? reason, string? effort, string? result, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        decimal? e = decimal.TryParse(effort, NumberStyles.Number, CultureInfo.InvariantCulture, out var ev) ? ev : null;
        decimal? r = decimal.TryParse(result, NumberStyles.Number, CultureInfo.InvariantCulture, out var rv) ? rv : null;
        var decided = Appeals.Any(a => a.Id == appeal)
            ? await appeals.DecideAsync(appeal, User.Actor(), decision ?? string.Empty, reason, e, r, cancellationToken)
            : Result<string>.Fail(WorkflowCodes.NotFound, $"Report {id} has no appeal {appeal}.");
        if (decided.IsSuccess)
        {
            return Redirect($"/review/{id}?saved=true");
        }

        Errors = decided.Errors.ToArray();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public ReviewDetail? Detail { get; private set; }

    public string RenderedBody { get; private set; } = string.Empty;

    public IReadOnlyList<Diagnostic> Errors { get; private set; } = [];

    public bool Saved { get; private set; }

    /// <summary>The values of a refused form, shown again as typed (issue #14: nothing typed is lost on an error).</summary>
    public IReadOnlyDictionary<string, string> Posted { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(long id, bool saved, CancellationToken cancellationToken)
    {
        Saved = saved;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(long id, string? then, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var entries = new List<ScoreEntry>();
        var errors = new List<Diagnostic>();
        foreach (var dept in Detail!.Offered)
        {
            var effort = Request.Form["effort_" + dept.Code].ToString();
            var result = Request.Form["result_" + dept.Code].ToString();
            if (decimal.TryParse(effort, NumberStyles.Number, CultureInfo.InvariantCulture, out var e)
                && decimal.TryParse(result, NumberStyles.Number, CultureInfo.InvariantCulture, out var r))
            {
                entries.Add(new ScoreEntry(dept.Code, e, r));
            }
            else
            {
                errors.Add(Diagnostic.Error(WorkflowCodes.ScoreOutOfRange, $"{dept.Code}: effort and results must be numbers."));
            }
        }

        if (errors.Count == 0)
        {
            var saved = await queue.ScoreAsync(id, User.Actor(), entries, Request.Form["note"].ToString(), cancellationToken);
            if (saved.IsSuccess)
            {
                return then == "next" && Detail.NextId is { } next ? Redirect($"/review/{next}") : Redirect($"/review/{id}?saved=true");
            }

            errors.AddRange(saved.Errors);
        }

        Errors = errors;
        Posted = Request.Form.Where(f => f.Key.StartsWith("effort_", StringComparison.Ordinal) || f.Key.StartsWith("result_", StringComparison.Ordinal) || f.Key == "note")
            .ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        Detail = await queue.DetailAsync(id, User.Actor(), cancellationToken);
        if (Detail is null)
        {
            return false;
        }

        RenderedBody = SafeMarkdown.ToHtml(Detail.Body);
        Freeze = await freezes.ForReportAsync(id, cancellationToken);
        Appeals = await appeals.ForReportAsync(id, cancellationToken);
        Evidence = await evidence.ForReportAsync(id, cancellationToken);
        return true;
    }
}
