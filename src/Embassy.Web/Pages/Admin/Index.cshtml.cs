using Embassy.Application;
using Embassy.Data;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.GitHub;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Web.Pages.Admin;

/// <summary>The admin's start page: policy in force, sync, month close.</summary>
public sealed class AdminIndexModel(MonthCloseWorkflow workflow, GitHubOptions github, IServiceProvider services, TimeProvider time) : PageModel
{
    public Policy Policy { get; private set; } = null!;

    public string? Repository => github.Repository;

    /// <summary>The repository as Embassy knows it: current name, GitHub id and earlier names (renames it followed).</summary>
    public RepositoryStatus? RepositoryState { get; private set; }

    public string SuggestedMonth { get; private set; } = string.Empty;

    public IReadOnlyList<(Period Period, string State)> Closed { get; private set; } = [];

    public string? Message { get; private set; }

    public IReadOnlyList<Diagnostic> Errors { get; private set; } = [];

    public async Task OnGetAsync(string? message, CancellationToken cancellationToken)
    {
        Message = message;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostSyncAsync(CancellationToken cancellationToken)
    {
        var repo = RepositoryName.Parse(github.Repository);
        if (!repo.IsSuccess)
        {
            Errors = [Diagnostic.Error("SYNC_NOT_CONFIGURED", "No repository to sync: connect one on /admin/connection or set EMBASSY_GitHub__Repository (owner/name)."), .. repo.Errors];
            await LoadAsync(cancellationToken);
            return Page();
        }

        var result = await services.GetRequiredService<IssueSync>().SyncAsync(repo.Value, cancellationToken: cancellationToken);
        if (!result.IsSuccess)
        {
            Errors = result.Diagnostics;
            await LoadAsync(cancellationToken);
            return Page();
        }

        var s = result.Value;
        return Redirect("/admin?message=" + Uri.EscapeDataString(System.FormattableString.Invariant($"Synced {repo.Value}: {s.New} new, {s.Edited} edited, {s.Unchanged} unchanged, {s.Unmatched} unmatched.")));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var last = Period.Of(time.GetUtcNow()).Previous;
        Policy = workflow.PolicyFor(Period.Of(time.GetUtcNow()));
        SuggestedMonth = last.ToString();
        Closed = await workflow.ClosedMonthsAsync(cancellationToken);
        if (RepositoryName.Parse(github.Repository) is { IsSuccess: true } configured)
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<EmbassyDbContext>>().CreateDbContextAsync(cancellationToken);
            RepositoryState = await GitHubRepositories.StatusAsync(db, configured.Value, cancellationToken);
        }
    }
}
