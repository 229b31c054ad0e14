using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialWatch.Fakes;
using SocialWatch.Fakes.Bluesky;
using SocialWatch.Fakes.Facebook;
using SocialWatch.Fakes.Mastodon;
using SocialWatch.Fakes.Rss;
using SocialWatch.Fakes.X;
using SocialWatch.Worker.Ingestion;

namespace SocialWatch.Worker.Tests.Ingestion;

/// <summary>One source of each platform, through the worker: stored once, cursors advanced, and a
/// failing platform leaves the others untouched.</summary>
public sealed class AllPlatformsPollingTests
{
    [Fact]
    public async Task Each_platform_is_stored_once_and_a_failing_platform_leaves_the_others_untouched()
    {
        await using var x = await XFake.StartAsync();
        await using var facebook = await FacebookFake.StartAsync();
        await using var bluesky = await BlueskyFake.StartAsync();
        await using var mastodon = await MastodonFake.StartAsync();
        await using var rss = await RssFake.StartAsync();

        x.AddUser(new XFakeUser(TestHosts.OfficialXId, "LeighTownCouncil", "Leigh Town Council"));
        facebook.AddPage(new FacebookFakePage("100064000000001", "Leigh-on-Sea Town Council", "LeighTownCouncil"));
        bluesky.AddActor(new BlueskyFakeActor("did:plc:ltcofficial00000000000001", "leightowncouncil.bsky.social", "Leigh Town Council"));
        mastodon.AddAccount(new MastodonFakeAccount("109300000000000001", "LeighTownCouncil", "Leigh Town Council"));
        rss.AddFeed("echo", "Echo News: Leigh");
        void PublishEverywhere(string text)
        {
            x.Post(TestHosts.OfficialXId, text);
            facebook.Post("100064000000001", text);
            bluesky.Post("did:plc:ltcofficial00000000000001", text);
            mastodon.Post("109300000000000001", text);
            rss.Publish("echo", text, "<p>" + text + "</p>");
        }
        for (var i = 0; i < 3; i++)
        {
            PublishEverywhere($"Council notice {i}: the Broadway market is on Saturday.");
        }

        var db = await TestDatabase.CreateAsync();
        var settings = TestHosts.Settings(db).WithXSource(x, name: "x", target: TestHosts.OfficialXId);
        settings["Facebook:BaseUrl"] = facebook.GraphBase.ToString();
        settings["Facebook:PageAccessToken"] = facebook.PageAccessToken;
        settings["Bluesky:AppViewUrl"] = bluesky.Server.BaseAddress.ToString();
        settings["Bluesky:PdsUrl"] = bluesky.Server.BaseAddress.ToString();
        settings["Mastodon:BaseUrl"] = mastodon.Server.BaseAddress.ToString();
        settings["Mastodon:AccessToken"] = mastodon.AccessToken;
        var sources = new (string Platform, string Kind, string Target)[]
        {
            ("facebook", "OfficialTimeline", "100064000000001"),
            ("bluesky", "OfficialTimeline", "leightowncouncil.bsky.social"),
            ("mastodon", "OfficialTimeline", "109300000000000001"),
            ("rss", "NewsFeed", rss.RssUrl("echo").ToString()),
        };
        for (var i = 0; i < sources.Length; i++)
        {
            settings[$"Sources:{i + 1}:Name"] = sources[i].Platform;
            settings[$"Sources:{i + 1}:Platform"] = sources[i].Platform;
            settings[$"Sources:{i + 1}:Kind"] = sources[i].Kind;
            settings[$"Sources:{i + 1}:Target"] = sources[i].Target;
            settings[$"Sources:{i + 1}:Every"] = "00:05:00";
            settings[$"Sources:{i + 1}:BackfillDays"] = "0";
        }
        using var host = TestHosts.Build(settings);
        await host.Get<SourceStore>().SyncAsync(host.Get<IOptions<SourcesOptions>>().Value.Items, default);
        var poller = host.Get<SourcePoller>();
        var platforms = new[] { "x", "facebook", "bluesky", "mastodon", "rss" };

        async Task PollAllAsync()
        {
            foreach (var platform in platforms)
            {
                await poller.PollAsync(platform, default);
            }
        }
        await using var connection = new NpgsqlConnection(db);
        async Task<Dictionary<string, long>> CountsAsync() =>
            (await connection.QueryAsync<(string Platform, long Count)>("SELECT platform, count(*) FROM posts GROUP BY platform"))
                .ToDictionary(r => r.Platform, r => r.Count);

        await PollAllAsync();
        await PollAllAsync();
        var counts = await CountsAsync();
        Assert.All(platforms, p => Assert.Equal(3L, counts.GetValueOrDefault(p)));
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM source_cursors WHERE position IS NULL OR last_success_at IS NULL"));

        // Mastodon breaks (every answer a 500); everything else carries on.
        mastodon.Server.Inject(Enumerable.Repeat<Fault>(new Fault.Status(500), 50).ToArray());
        PublishEverywhere("Council notice 3: the library is open late on Thursday.");
        await PollAllAsync();
        counts = await CountsAsync();
        Assert.All(platforms.Where(p => p != "mastodon"), p => Assert.Equal(4L, counts.GetValueOrDefault(p)));
        Assert.Equal(3L, counts["mastodon"]);
        var failing = await connection.QuerySingleAsync<(string Name, string? LastError)>(
            "SELECT s.name, c.last_error FROM source_cursors c JOIN sources s ON s.id = c.source_id WHERE c.failing_since IS NOT NULL");
        Assert.Equal("mastodon", failing.Name);
        Assert.Contains("500", failing.LastError, StringComparison.Ordinal);
    }
}
