using System.Net;
using System.Net.Http.Json;
using Embassy.Application;
using Embassy.Data;
using Embassy.Data.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Embassy.Web.Tests;

/// <summary>
/// The web host in-process (WebApplicationFactory) on a database of its own, talking to the GitHub stand-in.
/// Intent methods (<see cref="DeliverAsync"/>, <see cref="WaitUntilProcessedAsync"/>) keep the tests about behaviour.
/// </summary>
public sealed class EmbassyWebApp : WebApplicationFactory<Program>
{
    public const string Secret = "webhook-secret-for-tests";
    public const string Repo = "phala/ambassadors";

    private readonly TestDatabase _database;
    private readonly Uri _github;
    private readonly bool _processQueue;
    private readonly bool _writeBack;
    private readonly TimeSpan _syncInterval;

    private readonly IDictionary<string, string?> _settings;

    public EmbassyWebApp(
        TestDatabase database, Uri github, bool processQueue = true, bool writeBack = false, TimeSpan syncInterval = default,
        IDictionary<string, string?>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        _database = database;
        _github = github;
        _processQueue = processQueue;
        _writeBack = writeBack;
        _syncInterval = syncInterval;
    }

    public static Uri Endpoint { get; } = new("/github/webhook", UriKind.Relative);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", _database.Options.Provider);
        builder.UseSetting("Database:ConnectionString", _database.Options.ResolveConnectionString());
        builder.UseSetting("GitHub:ApiBaseAddress", _github.ToString());
        builder.UseSetting("GitHub:Token", "standin-token");
        builder.UseSetting("GitHub:WebhookSecret", Secret);
        builder.UseSetting("GitHub:Repository", Repo);
        builder.UseSetting("GitHub:WriteBack", _writeBack ? "true" : "false");
        builder.UseSetting("GitHub:SyncInterval", _syncInterval.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            if (!_processQueue)
            {
                // A host that stops right after answering: deliveries stay queued for the next start.
                var worker = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(WebhookQueueWorker));
                services.Remove(worker);
            }
        });
    }

    /// <summary>Sends a signed delivery; <paramref name="signature"/> overrides the header (null: correct).</summary>
    /// <remarks>With <paramref name="form"/>, as GitHub's default content type (<c>payload=</c>, form-encoded).</remarks>
    public async Task<HttpResponseMessage> DeliverAsync(
        string @event, string json, string? deliveryId = null, string? signature = null, string secret = Secret, bool form = false)
    {
        using var request = GitHubStandIn.GitHubStandIn.WebhookRequest(Endpoint, secret, @event, json, deliveryId, signature, form);
        return await CreateClient().SendAsync(request);
    }

    /// <summary>Waits until no delivery is queued (the background worker processed them), at most 20 s.</summary>
    public async Task WaitUntilProcessedAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = _database.Context();
            if (!await db.WebhookDeliveries.AnyAsync(d => d.Status == Data.Entities.WebhookDeliveryStatus.Queued))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("Webhook deliveries were still queued after 20 s.");
    }

    public async Task<HttpStatusCode> HealthAsync()
    {
        var response = await CreateClient().GetAsync(new Uri("/health", UriKind.Relative));
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, string>>();
        Assert.Equal(_database.Options.ParsedProvider.ToString().ToLowerInvariant(), body!["database"]);
        return response.StatusCode;
    }
}
