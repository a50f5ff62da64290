using System.Globalization;

namespace Embassy.Domain.Community;

/// <summary>
/// Spam checks for the public application form that need no third-party service (issue #6): a hidden honeypot field,
/// a minimum time to fill the form, and a rate limit per client address. Pure functions: the caller passes the times.
/// </summary>
/// <param name="MaxPerWindow">Most submissions accepted from one address within <paramref name="Window"/> (default 3).</param>
/// <param name="Window">The sliding window (default 24 hours).</param>
/// <param name="MinimumFillTime">Less time than this between showing the form and submitting it is a bot (default 3 s).</param>
public sealed record SpamGuard(int MaxPerWindow, TimeSpan Window, TimeSpan MinimumFillTime)
{
    /// <summary>3 a day per address, at least 3 seconds to fill in.</summary>
    public static SpamGuard Default { get; } = new(3, TimeSpan.FromHours(24), TimeSpan.FromSeconds(3));

    /// <summary>
    /// Checks a submission. <paramref name="honeypot"/> is the hidden field's value (people leave it empty);
    /// <paramref name="earlierFromSameAddress"/> are the times of earlier submissions from the same client address.
    /// </summary>
    /// <returns>
    /// The errors found, none when the submission may be stored: <see cref="CommunityCodes.ApplicationHoneypot"/>,
    /// <see cref="CommunityCodes.ApplicationTooFast"/>, <see cref="CommunityCodes.ApplicationRateLimited"/> (its message says
    /// when to retry).
    /// </returns>
    public IReadOnlyList<Diagnostic> Check(string? honeypot, DateTimeOffset formShownAt, DateTimeOffset now, IEnumerable<DateTimeOffset> earlierFromSameAddress)
    {
        ArgumentNullException.ThrowIfNull(earlierFromSameAddress);
        var found = new List<Diagnostic>();
        if (!string.IsNullOrEmpty(honeypot))
        {
            found.Add(Diagnostic.Error(CommunityCodes.ApplicationHoneypot, "The form was not filled in by a person."));
        }

        if (now - formShownAt < MinimumFillTime)
        {
            found.Add(Diagnostic.Error(CommunityCodes.ApplicationTooFast, "The form came back faster than a person can fill it in; please try again."));
        }

        var recent = earlierFromSameAddress.Where(t => t > now - Window && t <= now).OrderBy(t => t).ToArray();
        if (recent.Length >= MaxPerWindow)
        {
            // The oldest submission that still counts leaves the window first.
            var retryAt = recent[recent.Length - MaxPerWindow] + Window;
            found.Add(Diagnostic.Error(
                CommunityCodes.ApplicationRateLimited,
                string.Create(CultureInfo.InvariantCulture, $"{recent.Length} applications came from this address in the last {Window.TotalHours:0.#} hours; try again after {retryAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC.")));
        }

        return found;
    }
}
