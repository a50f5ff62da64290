using System.Net.Http.Json;
using Embassy.Application;
using Embassy.Data;
using Embassy.Domain;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Web.Tests;

/// <summary>
/// Backups of a running SQLite install (issue #15): a backup taken while the web app writes is the database of one
/// moment, and restored into a new install it serves every closed month exactly as the original, to the unit.
/// </summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task BackupTakenDuringWrites_Restored_ServesEveryClosedMonthIdentical()
    {
        await using var github = await MonthCloseTests.StandInAsync();
        await using var site = new EmbassySite(github.ApiBaseAddress);
        var admin = await site.ApiAsAsync(Roles.Admin);
        var reviewer = await site.ApiAsAsync(Roles.Reviewer, "rita");
        var plan = new (string Login, string[] Depts, int Effort, int Result)[] { ("alice", ["CM", "CC"], 18, 16), ("bob", ["CC", "BD"], 12, 10), ("carol", ["CM", "BD"], 20, 20) };
        foreach (var p in plan)
        {
            await EmbassySite.AddMemberAsync(admin, p.Login);
            github.AddIssue(EmbassySite.Repo, p.Login, "October 2026 Contribution - " + p.Login, MonthCloseTests.ReportBody(p.Depts, EmbassySite.AddressFor(1)));
        }

        await EmbassySite.SyncAsync(admin);
        foreach (var item in await EmbassySite.QueueAsync(reviewer, EmbassySite.LastMonth))
        {
            var p = plan.Single(x => x.Login == item.Author);
            var scored = await EmbassySite.ScoreAsync(reviewer, item.ReportId, [.. p.Depts.Concat(["OTHERS"]).Select(d => new ScoreEntry(d, p.Effort, p.Result))]);
            Assert.True(scored.IsSuccessStatusCode);
        }

        var months = new[] { EmbassySite.LastMonth.Previous, EmbassySite.LastMonth };
        foreach (var month in months)
        {
            await EmbassySite.CloseMonthAsync(admin, month);
        }

        // A writer adds members through the app while the backup runs; it wrote before the backup began and after it ended.
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await EmbassySite.AddMemberAsync(admin, "writer-" + written.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Interlocked.Increment(ref written);
            }
        });
        while (Volatile.Read(ref written) < 3)
        {
            await Task.Delay(10);
        }

        var before = Volatile.Read(ref written);
        var file = Path.Combine(site.DataDirectory, "..", "embassy-backup-" + Guid.NewGuid().ToString("N")[..8] + ".db");
        var backup = DatabaseBackup.Backup(site.Service<DatabaseOptions>(), file);
        var after = Volatile.Read(ref written);
        while (Volatile.Read(ref written) < after + 3)
        {
            await Task.Delay(10);
        }

        await stop.CancelAsync();
        await writer;
        Assert.True(backup.IsSuccess, string.Join("; ", backup.Diagnostics));

        var restoredFolder = Path.Combine(Path.GetTempPath(), "embassy-restored-" + Guid.NewGuid().ToString("N")[..8]);
        var restored = DatabaseBackup.Restore(new DatabaseOptions { DataDirectory = restoredFolder }, file, replace: false, EmbassySite.Now);
        Assert.True(restored.IsSuccess, string.Join("; ", restored.Diagnostics));
        await using var copy = new EmbassySite(github.ApiBaseAddress, new Dictionary<string, string?> { ["Database:DataDirectory"] = restoredFolder });

        // One moment: every writer row committed before the backup began is in it, none committed after it ended.
        await using (var db = await copy.Service<IDbContextFactory<EmbassyDbContext>>().CreateDbContextAsync())
        {
            var writers = await db.Members.CountAsync(m => m.DisplayName.StartsWith("Member writer-"));
            Assert.InRange(writers, before, after + 1);
        }

        foreach (var month in months)
        {
            var original = await site.CreateClient().GetStringAsync(new Uri($"/api/months/{month}", UriKind.Relative));
            var fromBackup = await copy.CreateClient().GetStringAsync(new Uri($"/api/months/{month}", UriKind.Relative));
            Assert.Equal(original, fromBackup);
        }

        var october = await copy.CreateClient().GetFromJsonAsync<MonthDocument>($"/api/months/{EmbassySite.LastMonth}", EmbassySite.Json);
        Assert.Equal(3, october!.Members.Count(m => m.Total.Units != "0"));
        File.Delete(file);
    }
}
