using SocialWatch.Rules;

namespace SocialWatch.Bench;

/// <summary>
/// The sample corpus's watch list, logo and avatar images, as copied next to the binary by the project
/// file (or from the folder named by SOCIALWATCH_CORPUS). Posts are never read from it: they are generated.
/// </summary>
internal sealed class SampleCorpus
{
    private SampleCorpus(string folder, WatchOptions watch, IReadOnlyList<ulong> logoHashes, IReadOnlyList<string> avatarFiles)
    {
        Folder = folder;
        Watch = watch;
        LogoHashes = logoHashes;
        AvatarFiles = avatarFiles;
    }

    public string Folder { get; }

    public WatchOptions Watch { get; }

    public IReadOnlyList<ulong> LogoHashes { get; }

    /// <summary>Full paths of the sample avatar images, sorted by name.</summary>
    public IReadOnlyList<string> AvatarFiles { get; }

    public static SampleCorpus Load()
    {
        var folder = Environment.GetEnvironmentVariable("SOCIALWATCH_CORPUS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "corpus");
        var watchPath = Path.Combine(folder, "watch.json");
        var watch = WatchOptions.LoadFile(watchPath);
        var logoHashes = ClassifyRun.LoadLogoHashes(watch, watchPath);
        var avatars = Directory.GetFiles(Path.Combine(folder, "avatars")).Order(StringComparer.Ordinal).ToArray();
        return new SampleCorpus(folder, watch, logoHashes, avatars);
    }

    public Classifier CreateClassifier(RulesOptions options) => new(Watch, options, LogoHashes);

    public IReadOnlyList<ulong> AvatarHashes() => AvatarFiles.Select(f => PerceptualHash.Compute(File.ReadAllBytes(f))).ToArray();
}

/// <summary>Which rules are on: all three, or one alone with the other two off.</summary>
/// <remarks>Public because it is the type of a public <c>[Params]</c> property.</remarks>
public enum RuleSet
{
    All,
    ImpersonationOnly,
    LeakOnly,
    MisrepresentationOnly,
}

internal static class RuleSets
{
    public static RulesOptions Options(RuleSet set) => new()
    {
        ImpersonationEnabled = set is RuleSet.All or RuleSet.ImpersonationOnly,
        ConfidentialLeakEnabled = set is RuleSet.All or RuleSet.LeakOnly,
        MisrepresentationEnabled = set is RuleSet.All or RuleSet.MisrepresentationOnly,
    };
}
