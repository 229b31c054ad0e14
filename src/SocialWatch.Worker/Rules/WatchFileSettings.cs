using Microsoft.Extensions.Configuration;

namespace SocialWatch.Worker.Rules;

/// <summary>A watch.json file (the "Watch" section) as configuration key/value pairs, with its logo
/// paths made absolute: they are written relative to the watch file, and configuration resolves them
/// against the application folder.</summary>
internal static class WatchFileSettings
{
    private const string LogoKeyPrefix = "Watch:Organisation:LogoFiles:";

    public static Dictionary<string, string?> Load(string watchFile)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(watchFile))!;
        return new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(watchFile)).Build().AsEnumerable()
            .Where(p => p.Value is not null)
            .ToDictionary(p => p.Key, p => p.Key.StartsWith(LogoKeyPrefix, StringComparison.Ordinal)
                ? Path.GetFullPath(Path.Combine(folder, p.Value!))
                : p.Value);
    }
}
