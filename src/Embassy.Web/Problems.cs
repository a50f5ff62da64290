using Embassy.Application;
using Embassy.Domain;
using Embassy.Domain.Closing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Embassy.Web;

/// <summary>A diagnostic as the API writes it: code, severity, message and, for parsed text, where (line 0 when unknown).</summary>
/// <param name="Code">The stable code, e.g. <c>PRICE_INVALID</c>.</param>
/// <param name="Severity">error, warning or info.</param>
/// <param name="Message">A sentence for the person who can fix it.</param>
/// <param name="Line">The 1-based line in the text sent, when the problem has one.</param>
/// <param name="At">The position as "file:line", when the problem has one.</param>
public sealed record DiagnosticDto(string Code, string Severity, string Message, int? Line = null, string? At = null)
{
    /// <summary>The API form of <paramref name="d"/>.</summary>
    public static DiagnosticDto Of(Diagnostic d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var severity = d.Severity switch { Domain.Severity.Error => "error", Domain.Severity.Warning => "warning", _ => "info" };
        return d.Position is { Line: > 0 } p ? new(d.Code, severity, d.Message, p.Line, p.ToString()) : new(d.Code, severity, d.Message);
    }
}

/// <summary>Maps the one error model (<see cref="Diagnostic"/>) to ProblemDetails: the first error's code decides the status.</summary>
public static class Problems
{
    /// <summary>The HTTP status of a diagnostic code.</summary>
    public static int StatusOf(string code) => code switch
    {
        WorkflowCodes.NotFound => StatusCodes.Status404NotFound,
        AccessCodes.ScoreOwnReport => StatusCodes.Status403Forbidden,
        AddressProofs.ChallengeInvalid => StatusCodes.Status409Conflict,
        WorkflowCodes.MonthAlreadyClosed or WorkflowCodes.MonthAlreadyPaid or WorkflowCodes.MonthClosed
            or WorkflowCodes.MonthNotLocked or WorkflowCodes.MonthNotApproved or WorkflowCodes.HandleTaken => StatusCodes.Status409Conflict,

        // A lost race or a step the month's state does not allow: 409 with what was found, never 500.
        ClosingCodes.MonthChanged or ClosingCodes.BatchAlreadyRecorded or ClosingCodes.BatchNotRecorded or ClosingCodes.HashReused
            or MonthCloseWorkflow.SyncRunning => StatusCodes.Status409Conflict,
        TreasuryStore.ProposalMissing => StatusCodes.Status404NotFound,
        TreasuryStore.BountyNotReady or TreasuryStore.BountyCapDrawnOnce or Embassy.Domain.Community.CommunityCodes.ApplicationAlreadyDecided => StatusCodes.Status409Conflict,
        ProgramApiEndpoints.BodyTooLarge => StatusCodes.Status413PayloadTooLarge,

        // A 4xx GitHub's delivery log shows as failed, so a delivery refused is never taken for one stored.
        GitHubWebhookEndpoints.HeadersMissing or GitHubWebhookEndpoints.BodyUnreadable or GitHubWebhookEndpoints.PayloadInvalid => StatusCodes.Status400BadRequest,
        ProgramApiEndpoints.MediaTypeUnsupported => StatusCodes.Status415UnsupportedMediaType,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    /// <summary>A ProblemDetails result for failed diagnostics: <c>code</c> and every error under <c>errors</c> (with its line, for parsed text).</summary>
    public static ProblemHttpResult From(IEnumerable<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.IsError).ToArray();
        var first = errors.FirstOrDefault() ?? Diagnostic.Error("UNKNOWN", "The request failed.");
        var status = StatusOf(first.Code);
        var problem = new ProblemDetails
        {
            Status = status,
            Title = first.Code switch
            {
                WorkflowCodes.MonthAlreadyClosed => "The month is already closed",
                WorkflowCodes.MonthAlreadyPaid => "The month is already paid",
                ClosingCodes.MonthChanged => "Another request changed the month first",
                WorkflowCodes.NotFound => "Not found",
                _ => "The request cannot be carried out",
            },
            Detail = string.Join(" ", errors.Select(e => e.Message)),
            Type = "https://embassy.invalid/problems/" + first.Code.ToLowerInvariant().Replace('_', '-'),
        };
        problem.Extensions["code"] = first.Code;
        problem.Extensions["errors"] = errors.Select(DiagnosticDto.Of).ToArray();
        return TypedResults.Problem(problem);
    }

    /// <summary>A 404 ProblemDetails.</summary>
    public static ProblemHttpResult NotFound(string what) => From([Diagnostic.Error(WorkflowCodes.NotFound, what)]);

    /// <summary>404 for a route's month that is not YYYY-MM.</summary>
    public static ProblemHttpResult NotAMonth(string period) => NotFound($"'{period}' is not a month (YYYY-MM).");
}
