using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.Domain.Closing;
using Embassy.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>
/// Where a frozen month lives: its <c>month_closes</c> row with the month's departments, members, allocations,
/// proposals and carried amounts (migration 0013). Every write and read of a closed month's result goes through here,
/// so the stored form is known in one place and the rest of Embassy reads the typed <see cref="MonthStatement"/>.
/// </summary>
internal static class MonthStore
{
    /// <summary>
    /// The <see cref="MonthClose"/> row of a month being locked, with its departments, proposals and carried amounts;
    /// its members and allocations follow with <see cref="WriteMembersAsync"/> once the row has its id.
    /// </summary>
    public static MonthClose NewRow(MonthStatement month, string actor, DateTimeOffset at, string? lockReason)
    {
        ArgumentNullException.ThrowIfNull(month);
        var close = new MonthClose
        {
            Period = month.Period,
            PolicyName = month.Policy.Id,
            PolicyTitle = month.PolicyName,
            PolicyVersion = month.Policy.Version,
            PolicyHash = month.Policy.Hash,
            Token = month.Token.Symbol,
            Decimals = month.Token.Decimals,
            DisplayDecimals = month.Token.DisplayDecimals,
            PoolUnits = month.Pool.Units,
            UnspentUnits = month.Unspent.Units, // with what a cap held back (R10)
            CarriedUnits = month.Carried.Units,
            ActiveMembers = month.ActiveMembers,
            ClosedBy = actor,
            ClosedAt = at,
            State = MonthState.Locked,
            LockReason = lockReason,
        };
        close.Departments.AddRange(month.Departments.Select((d, i) => new MonthDepartment
        {
            Position = i, Code = d.Code, Name = d.Name, PoolUnits = d.Pool.Units, PointsHundredths = d.Points.Hundredths, UnspentUnits = d.Unspent.Units,
        }));
        close.Proposals.AddRange(month.Proposals.Select((p, i) => new MonthProposal
        {
            Position = i, Member = p.Member, FromRank = p.From.Code, ToRank = p.To.Code, Reason = p.Reason, EffectiveFrom = p.EffectiveFrom,
        }));
        close.CarriedOut.AddRange(month.CarriedOut.Select(kv => new MonthCarry { Code = kv.Key, Units = kv.Value.Units }));
        return close;
    }

    /// <summary>Writes the members and their allocations of the saved month close <paramref name="closeId"/> (bulk rows, in the caller's transaction).</summary>
    public static async Task WriteMembersAsync(EmbassyDbContext db, long closeId, MonthStatement month, CancellationToken cancellationToken)
    {
        var members = new List<MonthMember>(month.Members.Count);
        var allocations = new List<Allocation>(month.Members.Count * Math.Max(1, month.Departments.Count));
        for (var i = 0; i < month.Members.Count; i++)
        {
            var m = month.Members[i];
            members.Add(new MonthMember
            {
                Position = i, MemberId = m.MemberId, Login = m.Login, Name = m.Name, Rank = m.Rank.Code, Status = m.Status.ToString(),
                PercentNumerator = m.Percent.Numerator, PercentDenominator = m.Percent.Denominator, Chosen = string.Join(',', m.Chosen),
                PoolShareUnits = m.PoolShare.Units, BonusUnits = m.Bonus.Units, CappedUnits = m.Capped.Units, TotalUnits = m.Total.Units,
            });
            foreach (var (code, share) in m.Shares)
            {
                allocations.Add(new Allocation { MemberPosition = i, Code = code, Units = share.Units, PointsHundredths = m.Points.TryGetValue(code, out var p) ? p.Hundredths : null });
            }

            foreach (var (code, points) in m.Points.Where(kv => !m.Shares.ContainsKey(kv.Key)))
            {
                allocations.Add(new Allocation { MemberPosition = i, Code = code, PointsHundredths = points.Hundredths });
            }
        }

        await BulkRows.InsertMembersAsync(db, closeId, members, cancellationToken).ConfigureAwait(false);
        await BulkRows.InsertAllocationsAsync(db, closeId, allocations, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True once <paramref name="period"/> is locked (its result frozen): scores and reports of it no longer change.</summary>
    public static Task<bool> IsFrozenAsync(EmbassyDbContext db, Period period, CancellationToken cancellationToken) =>
        db.MonthCloses.AnyAsync(c => c.Period == period, cancellationToken);

    /// <summary>The frozen result of <paramref name="close"/>.</summary>
    public static async Task<MonthStatement> StatementAsync(EmbassyDbContext db, MonthClose close, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(close);
        return (await ReadAsync(db, [close], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>The frozen month of <paramref name="period"/> with its state, or null while it is open.</summary>
    public static async Task<(string State, MonthStatement Month)?> FindAsync(EmbassyDbContext db, Period period, CancellationToken cancellationToken)
    {
        var close = await db.MonthCloses.AsNoTracking().SingleOrDefaultAsync(c => c.Period == period, cancellationToken).ConfigureAwait(false);
        return close is null ? null : (close.State, await StatementAsync(db, close, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Every frozen month with its state, oldest first.</summary>
    public static async Task<IReadOnlyList<(string State, MonthStatement Month)>> AllAsync(EmbassyDbContext db, CancellationToken cancellationToken)
    {
        var closes = (await db.MonthCloses.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false)).OrderBy(c => c.Period).ToArray();
        var months = await ReadAsync(db, closes, cancellationToken).ConfigureAwait(false);
        return closes.Select((c, i) => (c.State, months[i])).ToArray();
    }

    /// <summary>What later months need of the frozen months before <paramref name="period"/> (R8 streaks), without their amounts.</summary>
    public static async Task<IReadOnlyList<ClosedMonth>> HistoryAsync(EmbassyDbContext db, Period period, CancellationToken cancellationToken)
    {
        var rows = await db.MonthMembers.AsNoTracking()
            .Join(db.MonthCloses, m => m.MonthCloseId, c => c.Id, (m, c) => new { c.Period, m.Login, m.Rank, m.PercentNumerator, m.PercentDenominator, m.Status })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Where(r => r.Period < period)
            .Select(r => new ClosedMonth(r.Period, r.Login, new Rank(r.Rank), new Percent(r.PercentNumerator, r.PercentDenominator), Status(r.Status)))
            .ToArray();
    }

    /// <summary>The pool <paramref name="period"/> was frozen with, in its token; null while it is open.</summary>
    public static async Task<TokenAmount?> PoolAsync(EmbassyDbContext db, Period period, CancellationToken cancellationToken)
    {
        var close = await db.MonthCloses.AsNoTracking().Where(c => c.Period == period)
            .Select(c => new { c.Token, c.Decimals, c.DisplayDecimals, c.PoolUnits }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return close is null ? null : new Token(close.Token, close.Decimals, close.DisplayDecimals).Units(close.PoolUnits);
    }

    /// <summary>The amounts <paramref name="period"/> carried out (R4, R5), in its token; null while it is open.</summary>
    public static async Task<(Token Token, IReadOnlyDictionary<string, TokenAmount> CarriedOut)?> CarriedOutAsync(EmbassyDbContext db, Period period, CancellationToken cancellationToken)
    {
        var close = await db.MonthCloses.AsNoTracking().Where(c => c.Period == period)
            .Select(c => new { c.Id, c.Token, c.Decimals, c.DisplayDecimals }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (close is null)
        {
            return null;
        }

        var token = new Token(close.Token, close.Decimals, close.DisplayDecimals);
        var rows = await db.MonthCarries.AsNoTracking().Where(c => c.MonthCloseId == close.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return (token, rows.ToDictionary(r => r.Code, r => token.Units(r.Units), StringComparer.Ordinal));
    }

    internal static MonthStatus Status(string stored) => Enum.TryParse<MonthStatus>(stored, out var status) ? status : MonthStatus.Missing;

    /// <summary>Reads the frozen months of <paramref name="closes"/>: one query per table, whatever their number.</summary>
    private static async Task<MonthStatement[]> ReadAsync(EmbassyDbContext db, IReadOnlyList<MonthClose> closes, CancellationToken cancellationToken)
    {
        if (closes.Count == 0)
        {
            return [];
        }

        var ids = closes.Select(c => c.Id).ToArray();
        var departments = (await db.MonthDepartments.Where(d => ids.Contains(d.MonthCloseId)).AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false)).ToLookup(d => d.MonthCloseId);
        var members = (await db.MonthMembers.Where(m => ids.Contains(m.MonthCloseId)).AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false)).ToLookup(m => m.MonthCloseId);
        var allocations = (await db.Allocations.Where(a => ids.Contains(a.MonthCloseId)).AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false)).ToLookup(a => (a.MonthCloseId, a.MemberPosition));
        var proposals = (await db.MonthProposals.Where(p => ids.Contains(p.MonthCloseId)).AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false)).ToLookup(p => p.MonthCloseId);
        var carried = (await db.MonthCarries.Where(c => ids.Contains(c.MonthCloseId)).AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false)).ToLookup(c => c.MonthCloseId);
        return closes.Select(c => Statement(c, departments[c.Id], members[c.Id], allocations, proposals[c.Id], carried[c.Id])).ToArray();
    }

    private static MonthStatement Statement(
        MonthClose close,
        IEnumerable<MonthDepartment> departments,
        IEnumerable<MonthMember> members,
        ILookup<(long, int), Allocation> allocations,
        IEnumerable<MonthProposal> proposals,
        IEnumerable<MonthCarry> carried)
    {
        var token = new Token(close.Token, close.Decimals, close.DisplayDecimals);
        var depts = departments.OrderBy(d => d.Position).ToArray();
        var order = depts.Select((d, i) => (d.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);

        // Codes in the policy's order of departments, then the others (tasks, reward, surplus) by name.
        IOrderedEnumerable<Allocation> Ordered(IEnumerable<Allocation> rows) =>
            rows.OrderBy(a => order.TryGetValue(a.Code, out var i) ? i : int.MaxValue).ThenBy(a => a.Code, StringComparer.Ordinal);

        return new MonthStatement
        {
            Period = close.Period,
            Policy = new PolicyReference(close.PolicyName, close.PolicyVersion, close.PolicyHash),
            PolicyName = close.PolicyTitle,
            Token = token,
            Pool = token.Units(close.PoolUnits),
            Unspent = token.Units(close.UnspentUnits),
            Carried = token.Units(close.CarriedUnits),
            ActiveMembers = close.ActiveMembers,
            Departments = depts.Select(d => new StatementDepartment(d.Code, d.Name, token.Units(d.PoolUnits), Points.FromHundredths(d.PointsHundredths), token.Units(d.UnspentUnits))).ToArray(),
            Members = members.OrderBy(m => m.Position).Select(m =>
            {
                var rows = Ordered(allocations[(close.Id, m.Position)]).ToArray();
                return new StatementMember(
                    m.MemberId,
                    m.Login,
                    m.Name,
                    new Rank(m.Rank),
                    Status(m.Status),
                    new Percent(m.PercentNumerator, m.PercentDenominator),
                    m.Chosen.Length == 0 ? [] : m.Chosen.Split(','),
                    rows.Where(a => a.PointsHundredths is not null).ToDictionary(a => a.Code, a => Points.FromHundredths(a.PointsHundredths!.Value), StringComparer.Ordinal),
                    rows.Where(a => a.Units is not null).ToDictionary(a => a.Code, a => token.Units(a.Units!.Value), StringComparer.Ordinal),
                    token.Units(m.PoolShareUnits),
                    token.Units(m.BonusUnits),
                    token.Units(m.CappedUnits),
                    token.Units(m.TotalUnits));
            }).ToArray(),
            Proposals = proposals.OrderBy(p => p.Position).Select(p => new RankProposal(p.Member, new Rank(p.FromRank), new Rank(p.ToRank), p.Reason, p.EffectiveFrom)).ToArray(),
            CarriedOut = carried.ToDictionary(c => c.Code, c => token.Units(c.Units), StringComparer.Ordinal),
        };
    }
}
