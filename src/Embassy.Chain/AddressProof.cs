using System.Globalization;
using System.Text;
using Embassy.Domain;
using Nethereum.Signer;

namespace Embassy.Chain;

/// <summary>
/// A member's proof that they control an EVM payout address (issue #13): they sign, with that address's key, a message
/// that names the program, the member, the address and a one-time nonce, using EIP-191 <c>personal_sign</c> (what every
/// wallet's "sign message" does). Embassy recovers the signer from the signature with Nethereum's signer and accepts the
/// address only when the signer is that address. No key is ever asked for (R9): the wallet signs, Embassy checks.
/// </summary>
public static class AddressProof
{
    /// <summary>
    /// The exact text to sign. Every field the proof binds is on its own line, so a signature for one program, member,
    /// address or nonce is worth nothing for another; the last line tells the signer what they are agreeing to.
    /// </summary>
    public static string Message(string program, string member, EvmAddress address, string nonce, DateTimeOffset expires)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(program);
        ArgumentException.ThrowIfNullOrWhiteSpace(member);
        ArgumentNullException.ThrowIfNull(address);
        ArgumentException.ThrowIfNullOrWhiteSpace(nonce);
        var text = new StringBuilder();
        text.Append("Embassy payout address proof\n");
        text.Append("Program: ").Append(program).Append('\n');
        text.Append("Member: ").Append(member).Append('\n');
        text.Append("Address: ").Append(address.Text).Append('\n');
        text.Append("Nonce: ").Append(nonce).Append('\n');
        text.Append("Expires: ").Append(expires.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append('\n');
        text.Append("I control this address and want my program rewards paid to it. This signature moves no funds.");
        return text.ToString();
    }

    /// <summary>
    /// The account that signed <paramref name="message"/> (EIP-191: keccak256 of "\x19Ethereum Signed Message:\n" + length +
    /// message), or a diagnostic when the signature is not 65 bytes of hex. Never throws on bad input.
    /// </summary>
    public static Result<EvmAddress> Signer(string message, string? signature)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sig = (signature ?? string.Empty).Trim();
        var hex = sig.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? sig[2..] : sig;
        if (hex.Length != 130 || !hex.All(char.IsAsciiHexDigit))
        {
            return Result<EvmAddress>.Fail(ChainCodes.ProofSignatureMalformed, "A signature is 65 bytes: 0x and 130 hex digits, as the wallet returns it.");
        }

        // v is 27/28 (or 0/1 from some wallets); anything else recovers no key.
        var v = Convert.ToByte(hex[128..], 16);
        if (v is not (0 or 1 or 27 or 28))
        {
            return Result<EvmAddress>.Fail(ChainCodes.ProofSignatureMalformed, "The signature's last byte (v) must be 27 or 28.");
        }

        if (v < 27)
        {
            hex = hex[..128] + (v + 27).ToString("x2", CultureInfo.InvariantCulture);
        }

        string recovered;
        try
        {
            recovered = new EthereumMessageSigner().EncodeUTF8AndEcRecover(message, "0x" + hex);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or Org.BouncyCastle.Crypto.CryptoException)
        {
            // An (r, s) off the curve: well-formed hex that is no signature.
            return Result<EvmAddress>.Fail(ChainCodes.ProofSignatureMalformed, "No account can be recovered from this signature.");
        }

        return EvmAddress.Parse(recovered);
    }

    /// <summary>Succeeds with <paramref name="address"/> when its key signed <paramref name="message"/>; otherwise says who did.</summary>
    public static Result<EvmAddress> Verify(string message, string? signature, EvmAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var signer = Signer(message, signature);
        if (!signer.IsSuccess)
        {
            return signer;
        }

        return signer.Value.Equals(address)
            ? Result<EvmAddress>.Ok(address)
            : Result<EvmAddress>.Fail(ChainCodes.ProofWrongSigner, $"The message was signed by {signer.Value.Text}, not by {address.Text}: sign it with the wallet of the address to prove.");
    }
}
