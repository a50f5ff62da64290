using Embassy.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Web;

/// <summary>What <c>/health</c> answers.</summary>
/// <param name="Status"><c>ok</c> or <c>unavailable</c>.</param>
/// <param name="Database">The provider in use.</param>
public sealed record HealthAnswer(string Status, string Database);

/// <summary><c>GET /health</c>: the host is up and reaches its database.</summary>
public static class HealthEndpoints
{
    /// <summary>Maps the health endpoint.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", CheckAsync);
        return app;
    }

    internal static async Task<Results<Ok<HealthAnswer>, JsonHttpResult<HealthAnswer>>> CheckAsync(
        IDbContextFactory<EmbassyDbContext> databases, DatabaseOptions options, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var provider = options.ParsedProvider.ToString().ToLowerInvariant();
        return await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false)
            ? TypedResults.Ok(new HealthAnswer("ok", provider))
            : TypedResults.Json(new HealthAnswer("unavailable", provider), statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
