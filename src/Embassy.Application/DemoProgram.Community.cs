using System.Globalization;
using System.Text;
using Embassy.Data.Entities;
using Embassy.Domain;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>The demo's community part (issue #6): the regional groups of proposal #14 as crews, and pending applications.</summary>
public sealed partial class DemoProgram
{
    /// <summary>
    /// Seeds the regional groups of seed 001 (<see cref="TreasuryDemo.RegionalGroups"/>) as crews: each group's first
    /// name leads it as a senior, the others are its ambassadors (R11; the Persian and Chinese groups are flagged for their
    /// size, as in the proposal). Adds two pending applications, one of them with hostile text a reviewer must see inert.
    /// </summary>
    private async Task SeedCommunityAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var since = Period.Of(now).Previous.FirstDay;
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var leads = TreasuryDemo.RegionalGroups.Select(g => g.People[0]).ToHashSet(StringComparer.Ordinal);
        var members = new Dictionary<string, Data.Entities.Member>(StringComparer.Ordinal);
        foreach (var person in TreasuryDemo.RegionalGroups.SelectMany(g => g.People).Distinct(StringComparer.Ordinal))
        {
            var login = Login(person);
            var m = new Data.Entities.Member { DisplayName = person, CreatedAt = now };
            m.Handles.Add(new MemberHandle { Kind = MemberHandle.GitHub, Value = login, NormalizedValue = login });
            var rank = leads.Contains(person) ? Rank.Senior : Rank.Ambassador;
            m.RankEvents.Add(new RankEvent { Rank = rank.Code, EffectiveFrom = since, Actor = Actor, Reason = "Demo program: proposal #14 regional groups", RecordedAt = now });
            members[person] = m;
            db.Members.Add(m);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (group, people) in TreasuryDemo.RegionalGroups)
        {
            var crew = new CrewRecord { Name = group, Region = group.Replace(" group", string.Empty, StringComparison.Ordinal), LeadMemberId = members[people[0]].Id, CreatedAt = now };
            foreach (var person in people.Skip(1))
            {
                crew.Members.Add(new CrewMemberRecord { MemberId = members[person].Id });
            }

            db.Crews.Add(crew);
        }

        db.Applications.Add(new ApplicationRecord
        {
            SubmittedAt = now.AddDays(-2),
            Name = "Lucía Romero",
            GitHubLogin = "lucia-romero-demo",
            Telegram = "@lucia_rm",
            X = "@lucia_web3",
            Region = "Spanish group",
            Languages = "es\nen",
            Links = "https://medium.com/@lucia/phala-en-espanol\nhttps://x.com/lucia_web3",
            Statement = "_Demo application: made-up text._ I translate Phala articles into Spanish and host a weekly Telegram call.",
            State = ApplicationStates.Pending,
        });
        db.Applications.Add(new ApplicationRecord
        {
            SubmittedAt = now.AddDays(-1),
            Name = "Mallory <b>Bold</b>",
            GitHubLogin = "mallory-demo",
            Discord = "mallory#0001",
            Languages = "en",
            Links = "https://example.com/portfolio",
            Statement = "_Demo application with hostile text, shown inert:_ <script>alert('x')</script> [click](javascript:alert(1)) <img src=x onerror=alert(2)>",
            State = ApplicationStates.Pending,
        });
        ProgramTables.Audit(db, now, Actor, "demo.seeded", "community", string.Create(CultureInfo.InvariantCulture, $"{TreasuryDemo.RegionalGroups.Count} crews, {members.Count} crew members, 2 applications"));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A GitHub-like login for a name of seed 001: "MC (overmarck)" → "mc-overmarck", "Salih Iyigül" → "salih-iyigul".</summary>
    private static string Login(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        return sb.ToString().Trim('-');
    }
}
