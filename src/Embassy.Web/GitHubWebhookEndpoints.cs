using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Embassy.Application;
using Embassy.Domain;
using Embassy.GitHub;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace Embassy.Web;

/// <summary>What the webhook endpoint answers.</summary>
/// <param name="Status"><c>queued</c>, <c>duplicate</c> or <c>ignored</c> (an event Embassy does not read).</param>
/// <param name="Delivery">The X-GitHub-Delivery id.</param>
public sealed record WebhookAnswer(string Status, string Delivery);

/// <summary>
/// <c>POST /github/webhook</c>: verify, queue durably, answer at once; the queue worker does the rest. Both content
/// types GitHub offers are read: <c>application/json</c> and <c>application/x-www-form-urlencoded</c> (GitHub's
/// default, <c>payload=&lt;urlencoded JSON&gt;</c>); the signature is over the body as sent, in either case.
/// </summary>
public static class GitHubWebhookEndpoints
{
    private const string Json = "application/json";
    private const string Form = "application/x-www-form-urlencoded";

    /// <summary>Diagnostic code: a delivery without GitHub's delivery id or event header (400).</summary>
    public const string HeadersMissing = "WEBHOOK_HEADERS_MISSING";

    /// <summary>Diagnostic code: the body could not be read to its end (400).</summary>
    public const string BodyUnreadable = "WEBHOOK_BODY_UNREADABLE";

    /// <summary>Diagnostic code: a signed body that is not GitHub's payload (not JSON, not an object, a form without it) (400).</summary>
    public const string PayloadInvalid = "WEBHOOK_PAYLOAD_INVALID";

    /// <summary>The events whose payload Embassy reads; any other is checked and answered, never held.</summary>
    private static readonly string[] ReadEvents = ["issues", "issue_comment", "ping", "repository"];

    /// <summary>Maps the webhook endpoint.</summary>
    public static IEndpointRouteBuilder MapGitHubWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/github/webhook", ReceiveAsync).DisableAntiforgery();
        return app;
    }

    internal static async Task<Results<Accepted<WebhookAnswer>, Ok<WebhookAnswer>, UnauthorizedHttpResult, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, GitHubOptions options, WebhookInbox inbox, WebhookQueueSignal signal, CancellationToken cancellationToken)
    {
        var mediaType = MediaType(request.ContentType);
        if (mediaType is not (Json or Form))
        {
            return Problems.From([Diagnostic.Error(
                ProgramApiEndpoints.MediaTypeUnsupported,
                $"Content type '{request.ContentType}' is not one GitHub sends; choose application/json (or the default, application/x-www-form-urlencoded).")]);
        }

        // No secret, or no well-formed signature: refused before a byte of the body is read.
        using var check = WebhookSignature.Begin(options.WebhookSecret, request.Headers[WebhookSignature.Header].ToString());
        if (check is null)
        {
            return TypedResults.Unauthorized();
        }

        var delivery = request.Headers["X-GitHub-Delivery"].ToString();
        var eventName = request.Headers["X-GitHub-Event"].ToString();
        if (delivery.Length is 0 or > 100 || eventName.Length is 0 or > 100)
        {
            return Problems.From([Diagnostic.Error(HeadersMissing, "X-GitHub-Delivery and X-GitHub-Event are required.")]);
        }

        var cap = options.WebhookMaxBytes;
        if (request.ContentLength > cap)
        {
            return TooLarge(cap);
        }

        // Our cap governs, not the server's default (Kestrel's 30 MB limit throws mid-read, which was a 500).
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = cap + 1L;
        }

        // The body is hashed as it streams; only the events Embassy reads are kept, and never beyond the cap. Until the
        // signature is known good the body is spooled past 64 KiB to a temporary file, so badly signed bodies are not
        // held in memory: 24 concurrent forged 24 MB posts raised the server from 173 MB to 1.3 GB when they were.
        var keep = ReadEvents.Contains(eventName, StringComparer.Ordinal);
        await using var buffer = keep ? new FileBufferingWriteStream(SpoolThreshold) : null;
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long total = 0;
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > cap)
                {
                    return TooLarge(cap);
                }

                check.Append(chunk.AsSpan(0, read));
                if (buffer is not null)
                {
                    await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (BadHttpRequestException e)
        {
            return e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? TooLarge(cap)
                : Problems.From([Diagnostic.Error(BodyUnreadable, "The request body could not be read.")]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        // HMAC-SHA256 with the configured secret, compared in constant time.
        if (!check.IsValid())
        {
            return TypedResults.Unauthorized();
        }

        if (buffer is null)
        {
            return TypedResults.Accepted((string?)null, new WebhookAnswer("ignored", delivery));
        }

        // Signed by GitHub: now the body is read whole.
        using var body = new MemoryStream();
        await buffer.DrainBufferAsync(body, cancellationToken).ConfigureAwait(false);
        var payload = Payload(mediaType, body.GetBuffer().AsSpan(0, (int)body.Length));
        if (!payload.IsSuccess)
        {
            // A 4xx, so GitHub's delivery log shows the delivery as failed rather than as a success that was lost.
            return Problems.From(payload.Errors);
        }

        var receipt = await inbox.ReceiveAsync(delivery, eventName, payload.Value, cancellationToken).ConfigureAwait(false);
        if (receipt == WebhookReceipt.Duplicate)
        {
            EmbassyMetrics.WebhookDelivery("duplicate");
            return TypedResults.Ok(new WebhookAnswer("duplicate", delivery));
        }

        EmbassyMetrics.WebhookDelivery("accepted");
        signal.Notify();
        return TypedResults.Accepted((string?)null, new WebhookAnswer("queued", delivery));
    }

    /// <summary>
    /// The JSON text of a delivery: the body itself, or the <c>payload</c> field of a form. Invalid UTF-8 and half
    /// emojis read as U+FFFD (the inbox notes it); text that is not a JSON object is an error.
    /// </summary>
    internal static Result<string> Payload(string mediaType, ReadOnlySpan<byte> body)
    {
        string json;
        if (mediaType == Form)
        {
            // GitHub's form: payload=<urlencoded JSON>. Percent-escapes decode as UTF-8, '+' as a space.
            string? field = null;
            foreach (var pair in Encoding.ASCII.GetString(body).Split('&'))
            {
                if (pair.StartsWith("payload=", StringComparison.Ordinal))
                {
                    field = WebUtility.UrlDecode(pair["payload=".Length..]);
                    break;
                }
            }

            if (field is null)
            {
                return Result<string>.Fail(PayloadInvalid, "The form has no 'payload' field.");
            }

            json = field;
        }
        else
        {
            json = Encoding.UTF8.GetString(body);
        }

        try
        {
            using var doc = GitHubJson.Parse(json, out _);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Result<string>.Fail(PayloadInvalid, "The payload is JSON but not an object.");
            }
        }
        catch (JsonException e)
        {
            return Result<string>.Fail(PayloadInvalid, "The payload is not JSON: " + e.Message);
        }

        return Result<string>.Ok(json);
    }

    // Bytes of a body kept in memory before it is spooled to a temporary file (the signature not yet checked).
    private const int SpoolThreshold = 64 * 1024;

    private static ProblemHttpResult TooLarge(int cap) => Problems.From([Diagnostic.Error(
        ProgramApiEndpoints.BodyTooLarge,
        string.Create(CultureInfo.InvariantCulture, $"The payload is larger than {cap} bytes (GitHub:WebhookMaxBytes)."))]);

    private static string? MediaType(string? contentType) =>
        contentType is null ? null : contentType.Split(';')[0].Trim().ToLowerInvariant();
}
