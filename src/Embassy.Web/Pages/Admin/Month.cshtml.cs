using Embassy.Application;
using Embassy.Domain;
using Embassy.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Admin;

/// <summary>The month close: preview → lock → approve → payout file → transaction hash → paid; promotions to confirm.</summary>
public sealed class AdminMonthModel(MonthCloseWorkflow workflow) : PageModel
{
    public Period Period { get; private set; }

    public MonthPreview? Preview { get; private set; }

    public bool IsEvm => workflow.PolicyFor(Period).Payout.Rail == Embassy.Domain.Rules.PayoutRail.Evm;

    public bool IsSubstrate => workflow.PolicyFor(Period).Payout.Rail == Embassy.Domain.Rules.PayoutRail.Substrate;

    public string? Message { get; private set; }

    public IReadOnlyList<Diagnostic> Errors { get; private set; } = [];

    /// <summary>#13: payouts left out of the signing files (unproven address changes in their cooling period).</summary>
    public IReadOnlyList<HeldPayout> Held { get; private set; } = [];

    /// <summary>R5: earlier months' carried amounts this month's payouts pay.</summary>
    public IReadOnlyList<CarriedInPayout> CarriedIn { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string period, string? message, CancellationToken cancellationToken)
    {
        Message = message;
        return await LoadAsync(period, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>A guard an admin may override (R7 deadline, unscored reports) needs the reason, which the lock keeps.</summary>
    public Task<IActionResult> OnPostLockAsync(string period, string? overrideReason, CancellationToken cancellationToken) =>
        StepAsync(period, async p => (await workflow.LockAsync(p, User.Actor(), overrideReason, cancellationToken)).Diagnostics, "Locked.", cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(string period, string? reason, CancellationToken cancellationToken) =>
        StepAsync(period, async p => (await workflow.ReopenAsync(p, User.Actor(), reason, cancellationToken)).Diagnostics, "Reopened: the month is open again.", cancellationToken);

    public Task<IActionResult> OnPostCorrectAsync(string period, int batch, string? txHash, string? reason, CancellationToken cancellationToken) =>
        StepAsync(period, async p => (await workflow.CorrectTransactionAsync(p, batch, txHash ?? string.Empty, User.Actor(), reason, cancellationToken)).Diagnostics, "Transaction corrected.", cancellationToken);

    /// <summary>R10: a month that would overdraw its proposal is approved only with the admin's reason.</summary>
    public Task<IActionResult> OnPostApproveAsync(string period, string? overrideReason, CancellationToken cancellationToken) =>
        StepAsync(period, async p => (await workflow.ApproveAsync(p, User.Actor(), overrideReason, cancellationToken)).Diagnostics, "Approved.", cancellationToken);

    public Task<IActionResult> OnPostPaidAsync(string period, int? batch, string? txHash, CancellationToken cancellationToken) =>
        StepAsync(period, async p => (await workflow.RecordTransactionAsync(p, batch, txHash ?? string.Empty, User.Actor(), cancellationToken)).Diagnostics, "Payment recorded.", cancellationToken);

    public Task<IActionResult> OnPostConfirmAsync(string period, string? member, CancellationToken cancellationToken) =>
        StepAsync(period, async p => (await workflow.ConfirmProposalAsync(p, member ?? string.Empty, User.Actor(), cancellationToken)).Diagnostics, "Rank change confirmed.", cancellationToken);

    private async Task<IActionResult> StepAsync(string period, Func<Period, Task<IReadOnlyList<Diagnostic>>> step, string done, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(period, out var p))
        {
            return NotFound();
        }

        var diagnostics = await step(p);
        if (!diagnostics.Any(d => d.IsError))
        {
            // Warnings and notices of a step that went through (held payouts, carried amounts, an overdraw) are named by code
            // and count; the page lists their details from the store, so the address stays short whatever the month's size.
            var notices = diagnostics.GroupBy(d => d.Code, StringComparer.Ordinal).Select(g => g.Count() == 1 ? g.Key : $"{g.Key} ×{g.Count()}").ToArray();
            var message = notices.Length == 0 ? done : $"{done} Notices: {string.Join(", ", notices)}.";
            return Redirect($"/admin/months/{p}?message=" + Uri.EscapeDataString(message));
        }

        Errors = diagnostics.Where(d => d.IsError).ToArray();
        await LoadAsync(period, cancellationToken);
        Response.StatusCode = Problems.StatusOf(Errors[0].Code);
        return Page();
    }

    private async Task<bool> LoadAsync(string period, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(period, out var p))
        {
            return false;
        }

        Period = p;
        Preview = await workflow.PreviewAsync(p, cancellationToken);
        if (Preview.State is MonthState.Approved or MonthState.Paid)
        {
            (Held, CarriedIn) = await workflow.PayoutNotesAsync(p, cancellationToken);
        }
        return true;
    }
}
