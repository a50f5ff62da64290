using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Embassy.Chain.Tests;

/// <summary>
/// Runs oracle/gen.js, @polkadot's own SS58 and SCALE code, on a request and returns its answer.
/// The ./test script installs its node_modules with npm ci; without them the tests fail with a clear message.
/// </summary>
internal static class NodeOracle
{
    public static string Folder => Path.Combine(RepoPaths.ThisProject, "oracle");

    public static JsonObject Ask(JsonObject request)
    {
        var modules = Path.Combine(Folder, "node_modules", "@polkadot", "types");
        if (!Directory.Exists(modules))
        {
            Assert.Fail($"The node oracle is not installed: run `npm ci` in {Folder} (./test does it before dotnet test).");
        }

        var start = new ProcessStartInfo("node", "gen.js")
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail("node is not installed or not on PATH: " + e.Message);
            throw;
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(request.ToJsonString());
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"node gen.js failed ({process.ExitCode}): {stderr.Result}");
            return JsonNode.Parse(stdout)!.AsObject();
        }
    }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
