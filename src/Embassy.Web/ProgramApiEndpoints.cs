using System.Globalization;
using System.Numerics;
using System.Text;
using Embassy.Application;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.Domain.Community;
using Embassy.Domain.Treasury;
using Embassy.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Embassy.Web;

/// <summary>An exact token amount: the smallest units as digits (never a float) and the same amount in whole tokens.</summary>
/// <param name="Units">Smallest units, e.g. <c>"100000000000000000"</c> for 100,000 PHA with 12 decimals.</param>
/// <param name="Amount">Whole tokens without grouping, e.g. <c>"100000"</c> or <c>"0.5"</c>.</param>
/// <param name="Token">The token symbol.</param>
public sealed record AmountDto(string Units, string Amount, string Token)
{
    /// <summary>The API form of <paramref name="amount"/>.</summary>
    public static AmountDto Of(TokenAmount amount) => new(amount.Units.ToString(CultureInfo.InvariantCulture), amount.Format(grouped: false), amount.Token.Symbol);
}

/// <summary>A warning that came with a successful write.</summary>
/// <typeparam name="T">What was saved.</typeparam>
/// <param name="Value">What was saved, as stored.</param>
/// <param name="Warnings">Warnings worth a look (e.g. milestones that do not add up to the request).</param>
public sealed record SavedAnswer<T>(T Value, IReadOnlyList<DiagnosticDto> Warnings);

/// <summary>A proposal as an admin enters it (RULES.md R10); the number is the key, so saving an existing number edits it.</summary>
/// <param name="Number">The treasury's proposal number.</param>
/// <param name="Title">The title.</param>
/// <param name="Proponent">The proponent's address.</param>
/// <param name="Date">The day it was submitted.</param>
/// <param name="Requested">The requested amount in whole tokens, e.g. "100,000" or "0.5" (exact text, never a float).</param>
/// <param name="Status">proposed, approved, funded, rejected or completed.</param>
/// <param name="Link">Where it can be read.</param>
/// <param name="Token">The token symbol (PHA).</param>
/// <param name="Decimals">The token's decimals (PHA on the parachain: 12).</param>
/// <param name="PlannedPerMonth">What it plans to pay in rewards a month, in whole tokens ("84,000"); empty: no plan. A month paying more warns at close.</param>
public sealed record ProposalRequest(
    int Number, string? Title, string? Proponent, DateOnly Date, string? Requested, string? Status, string? Link = null, string? Token = "PHA", int? Decimals = 12,
    string? PlannedPerMonth = null);

/// <summary>A milestone as an admin enters it.</summary>
/// <param name="Number">The milestone's number; 0 adds the next one.</param>
/// <param name="Title">The title.</param>
/// <param name="Cost">Its cost in whole tokens of the proposal.</param>
/// <param name="Metric">What its target counts (ambassadors, community_users), or null without a target.</param>
/// <param name="Target">The count to reach.</param>
/// <param name="Status">open, reported or completed.</param>
/// <param name="Report">The milestone report.</param>
public sealed record MilestoneRequest(int Number, string? Title, string? Cost, string? Metric = null, long? Target = null, string? Status = "open", string? Report = null);

/// <summary>One month's USD price of the policy's token, with its source and date (R10).</summary>
/// <param name="Period">The month, YYYY-MM.</param>
/// <param name="Price">USD per token, exact text ("0.1234").</param>
/// <param name="Source">Where it was read.</param>
/// <param name="Date">The day it was read.</param>
public sealed record PriceRequest(string? Period, string? Price, string? Source, DateOnly Date);

/// <summary>A recorded price.</summary>
/// <param name="Period">The month.</param>
/// <param name="Price">USD per token, exact.</param>
/// <param name="Token">The token.</param>
/// <param name="Source">Where it was read.</param>
/// <param name="Date">The day it was read.</param>
public sealed record PriceDto(string Period, string Price, string Token, string Source, DateOnly Date)
{
    /// <summary>The API form of a price.</summary>
    public static PriceDto Of(PriceRecord p) => new(p.Period.ToString(), p.Price.Format().Replace(",", string.Empty, StringComparison.Ordinal), p.Price.Token.Symbol, p.Source, p.Date);
}

/// <summary>A channel's member count on a day (R10: recorded community counts).</summary>
/// <param name="Channel">The channel (telegram, discord, …).</param>
/// <param name="Date">The day counted.</param>
/// <param name="Members">The count.</param>
/// <param name="Source">Where it was read.</param>
public sealed record ChannelCountDto(string Channel, DateOnly Date, long Members, string Source);

/// <summary>A community bounty as an admin proposes it (R10); another admin approves it.</summary>
/// <param name="Title">What it pays for.</param>
/// <param name="Recipient">Who is paid.</param>
/// <param name="Handles">Handles as <c>network=handle</c>, one a line.</param>
/// <param name="Address">The payout address on the month's rail.</param>
/// <param name="Evidence">Links to the work, one a line.</param>
/// <param name="Amount">Whole tokens ("5,000"), or dollars ("250.50") when <paramref name="InUsd"/>.</param>
/// <param name="InUsd">True when the amount is in dollars, converted at the month's recorded price.</param>
/// <param name="Month">The month it is awarded in, YYYY-MM.</param>
/// <param name="Date">The day it was awarded.</param>
/// <param name="Proposal">The proposal it is drawn on.</param>
public sealed record BountyRequest(string? Title, string? Recipient, string? Handles, string? Address, string? Evidence, string? Amount, bool InUsd, string? Month, DateOnly Date, int Proposal);

/// <summary>A bounty and where it stands.</summary>
/// <param name="Id">The stored id.</param>
/// <param name="Title">What it pays for.</param>
/// <param name="Recipient">Who is paid.</param>
/// <param name="Address">The payout address.</param>
/// <param name="Evidence">Links to the work.</param>
/// <param name="Amount">Tokens, when it is in tokens.</param>
/// <param name="Usd">Dollars, when it is in dollars.</param>
/// <param name="Month">The month.</param>
/// <param name="Proposal">The proposal it is drawn on.</param>
/// <param name="Approver">Who approved it, once approved.</param>
/// <param name="Status">proposed, approved, drawn or paid.</param>
/// <param name="TxHash">The transaction that paid it, once recorded.</param>
public sealed record BountyDto(long Id, string Title, string Recipient, string Address, IReadOnlyList<string> Evidence, AmountDto? Amount, string? Usd, string Month, int Proposal, string? Approver, string Status, string? TxHash = null)
{
    /// <summary>The API form of a bounty.</summary>
    public static BountyDto Of(BountyAward b, string status, string? txHash = null) => new(
        long.Parse(b.Id, NumberStyles.None, CultureInfo.InvariantCulture), b.Title, b.Recipient.Name, b.Recipient.Address, b.Evidence,
        b.Amount.Tokens is { } t ? AmountDto.Of(t) : null, b.Amount.Usd?.Format().Replace(",", string.Empty, StringComparison.Ordinal),
        b.Month.ToString(), b.ProposalNumber, string.IsNullOrEmpty(b.Approver) ? null : b.Approver, status, txHash);
}

/// <summary>A crew to create or edit (R11: a senior lead and 2–3 ambassadors; other sizes are stored and flagged).</summary>
/// <param name="Name">The crew's name, e.g. "French group".</param>
/// <param name="Region">Its region or language.</param>
/// <param name="LeadMemberId">The senior who leads it (registry id).</param>
/// <param name="MemberIds">Its ambassadors (registry ids).</param>
public sealed record CrewRequest(string Name, string Region, long LeadMemberId, IReadOnlyList<long> MemberIds);

/// <summary>A month's bounties drawn on a proposal.</summary>
/// <param name="Month">The month.</param>
/// <param name="Proposal">The proposal drawn on.</param>
/// <param name="Draws">Each bounty's draw, in the proposal's token.</param>
/// <param name="Remaining">What the proposal has left afterwards.</param>
/// <param name="Warnings">Warnings, e.g. an overdraw allowed by the given reason.</param>
public sealed record BountyDrawAnswer(string Month, int Proposal, IReadOnlyList<DrawDto> Draws, AmountDto Remaining, IReadOnlyList<DiagnosticDto> Warnings);

/// <summary>A proposal with its milestones and timeline.</summary>
/// <param name="Number">The treasury's number.</param>
/// <param name="Title">The title.</param>
/// <param name="Proponent">The proponent's address.</param>
/// <param name="Date">The day it was submitted.</param>
/// <param name="Status">proposed, approved, funded, rejected or completed.</param>
/// <param name="Link">Where it can be read.</param>
/// <param name="Decimals">The token's decimals.</param>
/// <param name="Requested">The requested amount (the funding).</param>
/// <param name="Milestones">The milestones, with their target's progress on the treasury page.</param>
/// <param name="Timeline">What happened, oldest first.</param>
/// <param name="PlannedPerMonth">What it plans to pay in rewards a month, when it says (issue #17).</param>
public sealed record ProposalDto(
    int Number, string Title, string Proponent, DateOnly Date, string Status, string? Link, int Decimals, AmountDto Requested,
    IReadOnlyList<MilestoneDto> Milestones, IReadOnlyList<ProposalEventDto> Timeline, AmountDto? PlannedPerMonth = null);

/// <summary>A milestone.</summary>
/// <param name="Number">1-based.</param>
/// <param name="Title">The title.</param>
/// <param name="Cost">Its cost.</param>
/// <param name="Status">open, reported or completed.</param>
/// <param name="Report">The milestone report.</param>
/// <param name="Date">When it was reported or completed.</param>
/// <param name="Target">Its target, when it has one.</param>
public sealed record MilestoneDto(int Number, string Title, AmountDto Cost, string Status, string? Report, DateOnly? Date, TargetDto? Target);

/// <summary>A milestone target and, on the treasury page, how far it is reached.</summary>
/// <param name="Metric">ambassadors or community_users.</param>
/// <param name="Value">The count to reach.</param>
/// <param name="Current">The count on <paramref name="AsOf"/>.</param>
/// <param name="Met">True when reached.</param>
/// <param name="Progress">Current over target in percent, rounded to 2 decimals ("87.5").</param>
/// <param name="AsOf">The day counted.</param>
public sealed record TargetDto(string Metric, long Value, long? Current = null, bool? Met = null, string? Progress = null, DateOnly? AsOf = null);

/// <summary>A line of a proposal's timeline.</summary>
/// <param name="At">When.</param>
/// <param name="Kind">What happened (submitted, funded, drawn, …).</param>
/// <param name="Text">A sentence.</param>
/// <param name="Actor">Who did it.</param>
public sealed record ProposalEventDto(DateTimeOffset At, string Kind, string Text, string? Actor);

/// <summary>A draw on a proposal.</summary>
/// <param name="Id">payout:YYYY-MM or bounty:{id}.</param>
/// <param name="Kind">month_payout or bounty.</param>
/// <param name="Month">The month it counts in.</param>
/// <param name="Amount">The amount, in the proposal's token.</param>
/// <param name="Date">The day drawn.</param>
/// <param name="Reference">What it pays.</param>
/// <param name="Override">The admin override that allowed an overdraw, with its reason.</param>
public sealed record DrawDto(string Id, string Kind, string Month, AmountDto Amount, DateOnly Date, string Reference, OverrideDto? Override)
{
    /// <summary>The API form of a draw.</summary>
    public static DrawDto Of(Draw d) => new(
        d.Request.Id, TreasuryRecords.Code(d.Request.Kind), d.Request.Month.ToString(), AmountDto.Of(d.Amount), d.Request.Date, d.Request.Reference,
        d.Override is { } o ? new OverrideDto(o.Actor, o.Reason, o.At) : null);
}

/// <summary>An admin's override of an overdraw (R10).</summary>
/// <param name="Actor">Who allowed it.</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
public sealed record OverrideDto(string Actor, string Reason, DateTimeOffset At);

/// <summary>How long the remaining balance lasts at the recent spend (R10).</summary>
/// <param name="FirstMonth">The window's first month.</param>
/// <param name="LastClosed">The window's last closed month.</param>
/// <param name="Window">Months in the window.</param>
/// <param name="SpentInWindow">Drawn for the window's months.</param>
/// <param name="MonthlySpend">The mean monthly spend, rounded down.</param>
/// <param name="Months">Months left rounded down to a tenth ("2.9"), or null without spend in the window.</param>
/// <param name="Text">The sentence the page shows.</param>
public sealed record RunwayDto(string FirstMonth, string LastClosed, int Window, AmountDto SpentInWindow, AmountDto MonthlySpend, string? Months, string Text);

/// <summary>A month of the treasury chart.</summary>
/// <param name="Month">The month.</param>
/// <param name="Spent">Drawn for it.</param>
/// <param name="RemainingAfter">The balance after it, never below zero.</param>
/// <param name="OverdrawnAfter">How far the draws had gone beyond the funding after it (admin overrides).</param>
public sealed record LedgerMonthDto(string Month, AmountDto Spent, AmountDto RemainingAfter, AmountDto OverdrawnAfter);

/// <summary>An entry of a proposal's timeline.</summary>
/// <param name="At">When.</param>
/// <param name="Kind">proposal, milestone, draw, overdraw or payment.</param>
/// <param name="Text">What happened.</param>
/// <param name="Amount">The amount drawn, for a draw.</param>
/// <param name="TxHash">The transaction, for a payment.</param>
/// <param name="Explorer">Where the transaction is looked up, from the policy's rail or the chain profile.</param>
/// <param name="Actor">Who, when known.</param>
public sealed record TreasuryEventDto(DateTimeOffset At, string Kind, string Text, AmountDto? Amount, string? TxHash, string? Explorer, string? Actor);

/// <summary>A proposal on the public treasury page: its ledger, runway, chart and draws.</summary>
/// <param name="Proposal">The proposal, milestones with progress.</param>
/// <param name="Funding">The funding.</param>
/// <param name="Paid">Drawn so far.</param>
/// <param name="Remaining">Left, never below zero.</param>
/// <param name="Overdrawn">Drawn beyond the funding by admin override.</param>
/// <param name="Runway">The runway.</param>
/// <param name="Draws">Every draw, overrides with their reasons, newest first.</param>
/// <param name="Chart">Spent per month and the balance after it.</param>
/// <param name="Standing">"overdrawn" when draws went beyond the funding, else the proposal's status.</param>
/// <param name="Timeline">What happened, oldest first: the proposal's events, draws and payments with explorer links.</param>
public sealed record TreasuryProposalDto(
    ProposalDto Proposal, AmountDto Funding, AmountDto Paid, AmountDto Remaining, AmountDto Overdrawn, RunwayDto Runway,
    IReadOnlyList<DrawDto> Draws, IReadOnlyList<LedgerMonthDto> Chart, string Standing, IReadOnlyList<TreasuryEventDto> Timeline);

/// <summary>The public treasury (R10: remaining balance and runway are always visible).</summary>
/// <param name="LastClosed">The last closed (approved or paid) month, which the runway is measured to; null before any.</param>
/// <param name="AsOf">The day milestone targets are counted on.</param>
/// <param name="Proposals">Every proposal that is or was open for draws, newest first.</param>
/// <param name="Counts">Recorded channel counts, oldest first.</param>
public sealed record TreasuryAnswer(string? LastClosed, DateOnly AsOf, IReadOnlyList<TreasuryProposalDto> Proposals, IReadOnlyList<ChannelCountDto> Counts);

/// <summary>A reviewer's scores of an application, one per criterion of its policy (issue #17), on the policy's scale.</summary>
/// <param name="Scores">A score per criterion code (the application's <c>criteria[].code</c>: "expertise", "common-sense", …).</param>
/// <param name="Note">What the reviewer wants the others to know.</param>
public sealed record ApplicationScoresRequest(IReadOnlyDictionary<string, decimal?>? Scores, string? Note = null);

/// <summary>A criterion an application is scored on, from the policy it was submitted under.</summary>
/// <param name="Code">The key of its score.</param>
/// <param name="Name">What people read.</param>
/// <param name="Description">What it asks of the applicant.</param>
public sealed record ApplicationCriterionDto(string Code, string Name, string Description);

/// <summary>An admin's decision on an application.</summary>
/// <param name="Decision">accept or decline.</param>
/// <param name="Rank">The starting rank when accepting (default candidate).</param>
/// <param name="Reason">Why; required when declining.</param>
public sealed record DecisionRequest(string? Decision, string? Rank = null, string? Reason = null);

/// <summary>The outcome of a decision.</summary>
/// <param name="Application">The application.</param>
/// <param name="State">accepted or declined.</param>
/// <param name="MemberId">The member an acceptance created.</param>
public sealed record DecisionAnswer(long Application, string State, long? MemberId);

/// <summary>An application's combined score.</summary>
/// <param name="ByCriterion">Mean per criterion code (the policy's criteria, e.g. expertise, commitment, influence, common-sense).</param>
/// <param name="Total">The sum.</param>
/// <param name="Max">The highest possible total.</param>
/// <param name="Reviewers">How many reviews it is the mean of.</param>
public sealed record ApplicationScoreDto(IReadOnlyDictionary<string, decimal> ByCriterion, decimal Total, decimal Max, int Reviewers)
{
    /// <summary>The API form of a score, or null.</summary>
    public static ApplicationScoreDto? Of(ApplicationScore? s) => s is null ? null : new(Criteria(s.ByCriterion), s.Total.Value, s.Max.Value, s.Reviewers);

    internal static Dictionary<string, decimal> Criteria(IReadOnlyDictionary<string, Points> scores) =>
        scores.ToDictionary(kv => kv.Key, kv => kv.Value.Value, StringComparer.Ordinal);
}

/// <summary>An application in a list.</summary>
/// <param name="Id">The stored id.</param>
/// <param name="Name">The applicant.</param>
/// <param name="GitHub">The GitHub login.</param>
/// <param name="Region">Region or team.</param>
/// <param name="SubmittedAt">When.</param>
/// <param name="State">pending, accepted or declined.</param>
/// <param name="Score">The reviewers' mean so far.</param>
public sealed record ApplicationSummaryDto(long Id, string Name, string GitHub, string? Region, DateTimeOffset SubmittedAt, string State, ApplicationScoreDto? Score);

/// <summary>A reviewer's review.</summary>
/// <param name="Reviewer">The reviewer's login.</param>
/// <param name="Scores">A score per criterion.</param>
/// <param name="Note">The reviewer's note.</param>
public sealed record ApplicationReviewDto(string Reviewer, IReadOnlyDictionary<string, decimal> Scores, string? Note);

/// <summary>A decision taken.</summary>
/// <param name="Accepted">True when accepted.</param>
/// <param name="Rank">The starting rank.</param>
/// <param name="Reason">The reason.</param>
/// <param name="DecidedBy">Who decided.</param>
/// <param name="At">When.</param>
public sealed record ApplicationDecisionDto(bool Accepted, string? Rank, string? Reason, string DecidedBy, DateTimeOffset At);

/// <summary>An application as submitted, with its reviews and decision. The applicant's texts are untrusted input.</summary>
/// <param name="Id">The stored id.</param>
/// <param name="State">pending, accepted or declined.</param>
/// <param name="Name">The applicant.</param>
/// <param name="GitHub">The GitHub login.</param>
/// <param name="Discord">Discord handle.</param>
/// <param name="Telegram">Telegram handle.</param>
/// <param name="X">X handle.</param>
/// <param name="Region">Region or team.</param>
/// <param name="Languages">Languages.</param>
/// <param name="Links">Links to earlier work.</param>
/// <param name="Statement">Why they apply (Markdown, as typed).</param>
/// <param name="SubmittedAt">When.</param>
/// <param name="Reviews">One review per reviewer.</param>
/// <param name="Score">The combined score.</param>
/// <param name="Decision">The decision, once taken.</param>
/// <param name="MemberId">The member an acceptance created.</param>
/// <param name="Criteria">What it is scored on: the criteria of the policy in force when it was submitted.</param>
/// <param name="ScaleMax">Highest score of one criterion.</param>
/// <param name="ScaleStep">Smallest step of a score.</param>
public sealed record ApplicationDto(
    long Id, string State, string Name, string GitHub, string? Discord, string? Telegram, string? X, string? Region, IReadOnlyList<string> Languages,
    IReadOnlyList<string> Links, string Statement, DateTimeOffset SubmittedAt, IReadOnlyList<ApplicationReviewDto> Reviews, ApplicationScoreDto? Score,
    ApplicationDecisionDto? Decision, long? MemberId, IReadOnlyList<ApplicationCriterionDto> Criteria, decimal ScaleMax, decimal ScaleStep);

/// <summary>A person in a crew.</summary>
/// <param name="MemberId">Registry id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Login">GitHub login.</param>
/// <param name="Rank">Rank today.</param>
public sealed record CrewPersonDto(long MemberId, string Name, string Login, string? Rank);

/// <summary>A crew with its R11 flags.</summary>
/// <param name="Id">Stored id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Region">Region or language.</param>
/// <param name="Lead">The lead.</param>
/// <param name="Members">The ambassadors.</param>
/// <param name="Flags">CREW_TOO_SMALL, CREW_LEAD_NOT_SENIOR, …</param>
public sealed record CrewDto(long Id, string Name, string Region, CrewPersonDto Lead, IReadOnlyList<CrewPersonDto> Members, IReadOnlyList<DiagnosticDto> Flags)
{
    /// <summary>The API form of a crew.</summary>
    public static CrewDto Of(CrewView c) => new(c.Id, c.Name, c.Region, Person(c.Lead), c.Members.Select(Person).ToArray(), c.Flags.Select(DiagnosticDto.Of).ToArray());

    private static CrewPersonDto Person(CrewPerson p) => new(p.MemberId, p.Name, p.Login, p.Rank);
}

/// <summary>A reviewer's tick on a crew's quota (R11).</summary>
/// <param name="By">Who ticked.</param>
/// <param name="Met">Met or not.</param>
/// <param name="At">When.</param>
/// <param name="Note">Why.</param>
public sealed record TickDto(string By, bool Met, DateTimeOffset At, string? Note);

/// <summary>One quota of a crew's month.</summary>
/// <param name="Quota">The quota (its name, as ticks take it).</param>
/// <param name="Status">met, not_met or needs_review.</param>
/// <param name="Counted">Items counted from links.</param>
/// <param name="Required">Items needed in the month.</param>
/// <param name="Explanation">The checklist's sentence.</param>
/// <param name="Tick">The tick that decided it.</param>
public sealed record QuotaDto(string Quota, string Status, int Counted, int Required, string Explanation, TickDto? Tick);

/// <summary>A crew's checklist of a month.</summary>
/// <param name="Crew">The crew.</param>
/// <param name="Period">The month.</param>
/// <param name="Reports">Reports read.</param>
/// <param name="AllMet">True when every quota is met.</param>
/// <param name="Quotas">Each quota.</param>
public sealed record CrewChecklistDto(CrewDto Crew, string Period, int Reports, bool AllMet, IReadOnlyList<QuotaDto> Quotas);

/// <summary>A reviewer's tick.</summary>
/// <param name="Quota">The quota's name, as the checklist lists it.</param>
/// <param name="Met">Met or not.</param>
/// <param name="Note">Why, when it helps.</param>
public sealed record TickRequest(string? Quota, bool Met, string? Note = null);

/// <summary>
/// The program's JSON API beside the month's (<see cref="ApiEndpoints"/>): the public treasury, the treasury's admin
/// writes (proposals, milestones, prices, counts, bounties), membership applications and crews. Thin: each endpoint
/// reads its input, calls one use case of Embassy.Application with the caller as actor and maps the result; roles are
/// the authorization policies' (reviewers score and tick, only admins decide and write the treasury).
/// </summary>
public static class ProgramApiEndpoints
{
    /// <summary>Code: a request field that cannot be read (an unknown status, decision or quota).</summary>
    public const string RequestInvalid = "REQUEST_INVALID";

    /// <summary>Code: a request body above the size the endpoint reads.</summary>
    public const string BodyTooLarge = "REQUEST_TOO_LARGE";

    /// <summary>Code: a body in a media type the endpoint does not read (the price import reads <c>text/csv</c>).</summary>
    public const string MediaTypeUnsupported = "REQUEST_MEDIA_TYPE";

    /// <summary>The largest price CSV read (the admin page's limit).</summary>
    public const int MaxCsvChars = 1_000_000;

    /// <summary>Maps the endpoints under <c>/api</c>.</summary>
    public static WebApplication MapProgramApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api");
        api.MapGet("/treasury", TreasuryAsync).AllowAnonymous().WithTags("public");

        var treasury = api.MapGroup("/admin/treasury").RequireAuthorization(Policy(AccessPolicies.Admin)).WithTags("treasury");
        treasury.MapPost("/proposals", SaveProposalAsync);
        treasury.MapPost("/proposals/{number:int}/milestones", SaveMilestoneAsync);
        treasury.MapPost("/prices", RecordPriceAsync);
        treasury.MapPost("/prices/import", ImportPricesAsync).AddOpenApiOperationTransformer(CsvBody);
        treasury.MapPost("/counts", RecordCountAsync);
        treasury.MapPost("/bounties", CreateBountyAsync);
        treasury.MapPost("/bounties/{id:long}/approve", ApproveBountyAsync);
        treasury.MapPut("/bounties/{id:long}", EditBountyAsync);
        treasury.MapPost("/bounties/{id:long}/cancel", CancelBountyAsync);
        treasury.MapPost("/bounties/{period}/draw", DrawBountiesAsync);
        treasury.MapGet("/bounties/{period}/payout.csv", BountyPayoutAsync);
        treasury.MapGet("/bounties/{period}/payout-substrate.txt", BountySubstrateAsync);
        treasury.MapPost("/bounties/{period}/transactions", BountyPaymentAsync);
        treasury.MapGet("/bounties/{period}/payout-safe.json", BountySafeAsync);

        var review = api.MapGroup("/review").RequireAuthorization(Policy(AccessPolicies.Reviewer)).WithTags("applications");
        review.MapGet("/applications", ListApplicationsAsync);
        review.MapGet("/applications/{id:long}", ApplicationAsync);
        review.MapPost("/applications/{id:long}/scores", ScoreApplicationAsync);
        review.MapGet("/crews", ListCrewsAsync).WithTags("crews");
        review.MapGet("/crews/{id:long}/{period}", ChecklistAsync).WithTags("crews");
        review.MapPost("/crews/{id:long}/{period}/ticks", TickAsync).WithTags("crews");

        // Accepting adds a member to the registry: an admin's decision, like adding a member by hand.
        api.MapPost("/admin/applications/{id:long}/decision", DecideAsync).RequireAuthorization(Policy(AccessPolicies.Admin)).WithTags("applications");

        // Crews are formed by admins (as on the crew pages); reviewers read them and tick their checklists.
        var crewAdmin = api.MapGroup("/admin/crews").RequireAuthorization(Policy(AccessPolicies.Admin)).WithTags("crews");
        crewAdmin.MapPost(string.Empty, CreateCrewAsync);
        crewAdmin.MapPut("/{id:long}", EditCrewAsync);
        treasury.MapGet("/bounties", ListBountiesAsync);
        return app;
    }

    private static AuthorizeAttribute Policy(string policy) => new(policy) { AuthenticationSchemes = Schemes.Bearer };

    /// <summary>Describes the price import's body (CSV text) in the OpenAPI document.</summary>
    private static Task CsvBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "CSV with the header period,price,source,date, e.g. 2026-10,0.1234,CoinGecko monthly close,2026-10-31.",
            Content = new Dictionary<string, OpenApiMediaType> { ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } } },
        };
        return Task.CompletedTask;
    }

    // ---- treasury ----------------------------------------------------------------------------------------

    internal static async Task<Ok<TreasuryAnswer>> TreasuryAsync(TreasuryStore treasury, CancellationToken ct)
    {
        var page = await treasury.PageAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(new TreasuryAnswer(
            page.LastClosed?.ToString(),
            page.AsOf,
            page.Views.Select(View).ToArray(),
            page.Counts.Select(c => new ChannelCountDto(c.Channel, c.Date, c.Members, c.Source)).ToArray()));
    }

    internal static async Task<Results<Ok<SavedAnswer<ProposalDto>>, ProblemHttpResult>> SaveProposalAsync(ProposalRequest body, TreasuryStore treasury, HttpContext http, CancellationToken ct)
    {
        if (!TryCode<ProposalStatus>(body.Status ?? "proposed", out var status))
        {
            return Invalid($"'{body.Status}' is not a proposal status ({Codes<ProposalStatus>()}).");
        }

        var input = new ProposalInput(body.Number, body.Title ?? string.Empty, body.Proponent ?? string.Empty, body.Date, body.Requested ?? string.Empty, status, body.Link, body.Token ?? "PHA", body.Decimals ?? 12, body.PlannedPerMonth);
        return Saved(await treasury.SaveAsync(input, http.User.Actor(), ct).ConfigureAwait(false), p => Proposal(p, []));
    }

    internal static async Task<Results<Ok<SavedAnswer<ProposalDto>>, ProblemHttpResult>> SaveMilestoneAsync(int number, MilestoneRequest body, TreasuryStore treasury, HttpContext http, CancellationToken ct)
    {
        TargetMetric? metric = null;
        if (!string.IsNullOrWhiteSpace(body.Metric))
        {
            if (!TryCode<TargetMetric>(body.Metric, out var m))
            {
                return Invalid($"'{body.Metric}' is not a target metric ({Codes<TargetMetric>()}).");
            }

            metric = m;
        }

        if (!TryCode<MilestoneStatus>(body.Status ?? "open", out var status))
        {
            return Invalid($"'{body.Status}' is not a milestone status ({Codes<MilestoneStatus>()}).");
        }

        var input = new MilestoneInput(body.Number, body.Title ?? string.Empty, body.Cost ?? string.Empty, metric, body.Target, status, body.Report);
        return Saved(await treasury.SaveMilestoneAsync(number, input, http.User.Actor(), ct).ConfigureAwait(false), p => Proposal(p, []));
    }

    internal static async Task<Results<Ok<PriceDto>, ProblemHttpResult>> RecordPriceAsync(PriceRequest body, TreasuryStore treasury, HttpContext http, CancellationToken ct)
    {
        if (!Period.TryParse(body.Period, out var period))
        {
            return Problems.From([Diagnostic.Error(TreasuryCodes.PriceCsvRow, $"'{body.Period}' is not a month; write YYYY-MM.")]);
        }

        var result = await treasury.RecordPriceAsync(period, body.Price, body.Source, body.Date, http.User.Actor(), ct).ConfigureAwait(false);
        return result.IsSuccess ? TypedResults.Ok(PriceDto.Of(result.Value)) : Problems.From(result.Diagnostics);
    }

    /// <summary>The body is the CSV (<c>period,price,source,date</c>); every bad line is in the problem's <c>errors</c> with its line.</summary>
    internal static async Task<Results<Ok<PriceDto[]>, ProblemHttpResult>> ImportPricesAsync(HttpRequest request, string? file, TreasuryStore treasury, HttpContext http, CancellationToken ct)
    {
        // The media type is checked here, not by routing: a route that does not match would answer the fallback's sign-in redirect.
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (!string.Equals(mediaType, "text/csv", StringComparison.OrdinalIgnoreCase) && !string.Equals(mediaType, "text/plain", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.From([Diagnostic.Error(MediaTypeUnsupported, $"Send the prices as text/csv (period,price,source,date), not {mediaType ?? "an untyped body"}.")]);
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxCsvChars + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct).ConfigureAwait(false);
        if (read > MaxCsvChars)
        {
            return Problems.From([Diagnostic.Error(BodyTooLarge, $"The CSV is longer than {MaxCsvChars.ToString(CultureInfo.InvariantCulture)} characters; split it.")]);
        }

        var result = await treasury.ImportPricesAsync(new string(buffer, 0, read), http.User.Actor(), string.IsNullOrWhiteSpace(file) ? "prices.csv" : file.Trim(), ct).ConfigureAwait(false);
        return result.IsSuccess ? TypedResults.Ok(result.Value.Select(PriceDto.Of).ToArray()) : Problems.From(result.Diagnostics);
    }

    internal static async Task<Results<Ok<ChannelCountDto>, ProblemHttpResult>> RecordCountAsync(ChannelCountDto body, TreasuryStore treasury, HttpContext http, CancellationToken ct)
    {
        var result = await treasury.RecordChannelCountAsync(new ChannelCount(body.Channel ?? string.Empty, body.Date, body.Members, body.Source ?? string.Empty), http.User.Actor(), ct).ConfigureAwait(false);
        return result.IsSuccess
            ? TypedResults.Ok(new ChannelCountDto(result.Value.Channel, result.Value.Date, result.Value.Members, result.Value.Source))
            : Problems.From(result.Diagnostics);
    }

    internal static async Task<Results<Created<SavedAnswer<BountyDto>>, ProblemHttpResult>> CreateBountyAsync(BountyRequest body, TreasuryStore treasury, HttpContext http, CancellationToken ct)
    {
        if (!Period.TryParse(body.Month, out var month))
        {
            return Problems.From([Diagnostic.Error(TreasuryStore.AmountInvalid, $"'{body.Month}' is not a month; write YYYY-MM.")]);
        }

        var input = new BountyInput(body.Title ?? string.Empty, body.Recipient ?? string.Empty, body.Handles, body.Address ?? string.Empty, body.Evidence ?? string.Empty, body.Amount ?? string.Empty, body.InUsd, month, body.Date, body.Proposal);
        var result = await treasury.CreateBountyAsync(input, http.User.Actor(), ct).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            return Problems.From(result.Diagnostics);
        }

        var dto = BountyDto.Of(result.Value, TreasuryStore.BountyStates.Proposed);
        return TypedResults.Created(
            "/api/admin/treasury/bounties/" + dto.Id.ToString(CultureInfo.InvariantCulture),
            new SavedAnswer<BountyDto>(dto, result.Diagnostics.Select(DiagnosticDto.Of).ToArray()));
    }

    /// <summary>#13: changes a bounty before the draw (checked as on entry, audited); it is proposed again.</summary>
    internal static async Task<Results<Ok<SavedAnswer<BountyDto>>, ProblemHttpResult>> EditBountyAsync(long id, BountyRequest body, TreasuryStore treasury, HttpContext http, CancellationToken ct)
    {
        if (!Period.TryParse(body.Month, out var month))
        {
            return Problems.From([Diagnostic.Error(TreasuryStore.AmountInvalid, $"'{body.Month}' is not a month; write YYYY-MM.")]);
        }

        var input = new BountyInput(body.Title ?? string.Empty, body.Recipient ?? string.Empty, body.Handles, body.Address ?? string.Empty, body.Evidence ?? string.Empty, body.Amount ?? string.Empty, body.InUsd, month, body.Date, body.Proposal);
        return Saved(await treasury.EditBountyAsync(id, input, http.User.Actor(), ct).ConfigureAwait(false), b => BountyDto.Of(b, TreasuryStore.BountyStates.Proposed));
    }

    /// <summary>#13: cancels a bounty before the draw, with a reason (audited).</summary>
    internal static async Task<Results<Ok<SavedAnswer<BountyDto>>, ProblemHttpResult>> CancelBountyAsync(long id, ReasonRequest body, TreasuryStore treasury, HttpContext http, CancellationToken ct) =>
        Saved(await treasury.CancelBountyAsync(id, body?.Reason, http.User.Actor(), ct).ConfigureAwait(false), b => BountyDto.Of(b, TreasuryStore.BountyStates.Cancelled));

    internal static async Task<Results<Ok<SavedAnswer<BountyDto>>, ProblemHttpResult>> ApproveBountyAsync(long id, TreasuryStore treasury, HttpContext http, CancellationToken ct) =>
        Saved(await treasury.ApproveBountyAsync(id, http.User.Actor(), ct).ConfigureAwait(false), b => BountyDto.Of(b, TreasuryStore.BountyStates.Approved));

    /// <summary>R10: <c>?overrideReason=…</c> lets an admin draw beyond the proposal's funding; the reason is kept on each draw.</summary>
    internal static async Task<Results<Ok<BountyDrawAnswer>, ProblemHttpResult>> DrawBountiesAsync(
        string period, int? proposal, string? overrideReason, TreasuryStore treasury, HttpContext http, CancellationToken ct)
    {
        if (!Period.TryParse(period, out var month))
        {
            return Problems.NotAMonth(period);
        }

        if (proposal is not { } number)
        {
            return Invalid("Say which proposal the bounties are drawn on: ?proposal=N.");
        }

        var result = await treasury.DrawBountiesAsync(month, number, http.User.Actor(), overrideReason, ct).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            return Problems.From(result.Diagnostics);
        }

        // The draws as stored, in the proposal's token (the prepared ones are in the payout's).
        var ledger = await treasury.LedgerAsync(number, ct).ConfigureAwait(false);
        var ids = result.Value.Bounties.Select(b => b.Draw.Request.Id).ToHashSet(StringComparer.Ordinal);
        return TypedResults.Ok(new BountyDrawAnswer(
            month.ToString(),
            number,
            ledger!.Draws.Where(d => ids.Contains(d.Request.Id)).Select(DrawDto.Of).ToArray(),
            AmountDto.Of(ledger.Remaining),
            result.Diagnostics.Select(DiagnosticDto.Of).ToArray()));
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> BountyPayoutAsync(string period, TreasuryStore treasury, CancellationToken ct)
    {
        if (!Period.TryParse(period, out var month))
        {
            return Problems.NotAMonth(period);
        }

        var file = await treasury.BountyPayoutFileAsync(month, ct).ConfigureAwait(false);
        return file.IsSuccess
            ? PayoutFile.Csv(file.Value, $"bounties-{month}").ToResult()
            : Problems.From(file.Diagnostics);
    }

    /// <summary>R9: records the transaction that paid the month's drawn bounties; answers how many became paid.</summary>
    internal static async Task<Results<Ok<int>, ProblemHttpResult>> BountyPaymentAsync(string period, TransactionRequest body, TreasuryStore treasury, HttpContext http, CancellationToken ct)
    {
        if (!Period.TryParse(period, out var month))
        {
            return Problems.NotAMonth(period);
        }

        var paid = await treasury.RecordBountyPaymentAsync(month, body?.TxHash, http.User.Actor(), body?.OverrideReason, ct).ConfigureAwait(false);
        return paid.IsSuccess ? TypedResults.Ok(paid.Value) : Problems.From(paid.Diagnostics);
    }

    /// <summary>R9/R10: the month's drawn bounties as substrate batch call data with call hashes (substrate-rail policies).</summary>
    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> BountySubstrateAsync(string period, TreasuryStore treasury, CancellationToken ct)
    {
        if (!Period.TryParse(period, out var month))
        {
            return Problems.NotAMonth(period);
        }

        var payout = await treasury.BountySubstratePayoutAsync(month, ct).ConfigureAwait(false);
        return payout.IsSuccess
            ? PayoutFile.Substrate(payout.Value, $"Embassy bounties {month}", $"bounties-{month}", SigningSummary.StepsOf(treasury.PolicyFor(month), payout.Value)).ToResult()
            : Problems.From(payout.Diagnostics);
    }

    /// <summary>R9/R10: the month's drawn bounties as a Safe batch of ERC-20 transfers (<c>?chunk=</c>, evm-rail policies).</summary>
    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> BountySafeAsync(string period, int? chunk, TreasuryStore treasury, TimeProvider time, CancellationToken ct)
    {
        if (!Period.TryParse(period, out var month))
        {
            return Problems.NotAMonth(period);
        }

        var payout = await treasury.BountyEvmPayoutAsync(month, ct).ConfigureAwait(false);
        return payout.IsSuccess ? PayoutFile.Safe(payout.Value, chunk, time.GetUtcNow(), $"Embassy bounties {month}", $"bounties-{month}").ToResult() : Problems.From(payout.Diagnostics);
    }

    // ---- applications --------------------------------------------------------------------------------------

    internal static async Task<Results<Ok<ApplicationSummaryDto[]>, ProblemHttpResult>> ListApplicationsAsync(string? state, MembershipApplications applications, CancellationToken ct)
    {
        string[] states = [ApplicationStates.Pending, ApplicationStates.Accepted, ApplicationStates.Declined];
        if (!string.IsNullOrEmpty(state) && !states.Contains(state, StringComparer.Ordinal))
        {
            return Invalid($"'{state}' is not a state ({string.Join(", ", states)}).");
        }

        var list = await applications.ListAsync(string.IsNullOrEmpty(state) ? null : state, ct).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(a => new ApplicationSummaryDto(a.Id, a.Name, a.GitHubLogin, a.Region, a.SubmittedAt, a.State, ApplicationScoreDto.Of(a.Score))).ToArray());
    }

    internal static async Task<Results<Ok<ApplicationDto>, ProblemHttpResult>> ApplicationAsync(long id, MembershipApplications applications, CancellationToken ct)
    {
        var detail = await applications.FindAsync(id, ct).ConfigureAwait(false);
        return detail is null ? Problems.NotFound($"There is no application {id.ToString(CultureInfo.InvariantCulture)}.") : TypedResults.Ok(Application(detail));
    }

    internal static async Task<Results<Ok<ApplicationDto>, ProblemHttpResult>> ScoreApplicationAsync(long id, ApplicationScoresRequest body, MembershipApplications applications, HttpContext http, CancellationToken ct)
    {
        var scores = new Dictionary<string, Points>(StringComparer.OrdinalIgnoreCase);
        var errors = new List<Diagnostic>();
        foreach (var (criterion, value) in body.Scores ?? new Dictionary<string, decimal?>())
        {
            if (Points.TryParse(value?.ToString(CultureInfo.InvariantCulture), out var p))
            {
                scores[criterion] = p;
            }
            else
            {
                errors.Add(Diagnostic.Error(CommunityCodes.ApplicationScoreInvalid, $"{criterion}: give a number."));
            }
        }

        if (errors.Count > 0)
        {
            return Problems.From(errors);
        }

        var result = await applications.ScoreAsync(id, http.User.Actor(), scores, body.Note, ct).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            return Problems.From(result.Diagnostics);
        }

        return TypedResults.Ok(Application((await applications.FindAsync(id, ct).ConfigureAwait(false))!));
    }

    internal static async Task<Results<Ok<DecisionAnswer>, ProblemHttpResult>> DecideAsync(long id, DecisionRequest body, MembershipApplications applications, HttpContext http, CancellationToken ct)
    {
        var accept = string.Equals(body.Decision, "accept", StringComparison.Ordinal);
        if (!accept && !string.Equals(body.Decision, "decline", StringComparison.Ordinal))
        {
            return Invalid($"'{body.Decision}' is not a decision: accept or decline.");
        }

        var result = await applications.DecideAsync(id, accept, body.Rank, body.Reason, http.User.Actor(), ct).ConfigureAwait(false);
        return result.IsSuccess
            ? TypedResults.Ok(new DecisionAnswer(id, accept ? ApplicationStates.Accepted : ApplicationStates.Declined, result.Value))
            : Problems.From(result.Diagnostics);
    }

    // ---- crews ---------------------------------------------------------------------------------------------

    /// <summary>Every bounty with where it stands, newest first as stored.</summary>
    internal static async Task<Ok<BountyDto[]>> ListBountiesAsync(TreasuryStore treasury, CancellationToken ct) =>
        TypedResults.Ok((await treasury.BountiesAsync(ct).ConfigureAwait(false)).Select(b => BountyDto.Of(b.Award, b.Status, b.TxHash)).ToArray());

    /// <summary>Creates a crew; its R11 flags (size, lead) come back with it.</summary>
    internal static async Task<Results<Created<CrewDto>, ProblemHttpResult>> CreateCrewAsync(CrewRequest body, CrewRegistry crews, HttpContext http, CancellationToken ct)
    {
        var created = await crews.CreateAsync(new CrewInput(body.Name, body.Region, body.LeadMemberId, body.MemberIds ?? []), http.User.Actor(), ct).ConfigureAwait(false);
        if (!created.IsSuccess)
        {
            return Problems.From(created.Diagnostics);
        }

        var crew = (await crews.FindAsync(created.Value, ct).ConfigureAwait(false))!;
        return TypedResults.Created($"/api/review/crews/{created.Value.ToString(CultureInfo.InvariantCulture)}", CrewDto.Of(crew));
    }

    /// <summary>Replaces a crew's name, region, lead and members.</summary>
    internal static async Task<Results<Ok<CrewDto>, ProblemHttpResult>> EditCrewAsync(long id, CrewRequest body, CrewRegistry crews, HttpContext http, CancellationToken ct)
    {
        var edited = await crews.EditAsync(id, new CrewInput(body.Name, body.Region, body.LeadMemberId, body.MemberIds ?? []), http.User.Actor(), ct).ConfigureAwait(false);
        return edited.IsSuccess ? TypedResults.Ok(CrewDto.Of((await crews.FindAsync(id, ct).ConfigureAwait(false))!)) : Problems.From(edited.Diagnostics);
    }

    internal static async Task<Ok<CrewDto[]>> ListCrewsAsync(CrewRegistry crews, CancellationToken ct) =>
        TypedResults.Ok((await crews.ListAsync(ct).ConfigureAwait(false)).Select(CrewDto.Of).ToArray());

    internal static async Task<Results<Ok<CrewChecklistDto>, ProblemHttpResult>> ChecklistAsync(long id, string period, CrewRegistry crews, CancellationToken ct)
    {
        var checklist = Period.TryParse(period, out var p) ? await crews.ChecklistAsync(id, p, ct).ConfigureAwait(false) : null;
        return checklist is null ? Problems.NotFound($"There is no crew {id.ToString(CultureInfo.InvariantCulture)} or '{period}' is not a month (YYYY-MM).") : TypedResults.Ok(Checklist(checklist));
    }

    internal static async Task<Results<Ok<CrewChecklistDto>, ProblemHttpResult>> TickAsync(long id, string period, TickRequest body, CrewRegistry crews, HttpContext http, CancellationToken ct)
    {
        if (!Period.TryParse(period, out var p))
        {
            return Problems.NotAMonth(period);
        }

        if (!TryName<QuotaKind>(body.Quota, out var quota))
        {
            return Invalid($"'{body.Quota}' is not a quota ({string.Join(", ", Enum.GetNames<QuotaKind>())}).");
        }

        var result = await crews.TickAsync(id, p, quota, body.Met, body.Note, http.User.Actor(), ct).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            return Problems.From(result.Diagnostics);
        }

        return TypedResults.Ok(Checklist((await crews.ChecklistAsync(id, p, ct).ConfigureAwait(false))!));
    }

    // ---- mapping -------------------------------------------------------------------------------------------

    private static TreasuryProposalDto View(TreasuryView v)
    {
        var r = v.Runway;
        string? months = r.Tenths is { } t ? BigInteger.Divide(t, 10).ToString(CultureInfo.InvariantCulture) + "." + BigInteger.Remainder(t, 10).ToString(CultureInfo.InvariantCulture) : null;
        return new TreasuryProposalDto(
            Proposal(v.Proposal, v.Targets),
            AmountDto.Of(v.Funding),
            AmountDto.Of(v.Paid),
            AmountDto.Of(v.Remaining),
            AmountDto.Of(v.Overdrawn),
            new RunwayDto(r.FirstMonth.ToString(), r.LastClosed.ToString(), r.Window, AmountDto.Of(r.SpentInWindow), AmountDto.Of(r.MonthlySpend), months, r.Format()),
            v.Draws.Select(DrawDto.Of).ToArray(),
            v.Chart.Select(c => new LedgerMonthDto(c.Month.ToString(), AmountDto.Of(c.Spent), AmountDto.Of(c.RemainingAfter), AmountDto.Of(c.OverdrawnAfter))).ToArray(),
            v.Standing,
            v.Timeline.Select(e => new TreasuryEventDto(
                e.At, e.Kind.ToString().ToLowerInvariant(), e.Text, e.Amount is { } a ? AmountDto.Of(a) : null, e.TxHash, e.Explorer?.ToString(), e.Actor)).ToArray());
    }

    private static ProposalDto Proposal(SpendingProposal p, IReadOnlyList<TargetProgress> progress) => new(
        p.Number,
        p.Title,
        p.Proponent,
        p.Date,
        TreasuryRecords.Code(p.Status),
        p.Link?.ToString(),
        p.Requested.Token.Decimals,
        AmountDto.Of(p.Requested),
        p.Milestones.Select(m => new MilestoneDto(
            m.Number, m.Title, AmountDto.Of(m.Cost), TreasuryRecords.Code(m.Status), m.ReportText, m.Date,
            m.Target is null ? null : progress.FirstOrDefault(t => t.Milestone == m.Number) is { } t
                ? new TargetDto(TreasuryRecords.Code(m.Target.Metric), m.Target.Value, t.Current, t.Met, t.Progress.Rounded.ToString("0.##", CultureInfo.InvariantCulture), t.AsOf)
                : new TargetDto(TreasuryRecords.Code(m.Target.Metric), m.Target.Value))).ToArray(),
        p.Timeline.Select(e => new ProposalEventDto(e.At, TreasuryRecords.Code(e.Kind), e.Text, e.Actor)).ToArray(),
        p.PlannedPerMonth is { } plan ? AmountDto.Of(plan) : null);

    private static ApplicationDto Application(ApplicationDetail d)
    {
        var a = d.Application;
        return new ApplicationDto(
            d.Id, d.State, a.Name, a.GitHubLogin, a.Discord, a.Telegram, a.X, a.Region, a.Languages, a.Links, a.Statement, a.SubmittedAt,
            d.Reviews.Select(r => new ApplicationReviewDto(r.Reviewer, ApplicationScoreDto.Criteria(r.Scores), r.Note)).ToArray(),
            ApplicationScoreDto.Of(d.Score),
            d.Decision is { } x ? new ApplicationDecisionDto(x.Accepted, x.StartingRank?.Code, x.Reason, x.DecidedBy, x.At) : null,
            d.MemberId,
            d.Criteria.Criteria.Select(c => new ApplicationCriterionDto(c.Code, c.Name, c.Description)).ToArray(),
            d.Criteria.Scale.Max.Value,
            d.Criteria.Scale.Step.Value);
    }

    private static CrewChecklistDto Checklist(CrewChecklistView v) => new(
        CrewDto.Of(v.Crew),
        v.Month.Period.ToString(),
        v.Reports,
        v.Month.AllMet,
        v.Month.Quotas.Select(q => new QuotaDto(
            q.Rule.Kind.ToString(), TreasuryRecords.Code(q.Status), q.Counted, q.Required, q.Explanation,
            q.Tick is { } t ? new TickDto(t.Reviewer, t.Met, t.At, t.Note) : null)).ToArray());

    private static Results<Ok<SavedAnswer<TOut>>, ProblemHttpResult> Saved<T, TOut>(Result<T> result, Func<T, TOut> map) =>
        result.IsSuccess
            ? TypedResults.Ok(new SavedAnswer<TOut>(map(result.Value), result.Diagnostics.Select(DiagnosticDto.Of).ToArray()))
            : Problems.From(result.Diagnostics);

    private static ProblemHttpResult Invalid(string message) => Problems.From([Diagnostic.Error(RequestInvalid, message)]);

    /// <summary>An enum value from its stored code (<c>funded</c>, <c>community_users</c>), as the API writes them.</summary>
    private static bool TryCode<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        var code = text?.Trim();
        foreach (var v in Enum.GetValues<TEnum>())
        {
            if (string.Equals(TreasuryRecords.Code(v), code, StringComparison.OrdinalIgnoreCase) || string.Equals(v.ToString(), code, StringComparison.OrdinalIgnoreCase))
            {
                value = v;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>An enum value by its exact name (never a number).</summary>
    private static bool TryName<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = Enum.GetValues<TEnum>().FirstOrDefault(v => string.Equals(v.ToString(), text?.Trim(), StringComparison.Ordinal));
        return Enum.GetNames<TEnum>().Contains(text?.Trim(), StringComparer.Ordinal);
    }

    private static string Codes<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetValues<TEnum>().Select(v => TreasuryRecords.Code(v)));
}
