using System.Text;
using Embassy.Application;
using Embassy.Domain;
using Embassy.Domain.Community;
using Embassy.Domain.Treasury;
using Embassy.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Admin;

/// <summary>
/// The treasury's admin page (RULES.md R10): spending proposals and their milestones, PHA/USD prices (one, or a CSV
/// import), channel counts, community bounties (create, approve, draw on a proposal, payout file). Admin only (the
/// /Admin folder's policy); every form carries the anti-forgery token; every write is audited by the use case.
/// </summary>
public sealed class AdminTreasuryModel(TreasuryStore treasury, TimeProvider time) : PageModel
{
    public IReadOnlyList<SpendingProposal> Proposals { get; private set; } = [];

    public IReadOnlyList<PriceRecord> Prices { get; private set; } = [];

    public IReadOnlyList<ChannelCount> Counts { get; private set; } = [];

    public IReadOnlyList<StoredBounty> Bounties { get; private set; } = [];

    public Period ThisMonth { get; private set; }

    public string? Message { get; private set; }

    public IReadOnlyList<Diagnostic> Errors { get; private set; } = [];

    public async Task OnGetAsync(string? message, CancellationToken cancellationToken)
    {
        Message = message;
        await LoadAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostProposalAsync(int number, string? title, string? proponent, DateOnly date, string? requested, ProposalStatus status, string? link, string? token, int? decimals, string? planned, CancellationToken cancellationToken) =>
        StepAsync(async () => (await treasury.SaveAsync(new ProposalInput(number, title ?? string.Empty, proponent ?? string.Empty, date, requested ?? string.Empty, status, link, token ?? "PHA", decimals ?? 12, planned), User.Actor(), cancellationToken)).Diagnostics, $"Proposal #{number} saved.", cancellationToken);

    public Task<IActionResult> OnPostMilestoneAsync(int proposal, int number, string? title, string? cost, string? metric, long? target, MilestoneStatus status, string? report, CancellationToken cancellationToken)
    {
        TargetMetric? m = Enum.TryParse<TargetMetric>(metric, out var parsed) ? parsed : null;
        return StepAsync(async () => (await treasury.SaveMilestoneAsync(proposal, new MilestoneInput(number, title ?? string.Empty, cost ?? string.Empty, m, target, status, report), User.Actor(), cancellationToken)).Diagnostics, "Milestone saved.", cancellationToken);
    }

    public Task<IActionResult> OnPostPriceAsync(string? period, string? price, string? source, DateOnly date, CancellationToken cancellationToken) =>
        StepAsync(async () => Period.TryParse(period, out var p)
            ? (await treasury.RecordPriceAsync(p, price, source, date, User.Actor(), cancellationToken)).Diagnostics
            : [Diagnostic.Error(TreasuryCodes.PriceCsvRow, $"'{period}' is not a month; write YYYY-MM.")], "Price recorded.", cancellationToken);

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, string? csv, CancellationToken cancellationToken)
    {
        var text = csv;
        if (file is { Length: > 0 and < 1_000_000 })
        {
            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            text = await reader.ReadToEndAsync(cancellationToken);
        }

        return await StepAsync(async () => (await treasury.ImportPricesAsync(text, User.Actor(), file?.FileName ?? "prices.csv", cancellationToken)).Diagnostics, "Prices imported.", cancellationToken);
    }

    public Task<IActionResult> OnPostCountAsync(string? channel, DateOnly date, long members, string? source, CancellationToken cancellationToken) =>
        StepAsync(async () => (await treasury.RecordChannelCountAsync(new ChannelCount(channel ?? string.Empty, date, members, source ?? string.Empty), User.Actor(), cancellationToken)).Diagnostics, "Count recorded.", cancellationToken);

    public Task<IActionResult> OnPostBountyAsync(string? title, string? recipient, string? handles, string? address, string? evidence, string? amount, bool inUsd, string? month, DateOnly date, int proposal, CancellationToken cancellationToken) =>
        StepAsync(async () => Period.TryParse(month, out var p)
            ? (await treasury.CreateBountyAsync(new BountyInput(title ?? string.Empty, recipient ?? string.Empty, handles, address ?? string.Empty, evidence ?? string.Empty, amount ?? string.Empty, inUsd, p, date, proposal), User.Actor(), cancellationToken)).Diagnostics
            : [Diagnostic.Error(TreasuryStore.AmountInvalid, $"'{month}' is not a month; write YYYY-MM.")], "Bounty recorded; another admin approves it.", cancellationToken);

    public Task<IActionResult> OnPostApproveBountyAsync(long id, CancellationToken cancellationToken) =>
        StepAsync(async () => (await treasury.ApproveBountyAsync(id, User.Actor(), cancellationToken)).Diagnostics, "Bounty approved.", cancellationToken);

    public Task<IActionResult> OnPostDrawBountiesAsync(string? month, int proposal, string? overrideReason, CancellationToken cancellationToken) =>
        StepAsync(async () => Period.TryParse(month, out var p)
            ? (await treasury.DrawBountiesAsync(p, proposal, User.Actor(), overrideReason, cancellationToken)).Diagnostics
            : [Diagnostic.Error(TreasuryStore.AmountInvalid, $"'{month}' is not a month; write YYYY-MM.")], "Bounties drawn; download their payout file.", cancellationToken);

    /// <summary>R9: the treasury paid the month's drawn bounties; the hash is recorded and they become paid.</summary>
    public Task<IActionResult> OnPostBountiesPaidAsync(string? month, string? txHash, CancellationToken cancellationToken) =>
        StepAsync(async () => Period.TryParse(month, out var p)
            ? (await treasury.RecordBountyPaymentAsync(p, txHash, User.Actor(), cancellationToken)).Diagnostics
            : [Diagnostic.Error(TreasuryStore.AmountInvalid, $"'{month}' is not a month; write YYYY-MM.")], "Payment recorded; the month's bounties are paid.", cancellationToken);

    /// <summary>The payout file (CSV) of a month's drawn bounties, for the treasury signers (R9).</summary>
    public async Task<IActionResult> OnGetPayoutAsync(string? month, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(month, out var p))
        {
            return NotFound();
        }

        var file = await treasury.BountyPayoutFileAsync(p, cancellationToken);
        return file.IsSuccess
            ? Download(PayoutFile.Csv(file.Value, $"bounties-{p}"))
            : Redirect("/admin/treasury?message=" + Uri.EscapeDataString(string.Join(" ", file.Errors.Select(e => e.Message))));
    }

    /// <summary>The rail <paramref name="month"/>'s bounties are paid on (its policy's), as the link names it.</summary>
    public string RailFor(Period month) => treasury.PolicyFor(month).Payout.Rail.ToString().ToLowerInvariant();

    /// <summary>
    /// The month's drawn bounties as the file the treasury signs on the policy's rail (R9, R10: the same rails as the
    /// month's payout): substrate batch call data with call hashes, or the first Safe batch of ERC-20 transfers.
    /// </summary>
    public async Task<IActionResult> OnGetSigningAsync(string? month, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(month, out var p))
        {
            return NotFound();
        }

        IActionResult Refused(IEnumerable<Diagnostic> errors) =>
            Redirect("/admin/treasury?message=" + Uri.EscapeDataString(string.Join(" ", errors.Select(e => e.Message))));
        if (treasury.PolicyFor(p).Payout.Rail == Embassy.Domain.Rules.PayoutRail.Evm)
        {
            var evm = await treasury.BountyEvmPayoutAsync(p, cancellationToken);
            return evm.IsSuccess
                ? Download(PayoutFile.Safe(evm.Value, 0, time.GetUtcNow(), $"Embassy bounties {p}", $"bounties-{p}"))
                : Refused(evm.Errors);
        }

        var substrate = await treasury.BountySubstratePayoutAsync(p, cancellationToken);
        return substrate.IsSuccess
            ? Download(PayoutFile.Substrate(substrate.Value, $"Embassy bounties {p}", $"bounties-{p}", SigningSummary.StepsOf(treasury.PolicyFor(p), substrate.Value)))
            : Refused(substrate.Errors);
    }

    private FileContentResult Download(PayoutFile file) => File(file.Content, file.ContentType, file.Name);

    private async Task<IActionResult> StepAsync(Func<Task<IReadOnlyList<Diagnostic>>> step, string done, CancellationToken cancellationToken)
    {
        var diagnostics = await step();
        if (!diagnostics.Any(d => d.IsError))
        {
            return Redirect("/admin/treasury?message=" + Uri.EscapeDataString(done));
        }

        Errors = diagnostics.Where(d => d.IsError).ToArray();
        await LoadAsync(cancellationToken);
        Response.StatusCode = Problems.StatusOf(Errors[0].Code);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        ThisMonth = Period.Of(time.GetUtcNow());
        Proposals = await treasury.ProposalsAsync(cancellationToken);
        Prices = await treasury.PricesAsync(treasury.PolicyFor(ThisMonth).Token, cancellationToken);
        Counts = await treasury.ChannelCountsAsync(cancellationToken);
        Bounties = await treasury.BountiesAsync(cancellationToken);
    }
}
