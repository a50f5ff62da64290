namespace Embassy.Domain.Rules;

/// <summary>One recorded payout address of a member on one rail, as the hold rule reads it.</summary>
/// <param name="Address">The address (compared case-insensitively: EVM checksums differ only in case).</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="RecordedBy">Who recorded it (an admin, or the member proving it), or null for old rows.</param>
/// <param name="Proven">True when the member proved control of it by signing Embassy's challenge (issue #13).</param>
public sealed record AddressEntry(string Address, DateTimeOffset RecordedAt, string? RecordedBy, bool Proven);

/// <summary>Where the address a member is paid to came from: the change that made it current.</summary>
/// <param name="Address">The current address.</param>
/// <param name="Since">When it became current (the first record of it after a different address, or the first ever).</param>
/// <param name="By">Who recorded that change.</param>
/// <param name="Proven">True when the member proved this address (in any record of it).</param>
/// <param name="IsChange">True when it replaced a different address on the rail (false for a member's first address).</param>
/// <param name="Previous">The address it replaced, or null.</param>
public sealed record AddressProvenance(string Address, DateTimeOffset Since, string? By, bool Proven, bool IsChange, string? Previous);

/// <summary>
/// Issue #13: payout addresses members prove. A change of payout address that the member did not prove (an admin typed
/// it, or a report gave it) waits <c>payout.address_cooling_days</c> before it is paid, the way a bank holds a payment
/// after a change of payee details and an exchange locks a newly whitelisted withdrawal address: a hijacked account
/// that edits one line cannot redirect the next payout before the member notices. A member's first address is not a
/// redirection of anything and is not held (the signers still see it as a new recipient); a proven address is never held.
/// </summary>
public static class AddressHold
{
    /// <summary>The provenance of the current (last) address in <paramref name="history"/>, oldest first; null when empty.</summary>
    public static AddressProvenance? Current(IReadOnlyList<AddressEntry> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count == 0)
        {
            return null;
        }

        var current = history[^1];
        var start = history.Count - 1;
        while (start > 0 && Same(history[start - 1].Address, current.Address))
        {
            start--;
        }

        var proven = history.Any(h => h.Proven && Same(h.Address, current.Address));
        var previous = start > 0 ? history[start - 1].Address : null;
        return new AddressProvenance(current.Address, history[start].RecordedAt, history[start].RecordedBy, proven, previous is not null, previous);
    }

    /// <summary>
    /// Until when a payout to <paramref name="provenance"/>'s address is held at <paramref name="now"/>: the end of the
    /// cooling period for an unproven change still inside it; null when it may be paid.
    /// </summary>
    public static DateTimeOffset? HeldUntil(AddressProvenance provenance, DateTimeOffset now, int coolingDays)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        ArgumentOutOfRangeException.ThrowIfNegative(coolingDays);
        if (provenance.Proven || !provenance.IsChange || coolingDays == 0)
        {
            return null;
        }

        var until = provenance.Since + TimeSpan.FromDays(coolingDays);
        return now < until ? until : null;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
