using System.Globalization;
using Embassy.Domain;

namespace Embassy.Chain;

/// <summary>
/// The steps every chain rail shares before it writes anything: check each address, merge a member's lines to the same
/// account, leave out zeros and carry amounts below the minimum (R5, R9). Lines of different members to one address are
/// never merged: each keeps its transfer and the shared address is a warning, so the signers see every member it pays.
/// Errors make the whole payout fail: nothing is ever built from partial input.
/// </summary>
internal static class PayoutPreparation
{
    public static Result<(List<PayoutTransfer<TAddress>> Transfers, List<CarriedAmount> Carried)> Prepare<TAddress>(
        IReadOnlyList<PayoutLine> lines,
        Token token,
        Func<string, Result<TAddress>> parse,
        Func<TAddress, string> displayText,
        TokenAmount? minimum)
        where TAddress : notnull
    {
        ArgumentNullException.ThrowIfNull(lines);
        var diagnostics = new List<Diagnostic>();
        var order = new List<(TAddress Address, string Member)>();
        var merged = new Dictionary<(TAddress Address, string Member), (TokenAmount Amount, List<PayoutLine> Lines)>();
        var payees = new Dictionary<TAddress, List<string>>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var where = line.Source ?? new SourcePosition(i + 1, 0, "payout lines");
            if (!Equals(line.Amount.Token, token))
            {
                diagnostics.Add(Diagnostic.Error(
                    ChainCodes.PayoutWrongToken,
                    $"{line.Member}: the amount is in {line.Amount.Token.Symbol} ({line.Amount.Token.Decimals} decimals) but this rail pays {token.Symbol} ({token.Decimals} decimals).",
                    where));
                continue;
            }

            var parsed = parse(line.Address);
            if (!parsed.IsSuccess)
            {
                foreach (var e in parsed.Errors)
                {
                    diagnostics.Add(Diagnostic.Error(
                        ChainCodes.PayoutBadAddress, $"{line.Member}: {e.Code}: {e.Message}", where));
                }

                continue;
            }

            foreach (var w in parsed.Diagnostics.Where(d => !d.IsError))
            {
                diagnostics.Add(w with { Message = $"{line.Member}: {w.Message}", Position = where });
            }

            var address = parsed.Value;
            var key = (address, line.Member);
            if (merged.TryGetValue(key, out var existing))
            {
                var sum = existing.Amount + line.Amount;
                existing.Lines.Add(line);
                merged[key] = (sum, existing.Lines);
                diagnostics.Add(Diagnostic.Warning(
                    ChainCodes.PayoutMerged,
                    $"{line.Member}: {existing.Lines.Count} lines pay {displayText(address)}; merged into one transfer of {sum}.",
                    where));
            }
            else
            {
                merged[key] = (line.Amount, [line]);
                order.Add(key);
                if (!payees.TryGetValue(address, out var members))
                {
                    payees[address] = members = [];
                }

                members.Add(line.Member);
            }
        }

        foreach (var (address, members) in payees.Where(p => p.Value.Count > 1))
        {
            var first = lines.Select((l, i) => (l, i)).First(x => x.l.Member == members[0]);
            diagnostics.Add(Diagnostic.Warning(
                ChainCodes.PayoutAddressShared,
                string.Create(CultureInfo.InvariantCulture, $"{displayText(address)} is the payout address of {members.Count} members ({string.Join(", ", members)}); each is paid on a line of their own. Check with them before signing."),
                first.l.Source ?? new SourcePosition(first.i + 1, 0, "payout lines")));
        }

        if (diagnostics.Any(d => d.IsError))
        {
            return Result<(List<PayoutTransfer<TAddress>>, List<CarriedAmount>)>.Fail(diagnostics);
        }

        var transfers = new List<PayoutTransfer<TAddress>>();
        var carried = new List<CarriedAmount>();
        foreach (var key in order)
        {
            var address = key.Address;
            var (amount, paid) = merged[key];
            var members = paid.Select(l => l.Member).Distinct(StringComparer.Ordinal).ToArray();
            if (amount.IsZero)
            {
                diagnostics.Add(Diagnostic.Info(
                    ChainCodes.PayoutZero, $"{string.Join(", ", members)}: nothing to pay; left out.", paid[0].Source));
                continue;
            }

            if (minimum is { } min && amount < min)
            {
                // R5/R9: a transfer below the existential deposit would fail on a new account; carry it instead.
                foreach (var l in paid)
                {
                    carried.Add(new CarriedAmount(l.Member, displayText(address), l.Amount));
                }

                diagnostics.Add(Diagnostic.Warning(
                    ChainCodes.PayoutBelowMinimum,
                    string.Create(CultureInfo.InvariantCulture, $"{string.Join(", ", members)}: {amount} is below the rail's minimum of {min}; carried to the next payout."),
                    paid[0].Source));
                continue;
            }

            transfers.Add(new PayoutTransfer<TAddress>(address, amount, members));
        }

        if (transfers.Count == 0)
        {
            diagnostics.Add(Diagnostic.Warning(ChainCodes.PayoutEmpty, "Nothing is left to pay: every line was zero or carried."));
        }

        return Result<(List<PayoutTransfer<TAddress>>, List<CarriedAmount>)>.Ok((transfers, carried), diagnostics);
    }

    /// <summary>The addresses that more than one member is paid to, with those members in order (for the signers' files).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Shared<TAddress>(IEnumerable<PayoutTransfer<TAddress>> transfers, Func<TAddress, string> displayText)
        where TAddress : notnull =>
        transfers.GroupBy(t => displayText(t.Destination), StringComparer.Ordinal)
            .Select(g => (g.Key, Members: g.SelectMany(t => t.Members).Distinct(StringComparer.Ordinal).ToArray()))
            .Where(g => g.Members.Length > 1)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Members, StringComparer.Ordinal);

    public static IReadOnlyList<IReadOnlyList<T>> Chunk<T>(IReadOnlyList<T> items, int chunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        return items.Chunk(chunkSize).Select(c => (IReadOnlyList<T>)c).ToArray();
    }
}
