using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace Embassy.Domain.Rules;

/// <summary>
/// A small read-only map from department codes to values over a key list shared by a whole month:
/// one array per member instead of a dictionary per member, so a 100,000-member month stays light.
/// Iterates in the policy's department order.
/// </summary>
/// <typeparam name="TStored">What the shared array holds (e.g. raw smallest units, half the size of an amount).</typeparam>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class CodeMap<TStored, T> : IReadOnlyDictionary<string, T>
{
    private readonly string[] _keys;
    private readonly TStored[] _values;
    private readonly int _offset;
    private readonly ulong _present;
    private readonly Func<TStored, T> _read;

    /// <summary>
    /// A map over <c>values[offset .. offset + keys.Length]</c>: members of a month share one large array, and one
    /// <paramref name="read"/> (e.g. units → amount of the month's token).
    /// </summary>
    public CodeMap(string[] keys, TStored[] values, int offset, ulong present, Func<TStored, T> read)
    {
        if (keys.Length > 64 || offset < 0 || values.Length < offset + keys.Length)
        {
            throw new ArgumentException("A code map holds at most 64 codes, one value each.", nameof(keys));
        }

        _keys = keys;
        _values = values;
        _offset = offset;
        _present = present;
        _read = read;
    }

    public int Count => BitOperations.PopCount(_present);

    public IEnumerable<string> Keys => this.Select(kv => kv.Key);

    public IEnumerable<T> Values => this.Select(kv => kv.Value);

    public T this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No value for '{key}'.");

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out T value)
    {
        var i = IndexOf(key);
        if (i >= 0)
        {
            value = _read(_values[_offset + i]);
            return true;
        }

        value = default;
        return false;
    }

    public IEnumerator<KeyValuePair<string, T>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            if ((_present & (1UL << i)) != 0)
            {
                yield return new KeyValuePair<string, T>(_keys[i], _read(_values[_offset + i]));
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            if ((_present & (1UL << i)) != 0 && string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
