using System.Globalization;
using Embassy.Domain;

namespace Embassy.Chain;

/// <summary>
/// A Substrate account address in SS58 form: a network prefix (one or two bytes), a 32-byte account id
/// (the public key) and a 2-byte checksum, the first bytes of BLAKE2b-512("SS58PRE" ‖ prefix ‖ id), in base58.
/// The payout address on the <c>substrate</c> rail (RULES.md R9: Phala, prefix 30).
/// </summary>
/// <remarks>
/// Equality compares the prefix and the account id. <see cref="Text"/> is always the canonical encoding of both:
/// base58 is a bijection, so a text that decodes to a valid address is its own canonical form.
/// </remarks>
public sealed record Ss58Address
{
    /// <summary>Bytes of an account id (a sr25519 / ed25519 public key).</summary>
    public const int AccountIdLength = 32;

    /// <summary>Highest prefix SS58 can encode (two-byte form, 14 bits).</summary>
    public const ushort MaxPrefix = 16383;

    private static readonly byte[] ChecksumContext = "SS58PRE"u8.ToArray();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ushort, string> LeadingText = new();

    private readonly byte[] _publicKey;

    private Ss58Address(ushort prefix, byte[] publicKey, string text)
    {
        Prefix = prefix;
        _publicKey = publicKey;
        Text = text;
    }

    /// <summary>The SS58 network prefix (Phala: 30; Polkadot: 0).</summary>
    public ushort Prefix { get; }

    /// <summary>The 32-byte account id.</summary>
    public ReadOnlyMemory<byte> PublicKey => _publicKey;

    /// <summary>The account id as 0x-prefixed lower-case hex, the form @polkadot/util prints.</summary>
    public string PublicKeyHex => "0x" + Convert.ToHexStringLower(_publicKey);

    /// <summary>The address text, canonical for <see cref="Prefix"/>.</summary>
    public string Text { get; }

    /// <summary>The network name when the prefix is a well-known one.</summary>
    public SubstrateNetwork? Network => SubstrateNetwork.Find(Prefix);

    /// <summary>
    /// Parses what a member typed. Never throws on bad input. Surrounding whitespace is removed with an
    /// <see cref="ChainCodes.AddressTrimmed"/> warning. Each kind of mistake gives its own code (see
    /// <see cref="ChainCodes"/>): empty, an Ethereum address, a hex key, a bad character (with its position),
    /// a wrong length, a bad checksum, a reserved prefix, and — when <paramref name="expectedPrefix"/> is
    /// given — a valid address of another network, named.
    /// </summary>
    /// <param name="input">The text as typed.</param>
    /// <param name="expectedPrefix">The policy's network prefix (Phala: 30), or null to accept any network.</param>
    /// <returns>The address, or the one error that explains best why the text is not one.</returns>
    public static Result<Ss58Address> Parse(string? input, ushort? expectedPrefix = null)
    {
        List<Diagnostic>? warnings = null;
        var text = Trim(input, ref warnings);
        var error = TryDecode(text, out var prefix, out var key);
        if (error is not null)
        {
            return Fail(error, warnings);
        }

        if (expectedPrefix is { } want && prefix != want)
        {
            return Fail(OtherNetwork(prefix, want), warnings);
        }

        // The untrimmed input is already the canonical text; reuse it rather than copy it.
        var canonical = input is not null && text.Length == input.Length ? input : text.ToString();
        return Result<Ss58Address>.Ok(new Ss58Address(prefix, key!, canonical), warnings);
    }

    /// <summary>
    /// Checks a text quickly, without allocating a result: true when it is a valid SS58 address of exactly
    /// <paramref name="expectedPrefix"/> (any prefix when null), with no surrounding whitespace.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<char> text, ushort? expectedPrefix = null)
    {
        Span<byte> raw = stackalloc byte[Base58.MaxTextLength];
        return Validate(text, raw, out var prefix, out _) is null && (expectedPrefix is null || expectedPrefix == prefix);
    }

    /// <summary>Creates the address of an account id on a network.</summary>
    /// <exception cref="ArgumentException">The id is not 32 bytes, or the prefix is reserved or above 16383.</exception>
    public static Ss58Address FromPublicKey(ReadOnlySpan<byte> accountId, ushort prefix) =>
        new(prefix, accountId.ToArray(), Encode(accountId, prefix));

    /// <summary>Encodes a 32-byte account id with a network prefix as SS58 text.</summary>
    /// <exception cref="ArgumentException">The id is not 32 bytes, or the prefix is reserved (46, 47) or above 16383.</exception>
    public static string Encode(ReadOnlySpan<byte> accountId, ushort prefix)
    {
        if (accountId.Length != AccountIdLength)
        {
            throw new ArgumentException($"An account id has {AccountIdLength} bytes, not {accountId.Length}.", nameof(accountId));
        }

        if (prefix > MaxPrefix || IsReservedPrefix(prefix))
        {
            throw new ArgumentException($"SS58 prefix {prefix} is reserved or out of range.", nameof(prefix));
        }

        Span<byte> raw = stackalloc byte[2 + AccountIdLength + 2];
        var prefixLength = WritePrefix(prefix, raw);
        accountId.CopyTo(raw[prefixLength..]);
        var payload = prefixLength + AccountIdLength;
        Span<byte> hash = stackalloc byte[64];
        Checksum(raw[..payload], hash);
        raw[payload] = hash[0];
        raw[payload + 1] = hash[1];
        return Base58.Encode(raw[..(payload + 2)]);
    }

    /// <summary>The same account on another network (e.g. a Polkadot address re-encoded for Phala).</summary>
    public Ss58Address WithPrefix(ushort prefix) => prefix == Prefix ? this : FromPublicKey(_publicKey, prefix);

    /// <summary>True for prefixes the SS58 registry reserves: 46 and 47.</summary>
    public static bool IsReservedPrefix(ushort prefix) => prefix is 46 or 47;

    /// <summary>
    /// The first characters an address of <paramref name="prefix"/> can start with, most common first
    /// (Phala: "4" or "3"), for messages that tell a member what to look for.
    /// </summary>
    public static IReadOnlyList<char> LeadingCharacters(ushort prefix)
    {
        var counts = new Dictionary<char, int>();
        Span<byte> key = stackalloc byte[AccountIdLength];
        for (var top = 0; top < 256; top++)
        {
            foreach (var fill in (byte[])[0x00, 0xFF])
            {
                key.Fill(fill);
                key[0] = (byte)top;
                var c = Encode(key, prefix)[0];
                counts[c] = counts.GetValueOrDefault(c) + 1;
            }
        }

        return counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select(kv => kv.Key).ToArray();
    }

    /// <inheritdoc />
    public bool Equals(Ss58Address? other) =>
        other is not null && other.Prefix == Prefix && other._publicKey.AsSpan().SequenceEqual(_publicKey);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Prefix);
        h.AddBytes(_publicKey);
        return h.ToHashCode();
    }

    /// <summary>The address text.</summary>
    public override string ToString() => Text;

    internal static ReadOnlySpan<char> Trim(string? input, ref List<Diagnostic>? warnings)
    {
        var span = (input ?? string.Empty).AsSpan();
        var trimmed = span.Trim();
        if (trimmed.Length != span.Length && trimmed.Length > 0)
        {
            (warnings ??= []).Add(Diagnostic.Warning(
                ChainCodes.AddressTrimmed,
                "Spaces or line breaks around the address were removed."));
        }

        return trimmed;
    }

    internal static Diagnostic? TryDecode(ReadOnlySpan<char> text, out ushort prefix, out byte[]? key)
    {
        key = null;
        Span<byte> raw = stackalloc byte[Base58.MaxTextLength];
        var error = Validate(text, raw, out prefix, out var keyOffset);
        if (error is null)
        {
            key = raw.Slice(keyOffset, AccountIdLength).ToArray();
        }

        return error;
    }

    internal static Diagnostic OtherNetwork(ushort prefix, ushort expected)
    {
        // Computing the leading characters takes 512 encodings: once per prefix is enough.
        var startsText = LeadingText.GetOrAdd(expected, static p =>
        {
            var starts = LeadingCharacters(p);
            return starts.Count switch
            {
                1 => starts[0].ToString(),
                2 => $"{starts[0]} or {starts[1]}",
                _ => string.Join(", ", starts.Take(starts.Count - 1)) + " or " + starts[^1],
            };
        });
        var want = SubstrateNetwork.Find(expected) is { } n ? n.DisplayName.Split(' ')[0] : $"prefix {expected}";
        var what = SubstrateNetwork.Find(prefix) is { } other
            ? $"a {other.DisplayName} address (prefix {prefix})"
            : $"an address of network prefix {prefix}";
        return Diagnostic.Error(
            ChainCodes.AddressOtherNetwork,
            $"This is {what}; give your {want} address, which starts with {startsText}.");
    }

    private static Result<Ss58Address> Fail(Diagnostic error, List<Diagnostic>? warnings) =>
        Result<Ss58Address>.Fail(warnings is null ? [error] : [.. warnings, error]);

    // Returns null when valid; then raw holds the decoded bytes and keyOffset where the account id starts.
    private static Diagnostic? Validate(ReadOnlySpan<char> text, Span<byte> raw, out ushort prefix, out int keyOffset)
    {
        prefix = 0;
        keyOffset = 0;
        if (text.IsEmpty)
        {
            return Diagnostic.Error(ChainCodes.AddressEmpty, "No address was given.");
        }

        if (Classify(text) is { } hexError)
        {
            return hexError;
        }

        var bad = Base58.FirstBadCharacter(text);
        if (bad > 0)
        {
            return BadCharacter(text, bad);
        }

        if (text.Length > Base58.MaxTextLength)
        {
            return BadLength(text.Length, null);
        }

        var length = Base58.TryDecode(text, raw);
        if (length < 3)
        {
            return BadLength(text.Length, length);
        }

        // R9 / SS58 spec: a first byte with the top bit set is reserved; bit 6 marks the two-byte prefix form.
        if ((raw[0] & 0b1000_0000) != 0)
        {
            return Reserved($"its first byte is 0x{raw[0]:x2}");
        }

        int prefixLength;
        if ((raw[0] & 0b0100_0000) == 0)
        {
            prefixLength = 1;
            prefix = raw[0];
        }
        else
        {
            prefixLength = 2;
            prefix = (ushort)(((raw[0] & 0b0011_1111) << 2) | (raw[1] >> 6) | ((raw[1] & 0b0011_1111) << 8));
        }

        if (length != prefixLength + AccountIdLength + 2)
        {
            return BadLength(text.Length, length);
        }

        var payload = prefixLength + AccountIdLength;
        Span<byte> hash = stackalloc byte[64];
        Checksum(raw[..payload], hash);
        if (raw[payload] != hash[0] || raw[payload + 1] != hash[1])
        {
            return Diagnostic.Error(
                ChainCodes.BadChecksum,
                "The address checksum does not match: a character was probably mistyped or left out. Copy the address from your wallet again.");
        }

        if (IsReservedPrefix(prefix))
        {
            return Reserved($"prefix {prefix} is reserved");
        }

        keyOffset = prefixLength;
        return null;
    }

    private static Diagnostic? Classify(ReadOnlySpan<char> text)
    {
        var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        var hasPrefix = hex.Length != text.Length;
        if (!IsHex(hex) || (!hasPrefix && hex.Length is not (40 or 64)))
        {
            return null;
        }

        return hex.Length switch
        {
            40 => Diagnostic.Error(
                ChainCodes.AddressIsEvm,
                "This is an Ethereum (0x) address; this payout rail needs your Phala (SS58) address."),
            64 => Diagnostic.Error(
                ChainCodes.AddressIsHexKey,
                "This is a 32-byte hex key, not an address. Give the address your wallet shows (never a private key)."),
            _ => Diagnostic.Error(
                ChainCodes.AddressIsHexKey,
                string.Create(CultureInfo.InvariantCulture, $"This is a hex string of {hex.Length} digits, not an SS58 address.")),
        };
    }

    private static bool IsHex(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static Diagnostic BadCharacter(ReadOnlySpan<char> text, int position)
    {
        var c = text[position - 1];
        var shown = char.IsWhiteSpace(c) || char.IsControl(c)
            ? string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}")
            : $"'{c}'";
        var hint = c switch
        {
            '0' => " (base58 has no zero: perhaps the letter 'o')",
            'O' => " (base58 has no capital O: perhaps the letter 'o')",
            'I' => " (base58 has no capital I: perhaps a lower-case 'i' or the digit '1')",
            'l' => " (base58 has no lower-case L: perhaps a capital 'L', 'i' or the digit '1')",
            _ when char.IsWhiteSpace(c) => " (a space inside the address)",
            _ => string.Empty,
        };
        return Diagnostic.Error(
            ChainCodes.AddressBadCharacter,
            string.Create(CultureInfo.InvariantCulture, $"Character {shown} at position {position} is not used in addresses{hint}."),
            new SourcePosition(1, position));
    }

    private static Diagnostic BadLength(int characters, int? bytes)
    {
        var detail = bytes is { } b
            ? string.Create(CultureInfo.InvariantCulture, $"it decodes to {b} bytes, but an account address has {1 + AccountIdLength + 2} or {2 + AccountIdLength + 2}")
            : "it is far too long";
        return Diagnostic.Error(
            ChainCodes.AddressBadLength,
            string.Create(CultureInfo.InvariantCulture, $"The address has {characters} characters and {detail}; part of it may be missing or doubled."));
    }

    private static Diagnostic Reserved(string why) =>
        Diagnostic.Error(ChainCodes.AddressReservedPrefix, $"This is not an account address: {why} in SS58.");

    private static int WritePrefix(ushort prefix, Span<byte> raw)
    {
        if (prefix < 64)
        {
            raw[0] = (byte)prefix;
            return 1;
        }

        // SS58 two-byte form: 0b01 marker, then the 14-bit prefix with its low byte's bits spread over both bytes.
        raw[0] = (byte)(((prefix & 0b0000_0000_1111_1100) >> 2) | 0b0100_0000);
        raw[1] = (byte)((prefix >> 8) | ((prefix & 0b0000_0000_0000_0011) << 6));
        return 2;
    }

    private static void Checksum(ReadOnlySpan<byte> payload, Span<byte> hash64)
    {
        Span<byte> input = stackalloc byte[ChecksumContext.Length + payload.Length];
        ChecksumContext.CopyTo(input);
        payload.CopyTo(input[ChecksumContext.Length..]);
        ChainHashes.Blake2b512(input, hash64);
    }
}
