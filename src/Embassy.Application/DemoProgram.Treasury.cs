using System.Globalization;
using Embassy.Chain;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.Domain.Treasury;

namespace Embassy.Application;

/// <summary>The demo's treasury (issue #6, item 7): proposal #14 as seed 001 states it, with the demo's months drawn on it.</summary>
public sealed partial class DemoProgram
{
    /// <summary>Why the demo draws beyond proposal #14: its made-up months pay more than the seed's 100,000 PHA (R10 override).</summary>
    public const string OverdrawReason = "Demo program: the made-up months pay more than proposal #14's 100,000 PHA; drawn by override to show how one is recorded.";

    // Made-up prices, labelled as such in their source; the demo never claims a market price.
    private static readonly string[] DemoPrices = ["0.12", "0.11", "0.13", "0.125"];

    /// <summary>
    /// Stores proposal #14 (<see cref="TreasuryDemo.Proposal14"/>), a made-up PHA/USD price for every demo month, the
    /// channel counts of the milestone 1 report, one community bounty (the seed's Telegram bot, 250 $ at the month's
    /// price) and draws for the closed months <paramref name="first"/>..before <paramref name="current"/>; a month beyond
    /// the funding is drawn with the demo's override reason (R10).
    /// </summary>
    private async Task SeedTreasuryAsync(Period first, Period current, Random rng, CancellationToken cancellationToken)
    {
        var store = new TreasuryStore(databases, time, _catalog);
        Check(await store.AddAsync(TreasuryDemo.Proposal14(), Actor, cancellationToken).ConfigureAwait(false), "proposal #14");
        var i = 0;
        for (var period = first; period <= current; period = period.Next, i++)
        {
            var price = DemoPrices[i % DemoPrices.Length];
            Check(await store.RecordPriceAsync(period, price, "Demo price (made up)", period.Next.FirstDay.AddDays(-1), Actor, cancellationToken).ConfigureAwait(false), "price " + period);
        }

        foreach (var count in TreasuryDemo.ReportedCounts(first.FirstDay))
        {
            Check(await store.RecordChannelCountAsync(count, Actor, cancellationToken).ConfigureAwait(false), "channel count " + count.Channel);
        }

        if (first < current)
        {
            var policy = _catalog.ForPeriod(first);
            var key = new byte[32];
            rng.NextBytes(key);
            var address = policy.Payout.Rail == PayoutRail.Evm ? EvmAddress.ToChecksum(key.AsSpan(0, 20)) : Ss58Address.Encode(key, policy.Payout.Ss58Prefix);
            var bounty = Check(
                await store.CreateBountyAsync(
                    new BountyInput(
                        "Phala Telegram Bot for solo miners and delegators", "Demo bot builder", "telegram=@phala_stat_bot", address,
                        "https://t.me/phala_stat_bot", "250", InUsd: true, first, first.FirstDay.AddDays(19), TreasuryDemo.Proposal14().Number),
                    Actor,
                    cancellationToken).ConfigureAwait(false),
                "bounty");
            Check(await store.ApproveBountyAsync(long.Parse(bounty.Id, CultureInfo.InvariantCulture), "demo-admin", cancellationToken).ConfigureAwait(false), "bounty approval");
            Check(await store.DrawBountiesAsync(first, bounty.ProposalNumber, "demo-admin", null, cancellationToken).ConfigureAwait(false), "bounty draw");
        }

        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        for (var period = first; period < current; period = period.Next)
        {
            var total = (await MonthStore.FindAsync(db, period, cancellationToken).ConfigureAwait(false))?.Month.TotalPaid;
            var key = TreasuryDraws.MonthId(period);
            if (total is not { IsZero: false } amount || db.TreasuryDraws.Any(d => d.DrawKey == key))
            {
                continue;
            }

            var date = period.Next.FirstDay.AddDays(5);
            var drawn = await TreasuryStore.DrawMonthAsync(db, period, amount, date, null, Actor, now, cancellationToken).ConfigureAwait(false);
            if (drawn.Errors.Any(e => e.Code == TreasuryCodes.Overdrawn))
            {
                drawn = await TreasuryStore.DrawMonthAsync(db, period, amount, date, new DrawOverride("demo-admin", OverdrawReason, now), "demo-admin", now, cancellationToken).ConfigureAwait(false);
            }

            Check(drawn, "draw of " + period);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static T Check<T>(Result<T> result, string what) => result.IsSuccess
        ? result.Value
        : throw new InvalidOperationException($"The demo treasury's {what} was refused: " + string.Join("; ", result.Errors));
}
