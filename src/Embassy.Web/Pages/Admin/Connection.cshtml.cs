using Embassy.Application;
using Embassy.Domain;
using Embassy.GitHub;
using Embassy.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Admin;

/// <summary>
/// Connect the reports repository without a restart (issue #15): owner/name, a token or a GitHub App, a webhook secret
/// (made here, shown once), write-back on or off; stored encrypted, configuration winning value by value. "Test
/// connection" asks GitHub with the connection in force and says what works.
/// </summary>
public sealed class AdminConnectionModel(GitHubConnection connection, IServiceProvider services, TimeProvider time) : PageModel
{
    public GitHubConnectionView View { get; private set; } = null!;

    /// <summary>The new webhook secret, on the answer of the save that made it only.</summary>
    public string? WebhookSecret { get; private set; }

    public IReadOnlyList<ConnectionCheck> Checks { get; private set; } = [];

    public string? Message { get; private set; }

    public IReadOnlyList<Diagnostic> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => View = await connection.ViewAsync(cancellationToken);

    public async Task OnPostSaveAsync(
        string? repository, string? token, long? appId, long? installationId, string? appPrivateKey, string? writeBack, bool newWebhookSecret, bool forgetCredentials,
        CancellationToken cancellationToken)
    {
        bool? write = writeBack switch { "on" => true, "off" => false, _ => null };
        var saved = await connection.SaveAsync(
            new GitHubConnectionInput(repository, token, appId, installationId, appPrivateKey, write, newWebhookSecret, forgetCredentials), User.Actor(), cancellationToken);
        if (saved.IsSuccess)
        {
            WebhookSecret = saved.Value;
            Message = "Saved. Sync, webhooks and write-back use it from now on, on every instance.";
        }
        else
        {
            Errors = saved.Diagnostics;
        }

        View = await connection.ViewAsync(cancellationToken);
    }

    public async Task OnPostTestAsync(CancellationToken cancellationToken)
    {
        // A client made now, with the connection in force (the DI registration reads it at each use).
        var options = services.GetRequiredService<GitHubOptions>();
        Checks = await GitHubConnectionCheck.RunAsync(options, services.GetRequiredService<GitHubClient>(), time, cancellationToken);
        View = await connection.ViewAsync(cancellationToken);
    }
}
