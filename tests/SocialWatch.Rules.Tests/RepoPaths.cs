namespace SocialWatch.Rules.Tests;

/// <summary>Finds the repository (the folder holding SocialWatch.sln) from the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Corpus => Path.Combine(Root, "samples", "corpus");

    public static string DevSet => Path.Combine(Corpus, "dev.jsonl");

    public static string Watch => Path.Combine(Corpus, "watch.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialWatch.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SocialWatch.sln not found above " + AppContext.BaseDirectory);
    }
}
