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
    // Codes of every program version (program-history/): used when no policy is known or a report uses a retired code.
    private static readonly string[] HistoricalCodes =
        ["CM", "MK", "CC", "BD", "TECH", "TA", "VSM", "TT", "BH", "EM", "ART", "DEV", "PM", "HD", "RC", "QC", "CP", "BASIC", "OTHERS"];

    // Names members write for departments and tasks, when the policy's own names and aliases do not match.
    private static readonly (string Name, string Code)[] CommonNames =
    [
        ("community", "CM"), ("community management", "CM"), ("community managing", "CM"), ("community manager", "CM"),
        ("community support", "CM"), ("community support management", "CM"),
        ("marketing", "MK"), ("content", "CC"), ("content creation", "CC"), ("content creator", "CC"), ("the content creator", "CC"),
        ("business development", "BD"), ("business developer", "BD"), ("the business developer", "BD"),
        ("tech", "TECH"), ("tech assistance", "TECH"), ("technical assistance", "TECH"), ("technology", "TECH"),
        ("basic", "BASIC"), ("basics", "BASIC"), ("the basics", "BASIC"), ("basic activities", "BASIC"), ("basic responsibilities", "BASIC"), ("basic tasks", "BASIC"),
        ("others", "OTHERS"), ("other", "OTHERS"), ("compute", "CP"), ("promoter", "PM"), ("the promoter", "PM"), ("help desk", "HD"),
        ("recruiter", "RC"), ("the recruiter", "RC"), ("quality control", "QC"), ("tutor", "TT"), ("the tutor", "TT"),
        ("bughunter", "BH"), ("bug hunter", "BH"), ("the bughunter", "BH"), ("event manager", "EM"), ("the event manager", "EM"),
        ("artist", "ART"), ("the artist", "ART"), ("developer", "DEV"), ("the developer", "DEV"),
        ("viral social media", "VSM"), ("viral social media engagement", "VSM"), ("twitter virals", "VSM"),
    ];

    private readonly HashSet<string> _codes = new(StringComparer.Ordinal);

    // Per policy: the key (Text.Key) of each code, name and alias → code. Built once per policy instance.
    private readonly ConcurrentDictionary<Policy, Dictionary<string, string>> _byPolicy = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public DepartmentVocabulary(IEnumerable<Policy> policies)
    {
        foreach (var code in HistoricalCodes)
        {
            _codes.Add(code);
        }

        foreach (var (name, code) in CommonNames)
        {
            _names[name] = code;
        }

        foreach (var p in policies)
        {
            foreach (var d in p.Departments)
            {
                Learn(d.Code, d.Name, d.Aliases);
            }

            foreach (var t in p.Supplementary.Tasks)
            {
                Learn(t.Code, t.Name, t.Aliases);
            }
        }
    }

    private void Learn(string code, string name, IReadOnlyList<string> aliases)
    {
        var c = code.ToUpperInvariant();
        if (c.Length <= 6 && c.All(char.IsAsciiLetterUpper))
        {
            _codes.Add(c);
        }

        _names.TryAdd(Text.Key(name), c);
        foreach (var a in aliases)
        {
            var key = Text.Key(a);
            if (key.Length > 0)
            {
                _names.TryAdd(key, c);
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
        var trimmed = text.Trim().Trim('#', '[', ']', '(', ')', ':', '.', '*', ' ');
        if (trimmed.Length == 0 || trimmed.Length > 40)
        {
            return null;
        }

        var key = Text.Key(trimmed);
        if (policy is not null && NamesOf(policy).TryGetValue(key, out var direct))
        {
            return direct;
        }

        var upper = trimmed.ToUpperInvariant();
        if (upper.Length <= 6 && _codes.Contains(upper) && trimmed.All(char.IsAsciiLetter))
        {
            return MapToPolicy(upper, policy);
        }

        return _names.TryGetValue(key, out var code) ? MapToPolicy(code, policy) : null;
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
