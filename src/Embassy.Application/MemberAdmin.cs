using Embassy.Chain;
using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.Policies;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>A new member.</summary>
/// <param name="Name">Display name.</param>
/// <param name="GitHub">GitHub login: links reports (R2).</param>
/// <param name="Rank">First rank.</param>
/// <param name="Region">Region or crew.</param>
/// <param name="Discord">Discord handle.</param>
/// <param name="Telegram">Telegram handle.</param>
/// <param name="X">X handle.</param>
/// <param name="Address">Payout address on the policy's rail.</param>
/// <param name="Since">The first day in the program (the first rank's effective date); default: the first day of last month, so the month being reviewed counts.</param>
public sealed record NewMember(string Name, string GitHub, string Rank, string? Region = null, string? Discord = null, string? Telegram = null, string? X = null, string? Address = null, DateOnly? Since = null);

/// <summary>Changed handles and details of a member; null leaves a value as it is, empty removes it.</summary>
public sealed record MemberEdit(string? Name = null, string? Region = null, string? GitHub = null, string? Discord = null, string? Telegram = null, string? X = null);

/// <summary>
/// The member registry (R2): members with handles, rank changes as events with a date, actor and reason, and payout
/// addresses checked on the policy's rail (R9). Every change is audited.
/// </summary>
public sealed class MemberAdmin(IDbContextFactory<EmbassyDbContext> databases, TimeProvider time, PolicyCatalog? catalog = null)
{
    private static readonly string[] HandleKinds = ["github", "discord", "telegram", "x"];
    private readonly PolicyCatalog _catalog = catalog ?? PolicyCatalog.Shipped;

    /// <summary>The policy in force today.</summary>
    public Policy CurrentPolicy => _catalog.ForPeriod(Period.Of(time.GetUtcNow()));

    /// <summary>The policy in force at <paramref name="at"/> (its month), e.g. the one an application was submitted under.</summary>
    public Policy PolicyAt(DateTimeOffset at) => _catalog.ForPeriod(Period.Of(at));

    /// <summary>Every member with handles, ranks and addresses.</summary>
    public async Task<IReadOnlyList<RosterEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await MemberRoster.LoadAsync(db, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One member, or null.</summary>
    public async Task<RosterEntry?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(m => m.Member.Id == id);

    /// <summary>Adds a member with a first rank (effective today) and, optionally, a payout address.</summary>
    public async Task<Result<long>> CreateAsync(NewMember input, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<Diagnostic>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 200)
        {
            errors.Add(Diagnostic.Error(WorkflowCodes.MemberInvalid, "A member needs a name (at most 200 characters)."));
        }

        if (string.IsNullOrWhiteSpace(input.GitHub) || !IsLogin(input.GitHub.Trim()))
        {
            errors.Add(Diagnostic.Error(WorkflowCodes.MemberInvalid, "A member needs a GitHub login (letters, digits and hyphens): it links their reports (R2)."));
        }

        var rank = CheckRank(input.Rank, errors);
        string? canonical = null;
        if (!string.IsNullOrWhiteSpace(input.Address))
        {
            canonical = CheckAddress(input.Address, errors);
        }

        if (errors.Count > 0)
        {
            return Result<long>.Fail(errors);
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var member = new Data.Entities.Member { DisplayName = input.Name.Trim(), Region = Clean(input.Region), CreatedAt = now };
        foreach (var (kind, value) in new[] { ("github", input.GitHub), ("discord", input.Discord), ("telegram", input.Telegram), ("x", input.X) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                var normalized = MemberHandle.Normalize(value);
                if (await db.MemberHandles.AnyAsync(h => h.Kind == kind && h.NormalizedValue == normalized, cancellationToken).ConfigureAwait(false))
                {
                    return Result<long>.Fail(WorkflowCodes.HandleTaken, $"The {kind} handle '{value.Trim()}' already belongs to a member.");
                }

                member.Handles.Add(new MemberHandle { Kind = kind, Value = value.Trim(), NormalizedValue = normalized });
            }
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var since = input.Since ?? Period.Of(now).Previous.FirstDay;
        member.RankEvents.Add(new RankEvent { Rank = rank!, EffectiveFrom = since, Actor = actor, Reason = "Joined the program", RecordedAt = now });
        if (canonical is not null)
        {
            member.PayoutAddresses.Add(new PayoutAddress { Rail = MonthCloseWorkflow.RailName(CurrentPolicy.Payout.Rail), Address = canonical, ValidFrom = since < today ? since : today, RecordedAt = now, RecordedBy = actor });
        }

        db.Members.Add(member);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        // R2: reports filed before the member was registered are linked now, not left unmatched.
        var login = MemberHandle.Normalize(input.GitHub);
        var waiting = await db.Reports.Where(r => r.MemberId == null).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var r in waiting.Where(r => MemberHandle.Normalize(r.AuthorLogin) == login))
        {
            r.MemberId = member.Id;
            ProgramTables.Audit(db, now, actor, "report.matched", $"report:{r.Repository}#{r.IssueNumber}", "member " + member.Id);
        }

        ProgramTables.Audit(db, now, actor, "member.created", "member:" + member.Id, $"{member.DisplayName} (github {input.GitHub.Trim()}), rank {rank}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<long>.Ok(member.Id, canonical is null ? [] : await SharedWithAsync(db, member.Id, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Edits name, region and handles.</summary>
    public async Task<Result<long>> EditAsync(long id, MemberEdit edit, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var member = await db.Members.Include(m => m.Handles).SingleOrDefaultAsync(m => m.Id == id, cancellationToken).ConfigureAwait(false);
        if (member is null)
        {
            return Result<long>.Fail(WorkflowCodes.NotFound, $"There is no member {id}.");
        }

        var changes = new List<string>();
        if (edit.Name is not null && edit.Name.Trim() != member.DisplayName)
        {
            if (edit.Name.Trim().Length is 0 or > 200)
            {
                return Result<long>.Fail(WorkflowCodes.MemberInvalid, "A member needs a name (at most 200 characters).");
            }

            changes.Add($"name {member.DisplayName} → {edit.Name.Trim()}");
            member.DisplayName = edit.Name.Trim();
        }

        if (edit.Region is not null && Clean(edit.Region) != member.Region)
        {
            changes.Add($"region {member.Region} → {Clean(edit.Region)}");
            member.Region = Clean(edit.Region);
        }

        foreach (var (kind, value) in new[] { ("github", edit.GitHub), ("discord", edit.Discord), ("telegram", edit.Telegram), ("x", edit.X) })
        {
            if (value is null)
            {
                continue;
            }

            var existing = member.Handles.FirstOrDefault(h => h.Kind == kind);
            var normalized = MemberHandle.Normalize(value);
            if (existing?.NormalizedValue == normalized)
            {
                continue;
            }

            if (kind == "github" && !IsLogin(value.Trim()))
            {
                return Result<long>.Fail(WorkflowCodes.MemberInvalid, "A member needs a GitHub login (letters, digits and hyphens).");
            }

            if (normalized.Length > 0 && await db.MemberHandles.AnyAsync(h => h.Kind == kind && h.NormalizedValue == normalized && h.MemberId != id, cancellationToken).ConfigureAwait(false))
            {
                return Result<long>.Fail(WorkflowCodes.HandleTaken, $"The {kind} handle '{value.Trim()}' already belongs to a member.");
            }

            if (existing is not null)
            {
                db.MemberHandles.Remove(existing);
            }

            if (normalized.Length > 0)
            {
                member.Handles.Add(new MemberHandle { Kind = kind, Value = value.Trim(), NormalizedValue = normalized });
            }

            changes.Add($"{kind} {existing?.Value ?? "-"} → {(normalized.Length > 0 ? value.Trim() : "-")}");
        }

        if (changes.Count > 0)
        {
            ProgramTables.Audit(db, time.GetUtcNow(), actor, "member.edited", "member:" + id, string.Join("; ", changes));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return Result<long>.Ok(id);
    }

    /// <summary>Records a rank change as an event (R2): never an edit in place; a reason is required.</summary>
    public async Task<Result<long>> ChangeRankAsync(long id, string rank, string reason, DateOnly? effectiveFrom, string actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<Diagnostic>();
        var code = CheckRank(rank, errors, allowTerminated: true);
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(Diagnostic.Error(WorkflowCodes.ReasonRequired, "A rank change needs a reason (R2)."));
        }

        if (errors.Count > 0)
        {
            return Result<long>.Fail(errors);
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (!await db.Members.AnyAsync(m => m.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return Result<long>.Fail(WorkflowCodes.NotFound, $"There is no member {id}.");
        }

        var now = time.GetUtcNow();
        var from = effectiveFrom ?? DateOnly.FromDateTime(now.UtcDateTime);
        var ev = new RankEvent { MemberId = id, Rank = code!, EffectiveFrom = from, Actor = actor, Reason = reason.Trim(), RecordedAt = now };
        db.RankEvents.Add(ev);
        ProgramTables.Audit(db, now, actor, "rank.changed", "member:" + id, $"→ {code} from {from:yyyy-MM-dd}: {reason.Trim()}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<long>.Ok(ev.Id);
    }

    /// <summary>
    /// Sets the member's payout address on the policy's rail, checked with <see cref="AddressCheck"/> (R9). The address is
    /// unproven (issue #13): on the evm rail a change is held for the policy's cooling period unless the member proves it
    /// (<see cref="AddressProofs"/>).
    /// </summary>
    public async Task<Result<string>> SetAddressAsync(long id, string address, string actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<Diagnostic>();
        var canonical = CheckAddress(address, errors);
        if (errors.Count > 0)
        {
            return Result<string>.Fail(errors);
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (!await db.Members.AnyAsync(m => m.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return Result<string>.Fail(WorkflowCodes.NotFound, $"There is no member {id}.");
        }

        var now = time.GetUtcNow();
        var rail = MonthCloseWorkflow.RailName(CurrentPolicy.Payout.Rail);
        db.PayoutAddresses.Add(new PayoutAddress { MemberId = id, Rail = rail, Address = canonical!, ValidFrom = DateOnly.FromDateTime(now.UtcDateTime), RecordedAt = now, RecordedBy = actor });
        ProgramTables.Audit(db, now, actor, "address.changed", "member:" + id, $"{rail} {canonical}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<string>.Ok(canonical!, await SharedWithAsync(db, id, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>A warning when member <paramref name="id"/>'s current address is another member's too (accepted, never merged).</summary>
    private async Task<IReadOnlyList<Diagnostic>> SharedWithAsync(EmbassyDbContext db, long id, CancellationToken cancellationToken)
    {
        var roster = await MemberRoster.LoadAsync(db, cancellationToken).ConfigureAwait(false);
        var rail = MonthCloseWorkflow.RailName(CurrentPolicy.Payout.Rail);
        return MemberRoster.SharedAddresses(roster, rail).Where(s => s.Value.Any(m => m.Member.Id == id))
            .SelectMany(s => MemberRoster.SharedAddressWarnings(s.Value, rail)).ToArray();
    }

    private string? CheckRank(string? rank, List<Diagnostic> errors, bool allowTerminated = false)
    {
        var code = (rank ?? string.Empty).Trim().ToLowerInvariant();
        var policy = CurrentPolicy;
        if ((allowTerminated && code == Rank.Terminated.Code) || (code.Length > 0 && policy.Ranks.Any(r => r.Rank.Code == code)))
        {
            return code;
        }

        errors.Add(Diagnostic.Error(WorkflowCodes.RankUnknown, $"'{rank}' is not a rank of {policy.Id} ({string.Join(", ", policy.Ranks.Select(r => r.Rank.Code))})."));
        return null;
    }

    private string? CheckAddress(string? address, List<Diagnostic> errors)
    {
        var policy = CurrentPolicy;
        var check = AddressCheck.Check(address, policy.Payout.Rail, policy.Payout.Ss58Prefix);
        if (!check.Valid || check.Canonical is null)
        {
            errors.Add(check.Error is { } e
                ? Diagnostic.Error(WorkflowCodes.AddressInvalid, e.Message)
                : Diagnostic.Error(WorkflowCodes.AddressInvalid, "The address is not valid on the program's payout rail."));
            return null;
        }

        return check.Canonical;
    }

    private static bool IsLogin(string login) =>
        login.Length is > 0 and <= 39 && login.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && login[0] != '-';

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The handle kinds a member may have.</summary>
    public static IReadOnlyList<string> Kinds => HandleKinds;
}
