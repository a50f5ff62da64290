using Embassy.Domain;
using Embassy.Domain.Community;
using Embassy.Domain.Rules;

namespace Embassy.Application;

/// <summary>
/// The application use case shared by the web form and admin tools (issue #6, seed 000): a submission passes the spam
/// guard and the form's checks; reviewers score it; an accepted applicant becomes a member through the registry
/// (<see cref="MemberAdmin"/>, R2: a rank event with actor and reason), a declined one keeps the reason.
/// </summary>
/// <remarks>
/// Applications and reviews are not stored yet: their tables need a migration and EF registration in Embassy.Data
/// (see the treasury persistence note in the issue). The caller keeps them until then.
/// </remarks>
public sealed class MembershipApplications(MemberAdmin members, TimeProvider time)
{
    /// <summary>
    /// Checks a submission from the public form: honeypot, fill time and the rate limit per client address
    /// (<paramref name="earlierFromSameAddress"/>: times of earlier submissions from that address), then the fields.
    /// </summary>
    /// <returns>The application stamped with the submission time, or the errors found.</returns>
    public Result<MembershipApplication> Submit(
        MembershipApplication form, string? honeypot, DateTimeOffset formShownAt, IEnumerable<DateTimeOffset> earlierFromSameAddress, SpamGuard? guard = null) =>
        ApplicationRules.Screen(form, honeypot, formShownAt, time.GetUtcNow(), earlierFromSameAddress, guard);

    /// <summary>
    /// Decides an application (<see cref="ApplicationRules.Decide"/>) under the policy in force today; when accepted,
    /// adds the applicant to the registry at the starting rank and returns the new member's id (null when declined).
    /// </summary>
    public async Task<Result<(DecidedApplication Decision, long? MemberId)>> DecideAsync(
        MembershipApplication application,
        IReadOnlyList<ApplicationReview> reviews,
        ApplicationDecision decision,
        ApplicationDecision? earlier = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(decision);
        var policy = members.CurrentPolicy;
        var decided = ApplicationRules.Decide(application, reviews, decision, policy.Ranks, earlier);
        if (!decided.IsSuccess)
        {
            return Result<(DecidedApplication, long?)>.Fail(decided.Diagnostics);
        }

        if (!decision.Accepted)
        {
            return Result<(DecidedApplication, long?)>.Ok((decided.Value, null), decided.Diagnostics);
        }

        var rank = decision.StartingRank ?? Rank.Candidate;
        var created = await members.CreateAsync(
            new NewMember(application.Name, application.GitHubLogin, rank.Code, application.Region, application.Discord, application.Telegram, application.X),
            decision.DecidedBy,
            cancellationToken).ConfigureAwait(false);
        return created.IsSuccess
            ? Result<(DecidedApplication, long?)>.Ok((decided.Value, created.Value), decided.Diagnostics.Concat(created.Diagnostics))
            : Result<(DecidedApplication, long?)>.Fail(decided.Diagnostics.Concat(created.Diagnostics));
    }
}
