using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using SocialWatch.Fakes.Bluesky;
using SocialWatch.Fakes.Facebook;
using SocialWatch.Fakes.Mastodon;
using SocialWatch.Fakes.Rss;
using SocialWatch.Fakes.X;
using SocialWatch.Fakes;
using SocialWatch.Rules;
using SocialWatch.Worker;

namespace SocialWatch.Demo;

/// <summary>One account of the sample watch list (samples/corpus/watch.json).</summary>
internal sealed record DemoAccount(string Platform, string Id, string Handle);

/// <summary>The official and staff accounts of the sample watch list, which decide how each record is routed.</summary>
internal sealed record DemoWatch(IReadOnlyList<DemoAccount> Official, IReadOnlyList<DemoAccount> Staff)
{
    public static DemoWatch Read(string watchFile)
    {
        var watch = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(watchFile)).Build().GetSection("Watch");
        static List<DemoAccount> Accounts(IConfigurationSection list) => [.. list.GetChildren()
            .Select(a => new DemoAccount(a["Platform"] ?? "", a["Id"] ?? "", a["Handle"] ?? ""))
            .Where(a => a.Platform.Length > 0 && a.Id.Length > 0)];
        return new DemoWatch(Accounts(watch.GetSection("OfficialAccounts")), Accounts(watch.GetSection("StaffAccounts")));
    }

    public string? OfficialId(string platform) => Official.FirstOrDefault(a => a.Platform == platform)?.Id;

    public bool IsOwn(string platform, string id) =>
        Official.Any(a => a.Platform == platform && a.Id == id) || Staff.Any(a => a.Platform == platform && a.Id == id);
}

/// <summary>
/// The demo's platforms: loopback fakes speaking each platform's wire format (X, Facebook, Bluesky,
/// Mastodon and RSS), fed from the bundled sample corpus (samples/corpus). About half the records are
/// there at start; the rest appear one by one, in the corpus's order across all platforms, while the
/// demo runs, so the clerk sees new posts polled, flagged and alerted live.
/// Post ids are deterministic (X: derived from each record's line; the other fakes number posts in
/// publishing order, which is the same in every worker), so every worker of a demo cluster serves the same ids.
/// </summary>
internal sealed class DemoPlatforms : IAsyncDisposable
{
    public const string DemoToken = "demo-token-not-a-secret";
    /// <summary>The signed-in Bluesky account the demo searches with (the fake's PDS accepts only it).</summary>
    public const string BlueskyHandle = "council-watch.bsky.social";
    public const string BlueskyAppPassword = "demo-demo-demo-demo";
    private const long IdBase = 1_900_000_000_000_000_000;

    /// <summary>The platforms in the order the guide names them.</summary>
    public static readonly IReadOnlyList<string> PlatformOrder = ["x", "facebook", "bluesky", "mastodon", "rss"];

    private readonly IReadOnlyList<CorpusRecord> _records;
    private readonly DemoWatch _watch;
    /// <summary>Corpus id → the id the fake gave the post, for replies.</summary>
    private readonly Dictionary<string, string> _demoIds = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private Task _release = Task.CompletedTask;
    private int _released;
    private readonly FakeServer _images;

    private DemoPlatforms(IReadOnlyList<CorpusRecord> records, DemoWatch watch, FakeServer images, XFake x, FacebookFake facebook,
        BlueskyFake bluesky, MastodonFake mastodon, RssFake rss, IReadOnlyList<(string Site, Uri Url)> feeds)
    {
        _records = records;
        _watch = watch;
        _images = images;
        X = x;
        Facebook = facebook;
        Bluesky = bluesky;
        Mastodon = mastodon;
        Rss = rss;
        Feeds = feeds;
        foreach (var record in records.Where(r => r.Platform == "x"))
        {
            _demoIds[record.Id] = (IdBase + record.LineNumber).ToString(CultureInfo.InvariantCulture);
        }
    }

    public XFake X { get; }

    public FacebookFake Facebook { get; }

    public BlueskyFake Bluesky { get; }

    public MastodonFake Mastodon { get; }

    public RssFake Rss { get; }

    /// <summary>One news feed per site that RSS records come from (the record's author id), with its URL on the fake.</summary>
    public IReadOnlyList<(string Site, Uri Url)> Feeds { get; }

    /// <summary>Sample records per platform, in <see cref="PlatformOrder"/>.</summary>
    public IReadOnlyList<(string Platform, int Records)> Served =>
        [.. PlatformOrder.Select(p => (p, _records.Count(r => r.Platform == p))).Where(p => p.Item2 > 0)];

    public int Released => Volatile.Read(ref _released);

    public int Total => _records.Count;

    /// <summary>Starts the fakes on free loopback ports, or, with <paramref name="portBase"/>, on that port
    /// (pictures) and the five after it (X, Facebook, Bluesky, Mastodon, RSS), so that the settings
    /// pointing at them can be written before they start.</summary>
    public static async Task<DemoPlatforms> StartAsync(string corpusFile, DemoWatch watch, int portBase = 0)
    {
        int Port(int offset) => portBase == 0 ? 0 : portBase + offset;
        var records = CorpusReader.Read(corpusFile).Where(r => r.Author is not null && PlatformOrder.Contains(r.Platform)).ToList();
        // Profile pictures are served over loopback HTTP too, so the avatar job fetches and hashes them.
        var folder = Path.GetDirectoryName(Path.GetFullPath(corpusFile))!;
        var images = await FakeServer.StartAsync(app => app.MapGet("/avatars/{name}", (string name) =>
        {
            var path = Path.Combine(folder, "avatars", Path.GetFileName(name));
            return File.Exists(path) ? Results.File(path, name.EndsWith(".jpg", StringComparison.Ordinal) ? "image/jpeg" : "image/png") : Results.NotFound();
        }), Port(0));
        string? Avatar(CorpusAuthor author) =>
            author.Avatar is { Length: > 0 } a ? new Uri(images.BaseAddress, "avatars/" + Path.GetFileName(a)).ToString() : null;
        IEnumerable<CorpusAuthor> Authors(string platform) =>
            records.Where(r => r.Platform == platform).Select(r => r.Author!).DistinctBy(a => a.Id);

        var x = await XFake.StartAsync(DemoToken, Port(1));
        foreach (var author in Authors("x"))
        {
            x.AddUser(new XFakeUser(author.Id, author.Handle, author.DisplayName, author.Bio ?? "", Avatar(author)));
        }

        // Every author is a Page to the fake, so it shows who wrote a post tagging the council (and Page
        // search finds them); the fake has no profile pictures.
        var facebook = await FacebookFake.StartAsync(DemoToken, Port(2));
        foreach (var author in Authors("facebook"))
        {
            facebook.AddPage(new FacebookFakePage(author.Id, author.DisplayName, author.Handle));
        }

        var bluesky = await BlueskyFake.StartAsync(BlueskyHandle, BlueskyAppPassword, Port(3));
        foreach (var author in Authors("bluesky"))
        {
            bluesky.AddActor(new BlueskyFakeActor(author.Id, author.Handle, author.DisplayName, author.Bio ?? "", Avatar(author)));
        }

        // The token is the council account's own, so its notifications are the council's mentions.
        var mastodon = await MastodonFake.StartAsync(DemoToken, watch.OfficialId("mastodon") ?? "1", Port(4));
        foreach (var author in Authors("mastodon"))
        {
            mastodon.AddAccount(new MastodonFakeAccount(author.Id, author.Handle, author.DisplayName, author.Bio ?? "", Avatar(author)));
        }

        var rss = await RssFake.StartAsync(Port(5));
        var feeds = new List<(string Site, Uri Url)>();
        foreach (var author in Authors("rss"))
        {
            // The site is the feed's channel link, so the articles keep the site (echo-news.co.uk) as author.
            rss.AddFeed(author.Id, author.DisplayName, $"https://{author.Id}/");
            feeds.Add((author.Id, rss.RssUrl(author.Id)));
        }

        var demo = new DemoPlatforms(records, watch, images, x, facebook, bluesky, mastodon, rss, feeds);
        foreach (var record in records.Take(records.Count / 2))
        {
            demo.Publish(record);
        }
        return demo;
    }

    /// <summary>Publishes one more record every <paramref name="every"/> until all are out.</summary>
    public void ReleaseTheRest(TimeSpan every) => _release = Task.Run(async () =>
    {
        foreach (var record in _records.Skip(Released))
        {
            await Task.Delay(every, _stop.Token);
            Publish(record);
        }
    });

    private void Publish(CorpusRecord record)
    {
        Interlocked.Increment(ref _released);
        if (string.IsNullOrEmpty(record.Text))
        {
            return; // An account-only record: the account sweep finds it.
        }
        var author = record.Author!;
        var replyTo = record.InReplyTo is { } parent ? _demoIds.GetValueOrDefault(parent) : null;
        switch (record.Platform)
        {
            case "x":
                X.Post(author.Id, record.Text, record.CreatedAt, replyTo, IdBase + record.LineNumber);
                break;
            case "facebook":
                // The council's and staff's own posts are on their Pages; anyone else's reach the council by tagging its Page.
                var tagged = _watch.IsOwn("facebook", author.Id) ? null : _watch.OfficialId("facebook");
                _demoIds[record.Id] = Facebook.Post(author.Id, record.Text, record.CreatedAt, tagged).Id;
                break;
            case "bluesky":
                _demoIds[record.Id] = Bluesky.Post(author.Id, record.Text, record.CreatedAt, replyTo).Uri;
                break;
            case "mastodon":
                _demoIds[record.Id] = Mastodon.Post(author.Id, record.Text, record.CreatedAt, replyTo).Id;
                break;
            case "rss":
                // The connector makes "title, blank line, summary" of an article, so the record's text splits back into them.
                var parts = record.Text.Split("\n\n", 2);
                var summary = parts.Length > 1 ? WebUtility.HtmlEncode(parts[1]).Replace("\n", "<br>", StringComparison.Ordinal) : "";
                Rss.Publish(author.Id, parts[0], summary, record.CreatedAt, itemId: record.Id);
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _release;
        }
        catch (OperationCanceledException)
        {
            // Stopped mid-release.
        }
        _stop.Dispose();
        await X.DisposeAsync();
        await Facebook.DisposeAsync();
        await Bluesky.DisposeAsync();
        await Mastodon.DisposeAsync();
        await Rss.DisposeAsync();
        await _images.DisposeAsync();
    }
}
