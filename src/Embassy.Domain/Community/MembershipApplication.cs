using System.Globalization;
using Embassy.Domain.Rules;

namespace Embassy.Domain.Community;

/// <summary>
/// One criterion an application is scored on, as the program's policy names it (issue #17: criteria are policy data;
/// seed 000 has expertise, commitment and influence, the October 2025 revision adds common sense).
/// </summary>
/// <param name="Code">Stable key the scores are stored under: lower-case letters, digits, '_' or '-'.</param>
/// <param name="Name">What people read ("Common Sense").</param>
/// <param name="Description">What the criterion asks of an applicant; the public form prints it above the answer.</param>
public sealed record ApplicationCriterion(string Code, string Name, string Description);

/// <summary>The criteria of a policy and the scale each is scored on.</summary>
/// <param name="Criteria">In the order the form and the reviewer's page show them; codes are unique.</param>
/// <param name="Scale">0..max in steps, the same for every criterion.</param>
public sealed record ApplicationCriteria(IReadOnlyList<ApplicationCriterion> Criteria, ApplicationScale Scale)
{
    /// <summary>
    /// Seed 000's three criteria (V.4, July 2024: "expertise, commitment and influence"), 0..10 in whole points: what a
    /// policy without an <c>application</c> section is scored on.
    /// </summary>
    public static ApplicationCriteria SeedDefault { get; } = new(
        [
            new("expertise", "Expertise", "Your English, Web3 knowledge (blockchain, DeFi, AI), experience in community management, marketing, content, business development or tech, and ideas you carried out."),
            new("commitment", "Commitment", "What you know of the program's vision and products, and how you engage with the team and the community."),
            new("influence", "Influence", "Your presence and leadership in communities and on social media."),
        ],
        ApplicationScale.Default);

    /// <summary>The criterion with <paramref name="code"/>, or null.</summary>
    public ApplicationCriterion? Find(string code) => Criteria.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The name of <paramref name="code"/>, or the code itself for a score stored under a criterion this policy does not have.</summary>
    public string NameOf(string code) => Find(code)?.Name ?? code;

    /// <summary>The policy's codes, then any other code <paramref name="scores"/> hold (a review stored under other rules is shown whole).</summary>
    public IReadOnlyList<string> CodesWith(IEnumerable<IReadOnlyDictionary<string, Points>> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var codes = Criteria.Select(c => c.Code).ToList();
        foreach (var code in scores.SelectMany(s => s.Keys).Where(k => !codes.Contains(k, StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
        {
            codes.Add(code);
        }

        return codes;
    }
}

/// <summary>
/// An application to join the program, as the public form collects it (seed 000). The GitHub login is the identity an
/// accepted applicant becomes a member under (RULES.md R2).
/// </summary>
public sealed record MembershipApplication
{
    /// <summary>Stable id.</summary>
    public required string Id { get; init; }

    /// <summary>When it was submitted (the caller's clock).</summary>
    public required DateTimeOffset SubmittedAt { get; init; }

    /// <summary>The name to call the applicant.</summary>
    public required string Name { get; init; }

    /// <summary>GitHub login: the member id once accepted (R2).</summary>
    public required string GitHubLogin { get; init; }

    /// <summary>Discord handle, when given.</summary>
    public string? Discord { get; init; }

    /// <summary>Telegram handle, when given.</summary>
    public string? Telegram { get; init; }

    /// <summary>X handle, when given.</summary>
    public string? X { get; init; }

    /// <summary>Region or regional team ("French group").</summary>
    public string? Region { get; init; }

    /// <summary>Languages spoken.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>Links to earlier work.</summary>
    public IReadOnlyList<string> Links { get; init; } = [];

    /// <summary>What the applicant writes about each criterion of the policy, under the criteria's names.</summary>
    public string Statement { get; init; } = string.Empty;

    /// <summary>Checks the form's fields: a name, a plausible GitHub login, at least one handle, http(s) links.</summary>
    public IReadOnlyList<Diagnostic> Validate()
    {
        var found = new List<Diagnostic>();
        void Add(string message) => found.Add(Diagnostic.Error(CommunityCodes.ApplicationFieldInvalid, message));

        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 100)
        {
            Add("A name of 1 to 100 characters is needed.");
        }

        if (!IsGitHubLogin(GitHubLogin))
        {
            Add($"'{GitHubLogin}' is not a GitHub login (letters, digits and single hyphens, up to 39 characters).");
        }

        if (string.IsNullOrWhiteSpace(Discord) && string.IsNullOrWhiteSpace(Telegram) && string.IsNullOrWhiteSpace(X))
        {
            Add("At least one of Discord, Telegram or X is needed, so that the team can reach the applicant.");
        }

        foreach (var link in Links.Where(l => !BountyAward.IsHttpLink(l)))
        {
            Add($"'{link}' is not an http(s) link.");
        }

        if (Statement.Length > 10_000)
        {
            Add("The statement is longer than 10,000 characters.");
        }

        return found;
    }

    /// <summary>GitHub's login rule: 1–39 of [A-Za-z0-9-], no leading, trailing or double hyphen.</summary>
    public static bool IsGitHubLogin(string? login) =>
        login is { Length: >= 1 and <= 39 }
        && login.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
        && login[0] != '-' && login[^1] != '-'
        && !login.Contains("--", StringComparison.Ordinal);
}

/// <summary>One reviewer's scores of an application, one per criterion.</summary>
/// <param name="Reviewer">The reviewer's login.</param>
/// <param name="Scores">A score per criterion code (<see cref="ApplicationCriterion.Code"/>), 0..max.</param>
/// <param name="Note">What the reviewer wants the others to know.</param>
public sealed record ApplicationReview(string Reviewer, IReadOnlyDictionary<string, Points> Scores, string? Note = null);

/// <summary>How applications are scored: each criterion 0..<paramref name="Max"/> in steps of <paramref name="Step"/>.</summary>
/// <param name="Max">Highest score of a criterion (default 10).</param>
/// <param name="Step">Smallest step, also what means are rounded to (default 1 point, R3).</param>
public sealed record ApplicationScale(Points Max, Points Step)
{
    /// <summary>0–10 in whole points.</summary>
    public static ApplicationScale Default { get; } = new(Points.Of(10), Points.Of(1));
}

/// <summary>An application's combined score: the mean of the reviewers per criterion.</summary>
/// <param name="ByCriterion">Mean per criterion code, rounded half up to the step, in the policy's order.</param>
/// <param name="Reviewers">How many reviews it is the mean of.</param>
/// <param name="Max">The highest possible total.</param>
public sealed record ApplicationScore(IReadOnlyDictionary<string, Points> ByCriterion, int Reviewers, Points Max)
{
    /// <summary>The sum of the rounded means.</summary>
    public Points Total => ByCriterion.Values.Aggregate(Points.Zero, (a, p) => a + p);

    /// <summary>Total over the maximum.</summary>
    public Percent Percent => Percent.Of(Total, Max);
}

/// <summary>A decision on an application: accept with a starting rank, or decline with a reason.</summary>
public sealed record ApplicationDecision
{
    private ApplicationDecision(bool accepted, Rank? startingRank, string? reason, string decidedBy, DateTimeOffset at)
    {
        Accepted = accepted;
        StartingRank = startingRank;
        Reason = reason;
        DecidedBy = decidedBy;
        At = at;
    }

    /// <summary>True when accepted.</summary>
    public bool Accepted { get; }

    /// <summary>The rank an accepted applicant starts at (seed 000: "your starting position will depend on… the criteria").</summary>
    public Rank? StartingRank { get; }

    /// <summary>Why (required when declined; optional when accepted).</summary>
    public string? Reason { get; }

    /// <summary>Who decided.</summary>
    public string DecidedBy { get; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; }

    /// <summary>Accept; the starting rank defaults to candidate.</summary>
    public static ApplicationDecision Accept(string decidedBy, DateTimeOffset at, Rank? startingRank = null, string? reason = null) =>
        new(true, startingRank ?? Rank.Candidate, reason, decidedBy, at);

    /// <summary>Decline with a reason (checked by <see cref="ApplicationRules.Decide"/>).</summary>
    public static ApplicationDecision Decline(string decidedBy, DateTimeOffset at, string reason) =>
        new(false, null, reason, decidedBy, at);
}

/// <summary>An application with its reviews, combined score and decision.</summary>
/// <param name="Application">The application.</param>
/// <param name="Reviews">The reviews, in the order given.</param>
/// <param name="Score">The combined score, or null before any review.</param>
/// <param name="Decision">The decision.</param>
public sealed record DecidedApplication(MembershipApplication Application, IReadOnlyList<ApplicationReview> Reviews, ApplicationScore? Score, ApplicationDecision Decision);

/// <summary>Scores and decides membership applications (seed 000 criteria; RULES.md R2 ranks, R3 reviewer means, R8 appointed ranks).</summary>
public static class ApplicationRules
{
    /// <summary>
    /// Screens a submission of the public form: the spam checks first (honeypot, fill time, rate limit per client
    /// address), and only then the fields, so a bot learns nothing about the form. <paramref name="now"/> is the
    /// submission time and is stamped on the application.
    /// </summary>
    /// <returns>The stamped application, or the errors found.</returns>
    public static Result<MembershipApplication> Screen(
        MembershipApplication form, string? honeypot, DateTimeOffset formShownAt, DateTimeOffset now, IEnumerable<DateTimeOffset> earlierFromSameAddress, SpamGuard? guard = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        var spam = (guard ?? SpamGuard.Default).Check(honeypot, formShownAt, now, earlierFromSameAddress);
        if (spam.Count > 0)
        {
            return Result<MembershipApplication>.Fail(spam);
        }

        var stamped = form with { SubmittedAt = now };
        return Result<MembershipApplication>.From(stamped, stamped.Validate());
    }

    /// <summary>Checks one review: every criterion of <paramref name="criteria"/> scored, 0..max, on the step, and no other.</summary>
    public static IReadOnlyList<Diagnostic> ValidateReview(ApplicationReview review, ApplicationCriteria? criteria = null)
    {
        ArgumentNullException.ThrowIfNull(review);
        var c = criteria ?? ApplicationCriteria.SeedDefault;
        var s = c.Scale;
        var found = new List<Diagnostic>();
        foreach (var criterion in c.Criteria)
        {
            var name = criterion.Name;
            if (!review.Scores.TryGetValue(criterion.Code, out var p))
            {
                found.Add(Diagnostic.Error(CommunityCodes.ApplicationScoreInvalid, $"{review.Reviewer} did not score {name}."));
            }
            else if (p < Points.Zero || p > s.Max || !p.IsMultipleOf(s.Step))
            {
                found.Add(Diagnostic.Error(CommunityCodes.ApplicationScoreInvalid, $"{review.Reviewer} gave {name} {p}; scores are 0 to {s.Max} in steps of {s.Step}."));
            }
        }

        foreach (var code in review.Scores.Keys.Where(k => c.Find(k) is null))
        {
            found.Add(Diagnostic.Error(CommunityCodes.ApplicationScoreInvalid, $"'{code}' is not a criterion of the policy ({string.Join(", ", c.Criteria.Select(x => x.Code))})."));
        }

        return found;
    }

    /// <summary>
    /// The mean of <paramref name="reviews"/> per criterion, rounded half up to the step (R3: "several reviewers: the
    /// final score is the mean, rounded half up"). The criteria are those of <paramref name="criteria"/>, then any other
    /// a stored review holds (so a review made under other rules is never dropped). Null when there is no review.
    /// </summary>
    public static ApplicationScore? Score(IReadOnlyList<ApplicationReview> reviews, ApplicationCriteria? criteria = null)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        var c = criteria ?? ApplicationCriteria.SeedDefault;
        var s = c.Scale;
        if (reviews.Count == 0)
        {
            return null;
        }

        var means = new Dictionary<string, Points>(StringComparer.OrdinalIgnoreCase);
        var n = reviews.Count;
        var step = s.Step.Hundredths;
        foreach (var code in c.CodesWith(reviews.Select(r => r.Scores)))
        {
            var sum = reviews.Sum(r => r.Scores.TryGetValue(code, out var p) ? p.Hundredths : 0L);

            // round(sum / n / step) half up = floor((2·sum + n·step) / (2·n·step)); all integers, scores are ≥ 0.
            var steps = checked((2 * sum) + (n * step)) / checked(2L * n * step);
            means[code] = Points.FromHundredths(steps * step);
        }

        var max = Points.FromHundredths(s.Max.Hundredths * means.Count);
        return new ApplicationScore(means, n, max);
    }

    /// <summary>
    /// Decides <paramref name="application"/>. An acceptance needs at least one valid review and a starting rank of
    /// <paramref name="ranks"/> that is not appointed-only (R8: head is appointed); a decline needs a reason.
    /// </summary>
    /// <returns>
    /// The decided application, or errors: <see cref="CommunityCodes.ApplicationDeclineReasonRequired"/>,
    /// <see cref="CommunityCodes.ApplicationRankUnknown"/>, <see cref="CommunityCodes.ApplicationRankAppointed"/>,
    /// <see cref="CommunityCodes.ApplicationNotReviewed"/>, <see cref="CommunityCodes.ApplicationReviewDuplicate"/>,
    /// <see cref="CommunityCodes.ApplicationScoreInvalid"/>, <see cref="CommunityCodes.ApplicationAlreadyDecided"/>.
    /// </returns>
    public static Result<DecidedApplication> Decide(
        MembershipApplication application,
        IReadOnlyList<ApplicationReview> reviews,
        ApplicationDecision decision,
        IReadOnlyList<RankRule> ranks,
        ApplicationDecision? earlier = null,
        ApplicationCriteria? criteria = null)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(reviews);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(ranks);
        var found = new List<Diagnostic>();
        if (earlier is not null)
        {
            found.Add(Diagnostic.Error(
                CommunityCodes.ApplicationAlreadyDecided,
                $"Application {application.Id} was already {(earlier.Accepted ? "accepted" : "declined")} by {earlier.DecidedBy} on {earlier.At.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}."));
        }

        foreach (var dup in reviews.GroupBy(r => r.Reviewer.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            found.Add(Diagnostic.Error(CommunityCodes.ApplicationReviewDuplicate, $"{dup.Key} reviewed application {application.Id} more than once; keep one review per reviewer."));
        }

        foreach (var review in reviews)
        {
            found.AddRange(ValidateReview(review, criteria));
        }

        if (decision.Accepted)
        {
            var rank = decision.StartingRank ?? Rank.Candidate;
            var rule = ranks.FirstOrDefault(r => r.Rank == rank);
            if (rule is null)
            {
                found.Add(Diagnostic.Error(CommunityCodes.ApplicationRankUnknown, $"'{rank}' is not a rank of the policy ({string.Join(", ", ranks.Select(r => r.Rank.Code))})."));
            }
            else if (rule.Appointed)
            {
                found.Add(Diagnostic.Error(CommunityCodes.ApplicationRankAppointed, $"{rule.Title} is appointed by an admin, never given on application (R8)."));
            }

            if (reviews.Count == 0)
            {
                found.Add(Diagnostic.Error(CommunityCodes.ApplicationNotReviewed, $"Application {application.Id} has no review yet; score it on {string.Join(", ", (criteria ?? ApplicationCriteria.SeedDefault).Criteria.Select(x => x.Name))} first."));
            }
        }
        else if (string.IsNullOrWhiteSpace(decision.Reason))
        {
            found.Add(Diagnostic.Error(CommunityCodes.ApplicationDeclineReasonRequired, $"Declining application {application.Id} needs a reason the applicant can read."));
        }

        return Result<DecidedApplication>.From(new DecidedApplication(application, reviews, Score(reviews, criteria), decision), found);
    }
}
