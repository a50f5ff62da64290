using Embassy.Chain;
using Embassy.Domain;
using Embassy.Domain.Community;
using Embassy.Domain.Rules;
using Embassy.Domain.Treasury;

namespace Embassy.Application;

/// <summary>A bounty ready to pay: the payout line for the rail's builder and the ledger with its draw.</summary>
/// <param name="Award">The bounty.</param>
/// <param name="Line">The line for <c>ManualPayout</c>/<c>SubstratePayout</c>/<c>EvmPayout.Build</c>; its member is "bounty:{id}".</param>
/// <param name="Draw">The draw recorded on the proposal.</param>
public sealed record PreparedBounty(BountyAward Award, PayoutLine Line, Draw Draw);

/// <summary>A month's bounties ready to pay, and the proposal's ledger after their draws.</summary>
/// <param name="Bounties">Each bounty's line and draw.</param>
/// <param name="Ledger">The ledger with every draw recorded.</param>
/// <param name="Cap">The fiat cap outcome, when a cap was applied.</param>
public sealed record PreparedBounties(IReadOnlyList<PreparedBounty> Bounties, FundingLedger Ledger, CapOutcome? Cap)
{
    /// <summary>The payout lines, for the rail's builder.</summary>
    public IReadOnlyList<PayoutLine> Lines => Bounties.Select(b => b.Line).ToArray();
}

/// <summary>
/// Turns community bounties into payout lines for the same payout rails as the month's payout and draws them on a
/// spending proposal (RULES.md R10: "Community bounties pay non-members … against the same proposals"; R9 rails).
/// Nothing is drawn unless every bounty of the batch is valid.
/// </summary>
public static class BountyPayouts
{
    /// <summary>The code of a bounty whose recipient's address cannot be paid on the policy's rail.</summary>
    public const string AddressInvalid = "BOUNTY_ADDRESS_INVALID";

    /// <summary>The code of a bounty drawn on another proposal than the ledger's.</summary>
    public const string WrongProposal = "BOUNTY_WRONG_PROPOSAL";

    /// <summary>
    /// Prepares <paramref name="awards"/> of one month: validates each (R10 rules and the address on the policy's rail,
    /// R9), converts dollar amounts at the month's price, applies the optional fiat <paramref name="cap"/> to their total
    /// (e.g. proposal #14's "maximum 2,000 $ worth of PHA" for educators), then draws each on <paramref name="ledger"/>,
    /// refusing an overdraw unless <paramref name="adminOverride"/> is given (R10).
    /// </summary>
    public static Result<PreparedBounties> Prepare(
        IReadOnlyList<BountyAward> awards,
        FundingLedger ledger,
        Policy policy,
        IEnumerable<PriceRecord> prices,
        FiatCapRule? cap = null,
        IReadOnlySet<string>? memberIds = null,
        IReadOnlySet<string>? memberAddresses = null,
        DrawOverride? adminOverride = null)
    {
        ArgumentNullException.ThrowIfNull(awards);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(policy);
        if (awards.Select(a => a.Month).Distinct().Count() > 1)
        {
            throw new ArgumentException("Prepare one month's bounties at a time (caps and prices are per month).", nameof(awards));
        }

        var priceList = prices?.ToArray() ?? [];
        var diagnostics = new List<Diagnostic>();
        var resolved = new List<(BountyAward Award, string Address, TokenAmount Amount)>();
        foreach (var award in awards)
        {
            var found = award.Validate(memberIds, memberAddresses);
            diagnostics.AddRange(found);
            if (award.ProposalNumber != ledger.Proposal.Number)
            {
                diagnostics.Add(Diagnostic.Error(WrongProposal, $"Bounty {award.Id} is for proposal #{award.ProposalNumber}; this ledger is proposal #{ledger.Proposal.Number}."));
                continue;
            }

            var address = AddressCheck.Check(award.Recipient.Address, policy.Payout.Rail, policy.Payout.Ss58Prefix);
            if (!address.Valid)
            {
                diagnostics.Add(Diagnostic.Error(AddressInvalid, $"Bounty {award.Id}: {award.Recipient.Name}'s address cannot be paid on the {MonthCloseWorkflow.RailName(policy.Payout.Rail)} rail: {address.Error?.Message}"));
                continue;
            }

            diagnostics.AddRange(address.Warnings.Select(w => w with { Message = $"Bounty {award.Id}: {w.Message}" }));
            var amount = award.Amount.Resolve(award.Month, priceList, policy.Token);
            diagnostics.AddRange(amount.Diagnostics.Select(d => d with { Message = $"Bounty {award.Id}: {d.Message}" }));
            if (amount.IsSuccess && !found.Any(d => d.IsError))
            {
                resolved.Add((award, address.Canonical!, amount.Value));
            }
        }

        if (diagnostics.Any(d => d.IsError))
        {
            return Result<PreparedBounties>.Fail(diagnostics);
        }

        CapOutcome? capOutcome = null;
        if (cap is not null && resolved.Count > 0)
        {
            var capped = FiatCap.Apply(cap, resolved[0].Award.Month, resolved.Select(r => (r.Award.Id, r.Amount)).ToArray(), priceList, policy.Token);
            diagnostics.AddRange(capped.Diagnostics);
            if (!capped.IsSuccess)
            {
                return Result<PreparedBounties>.Fail(diagnostics);
            }

            capOutcome = capped.Value;
            resolved = resolved.Select((r, i) => (r.Award, r.Address, capOutcome.Lines[i].Paid)).ToList();
        }

        var prepared = new List<PreparedBounty>();
        foreach (var (award, address, amount) in resolved.Where(r => !r.Amount.IsZero))
        {
            var recorded = ledger.Record(award.ToDraw(amount), adminOverride);
            diagnostics.AddRange(recorded.Diagnostics.Select(d => d with { Message = $"Bounty {award.Id}: {d.Message}" }));
            if (!recorded.IsSuccess)
            {
                return Result<PreparedBounties>.Fail(diagnostics);
            }

            ledger = recorded.Value;
            var line = new PayoutLine("bounty:" + award.Id, address, amount, award.Recipient.Name);
            prepared.Add(new PreparedBounty(award, line, ledger.Draws[^1]));
        }

        return Result<PreparedBounties>.Ok(new PreparedBounties(prepared, ledger, capOutcome), diagnostics);
    }
}
