using Org.BouncyCastle.Crypto.Digests;

namespace Embassy.Chain;

/// <summary>
/// BLAKE2b (SS58 checksums, call hashes) and Keccak-256 (EIP-55), from BouncyCastle. One digest instance
/// per thread is reused: creating them costs more than hashing a 40-byte address.
/// </summary>
internal static class ChainHashes
{
    [ThreadStatic]
    private static Blake2bDigest? _blake2b512;

    [ThreadStatic]
    private static Blake2bDigest? _blake2b256;

    [ThreadStatic]
    private static KeccakDigest? _keccak256;

    [ThreadStatic]
    private static byte[]? _buffer;

    /// <summary>BLAKE2b with a 64-byte digest and no key (RFC 7693).</summary>
    public static void Blake2b512(ReadOnlySpan<byte> data, Span<byte> digest64)
    {
        var d = _blake2b512 ??= new Blake2bDigest(512);
        Run(d, data, digest64, 64);
    }

    /// <summary>BLAKE2b with a 32-byte digest and no key: Substrate's call hash.</summary>
    public static void Blake2b256(ReadOnlySpan<byte> data, Span<byte> digest32)
    {
        var d = _blake2b256 ??= new Blake2bDigest(256);
        Run(d, data, digest32, 32);
    }

    /// <summary>Keccak-256 as Ethereum uses it (the original padding, not SHA3-256).</summary>
    public static void Keccak256(ReadOnlySpan<byte> data, Span<byte> digest32)
    {
        var d = _keccak256 ??= new KeccakDigest(256);
        Run(d, data, digest32, 32);
    }

    private static void Run(Org.BouncyCastle.Crypto.IDigest digest, ReadOnlySpan<byte> data, Span<byte> output, int size)
    {
        if (output.Length < size)
        {
            throw new ArgumentException($"The output needs {size} bytes.", nameof(output));
        }

        // BouncyCastle 1.8 takes arrays only; a per-thread scratch array avoids an allocation per call.
        var buffer = _buffer;
        if (buffer is null || buffer.Length < Math.Max(data.Length, size))
        {
            buffer = _buffer = new byte[Math.Max(256, Math.Max(data.Length, size))];
        }

        data.CopyTo(buffer);
        digest.Reset();
        digest.BlockUpdate(buffer, 0, data.Length);
        digest.DoFinal(buffer, 0);
        buffer.AsSpan(0, size).CopyTo(output);
    }
}
