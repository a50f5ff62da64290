using System.Globalization;
using Embassy.Application;
using Embassy.Domain;
using Embassy.Web.Rendering;
using Embassy.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Review;

/// <summary>One report beside its parsed fields, with the scoring form and next/previous.</summary>
public sealed class ReviewReportModel(ReviewQueue queue) : PageModel
{
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
        return true;
    }
}
