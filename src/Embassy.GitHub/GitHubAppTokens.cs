using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Embassy.Domain;

namespace Embassy.GitHub;

/// <summary>
/// Installation access tokens of a GitHub App (GitHub's documented flow): a JWT signed RS256 with the app's private key
/// (<c>iss</c> = app id, issued 60 s in the past for clock drift, valid 9 minutes) is exchanged at
/// <c>POST /app/installations/{id}/access_tokens</c> for a token that lasts an hour. The token is kept and renewed five
/// minutes before it expires. The key comes from configuration only and never leaves this process.
/// </summary>
public sealed class GitHubAppTokens(GitHubOptions options, TimeProvider time)
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);
    private Kept? _kept; // replaced whole, so readers never see a token with another token's expiry

    /// <summary>A valid installation token, exchanged when none is kept or the kept one is about to expire.</summary>
    public async Task<Result<string>> TokenAsync(HttpClient http, CancellationToken cancellationToken)
    {
        // Two requests that both find no token exchange twice; both tokens are valid, so no lock is needed.
        if (Volatile.Read(ref _kept) is { } kept && time.GetUtcNow() < kept.Expires - RenewBefore)
        {
            return Result<string>.Ok(kept.Token);
        }

        try
        {
            string jwt;
            try
            {
                jwt = Jwt(options.AppId!.Value, options.AppPrivateKey!, time.GetUtcNow());
            }
            catch (Exception e) when (e is CryptographicException or ArgumentException)
            {
                return Result<string>.Fail(GitHubCodes.Unauthorized, $"The GitHub App private key (EMBASSY_GitHub__AppPrivateKey) cannot be read as a PEM RSA key: {e.Message}");
            }

            var uri = new Uri($"app/installations/{options.InstallationId!.Value.ToString(CultureInfo.InvariantCulture)}/access_tokens", UriKind.Relative);
            using var request = new HttpRequestMessage(HttpMethod.Post, uri);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
            request.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", "2022-11-28");
            request.Headers.UserAgent.Add(new ProductInfoHeaderValue(options.UserAgent, "1.0"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", jwt);
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Created && response.StatusCode != HttpStatusCode.OK)
            {
                return Result<string>.Fail(
                    response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound ? GitHubCodes.Unauthorized : GitHubCodes.Failed,
                    $"GitHub refused the app's installation token ({((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)}): check EMBASSY_GitHub__AppId, __InstallationId and __AppPrivateKey.");
            }

            using var doc = JsonDocument.Parse(body);
            var token = doc.RootElement.TryGetProperty("token", out var t) ? t.GetString() : null;
            var expires = doc.RootElement.TryGetProperty("expires_at", out var e2) && e2.TryGetDateTimeOffset(out var at) ? at : time.GetUtcNow().AddHours(1);
            if (string.IsNullOrEmpty(token))
            {
                return Result<string>.Fail(GitHubCodes.Failed, "GitHub's answer to the installation token request has no token.");
            }

            Volatile.Write(ref _kept, new Kept(token, expires));
            return Result<string>.Ok(token);
        }
        catch (JsonException e)
        {
            return Result<string>.Fail(GitHubCodes.Failed, $"GitHub sent JSON Embassy cannot read for the installation token: {e.Message}");
        }
        catch (HttpRequestException e)
        {
            return Result<string>.Fail(GitHubCodes.Unavailable, $"GitHub could not be reached for the app's installation token: {e.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Result<string>.Fail(GitHubCodes.Unavailable, "GitHub did not answer the installation token request in time.");
        }
    }

    /// <summary>Forgets the kept token (GitHub answered 401 with it: revoked or the installation changed).</summary>
    public void Forget() => Volatile.Write(ref _kept, null);

    /// <summary>The app's JWT: RS256 over <c>{"iat","exp","iss"}</c> with the PEM <paramref name="privateKey"/>.</summary>
    public static string Jwt(long appId, string privateKey, DateTimeOffset now)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(privateKey);
        var header = Base64Url("""{"alg":"RS256","typ":"JWT"}"""u8);
        var payload = Base64Url(Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"iat":{{now.AddSeconds(-60).ToUnixTimeSeconds()}},"exp":{{now.AddMinutes(9).ToUnixTimeSeconds()}},"iss":"{{appId}}"}""")));
        var signed = header + "." + payload;
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signed + "." + Base64Url(signature);
    }

    private sealed record Kept(string Token, DateTimeOffset Expires);

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
