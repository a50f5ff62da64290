using System.Globalization;
using Embassy.Domain;

namespace Embassy.Chain;

/// <summary>
/// A 20-byte Ethereum (EVM) account address, written 0x + 40 hex digits with the EIP-55 mixed-case checksum.
/// The payout address on the <c>evm</c> rail (RULES.md R9: PHA as an ERC-20 on Ethereum since November 2025).
/// </summary>
public sealed record EvmAddress
{
    /// <summary>Bytes of an address.</summary>
    public const int Length = 20;

    private readonly byte[] _bytes;

    private EvmAddress(byte[] bytes, string text)
    {
        _bytes = bytes;
        Text = text;
    }

    /// <summary>The 20 address bytes.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

    /// <summary>The EIP-55 checksummed text, e.g. <c>0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed</c>.</summary>
    public string Text { get; }

    /// <summary>
    /// Parses what a member typed. Never throws on bad input. All-lower or all-upper case hex is accepted and
    /// normalized to its EIP-55 form with an <see cref="ChainCodes.EvmNormalized"/> warning; mixed case must
    /// carry a correct checksum (<see cref="ChainCodes.EvmBadChecksum"/> otherwise, usually a typo).
    /// Surrounding whitespace is removed with a warning. A valid SS58 address gives <see cref="ChainCodes.AddressIsSs58"/>.
    /// </summary>
    /// <param name="input">The text as typed.</param>
    /// <returns>The address, or the one error that explains best why the text is not one.</returns>
    public static Result<EvmAddress> Parse(string? input)
    {
        List<Diagnostic>? warnings = null;
        var text = Ss58Address.Trim(input, ref warnings);
        var error = Validate(text, out var bytes, out var checksummed, out var normalized);
        if (error is not null)
        {
            return Result<EvmAddress>.Fail(warnings is null ? [error] : [.. warnings, error]);
        }

        if (normalized)
        {
            (warnings ??= []).Add(Diagnostic.Warning(
                ChainCodes.EvmNormalized,
                $"The address was written in one case only, so it carried no checksum; it is now written {checksummed}. Compare it with your wallet."));
        }

        return Result<EvmAddress>.Ok(new EvmAddress(bytes!, checksummed!), warnings);
    }

    /// <summary>True when <paramref name="text"/> is a valid EVM address (lower, upper or correct EIP-55 case), with no surrounding whitespace.</summary>
    public static bool IsValid(ReadOnlySpan<char> text)
    {
        if (text.Length != 42 || text[0] != '0' || (text[1] is not ('x' or 'X')))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[Length];
        Span<char> expected = stackalloc char[42];
        return Convert.FromHexString(text[2..], bytes, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == Length
            && !IsZero(bytes)
            && CheckCase(text[2..], bytes, expected, out _);
    }

    /// <summary>Creates an address from its 20 bytes.</summary>
    /// <exception cref="ArgumentException">Not 20 bytes.</exception>
    public static EvmAddress FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"An EVM address has {Length} bytes, not {bytes.Length}.", nameof(bytes));
        }

        return new EvmAddress(bytes.ToArray(), ToChecksum(bytes));
    }

    /// <summary>The EIP-55 form of 20 address bytes: hex digit i is upper case when nibble i of Keccak-256(lower-case hex) is 8 or more.</summary>
    /// <exception cref="ArgumentException">Not 20 bytes.</exception>
    public static string ToChecksum(ReadOnlySpan<byte> address)
    {
        if (address.Length != Length)
        {
            throw new ArgumentException($"An EVM address has {Length} bytes, not {address.Length}.", nameof(address));
        }

        Span<char> chars = stackalloc char[42];
        WriteChecksum(address, chars);
        return new string(chars);
    }

    /// <summary>The lower-case 0x form (what ABI encoders and block explorers compare).</summary>
    public string ToLowerHex() => "0x" + Convert.ToHexStringLower(_bytes);

    /// <inheritdoc />
    public bool Equals(EvmAddress? other) => other is not null && other._bytes.AsSpan().SequenceEqual(_bytes);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.AddBytes(_bytes);
        return h.ToHashCode();
    }

    /// <summary>The checksummed text.</summary>
    public override string ToString() => Text;

    private static Diagnostic? Validate(ReadOnlySpan<char> text, out byte[]? bytes, out string? checksummed, out bool normalized)
    {
        bytes = null;
        checksummed = null;
        normalized = false;
        if (text.IsEmpty)
        {
            return Diagnostic.Error(ChainCodes.AddressEmpty, "No address was given.");
        }

        if (!text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            if (Ss58Address.IsValid(text))
            {
                return Diagnostic.Error(
                    ChainCodes.AddressIsSs58,
                    "This is a Substrate (SS58) address; this payout rail pays on Ethereum and needs your 0x address.");
            }

            return Diagnostic.Error(
                ChainCodes.EvmMissingPrefix,
                text.Length == 40
                    ? "An Ethereum address starts with 0x; add it in front of the 40 hex digits."
                    : "An Ethereum address is 0x followed by 40 hex digits.");
        }

        var hex = text[2..];
        for (var i = 0; i < hex.Length; i++)
        {
            if (!char.IsAsciiHexDigit(hex[i]))
            {
                var c = hex[i];
                var shown = char.IsWhiteSpace(c) || char.IsControl(c)
                    ? string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}")
                    : $"'{c}'";
                return Diagnostic.Error(
                    ChainCodes.EvmBadCharacter,
                    string.Create(CultureInfo.InvariantCulture, $"Character {shown} at position {i + 3} is not a hex digit (0-9, a-f)."),
                    new SourcePosition(1, i + 3));
            }
        }

        if (hex.Length != 40)
        {
            return hex.Length == 64
                ? Diagnostic.Error(
                    ChainCodes.AddressIsHexKey,
                    "This is 32 bytes of hex (a public key, a transaction hash — or a private key, which must never be shared), not an address.")
                : Diagnostic.Error(
                    ChainCodes.EvmBadLength,
                    string.Create(CultureInfo.InvariantCulture, $"The address has {hex.Length} hex digits after 0x; an Ethereum address has 40."));
        }

        var raw = Convert.FromHexString(hex);
        if (IsZero(raw))
        {
            return Diagnostic.Error(ChainCodes.EvmZeroAddress, "This is the zero address; tokens sent to it are lost.");
        }

        Span<char> expected = stackalloc char[42];
        if (!CheckCase(hex, raw, expected, out normalized))
        {
            return Diagnostic.Error(
                ChainCodes.EvmBadChecksum,
                "The mixed upper/lower case of the address does not match its EIP-55 checksum: a character was probably mistyped. Copy the address from your wallet again.");
        }

        bytes = raw;
        checksummed = new string(expected);
        return null;
    }

    // True when the case is acceptable: one case only (normalized = true unless it already equals the
    // checksum form, e.g. all digits) or exactly the EIP-55 form. expected receives the EIP-55 text.
    private static bool CheckCase(ReadOnlySpan<char> hex, ReadOnlySpan<byte> bytes, Span<char> expected, out bool normalized)
    {
        WriteChecksum(bytes, expected);
        var exact = hex.SequenceEqual(expected[2..]);
        if (exact)
        {
            normalized = false;
            return true;
        }

        var hasLower = false;
        var hasUpper = false;
        foreach (var c in hex)
        {
            hasLower |= c is >= 'a' and <= 'f';
            hasUpper |= c is >= 'A' and <= 'F';
        }

        normalized = !(hasLower && hasUpper);
        return normalized;
    }

    private static void WriteChecksum(ReadOnlySpan<byte> address, Span<char> chars)
    {
        chars[0] = '0';
        chars[1] = 'x';
        Span<byte> ascii = stackalloc byte[40];
        for (var i = 0; i < Length; i++)
        {
            ascii[2 * i] = (byte)"0123456789abcdef"[address[i] >> 4];
            ascii[(2 * i) + 1] = (byte)"0123456789abcdef"[address[i] & 0xF];
        }

        Span<byte> hash = stackalloc byte[32];
        ChainHashes.Keccak256(ascii, hash);
        for (var i = 0; i < 40; i++)
        {
            var c = (char)ascii[i];
            var nibble = (i & 1) == 0 ? hash[i >> 1] >> 4 : hash[i >> 1] & 0xF;
            chars[i + 2] = c >= 'a' && nibble >= 8 ? char.ToUpperInvariant(c) : c;
        }
    }

    private static bool IsZero(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyExcept((byte)0) < 0;
}
