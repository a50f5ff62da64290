using Embassy.Data;
using Embassy.Domain;
using Embassy.Domain.Closing;
using Embassy.Domain.Rules;
using Embassy.Policies;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>A published month (approved or paid).</summary>
public sealed record PublishedMonth(Period Period, string State, MonthStatement Month, IReadOnlyList<string> Transactions)
{
    /// <summary>The month's audited steps, oldest first (filled for a single month).</summary>
    public IReadOnlyList<MonthHistoryEntry> History { get; init; } = [];

    /// <summary>The admin's reason when the lock overrode a guard (R7 deadline, unscored reports).</summary>
    public string? LockReason { get; init; }

    /// <summary>Signing batches of the payout.</summary>
    public int Batches { get; init; }
}

/// <summary>
/// What the lists of published months show of one (the home page, the treasury, <c>GET /api/months</c>): its
/// <see cref="MonthStatement"/>'s policy id, token, pool, <see cref="MonthStatement.TotalPaid"/> and member counts, without
/// the statement's rows. <c>Members</c> counts every member of the statement, <c>PaidMembers</c> those whose total is not zero.
/// </summary>
public sealed record PublishedMonthSummary(Period Period, string State, string PolicyId, Token Token, TokenAmount Pool, TokenAmount TotalPaid, int Members, int PaidMembers);

/// <summary>A row of the leaderboard.</summary>
public sealed record LeaderboardRow(long MemberId, string Login, string Name, string Rank, int Months, TokenAmount Total, Percent? LastPercent);

/// <summary>A member's month on their page.</summary>
public sealed record MemberMonth(Period Period, Rank Rank, MonthStatus Status, Percent Percent, TokenAmount Total);

/// <summary>A member's public page; <c>Progress</c> reads e.g. "2 of 3 months ≥ 65 % towards ambassador" (null when no automatic promotion applies).</summary>
public sealed record MemberPage(long Id, string Name, string? Login, string? Region, string Rank, IReadOnlyList<MemberMonth> History, string? Progress);

/// <summary>The treasury summary (R10).</summary>
public sealed record TreasurySummary(Token Token, TokenAmount Paid, TokenAmount Approved, TokenAmount? Funding, IReadOnlyList<(Period Period, string State, TokenAmount Total)> Months);

/// <summary>
/// What the public sees: only approved or paid months (a locked month is still being checked), computed from the frozen
/// snapshots so that pages show exactly what was paid.
/// </summary>
public sealed class PublicQueries(IDbContextFactory<EmbassyDbContext> databases, TimeProvider time, PolicyCatalog? catalog = null)
{
    private readonly PolicyCatalog _catalog = catalog ?? PolicyCatalog.Shipped;

    /// <summary>The policy in force this month (R1).</summary>
    public Policy PolicyInForce => _catalog.ForPeriod(Period.Of(time.GetUtcNow()));

    /// <summary>Every published month with its whole statement, newest first (the pages list <see cref="SummariesAsync"/>).</summary>
    public async Task<IReadOnlyList<PublishedMonth>> MonthsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await MonthStore.AllAsync(db, cancellationToken).ConfigureAwait(false);
        return rows.Where(r => r.State != MonthState.Locked).Select(r => new PublishedMonth(r.Month.Period, r.State, r.Month, []))
            .OrderByDescending(m => m.Period).ToArray();
    }

    /// <summary>Every published month's summary, newest first.</summary>
    public async Task<IReadOnlyList<PublishedMonthSummary>> SummariesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);

        // The month rows and each member's total only: the lists of months read every month's whole statement, with
        // its allocations, to show three numbers of it (issue #16). month_closes holds the pool but not what the month
        // pays, so the members' totals are read and summed here, not in SQL: they are stored as decimal digits of up to
        // 128 bits, which SQLite cannot add exactly.
        var closes = await db.MonthCloses.AsNoTracking().Where(c => c.State != MonthState.Locked)
            .Select(c => new { c.Id, c.Period, c.State, c.PolicyName, c.Token, c.Decimals, c.DisplayDecimals, c.PoolUnits })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var totals = (await (
                from m in db.MonthMembers
                join c in db.MonthCloses on m.MonthCloseId equals c.Id
                where c.State != MonthState.Locked
                select new { m.MonthCloseId, m.TotalUnits })
            .AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false)).ToLookup(m => m.MonthCloseId, m => m.TotalUnits);
        return closes.Select(c =>
            {
                var token = new Token(c.Token, c.Decimals, c.DisplayDecimals);
                var mine = totals[c.Id].ToArray();
                return new PublishedMonthSummary(c.Period, c.State, c.PolicyName, token, token.Units(c.PoolUnits),
                    mine.Aggregate(token.Zero, (a, units) => a + token.Units(units)), mine.Length, mine.Count(units => units != UInt128.Zero));
            })
            .OrderByDescending(m => m.Period).ToArray();
    }

    /// <summary>One published month with its current transactions (by batch) and its history, or null.</summary>
    public async Task<PublishedMonth?> MonthAsync(Period period, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var close = await db.MonthCloses.AsNoTracking().SingleOrDefaultAsync(c => c.Period == period, cancellationToken).ConfigureAwait(false);
        if (close is null || close.State == MonthState.Locked)
        {
            return null;
        }

        var payments = await MonthCloseWorkflow.PaymentsAsync(db, close.Id, cancellationToken).ConfigureAwait(false);
        return new PublishedMonth(period, close.State, await MonthStore.StatementAsync(db, close, cancellationToken).ConfigureAwait(false), payments.Select(p => p.TxHash).ToArray())
        {
            // The public record of the close: reopenings, overridden guards and corrected payments stay visible.
            History = await MonthCloseWorkflow.HistoryAsync(db, period, cancellationToken).ConfigureAwait(false),
            LockReason = close.LockReason,
            Batches = close.Batches,
        };
    }

    /// <summary>Members by total reward over all published months.</summary>
    public async Task<IReadOnlyList<LeaderboardRow>> LeaderboardAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);

        // Only each published month's member totals and percentages: reading every month's whole statement (with its
        // allocations) made the leaderboard of 10,000 members × 3 months take 1.6 s (issue #16).
        var rows = await (
                from m in db.MonthMembers
                join c in db.MonthCloses on m.MonthCloseId equals c.Id
                where c.State != MonthState.Locked
                select new { c.Period, c.Token, c.Decimals, c.DisplayDecimals, m.MemberId, m.TotalUnits, m.PercentNumerator, m.PercentDenominator })
            .AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var newest = rows.Count == 0 ? null : rows.MaxBy(r => r.Period);
        var token = newest is null ? PolicyInForce.Token : new Token(newest.Token, newest.Decimals, newest.DisplayDecimals);
        var byMember = rows.ToLookup(r => r.MemberId);
        var roster = await MemberRoster.LoadAsync(db, cancellationToken).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var board = new List<LeaderboardRow>(roster.Count);
        foreach (var r in roster)
        {
            var mine = byMember[r.Member.Id].OrderByDescending(x => x.Period).ToArray();
            var total = token.Zero;
            foreach (var x in mine)
            {
                if (new Token(x.Token, x.Decimals, x.DisplayDecimals) == token)
                {
                    total += token.Units(x.TotalUnits);
                }
            }

            board.Add(new LeaderboardRow(r.Member.Id, r.GitHubLogin ?? string.Empty, r.Member.DisplayName, r.RankAt(today) ?? "-", mine.Length, total,
                mine.Length > 0 ? new Percent(mine[0].PercentNumerator, mine[0].PercentDenominator) : null));
        }

        return board.OrderByDescending(r => r.Total).ThenBy(r => r.Name, StringComparer.Ordinal).ToArray();
    }

    /// <summary>A member's page, or null.</summary>
    public async Task<MemberPage?> MemberAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var entry = await MemberRoster.OneAsync(db, id, cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            return null;
        }

        // This member's row of each published month, and the published months: not every month's whole statement
        // (issue #16: a member's page read 10,000 members × every month for one member's history).
        var published = await db.MonthCloses.AsNoTracking().Where(c => c.State != MonthState.Locked).Select(c => c.Period)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var rows = await (
                from m in db.MonthMembers
                join c in db.MonthCloses on m.MonthCloseId equals c.Id
                where c.State != MonthState.Locked && m.MemberId == id
                select new { c.Period, c.Token, c.Decimals, c.DisplayDecimals, m.Rank, m.Status, m.PercentNumerator, m.PercentDenominator, m.TotalUnits })
            .AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var history = rows
            .Select(r => new MemberMonth(r.Period, new Rank(r.Rank), MonthStore.Status(r.Status), new Percent(r.PercentNumerator, r.PercentDenominator),
                new Token(r.Token, r.Decimals, r.DisplayDecimals).Units(r.TotalUnits)))
            .OrderBy(x => x.Period).ToArray();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var rank = entry.RankAt(today) ?? "-";
        return new MemberPage(id, entry.Member.DisplayName, entry.GitHubLogin, entry.Member.Region, rank, history, Progress(rank, history, published.OrderDescending().ToArray()));
    }

    /// <summary>Paid and approved totals; funding from configuration when the program states it (R10).</summary>
    public async Task<TreasurySummary> TreasuryAsync(TokenAmount? funding, CancellationToken cancellationToken = default)
    {
        var months = await SummariesAsync(cancellationToken).ConfigureAwait(false);
        var token = funding?.Token ?? (months.Count > 0 ? months[0].Token : PolicyInForce.Token);
        var list = months.Where(m => m.Token == token).Select(m => (m.Period, m.State, Total: m.TotalPaid)).ToArray();
        var paid = list.Where(m => m.State == MonthState.Paid).Aggregate(token.Zero, (a, m) => a + m.Total);
        var approved = list.Where(m => m.State == MonthState.Approved).Aggregate(token.Zero, (a, m) => a + m.Total);
        return new TreasurySummary(token, paid, approved, funding, list);
    }

    /// <summary>R8: consecutive published months at or above the promotion threshold, counted back from the latest.</summary>
    private string? Progress(string rank, IReadOnlyList<MemberMonth> history, IReadOnlyList<Period> published)
    {
        var policy = PolicyInForce;
        var rule = policy.Promotions.FirstOrDefault(p => p.From.Code == rank);
        if (rule is null)
        {
            return null;
        }

        var streak = 0;
        foreach (var period in published.OrderDescending())
        {
            var m = history.FirstOrDefault(h => h.Period == period);
            if (m is null || m.Status != MonthStatus.Accepted || !m.Percent.AtLeast(rule.Percent))
            {
                break;
            }

            streak++;
            if (streak >= rule.Months)
            {
                break;
            }
        }

        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{streak} of {rule.Months} months ≥ {rule.Percent:0.##} % towards {rule.To.Code}");
    }
}
