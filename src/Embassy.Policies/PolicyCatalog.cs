using System.Reflection;
using System.Text;
using Embassy.Domain;
using Embassy.Domain.Rules;

namespace Embassy.Policies;

/// <summary>
/// A set of policies with their effective periods (RULES.md R1): finds the policy in force for a month and
/// refuses sets whose periods overlap within one program.
/// </summary>
public sealed class PolicyCatalog
{
    /// <summary>The id of the default policy (RULES.md R1: the V.4 seed).</summary>
    public const string DefaultId = "phala-v4";

    private static readonly Lazy<PolicyCatalog> LazyShipped = new(LoadShipped);

    private readonly Dictionary<string, Policy> _byId;

    // The file text of each policy, by id, when the catalog was loaded from texts (R1: the text is what is recorded).
    private readonly Dictionary<string, string> _texts = new(StringComparer.OrdinalIgnoreCase);

    private PolicyCatalog(IReadOnlyList<Policy> policies, string defaultId)
    {
        All = policies.OrderBy(p => p.From).ToList();
        _byId = policies.ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
        Default = _byId.TryGetValue(defaultId, out var d) ? d : All[0];
    }

    /// <summary>The policies Embassy ships (phala-v1 … phala-v5-erc20), loaded once from the assembly.</summary>
    public static PolicyCatalog Shipped => LazyShipped.Value;

    /// <summary>Every policy, oldest first.</summary>
    public IReadOnlyList<Policy> All { get; }

    /// <summary>The default policy.</summary>
    public Policy Default { get; }

    /// <summary>The policy with this id, or null.</summary>
    public Policy? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The file text of the policy with this id, or null when the catalog was built from policies alone.</summary>
    public string? Text(string id) => _texts.GetValueOrDefault(id);

    /// <summary>The policy with this id, or an error listing the known ids.</summary>
    public Result<Policy> Get(string id) =>
        _byId.TryGetValue(id, out var p)
            ? Result<Policy>.Ok(p)
            : Result<Policy>.Fail("POLICY_UNKNOWN", $"There is no policy '{id}'. Known: {string.Join(", ", All.Select(x => x.Id))}.");

    /// <summary>The policy in force for <paramref name="period"/>, or null when none covers it.</summary>
    public Policy? InForce(Period period) => All.LastOrDefault(p => p.Covers(period));

    /// <summary>The policy in force for <paramref name="period"/>, or <see cref="Default"/> when none covers it.</summary>
    public Policy ForPeriod(Period period) => InForce(period) ?? Default;

    /// <summary>
    /// Builds a catalog from loaded policies; fails when two ids repeat or when effective periods overlap
    /// (each month is computed under exactly one policy, R1).
    /// </summary>
    public static Result<PolicyCatalog> Create(IReadOnlyList<(Policy Policy, string File)> policies, string defaultId = DefaultId)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var errors = new List<Diagnostic>();
        if (policies.Count == 0)
        {
            return Result<PolicyCatalog>.Fail("POLICY_NONE", "No policies were given.");
        }

        foreach (var dup in policies.GroupBy(p => p.Policy.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add(Diagnostic.Error("POLICY_DUPLICATE", $"Policy id '{dup.Key}' is used by {string.Join(" and ", dup.Select(d => d.File))}."));
        }

        var sorted = policies.OrderBy(p => p.Policy.From).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            for (var j = i + 1; j < sorted.Count; j++)
            {
                var (a, fa) = sorted[i];
                var (b, fb) = sorted[j];
                if (a.Until is null || a.Until >= b.From)
                {
                    errors.Add(Diagnostic.Error(
                        "POLICY_OVERLAP",
                        $"{fb}: from {b.From} overlaps {fa} ({a.Id}, in force {a.From}–{(a.Until?.ToString() ?? "open-ended")}); end {a.Id} with 'until: {b.From.Previous}' or start {b.Id} later.",
                        new SourcePosition(0, 0, fb)));
                }
            }
        }

        return errors.Count > 0
            ? Result<PolicyCatalog>.Fail(errors)
            : Result<PolicyCatalog>.Ok(new PolicyCatalog(sorted.Select(p => p.Policy).ToList(), defaultId));
    }

    /// <summary>Loads every <c>*.yaml</c> in a folder into a catalog; every file's errors are reported together.</summary>
    public static Result<PolicyCatalog> LoadDirectory(string directory, string defaultId = DefaultId)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            return Result<PolicyCatalog>.Fail("POLICY_FOLDER_MISSING", $"{directory}: there is no such folder of policies.");
        }

        var files = Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            return Result<PolicyCatalog>.Fail("POLICY_NONE", $"{directory}: the folder holds no policy files (*.yaml).");
        }

        var texts = new List<(string, string)>();
        foreach (var f in files)
        {
            try
            {
                texts.Add((File.ReadAllText(f, Encoding.UTF8), Path.GetFileName(f)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return Result<PolicyCatalog>.Fail("POLICY_UNREADABLE", $"{Path.GetFileName(f)}: cannot read the file: {ex.Message}");
            }
        }

        return FromTexts(texts, defaultId);
    }

    private static Result<PolicyCatalog> FromTexts(IReadOnlyList<(string Text, string File)> texts, string defaultId)
    {
        var loaded = new List<(Policy Policy, string File)>();
        var byPolicy = new List<string>();
        var diagnostics = new List<Diagnostic>();
        foreach (var (text, file) in texts)
        {
            var result = PolicyLoader.Load(text, file);
            diagnostics.AddRange(result.Diagnostics);
            if (result.IsSuccess)
            {
                loaded.Add((result.Value, file));
                byPolicy.Add(text);
            }
        }

        if (diagnostics.Any(d => d.IsError))
        {
            return Result<PolicyCatalog>.Fail(diagnostics);
        }

        var created = Create(loaded, defaultId);
        if (created.IsSuccess)
        {
            foreach (var ((policy, _), text) in loaded.Zip(byPolicy))
            {
                created.Value._texts[policy.Id] = text;
            }
        }

        return created;
    }

    /// <summary>The text of a shipped policy file, by id (for <c>embassy policy show</c>).</summary>
    public static string? ShippedText(string id)
    {
        var asm = typeof(PolicyCatalog).Assembly;
        using var stream = asm.GetManifestResourceStream($"policies/{id}.yaml");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static PolicyCatalog LoadShipped()
    {
        var asm = typeof(PolicyCatalog).Assembly;
        var texts = asm.GetManifestResourceNames()
            .Where(n => n.StartsWith("policies/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (Read(asm, n), n["policies/".Length..]))
            .ToList();
        var result = FromTexts(texts, DefaultId);

        // The shipped files are part of the build; an invalid one is a programmer error, caught by the tests.
        return result.IsSuccess
            ? result.Value
            : throw new InvalidOperationException("A shipped policy is invalid: " + string.Join("; ", result.Errors));
    }

    private static string Read(Assembly asm, string name)
    {
        using var stream = asm.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
