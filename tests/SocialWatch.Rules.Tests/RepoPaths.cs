namespace SocialWatch.Rules.Tests;

/// <summary>Finds the repository (the folder holding SocialWatch.sln) from the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Corpus => Path.Combine(Root, "samples", "corpus");

    public static string DevSet => Path.Combine(Corpus, "dev.jsonl");

    public static string Watch => Path.Combine(Corpus, "watch.json");

    /// <summary>
    /// Above the output folder, or (when built with <c>--artifacts-path</c> outside the work tree) above the
    /// working directory or this source file's compile-time location.
    /// </summary>
    private static string FindRoot([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        foreach (var start in (string?[])[AppContext.BaseDirectory, Environment.CurrentDirectory, Path.GetDirectoryName(sourceFile)])
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SocialWatch.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("SocialWatch.sln not found above " + AppContext.BaseDirectory);
    }
}
