using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SocialWatch.Fakes.X;

namespace SocialWatch.Worker.Tests;

/// <summary>Builds the real worker host (all features, real configuration binding) for a test.</summary>
internal static class TestHosts
{
    public const string OfficialXId = "1000000001";

    /// <summary>The worker's settings for a test database, named the way docs/deployment.md tells a
    /// council to: the connection string without the password, and Database:Password apart (as
    /// environment variables for a WorkerProcess: Database__ConnectionString and Database__Password).</summary>
    public static Dictionary<string, string?> Settings(string connectionString) => new Dictionary<string, string?>
    {
        ["Resilience:BaseDelay"] = "00:00:00.050",
        ["Resilience:MaxRetries"] = "3",
        ["Resilience:AttemptTimeout"] = "00:00:02",
        ["Resilience:TotalTimeout"] = "00:00:20",
        ["Resilience:MaxRateLimitWait"] = "00:00:05",
        ["Scheduler:ClusterCheckinInterval"] = "00:00:02",
        ["Scheduler:ShutdownTimeout"] = "00:00:10",
    }.WithDatabase(connectionString).WithWatchList();

    /// <summary>Database:ConnectionString without the password plus Database:Password.</summary>
    public static Dictionary<string, string?> WithDatabase(this Dictionary<string, string?> settings, string connectionString)
    {
        var deployed = TestDatabase.AsDeployed(connectionString);
        settings["Database:ConnectionString"] = deployed.ConnectionStringWithoutPassword;
        settings["Database:Password"] = deployed.Password;
        return settings;
    }

    /// <summary>Settings for one X source against the fake.</summary>
    public static Dictionary<string, string?> WithXSource(this Dictionary<string, string?> settings, XFake fake,
        string name = "x-official", string kind = "OfficialTimeline", string target = OfficialXId, int index = 0, string every = "00:05:00")
    {
        settings["X:BaseUrl"] = fake.Server.BaseAddress.ToString();
        settings["X:BearerToken"] = fake.BearerToken;
        settings[$"Sources:{index}:Name"] = name;
        settings[$"Sources:{index}:Platform"] = "x";
        settings[$"Sources:{index}:Kind"] = kind;
        settings[$"Sources:{index}:Target"] = target;
        settings[$"Sources:{index}:Every"] = every;
        settings[$"Sources:{index}:BackfillDays"] = "0";
        return settings;
    }

    /// <summary>The sample watch list (samples/corpus/watch.json) as configuration, logo path made absolute.</summary>
    public static Dictionary<string, string?> WithWatchList(this Dictionary<string, string?> settings)
    {
        foreach (var (key, value) in Worker.Rules.WatchFileSettings.Load(Path.Combine(RepoRoot(), "samples", "corpus", "watch.json")))
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>The repository, found from this source file's path (so it works whatever folder the
    /// test binaries were built into, e.g. with --artifacts-path).</summary>
    public static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string thisFile = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(thisFile), AppContext.BaseDirectory })
        {
            var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SocialWatch.sln")))
            {
                dir = dir.Parent;
            }
            if (dir is not null)
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("SocialWatch.sln not found above " + thisFile);
    }

    public static IHost Build(IReadOnlyDictionary<string, string?> settings) =>
        WorkerHost.CreateBuilder(overrides: settings, jsonLogs: false).Build();

    public static T Get<T>(this IHost host) where T : notnull => host.Services.GetRequiredService<T>();
}
