using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialWatch.Fakes.Bluesky;
using SocialWatch.Fakes.Facebook;
using SocialWatch.Fakes.Mastodon;
using SocialWatch.Fakes.Rss;
using SocialWatch.Fakes.X;
using SocialWatch.Worker.Ingestion;

namespace SocialWatch.Worker.Tests.Ingestion;

/// <summary>
/// account_history is what the impersonation checks read: only real profile changes may reach it.
/// For each platform, through the real connector against its fake: the account look-up (a full
/// profile) and the timeline (whose posts embed the author, often partially) are polled again and
/// again with the profile unchanged, then the profile changes once.
/// </summary>
public sealed class ProfileHistoryTests
{
    /// <summary>What one platform's run needs: its sources, how to publish and how to change the
    /// profile on the fake, and the profile as stored before and after the change.</summary>
    private sealed record Platform(
        string Name,
        string AccountId,
        IReadOnlyList<(string Kind, string Target)> Sources,
        Action<Dictionary<string, string?>> Configure,
        Action<string> Publish,
        Action ChangeProfile,
        Profile Before,
        Profile After);

    private sealed record Profile(string Handle, string DisplayName, string Bio, string? AvatarUrl);

    [Fact]
    public async Task X_profiles_flap_never_and_a_change_is_one_history_row()
    {
        await using var x = await XFake.StartAsync();
        var user = new XFakeUser("1000000001", "LeighTownCouncil", "Leigh Town Council", "Official account", "https://pbs.example/ltc.jpg");
        x.AddUser(user);
        await RunAsync(new Platform("x", user.Id,
            [("OfficialTimeline", user.Id)],
            s =>
            {
                s["X:BaseUrl"] = x.Server.BaseAddress.ToString();
                s["X:BearerToken"] = x.BearerToken;
            },
            text => x.Post(user.Id, text),
            () => x.AddUser(user with { Name = "Leigh Town Council (official)" }),
            new Profile("LeighTownCouncil", "Leigh Town Council", "Official account", "https://pbs.example/ltc.jpg"),
            new Profile("LeighTownCouncil", "Leigh Town Council (official)", "Official account", "https://pbs.example/ltc.jpg")));
    }

    [Fact]
    public async Task Facebook_page_authors_of_id_and_name_never_overwrite_the_page_look_up()
    {
        await using var facebook = await FacebookFake.StartAsync();
        var page = new FacebookFakePage("100064000000001", "Leigh-on-Sea Town Council", "LeighTownCouncil");
        facebook.AddPage(page);
        var picture = $"{facebook.GraphBase.ToString().TrimEnd('/')}/{page.Id}/picture?type=large";
        await RunAsync(new Platform("facebook", page.Id,
            // The sweep finds the Page with its link (the handle) and picture; its posts' `from` has
            // only the id and the name, as Graph sends it.
            [("AccountSearch", "Leigh-on-Sea"), ("OfficialTimeline", page.Id)],
            s =>
            {
                s["Facebook:BaseUrl"] = facebook.GraphBase.ToString();
                s["Facebook:PageAccessToken"] = facebook.PageAccessToken;
            },
            text => facebook.Post(page.Id, text),
            () => facebook.AddPage(page with { Name = "Leigh-on-Sea Town Council (official)" }),
            new Profile("LeighTownCouncil", "Leigh-on-Sea Town Council", "", picture),
            new Profile("LeighTownCouncil", "Leigh-on-Sea Town Council (official)", "", picture)));
    }

    [Fact]
    public async Task Bluesky_post_authors_without_a_description_never_erase_the_bio()
    {
        await using var bluesky = await BlueskyFake.StartAsync();
        var actor = new BlueskyFakeActor("did:plc:ltcofficial00000000000001", "leightowncouncil.bsky.social", "Leigh Town Council",
            "News from Leigh Town Council", "https://cdn.bsky.example/ltc.jpg");
        bluesky.AddActor(actor);
        await RunAsync(new Platform("bluesky", actor.Did,
            [("AccountSearch", "Leigh Town"), ("OfficialTimeline", actor.Handle)],
            s =>
            {
                s["Bluesky:AppViewUrl"] = bluesky.Server.BaseAddress.ToString();
                s["Bluesky:PdsUrl"] = bluesky.Server.BaseAddress.ToString();
            },
            text => bluesky.Post(actor.Did, text),
            () => bluesky.AddActor(actor with { Description = "Official news from Leigh Town Council" }),
            new Profile(actor.Handle, "Leigh Town Council", "News from Leigh Town Council", actor.Avatar),
            new Profile(actor.Handle, "Leigh Town Council", "Official news from Leigh Town Council", actor.Avatar)));
    }

    [Fact]
    public async Task Mastodon_profiles_flap_never_and_a_change_is_one_history_row()
    {
        await using var mastodon = await MastodonFake.StartAsync();
        var account = new MastodonFakeAccount("109300000000000001", "LeighTownCouncil", "Leigh Town Council", "Official account", "https://files.example/ltc.png");
        mastodon.AddAccount(account);
        await RunAsync(new Platform("mastodon", account.Id,
            [("AccountSearch", "Leigh Town"), ("OfficialTimeline", account.Id)],
            s =>
            {
                s["Mastodon:BaseUrl"] = mastodon.Server.BaseAddress.ToString();
                s["Mastodon:AccessToken"] = mastodon.AccessToken;
            },
            text => mastodon.Post(account.Id, text),
            () => mastodon.AddAccount(account with { Avatar = "https://files.example/ltc-2.png" }),
            new Profile("LeighTownCouncil", "Leigh Town Council", "Official account", "https://files.example/ltc.png"),
            new Profile("LeighTownCouncil", "Leigh Town Council", "Official account", "https://files.example/ltc-2.png")));
    }

    [Fact]
    public async Task Rss_feed_profiles_flap_never_and_a_change_is_one_history_row()
    {
        await using var rss = await RssFake.StartAsync();
        rss.AddFeed("echo", "Echo News: Leigh", "https://echo.example/");
        await RunAsync(new Platform("rss", "echo.example",
            [("NewsFeed", rss.RssUrl("echo").ToString())],
            _ => { },
            // Item ids of their own: changing the title starts the fake's item list again.
            text => rss.Publish("echo", text, "<p>" + text + "</p>", itemId: "https://echo.example/" + Uri.EscapeDataString(text)),
            () => rss.AddFeed("echo", "Echo News: Leigh and Southend", "https://echo.example/"),
            new Profile("echo.example", "Echo News: Leigh", "Local news", null),
            new Profile("echo.example", "Echo News: Leigh and Southend", "Local news", null)));
    }

    private static async Task RunAsync(Platform platform)
    {
        var db = await TestDatabase.CreateAsync();
        var settings = TestHosts.Settings(db);
        platform.Configure(settings);
        var names = new List<string>();
        for (var i = 0; i < platform.Sources.Count; i++)
        {
            var name = $"{platform.Name}-{platform.Sources[i].Kind}".ToLowerInvariant();
            names.Add(name);
            settings[$"Sources:{i}:Name"] = name;
            settings[$"Sources:{i}:Platform"] = platform.Name;
            settings[$"Sources:{i}:Kind"] = platform.Sources[i].Kind;
            settings[$"Sources:{i}:Target"] = platform.Sources[i].Target;
            settings[$"Sources:{i}:Every"] = "00:05:00";
            settings[$"Sources:{i}:BackfillDays"] = "0";
        }
        using var host = TestHosts.Build(settings);
        await host.Get<SourceStore>().SyncAsync(host.Get<IOptions<SourcesOptions>>().Value.Items, default);
        var poller = host.Get<SourcePoller>();
        await using var connection = new NpgsqlConnection(db);
        var published = 0;

        // The look-up first, the timeline (partial authors) last: what is stored after a round is what
        // the partial author left behind.
        async Task PollRoundAsync()
        {
            platform.Publish($"Council notice {++published}: the Broadway market is on Saturday.");
            foreach (var name in names)
            {
                var outcome = await poller.PollAsync(name, default);
                Assert.True(outcome.Succeeded, $"{name}: {outcome.Error}");
            }
        }
        Task<Profile> StoredAsync() => connection.QuerySingleAsync<Profile>(
            "SELECT handle, display_name AS DisplayName, bio, avatar_url AS AvatarUrl FROM accounts WHERE platform = @Platform AND platform_id = @Id",
            new { Platform = platform.Name, Id = platform.AccountId });
        Task<List<Profile>> HistoryAsync() => connection.QueryAsync<Profile>("""
            SELECT h.handle, h.display_name AS DisplayName, h.bio, h.avatar_url AS AvatarUrl
            FROM account_history h JOIN accounts a ON a.id = h.account_id
            WHERE a.platform = @Platform ORDER BY h.id
            """, new { Platform = platform.Name }).ContinueWith(t => t.Result.ToList(), TaskScheduler.Default);

        for (var round = 0; round < 3; round++)
        {
            await PollRoundAsync();
            Assert.Equal(platform.Before, await StoredAsync());
        }
        Assert.Equal(published, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM posts WHERE platform = @Name", new { platform.Name }));
        Assert.Empty(await HistoryAsync());

        platform.ChangeProfile();
        await PollRoundAsync();
        Assert.Equal(platform.After, await StoredAsync());
        Assert.Equal([platform.Before], await HistoryAsync());

        // Unchanged again: the partial authors and repeated look-ups add nothing more.
        await PollRoundAsync();
        await PollRoundAsync();
        Assert.Equal(platform.After, await StoredAsync());
        Assert.Equal([platform.Before], await HistoryAsync());
    }
}
