using SocialWatch.Fakes;
using SocialWatch.Fakes.Rss;
using static SocialWatch.Connectors.Tests.FakeSources;

namespace SocialWatch.Connectors.Tests.Rss;

public sealed class RssConnectorTests : IAsyncLifetime
{
    private RssFake _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await RssFake.StartAsync();
        _fake.AddFeed("echo", "Leigh Echo — Local News");
    }

    public Task DisposeAsync() => _fake.DisposeAsync().AsTask();

    private static Harness Harness(int remembered = 500) => new(new() { ["Rss:RememberedItems"] = remembered.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task New_articles_only_and_an_unchanged_feed_costs_a_304(bool atom)
    {
        var first = _fake.Publish("echo", "Council approves budget", "<p>The <b>council</b> voted &amp; approved.</p>", DateTimeOffset.UtcNow.AddHours(-2));
        _fake.Publish("echo", "Fete this weekend", "Bring cake", DateTimeOffset.UtcNow.AddHours(-1));
        var url = (atom ? _fake.AtomUrl("echo") : _fake.RssUrl("echo")).ToString();
        using var harness = Harness();
        var source = Spec("rss", SourceKind.NewsFeed, url);

        var run = await harness.FetchAsync("rss", source, null);
        Assert.Equal(["Council approves budget\n\nThe council voted & approved.", "Fete this weekend\n\nBring cake"], run.Posts.Select(p => p.Text));
        var post = run.Posts[0];
        Assert.Equal(first.ItemId, post.PlatformId);
        Assert.Equal(first.Link, post.Url);
        Assert.Equal(first.Published, post.CreatedAt);
        Assert.Equal("127.0.0.1", post.AuthorPlatformId);
        var site = Assert.Single(run.Accounts);
        Assert.Equal(("127.0.0.1", "127.0.0.1", "Leigh Echo — Local News"), (site.PlatformId, site.Handle, site.DisplayName));
        Assert.Contains("\"title\":\"Council approves budget\"", post.RawJson, StringComparison.Ordinal);

        var unchanged = await harness.FetchAsync("rss", source, run.Cursor);
        Assert.Empty(Assert.Single(unchanged.Pages).Posts);
        Assert.Equal(run.Cursor, unchanged.Cursor);
        Assert.Equal(1, _fake.NotModifiedCount);

        var newer = _fake.Publish("echo", "Road closed", "Elm Road " + OddText.Sample);
        var next = await harness.FetchAsync("rss", source, unchanged.Cursor);
        var only = Assert.Single(next.Posts);
        Assert.Equal(newer.ItemId, only.PlatformId);
        Assert.Equal("Road closed\n\nElm Road " + OddText.Sample, only.Text);
    }

    [Fact]
    public async Task First_run_reaches_back_only_as_far_as_the_backfill_and_the_cursor_stays_bounded()
    {
        _fake.Publish("echo", "Old", "old", DateTimeOffset.UtcNow.AddDays(-30));
        for (var i = 0; i < 30; i++)
        {
            _fake.Publish("echo", $"Recent {i}", "r", DateTimeOffset.UtcNow.AddHours(-i));
        }
        using var harness = Harness(remembered: 10);
        var source = Spec("rss", SourceKind.NewsFeed, _fake.RssUrl("echo").ToString(), backfillDays: 7);
        var run = await harness.FetchAsync("rss", source, null);
        Assert.Equal(30, run.Posts.Count);
        Assert.DoesNotContain(run.Posts, p => p.Text.StartsWith("Old", StringComparison.Ordinal));
        // Everything still in the feed is remembered even past the bound, or it would come back as new.
        Assert.Equal(31, System.Text.Json.JsonDocument.Parse(run.Cursor!).RootElement.GetProperty("Seen").GetArrayLength());
        _fake.Publish("echo", "Newest", "n");
        var next = await harness.FetchAsync("rss", source, run.Cursor);
        Assert.Equal(["Newest\n\nn"], next.Posts.Select(p => p.Text));
    }

    [Fact]
    public async Task An_html_page_instead_of_a_feed_is_a_bad_response()
    {
        _fake.ServeRaw("moved", "<!DOCTYPE html><html><body>We have moved</body></html>", "text/html");
        using var harness = Harness();
        var e = await Assert.ThrowsAsync<ConnectorException>(() => harness.FetchAsync("rss", Spec("rss", SourceKind.NewsFeed, _fake.RawUrl("moved").ToString()), null));
        Assert.Equal(ConnectorFailure.BadResponse, e.Failure);
        Assert.Contains("HTML page", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""<?xml version="1.0"?><rss version="2.0"><channel><title>Cut""")]
    [InlineData("""<?xml version="1.0"?><notafeed/>""")]
    [InlineData("""not xml at all""")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&x;</title></channel></rss>""")]
    public async Task Broken_xml_is_a_bad_response(string body)
    {
        _fake.ServeRaw("broken", body, "application/rss+xml");
        using var harness = Harness();
        var e = await Assert.ThrowsAsync<ConnectorException>(() => harness.FetchAsync("rss", Spec("rss", SourceKind.NewsFeed, _fake.RawUrl("broken").ToString()), null));
        Assert.Equal(ConnectorFailure.BadResponse, e.Failure);
    }

    [Fact]
    public async Task Odd_dates_do_not_lose_the_article()
    {
        _fake.ServeRaw("dates", """
            <?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://n.example/</link><description>d</description>
            <item><title>Single digit day</title><guid>a</guid><pubDate>Wed, 7 Jun 2023 10:00:00 GMT</pubDate></item>
            <item><title>Nonsense date</title><guid>b</guid><pubDate>yesterday-ish</pubDate></item>
            </channel></rss>
            """, "application/rss+xml");
        using var harness = Harness();
        var run = await harness.FetchAsync("rss", Spec("rss", SourceKind.NewsFeed, _fake.RawUrl("dates").ToString()), null);
        Assert.Equal(2, run.Posts.Count);
        Assert.Contains(run.Posts, p => p.CreatedAt == new DateTimeOffset(2023, 6, 7, 10, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Server_errors_are_retried_and_a_missing_feed_is_misconfigured()
    {
        _fake.Publish("echo", "A", "a");
        using var harness = Harness();
        _fake.Server.Inject(new Fault.Status(503));
        Assert.Single((await harness.FetchAsync("rss", Spec("rss", SourceKind.NewsFeed, _fake.RssUrl("echo").ToString()), null)).Posts);
        var e = await Assert.ThrowsAsync<ConnectorException>(() => harness.FetchAsync("rss", Spec("rss", SourceKind.NewsFeed, _fake.RssUrl("nope").ToString()), null));
        Assert.Equal(ConnectorFailure.Misconfigured, e.Failure);
    }

    [Fact]
    public async Task The_author_is_the_news_site_the_feed_names_not_the_host_serving_the_feed()
    {
        _fake.AddFeed("moved", "Echo News", "https://www.echo-news.co.uk/");
        _fake.Publish("moved", "Council approves budget", "<p>Details</p>");
        using var harness = Harness();
        var run = await harness.FetchAsync("rss", Spec("rss", SourceKind.NewsFeed, _fake.RssUrl("moved").ToString()), null);
        var site = Assert.Single(run.Pages.SelectMany(p => p.Accounts));
        Assert.Equal(("www.echo-news.co.uk", "Echo News"), (site.PlatformId, site.DisplayName));
        Assert.All(run.Pages.SelectMany(p => p.Posts), p => Assert.Equal("www.echo-news.co.uk", p.AuthorPlatformId));
    }
}
