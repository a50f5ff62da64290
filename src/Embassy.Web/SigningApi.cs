using Embassy.Application;
using Embassy.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Embassy.Web;

/// <summary>A signing batch in the API.</summary>
public sealed record SigningBatchDto(int Number, int Transfers, AmountDto Total);

/// <summary>A change since the last paid month; for an address, when and by whom it was set and whether the member proved it.</summary>
public sealed record SigningChangeDto(string Kind, string Member, string Address, string? Previous, AmountDto Amount, string Note, DateTimeOffset? ChangedAt, string? ChangedBy, bool? Proven);

/// <summary>A payout held out of the signing file, with why (#13).</summary>
public sealed record HeldPayoutDto(string Member, string Address, AmountDto Amount, string Reason);

/// <summary>What a payout's signers are handed (#13): rail settings, totals, batches, changes, steps.</summary>
public sealed record SigningSummaryDto(
    string Period, string Rail, string Token, int Decimals, string? Contract, long? ChainId, string? Safe, AmountDto Total, int Recipients,
    IReadOnlyList<SigningBatchDto> Batches, string? ComparedWith, IReadOnlyList<SigningChangeDto> Changes, IReadOnlyList<HeldPayoutDto> Held, IReadOnlyList<string> Steps);

/// <summary>What the chain said about a recorded hash (#13): verified, not_verified or overridden.</summary>
public sealed record PaymentCheckDto(int Batch, string TxHash, string Outcome, string? Detail, string? OverrideReason, string CheckedBy, DateTimeOffset CheckedAt);

/// <summary>The signers' hand-off and the payment checks, read-only (admin API; the summaries also under <c>/api/sign</c> for signers).</summary>
internal static class SigningApi
{
    /// <summary>The summary of an approved month's payout: token, contract, chain, Safe, totals, batches, changes, steps.</summary>
    internal static async Task<Results<Ok<SigningSummaryDto>, ProblemHttpResult>> SummaryAsync(string period, MonthCloseWorkflow workflow, CancellationToken ct)
    {
        if (!Period.TryParse(period, out var p))
        {
            return Problems.NotAMonth(period);
        }

        var summary = await SigningSummary.ForMonthAsync(workflow, p, ct).ConfigureAwait(false);
        return summary.IsSuccess ? TypedResults.Ok(Dto(summary.Value)) : Problems.From(summary.Diagnostics);
    }

    /// <summary>The summary of a month's drawn bounties: rail settings, totals, batches, recipients, steps.</summary>
    internal static async Task<Results<Ok<SigningSummaryDto>, ProblemHttpResult>> BountySummaryAsync(string period, TreasuryStore treasury, CancellationToken ct)
    {
        if (!Period.TryParse(period, out var p))
        {
            return Problems.NotAMonth(period);
        }

        var summary = await SigningSummary.ForBountiesAsync(treasury, p, ct).ConfigureAwait(false);
        return summary.IsSuccess ? TypedResults.Ok(Dto(summary.Value)) : Problems.From(summary.Diagnostics);
    }

    private static SigningSummaryDto Dto(SigningSummary s) => new(
        s.Period.ToString(), s.Rail, s.Token.Symbol, s.Token.Decimals, s.Contract, s.ChainId, s.Safe, AmountDto.Of(s.Total), s.Recipients,
        [.. s.Batches.Select(b => new SigningBatchDto(b.Number, b.Transfers, AmountDto.Of(b.Total)))],
        s.ComparedWith?.ToString(),
        [.. s.Changes.Select(c => new SigningChangeDto(c.Kind, c.Member, c.Address, c.Previous, AmountDto.Of(c.Amount), c.Note, c.ChangedAt, c.ChangedBy, c.Proven))],
        [.. s.Held.Select(h => new HeldPayoutDto(h.Member, h.Address, AmountDto.Of(h.Amount), h.Reason))],
        s.Steps);

    /// <summary>What was found for each recorded hash of the month: "verified" only when the chain confirmed it.</summary>
    internal static async Task<Results<Ok<PaymentCheckDto[]>, ProblemHttpResult>> PaymentsAsync(string period, PaymentChecks checks, MonthCloseWorkflow workflow, CancellationToken ct)
    {
        if (!Period.TryParse(period, out var p))
        {
            return Problems.NotAMonth(period);
        }

        // One row per recorded batch: the latest check of the hash that batch carries now.
        var recorded = (await workflow.PaymentStateAsync(p, ct).ConfigureAwait(false)).Payments;
        var rows = (await checks.ForAsync(PaymentChecks.MonthSubject(p), ct).ConfigureAwait(false))
            .Where(r => recorded.Any(b => b.Batch == r.Batch && string.Equals(b.TxHash, r.TxHash, StringComparison.OrdinalIgnoreCase)))
            .GroupBy(r => r.Batch).Select(g => g.First());
        return TypedResults.Ok(rows.Select(r => new PaymentCheckDto(r.Batch, r.TxHash, r.Outcome, r.Detail, r.OverrideReason, r.CheckedBy, r.CheckedAt)).ToArray());
    }
}
