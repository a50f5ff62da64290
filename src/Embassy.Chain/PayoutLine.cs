using Embassy.Domain;

namespace Embassy.Chain;

/// <summary>One amount owed to one member, as the month close (or a payouts.csv) states it.</summary>
/// <param name="Member">The member's id (GitHub login, R2).</param>
/// <param name="Address">The payout address as recorded; checked again by the rail's builder.</param>
/// <param name="Amount">Exact amount in the token's smallest units.</param>
/// <param name="Handle">A display handle for the manual sheet (Discord, Telegram…), when known.</param>
/// <param name="Source">Where the line came from (file and line), for diagnostics.</param>
public sealed record PayoutLine(string Member, string Address, TokenAmount Amount, string? Handle = null, SourcePosition? Source = null);

/// <summary>
/// An amount not paid now and owed on the member's next payout (R5: a payout below the rail's minimum is
/// carried, not lost).
/// </summary>
/// <param name="Member">The member.</param>
/// <param name="Address">The address it would have gone to.</param>
/// <param name="Amount">The amount carried.</param>
public sealed record CarriedAmount(string Member, string Address, TokenAmount Amount);

/// <summary>One transfer of a batch: an address, its amount, and the member line(s) it pays.</summary>
/// <typeparam name="TAddress">The rail's address type.</typeparam>
/// <param name="Destination">The checked address.</param>
/// <param name="Amount">The amount.</param>
/// <param name="Members">The members paid, more than one when lines to the same address were merged.</param>
public sealed record PayoutTransfer<TAddress>(TAddress Destination, TokenAmount Amount, IReadOnlyList<string> Members)
    where TAddress : notnull;
