using System.Globalization;
using System.Text;
using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.GitHub;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>
/// The write-back receipt (issue #14): once a month is approved — the step that publishes its reward — each member's
/// report issue gets one comment with their month as <see cref="MemberMonths"/> shows it on <c>/me/months/YYYY-MM</c>
/// (status, final score per department, the reward line by line in display form with the smallest units, and the payment
/// link once paid). The same comment is edited when the month is paid or a payment corrected; it is never posted twice
/// (<see cref="OutboundComments"/>). Governed by write-back (<c>GitHub:WriteBack</c>), like the report check comment.
/// <paramref name="publicUrl"/>, the site's public address (<c>Site:PublicUrl</c>), makes the month page a link; without
/// it the receipt names the page's path, since Embassy cannot know where it is reached.
/// </summary>
public sealed class MonthReceipts(IDbContextFactory<EmbassyDbContext> databases, GitHubClient github, MemberMonths months, TimeProvider time, Uri? publicUrl = null)
{
    /// <summary>The claim key of a report's receipt.</summary>
    public static string Key(Period period, long reportId) => string.Create(CultureInfo.InvariantCulture, $"receipt/{period}/report/{reportId}");

    /// <summary>
    /// Queues the receipts of <paramref name="period"/> (at approval, payment and correction), when write-back is on: one
    /// per present, matched and not rejected report of the month. Inside the caller's transaction; does not save.
    /// </summary>
    public static async Task RequestAsync(EmbassyDbContext db, Period period, GitHubOptions? options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (options is not { WriteBackEnabled: true })
        {
            return;
        }

        var reports = await db.Reports.AsNoTracking()
            .Where(r => r.Period == period && r.Presence == ReportPresence.Present && r.MemberId != null && r.ReviewState != ReviewStates.Rejected)
            .Select(r => new { r.Id, r.Repository, r.IssueNumber }).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var r in reports)
        {
            await OutboundComments.RequestAsync(db, Key(period, r.Id), r.Repository, r.IssueNumber, now, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Posts (or brings up to date) every queued receipt that is due; returns (posted, failed).</summary>
    public async Task<(int Posted, int Failed)> ProcessDueAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var keys = await db.OutboundComments.AsNoTracking()
            .Where(c => c.Key.StartsWith("receipt/") && (c.State == OutboundCommentState.Pending || c.State == OutboundCommentState.Failed || c.State == OutboundCommentState.Claimed))
            .OrderBy(c => c.Id).Select(c => c.Key).ToListAsync(cancellationToken).ConfigureAwait(false);
        var (posted, failed) = (0, 0);
        foreach (var key in keys)
        {
            var row = await OutboundComments.TryClaimAsync(db, key, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                continue; // another instance has it, or its retry is not due
            }

            var body = await BodyAsync(db, row, cancellationToken).ConfigureAwait(false);
            var sent = await OutboundComments.PostAsync(db, github, row, body, time, cancellationToken).ConfigureAwait(false);
            if (sent.IsSuccess)
            {
                posted += sent.Value ? 1 : 0;
            }
            else
            {
                failed++;
            }
        }

        return (posted, failed);
    }

    /// <summary>The receipt of the row's report: the member's month page, as Markdown; null when it has nothing to say.</summary>
    private async Task<string?> BodyAsync(EmbassyDbContext db, OutboundComment row, CancellationToken cancellationToken)
    {
        var parts = row.Key.Split('/');
        if (parts.Length != 4 || !Period.TryParse(parts[1], out var period) || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var reportId))
        {
            return null;
        }

        var report = await db.Reports.AsNoTracking().Where(r => r.Id == reportId).Select(r => new { r.MemberId, r.AuthorLogin }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (report?.MemberId is not { } memberId)
        {
            return null;
        }

        var login = await db.MemberHandles.AsNoTracking().Where(h => h.MemberId == memberId && h.Kind == MemberHandle.GitHub).OrderBy(h => h.Id)
            .Select(h => h.Value).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? report.AuthorLogin;
        var view = await months.MonthAsync(login, period, cancellationToken).ConfigureAwait(false);
        return view.Report?.ReportId == reportId && view.Reward is not null ? Body(row.Key, view, publicUrl) : null;
    }

    /// <summary>
    /// The receipt's Markdown: what the member's month page shows once the month is published, with a link to that page
    /// when <paramref name="publicUrl"/> (the site's public address) is known, else the page's path as text.
    /// </summary>
    public static string Body(string key, MemberMonthView view, Uri? publicUrl = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(OutboundComments.Marker(key));
        var path = $"/me/months/{view.Period}";
        // The origin alone, as the sign-in links and calendar feeds build theirs (the site is served at its root).
        var details = publicUrl is null ? $"`{path}` on Embassy" : $"[your month page on Embassy]({publicUrl.GetLeftPart(UriPartial.Authority)}{path})";
        sb.AppendLine(inv, $"**Your month {view.Period} is {view.Status}.** Details: {details}.");
        sb.AppendLine();
        sb.AppendLine("| Department | Suggested | Final |");
        sb.AppendLine("|---|---:|---:|");
        foreach (var s in view.Scores)
        {
            sb.AppendLine(inv, $"| {s.Name} ({s.Code}) | {s.Suggested ?? "-"} | {s.Final?.ToString() ?? "-"} |");
        }

        if (view.Percent is { } percent)
        {
            sb.AppendLine();
            sb.AppendLine(inv, $"Percentage (R8): {percent.Rounded.ToString("0.##", inv)} %");
        }

        if (view.Reward is { } reward)
        {
            var symbol = reward.Total.Token.Symbol;
            sb.AppendLine();
            sb.AppendLine(inv, $"| How | Amount ({symbol}) | Smallest units ({reward.Total.Token.Decimals.ToString(inv)} decimals) |");
            sb.AppendLine("|---|---:|---:|");
            foreach (var l in reward.Lines)
            {
                var sign = l.Subtracts ? "-" : string.Empty;
                sb.AppendLine(inv, $"| {l.Text} | {sign}{l.Amount.Display()} | {sign}{l.Amount.Units.ToString(inv)} |");
            }

            sb.AppendLine(inv, $"| **Total** | **{reward.Total.Display()}** | **{reward.Total.Units.ToString(inv)}** |");
        }

        if (view.CarriedToNextPayout is { } carried)
        {
            sb.AppendLine();
            sb.AppendLine(view.HeldReason is { } why
                ? $"Not paid this month: {carried.Display()} {carried.Token.Symbol} is held. {why}"
                : $"Below the payout rail's minimum: {carried.Display()} {carried.Token.Symbol} is carried to your next payout (R5).");
        }

        if (view.CarriedIn.Count > 0 && view.Paid is { } paid)
        {
            // R5: what earlier months carried is paid with this payout; the receipt says so, as the member's page does.
            sb.AppendLine();
            foreach (var c in view.CarriedIn)
            {
                sb.AppendLine(inv, $"- Carried from {c.From} (R5): {c.Amount.Display()} {c.Amount.Token.Symbol} ({c.Amount.Units.ToString(inv)} smallest units)");
            }

            sb.AppendLine(inv, $"- Paid this month, with the carried amounts: {paid.Display()} {paid.Token.Symbol} ({paid.Units.ToString(inv)} smallest units)");
        }

        if (view.Transactions.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Paid in: " + string.Join(", ", view.Transactions.Select(tx =>
                view.Explorer is not null && Chain.BlockExplorer.Fill(view.Explorer, tx) is { } link ? $"[`{tx}`]({link})" : $"`{tx}`")));
        }

        return sb.ToString();
    }
}
