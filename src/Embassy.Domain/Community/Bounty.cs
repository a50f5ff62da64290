using System.Globalization;
using Embassy.Domain.Treasury;

namespace Embassy.Domain.Community;

/// <summary>A person paid a bounty who is not a member (RULES.md R10: "educators, tool builders").</summary>
/// <param name="Name">Their name as known.</param>
/// <param name="Handles">Handles by network ("discord" → "l00k#1990", "telegram" → "…").</param>
/// <param name="Address">The payout address as given; the application layer checks it on the policy's rail (R9).</param>
public sealed record BountyRecipient(string Name, IReadOnlyDictionary<string, string> Handles, string Address);

/// <summary>
/// A bounty's amount: in tokens, or in dollars converted at the month's recorded price (RULES.md R10: "in tokens, or
/// fiat at the recorded price"). Exactly one of <see cref="Tokens"/> and <see cref="Usd"/> is set.
/// </summary>
public sealed record BountyAmount
{
    private BountyAmount(TokenAmount? tokens, UsdAmount? usd)
    {
        Tokens = tokens;
        Usd = usd;
    }

    /// <summary>The amount in tokens, when given in tokens.</summary>
    public TokenAmount? Tokens { get; }

    /// <summary>The amount in dollars, when given in dollars.</summary>
    public UsdAmount? Usd { get; }

    /// <summary>An amount in tokens.</summary>
    public static BountyAmount InTokens(TokenAmount amount) => new(amount, null);

    /// <summary>An amount in dollars.</summary>
    public static BountyAmount InUsd(UsdAmount amount) => new(null, amount);

    /// <summary>
    /// The amount in <paramref name="token"/>: as given, or the dollars converted with the price recorded for
    /// <paramref name="period"/>, rounded down to the smallest unit.
    /// </summary>
    /// <returns>The amount, or <see cref="TreasuryCodes.PriceMissing"/> / <see cref="TreasuryCodes.TokenMismatch"/>.</returns>
    public Result<TokenAmount> Resolve(Period period, IEnumerable<PriceRecord> prices, Token token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (Tokens is { } t)
        {
            return Equals(t.Token, token)
                ? Result<TokenAmount>.Ok(t)
                : Result<TokenAmount>.Fail(TreasuryCodes.TokenMismatch, $"The bounty is in {t.Token.Symbol}; the payout is in {token.Symbol}.");
        }

        var price = PriceRecord.For(prices, period, token);
        return price is null
            ? Result<TokenAmount>.Fail(TreasuryCodes.PriceMissing, $"The bounty is {Usd} but no {token.Symbol}/USD price is recorded for {period}.")
            : Result<TokenAmount>.Ok(price.Price.TokensWorth(Usd!.Value));
    }

    /// <inheritdoc />
    public override string ToString() => Tokens?.ToString() ?? Usd!.Value.ToString();
}

/// <summary>
/// A community bounty awarded to a non-member, with the evidence that earned it and who approved it, drawn on a
/// spending proposal like a month's payout (RULES.md R10).
/// </summary>
public sealed record BountyAward
{
    /// <summary>Stable id, unique among bounties (its draw is "bounty:{Id}").</summary>
    public required string Id { get; init; }

    /// <summary>What it is for ("Phala Telegram bot for solo miners").</summary>
    public required string Title { get; init; }

    /// <summary>Who is paid.</summary>
    public required BountyRecipient Recipient { get; init; }

    /// <summary>Links that show the work.</summary>
    public required IReadOnlyList<string> Evidence { get; init; }

    /// <summary>Who approved it (a GitHub login).</summary>
    public required string Approver { get; init; }

    /// <summary>How much.</summary>
    public required BountyAmount Amount { get; init; }

    /// <summary>The month it is awarded in (its price month, and where it counts in the runway).</summary>
    public required Period Month { get; init; }

    /// <summary>The day it was approved.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The proposal it is drawn on.</summary>
    public required int ProposalNumber { get; init; }

    /// <summary>
    /// Checks the award: a recipient with a name and address, at least one http(s) evidence link, an approver who is
    /// not the recipient, a non-zero amount; a recipient who is a member (by any of <paramref name="memberIds"/> or
    /// <paramref name="memberAddresses"/>) is flagged, since members are paid through the month (R6 bonus).
    /// </summary>
    public IReadOnlyList<Diagnostic> Validate(IReadOnlySet<string>? memberIds = null, IReadOnlySet<string>? memberAddresses = null)
    {
        var found = new List<Diagnostic>();
        if (string.IsNullOrWhiteSpace(Recipient.Name) || string.IsNullOrWhiteSpace(Recipient.Address))
        {
            found.Add(Diagnostic.Error(CommunityCodes.BountyRecipientMissing, $"Bounty {Id} needs the recipient's name and payout address."));
        }

        if (Evidence.Count == 0)
        {
            found.Add(Diagnostic.Error(CommunityCodes.BountyNoEvidence, $"Bounty {Id} needs at least one link to the work it pays for."));
        }

        foreach (var link in Evidence)
        {
            if (!IsHttpLink(link))
            {
                found.Add(Diagnostic.Error(CommunityCodes.EvidenceLinkInvalid, $"'{link}' is not an http(s) link."));
            }
        }

        if (string.IsNullOrWhiteSpace(Approver))
        {
            found.Add(Diagnostic.Error(CommunityCodes.BountyNoApprover, $"Bounty {Id} needs the login of the admin who approved it."));
        }
        else if (string.Equals(Approver.Trim(), Recipient.Name.Trim(), StringComparison.OrdinalIgnoreCase)
            || Recipient.Handles.Values.Any(h => string.Equals(h.Trim().TrimStart('@'), Approver.Trim().TrimStart('@'), StringComparison.OrdinalIgnoreCase)))
        {
            found.Add(Diagnostic.Error(CommunityCodes.BountySelfApproved, $"Bounty {Id} is approved by its own recipient {Approver}; another admin must approve it."));
        }

        if ((Amount.Tokens is { } t && t.IsZero) || (Amount.Usd is { } u && u.IsZero))
        {
            found.Add(Diagnostic.Error(CommunityCodes.BountyZero, $"Bounty {Id} is zero."));
        }

        var isMember = (memberAddresses?.Contains(Recipient.Address.Trim()) ?? false)
            || (memberIds is not null && Recipient.Handles.Values.Any(h => memberIds.Contains(h.Trim().TrimStart('@'))));
        if (isMember)
        {
            found.Add(Diagnostic.Warning(
                CommunityCodes.BountyRecipientIsMember,
                $"{Recipient.Name} is a member; bounties pay non-members (R10), a member's extra work is an ad-hoc bonus (R6)."));
        }

        return found;
    }

    /// <summary>The draw this bounty makes on its proposal, for <see cref="FundingLedger.Record"/>.</summary>
    public DrawRequest ToDraw(TokenAmount amount) =>
        new("bounty:" + Id, DrawKind.Bounty, Month, amount, Date, Title);

    /// <summary>True for an absolute http or https address.</summary>
    internal static bool IsHttpLink(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0;

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"bounty {Id}: {Amount} to {Recipient.Name} ({Month})");
}
