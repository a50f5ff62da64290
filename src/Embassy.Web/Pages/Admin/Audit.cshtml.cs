using Embassy.Data;
using Embassy.Data.Entities;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Web.Pages.Admin;

/// <summary>The append-only audit log, newest first, filterable.</summary>
public sealed class AdminAuditModel(IDbContextFactory<EmbassyDbContext> databases) : PageModel
{
    public int PageSize => 200;

    public string? Query { get; private set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(string? q, long? before, CancellationToken cancellationToken)
    {
        Query = q;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var query = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(a => a.Action.Contains(q) || a.Subject.Contains(q) || a.Actor.Contains(q));
        }

        if (before is { } b)
        {
            query = query.Where(a => a.Id < b);
        }

        Entries = await query.OrderByDescending(a => a.Id).Take(PageSize).ToListAsync(cancellationToken);
    }
}
