using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocialWatch.Demo;

/// <summary>
/// `socialwatch-demo fakes`: the demo's platforms alone (X, Facebook, Bluesky, Mastodon and RSS fakes
/// on loopback, fed from the sample corpus), with no worker. It prints the settings a worker needs to
/// poll them (watch list, platform addresses, sources; no database and no credentials, which a
/// deployment keeps in its own environment and secret files) between two marker lines, then serves
/// until stopped. With --port-base the addresses are fixed, so `--print-only` can write the settings
/// first. The end-to-end test starts the production image's `run` from those settings, with the fakes
/// in its network namespace, the way a council starts its own deployment.
/// </summary>
internal static class FakesCommand
{
    public const string SettingsBegin = "--- socialwatch settings ---";
    public const string SettingsEnd = "--- end of settings ---";

    public static Command Build()
    {
        var portBase = new Option<int>("--port-base") { Description = "Serve on this loopback port and the five after it (default: free ports)" };
        var printOnly = new Option<bool>("--print-only") { Description = "Print the settings and stop (with --port-base: the settings of a later `fakes --port-base`)" };
        var command = new Command("fakes", "Serve the demo's sample data from loopback platform fakes and print the settings that poll them") { portBase, printOnly };
        command.SetAction(async (parse, ct) =>
        {
            var samples = Path.Combine(AppContext.BaseDirectory, "samples", "corpus");
            var watchFile = Path.Combine(samples, "watch.json");
            var watch = DemoWatch.Read(watchFile);
            await using var platforms = await DemoPlatforms.StartAsync(Path.Combine(samples, "dev.jsonl"), watch, parse.GetValue(portBase));
            platforms.ReleaseTheRest(TimeSpan.FromSeconds(2));

            // Flat "Section:Key" names are valid JSON configuration keys; sorted, the file reads by section.
            var settings = new JsonObject();
            foreach (var (key, value) in DemoCommand.PlatformSettings(platforms, watch, watchFile).OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                settings[key] = value;
            }
            Console.WriteLine(SettingsBegin);
            Console.WriteLine(settings.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine(SettingsEnd);
            Console.Out.Flush();
            if (parse.GetValue(printOnly))
            {
                return 0;
            }
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                // Stopped (Ctrl+C, SIGTERM).
            }
            return 0;
        });
        return command;
    }
}
