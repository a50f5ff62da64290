using System.Globalization;
using System.Text.Json;
using Embassy.Domain;

namespace Embassy.Reports;

/// <summary>
/// Reads GitHub REST API issue objects (<c>number</c>, <c>title</c>, <c>body</c>, <c>user.login</c>,
/// <c>created_at</c>, <c>html_url</c>): one object or an array of them. Other fields are ignored.
/// </summary>
public static class IssueJson
{
    /// <summary>Diagnostic code for text that is not an issue object or an array of them.</summary>
    public const string Invalid = ReportCodes.IssueJsonInvalid;

    /// <summary>Parses the JSON text; never throws on bad input.</summary>
    public static Result<IReadOnlyList<IssueSnapshot>> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        // Half an emoji (a lone \ud83d) makes System.Text.Json throw when the string is read: read it as U+FFFD instead.
        json = Utf16Repair.RepairJson(json, out var repaired);
        IReadOnlyList<Diagnostic> warnings = repaired > 0 ? [Utf16Repair.Warning(repaired, "The issue JSON")] : [];
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            // JsonDocument reports bad JSON only by throwing; the caller gets it as a diagnostic.
            return Result<IReadOnlyList<IssueSnapshot>>.Fail(Invalid, $"Not valid JSON: {ex.Message}");
        }

        using (doc)
        {
            var root = doc.RootElement;
            var items = root.ValueKind switch
            {
                JsonValueKind.Array => root.EnumerateArray().ToArray(),
                JsonValueKind.Object => [root],
                _ => [],
            };
            if (items.Length == 0 && root.ValueKind != JsonValueKind.Array)
            {
                return Result<IReadOnlyList<IssueSnapshot>>.Fail(Invalid, "Expected a GitHub issue object or an array of them.");
            }

            var issues = new List<IssueSnapshot>(items.Length);
            var errors = new List<Diagnostic>();
            for (var i = 0; i < items.Length; i++)
            {
                if (Read(items[i]) is { } issue)
                {
                    issues.Add(issue);
                }
                else
                {
                    errors.Add(Diagnostic.Error(Invalid, string.Create(CultureInfo.InvariantCulture, $"Item {i} is not an issue object with a number and a created_at time.")));
                }
            }

            return errors.Count > 0
                ? Result<IReadOnlyList<IssueSnapshot>>.Fail(errors.Concat(warnings))
                : Result<IReadOnlyList<IssueSnapshot>>.Ok(issues, warnings);
        }
    }

    private static IssueSnapshot? Read(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object
            || !e.TryGetProperty("number", out var number) || number.ValueKind != JsonValueKind.Number || !number.TryGetInt64(out var n)
            || !e.TryGetProperty("created_at", out var created) || created.ValueKind != JsonValueKind.String
            || !DateTimeOffset.TryParse(created.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var createdAt))
        {
            return null;
        }

        string? login = null;
        if (e.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object && user.TryGetProperty("login", out var l) && l.ValueKind == JsonValueKind.String)
        {
            login = l.GetString();
        }

        return new IssueSnapshot(n, Str(e, "title") ?? string.Empty, Str(e, "body") ?? string.Empty, login, createdAt, Str(e, "html_url"));
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
