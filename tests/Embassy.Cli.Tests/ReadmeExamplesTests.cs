using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Embassy.Cli.Tests;

/// <summary>
/// The README's CLI examples work as written (issue #15): the block after <c>&lt;!-- cli-examples --&gt;</c> is read from
/// the README itself and each line runs in bash, in a copy of the repository's <c>examples/</c> beside its <c>src/</c>,
/// with <c>./embassy</c> starting this build's executable. Every line must exit 0.
/// </summary>
public sealed partial class ReadmeExamplesTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("embassy-readme-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Embassy.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Embassy.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The lines of the README's examples block.</summary>
    internal static IReadOnlyList<string> Examples(string readme)
    {
        var block = ExamplesBlock().Match(readme);
        Assert.True(block.Success, "README.md has no <!-- cli-examples --> block.");
        return block.Groups[1].Value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
    }

    [Fact]
    public async Task EveryReadmeExample_RunsAsWritten()
    {
        var root = RepositoryRoot();
        var examples = Examples(await File.ReadAllTextAsync(Path.Combine(root, "README.md")));
        CopyFolder(Path.Combine(root, "examples"), Path.Combine(_folder.FullName, "examples"));
        Directory.CreateSymbolicLink(Path.Combine(_folder.FullName, "src"), Path.Combine(root, "src"));
        var shim = Path.Combine(_folder.FullName, "embassy");
        await File.WriteAllTextAsync(shim, $"#!/bin/sh\nexec '{Path.Combine(AppContext.BaseDirectory, "embassy")}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Assert.True(examples.Count >= 10, "Only " + examples.Count + " examples found.");
        Assert.All(examples, e => Assert.Contains("./embassy ", e, StringComparison.Ordinal));
        var failures = new List<string>();
        foreach (var line in examples)
        {
            var (exit, output) = await BashAsync(line);
            if (exit != 0)
            {
                failures.Add($"{line}\n  exit {exit}: {output}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(File.Exists(Path.Combine(_folder.FullName, "examples", "out", "restored", "embassy.db")));
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    private async Task<(int Exit, string Output)> BashAsync(string line)
    {
        var start = new ProcessStartInfo("bash", ["-c", line])
        {
            WorkingDirectory = _folder.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // The README's commands read EMBASSY_ variables as the tool would; none of the test run's own may leak in.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("EMBASSY_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"<!-- cli-examples -->\s*```sh\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExamplesBlock();
}
