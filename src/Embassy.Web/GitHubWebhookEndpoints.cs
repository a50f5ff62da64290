using System.Text;
using Embassy.Application;
using Embassy.GitHub;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Embassy.Web;

/// <summary>What the webhook endpoint answers.</summary>
/// <param name="Status"><c>queued</c> or <c>duplicate</c>.</param>
/// <param name="Delivery">The X-GitHub-Delivery id.</param>
public sealed record WebhookAnswer(string Status, string Delivery);

/// <summary><c>POST /github/webhook</c>: verify, queue durably, answer at once; the queue worker does the rest.</summary>
public static class GitHubWebhookEndpoints
{
    /// <summary>GitHub caps payloads at 25 MB.</summary>
    private const int MaxPayloadBytes = 25 * 1024 * 1024;

    /// <summary>Maps the webhook endpoint.</summary>
    public static IEndpointRouteBuilder MapGitHubWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/github/webhook", ReceiveAsync).DisableAntiforgery();
        return app;
    }

    internal static async Task<Results<Accepted<WebhookAnswer>, Ok<WebhookAnswer>, UnauthorizedHttpResult, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, GitHubOptions options, WebhookInbox inbox, WebhookQueueSignal signal, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxPayloadBytes)
        {
            return TypedResults.Problem("The payload is larger than GitHub sends.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var body = buffer.ToArray();

        // HMAC-SHA256 with the configured secret, compared in constant time; no secret configured means nothing is accepted.
        if (!WebhookSignature.IsValid(options.WebhookSecret, body, request.Headers[WebhookSignature.Header].ToString()))
        {
            return TypedResults.Unauthorized();
        }

        var delivery = request.Headers["X-GitHub-Delivery"].ToString();
        var eventName = request.Headers["X-GitHub-Event"].ToString();
        if (delivery.Length is 0 or > 100 || eventName.Length is 0 or > 100)
        {
            return TypedResults.Problem("X-GitHub-Delivery and X-GitHub-Event are required.", statusCode: StatusCodes.Status400BadRequest);
        }

        string payload;
        try
        {
            payload = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return TypedResults.Problem("The payload is not UTF-8 JSON.", statusCode: StatusCodes.Status400BadRequest);
        }

        var receipt = await inbox.ReceiveAsync(delivery, eventName, payload, cancellationToken).ConfigureAwait(false);
        if (receipt == WebhookReceipt.Duplicate)
        {
            return TypedResults.Ok(new WebhookAnswer("duplicate", delivery));
        }

        signal.Notify();
        return TypedResults.Accepted((string?)null, new WebhookAnswer("queued", delivery));
    }
}
