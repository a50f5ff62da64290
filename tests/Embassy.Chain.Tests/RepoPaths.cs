using System.Runtime.CompilerServices;

namespace Embassy.Chain.Tests;

/// <summary>Finds the repository (the folder holding Embassy.slnx) from this source file's location.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string ThisProject => Path.Combine(Root, "tests", "Embassy.Chain.Tests");

    /// <summary>The shared fixtures live beside the clone (CI checks them out at the same relative place).</summary>
    public static string Reports => Path.GetFullPath(Path.Combine(Root, "..", "shared", "fixtures", "reports"));

    private static string FindRoot([CallerFilePath] string here = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(here), AppContext.BaseDirectory })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Embassy.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (the folder holding Embassy.slnx).");
    }
}
