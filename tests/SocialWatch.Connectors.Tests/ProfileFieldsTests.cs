using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SocialWatch.Connectors.Bluesky;
using SocialWatch.Connectors.Mastodon;
using SocialWatch.Fakes;
using SocialWatch.Fakes.Facebook;
using SocialWatch.Fakes.Rss;
using static SocialWatch.Connectors.Tests.FakeSources;

namespace SocialWatch.Connectors.Tests;

/// <summary>Each connector says which profile fields an account it maps actually carries, from the
/// platforms' documented payloads: a field the platform did not send must not read as empty, or storage
/// would record a profile change that never happened.</summary>
public sealed class ProfileFieldsTests
{
    [Fact]
    public async Task X_user_expansion_of_the_documented_search_carries_only_the_username()
    {
        var body = Samples.Load("x/x-tweets-search-recent-expanded.json");
        await using var server = await FakeServer.StartAsync(app => app.MapGet("/2/tweets/search/recent", () => Results.Text(body, "application/json")));
        using var harness = new Harness(new() { ["X:BaseUrl"] = server.BaseAddress.ToString(), ["X:BearerToken"] = "t" });

        var run = await harness.FetchAsync("x", Spec("x", SourceKind.Search, "python"), null);

        var author = Assert.Single(run.Accounts);
        Assert.Equal(("9876543210", "pythondev"), (author.PlatformId, author.Handle));
        // The documented user has id, username and verified: no name, description or picture.
        Assert.Equal(ProfileFields.Handle, author.Carries);
    }

    [Fact]
    public async Task Facebook_pages_search_sample_carries_handle_name_and_picture_but_no_about_text()
    {
        var body = Samples.Load("facebook/facebook-pages-search.json");
        await using var server = await FakeServer.StartAsync(app => app.MapGet("/v25.0/pages/search", () => Results.Text(body, "application/json")));
        using var harness = new Harness(new() { ["Facebook:BaseUrl"] = server.BaseAddress + "v25.0", ["Facebook:SearchAccessToken"] = "app|secret" });

        var run = await harness.FetchAsync("facebook", Spec("facebook", SourceKind.AccountSearch, "Facebook"), null);

        Assert.All(run.Accounts, a => Assert.Equal(ProfileFields.Handle | ProfileFields.DisplayName | ProfileFields.Avatar, a.Carries));
        Assert.Equal("fbseattle", run.Accounts[1].Handle);
    }

    [Fact]
    public async Task Facebook_post_author_of_id_and_name_carries_only_the_name()
    {
        await using var facebook = await FacebookFake.StartAsync();
        facebook.AddPage(new FacebookFakePage("100064000000001", "Leigh-on-Sea Town Council", "LeighTownCouncil"));
        facebook.Post("100064000000001", "Bin collections move to Tuesday.");
        using var harness = new Harness(new()
        {
            ["Facebook:BaseUrl"] = facebook.GraphBase.ToString(),
            ["Facebook:PageAccessToken"] = facebook.PageAccessToken,
            ["Facebook:RecheckRecentPosts"] = "0",
        });

        var run = await harness.FetchAsync("facebook", Spec("facebook", SourceKind.OfficialTimeline, "100064000000001"), null);

        var author = Assert.Single(run.Accounts);
        Assert.Equal("Leigh-on-Sea Town Council", author.DisplayName);
        // Graph's `from` is {id, name}: the handle (from the link), about text and picture are unknown.
        Assert.Equal(ProfileFields.DisplayName, author.Carries);
    }

    [Fact]
    public void Bluesky_post_author_is_a_basic_profile_without_a_description()
    {
        // app.bsky.feed.defs#postView with its author as app.bsky.actor.defs#profileViewBasic.
        using var view = JsonDocument.Parse("""
            {"uri":"at://did:plc:abc/app.bsky.feed.post/3k2a","cid":"bafy","indexedAt":"2026-11-30T10:00:00.000Z",
             "author":{"did":"did:plc:abc","handle":"leightowncouncil.bsky.social","displayName":"Leigh Town Council","avatar":"https://cdn.bsky.app/img/avatar/plain/did:plc:abc/x@jpeg"},
             "record":{"$type":"app.bsky.feed.post","text":"Market on Saturday","createdAt":"2026-11-30T10:00:00.000Z"}}
            """);
        using var profile = JsonDocument.Parse("""
            {"did":"did:plc:abc","handle":"leightowncouncil.bsky.social","displayName":"Leigh Town Council","description":"News from the council"}
            """);

        var author = BlueskyConnector.MapPost(view.RootElement)!.Value.Author!;
        var full = BlueskyConnector.MapAccount(profile.RootElement)!;

        Assert.Equal(ProfileFields.Handle | ProfileFields.DisplayName | ProfileFields.Avatar, author.Carries);
        // A profileView leaves out an empty avatar: absent there means none, so it is carried.
        Assert.Equal(ProfileFields.All, full.Carries);
        Assert.Equal("News from the council", full.Bio);
    }

    [Fact]
    public void Mastodon_account_entity_sample_carries_the_whole_profile()
    {
        using var sample = JsonDocument.Parse(Samples.Load("mastodon/mastodon-entity-account.json"));

        var account = MastodonConnector.MapAccount(sample.RootElement)!;

        Assert.Equal(("23634", "noiob@awoo.space"), (account.PlatformId, account.Handle));
        Assert.Equal(ProfileFields.All, account.Carries);
    }

    [Fact]
    public async Task Rss_feed_account_carries_the_whole_profile()
    {
        await using var rss = await RssFake.StartAsync();
        rss.AddFeed("echo", "Echo News: Leigh", "https://echo.example/");
        rss.Publish("echo", "Pier reopens", "<p>Pier reopens</p>");
        using var harness = new Harness(new());

        var run = await harness.FetchAsync("rss", Spec("rss", SourceKind.NewsFeed, rss.RssUrl("echo").ToString()), null);

        var site = Assert.Single(run.Accounts);
        Assert.Equal(("echo.example", "Echo News: Leigh"), (site.PlatformId, site.DisplayName));
        Assert.Equal(ProfileFields.All, site.Carries);
    }
}
