using Embassy.Domain.Rules;

namespace Embassy.Domain.Treasury;

/// <summary>What the month close does with an amount above a fiat cap (RULES.md R10; a policy setting).</summary>
public enum CapMode
{
    /// <summary>Keep the amount and flag it for an admin (warning <see cref="TreasuryCodes.CapExceeded"/>).</summary>
    Flag,

    /// <summary>Lower the amount to the cap and flag it (warning <see cref="TreasuryCodes.CapClamped"/>).</summary>
    Clamp,
}

/// <summary>
/// A cap written in dollars, e.g. proposal #14's "maximum 2,000 $ worth of PHA per month" for senior bounties
/// (RULES.md R10). <paramref name="Name"/> says what it caps, for the messages.
/// </summary>
/// <param name="Name">What is capped ("senior bounties", "educator bounties").</param>
/// <param name="Cap">The cap in dollars per month.</param>
/// <param name="Mode">Flag only, or clamp and flag.</param>
public sealed record FiatCapRule(string Name, UsdAmount Cap, CapMode Mode);

/// <summary>One amount before and after a cap.</summary>
/// <param name="Key">Whose amount (a member or bounty id).</param>
/// <param name="Requested">The amount before the cap.</param>
/// <param name="Paid">The amount after it (equal to requested unless clamped).</param>
public sealed record CappedLine(string Key, TokenAmount Requested, TokenAmount Paid);

/// <summary>The outcome of applying a fiat cap to a month's amounts.</summary>
/// <param name="Rule">The cap applied.</param>
/// <param name="Price">The price it was converted with.</param>
/// <param name="CapInTokens">The cap in tokens at that price, rounded down.</param>
/// <param name="Lines">Each amount before and after.</param>
/// <param name="Exceeded">True when the requested total was above the cap.</param>
public sealed record CapOutcome(FiatCapRule Rule, PriceRecord Price, TokenAmount CapInTokens, IReadOnlyList<CappedLine> Lines, bool Exceeded)
{
    /// <summary>The requested total.</summary>
    public TokenAmount RequestedTotal => Lines.Aggregate(CapInTokens.Token.Zero, (a, l) => a + l.Requested);

    /// <summary>The total after the cap.</summary>
    public TokenAmount PaidTotal => Lines.Aggregate(CapInTokens.Token.Zero, (a, l) => a + l.Paid);
}

/// <summary>Applies fiat caps with the month's recorded price (RULES.md R10).</summary>
public static class FiatCap
{
    /// <summary>
    /// Applies <paramref name="rule"/> to the total of <paramref name="lines"/> for <paramref name="period"/>.
    /// The cap is on the total ("2,000 $ worth of PHA per month, distributed to active seniors"); when clamping, the
    /// cap is shared in proportion to the requested amounts by largest remainder (R5), so the parts sum to the cap
    /// exactly and no line grows.
    /// </summary>
    /// <returns>
    /// The outcome with a warning when above the cap, or the error <see cref="TreasuryCodes.PriceMissing"/> when no price
    /// is recorded for the month (a cap is never converted with a guessed price).
    /// </returns>
    public static Result<CapOutcome> Apply(
        FiatCapRule rule, Period period, IReadOnlyList<(string Key, TokenAmount Amount)> lines, IEnumerable<PriceRecord> prices, Token token)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentNullException.ThrowIfNull(token);
        if (lines.Select(l => l.Key).Distinct(StringComparer.Ordinal).Count() != lines.Count)
        {
            throw new ArgumentException("Each line needs a distinct key.", nameof(lines));
        }

        var price = PriceRecord.For(prices, period, token);
        if (price is null)
        {
            return Result<CapOutcome>.Fail(
                TreasuryCodes.PriceMissing,
                $"No {token.Symbol}/USD price is recorded for {period}; record one (with its source and date) before applying the {rule.Name} cap of {rule.Cap}.");
        }

        var capTokens = price.Price.TokensWorth(rule.Cap);
        var total = lines.Aggregate(token.Zero, (a, l) => a + l.Amount);
        if (total <= capTokens)
        {
            return Result<CapOutcome>.Ok(new CapOutcome(rule, price, capTokens, lines.Select(l => new CappedLine(l.Key, l.Amount, l.Amount)).ToArray(), false));
        }

        var worth = price.Price.WorthOf(total).FloorToCents();
        var what = $"{period} {rule.Name}: {total} (worth {worth.Format()} USD at {price.Price.Format()} USD/{token.Symbol}, {price.Source} {price.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}) is above the cap of {rule.Cap} = {capTokens}";
        if (rule.Mode == CapMode.Flag)
        {
            var flagged = lines.Select(l => new CappedLine(l.Key, l.Amount, l.Amount)).ToArray();
            return Result<CapOutcome>.Ok(
                new CapOutcome(rule, price, capTokens, flagged, true),
                [Diagnostic.Warning(TreasuryCodes.CapExceeded, what + "; kept as it is for an admin to decide.")]);
        }

        var parts = LargestRemainder.Split(capTokens.Units, lines.Select(l => l.Amount.Units).ToArray(), lines.Select(l => l.Key).ToArray());
        var clamped = lines.Select((l, i) => new CappedLine(l.Key, l.Amount, token.Units(parts[i]))).ToArray();
        return Result<CapOutcome>.Ok(
            new CapOutcome(rule, price, capTokens, clamped, true),
            [Diagnostic.Warning(TreasuryCodes.CapClamped, what + "; lowered to the cap, shared in proportion to the amounts.")]);
    }
}
