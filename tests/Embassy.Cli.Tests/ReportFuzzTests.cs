using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Embassy.Cli;

namespace Embassy.Cli.Tests;

/// <summary>
/// Issue #11: 10,000 fuzzed reports through <c>embassy report parse</c> — the real fixture reports truncated, with random
/// bytes, lone surrogates, NUL and control characters, and 1 MB lines — give no crash, and every output is valid JSON
/// with the reports' diagnostics (a file that is no longer JSON is refused with a coded line and exit 2).
/// </summary>
public sealed class ReportFuzzTests : IDisposable
{
    private const int Reports = 10_000;
    private const int PerFile = 500;
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly string _dir = Directory.CreateTempSubdirectory("embassy-report-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ReportParse_TenThousandFuzzedRealReports_NeverCrash_AndAlwaysPrintJsonWithDiagnostics()
    {
        var fixtures = FixtureIssues();
        Assert.True(fixtures.Count >= 50, $"expected the real fixture reports, found {fixtures.Count}");
        var random = new Random(2026);
        var parsed = 0;
        var refused = 0;
        var withDiagnostics = 0;
        var batch = new List<byte[]>(PerFile);
        for (var i = 0; i < Reports; i++)
        {
            var kind = i % 6;
            var issue = Mutate(fixtures[random.Next(fixtures.Count)], random, kind, i);
            if (issue is null)
            {
                // The JSON itself is broken (cut short): a file of its own, refused with a reason, never an exception.
                var cut = Serialize(fixtures[random.Next(fixtures.Count)], i);
                var (exit, output, error) = Run(cut[..random.Next(1, cut.Length - 1)]);
                Assert.True(exit == EmbassyCli.UsageError, $"a truncated file gave exit {exit}: {output}");
                Assert.Contains("ISSUE_JSON_INVALID", error, StringComparison.Ordinal);
                refused++;
                continue;
            }

            batch.Add(issue);
            if (batch.Count == PerFile || i == Reports - 1)
            {
                var (count, diagnosed) = RunBatch(batch);
                parsed += count;
                withDiagnostics += diagnosed;
                batch.Clear();
            }
        }

        Assert.Equal(Reports, parsed + refused);
        Assert.True(refused > 1_000, $"{refused} truncated files");
        Assert.True(withDiagnostics > parsed / 2, $"only {withDiagnostics} of {parsed} fuzzed reports had a diagnostic");
    }

    private (int Count, int Diagnosed) RunBatch(List<byte[]> issues)
    {
        var file = new MemoryStream();
        file.WriteByte((byte)'[');
        for (var k = 0; k < issues.Count; k++)
        {
            if (k > 0)
            {
                file.WriteByte((byte)',');
            }

            file.Write(issues[k]);
        }

        file.WriteByte((byte)']');
        var (exit, output, error) = Run(file.ToArray());
        Assert.True(exit is EmbassyCli.Ok or EmbassyCli.Invalid, $"exit {exit}: {error}");
        using var doc = JsonDocument.Parse(output); // valid JSON, always
        var reports = doc.RootElement.EnumerateArray().ToArray();
        Assert.Equal(issues.Count, reports.Length);
        var diagnosed = 0;
        foreach (var r in reports)
        {
            var diagnostics = r.GetProperty("diagnostics");
            Assert.Equal(JsonValueKind.Array, diagnostics.ValueKind);
            foreach (var d in diagnostics.EnumerateArray())
            {
                Assert.False(string.IsNullOrEmpty(d.GetProperty("code").GetString()));
            }

            diagnosed += diagnostics.GetArrayLength() > 0 ? 1 : 0;
        }

        return (reports.Length, diagnosed);
    }

    private (int Exit, string Out, string Err) Run(byte[] json)
    {
        var file = Path.Combine(_dir, "fuzz.json");
        File.WriteAllBytes(file, json);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = EmbassyCli.Run(["report", "parse", "--issue", file], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>One fuzzed issue object as UTF-8 JSON bytes, or null for a report whose file is to be cut short.</summary>
    private static byte[]? Mutate(JsonObject issue, Random random, int kind, int number)
    {
        var body = issue["body"]?.GetValue<string>() ?? string.Empty;
        var at = body.Length == 0 ? 0 : random.Next(body.Length);
        switch (kind)
        {
            case 0:
                return null;
            case 1: // the body cut anywhere, even inside a surrogate pair
                return Serialize(issue, number, body[..at]);
            case 2: // random bytes in the body, valid UTF-8 or not (never over an escape, a quote or a control byte: the JSON must stay JSON)
            {
                var bytes = Serialize(issue, number, body);
                var start = IndexOf(bytes, "\"body\":\""u8) + 8;
                var length = JsonSerializer.SerializeToUtf8Bytes(body, Relaxed).Length - 2;
                for (var n = 0; n < 1 + random.Next(40) && length > 0; n++)
                {
                    var p = start + random.Next(length);
                    var b = (byte)random.Next(0x20, 256);
                    if (b is not ((byte)'"' or (byte)'\\') && bytes.AsSpan(Math.Max(start, p - 5), p - Math.Max(start, p - 5) + 1).IndexOf((byte)'\\') < 0)
                    {
                        bytes[p] = b;
                    }
                }

                return bytes;
            }

            case 3: // lone surrogates, written as JSON escapes at a space of the body
            {
                var json = Encoding.UTF8.GetString(Serialize(issue, number, body));
                var start = json.IndexOf("\"body\":\"", StringComparison.Ordinal) + 8;
                var spaces = Enumerable.Range(start, Math.Max(0, json.Length - start)).Where(k => json[k] == ' ').ToList();
                var where = spaces.Count == 0 ? start : spaces[random.Next(spaces.Count)];
                return Encoding.UTF8.GetBytes(json.Insert(where, random.Next(2) == 0 ? "\\ud83d" : "\\udc00\\ud800x"));
            }

            case 4: // NUL and other control characters
                return Serialize(issue, number, body.Insert(at, "\0\u0001\u001b[31m\u0007\r"));
            default: // a line near the largest accepted body (1 MB), now and then; otherwise a long one
                var line = number % 60 == 5 ? 1_000_000 - body.Length - 1 : 20_000;
                return Serialize(issue, number, body.Insert(at, new string((char)('a' + random.Next(26)), Math.Max(1, line))));
        }
    }

    private static byte[] Serialize(JsonObject issue, int number, string? body = null)
    {
        var copy = (JsonObject)issue.DeepClone();
        copy["number"] = number + 1;
        if (body is not null)
        {
            copy["body"] = body;
        }

        return JsonSerializer.SerializeToUtf8Bytes(copy, Relaxed);
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);

    /// <summary>The real reports in <c>../shared/fixtures/reports</c> beside the checkout, without their reader's truth.</summary>
    private static List<JsonObject> FixtureIssues()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Embassy.slnx")))
        {
            dir = dir.Parent;
        }

        var reports = Path.Combine(dir!.Parent!.FullName, "shared", "fixtures", "reports");
        return Directory.GetFiles(reports, "*.json").Order(StringComparer.Ordinal).Select(path =>
        {
            var issue = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            issue.Remove("truth");
            return issue;
        }).ToList();
    }
}
