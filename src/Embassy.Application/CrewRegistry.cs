using System.Globalization;
using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.Domain.Community;
using Embassy.Reports;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>A crew as the admin enters it: members by their registry id.</summary>
/// <param name="Name">Display name ("French group"), unique.</param>
/// <param name="Region">Region or language it serves.</param>
/// <param name="LeadMemberId">The senior who leads it.</param>
/// <param name="MemberIds">The ambassadors in it, lead excluded.</param>
public sealed record CrewInput(string Name, string Region, long LeadMemberId, IReadOnlyList<long> MemberIds);

/// <summary>A person in a crew.</summary>
/// <param name="MemberId">Registry id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Login">GitHub login (the engine id, R2).</param>
/// <param name="Rank">Rank today.</param>
public sealed record CrewPerson(long MemberId, string Name, string Login, string? Rank);

/// <summary>A stored crew with its people and the R11 flags.</summary>
/// <param name="Id">Stored id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Region">Region or language.</param>
/// <param name="Lead">The lead.</param>
/// <param name="Members">The ambassadors.</param>
/// <param name="Flags">CREW_TOO_SMALL, CREW_TOO_LARGE, CREW_LEAD_NOT_SENIOR, CREW_MEMBER_SHARED…</param>
public sealed record CrewView(long Id, string Name, string Region, CrewPerson Lead, IReadOnlyList<CrewPerson> Members, IReadOnlyList<Diagnostic> Flags)
{
    /// <summary>The domain crew: ids are GitHub logins.</summary>
    public Crew ToCrew() => new(Id.ToString(CultureInfo.InvariantCulture), Name, Region, Lead.Login, Members.Select(m => m.Login).ToArray());
}

/// <summary>A crew's checklist of one month.</summary>
/// <param name="Crew">The crew.</param>
/// <param name="Month">Each quota counted or ticked.</param>
/// <param name="Reports">How many reports of the crew's people were read (the month and its neighbours).</param>
public sealed record CrewChecklistView(CrewView Crew, CrewMonth Month, int Reports);

/// <summary>
/// Regional crews (RULES.md R11): a senior lead and 2–3 ambassadors, flagged otherwise; each crew's monthly checklist
/// counted from its people's report evidence (<see cref="CrewChecklist"/>) and the reviewers' stored ticks for what
/// links cannot show. Every write is audited with its actor.
/// </summary>
public sealed class CrewRegistry(IDbContextFactory<EmbassyDbContext> databases, TimeProvider time, ReportParser? parser = null)
{
    private readonly ReportParser _parser = parser ?? ReportParser.Shipped;

    /// <summary>Every crew with its people and flags, by name.</summary>
    public async Task<IReadOnlyList<CrewView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await LoadAsync(db, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One crew, or null.</summary>
    public async Task<CrewView?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return (await LoadAsync(db, id, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    /// <summary>Adds a crew. Size and lead are flagged (warnings in the result), not refused (R11).</summary>
    public Task<Result<long>> CreateAsync(CrewInput input, string actor, CancellationToken cancellationToken = default) =>
        SaveAsync(null, input, actor, cancellationToken);

    /// <summary>Changes a crew's name, region, lead or ambassadors.</summary>
    public Task<Result<long>> EditAsync(long id, CrewInput input, string actor, CancellationToken cancellationToken = default) =>
        SaveAsync(id, input, actor, cancellationToken);

    /// <summary>
    /// The crew's checklist of <paramref name="period"/>: quotas counted from the latest version of its people's reports of
    /// the month and its neighbours (an X post counts in the week its status id dates it), with the reviewers' ticks.
    /// </summary>
    public async Task<CrewChecklistView?> ChecklistAsync(long id, Period period, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var crew = (await LoadAsync(db, id, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        if (crew is null)
        {
            return null;
        }

        var people = crew.Members.Select(m => m.MemberId).Append(crew.Lead.MemberId).ToArray();
        var months = new HashSet<Period> { period.Previous, period, period.Next };
        var rows = await db.Reports.AsNoTracking().Include(r => r.Versions)
            .Where(r => r.MemberId != null && people.Contains(r.MemberId.Value) && r.Presence == ReportPresence.Present)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var logins = crew.Members.Append(crew.Lead).ToDictionary(p => p.MemberId, p => p.Login);
        var parsed = new List<ParsedReport>();
        foreach (var r in rows.Where(r => r.Period is { } p && months.Contains(p)))
        {
            var latest = r.Versions.OrderBy(v => v.Number).LastOrDefault();
            if (latest is null)
            {
                continue;
            }

            // The report's member is its author (R2); the registry's login names them for the crew.
            var report = _parser.Parse(new IssueSnapshot(r.IssueNumber, latest.Title, latest.Body, r.AuthorLogin, latest.IssueCreatedAt, r.HtmlUrl));
            parsed.Add(report with { Author = logins[r.MemberId!.Value] });
        }

        var ticks = (await db.CrewTicks.AsNoTracking().Where(t => t.CrewId == id).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Where(t => t.Period == period)
            .Select(t => new ChecklistTick(crew.ToCrew().Id, t.Period, Enum.Parse<QuotaKind>(t.Quota), t.Met, t.TickedBy, t.TickedAt, t.Note))
            .ToArray();
        var ranks = RanksOf(crew);
        var month = CrewChecklist.Build(period, [crew.ToCrew()], parsed, ticks, ranks);
        return new CrewChecklistView(crew, month.Crews.Single(), parsed.Count);
    }

    /// <summary>
    /// Records a reviewer's tick of a quota for a crew and month (R11: "what it cannot count, a reviewer ticks"). Ticks are
    /// appended; the latest of a quota wins.
    /// </summary>
    public async Task<Result<long>> TickAsync(long id, Period period, QuotaKind quota, bool met, string? note, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (!Enum.IsDefined(quota))
        {
            return Result<long>.Fail(WorkflowCodes.NotFound, $"There is no quota {quota}.");
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (!await db.Crews.AnyAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return Result<long>.Fail(WorkflowCodes.NotFound, $"There is no crew {id.ToString(CultureInfo.InvariantCulture)}.");
        }

        var now = time.GetUtcNow();
        var clean = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var tick = new CrewTickRecord { CrewId = id, Period = period, Quota = quota.ToString(), Met = met, TickedBy = actor, TickedAt = now, Note = clean };
        db.CrewTicks.Add(tick);
        ProgramTables.Audit(db, now, actor, "crew.ticked", "crew:" + id.ToString(CultureInfo.InvariantCulture), $"{period} {quota} {(met ? "met" : "not met")}{(clean is null ? string.Empty : ": " + clean)}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<long>.Ok(tick.Id);
    }

    private async Task<Result<long>> SaveAsync(long? id, CrewInput input, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var errors = new List<Diagnostic>();
        var name = input.Name?.Trim() ?? string.Empty;
        var region = input.Region?.Trim() ?? string.Empty;
        if (name.Length is 0 or > 100 || region.Length is 0 or > 100)
        {
            errors.Add(Diagnostic.Error(WorkflowCodes.MemberInvalid, "A crew needs a name and a region or language (at most 100 characters each)."));
        }

        var memberIds = input.MemberIds ?? [];
        if (memberIds.Distinct().Count() != memberIds.Count || memberIds.Contains(input.LeadMemberId))
        {
            errors.Add(Diagnostic.Error(CommunityCodes.CrewMemberDuplicate, "A crew lists each ambassador once, and not its lead."));
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var known = await db.Members.Select(m => m.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var unknown in memberIds.Append(input.LeadMemberId).Where(m => !known.Contains(m)).Distinct())
        {
            errors.Add(Diagnostic.Error(CommunityCodes.CrewMemberUnknown, $"There is no member {unknown.ToString(CultureInfo.InvariantCulture)}."));
        }

        if (await db.Crews.AnyAsync(c => c.Name == name && c.Id != (id ?? 0), cancellationToken).ConfigureAwait(false))
        {
            errors.Add(Diagnostic.Error(CommunityCodes.CrewMemberDuplicate, $"There is already a crew named '{name}'."));
        }

        if (errors.Count > 0)
        {
            return Result<long>.Fail(errors);
        }

        var now = time.GetUtcNow();
        CrewRecord crew;
        if (id is { } existing)
        {
            var found = await db.Crews.Include(c => c.Members).SingleOrDefaultAsync(c => c.Id == existing, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return Result<long>.Fail(WorkflowCodes.NotFound, $"There is no crew {existing.ToString(CultureInfo.InvariantCulture)}.");
            }

            crew = found;
            crew.Name = name;
            crew.Region = region;
            crew.LeadMemberId = input.LeadMemberId;
            foreach (var gone in crew.Members.Where(m => !memberIds.Contains(m.MemberId)).ToArray())
            {
                db.CrewMembers.Remove(gone);
            }

            foreach (var added in memberIds.Where(m => crew.Members.All(x => x.MemberId != m)))
            {
                crew.Members.Add(new CrewMemberRecord { MemberId = added });
            }
        }
        else
        {
            crew = new CrewRecord { Name = name, Region = region, LeadMemberId = input.LeadMemberId, CreatedAt = now };
            foreach (var m in memberIds)
            {
                crew.Members.Add(new CrewMemberRecord { MemberId = m });
            }

            db.Crews.Add(crew);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        ProgramTables.Audit(
            db,
            now,
            actor,
            id is null ? "crew.created" : "crew.edited",
            "crew:" + crew.Id.ToString(CultureInfo.InvariantCulture),
            $"{name} ({region}): lead member {input.LeadMemberId.ToString(CultureInfo.InvariantCulture)}, members {string.Join(", ", memberIds.Select(m => m.ToString(CultureInfo.InvariantCulture)))}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var view = (await LoadAsync(db, crew.Id, cancellationToken).ConfigureAwait(false)).Single();
        return Result<long>.Ok(crew.Id, view.Flags.Where(d => !d.IsError));
    }

    private async Task<IReadOnlyList<CrewView>> LoadAsync(EmbassyDbContext db, long? id, CancellationToken cancellationToken)
    {
        var query = db.Crews.AsNoTracking().Include(c => c.Members).AsQueryable();
        if (id is { } only)
        {
            query = query.Where(c => c.Id == only);
        }

        var crews = await query.ToListAsync(cancellationToken).ConfigureAwait(false);
        var all = id is null ? crews : await db.Crews.AsNoTracking().Include(c => c.Members).ToListAsync(cancellationToken).ConfigureAwait(false);
        var roster = (await MemberRoster.LoadAsync(db, cancellationToken).ConfigureAwait(false)).ToDictionary(m => m.Member.Id);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        CrewPerson Person(long memberId) => roster.TryGetValue(memberId, out var m)
            ? new CrewPerson(memberId, m.Member.DisplayName, m.EngineId, m.RankAt(today))
            : new CrewPerson(memberId, "member " + memberId.ToString(CultureInfo.InvariantCulture), "member-" + memberId.ToString(CultureInfo.InvariantCulture), null);
        CrewView View(CrewRecord c, IReadOnlyList<Diagnostic> flags) =>
            new(c.Id, c.Name, c.Region, Person(c.LeadMemberId), c.Members.OrderBy(m => m.Id).Select(m => Person(m.MemberId)).ToArray(), flags);

        // Shared members are told per crew: checked against every crew, kept on the crews that name them.
        var everyone = all.Select(c => View(c, [])).ToArray();
        var ranks = everyone.SelectMany(c => c.Members.Append(c.Lead)).Where(p => p.Rank is not null)
            .DistinctBy(p => p.Login, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(p => p.Login, p => new Rank(p.Rank!), StringComparer.OrdinalIgnoreCase);
        var shared = CrewCheck.Check(everyone.Select(c => c.ToCrew()), ranks).Where(d => d.Code == CommunityCodes.CrewMemberShared).ToArray();
        return crews.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c =>
        {
            var bare = View(c, []);
            var own = CrewCheck.Check([bare.ToCrew()], ranks).Where(d => d.Code != CommunityCodes.CrewMemberShared);
            var mine = shared.Where(d => bare.Members.Append(bare.Lead).Any(p => d.Message.StartsWith(p.Login + " ", StringComparison.OrdinalIgnoreCase)));
            return bare with { Flags = own.Concat(mine).ToArray() };
        }).ToArray();
    }

    private static Dictionary<string, Rank> RanksOf(CrewView crew) =>
        crew.Members.Append(crew.Lead).Where(p => p.Rank is not null)
            .DistinctBy(p => p.Login, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(p => p.Login, p => new Rank(p.Rank!), StringComparer.OrdinalIgnoreCase);
}
