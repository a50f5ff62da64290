using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace Embassy.Domain.Rules;

/// <summary>
/// A member's values per department or task code (points, shares): a read-only map over a column that the whole
/// month shares. A struct, so a 100,000-member month holds its results without two dictionaries per member.
/// Iterates in the policy's order of codes.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public readonly struct CodeValues<T> : IReadOnlyDictionary<string, T>, IEquatable<CodeValues<T>>
{
    private readonly string[]? _keys;
    private readonly CodeColumn<T>? _column;
    private readonly int _offset;
    private readonly ulong _present;

    /// <summary>A map over <paramref name="column"/> rows <c>offset .. offset + keys.Length</c>; bit i of <paramref name="present"/> says key i has a value.</summary>
    internal CodeValues(string[] keys, CodeColumn<T> column, int offset, ulong present)
    {
        if (keys.Length > 64 || offset < 0 || column.Length < offset + keys.Length)
        {
            throw new ArgumentException("A code map holds at most 64 codes, one value each.", nameof(keys));
        }

        _keys = keys;
        _column = column;
        _offset = offset;
        _present = present;
    }

    /// <summary>The number of codes with a value.</summary>
    public int Count => BitOperations.PopCount(_present);

    /// <summary>The codes with a value, in the policy's order.</summary>
    public IEnumerable<string> Keys => this.Select(kv => kv.Key);

    /// <summary>The values, in the policy's order of their codes.</summary>
    public IEnumerable<T> Values => this.Select(kv => kv.Value);

    /// <summary>The value of <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">No value for the code.</exception>
    public T this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No value for '{key}'.");

    /// <inheritdoc/>
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out T value)
    {
        var i = IndexOf(key);
        if (i >= 0)
        {
            value = _column!.Read(_offset + i);
            return true;
        }

        value = default;
        return false;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, T>> GetEnumerator()
    {
        for (var rest = _present; rest != 0; rest &= rest - 1)
        {
            var i = BitOperations.TrailingZeroCount(rest);
            yield return new KeyValuePair<string, T>(_keys![i], _column!.Read(_offset + i));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>True when both have the same codes with equal values.</summary>
    public bool Equals(CodeValues<T> other) =>
        Count == other.Count && this.All(kv => other.TryGetValue(kv.Key, out var v) && EqualityComparer<T>.Default.Equals(kv.Value, v));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CodeValues<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var (key, value) in this)
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    /// <summary>Equal codes and values.</summary>
    public static bool operator ==(CodeValues<T> left, CodeValues<T> right) => left.Equals(right);

    /// <summary>Different codes or values.</summary>
    public static bool operator !=(CodeValues<T> left, CodeValues<T> right) => !left.Equals(right);

    private int IndexOf(string key)
    {
        for (var rest = _present; rest != 0; rest &= rest - 1)
        {
            var i = BitOperations.TrailingZeroCount(rest);
            if (string.Equals(_keys![i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>A month-wide column of values that <see cref="CodeValues{T}"/> read a slice of.</summary>
internal abstract class CodeColumn<T>
{
    public abstract int Length { get; }

    public abstract T Read(int index);
}

/// <summary>Values stored as they are (points).</summary>
internal sealed class ArrayColumn<T>(T[] values) : CodeColumn<T>
{
    public override int Length => values.Length;

    public override T Read(int index) => values[index];
}

/// <summary>Amounts stored as raw smallest units of one token: half the memory of <see cref="TokenAmount"/> values.</summary>
internal sealed class UnitsColumn(UInt128[] units, Token token) : CodeColumn<TokenAmount>
{
    public override int Length => units.Length;

    public override TokenAmount Read(int index) => token.Units(units[index]);
}
