using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Embassy.Application;
using Embassy.Domain.Community;
using Microsoft.AspNetCore.DataProtection;

namespace Embassy.Web;

/// <summary>
/// The public application form's own spam protection, with no third-party service (issue #6): a protected timestamp of
/// when the form was shown (for the minimum fill time) and the keyed hash of the client address (for the rate limit).
/// </summary>
public sealed class ApplicationFormGuard
{
    private static readonly TimeSpan StampLifetime = TimeSpan.FromDays(1);
    private readonly IDataProtector _protector;
    private readonly IDataProtector _tickets;
    private readonly byte[] _addressKey;

    /// <summary>Reads <c>Applications:AddressKey</c>; without one, a random key for this process.</summary>
    public ApplicationFormGuard(IDataProtectionProvider protection, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(protection);
        ArgumentNullException.ThrowIfNull(configuration);
        _protector = protection.CreateProtector("Embassy.ApplicationForm.ShownAt.v1");
        _tickets = protection.CreateProtector("Embassy.ApplicationForm.Status.v1");
        var configured = configuration["Applications:AddressKey"];

        // Without a configured key the rate limit forgets addresses at a restart: it errs towards letting people apply.
        _addressKey = string.IsNullOrWhiteSpace(configured) ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(configured);
    }

    /// <summary>
    /// The applicant's private status link for application <paramref name="id"/> (issue #6: "a declined one gets a
    /// reason"): the id protected by ASP.NET Core Data Protection, so nobody can read another person's application by
    /// guessing ids, and nothing extra is stored.
    /// </summary>
    public string Ticket(long id) => _tickets.Protect(id.ToString(CultureInfo.InvariantCulture));

    /// <summary>The application id of a status link, or null for a link that was altered or made up.</summary>
    public long? ApplicationOf(string? ticket)
    {
        if (string.IsNullOrEmpty(ticket))
        {
            return null;
        }

        try
        {
            return long.TryParse(_tickets.Unprotect(ticket), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The hidden field's value for a form shown now (wall clock: the fill time is lived in the browser).</summary>
    public string Stamp() => _protector.Protect(TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// How long ago the form carrying <paramref name="stamp"/> was shown; zero for a stamp that was tampered with, is
    /// missing or older than a day, so such a submission reads as "too fast" and the person simply sends it again.
    /// </summary>
    public TimeSpan Elapsed(string? stamp)
    {
        if (string.IsNullOrEmpty(stamp))
        {
            return TimeSpan.Zero;
        }

        try
        {
            var ms = long.Parse(_protector.Unprotect(stamp), NumberStyles.None, CultureInfo.InvariantCulture);
            var elapsed = TimeProvider.System.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(ms);
            return elapsed < TimeSpan.Zero || elapsed > StampLifetime ? TimeSpan.Zero : elapsed;
        }
        catch (CryptographicException)
        {
            return TimeSpan.Zero;
        }
        catch (FormatException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>The keyed hash of the client address: raw addresses are never stored (personal data; the rate limit needs only "same address").</summary>
    public string HashAddress(IPAddress? address) =>
        MembershipApplications.HashAddress((address?.IsIPv4MappedToIPv6 == true ? address.MapToIPv4() : address)?.ToString(), _addressKey);
}

/// <summary>Adds the community pages' services.</summary>
public static class CommunityWebSetup
{
    /// <summary>
    /// Registers the community use cases with the spam guard from configuration (<c>Applications:MinimumFillTime</c>,
    /// default 3 s; <c>Applications:MaxPerDay</c>, default 3) and the form guard.
    /// </summary>
    public static WebApplicationBuilder AddEmbassyCommunityWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var config = builder.Configuration;
        var guard = SpamGuard.Default with
        {
            MinimumFillTime = config.GetValue<TimeSpan?>("Applications:MinimumFillTime") ?? SpamGuard.Default.MinimumFillTime,
            MaxPerWindow = config.GetValue<int?>("Applications:MaxPerDay") ?? SpamGuard.Default.MaxPerWindow,
        };
        builder.Services.AddEmbassyCommunity(guard);
        builder.Services.AddSingleton<ApplicationFormGuard>();
        return builder;
    }
}
