using System.Globalization;
using System.Text;
using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Data.Tests;
using Embassy.GitHub;
using Embassy.GitHubStandIn;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application.Tests;

/// <summary>A stand-in GitHub, a database of its own and the sync wired as the hosts wire it.</summary>
public sealed class SyncHarness : IAsyncDisposable
{
    public const string Repo = "phala/ambassadors";

    private SyncHarness(TestDatabase database, GitHubStandIn.GitHubStandIn github, ManualClock? networkClock)
    {
        Database = database;
        GitHub = github;
        NetworkClock = networkClock ?? new ManualClock();
    }

    public TestDatabase Database { get; }

    public GitHubStandIn.GitHubStandIn GitHub { get; }

    /// <summary>The client's clock: retry and rate-limit waits advance it.</summary>
    public ManualClock NetworkClock { get; }

    /// <summary>The data clock: stands still, so two runs write the same timestamps.</summary>
    public ManualClock DataClock { get; } = new() { AutoAdvance = false };

    public static RepositoryName Repository => RepositoryName.Of(Repo);

    /// <remarks>With <paramref name="sharedClock"/> the stand-in runs on <see cref="NetworkClock"/>, so it sees the client's waits (pacing).</remarks>
    public static async Task<SyncHarness> StartAsync(string provider, TestDatabase? database = null, GitHubStandIn.GitHubStandIn? github = null, bool sharedClock = false)
    {
        database ??= await TestDatabase.CreateMigratedAsync(provider);
        var clock = sharedClock ? new ManualClock() : null;
        github ??= await GitHubStandIn.GitHubStandIn.StartAsync(clock);
        return new SyncHarness(database, github, clock);
    }

    public GitHubClient Client(int maxRetries = 3) => new(
        new HttpClient(GitHubClient.CreateHandler()),
        new GitHubOptions { ApiBaseAddress = GitHub.ApiBaseAddress, Token = "standin-token", MaxRetries = maxRetries, RequestTimeout = TimeSpan.FromSeconds(5) },
        NetworkClock);

    public ReportStore Store() => new(new ParserReportIntake(), DataClock);

    public IssueSync Sync(GitHubClient? client = null, bool writeBack = false)
    {
        client ??= Client();
        return new IssueSync(Database.Factory(), client, Store(), new DatabaseWorkLock(Database.Options), DataClock, writeBack ? new WriteBack(client) : null);
    }

    public Task<Embassy.Domain.Result<SyncSummary>> SyncAsync(SyncOptions? options = null) => Sync().SyncAsync(Repository, options);

    /// <summary>Files <paramref name="count"/> simple reports by distinct authors.</summary>
    public void FileReports(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            GitHub.AddIssue(Repo, "member" + i.ToString(CultureInfo.InvariantCulture), "December 2024 report", ReportBody(i));
        }
    }

    public static string ReportBody(int i) => $"""
        1. Personal info:
        - Amb rank: Ambassador
        - PHA Wallet Address: 41PLCEdup7XdUH4hsik4hyFoihDRYKfpN2K48jZH8ehL2tP2
        - Departments: [CM]/[MK]

        2. Departments:
        · CM:
        - Moderated the group, day {i}.
        · MK:
        - Posted https://x.com/someone/status/1866000000000000000

        4. Suggested scores:
        - [CM] 30/40
        - [MK] 28/40
        """;

    public async Task AddMemberAsync(string name, string githubLogin)
    {
        await using var db = Database.Context();
        var member = new Member { DisplayName = name, CreatedAt = DataClock.GetUtcNow() };
        member.Handles.Add(new MemberHandle { Kind = MemberHandle.GitHub, Value = githubLogin, NormalizedValue = MemberHandle.Normalize(githubLogin) });
        db.Members.Add(member);
        await db.SaveChangesAsync();
    }

    /// <summary>Every synced fact, in a stable text form, ids included: two databases are equal when their dumps are.</summary>
    public async Task<string> DumpAsync()
    {
        await using var db = Database.Context();
        var sb = new StringBuilder();
        foreach (var r in await db.Reports.OrderBy(r => r.Id).ToListAsync())
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"R {r.Id} {r.Repository}#{r.IssueNumber} {r.GitHubIssueId} {r.AuthorLogin} {r.MemberId} {r.IssueState} {r.Presence} {r.PresenceChangedAt:O} {r.CreatedAt:O} {r.UpdatedAt:O} [{r.Labels}] {r.Period} {r.ReviewState} v{r.LatestVersion} {r.FirstSeenAt:O} {r.LastSyncedAt:O} {r.WriteBackCommentId} {r.WriteBackHash}");
        }

        foreach (var v in await db.ReportVersions.OrderBy(v => v.Id).ToListAsync())
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"V {v.Id} {v.ReportId} {v.Number} {v.ContentHash} {v.IssueCreatedAt:O} {v.IssueUpdatedAt:O} {v.SyncedAt:O} {v.Title.Length} {v.Body.Length}");
        }

        foreach (var p in await db.ReportParses.OrderBy(p => p.Id).ToListAsync())
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"P {p.Id} {p.ReportVersionId} {p.ParserVersion} {p.Period} {p.Wallet} {p.Departments} {p.SuggestedScores} {p.ParsedAt:O}");
        }

        foreach (var d in await db.ReportDiagnostics.OrderBy(d => d.Id).ToListAsync())
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"D {d.Id} {d.ReportVersionId} {d.Ordinal} {d.Code} {d.Severity} {d.LineNumber}:{d.ColumnNumber} {d.Message}");
        }

        foreach (var a in await db.AuditLog.OrderBy(a => a.Id).ToListAsync())
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"A {a.Id} {a.At:O} {a.Actor} {a.Action} {a.Subject} {a.Details}");
        }

        foreach (var s in await db.GitHubSyncStates.ToListAsync())
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"S {s.Repository} {s.ETag} {s.Since:O} {s.Watermark:O} {s.LastSyncedAt:O}");
        }

        return sb.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await GitHub.DisposeAsync();
        await Database.DisposeAsync();
    }
}
