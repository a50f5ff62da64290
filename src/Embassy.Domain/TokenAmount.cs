using System.Globalization;
using System.Text;

namespace Embassy.Domain;

/// <summary>
/// An exact, non-negative amount of a token, held as an integer of its smallest unit (RULES.md R5:
/// "Money is exact"). There is no floating point anywhere in this type.
/// </summary>
public readonly record struct TokenAmount : IComparable<TokenAmount>
{
    /// <summary>Creates an amount of <paramref name="units"/> smallest units of <paramref name="token"/>.</summary>
    public TokenAmount(Token token, UInt128 units)
    {
        ArgumentNullException.ThrowIfNull(token);
        Token = token;
        Units = units;
    }

    /// <summary>The token.</summary>
    public Token Token { get; }

    /// <summary>The amount in smallest units (planck for PHA).</summary>
    public UInt128 Units { get; }

    /// <summary>True for zero.</summary>
    public bool IsZero => Units == UInt128.Zero;

    /// <summary>Adds two amounts of the same token; overflow throws.</summary>
    public static TokenAmount operator +(TokenAmount left, TokenAmount right)
    {
        SameToken(left, right);
        return new TokenAmount(left.Token, checked(left.Units + right.Units));
    }

    /// <summary>Subtracts; a negative result throws <see cref="OverflowException"/>, since amounts are never negative.</summary>
    public static TokenAmount operator -(TokenAmount left, TokenAmount right)
    {
        SameToken(left, right);
        return new TokenAmount(left.Token, checked(left.Units - right.Units));
    }

    /// <summary>Multiplies by a whole number; overflow throws.</summary>
    public static TokenAmount operator *(TokenAmount left, ulong factor) => new(left.Token, checked(left.Units * factor));

    /// <summary>Orders amounts of the same token.</summary>
    public static bool operator <(TokenAmount left, TokenAmount right) => left.CompareTo(right) < 0;

    /// <summary>Orders amounts of the same token.</summary>
    public static bool operator >(TokenAmount left, TokenAmount right) => left.CompareTo(right) > 0;

    /// <summary>Orders amounts of the same token.</summary>
    public static bool operator <=(TokenAmount left, TokenAmount right) => left.CompareTo(right) <= 0;

    /// <summary>Orders amounts of the same token.</summary>
    public static bool operator >=(TokenAmount left, TokenAmount right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public int CompareTo(TokenAmount other)
    {
        SameToken(this, other);
        return Units.CompareTo(other.Units);
    }

    /// <summary>The smaller of two amounts.</summary>
    public static TokenAmount Min(TokenAmount a, TokenAmount b) => a <= b ? a : b;

    /// <summary>
    /// Formats in whole tokens: thousands grouped with ',' unless <paramref name="grouped"/> is false,
    /// trailing zero decimals dropped: "84,000", "8,178.333333333333", "0.01".
    /// </summary>
    public string Format(bool grouped = true)
    {
        var whole = Units / Token.UnitsPerToken;
        var frac = Units % Token.UnitsPerToken;
        var wholeText = whole.ToString(CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        if (grouped)
        {
            var first = wholeText.Length % 3;
            if (first == 0)
            {
                first = 3;
            }

            sb.Append(wholeText, 0, first);
            for (var i = first; i < wholeText.Length; i += 3)
            {
                sb.Append(',').Append(wholeText, i, 3);
            }
        }
        else
        {
            sb.Append(wholeText);
        }

        if (frac != UInt128.Zero)
        {
            var fracText = frac.ToString(CultureInfo.InvariantCulture).PadLeft(Token.Decimals, '0').TrimEnd('0');
            sb.Append('.').Append(fracText);
        }

        return sb.ToString();
    }

    /// <summary>
    /// The amount as a person reads it (issue #10's display rule): grouped whole tokens with at most the token's
    /// <see cref="Token.DisplayDecimals"/> decimals, cut (never rounded up, so a page never shows more than is paid),
    /// trailing zeros trimmed: 38,338.044743307901234567 reads "38,338.0447". Pages put the exact units beside it.
    /// </summary>
    public string Display()
    {
        var step = Token.UInt128Pow10(Token.Decimals - Token.DisplayDecimals);
        return new TokenAmount(Token, Units / step * step).Format();
    }

    /// <summary>True when <see cref="Display"/> drops units (the exact amount has more decimals than are shown).</summary>
    public bool IsCutForDisplay => Units % Token.UInt128Pow10(Token.Decimals - Token.DisplayDecimals) != UInt128.Zero;

    /// <summary>"8,178.333333333333 PHA".</summary>
    public override string ToString() => Format() + " " + Token.Symbol;

    /// <summary>
    /// Parses an amount in whole tokens ("8,178.333333333333", "8178.5", "0.01", "84 000" is refused).
    /// An optional trailing symbol equal to the token's is allowed. Never throws on bad text.
    /// </summary>
    /// <returns>The amount, or an error: AMOUNT_EMPTY, AMOUNT_NEGATIVE, AMOUNT_TOO_MANY_DECIMALS, AMOUNT_TOO_LARGE, AMOUNT_INVALID.</returns>
    public static Result<TokenAmount> Parse(string? text, Token token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var s = text?.Trim() ?? string.Empty;
        if (s.EndsWith(token.Symbol, StringComparison.OrdinalIgnoreCase))
        {
            s = s[..^token.Symbol.Length].TrimEnd();
        }

        if (s.Length == 0)
        {
            return Result<TokenAmount>.Fail("AMOUNT_EMPTY", "The amount is empty.");
        }

        if (s[0] == '-' || s[0] == '\u2212')
        {
            return Result<TokenAmount>.Fail("AMOUNT_NEGATIVE", $"'{text}' is negative; amounts are never negative.");
        }

        if (s[0] == '+')
        {
            s = s[1..];
        }

        var dot = s.IndexOf('.', StringComparison.Ordinal);
        var wholePart = dot < 0 ? s : s[..dot];
        var fracPart = dot < 0 ? string.Empty : s[(dot + 1)..];
        if (!IsGroupedDigits(wholePart) || !fracPart.All(char.IsAsciiDigit) || (wholePart.Length == 0 && fracPart.Length == 0)
            || (dot >= 0 && fracPart.Length == 0))
        {
            return Result<TokenAmount>.Fail("AMOUNT_INVALID", $"'{text}' is not an amount; write digits with an optional '.' and up to {token.Decimals} decimals, e.g. 8178.5.");
        }

        if (fracPart.Length > token.Decimals)
        {
            return Result<TokenAmount>.Fail(
                "AMOUNT_TOO_MANY_DECIMALS",
                $"'{text}' has {fracPart.Length} decimals; {token.Symbol} has only {token.Decimals}.");
        }

        var digits = wholePart.Replace(",", string.Empty, StringComparison.Ordinal);
        if (digits.Length == 0)
        {
            digits = "0";
        }

        var units = fracPart.PadRight(token.Decimals, '0');
        if (!UInt128.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
        {
            return Result<TokenAmount>.Fail("AMOUNT_TOO_LARGE", $"'{text}' is too large.");
        }

        var fracUnits = units.Length == 0 ? UInt128.Zero : UInt128.Parse(units, NumberStyles.None, CultureInfo.InvariantCulture);
        try
        {
            return Result<TokenAmount>.Ok(new TokenAmount(token, checked(whole * token.UnitsPerToken + fracUnits)));
        }
        catch (OverflowException)
        {
            return Result<TokenAmount>.Fail("AMOUNT_TOO_LARGE", $"'{text}' is too large.");
        }
    }

    /// <summary>Parses an integer count of smallest units ("8178333333333333333").</summary>
    public static Result<TokenAmount> ParseUnits(string? text, Token token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var s = text?.Trim() ?? string.Empty;
        if (s.Length == 0)
        {
            return Result<TokenAmount>.Fail("AMOUNT_EMPTY", "The amount is empty.");
        }

        if (s[0] == '-')
        {
            return Result<TokenAmount>.Fail("AMOUNT_NEGATIVE", $"'{text}' is negative; amounts are never negative.");
        }

        if (!s.All(char.IsAsciiDigit))
        {
            return Result<TokenAmount>.Fail("AMOUNT_INVALID", $"'{text}' is not a whole number of smallest units.");
        }

        return UInt128.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var units)
            ? Result<TokenAmount>.Ok(new TokenAmount(token, units))
            : Result<TokenAmount>.Fail("AMOUNT_TOO_LARGE", $"'{text}' is too large.");
    }

    private static bool IsGroupedDigits(string s)
    {
        if (!s.Contains(',', StringComparison.Ordinal))
        {
            return s.All(char.IsAsciiDigit);
        }

        // "8,178" or "84,000,000": groups of three after the first group of 1–3.
        var groups = s.Split(',');
        if (groups[0].Length is < 1 or > 3 || !groups[0].All(char.IsAsciiDigit))
        {
            return false;
        }

        return groups.Skip(1).All(g => g.Length == 3 && g.All(char.IsAsciiDigit));
    }

    private static void SameToken(TokenAmount a, TokenAmount b)
    {
        if (!Equals(a.Token, b.Token))
        {
            throw new ArgumentException($"Cannot combine {a.Token?.Symbol} and {b.Token?.Symbol} amounts.");
        }
    }
}
