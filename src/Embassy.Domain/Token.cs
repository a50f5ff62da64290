namespace Embassy.Domain;

/// <summary>A token the program pays in: its symbol and how many decimals its smallest unit has.</summary>
/// <remarks>PHA has 12 decimals (1 PHA = 10^12 planck); an 18-decimal ERC-20 has 10^18 units per token (RULES.md R5).</remarks>
public sealed record Token
{
    /// <summary>Decimals a person reads unless the policy says otherwise (issue #10: four, trailing zeros trimmed).</summary>
    public const int DefaultDisplayDecimals = 4;

    /// <summary>Creates a token description.</summary>
    /// <param name="symbol">The ticker.</param>
    /// <param name="decimals">Decimals of the smallest unit.</param>
    /// <param name="displayDecimals">Decimals shown to people (a policy setting); never more than <paramref name="decimals"/>.</param>
    public Token(string symbol, int decimals, int displayDecimals = DefaultDisplayDecimals)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        // 10^30 still fits UInt128 with ample headroom for pools; more decimals than that no token uses.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 30);
        ArgumentOutOfRangeException.ThrowIfNegative(displayDecimals);
        Symbol = symbol;
        Decimals = decimals;
        DisplayDecimals = Math.Min(displayDecimals, decimals);
        UnitsPerToken = UInt128Pow10(decimals);
    }

    /// <summary>PHA on the Phala parachain: 12 decimals.</summary>
    public static Token Pha { get; } = new("PHA", 12);

    /// <summary>The ticker, e.g. PHA.</summary>
    public string Symbol { get; }

    /// <summary>Decimals of the smallest unit.</summary>
    public int Decimals { get; }

    /// <summary>10^Decimals.</summary>
    public UInt128 UnitsPerToken { get; }

    /// <summary>
    /// How many decimals pages show (<see cref="TokenAmount.Display"/>); downloads and files keep every unit. Not part
    /// of the token's identity: two policies paying the same token may show it differently.
    /// </summary>
    public int DisplayDecimals { get; }

    /// <summary>The same token: symbol and decimals (the display setting is not the token).</summary>
    public bool Equals(Token? other) => other is not null && Symbol == other.Symbol && Decimals == other.Decimals;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Symbol, Decimals);

    /// <summary>An amount of whole tokens.</summary>
    public TokenAmount Whole(ulong tokens) => new(this, checked(UnitsPerToken * tokens));

    /// <summary>An amount in smallest units.</summary>
    public TokenAmount Units(UInt128 units) => new(this, units);

    /// <summary>Zero of this token.</summary>
    public TokenAmount Zero => new(this, UInt128.Zero);

    internal static UInt128 UInt128Pow10(int exponent)
    {
        UInt128 r = 1;
        for (var i = 0; i < exponent; i++)
        {
            r = checked(r * 10);
        }

        return r;
    }
}
