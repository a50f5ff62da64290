using System.Globalization;
using System.Numerics;

namespace Embassy.Domain.Treasury;

/// <summary>
/// How many months a proposal's remaining balance lasts at the recent monthly spend (RULES.md R10). The recent spend is
/// the mean of the draws counted for the <see cref="Window"/> months ending with <see cref="LastClosed"/> (default:
/// the last 3 closed months, empty months included). Exact: months = remaining × window / spent, kept as a fraction
/// and shown rounded down to one decimal, so "2.9" never claims a month that is not there.
/// </summary>
public sealed record Runway
{
    /// <summary>The default window: the last 3 closed months.</summary>
    public const int DefaultWindow = 3;

    private Runway(TokenAmount remaining, TokenAmount spentInWindow, Period lastClosed, int window, bool anyClosed = true)
    {
        Remaining = remaining;
        SpentInWindow = spentInWindow;
        LastClosed = lastClosed;
        Window = window;
        AnyClosed = anyClosed;
    }

    /// <summary>False when no month is closed yet: there is no spend to measure a runway by (issue #13).</summary>
    public bool AnyClosed { get; }

    /// <summary>The balance left.</summary>
    public TokenAmount Remaining { get; }

    /// <summary>The total drawn for the months of the window.</summary>
    public TokenAmount SpentInWindow { get; }

    /// <summary>The last closed month of the window.</summary>
    public Period LastClosed { get; }

    /// <summary>How many months the window spans.</summary>
    public int Window { get; }

    /// <summary>The first month of the window.</summary>
    public Period FirstMonth => LastClosed.AddMonths(1 - Window);

    /// <summary>The mean monthly spend over the window, rounded down to the smallest unit (for display).</summary>
    public TokenAmount MonthlySpend => Remaining.Token.Units(SpentInWindow.Units / (UInt128)Window);

    /// <summary>False when nothing was drawn in the window: the runway is then unbounded (no recent spend).</summary>
    public bool IsBounded => !SpentInWindow.IsZero;

    /// <summary>Months left in tenths, rounded down: 29 means 2.9 months; null when unbounded.</summary>
    public BigInteger? Tenths => IsBounded
        ? BigInteger.Divide((BigInteger)Remaining.Units * Window * 10, (BigInteger)SpentInWindow.Units)
        : null;

    /// <summary>True when the balance lasts fewer than <paramref name="months"/> months (exact comparison).</summary>
    public bool IsShorterThan(int months) =>
        IsBounded && (BigInteger)Remaining.Units * Window < (BigInteger)SpentInWindow.Units * months;

    /// <summary>"2.9 months", or "no spend in 2024-07..2024-09" when unbounded.</summary>
    public string Format()
    {
        if (!AnyClosed)
        {
            return "no month closed yet";
        }

        if (Tenths is not { } t)
        {
            return $"no spend in {FirstMonth}..{LastClosed}";
        }

        var whole = BigInteger.DivRem(t, 10, out var tenth);
        return whole.ToString(CultureInfo.InvariantCulture) + "." + tenth.ToString(CultureInfo.InvariantCulture) + " months";
    }

    /// <inheritdoc />
    public override string ToString() => Format();

    /// <summary>
    /// The runway of <paramref name="ledger"/> before any month is closed: unbounded, saying so, never measured on months
    /// still open (issue #13); <paramref name="month"/> is the month the page is read in.
    /// </summary>
    public static Runway BeforeAnyClose(FundingLedger ledger, Period month)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return new Runway(ledger.Remaining, ledger.Funding.Token.Zero, month, DefaultWindow, anyClosed: false);
    }

    /// <summary>The runway of <paramref name="ledger"/> at the spend of the window ending with <paramref name="lastClosed"/>.</summary>
    public static Runway Of(FundingLedger ledger, Period lastClosed, int window = DefaultWindow)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var first = lastClosed.AddMonths(1 - window);
        var spent = ledger.Draws
            .Where(d => d.Request.Month >= first && d.Request.Month <= lastClosed)
            .Aggregate(ledger.Funding.Token.Zero, (a, d) => a + d.Amount);
        return new Runway(ledger.Remaining, spent, lastClosed, window);
    }
}
