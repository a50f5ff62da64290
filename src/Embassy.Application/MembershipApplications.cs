using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Embassy.Data;
using Embassy.Data.Entities;
using Embassy.Domain;
using Embassy.Domain.Community;
using Embassy.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Application;

/// <summary>One application in a list: who, when, its state and its combined score so far.</summary>
/// <param name="Id">The stored id.</param>
/// <param name="Name">The applicant's name.</param>
/// <param name="GitHubLogin">The GitHub login.</param>
/// <param name="Region">Region or team.</param>
/// <param name="SubmittedAt">When.</param>
/// <param name="State">pending, accepted or declined (<see cref="ApplicationStates"/>).</param>
/// <param name="Score">The reviewers' mean, or null before any review.</param>
public sealed record ApplicationSummary(long Id, string Name, string GitHubLogin, string? Region, DateTimeOffset SubmittedAt, string State, ApplicationScore? Score);

/// <summary>An application with its reviews, combined score and decision.</summary>
/// <param name="Id">The stored id.</param>
/// <param name="Application">The form as submitted.</param>
/// <param name="State">pending, accepted or declined.</param>
/// <param name="Reviews">One review per reviewer.</param>
/// <param name="Score">The combined score, or null before any review.</param>
/// <param name="Decision">The decision, once made.</param>
/// <param name="MemberId">The member an acceptance created.</param>
/// <param name="Criteria">The criteria it is scored on: those of the policy in force when it was submitted (issue #17).</param>
public sealed record ApplicationDetail(long Id, MembershipApplication Application, string State, IReadOnlyList<ApplicationReview> Reviews, ApplicationScore? Score, ApplicationDecision? Decision, long? MemberId, ApplicationCriteria Criteria);

/// <summary>
/// Membership applications (issue #6, seed 000), stored: a submission from the public form passes the spam guard against
/// the earlier submissions stored for the same client address; reviewers score each criterion; an accepted applicant
/// becomes a member through the registry (<see cref="MemberAdmin"/>, R2: a rank event with actor and reason), a declined
/// one keeps the reason. Every write is audited with its actor.
/// </summary>
public sealed class MembershipApplications(IDbContextFactory<EmbassyDbContext> databases, MemberAdmin members, TimeProvider time, SpamGuard? guard = null)
{
    /// <summary>The actor the audit log names for a submission of the public form.</summary>
    public const string PublicActor = "public-form";

    private static readonly char[] LineBreaks = ['\r', '\n'];

    /// <summary>The criteria the public form asks about today: those of the policy in force (issue #17).</summary>
    public ApplicationCriteria CurrentCriteria => members.CurrentPolicy.Application;

    /// <summary>
    /// The criteria an application submitted at <paramref name="submittedAt"/> is scored on: those of the policy in force
    /// that month, the questions the applicant answered.
    /// </summary>
    public ApplicationCriteria CriteriaFor(DateTimeOffset submittedAt) => members.PolicyAt(submittedAt).Application;

    /// <summary>The spam checks in force.</summary>
    public SpamGuard Guard { get; } = guard ?? SpamGuard.Default;

    /// <summary>
    /// A keyed SHA-256 (HMAC) of a client address, the only form in which an address is stored (for the rate limit).
    /// Keyed so that the hash of an address cannot be found by hashing every IPv4 address.
    /// </summary>
    public static string HashAddress(string? clientAddress, ReadOnlySpan<byte> key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(clientAddress ?? "unknown")));

    /// <summary>
    /// Screens and stores a submission of the public form: honeypot, fill time and the rate limit per client address
    /// (counted from stored submissions with the same <paramref name="clientAddressHash"/>), then the fields.
    /// </summary>
    /// <returns>The new application's id, or the errors found (nothing is stored then).</returns>
    public async Task<Result<long>> SubmitAsync(
        MembershipApplication form, string? honeypot, DateTimeOffset formShownAt, string clientAddressHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentException.ThrowIfNullOrEmpty(clientAddressHash);
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var earlier = await db.Applications.AsNoTracking()
            .Where(a => a.ClientAddressHash == clientAddressHash)
            .Select(a => a.SubmittedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var screened = ApplicationRules.Screen(Trimmed(form), honeypot, formShownAt, now, earlier, Guard);
        if (!screened.IsSuccess)
        {
            return Result<long>.Fail(screened.Diagnostics);
        }

        var a = screened.Value;
        var row = new ApplicationRecord
        {
            SubmittedAt = now,
            Name = a.Name,
            GitHubLogin = a.GitHubLogin,
            Discord = a.Discord,
            Telegram = a.Telegram,
            X = a.X,
            Region = a.Region,
            Languages = string.Join('\n', a.Languages),
            Links = string.Join('\n', a.Links),
            Statement = a.Statement,
            ClientAddressHash = clientAddressHash,
            State = ApplicationStates.Pending,
        };
        db.Applications.Add(row);

        // Address hashes are kept only as long as the rate limit needs them (SpamGuard.Window), then erased.
        var expired = now - Guard.Window;
        var old = await db.Applications.Where(x => x.ClientAddressHash != null).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var o in old.Where(o => o.SubmittedAt <= expired))
        {
            o.ClientAddressHash = null;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        ProgramTables.Audit(db, now, PublicActor, "application.submitted", "application:" + Id(row.Id), $"{a.Name} (github {a.GitHubLogin})");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<long>.Ok(row.Id);
    }

    /// <summary>Applications in <paramref name="state"/> (all when null), newest first.</summary>
    public async Task<IReadOnlyList<ApplicationSummary>> ListAsync(string? state = null, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Applications.AsNoTracking().Include(a => a.Reviews).ThenInclude(r => r.Scores).AsQueryable();
        if (!string.IsNullOrEmpty(state))
        {
            query = query.Where(a => a.State == state);
        }

        var rows = await query.ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.OrderByDescending(a => a.SubmittedAt).ThenByDescending(a => a.Id)
            .Select(a => new ApplicationSummary(a.Id, a.Name, a.GitHubLogin, a.Region, a.SubmittedAt, a.State, ApplicationRules.Score(a.Reviews.Select(ToReview).ToArray(), CriteriaFor(a.SubmittedAt))))
            .ToArray();
    }

    /// <summary>One application with its reviews and decision, or null.</summary>
    public async Task<ApplicationDetail?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Applications.AsNoTracking().Include(a => a.Reviews).ThenInclude(r => r.Scores).SingleOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var criteria = CriteriaFor(row.SubmittedAt);

        var decision = await db.ApplicationDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.ApplicationId == id, cancellationToken).ConfigureAwait(false);
        var reviews = row.Reviews.OrderBy(r => r.Id).Select(ToReview).ToArray();
        return new ApplicationDetail(id, ToDomain(row), row.State, reviews, ApplicationRules.Score(reviews, criteria), decision is null ? null : ToDomain(decision), decision?.MemberId, criteria);
    }

    /// <summary>
    /// Records <paramref name="reviewer"/>'s scores of an undecided application, one per criterion code of the policy it
    /// was submitted under (0..max on the step, <see cref="ApplicationRules.ValidateReview"/>). Scoring again replaces the
    /// reviewer's earlier scores (one review per reviewer, as R3 takes the mean over reviewers); the audit log keeps both.
    /// </summary>
    public async Task<Result<long>> ScoreAsync(
        long id, string reviewer, IReadOnlyDictionary<string, Points> scores, string? note, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewer);
        ArgumentNullException.ThrowIfNull(scores);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Applications.Include(a => a.Reviews).ThenInclude(r => r.Scores).SingleOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return Result<long>.Fail(WorkflowCodes.NotFound, $"There is no application {Id(id)}.");
        }

        var criteria = CriteriaFor(row.SubmittedAt);
        var review = new ApplicationReview(reviewer, scores, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        var invalid = ApplicationRules.ValidateReview(review, criteria);
        if (invalid.Count > 0)
        {
            return Result<long>.Fail(invalid);
        }

        if (row.State != ApplicationStates.Pending)
        {
            return Result<long>.Fail(CommunityCodes.ApplicationAlreadyDecided, $"Application {Id(id)} is {row.State}; its scores can no longer change.");
        }

        var now = time.GetUtcNow();
        var mine = row.Reviews.FirstOrDefault(r => string.Equals(r.Reviewer, reviewer, StringComparison.OrdinalIgnoreCase));
        if (mine is null)
        {
            mine = new ApplicationReviewRecord { Reviewer = reviewer };
            row.Reviews.Add(mine);
        }

        foreach (var criterion in criteria.Criteria)
        {
            var hundredths = scores.First(s => string.Equals(s.Key, criterion.Code, StringComparison.OrdinalIgnoreCase)).Value.Hundredths;
            var stored = mine.Scores.FirstOrDefault(s => s.Criterion == criterion.Code);
            if (stored is null)
            {
                mine.Scores.Add(new ApplicationReviewScoreRecord { Criterion = criterion.Code, Hundredths = hundredths });
            }
            else
            {
                stored.Hundredths = hundredths;
            }
        }

        mine.Note = review.Note;
        mine.RecordedAt = now;
        ProgramTables.Audit(
            db,
            now,
            reviewer,
            "application.scored",
            "application:" + Id(id),
            string.Join(", ", criteria.Criteria.Select(c => $"{c.Code} {scores.First(s => string.Equals(s.Key, c.Code, StringComparison.OrdinalIgnoreCase)).Value}")));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<long>.Ok(mine.Id);
    }

    /// <summary>
    /// Decides a pending application (<see cref="ApplicationRules.Decide"/>, under the policy in force today). Accepted:
    /// the applicant is added to the registry at the starting rank (R2: a rank event with the decider as actor) and the
    /// new member's id is returned. Declined: the reason is required and kept; null is returned.
    /// </summary>
    public async Task<Result<long?>> DecideAsync(long id, bool accept, string? startingRank, string? reason, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var detail = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (detail is null)
        {
            return Result<long?>.Fail(WorkflowCodes.NotFound, $"There is no application {Id(id)}.");
        }

        var now = time.GetUtcNow();
        Rank? rank = null;
        if (accept)
        {
            var code = string.IsNullOrWhiteSpace(startingRank) ? Rank.Candidate.Code : startingRank.Trim().ToLowerInvariant();
            rank = members.CurrentPolicy.Ranks.Where(r => r.Rank.Code == code).Select(r => (Rank?)r.Rank).FirstOrDefault();
            if (rank is null)
            {
                return Result<long?>.Fail(CommunityCodes.ApplicationRankUnknown, $"'{startingRank}' is not a rank of the policy ({string.Join(", ", members.CurrentPolicy.Ranks.Select(r => r.Rank.Code))}).");
            }
        }

        var cleanReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        var decision = accept ? ApplicationDecision.Accept(actor, now, rank, cleanReason) : ApplicationDecision.Decline(actor, now, cleanReason ?? string.Empty);
        var decided = ApplicationRules.Decide(detail.Application, detail.Reviews, decision, members.CurrentPolicy.Ranks, detail.Decision, detail.Criteria);
        if (!decided.IsSuccess)
        {
            return Result<long?>.Fail(decided.Diagnostics);
        }

        long? memberId = null;
        if (accept)
        {
            var a = detail.Application;
            var created = await members.CreateAsync(
                new NewMember(a.Name, a.GitHubLogin, rank!.Value.Code, a.Region, a.Discord, a.Telegram, a.X),
                actor,
                cancellationToken).ConfigureAwait(false);
            if (!created.IsSuccess)
            {
                return Result<long?>.Fail(created.Diagnostics);
            }

            memberId = created.Value;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Applications.SingleAsync(x => x.Id == id, cancellationToken).ConfigureAwait(false);
        row.State = accept ? ApplicationStates.Accepted : ApplicationStates.Declined;
        db.ApplicationDecisions.Add(new ApplicationDecisionRecord
        {
            ApplicationId = id,
            Accepted = accept,
            StartingRank = rank?.Code,
            MemberId = memberId,
            Reason = cleanReason,
            DecidedBy = actor,
            DecidedAt = now,
        });
        ProgramTables.Audit(
            db,
            now,
            actor,
            accept ? "application.accepted" : "application.declined",
            "application:" + Id(id),
            accept ? $"member {memberId?.ToString(CultureInfo.InvariantCulture)} at {rank!.Value.Code}{(cleanReason is null ? string.Empty : ": " + cleanReason)}" : cleanReason);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Result<long?>.Ok(memberId, decided.Diagnostics);
    }

    /// <summary>Splits a text area into its non-empty lines (languages, links).</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? string.Empty).Split(LineBreaks, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static MembershipApplication Trimmed(MembershipApplication a) => a with
    {
        Name = a.Name?.Trim() ?? string.Empty,
        GitHubLogin = a.GitHubLogin?.Trim().TrimStart('@') ?? string.Empty,
        Discord = Clean(a.Discord),
        Telegram = Clean(a.Telegram),
        X = Clean(a.X),
        Region = Clean(a.Region),
        Languages = a.Languages.Select(l => l.Trim()).Where(l => l.Length > 0).ToArray(),
        Links = a.Links.Select(l => l.Trim()).Where(l => l.Length > 0).ToArray(),
        Statement = a.Statement?.Trim() ?? string.Empty,
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static MembershipApplication ToDomain(ApplicationRecord a) => new()
    {
        Id = Id(a.Id),
        SubmittedAt = a.SubmittedAt,
        Name = a.Name,
        GitHubLogin = a.GitHubLogin,
        Discord = a.Discord,
        Telegram = a.Telegram,
        X = a.X,
        Region = a.Region,
        Languages = Lines(a.Languages),
        Links = Lines(a.Links),
        Statement = a.Statement,
    };

    private static ApplicationReview ToReview(ApplicationReviewRecord r) => new(
        r.Reviewer,
        r.Scores.OrderBy(s => s.Id).ToDictionary(s => s.Criterion, s => Points.FromHundredths(s.Hundredths), StringComparer.OrdinalIgnoreCase),
        r.Note);

    private static ApplicationDecision ToDomain(ApplicationDecisionRecord d) => d.Accepted
        ? ApplicationDecision.Accept(d.DecidedBy, d.DecidedAt, d.StartingRank is null ? null : new Rank(d.StartingRank), d.Reason)
        : ApplicationDecision.Decline(d.DecidedBy, d.DecidedAt, d.Reason ?? string.Empty);
}
