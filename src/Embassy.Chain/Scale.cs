namespace Embassy.Chain;

/// <summary>The few SCALE codec pieces the payout call needs (parity-scale-codec's "compact" integers).</summary>
internal static class Scale
{
    /// <summary>
    /// Appends a SCALE compact integer: 1, 2 or 4 bytes with the mode in the two low bits for values below
    /// 2^30, otherwise a length byte ((n − 4) &lt;&lt; 2 | 0b11) followed by the n little-endian bytes of the value.
    /// </summary>
    public static void WriteCompact(List<byte> output, UInt128 value)
    {
        if (value < (1u << 6))
        {
            output.Add((byte)((uint)value << 2));
        }
        else if (value < (1u << 14))
        {
            var v = ((uint)value << 2) | 0b01;
            output.Add(unchecked((byte)v));
            output.Add((byte)(v >> 8));
        }
        else if (value < (1u << 30))
        {
            var v = ((uint)value << 2) | 0b10;
            output.Add(unchecked((byte)v));
            output.Add(unchecked((byte)(v >> 8)));
            output.Add(unchecked((byte)(v >> 16)));
            output.Add((byte)(v >> 24));
        }
        else
        {
            var bytes = 4;
            while (bytes < 16 && (value >> (bytes * 8)) != UInt128.Zero)
            {
                bytes++;
            }

            output.Add((byte)(((bytes - 4) << 2) | 0b11));
            for (var i = 0; i < bytes; i++)
            {
                output.Add(unchecked((byte)(value >> (i * 8))));
            }
        }
    }
}
