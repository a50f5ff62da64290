using System.Globalization;
using Embassy.Application;
using Embassy.Domain;
using Embassy.Domain.Community;
using Embassy.Web.Rendering;
using Embassy.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Review;

/// <summary>
/// One application: the applicant's text rendered inert, the reviewers' criterion scores, scoring (reviewers) and the
/// decision (admins: accepting adds a member, R2).
/// </summary>
public sealed class ReviewApplicationModel(MembershipApplications applications, MemberAdmin members) : PageModel
{
    public ApplicationDetail? Detail { get; private set; }

    public string RenderedStatement { get; private set; } = string.Empty;

    public IReadOnlyList<Diagnostic> Errors { get; private set; } = [];

    public string? Saved { get; private set; }

    /// <summary>Ranks an applicant may start at: the policy's, without the appointed ones (R8).</summary>
    public IReadOnlyList<string> StartingRanks => members.CurrentPolicy.Ranks.Where(r => !r.Appointed).Select(r => r.Rank.Code).ToArray();

    /// <summary>What the signed-in reviewer entered, kept on an error.</summary>
    public IReadOnlyDictionary<string, string> Entered { get; private set; } = new Dictionary<string, string>();

    /// <summary>The codes shown as columns: the application's criteria, then any other a stored review holds.</summary>
    public IReadOnlyList<string> Columns => Detail is null ? [] : Detail.Criteria.CodesWith(Detail.Reviews.Select(r => r.Scores));

    public string? Note { get; private set; }

    public string? DecisionReason { get; private set; }

    public string? DecisionRank { get; private set; }

    public string? LastDecision { get; private set; }

    public bool CanDecide => User.Role() == Roles.Admin;

    public async Task<IActionResult> OnGetAsync(long id, string? saved, CancellationToken cancellationToken)
    {
        Saved = saved;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostScoreAsync(long id, string? note, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var scores = new Dictionary<string, Points>(StringComparer.OrdinalIgnoreCase);
        var entered = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var errors = new List<Diagnostic>();
        var scale = Detail!.Criteria.Scale;
        foreach (var c in Detail.Criteria.Criteria)
        {
            var text = Request.Form["score_" + c.Code].ToString();
            entered[c.Code] = text;
            if (Points.TryParse(text, out var p))
            {
                scores[c.Code] = p;
            }
            else
            {
                errors.Add(Diagnostic.Error(CommunityCodes.ApplicationScoreInvalid, $"{c.Name}: enter a number from 0 to {scale.Max}."));
            }
        }

        if (errors.Count == 0)
        {
            var result = await applications.ScoreAsync(id, User.Actor(), scores, note, cancellationToken);
            if (result.IsSuccess)
            {
                return Redirect($"/review/applications/{id.ToString(CultureInfo.InvariantCulture)}?saved=scores");
            }

            errors.AddRange(result.Errors);
        }

        Entered = entered;
        Note = note;
        return Refused(errors);
    }

    public async Task<IActionResult> OnPostDecideAsync(long id, string? decision, string? rank, string? reason, CancellationToken cancellationToken)
    {
        // Accepting adds a member to the registry: an admin's decision, like adding a member by hand.
        if (!CanDecide)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var result = await applications.DecideAsync(id, decision == "accept", rank, reason, User.Actor(), cancellationToken);
        if (result.IsSuccess)
        {
            return Redirect($"/review/applications/{id.ToString(CultureInfo.InvariantCulture)}?saved=decision");
        }

        DecisionReason = reason;
        DecisionRank = rank;
        LastDecision = decision;
        return Refused(result.Errors.ToArray());
    }

    private PageResult Refused(IReadOnlyList<Diagnostic> errors)
    {
        Errors = errors;
        Response.StatusCode = Problems.StatusOf(errors[0].Code);
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        Detail = await applications.FindAsync(id, cancellationToken);
        if (Detail is null)
        {
            return false;
        }

        // The applicant's text is untrusted: Markdown without raw HTML, only http(s) links (as report bodies).
        RenderedStatement = SafeMarkdown.ToHtml(Detail.Application.Statement);
        var mine = Detail.Reviews.FirstOrDefault(r => string.Equals(r.Reviewer, User.Actor(), StringComparison.OrdinalIgnoreCase));
        Entered = Detail.Criteria.Criteria.ToDictionary(
            c => c.Code,
            c => mine?.Scores.TryGetValue(c.Code, out var p) == true ? p.Value.ToString("0.##", CultureInfo.InvariantCulture) : string.Empty,
            StringComparer.OrdinalIgnoreCase);
        Note = mine?.Note;
        return true;
    }
}
