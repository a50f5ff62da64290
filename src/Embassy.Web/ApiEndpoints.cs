using System.Globalization;
using System.Text;
using Embassy.Application;
using Embassy.Chain;
using Embassy.Data;
using Embassy.Domain;
using Embassy.GitHub;
using Embassy.Web.Rendering;
using Embassy.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Web;

/// <summary>A member as the API shows them.</summary>
public sealed record MemberDto(long Id, string Name, string? GitHub, string? Region, string? Rank, IReadOnlyDictionary<string, string> Handles, IReadOnlyDictionary<string, string> Addresses);

/// <summary>A rank change request.</summary>
public sealed record RankChange(string Rank, string Reason, DateOnly? EffectiveFrom = null);

/// <summary>An address change request.</summary>
public sealed record AddressChange(string Address);

/// <summary>Scores for a report.</summary>
public sealed record ScoreRequest(IReadOnlyList<ScoreEntry> Scores, string? Note = null);

/// <summary>A transaction hash that paid a month.</summary>
/// <summary>The transaction that paid a signing batch of a month; <c>Batch</c> (from 1) defaults to the first without one.</summary>
public sealed record TransactionRequest(string TxHash, int? Batch = null, string? OverrideReason = null);

/// <summary>A corrected transaction hash for a batch, and why.</summary>
public sealed record CorrectionRequest(string TxHash, string Reason);

/// <summary>Links an unmatched report to a member.</summary>
public sealed record LinkRequest(long MemberId);

/// <summary>A decision that needs a reason.</summary>
public sealed record ReasonRequest(string Reason);

/// <summary>A published month in a list.</summary>
public sealed record MonthSummary(string Period, string State, string Policy, string Token, string Pool, string Paid, int Members);

/// <summary>Who the caller is: <c>GET /api/me</c>.</summary>
public sealed record MeAnswer(string Login, string? Role);

/// <summary>The month's close state as an admin sees it.</summary>
public sealed record PreviewAnswer(string Period, string State, MonthDocument? Allocation, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> Transactions)
{
    /// <summary>The month's reports by state, while it is open.</summary>
    public Embassy.Domain.Closing.ReportCounts? Reports { get; init; }

    /// <summary>What a lock would be refused for now, with the figures (empty once locked).</summary>
    public IReadOnlyList<Diagnostic> Guards { get; init; } = [];

    /// <summary>Signing batches of the payout (0 before approval).</summary>
    public int Batches { get; init; }

    /// <summary>The current transaction of each paid batch.</summary>
    public IReadOnlyList<Embassy.Domain.Closing.BatchPayment> Payments { get; init; } = [];

    /// <summary>The month's audited steps, oldest first.</summary>
    public IReadOnlyList<MonthHistoryEntry> History { get; init; } = [];
}

/// <summary>An audit entry.</summary>
public sealed record AuditDto(long Id, DateTimeOffset At, string Actor, string Action, string Subject, string? Details);

/// <summary>
/// The JSON API (<c>/api</c>), the same operations as the pages, for the CLI and automation. Callers authenticate with an
/// API token (<c>Authorization: Bearer</c>); errors are ProblemDetails with the diagnostic <c>code</c>.
/// </summary>
public static class ApiEndpoints
{
    private static readonly AuthorizeAttribute AnyToken = new() { AuthenticationSchemes = Schemes.Bearer };

    /// <summary>Maps the API and the public downloads.</summary>
    public static WebApplication MapEmbassyApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var open = app.MapGroup(string.Empty).AllowAnonymous();
        open.MapGet("/months/{period}/export.csv", ExportCsvAsync).CacheOutput(EmbassyWebSetup.PublicTag).WithTags("public");
        open.MapGet("/months/{period}/export.xlsx", ExportXlsxAsync).CacheOutput(EmbassyWebSetup.PublicTag).WithTags("public");

        var api = app.MapGroup("/api");
        var pub = api.MapGroup(string.Empty).AllowAnonymous().WithTags("public");
        pub.MapGet("/months", ListMonthsAsync);
        pub.MapGet("/months/{period}", GetMonthAsync);

        api.MapGet("/me", (HttpContext http) => TypedResults.Ok(new MeAnswer(http.User.Actor(), http.User.Role())))
            .RequireAuthorization(AnyToken).WithTags("account");

        var members = api.MapGroup("/members").RequireAuthorization(Policy(AccessPolicies.Member)).WithTags("members");
        members.MapGet(string.Empty, ListMembersAsync);
        var memberAdmin = api.MapGroup("/members").RequireAuthorization(Policy(AccessPolicies.Admin)).WithTags("members");
        memberAdmin.MapPost(string.Empty, CreateMemberAsync);
        memberAdmin.MapPut("/{id:long}", EditMemberAsync);
        memberAdmin.MapPost("/{id:long}/rank", ChangeRankAsync);
        memberAdmin.MapPost("/{id:long}/address", SetAddressAsync);

        var review = api.MapGroup("/review").RequireAuthorization(Policy(AccessPolicies.Reviewer)).WithTags("review");
        ReviewAndCloseProblems(review);
        review.MapGet("/{period}", QueueAsync);
        review.MapGet("/months/{period}/drift", DriftAsync); // issue #17: reports breaking each rule of the policy in force
        review.MapGet("/reports/{id:long}", ReportAsync);
        review.MapPost("/reports/{id:long}/scores", ScoreAsync);
        review.MapPost("/reports/{id:long}/scores/withdraw", WithdrawScoresAsync);
        review.MapPost("/reports/{id:long}/reject", RejectAsync);
        review.MapPost("/reports/{id:long}/reconsider", ReconsiderAsync);

        // #13: treasury signers read the signing summaries of approved payouts; nothing under /sign writes.
        var sign = api.MapGroup("/sign").RequireAuthorization(Policy(AccessPolicies.Signer)).WithTags("signing");
        sign.MapGet("/months/{period}", SigningApi.SummaryAsync);
        sign.MapGet("/bounties/{period}", SigningApi.BountySummaryAsync);

        // #13: a member proves a payout address by signing a challenge with it.
        var addresses = api.MapGroup("/me/addresses").RequireAuthorization(Policy(AccessPolicies.Member)).WithTags("account");
        addresses.MapGet(string.Empty, AddressProofApi.ListAsync);
        addresses.MapPost("/challenge", AddressProofApi.ChallengeAsync);
        addresses.MapPost("/proof", AddressProofApi.ProveAsync);

        var admin = api.MapGroup("/admin").RequireAuthorization(Policy(AccessPolicies.Admin)).WithTags("admin");
        ReviewAndCloseProblems(admin);
        admin.MapGet("/months/{period}", PreviewAsync);
        admin.MapPost("/months/{period}/lock", LockAsync);
        admin.MapPost("/months/{period}/reopen", ReopenAsync);
        admin.MapPost("/months/{period}/approve", ApproveAsync);
        admin.MapGet("/months/{period}/payout.csv", PayoutCsvAsync);
        admin.MapGet("/months/{period}/payout-substrate.txt", PayoutSubstrateAsync);
        admin.MapGet("/months/{period}/payout-safe.json", PayoutSafeAsync);
        admin.MapGet("/months/{period}/signing", SigningApi.SummaryAsync); // #13: the signers' hand-off
        admin.MapGet("/months/{period}/payments", SigningApi.PaymentsAsync); // #13: verified, not verified, overridden
        admin.MapPost("/months/{period}/transactions", RecordTransactionAsync);
        admin.MapPost("/months/{period}/transactions/{batch:int}/correction", CorrectTransactionAsync);
        admin.MapPost("/months/{period}/promotions/{member}", ConfirmPromotionAsync);
        admin.MapPost("/reports/{id:long}/link", LinkReportAsync);
        admin.MapPost("/reports/{id:long}/accept-late", AcceptLateAsync);
        admin.MapGet("/audit", AuditAsync);
        admin.MapPost("/sync", SyncAsync);
        return app;
    }

    private static AuthorizeAttribute Policy(string policy) => new(policy) { AuthenticationSchemes = Schemes.Bearer };

    internal static async Task<Ok<MonthSummary[]>> ListMonthsAsync(PublicQueries queries, CancellationToken ct)
    {
        var months = await queries.SummariesAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(months.Select(m => new MonthSummary(
            m.Period.ToString(), m.State, m.PolicyId, m.Token.Symbol,
            m.Pool.Format(grouped: false), m.TotalPaid.Format(grouped: false), m.Members)).ToArray());
    }

    internal static async Task<Results<Ok<MonthDocument>, StatusCodeHttpResult, ProblemHttpResult>> GetMonthAsync(string period, PublicQueries queries, HttpContext http, CancellationToken ct)
    {
        var month = Period.TryParse(period, out var p) ? await queries.MonthAsync(p, ct).ConfigureAwait(false) : null;
        if (month is null)
        {
            return Problems.NotFound($"No published month {period}.");
        }

        // Issue #15: ETag from the month's content hash, 304 when the caller holds it.
        return PublicMonthValidators.NotModified(http, month, "json") ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(MonthDocument.Of(month));
    }

    internal static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> ExportCsvAsync(string period, PublicQueries queries, HttpContext http, CancellationToken ct)
    {
        var month = Period.TryParse(period, out var p) ? await queries.MonthAsync(p, ct).ConfigureAwait(false) : null;
        if (month is null)
        {
            return Problems.NotFound($"No published month {period}.");
        }

        return PublicMonthValidators.NotModified(http, month, "csv")
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.File(Encoding.UTF8.GetBytes(MonthExport.Csv(month.Month)), "text/csv; charset=utf-8", $"embassy-{month.Period}.csv");
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportXlsxAsync(string period, PublicQueries queries, CancellationToken ct)
    {
        var month = Period.TryParse(period, out var p) ? await queries.MonthAsync(p, ct).ConfigureAwait(false) : null;
        return month is null
            ? Problems.NotFound($"No published month {period}.")
            : TypedResults.File(MonthExport.Xlsx(month.Month), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"embassy-{month.Period}.xlsx");
    }

    internal static async Task<Ok<MemberDto[]>> ListMembersAsync(MemberAdmin admin, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var list = await admin.ListAsync(ct).ConfigureAwait(false);

        // Issue #12: admins see everything; others see their own record whole and the public registry fields of the rest
        // (name, GitHub login, region, rank) — not their chat handles or payout addresses.
        var everything = http.User.IsInRole(Roles.Admin);
        var self = http.User.Actor();
        return TypedResults.Ok(list.Select(m => ToDto(m, today)).Select(d => everything || string.Equals(d.GitHub, self, StringComparison.OrdinalIgnoreCase)
            ? d
            : d with { Handles = d.Handles.Where(h => h.Key == Embassy.Data.Entities.MemberHandle.GitHub).ToDictionary(StringComparer.Ordinal), Addresses = new Dictionary<string, string>(StringComparer.Ordinal) }).ToArray());
    }

    internal static MemberDto ToDto(RosterEntry m, DateOnly today) => new(
        m.Member.Id,
        m.Member.DisplayName,
        m.GitHubLogin,
        m.Member.Region,
        m.RankAt(today),
        m.Member.Handles.ToDictionary(h => h.Kind, h => h.Value, StringComparer.Ordinal),
        m.Member.PayoutAddresses.GroupBy(a => a.Rail).ToDictionary(g => g.Key, g => g.OrderBy(a => a.ValidFrom).ThenBy(a => a.Id).Last().Address, StringComparer.Ordinal));

    internal static async Task<Results<Created<MemberDto>, ProblemHttpResult>> CreateMemberAsync(NewMember body, MemberAdmin admin, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var result = await admin.CreateAsync(body, http.User.Actor(), ct).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            return Problems.From(result.Diagnostics);
        }

        var member = await admin.FindAsync(result.Value, ct).ConfigureAwait(false);
        return TypedResults.Created($"/api/members/{result.Value}", ToDto(member!, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> EditMemberAsync(long id, MemberEdit body, MemberAdmin admin, HttpContext http, CancellationToken ct) =>
        Done(await admin.EditAsync(id, body, http.User.Actor(), ct).ConfigureAwait(false));

    internal static async Task<Results<NoContent, ProblemHttpResult>> ChangeRankAsync(long id, RankChange body, MemberAdmin admin, HttpContext http, CancellationToken ct) =>
        Done(await admin.ChangeRankAsync(id, body.Rank, body.Reason, body.EffectiveFrom, http.User.Actor(), ct).ConfigureAwait(false));

    internal static async Task<Results<NoContent, ProblemHttpResult>> SetAddressAsync(long id, AddressChange body, MemberAdmin admin, HttpContext http, CancellationToken ct) =>
        Done(await admin.SetAddressAsync(id, body.Address, http.User.Actor(), ct).ConfigureAwait(false));

    internal static async Task<Results<Ok<IReadOnlyList<ReviewItem>>, ProblemHttpResult>> QueueAsync(string period, ReviewQueue queue, CancellationToken ct) =>
        Period.TryParse(period, out var p)
            ? TypedResults.Ok(await queue.ListAsync(p, ct).ConfigureAwait(false))
            : Problems.NotAMonth(period);

    internal static async Task<Results<Ok<MonthDriftView>, ProblemHttpResult>> DriftAsync(string period, MonthDrift drift, CancellationToken ct) =>
        Period.TryParse(period, out var p)
            ? TypedResults.Ok(await drift.ForMonthAsync(p, ct).ConfigureAwait(false))
            : Problems.NotAMonth(period);

    internal static async Task<Results<Ok<ReviewDetail>, ProblemHttpResult>> ReportAsync(long id, ReviewQueue queue, HttpContext http, CancellationToken ct)
    {
        var detail = await queue.DetailAsync(id, http.User.Actor(), ct).ConfigureAwait(false);
        return detail is null ? Problems.NotFound($"There is no report {id} with a month.") : TypedResults.Ok(detail);
    }

    /// <summary>
    /// The problems review and close endpoints answer (<see cref="Problems.StatusOf"/>), documented in OpenAPI instead of
    /// one generic problem: 404 for a month or report that is not there, 409 for a step the month's state does not
    /// allow or a lost race (with the state found), 422 for input that breaks a rule.
    /// </summary>
    private static void ReviewAndCloseProblems(RouteGroupBuilder group) =>
        group.ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    internal static async Task<Results<NoContent, ProblemHttpResult>> ScoreAsync(long id, ScoreRequest body, ReviewQueue queue, HttpContext http, CancellationToken ct) =>
        Done(await queue.ScoreAsync(id, http.User.Actor(), body.Scores ?? [], body.Note, ct).ConfigureAwait(false));

    /// <summary>Issue #10: a reviewer takes back their own scores of a report (with a reason) while its month is open.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> WithdrawScoresAsync(long id, ReasonRequest body, ReviewQueue queue, HttpContext http, CancellationToken ct) =>
        Done(await queue.WithdrawScoresAsync(id, http.User.Actor(), body.Reason, ct).ConfigureAwait(false));

    /// <summary>Issue #10: a reviewer rejects a report (with a reason): it counts as no report and does not hold the lock.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> RejectAsync(long id, ReasonRequest body, ReviewQueue queue, HttpContext http, CancellationToken ct) =>
        Done(await queue.RejectAsync(id, http.User.Actor(), body.Reason, ct).ConfigureAwait(false));

    /// <summary>Takes back a rejection, with a reason.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> ReconsiderAsync(long id, ReasonRequest body, ReviewQueue queue, HttpContext http, CancellationToken ct) =>
        Done(await queue.ReconsiderAsync(id, http.User.Actor(), body.Reason, ct).ConfigureAwait(false));

    internal static async Task<Results<Ok<PreviewAnswer>, ProblemHttpResult>> PreviewAsync(string period, MonthCloseWorkflow workflow, CancellationToken ct)
    {
        if (!Period.TryParse(period, out var p))
        {
            return Problems.NotAMonth(period);
        }

        var preview = await workflow.PreviewAsync(p, ct).ConfigureAwait(false);
        var allocation = preview.Month is null ? null : MonthDocument.Of(preview.Month, preview.State, preview.Batches, preview.Transactions, preview.LockReason, preview.History);
        return TypedResults.Ok(new PreviewAnswer(p.ToString(), preview.State, allocation, preview.Diagnostics, preview.Transactions)
        {
            Reports = preview.Reports,
            Guards = preview.Guards,
            Batches = preview.Batches,
            Payments = preview.Payments,
            History = preview.History,
        });
    }

    /// <summary>
    /// Locks a month. Refused (422, with the figures) before the month has ended, before the policy catalogue, on an
    /// empty registry, before the report deadline (R7) or with unscored reports; <c>?overrideReason=…</c> lets an admin
    /// lock past the last two, and the reason is kept. 409 when the month is not open or another request won.
    /// </summary>
    internal static async Task<Results<Ok<MonthDocument>, ProblemHttpResult>> LockAsync(string period, string? overrideReason, MonthCloseWorkflow workflow, HttpContext http, CancellationToken ct) =>
        !Period.TryParse(period, out var p) ? Problems.NotAMonth(period)
            : Step((await workflow.LockAsync(p, http.User.Actor(), overrideReason, ct).ConfigureAwait(false)), m => MonthDocument.Of(m, MonthState.Locked, lockReason: overrideReason));

    /// <summary>Reopens a locked month before approval; the reason is required and kept (audit log, public month page).</summary>
    internal static async Task<Results<Ok<MonthDocument>, ProblemHttpResult>> ReopenAsync(string period, ReasonRequest body, MonthCloseWorkflow workflow, HttpContext http, CancellationToken ct) =>
        !Period.TryParse(period, out var p) ? Problems.NotAMonth(period)
            : Step((await workflow.ReopenAsync(p, http.User.Actor(), body.Reason, ct).ConfigureAwait(false)), m => MonthDocument.Of(m, MonthState.Open));

    /// <summary>R10: <c>?overrideReason=…</c> lets an admin approve a month that overdraws its proposal; the reason is recorded.</summary>
    internal static async Task<Results<Ok<MonthDocument>, ProblemHttpResult>> ApproveAsync(string period, string? overrideReason, MonthCloseWorkflow workflow, HttpContext http, CancellationToken ct) =>
        !Period.TryParse(period, out var p) ? Problems.NotAMonth(period)
            : Step((await workflow.ApproveAsync(p, http.User.Actor(), overrideReason, ct).ConfigureAwait(false)), m => MonthDocument.Of(m, m.TotalPaid.IsZero ? MonthState.Paid : MonthState.Approved));

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PayoutCsvAsync(string period, MonthCloseWorkflow workflow, CancellationToken ct)
    {
        if (!Period.TryParse(period, out var p))
        {
            return Problems.NotAMonth(period);
        }

        var file = await workflow.PayoutFileAsync(p, ct).ConfigureAwait(false);
        return file.IsSuccess
            ? PayoutFile.Csv(file.Value, $"payout-{p}").ToResult()
            : Problems.From(file.Diagnostics);
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PayoutSubstrateAsync(string period, MonthCloseWorkflow workflow, CancellationToken ct)
    {
        if (!Period.TryParse(period, out var p))
        {
            return Problems.NotAMonth(period);
        }

        var payout = await workflow.SubstratePayoutAsync(p, ct).ConfigureAwait(false);
        return payout.IsSuccess
            ? PayoutFile.Substrate(payout.Value, $"Embassy payout {p}", $"payout-{p}", SigningSummary.StepsOf(workflow.PolicyFor(p), payout.Value)).ToResult()
            : Problems.From(payout.Diagnostics);
    }

    /// <summary>R9, evm rail: one Safe Transaction Builder batch (<c>?chunk=</c>, from 0) of the month's ERC-20 transfers.</summary>
    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PayoutSafeAsync(string period, int? chunk, MonthCloseWorkflow workflow, TimeProvider time, CancellationToken ct)
    {
        if (!Period.TryParse(period, out var p))
        {
            return Problems.NotAMonth(period);
        }

        var payout = await workflow.EvmPayoutAsync(p, ct).ConfigureAwait(false);
        return payout.IsSuccess ? PayoutFile.Safe(payout.Value, chunk, time.GetUtcNow(), $"Embassy payout {p}", $"payout-{p}").ToResult() : Problems.From(payout.Diagnostics);
    }

    /// <summary>
    /// Records the transaction of a signing batch (the first without one unless <c>batch</c> is given), checked on the chain
    /// first (#13); answers the month's payment state after it, the check's outcome and the step's notices.
    /// </summary>
    internal static async Task<Results<Ok<TransactionDocument>, ProblemHttpResult>> RecordTransactionAsync(
        string period, TransactionRequest body, MonthCloseWorkflow workflow, PaymentChecks checks, HttpContext http, CancellationToken ct) =>
        !Period.TryParse(period, out var p) ? Problems.NotAMonth(period)
            : await PaymentStepAsync(p, body.Batch, await workflow.RecordTransactionAsync(p, body.Batch, body.TxHash, http.User.Actor(), body.OverrideReason, ct).ConfigureAwait(false), workflow, checks, ct).ConfigureAwait(false);

    /// <summary>Corrects the recorded transaction of a batch (a mistyped hash): the old one is kept with the reason.</summary>
    internal static async Task<Results<Ok<TransactionDocument>, ProblemHttpResult>> CorrectTransactionAsync(
        string period, int batch, CorrectionRequest body, MonthCloseWorkflow workflow, PaymentChecks checks, HttpContext http, CancellationToken ct) =>
        !Period.TryParse(period, out var p) ? Problems.NotAMonth(period)
            : await PaymentStepAsync(p, batch, await workflow.CorrectTransactionAsync(p, batch, body.TxHash, http.User.Actor(), body.Reason, ct).ConfigureAwait(false), workflow, checks, ct).ConfigureAwait(false);

    // A payment step answers the hash it recorded; the state, the batches and the check are read after it (as GET
    // …/payments reads them), and its warnings and notes are kept, as Step keeps those of the other month steps.
    private static async Task<Results<Ok<TransactionDocument>, ProblemHttpResult>> PaymentStepAsync(
        Period period, int? batch, Result<string> result, MonthCloseWorkflow workflow, PaymentChecks checks, CancellationToken ct)
    {
        if (!result.IsSuccess)
        {
            return Problems.From(result.Diagnostics);
        }

        var after = await workflow.PaymentStateAsync(period, ct).ConfigureAwait(false);
        var found = await checks.ForAsync(PaymentChecks.MonthSubject(period), ct).ConfigureAwait(false);
        return TypedResults.Ok(TransactionDocument.Of(period, result.Value, result.Diagnostics, after, batch, found));
    }

    internal static async Task<Results<Ok<string>, ProblemHttpResult>> ConfirmPromotionAsync(string period, string member, MonthCloseWorkflow workflow, HttpContext http, CancellationToken ct) =>
        !Period.TryParse(period, out var p) ? Problems.NotAMonth(period)
            : Value(await workflow.ConfirmProposalAsync(p, member, http.User.Actor(), ct).ConfigureAwait(false));

    internal static async Task<Results<NoContent, ProblemHttpResult>> LinkReportAsync(long id, LinkRequest body, ReportAdmin reports, HttpContext http, CancellationToken ct) =>
        Done(await reports.LinkAsync(id, body.MemberId, http.User.Actor(), ct).ConfigureAwait(false));

    internal static async Task<Results<NoContent, ProblemHttpResult>> AcceptLateAsync(long id, ReasonRequest body, ReportAdmin reports, HttpContext http, CancellationToken ct) =>
        Done(await reports.AcceptLateAsync(id, body.Reason, http.User.Actor(), ct).ConfigureAwait(false));

    internal static async Task<Ok<AuditDto[]>> AuditAsync(IDbContextFactory<EmbassyDbContext> databases, int? take, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        var rows = await db.AuditLog.AsNoTracking().OrderByDescending(a => a.Id).Take(Math.Clamp(take ?? 100, 1, 1000))
            .Select(a => new AuditDto(a.Id, a.At, a.Actor, a.Action, a.Subject, a.Details)).ToArrayAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(rows);
    }

    internal static async Task<Results<Ok<SyncSummary>, ProblemHttpResult>> SyncAsync(IServiceProvider services, GitHubOptions options, CancellationToken ct)
    {
        var repo = RepositoryName.Parse(options.Repository);
        if (!repo.IsSuccess)
        {
            return Problems.From([Diagnostic.Error("SYNC_NOT_CONFIGURED", "No repository to sync: connect one on /admin/connection or set EMBASSY_GitHub__Repository (owner/name)."), .. repo.Errors]);
        }

        var sync = services.GetRequiredService<IssueSync>();
        return Value(await sync.SyncAsync(repo.Value, cancellationToken: ct).ConfigureAwait(false));
    }

    private static Results<NoContent, ProblemHttpResult> Done<T>(Result<T> result) =>
        result.IsSuccess ? TypedResults.NoContent() : Problems.From(result.Diagnostics);

    // A step's month with the warnings and notes the step found (#13): the figures alone would hide a held payout.
    private static Results<Ok<MonthDocument>, ProblemHttpResult> Step(Result<Embassy.Domain.Closing.MonthStatement> result, Func<Embassy.Domain.Closing.MonthStatement, MonthDocument> document) =>
        result.IsSuccess ? TypedResults.Ok(document(result.Value) with { Notices = NoticeDocument.Of(result.Diagnostics) }) : Problems.From(result.Diagnostics);

    private static Results<Ok<T>, ProblemHttpResult> Value<T>(Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : Problems.From(result.Diagnostics);

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
