using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Connectors;

namespace SocialWatch.Connectors.Tests;

/// <summary>Builds the real connectors (AddConnectors, real resilience pipeline) against fakes, with
/// short timeouts and delays so failure tests stay fast.</summary>
internal sealed class Harness : IDisposable
{
    private readonly ServiceProvider _services;

    public Harness(Dictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["Resilience:MaxRetries"] = "2",
            ["Resilience:BaseDelay"] = "00:00:00.010",
            ["Resilience:MaxRateLimitWait"] = "00:00:03",
            ["Resilience:AttemptTimeout"] = "00:00:03",
            ["Resilience:TotalTimeout"] = "00:00:15",
            ["Resilience:BreakDuration"] = "00:00:01",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection();
        services.AddConnectors(configuration);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public IServiceProvider Services => _services;

    public ISourceConnector Connector(string platform) =>
        _services.GetServices<ISourceConnector>().Single(c => c.Platform == platform);

    /// <summary>Reads every page, as the worker does, and returns them with the cursor stored last.</summary>
    public async Task<Run> FetchAsync(string platform, SourceSpec source, string? cursor, int? stopAfterPages = null)
    {
        var pages = new List<FetchedPage>();
        await foreach (var page in Connector(platform).FetchAsync(source, cursor, CancellationToken.None))
        {
            pages.Add(page);
            cursor = page.Cursor;
            if (pages.Count == stopAfterPages)
            {
                break;
            }
        }
        return new Run(pages, cursor);
    }

    public void Dispose() => _services.Dispose();
}

internal sealed record Run(List<FetchedPage> Pages, string? Cursor)
{
    public List<FetchedPost> Posts => [.. Pages.SelectMany(p => p.Posts)];

    public List<FetchedAccount> Accounts => [.. Pages.SelectMany(p => p.Accounts)];

    public List<string> Deleted => [.. Pages.SelectMany(p => p.DeletedPostIds ?? [])];
}

/// <summary>The documented sample payloads, copied into Payloads/ (see Payloads/SOURCES.md).</summary>
internal static class Samples
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Payloads", name);

    /// <summary>The file as printed, minus the docs' elisions (a "..." line or element, "// ..." comments),
    /// as strict JSON. Nothing else is changed.</summary>
    public static string Load(string name)
    {
        var lines = File.ReadAllLines(Path(name)).Where(l => l.Trim() is not ("..." or "...,")).ToList();
        var text = string.Join('\n', lines);
        var node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return node!.ToJsonString();
    }
}

internal static class OddText
{
    /// <summary>Emoji (with ZWJ and skin tone), an RTL override, zero-width space and joiner, combining
    /// marks, a non-BMP letter, and Welsh and Arabic, all of which must survive unchanged.</summary>
    public const string Sample = "Leigh 👩🏽‍💻 council \u202Elicnuoc\u202C zero\u200Bwidth\u200D join, cafe\u0301 Z\u0335\u0321a\u0337lgo 𝔏eigh — Cyngor Tref ﻣﺠﻠﺲ";
}
