using System.Security.Cryptography;
using System.Text;

namespace Embassy.GitHub;

/// <summary>GitHub's webhook signature: <c>X-Hub-Signature-256: sha256=&lt;hex HMAC-SHA256 of the body&gt;</c>.</summary>
public static class WebhookSignature
{
    /// <summary>The header GitHub signs deliveries with.</summary>
    public const string Header = "X-Hub-Signature-256";

    private const string Prefix = "sha256=";

    /// <summary>The header value for <paramref name="body"/> signed with <paramref name="secret"/>.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }

    /// <summary>
    /// True when <paramref name="header"/> is the signature of <paramref name="body"/> under <paramref name="secret"/>.
    /// Compared in constant time; a missing secret, header or malformed value is never valid.
    /// </summary>
    public static bool IsValid(string? secret, ReadOnlySpan<byte> body, string? header)
    {
        if (string.IsNullOrEmpty(secret) || header is null || !header.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var hex = header.AsSpan(Prefix.Length);
        if (hex.Length != 64)
        {
            return false;
        }

        Span<byte> given = stackalloc byte[32];
        if (Convert.FromHexString(hex, given, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    /// <summary>
    /// Starts checking a signature over a body that arrives in pieces (<see cref="WebhookSignatureCheck.Append"/>), so the
    /// body need not be held whole to be checked. Null when there is no secret or the header is missing or malformed:
    /// such a delivery is refused before its body is read.
    /// </summary>
    public static WebhookSignatureCheck? Begin(string? secret, string? header)
    {
        if (string.IsNullOrEmpty(secret) || header is null || !header.StartsWith(Prefix, StringComparison.Ordinal) || header.Length != Prefix.Length + 64)
        {
            return null;
        }

        var given = new byte[32];
        if (Convert.FromHexString(header.AsSpan(Prefix.Length), given, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return null;
        }

        return new WebhookSignatureCheck(IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret)), given);
    }
}

/// <summary>An HMAC-SHA256 signature check over a body read in pieces (GitHub signs the raw body as sent).</summary>
public sealed class WebhookSignatureCheck : IDisposable
{
    private readonly IncrementalHash _hash;
    private readonly byte[] _given;

    internal WebhookSignatureCheck(IncrementalHash hash, byte[] given)
    {
        _hash = hash;
        _given = given;
    }

    /// <summary>Adds the next piece of the body.</summary>
    public void Append(ReadOnlySpan<byte> piece) => _hash.AppendData(piece);

    /// <summary>True when the pieces appended so far are the body the header signs (constant-time comparison).</summary>
    public bool IsValid()
    {
        Span<byte> expected = stackalloc byte[32];
        _hash.GetHashAndReset(expected);
        return CryptographicOperations.FixedTimeEquals(_given, expected);
    }

    /// <inheritdoc />
    public void Dispose() => _hash.Dispose();
}
