using Embassy.Application;
using Embassy.Domain;
using Embassy.Domain.Community;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Public;

/// <summary>The fields of the public application form (handles, region, languages, links, and an answer per criterion of the policy in force).</summary>
public sealed class ApplicationForm
{
    public string? Name { get; set; }

    public string? GitHub { get; set; }

    public string? Discord { get; set; }

    public string? Telegram { get; set; }

    public string? X { get; set; }

    public string? Region { get; set; }

    /// <summary>Comma- or line-separated.</summary>
    public string? Languages { get; set; }

    /// <summary>One a line.</summary>
    public string? Links { get; set; }

    /// <summary>The answer per criterion code (<c>Input.Answers[expertise]</c>): the policy's criteria, issue #17.</summary>
    public Dictionary<string, string?> Answers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The answer to <paramref name="code"/>, or empty.</summary>
    public string Answer(string code) => Answers.GetValueOrDefault(code) ?? string.Empty;

    /// <summary>The statement reviewers read: each criterion's answer under the criterion's name, in the policy's order.</summary>
    public string Statement(ApplicationCriteria criteria) => string.Join(
        "\n\n",
        criteria.Criteria
            .Select(c => (c.Name, Text: Answer(c.Code)))
            .Where(p => !string.IsNullOrWhiteSpace(p.Text))
            .Select(p => "### " + p.Name + "\n\n" + p.Text.Trim()));
}

/// <summary>
/// The public application form (issue #6). Spam protection without third parties: a hidden honeypot field, a minimum
/// fill time from a protected timestamp, and a rate limit per client address. Nothing typed is lost on an error.
/// </summary>
public sealed class ApplyModel(MembershipApplications applications, ApplicationFormGuard guard) : PageModel
{
    /// <summary>Shown when the spam checks refuse a submission: says what to do, not which check caught it.</summary>
    public const string NotAcceptedMessage = "We could not accept the form this time. Please check your answers and send it again.";

    [BindProperty]
    public ApplicationForm Input { get; set; } = new();

    /// <summary>The honeypot: people never see it, so they leave it empty.</summary>
    [BindProperty(Name = "website")]
    public string? Website { get; set; }

    [BindProperty(Name = "started")]
    public string? Started { get; set; }

    public string Stamp { get; private set; } = string.Empty;

    public IReadOnlyList<string> Messages { get; private set; } = [];

    public bool Sent { get; private set; }

    /// <summary>The criteria asked about: those of the policy in force today.</summary>
    public ApplicationCriteria Criteria => applications.CurrentCriteria;

    /// <summary>The applicant's private status link, after sending.</summary>
    public string? Ticket { get; private set; }

    public void OnGet(bool sent, string? ticket)
    {
        // After sending, the page shows the applicant's private status link (a secret).
        Response.Headers.CacheControl = "no-cache, no-store"; // what anti-forgery sets too: it keeps it without a warning
        Sent = sent;
        Ticket = sent && guard.ApplicationOf(ticket) is not null ? ticket : null;
        Stamp = guard.Stamp();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var form = new MembershipApplication
        {
            Id = "new",
            SubmittedAt = DateTimeOffset.MinValue,
            Name = Input.Name ?? string.Empty,
            GitHubLogin = Input.GitHub ?? string.Empty,
            Discord = Input.Discord,
            Telegram = Input.Telegram,
            X = Input.X,
            Region = Input.Region,
            Languages = (Input.Languages ?? string.Empty).Split([',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Links = MembershipApplications.Lines(Input.Links),
            Statement = Input.Statement(Criteria),
        };

        // The fill time is measured on the wall clock (the browser's), then set against the program's clock.
        var shownAt = HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow() - guard.Elapsed(Started);
        var result = await applications.SubmitAsync(form, Website, shownAt, guard.HashAddress(HttpContext.Connection.RemoteIpAddress), cancellationToken);
        if (result.IsSuccess)
        {
            return Redirect("/apply?sent=true&ticket=" + Uri.EscapeDataString(guard.Ticket(result.Value)));
        }

        var errors = result.Errors.ToArray();
        if (errors.Any(e => e.Code == CommunityCodes.ApplicationRateLimited))
        {
            Messages = ["Too many applications came from your network today. Your answers are still below; please send them again tomorrow."];
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }
        else if (errors.Any(e => e.Code is CommunityCodes.ApplicationHoneypot or CommunityCodes.ApplicationTooFast))
        {
            Messages = [NotAcceptedMessage];
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        else
        {
            Messages = errors.Select(e => e.Message).ToArray();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        Stamp = guard.Stamp();
        return Page();
    }
}
