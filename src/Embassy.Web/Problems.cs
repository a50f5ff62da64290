using Embassy.Application;
using Embassy.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Embassy.Web;

/// <summary>Maps the one error model (<see cref="Diagnostic"/>) to ProblemDetails: the first error's code decides the status.</summary>
public static class Problems
{
    /// <summary>The HTTP status of a diagnostic code.</summary>
    public static int StatusOf(string code) => code switch
    {
        WorkflowCodes.NotFound => StatusCodes.Status404NotFound,
        WorkflowCodes.MonthAlreadyClosed or WorkflowCodes.MonthAlreadyPaid or WorkflowCodes.MonthClosed
            or WorkflowCodes.MonthNotLocked or WorkflowCodes.MonthNotApproved or WorkflowCodes.HandleTaken => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    /// <summary>A ProblemDetails result for failed diagnostics: <c>code</c> and every error under <c>errors</c>.</summary>
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
                WorkflowCodes.NotFound => "Not found",
                _ => "The request cannot be carried out",
            },
            Detail = string.Join(" ", errors.Select(e => e.Message)),
            Type = "https://embassy.invalid/problems/" + first.Code.ToLowerInvariant().Replace('_', '-'),
        };
        problem.Extensions["code"] = first.Code;
        problem.Extensions["errors"] = errors.Select(e => new { code = e.Code, message = e.Message }).ToArray();
        return TypedResults.Problem(problem);
    }

    /// <summary>A 404 ProblemDetails.</summary>
    public static ProblemHttpResult NotFound(string what) => From([Diagnostic.Error(WorkflowCodes.NotFound, what)]);
}
