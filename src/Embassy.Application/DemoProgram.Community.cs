using System.Globalization;
using Embassy.Data.Entities;
using Embassy.Domain;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>The demo's community part (issue #6): regional crews of the demo's own members, and pending applications.</summary>
public sealed partial class DemoProgram
{
    // R11: a senior leads 2–3 ambassadors. The demo's first three members lead the crews of their regions.
    private const int CrewLeads = 3;

    /// <summary>True for the members who lead a crew: the first three, when the demo has a member of their region to lead.</summary>
    private static bool IsCrewLead(int member, int members) => member <= CrewLeads && member + Regions.Length <= members;

    /// <summary>
    /// Seeds regional crews made of the demo's own members (R11): each of the first three members, a senior, leads the
    /// members of their region (every eighth member). A crew holds only members of the registry, so no name on a crew
    /// is counted as an active member without a membership (R4). Adds two pending applications, one of them with hostile
    /// text a reviewer must see inert.
    /// </summary>
    private async Task SeedCommunityAsync(int memberCount, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var byLogin = await db.Members.Include(m => m.Handles).ToDictionaryAsync(m => m.Handles.First(h => h.Kind == MemberHandle.GitHub).Value, cancellationToken).ConfigureAwait(false);
        Data.Entities.Member Nth(int i) => byLogin[string.Create(CultureInfo.InvariantCulture, $"demo-member-{i:D4}")];
        var crews = 0;
        for (var lead = 1; lead <= CrewLeads; lead++)
        {
            if (!IsCrewLead(lead, memberCount))
            {
                continue;
            }

            var leader = Nth(lead);
            var region = leader.Region ?? Regions[lead % Regions.Length];
            var crew = new CrewRecord { Name = region + " crew", Region = region, LeadMemberId = leader.Id, CreatedAt = now };
            for (var i = lead + Regions.Length; i <= memberCount && crew.Members.Count < 3; i += Regions.Length)
            {
                crew.Members.Add(new CrewMemberRecord { MemberId = Nth(i).Id });
            }

            db.Crews.Add(crew);
            crews++;
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
        ProgramTables.Audit(db, now, Actor, "demo.seeded", "community", string.Create(CultureInfo.InvariantCulture, $"{crews} crews of the demo's members, 2 applications"));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
