namespace Embassy.Chain;

/// <summary>
/// Base58 with the Bitcoin alphabet, as SS58 uses it. Written here rather than taken from SimpleBase
/// because address checks sit on a hot path (the benchmark target is 200,000 checks a second on one core):
/// this version decodes into a caller's buffer with 32-bit limbs and allocates nothing.
/// </summary>
internal static class Base58
{
    /// <summary>The alphabet: digits and letters without 0, O, I and l.</summary>
    public const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /// <summary>Longest text <see cref="TryDecode"/> accepts; SS58 account addresses are 47–49 characters.</summary>
    public const int MaxTextLength = 96;

    private const int Limbs = 18; // 96 × log2(58) ≈ 562 bits < 18 × 32

    private static readonly sbyte[] DigitOf = BuildDigitTable();

    /// <summary>The 1-based position of the first character outside the alphabet, or 0 when there is none.</summary>
    public static int FirstBadCharacter(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= 128 || DigitOf[c] < 0)
            {
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>
    /// Decodes <paramref name="text"/> (only alphabet characters, at most <see cref="MaxTextLength"/>) into
    /// <paramref name="output"/>; returns the byte count, or -1 when the output is too small.
    /// </summary>
    public static int TryDecode(ReadOnlySpan<char> text, Span<byte> output)
    {
        if (text.Length > MaxTextLength)
        {
            throw new ArgumentException("Text too long for base58 decoding.", nameof(text));
        }

        var zeros = 0;
        while (zeros < text.Length && text[zeros] == '1')
        {
            zeros++;
        }

        // Little-endian 32-bit limbs; each character multiplies the number by 58 and adds its digit.
        Span<uint> limbs = stackalloc uint[Limbs];
        var used = 0;
        for (var i = zeros; i < text.Length; i++)
        {
            var c = text[i];
            var d = c < 128 ? DigitOf[c] : (sbyte)-1;
            if (d < 0)
            {
                throw new ArgumentException("Character outside the base58 alphabet.", nameof(text));
            }

            ulong carry = (ulong)d;
            for (var j = 0; j < used; j++)
            {
                var t = (ulong)limbs[j] * 58 + carry;
                limbs[j] = unchecked((uint)t);
                carry = t >> 32;
            }

            if (carry != 0)
            {
                limbs[used++] = unchecked((uint)carry);
            }
        }

        // Significant bytes of the number, big-endian, after the leading zero bytes that the '1's stand for.
        var significant = used * 4;
        if (used > 0)
        {
            var top = limbs[used - 1];
            significant -= top >= 1u << 24 ? 0 : top >= 1u << 16 ? 1 : top >= 1u << 8 ? 2 : 3;
        }

        var length = zeros + significant;
        if (length > output.Length)
        {
            return -1;
        }

        output[..zeros].Clear();
        for (var k = 0; k < significant; k++)
        {
            // Byte k from the least significant end.
            output[length - 1 - k] = unchecked((byte)(limbs[k >> 2] >> ((k & 3) * 8)));
        }

        return length;
    }

    /// <summary>Encodes bytes as base58 text.</summary>
    public static string Encode(ReadOnlySpan<byte> data)
    {
        var zeros = 0;
        while (zeros < data.Length && data[zeros] == 0)
        {
            zeros++;
        }

        // Base-58 digits, least significant first; 138/100 ≥ log(256)/log(58) bounds their count.
        var capacity = (data.Length - zeros) * 138 / 100 + 1;
        Span<byte> digits = capacity <= 256 ? stackalloc byte[capacity] : new byte[capacity];
        var count = 0;
        for (var i = zeros; i < data.Length; i++)
        {
            int carry = data[i];
            for (var j = 0; j < count; j++)
            {
                carry += digits[j] << 8;
                digits[j] = (byte)(carry % 58);
                carry /= 58;
            }

            while (carry > 0)
            {
                digits[count++] = (byte)(carry % 58);
                carry /= 58;
            }
        }

        return string.Create(zeros + count, (zeros, count, digits.ToArray()), static (span, state) =>
        {
            span[..state.zeros].Fill('1');
            for (var k = 0; k < state.count; k++)
            {
                span[state.zeros + k] = Alphabet[state.Item3[state.count - 1 - k]];
            }
        });
    }

    private static sbyte[] BuildDigitTable()
    {
        var table = new sbyte[128];
        Array.Fill(table, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            table[Alphabet[i]] = (sbyte)i;
        }

        return table;
    }
}
