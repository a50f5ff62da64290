using System.Collections.Concurrent;
using Embassy.Domain.Rules;

namespace Embassy.Reports;

/// <summary>
/// The department and task codes and names members write, gathered from every known policy (a V.1 code such as
/// VSM still appears in 2023 reports), with the plain English names members use for them ("Community",
/// "Content"). Mapping to the policy in force always goes through <see cref="Policy.ResolveCode"/> first (R3).
/// </summary>
internal sealed class DepartmentVocabulary
{
    private readonly HashSet<string> _codes = new(StringComparer.Ordinal);

    // Per policy: the key (Text.Key) of each code, name and alias → code. Built once per policy instance.
    private readonly ConcurrentDictionary<Policy, Dictionary<string, string>> _byPolicy = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public DepartmentVocabulary(IEnumerable<Policy> policies)
    {
        var all = policies.ToArray();
        // The program's own words (each policy's `vocabulary`: codes of every version, plain names members write),
        // read when the policy in force does not list them. Names of retired tasks ("Events", "Tutorial") are read
        // only under the policy that has them, so that an "Events:" line in a 2024 report does not become a V.1 task.
        foreach (var p in all)
        {
            foreach (var code in p.Vocabulary.Codes)
            {
                _codes.Add(code);
            }

            foreach (var (name, code) in p.Vocabulary.Names)
            {
                _names[Text.Key(name)] = code;
            }
        }

        // Every policy's codes are known as codes (a retired "VSM" still appears in later reports); names and
        // aliases are read through the policy in force (NamesOf).
        foreach (var p in all)
        {
            foreach (var code in p.Departments.Select(d => d.Code).Concat(p.Supplementary.Tasks.Select(t => t.Code)))
            {
                var c = code.ToUpperInvariant();
                if (c.Length <= 6 && c.All(char.IsAsciiLetterUpper))
                {
                    _codes.Add(c);
                }
            }
        }
    }

    /// <summary>True for a code written in capitals ("CM", "VSM"), the way codes appear in reports.</summary>
    public bool IsCode(ReadOnlySpan<char> token)
    {
        if (token.Length is < 2 or > 6)
        {
            return false;
        }

        foreach (var c in token)
        {
            if (!char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return _codes.Contains(token.ToString());
    }

    /// <summary>
    /// The code a word or name stands for ("cc", "Community", "Content Creation", "Basic Activities"), mapped to
    /// the policy's code when the policy knows it; null when it names nothing known.
    /// </summary>
    public string? Resolve(string text, Policy? policy)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Resolve(text.AsSpan(), policy);
    }

    /// <summary><see cref="Resolve(string, Policy?)"/> of a part of a line, without making it a string.</summary>
    public string? Resolve(ReadOnlySpan<char> text, Policy? policy)
    {
        var trimmed = text.Trim().Trim("#[]():.* ");
        if (trimmed.Length == 0 || trimmed.Length > 40)
        {
            return null;
        }

        // Looked up by span: most lines name nothing, and this runs for many lines of every report.
        Span<char> key = stackalloc char[trimmed.Length];
        var keyLength = Text.KeyInto(trimmed, key);
        var k = key[..keyLength];
        if (policy is not null && NamesOf(policy).GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(k, out var direct))
        {
            return direct;
        }

        if (trimmed.Length <= 6 && IsAsciiLetters(trimmed))
        {
            Span<char> upper = stackalloc char[trimmed.Length];
            trimmed.ToUpperInvariant(upper);
            if (_codes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(upper, out var known))
            {
                return MapToPolicy(known, policy);
            }
        }

        return _names.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(k, out var code) ? MapToPolicy(code, policy) : null;
    }

    /// <summary>
    /// <see cref="Resolve(string, Policy?)"/>, and also a department's name with a typing slip ("Comunity Management", "Content
    /// Creaton", "Bussiness Development"): one edit for names of 9 letters or more, two from 14. Shorter words are
    /// never guessed ("Context" is not "Content").
    /// </summary>
    public string? ResolveWithSlips(string text, Policy? policy)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Resolve(text, policy) is { } exact)
        {
            return exact;
        }

        // Most lines name nothing: the key is built on the stack and compared by first letter and length before
        // any edit distance is computed.
        var trimmed = text.AsSpan().Trim().Trim("#[]():.* ");
        if (trimmed.Length is < 9 or > 40)
        {
            return null;
        }

        Span<char> buffer = stackalloc char[trimmed.Length];
        var key = buffer[..Text.KeyInto(trimmed, buffer)];
        if (key.Length < 9)
        {
            return null;
        }

        string? found = null;
        var ambiguous = false;
        void Try(Dictionary<string, string> names, ReadOnlySpan<char> k)
        {
            foreach (var (name, code) in names)
            {
                if (name.Length < 9 || name[0] != k[0] || Math.Abs(name.Length - k.Length) > 2)
                {
                    continue;
                }

                var allowed = Math.Min(name.Length, k.Length) >= 14 ? 2 : 1;
                if (Text.EditDistance(k, name, allowed) <= allowed)
                {
                    var mapped = MapToPolicy(code, policy);
                    ambiguous |= found is not null && found != mapped;
                    found = mapped;
                }
            }
        }

        if (policy is not null)
        {
            Try(NamesOf(policy), key);
        }

        Try(_names, key);

        // Near two departments' names: not a slip of either.
        return ambiguous ? null : found;
    }

    private static bool IsAsciiLetters(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    // R3: the policy's own codes, names and aliases (what Policy.ResolveCode matches), keyed for a dictionary lookup.
    private Dictionary<string, string> NamesOf(Policy policy) => _byPolicy.GetOrAdd(policy, p =>
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string code, string name, IReadOnlyList<string> aliases)
        {
            foreach (var text in aliases.Prepend(name).Prepend(code))
            {
                var key = Text.Key(text);
                if (key.Length > 0)
                {
                    map.TryAdd(key, code.ToUpperInvariant());
                }
            }
        }

        foreach (var d in p.Departments)
        {
            Add(d.Code, d.Name, d.Aliases);
        }

        foreach (var t in p.Supplementary.Tasks)
        {
            Add(t.Code, t.Name, t.Aliases);
        }

        return map;
    });

    /// <summary>A known code as the policy spells it (V.4.1 writes TA where V.4 wrote TECH).</summary>
    public static string MapToPolicy(string code, Policy? policy)
    {
        if (policy is null)
        {
            return code;
        }

        if (policy.FindDepartment(code) is not null || policy.FindSupplementary(code) is not null)
        {
            return code;
        }

        return policy.ResolveCode(code)?.ToUpperInvariant() ?? code;
    }
}
