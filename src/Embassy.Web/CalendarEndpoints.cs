using Embassy.Application;

namespace Embassy.Web;

/// <summary>
/// Issue #14: <c>GET /calendar/{secret}.ics</c>, a user's calendar feed for calendar apps, which cannot sign in: the
/// secret is the credential (<see cref="CalendarFeeds"/>), and an unknown, rotated or revoked one is a plain 404.
/// </summary>
public static class CalendarEndpoints
{
    /// <summary>Maps the feed; call on a group that allows anonymous requests.</summary>
    public static IEndpointRouteBuilder MapCalendarFeeds(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/calendar/{secret}.ics", async (string secret, CalendarFeeds feeds, HttpContext context, CancellationToken cancellationToken) =>
        {
            var text = await feeds.FeedAsync(secret, cancellationToken).ConfigureAwait(false);
            if (text is null)
            {
                return Results.NotFound();
            }

            // The address is a secret: kept out of shared caches and search engines.
            context.Response.Headers.CacheControl = "private, no-store";
            context.Response.Headers["X-Robots-Tag"] = "noindex";
            return Results.Text(text, "text/calendar; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }
}
