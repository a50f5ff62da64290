using System.Globalization;
using Embassy.Chain;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.GitHub;
using Embassy.Reports;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>The demo's flagged reports: what a reviewer meets in a real month, so a visitor sees the parser's diagnostics.</summary>
public sealed partial class DemoProgram
{
    /// <summary>The login of the demo's report whose author is no member (R2: held as unmatched for an admin).</summary>
    public const string UnmatchedAuthor = "newcomer-demo";

    /// <summary>
    /// Files, through the same intake as a sync (the report parser of the program's policies and the report store), the
    /// reports that get flagged: for the open month <paramref name="current"/> one by an author who is no member, one
    /// with a payout address whose checksum is wrong, one that declares a single department, and a second report of a
    /// member who already filed (a duplicate, R7); and a report for the month before <paramref name="first"/> filed
    /// after its deadline (late, R7). Each is dated before the clock's now.
    /// </summary>
    private async Task SeedFlaggedReportsAsync(Period first, Period current, int lastIssue, CancellationToken cancellationToken)
    {
        var parser = new ReportParser(_catalog.All, _catalog.InForce, _catalog.Default);
        var store = new ReportStore(new ParserReportIntake(parser), time);
        var repository = RepositoryName.Of(Repository);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var logins = await db.Members.AsNoTracking().OrderBy(m => m.Id)
            .Select(m => m.Handles.First(h => h.Kind == MemberHandle.GitHub).Value).Take(4).ToListAsync(cancellationToken).ConfigureAwait(false);
        var policy = _catalog.ForPeriod(current);
        var codes = policy.Departments.Where(d => d.Kind == DepartmentKind.Selectable).Select(d => d.Code).ToArray();
        var two = codes.Take(Math.Max(2, policy.Choice.Min)).ToArray();
        var good = Address(policy, 7);
        var filed = NotAfterNow(new DateTimeOffset(current.Next.FirstDay.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero));
        var late = first.Previous;
        var lateFiled = NotAfterNow(new DateTimeOffset(late.Next.FirstDay.AddDays(9).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        var plan = new List<(string Author, Period Period, string[] Codes, string Wallet, DateTimeOffset At)>
        {
            (UnmatchedAuthor, current, two, good, filed),
            (logins.ElementAtOrDefault(1) ?? UnmatchedAuthor, current, two, BreakChecksum(policy, good), filed.AddMinutes(-30)),
            (logins.ElementAtOrDefault(2) ?? UnmatchedAuthor, current, codes.Take(1).ToArray(), good, filed.AddMinutes(-20)),
            (logins.ElementAtOrDefault(0) ?? UnmatchedAuthor, current, two, good, filed.AddMinutes(-10)),
            (logins.ElementAtOrDefault(3) ?? UnmatchedAuthor, late, _catalog.ForPeriod(late).Departments.Where(d => d.Kind == DepartmentKind.Selectable).Select(d => d.Code).Take(2).ToArray(), Address(_catalog.ForPeriod(late), 9), lateFiled),
        };
        var issue = lastIssue;
        foreach (var (author, period, chosen, wallet, at) in plan)
        {
            issue++;
            var title = string.Create(CultureInfo.InvariantCulture, $"{period.FirstDay:MMMM yyyy} Contribution - {author}");
            var github = new GitHubIssue(
                1_000_000 + issue, issue, title, Body(author, chosen, wallet), "open", author, [], at, at, null,
                string.Create(CultureInfo.InvariantCulture, $"https://github.com/{Repository}/issues/{issue}"), IsPullRequest: false);
            await store.ApplyAsync(db, repository, github, Actor, cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        ProgramTables.Audit(db, time.GetUtcNow(), Actor, "demo.seeded", "reports", "5 flagged reports: unmatched author, bad wallet checksum, one department, duplicate, late");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    // A report in the program's template (seed 000), made-up text.
    private static string Body(string author, string[] chosen, string wallet) =>
        "_Demo report: made-up text._\n\n1. Personal info:\n\n- Amb rank: Ambassador\n- Discord Username: " + author + "\n- PHA Wallet Address: " + wallet
        + "\n- Departments: " + string.Join("/", chosen.Select(c => "[" + c + "]")) + "\n\n2. Departments:\n\n"
        + string.Concat(chosen.Select((c, i) => $"· {c}:\n- Hosted a community call and wrote a summary: https://x.com/{author}/status/18{i}0000000000000000\n\n"))
        + "4. Suggested scores:\n\n" + string.Concat(chosen.Select(c => $"- [{c}] 30/40\n"));

    // A valid address of the policy's rail, made from a fixed seed.
    private static string Address(Policy policy, byte seed)
    {
        var key = Enumerable.Range(0, 32).Select(i => unchecked((byte)((seed * 31) + (i * 7)))).ToArray();
        return policy.Payout.Rail == PayoutRail.Evm ? EvmAddress.ToChecksum(key.AsSpan(0, 20)) : Ss58Address.Encode(key, policy.Payout.Ss58Prefix);
    }

    // The same address with its checksum broken: one letter's case flipped (EIP-55), or one character changed (SS58).
    private static string BreakChecksum(Policy policy, string address)
    {
        var chars = address.ToCharArray();
        if (policy.Payout.Rail == PayoutRail.Evm)
        {
            var i = Array.FindIndex(chars, 2, char.IsAsciiLetter);
            if (i < 0)
            {
                chars[^1] = chars[^1] == '0' ? '1' : '0'; // all digits: another address, whose checksum cannot match
            }
            else
            {
                chars[i] = char.IsUpper(chars[i]) ? char.ToLowerInvariant(chars[i]) : char.ToUpperInvariant(chars[i]);
            }
        }
        else
        {
            chars[^1] = chars[^1] == 'a' ? 'b' : 'a';
        }

        return new string(chars);
    }
}
