using System.Globalization;
using Embassy.Domain;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Embassy.Policies;

/// <summary>
/// Reads typed values out of a YAML mapping and records a diagnostic naming the file, the key path and the
/// problem for anything wrong. It never throws on bad input: every getter returns a fallback and records why.
/// </summary>
internal sealed class YamlReader(string file)
{
    private readonly List<Diagnostic> _diagnostics = [];

    public string File { get; } = file;

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public void Error(string code, string path, YamlNode? node, string problem) =>
        _diagnostics.Add(Diagnostic.Error(code, $"{File}: {path}: {problem}", Position(node)));

    public SourcePosition? Position(YamlNode? node) =>
        node is null ? new SourcePosition(0, 0, File) : new SourcePosition((int)node.Start.Line, (int)node.Start.Column, File);

    /// <summary>Flags keys that the schema does not know — a typo must not be silently ignored.</summary>
    public void KnownKeys(YamlMappingNode map, string path, params string[] keys)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "?";
            if (!keys.Contains(name, StringComparer.Ordinal))
            {
                Error("POLICY_UNKNOWN_KEY", Join(path, name), key, $"unknown key '{name}'; expected one of: {string.Join(", ", keys)}.");
            }
        }
    }

    public static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    public YamlNode? Node(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public YamlMappingNode? Map(YamlMappingNode map, string path, string key, bool required = true)
    {
        var node = Node(map, key);
        if (node is YamlMappingNode m)
        {
            return m;
        }

        if (node is not null || required)
        {
            Error(node is null ? "POLICY_MISSING_KEY" : "POLICY_BAD_VALUE", Join(path, key), node ?? map, node is null ? "is required." : "must be a mapping of keys to values.");
        }

        return null;
    }

    public IReadOnlyList<YamlNode> Seq(YamlMappingNode map, string path, string key, bool required = true)
    {
        var node = Node(map, key);
        if (node is YamlSequenceNode s)
        {
            return s.Children.ToList();
        }

        if (node is not null || required)
        {
            Error(node is null ? "POLICY_MISSING_KEY" : "POLICY_BAD_VALUE", Join(path, key), node ?? map, node is null ? "is required." : "must be a list.");
        }

        return [];
    }

    public string? Str(YamlMappingNode map, string path, string key, bool required = true)
    {
        var node = Node(map, key);
        if (node is YamlScalarNode { Value: { Length: > 0 } v })
        {
            return v;
        }

        if (node is not null || required)
        {
            Error(node is null ? "POLICY_MISSING_KEY" : "POLICY_BAD_VALUE", Join(path, key), node ?? map, node is null ? "is required." : "must be a text value.");
        }

        return null;
    }

    public int Int(YamlMappingNode map, string path, string key, int fallback, int min = int.MinValue, int max = int.MaxValue, bool required = false)
    {
        var text = Str(map, path, key, required);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Error("POLICY_BAD_VALUE", Join(path, key), Node(map, key), $"'{text}' is not a whole number.");
            return fallback;
        }

        if (value < min || value > max)
        {
            Error(value < 0 ? "POLICY_NEGATIVE" : "POLICY_OUT_OF_RANGE", Join(path, key), Node(map, key),
                max == int.MaxValue ? $"{value} must be at least {min}." : $"{value} must be between {min} and {max}.");
            return fallback;
        }

        return value;
    }

    public decimal Dec(YamlMappingNode map, string path, string key, decimal fallback, decimal min, decimal max, bool required = false)
    {
        var text = Str(map, path, key, required);
        if (text is null)
        {
            return fallback;
        }

        if (!decimal.TryParse(text.TrimEnd('%').Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Error("POLICY_BAD_VALUE", Join(path, key), Node(map, key), $"'{text}' is not a number.");
            return fallback;
        }

        if (value < min || value > max)
        {
            Error(value < 0 ? "POLICY_NEGATIVE" : "POLICY_OUT_OF_RANGE", Join(path, key), Node(map, key), $"{value} must be between {min} and {max}.");
            return fallback;
        }

        return value;
    }

    public bool Bool(YamlMappingNode map, string path, string key, bool fallback)
    {
        var text = Str(map, path, key, required: false);
        if (text is null)
        {
            return fallback;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Error("POLICY_BAD_VALUE", Join(path, key), Node(map, key), $"'{text}' must be true or false.");
        return fallback;
    }

    public Points PointsOf(YamlMappingNode map, string path, string key, Points fallback, bool required = false)
    {
        var text = Str(map, path, key, required);
        if (text is null)
        {
            return fallback;
        }

        if (!Points.TryParse(text, out var p))
        {
            Error("POLICY_BAD_VALUE", Join(path, key), Node(map, key), $"'{text}' is not a number of points.");
            return fallback;
        }

        if (p < Points.Zero)
        {
            Error("POLICY_NEGATIVE", Join(path, key), Node(map, key), $"{p} points is negative.");
            return fallback;
        }

        return p;
    }

    public TokenAmount Amount(YamlMappingNode map, string path, string key, Token token, bool required = true)
    {
        var text = Str(map, path, key, required);
        if (text is null)
        {
            return token.Zero;
        }

        var parsed = TokenAmount.Parse(text, token);
        if (!parsed.IsSuccess)
        {
            var e = parsed.Errors.First();
            Error(e.Code == "AMOUNT_NEGATIVE" ? "POLICY_NEGATIVE" : "POLICY_BAD_AMOUNT", Join(path, key), Node(map, key), e.Message);
            return token.Zero;
        }

        return parsed.Value;
    }

    public Period? PeriodOf(YamlMappingNode map, string path, string key, bool required)
    {
        var text = Str(map, path, key, required);
        if (text is null)
        {
            return null;
        }

        if (Period.TryParse(text, out var p))
        {
            return p;
        }

        Error("POLICY_BAD_VALUE", Join(path, key), Node(map, key), $"'{text}' is not a month; write YYYY-MM.");
        return null;
    }

    public TEnum EnumOf<TEnum>(YamlMappingNode map, string path, string key, TEnum fallback, IReadOnlyDictionary<string, TEnum> names, bool required = false)
        where TEnum : struct
    {
        var text = Str(map, path, key, required);
        if (text is null)
        {
            return fallback;
        }

        if (names.TryGetValue(text, out var value))
        {
            return value;
        }

        Error("POLICY_BAD_VALUE", Join(path, key), Node(map, key), $"'{text}' must be one of: {string.Join(", ", names.Keys)}.");
        return fallback;
    }

    public static YamlMappingNode? LoadRoot(string text, YamlReader reader)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                reader._diagnostics.Add(Diagnostic.Error("POLICY_NOT_A_MAPPING", $"{reader.File}: the file must be a YAML mapping of keys to values.", new SourcePosition(1, 1, reader.File)));
                return null;
            }

            return root;
        }
        catch (YamlException ex)
        {
            // YamlDotNet reports malformed YAML by exception; turn it into the project's error model.
            reader._diagnostics.Add(Diagnostic.Error("POLICY_YAML_SYNTAX", $"{reader.File}: {ex.Message}", new SourcePosition((int)ex.Start.Line, (int)ex.Start.Column, reader.File)));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these for some malformed documents (e.g. a duplicate key, an unclosed flow list).
            reader._diagnostics.Add(Diagnostic.Error("POLICY_YAML_SYNTAX", $"{reader.File}: the YAML is malformed: {ex.Message}", new SourcePosition(1, 1, reader.File)));
            return null;
        }
    }
}
