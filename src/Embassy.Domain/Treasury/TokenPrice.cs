using System.Numerics;

namespace Embassy.Domain.Treasury;

/// <summary>
/// The price of one whole token in US dollars (e.g. 0.1234 USD per PHA), exact as written by its source.
/// RULES.md R10: fiat caps convert with the month's price; a rounded double would move a cap by whole planck.
/// </summary>
public readonly record struct TokenPrice
{
    private readonly ExactDecimal _usdPerToken;

    private TokenPrice(Token token, ExactDecimal usdPerToken)
    {
        Token = token;
        _usdPerToken = usdPerToken;
    }

    /// <summary>The token priced.</summary>
    public Token Token { get; }

    internal ExactDecimal Exact => _usdPerToken;

    /// <summary>
    /// Parses "0.1234", "$0.1234" as the dollar price of one <paramref name="token"/>. Zero is refused: a month with a
    /// zero price would turn every cap into an unlimited one.
    /// </summary>
    /// <returns>The price, or the error <see cref="TreasuryCodes.PriceInvalid"/>.</returns>
    public static Result<TokenPrice> Parse(string? text, Token token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var s = (text ?? string.Empty).Trim();
        if (s.EndsWith("USD", StringComparison.OrdinalIgnoreCase))
        {
            s = s[..^3].TrimEnd();
        }

        s = s.TrimStart('$').TrimEnd('$').Trim();
        if (!ExactDecimal.TryParse(s, out var value) || value.IsZero)
        {
            return Result<TokenPrice>.Fail(
                TreasuryCodes.PriceInvalid,
                $"'{text}' is not a price; write the dollars per {token.Symbol} as a positive decimal, e.g. 0.1234.");
        }

        return Result<TokenPrice>.Ok(new TokenPrice(token, value));
    }

    /// <summary>
    /// The amount of tokens worth <paramref name="usd"/> at this price, rounded down to the smallest unit
    /// (R10: "2,000 $ worth of PHA" never pays a planck more than 2,000 $).
    /// </summary>
    /// <exception cref="OverflowException">When the amount does not fit the token's range.</exception>
    public TokenAmount TokensWorth(UsdAmount usd)
    {
        // units = usd × unitsPerToken / price, with both decimals written as mantissa / 10^scale.
        var u = usd.Exact;
        var numerator = u.Mantissa * _usdPerToken.Denominator * (BigInteger)Token.UnitsPerToken;
        var denominator = u.Denominator * _usdPerToken.Mantissa;
        var units = BigInteger.Divide(numerator, denominator);
        return Token.Units(checked((UInt128)units));
    }

    /// <summary>What <paramref name="amount"/> is worth in dollars at this price, exactly (a finite decimal).</summary>
    public UsdAmount WorthOf(TokenAmount amount)
    {
        if (!Equals(amount.Token, Token))
        {
            throw new ArgumentException($"A {Token.Symbol} price cannot value {amount.Token.Symbol}.", nameof(amount));
        }

        var mantissa = (BigInteger)amount.Units * _usdPerToken.Mantissa;
        return UsdAmount.FromExact(new ExactDecimal(mantissa, Token.Decimals + _usdPerToken.Scale));
    }

    /// <summary>"0.1234".</summary>
    public string Format() => _usdPerToken.Format(0, grouped: true);

    /// <summary>"0.1234 USD/PHA".</summary>
    public override string ToString() => Format() + " USD/" + Token?.Symbol;
}

/// <summary>
/// The PHA/USD price used for a month (RULES.md R10): which month, the price, where it came from (e.g. "CoinGecko
/// monthly close") and the date it was read, so that every converted cap can be traced.
/// </summary>
/// <param name="Period">The month the price applies to.</param>
/// <param name="Price">The exact price.</param>
/// <param name="Source">Where it was read.</param>
/// <param name="Date">The day it was read or quoted.</param>
public sealed record PriceRecord(Period Period, TokenPrice Price, string Source, DateOnly Date)
{
    /// <summary>
    /// A price an admin enters for a month: the price text is parsed exactly and a source is required (R10: "recorded
    /// with its source and date").
    /// </summary>
    /// <returns>The record, or <see cref="TreasuryCodes.PriceInvalid"/> / <see cref="TreasuryCodes.PriceSourceMissing"/>.</returns>
    public static Result<PriceRecord> Create(Period period, string? price, string? source, DateOnly date, Token token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var parsed = TokenPrice.Parse(price, token);
        var found = parsed.Errors.ToList();
        if (string.IsNullOrWhiteSpace(source))
        {
            found.Add(Diagnostic.Error(TreasuryCodes.PriceSourceMissing, "Say where the price was read (an exchange, an aggregator, a close)."));
        }

        return found.Count > 0
            ? Result<PriceRecord>.Fail(found)
            : Result<PriceRecord>.Ok(new PriceRecord(period, parsed.Value, source!.Trim(), date));
    }

    /// <summary>The record for <paramref name="period"/> from a list, or null (no fallback to a neighbouring month).</summary>
    public static PriceRecord? For(IEnumerable<PriceRecord> prices, Period period, Token token)
    {
        ArgumentNullException.ThrowIfNull(prices);
        return prices.FirstOrDefault(p => p.Period == period && Equals(p.Price.Token, token));
    }
}
