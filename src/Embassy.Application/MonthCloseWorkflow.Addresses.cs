using System.Globalization;
using Embassy.Data;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>A payout left out of the signing file (issue #13), with the amount carried and why.</summary>
/// <param name="Member">The member's login.</param>
/// <param name="Address">The address it would have gone to.</param>
/// <param name="Amount">The amount held (carried to the member's next payout, as below the rail's minimum).</param>
/// <param name="Reason">Why, in a sentence.</param>
public sealed record HeldPayout(string Member, string Address, TokenAmount Amount, string Reason);

/// <summary>R5: an amount an earlier month carried (<paramref name="From"/>) that this month's payout to <paramref name="Member"/> pays.</summary>
public sealed record CarriedInPayout(string Member, Period From, TokenAmount Amount);

/// <summary>The month's side of proven payout addresses (#13): where each paid address came from, and the payouts held.</summary>
public sealed partial class MonthCloseWorkflow
{
    /// <summary>Diagnostic code: a payout held for an unproven address change (warning at approval).</summary>
    public const string PayoutAddressHeld = "PAYOUT_ADDRESS_HELD";

    /// <summary>Diagnostic code: an amount an earlier month carried (R5) is added to this month's payout (information at approval).</summary>
    public const string PayoutCarriedIn = "PAYOUT_CARRIED_IN";

    /// <summary>Diagnostic code: an amount carried in another token or on another rail cannot be added to this month's payout (warning at approval).</summary>
    public const string PayoutCarriedElsewhere = "PAYOUT_CARRIED_ELSEWHERE";

    /// <summary>
    /// The provenance of each member's current address on the policy's rail (issue #13): when and by whom it was set,
    /// whether the member proved it, and the address it replaced. Keyed by member id.
    /// </summary>
    internal static async Task<Dictionary<long, AddressProvenance>> ProvenanceAsync(EmbassyDbContext db, Policy policy, IReadOnlyCollection<long> memberIds, CancellationToken cancellationToken)
    {
        var rail = RailName(policy.Payout.Rail);
        var ids = memberIds.ToHashSet();
        var rows = await db.PayoutAddresses.AsNoTracking().Where(a => policy.Payout.Rail == PayoutRail.Manual || a.Rail == rail)
            .Select(a => new { a.Id, a.MemberId, a.Address, a.ValidFrom, a.RecordedAt, a.RecordedBy, a.ProvenAt }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Where(a => ids.Contains(a.MemberId)).GroupBy(a => a.MemberId).ToDictionary(
            g => g.Key,
            g => AddressHold.Current(g.OrderBy(a => a.ValidFrom).ThenBy(a => a.Id).Select(a => new AddressEntry(a.Address, a.RecordedAt, a.RecordedBy, a.ProvenAt is not null)).ToArray())!);
    }

    /// <summary>
    /// Why a payout to <paramref name="provenance"/> is held at <paramref name="now"/>, or null. Only the evm rail can be
    /// proven (EIP-191 signatures), so only its unproven changes are held; substrate and manual payouts are not.
    /// </summary>
    internal static string? HoldReason(Policy policy, AddressProvenance? provenance, DateTimeOffset now)
    {
        if (policy.Payout.Rail != PayoutRail.Evm || provenance is null || AddressHold.HeldUntil(provenance, now, policy.Payout.AddressCoolingDays) is not { } until)
        {
            return null;
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"Held: the payout address changed from {provenance.Previous} to {provenance.Address} on {ProgramTables.Stamp(provenance.Since)} by {provenance.By ?? "an unknown actor"} without the member's signed proof; unproven changes wait {policy.Payout.AddressCoolingDays} days (payout.address_cooling_days), until {ProgramTables.Stamp(until)}. The amount is carried to the next payout; the member can prove the address on their page.");
    }

    /// <summary>The payouts of an approved month held out of its signing file, with the reason of each.</summary>
    public async Task<IReadOnlyList<HeldPayout>> HeldAsync(Period period, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await PaidMonthAsync(db, period, cancellationToken).ConfigureAwait(false) is { } month
            ? await HeldAsync(db, month, cancellationToken).ConfigureAwait(false)
            : [];
    }

    /// <summary>
    /// An approved month's payouts held out of its signing file, and the amounts earlier months carried (R5) that its
    /// payouts pay, by member then month: the admin's month page, from one read of the month.
    /// </summary>
    public async Task<(IReadOnlyList<HeldPayout> Held, IReadOnlyList<CarriedInPayout> CarriedIn)> PayoutNotesAsync(Period period, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (await PaidMonthAsync(db, period, cancellationToken).ConfigureAwait(false) is not { } month)
        {
            return ([], []);
        }

        var held = await HeldAsync(db, month, cancellationToken).ConfigureAwait(false);
        var rows = await (
                from paying in db.Payouts.AsNoTracking()
                where paying.MonthCloseId == month.CloseId
                join carried in db.Payouts on paying.Id equals carried.SettledByPayoutId
                join earlier in db.MonthCloses on carried.MonthCloseId equals earlier.Id
                select new { paying.MemberId, earlier.Period, carried.CarriedUnits })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return (held, [.. rows.Select(r => new CarriedInPayout(month.Login(r.MemberId), r.Period, month.Token.Units(r.CarriedUnits)))
            .OrderBy(r => r.Member, StringComparer.Ordinal).ThenBy(r => r.From)]);
    }

    /// <summary>A closed month's id, token and members' logins, as its payout lists name them.</summary>
    private sealed record PaidMonth(long CloseId, Token Token, Dictionary<long, string> Logins)
    {
        public string Login(long memberId) => Logins.GetValueOrDefault(memberId) ?? memberId.ToString(CultureInfo.InvariantCulture);
    }

    private static async Task<PaidMonth?> PaidMonthAsync(EmbassyDbContext db, Period period, CancellationToken cancellationToken)
    {
        var close = await db.MonthCloses.AsNoTracking().SingleOrDefaultAsync(c => c.Period == period, cancellationToken).ConfigureAwait(false);
        if (close is null)
        {
            return null;
        }

        var snapshot = await MonthStore.StatementAsync(db, close, cancellationToken).ConfigureAwait(false);
        return new PaidMonth(close.Id, snapshot.Token, snapshot.Members.Where(m => m.MemberId > 0).ToDictionary(m => m.MemberId, m => m.Login));
    }

    private static async Task<HeldPayout[]> HeldAsync(EmbassyDbContext db, PaidMonth month, CancellationToken cancellationToken)
    {
        var held = await db.Payouts.AsNoTracking().Where(p => p.MonthCloseId == month.CloseId && p.HeldReason != null).OrderBy(p => p.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. held.Select(p => new HeldPayout(month.Login(p.MemberId), p.Address, month.Token.Units(p.CarriedUnits), p.HeldReason!))];
    }

    /// <summary>Where the address each member of an approved month's payout is paid to came from, keyed by login.</summary>
    public async Task<IReadOnlyDictionary<string, AddressProvenance>> AddressProvenanceAsync(Period period, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var close = await db.MonthCloses.AsNoTracking().SingleOrDefaultAsync(c => c.Period == period, cancellationToken).ConfigureAwait(false);
        if (close is null)
        {
            return new Dictionary<string, AddressProvenance>(StringComparer.Ordinal);
        }

        var snapshot = await MonthStore.StatementAsync(db, close, cancellationToken).ConfigureAwait(false);
        var policy = PolicyOf(snapshot.Policy.Id, period);
        var names = snapshot.Members.Where(m => m.MemberId > 0).ToDictionary(m => m.MemberId, m => m.Login);
        var provenance = await ProvenanceAsync(db, policy, names.Keys, cancellationToken).ConfigureAwait(false);
        return provenance.ToDictionary(p => names[p.Key], p => p.Value, StringComparer.Ordinal);
    }
}
