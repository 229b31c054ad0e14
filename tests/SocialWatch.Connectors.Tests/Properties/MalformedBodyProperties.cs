using CsCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SocialWatch.Fakes;
using static SocialWatch.Connectors.Tests.FakeSources;

namespace SocialWatch.Connectors.Tests.Properties;

/// <summary>
/// Whatever a platform sends (valid, truncated, mutated, of the wrong shape, or not JSON at all), and
/// whatever is in a stored cursor, a connector either reads it or throws a ConnectorException: never
/// a NullReferenceException, InvalidOperationException or the like that would crash a poll.
/// </summary>
public sealed class MalformedBodyProperties(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const int Cases = 120;

    private const string MastodonSeed = """[{"id":"103","created_at":"2024-05-01T10:00:00.000Z","edited_at":null,"in_reply_to_id":"101","spoiler_text":"","content":"<p>Hi &amp; <br>bye</p>","url":"https://m.example/@a/103","account":{"id":"7","username":"a","acct":"a","display_name":"A","note":"<p>n</p>","avatar":"https://m.example/a.png","created_at":"2020-01-01T00:00:00.000Z"}},{"id":"102","created_at":"2024-04-30T10:00:00.000Z","content":"x","account":{"id":"7"}}]""";
    private const string NotificationSeed = """[{"id":"9","type":"mention","account":{"id":"7","acct":"a"},"status":{"id":"103","created_at":"2024-05-01T10:00:00.000Z","content":"<p>@c hi</p>","account":{"id":"7","acct":"a"}}}]""";
    private const string BlueskySeed = """{"cursor":"c1","feed":[{"post":{"uri":"at://did:plc:a/app.bsky.feed.post/3k","cid":"b","author":{"did":"did:plc:a","handle":"a.bsky.social","displayName":"A","avatar":"https://cdn/a.jpg","createdAt":"2023-01-01T00:00:00Z"},"record":{"$type":"app.bsky.feed.post","text":"hello","createdAt":"2024-05-01T10:00:00.000Z","reply":{"parent":{"uri":"at://did:plc:b/app.bsky.feed.post/1"}}},"indexedAt":"2024-05-01T10:00:01.000Z"}},{"post":{"uri":"at://x"},"reason":{"$type":"app.bsky.feed.defs#reasonRepost"}}]}""";
    private const string ActorsSeed = """{"actors":[{"did":"did:plc:a","handle":"a.bsky.social","displayName":"A","avatar":"https://cdn/a.jpg"}],"profiles":[{"did":"did:plc:a","handle":"a","followersCount":3,"createdAt":"2023-01-01T00:00:00Z"}]}""";
    private const string FacebookSeed = """{"data":[{"id":"1_2","message":"Hello","created_time":"2024-05-01T10:00:00+0000","from":{"id":"1","name":"Council","link":"https://www.facebook.com/council"},"comments":{"data":[{"id":"1_3","message":"c","created_time":"2024-05-01T11:00:00+0000","from":{"id":"9","name":"R"},"parent":{"id":"1_2"}}]}}],"paging":{"cursors":{"before":"b","after":"a"},"next":"https://graph.example/next"}}""";
    private const string RssSeed = """<?xml version="1.0"?><rss version="2.0"><channel><title>News &amp; more</title><link>https://n.example/</link><description>d</description><item><title>A</title><link>https://n.example/a</link><guid>a</guid><pubDate>Wed, 01 May 2024 10:00:00 GMT</pubDate><description>&lt;p&gt;x&lt;/p&gt;</description></item></channel></rss>""";
    private const string AtomSeed = """<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:x</id><updated>2024-05-01T10:00:00Z</updated><entry><title>A</title><id>urn:a</id><link href="https://n.example/a"/><updated>2024-05-01T10:00:00Z</updated><summary type="html">&lt;b&gt;x&lt;/b&gt;</summary></entry></feed>""";

    private static readonly string[] Weird = ["null", "[]", "{}", "\"\"", "\"x\"", "-1", "1e999", "true", "\"9999-99-99T99:99:99Z\"", "[null]", "{\"id\":null}", "\"\\u0000\""];

    private FakeServer _server = null!;
    private volatile string _body = "";
    private volatile string _contentType = "application/json";

    public async Task InitializeAsync() => _server = await FakeServer.StartAsync(app =>
        // "{**path}", not the default fallback pattern, which leaves out paths that look like file names
        // (feed.xml, xrpc/app.bsky.feed.getAuthorFeed): those got a 404, and every case was "refused".
        app.MapFallback("{**path}", (HttpContext http) => Results.Text(_body, _contentType)));

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    private Harness Harness() => new(new()
    {
        ["Resilience:MaxRetries"] = "0",
        ["Mastodon:BaseUrl"] = _server.BaseAddress.ToString(),
        ["Mastodon:AccessToken"] = "t",
        ["Mastodon:RecheckRecent"] = "0",
        ["Mastodon:MaxPagesPerPoll"] = "2",
        ["Bluesky:AppViewUrl"] = _server.BaseAddress.ToString(),
        ["Bluesky:PdsUrl"] = _server.BaseAddress.ToString(),
        ["Bluesky:MaxPagesPerPoll"] = "2",
        ["Facebook:BaseUrl"] = _server.BaseAddress + "v25.0",
        ["Facebook:PageAccessToken"] = "t",
        ["Facebook:MaxPagesPerPoll"] = "2",
    });

    /// <summary>Truncations, single-character changes, insertions, values swapped for ones of another
    /// type, and arbitrary strings.</summary>
    private static Gen<string> Mutations(string seed)
    {
        var colons = seed.Select((c, i) => (c, i)).Where(x => x.c is ':' or '>').Select(x => x.i).ToArray();
        return Gen.Frequency(
            (1, Gen.String),
            (2, Gen.Int[0, seed.Length].Select(i => seed[..i])),
            (2, Gen.Select(Gen.Int[0, seed.Length - 1], Gen.Char).Select((i, c) => seed[..i] + c + seed[(i + 1)..])),
            (2, Gen.Select(Gen.Int[0, seed.Length], Gen.String[0, 6]).Select((i, s) => seed[..i] + s + seed[i..])),
            (4, Gen.Select(Gen.Int[0, colons.Length - 1], Gen.OneOf(Weird)).Select((k, w) =>
            {
                var at = colons[k] + 1;
                var end = seed.IndexOfAny([',', '}', ']', '<'], at);
                return seed[..at] + w + seed[(end < 0 ? seed.Length : end)..];
            })));
    }

    /// <summary>Runs the connector on <see cref="Cases"/> mutations of the seed. The unchanged seed must
    /// be read (so a harness that fails every request cannot pass), and the mutations must produce
    /// both outcomes: a run where every case throws, or none does, tests nothing.</summary>
    private void Check(string platform, SourceKind kind, string target, string seed, string contentType = "application/json", string? cursor = null)
    {
        using var harness = Harness();
        var source = Spec(platform, kind, target);
        _body = seed;
        _contentType = contentType;
        Assert.Null(Refusal(harness, platform, source, cursor));

        var (read, refused) = (0, 0);
        Mutations(seed).Sample(body =>
        {
            _body = body;
            if (Fetch(harness, platform, source, cursor))
            {
                read++;
            }
            else
            {
                refused++;
            }
        }, iter: Cases, threads: 1);
        AssertBothOutcomes(read, refused);
    }

    /// <summary>True when the connector read the answer, false when it refused it with a
    /// ConnectorException (the one failure a connector may report); anything else fails the test.</summary>
    private static bool Fetch(Harness harness, string platform, SourceSpec source, string? cursor) =>
        Refusal(harness, platform, source, cursor) is null;

    /// <summary>The ConnectorException's message when the connector refused the answer, else null.</summary>
    private static string? Refusal(Harness harness, string platform, SourceSpec source, string? cursor)
    {
        try
        {
            harness.FetchAsync(platform, source, cursor).GetAwaiter().GetResult();
            return null;
        }
        catch (ConnectorException e)
        {
            return e.Message;
        }
    }

    private void AssertBothOutcomes(int read, int refused)
    {
        output.WriteLine($"{read} read, {refused} refused with a ConnectorException");
        Assert.Equal(Cases, read + refused);
        // Observed shares are far above these floors (see the output); a generator or harness change that
        // makes every case fail, or every case pass, is caught.
        Assert.True(read >= Cases / 20, $"only {read} of {Cases} cases were read");
        Assert.True(refused >= Cases / 20, $"only {refused} of {Cases} cases were refused");
    }

    [Fact]
    public void Mastodon_timeline() => Check("mastodon", SourceKind.OfficialTimeline, "1", MastodonSeed);

    [Fact]
    public void Mastodon_mentions() => Check("mastodon", SourceKind.Mentions, "c", NotificationSeed);

    [Fact]
    public void Mastodon_search() => Check("mastodon", SourceKind.Search, "x", "{\"statuses\":" + MastodonSeed + ",\"accounts\":[]}");

    [Fact]
    public void Bluesky_author_feed() => Check("bluesky", SourceKind.OfficialTimeline, "did:plc:a", BlueskySeed);

    [Fact]
    public void Bluesky_account_sweep() => Check("bluesky", SourceKind.AccountSearch, "a", ActorsSeed);

    [Fact]
    public void Facebook_page_posts() => Check("facebook", SourceKind.OfficialTimeline, "1", FacebookSeed);

    [Fact]
    public void Facebook_page_search() => Check("facebook", SourceKind.AccountSearch, "x", FacebookSeed);

    [Fact]
    public void Rss_feed() => Check("rss", SourceKind.NewsFeed, _server.BaseAddress + "feed.xml", RssSeed, "application/rss+xml");

    [Fact]
    public void Atom_feed() => Check("rss", SourceKind.NewsFeed, _server.BaseAddress + "atom.xml", AtomSeed, "application/atom+xml");

    /// <summary>A stored cursor is data from our own database, but a corrupted or hand-edited one must
    /// still fail cleanly.</summary>
    [Theory]
    [InlineData("mastodon", SourceKind.OfficialTimeline, """{"AccountId":"1","SinceId":"100","PendingNewestId":null,"MaxId":null,"Recent":[{"Id":"99","EditedAt":null}]}""")]
    [InlineData("bluesky", SourceKind.OfficialTimeline, """{"Done":{"Time":"2024-05-01T10:00:00+00:00","IdsAtTime":["at://a"]},"Pending":null,"PageCursor":"c"}""")]
    [InlineData("facebook", SourceKind.OfficialTimeline, """{"Done":{"Time":"2024-05-01T10:00:00+00:00","IdsAtTime":["1_2"]},"After":"a","Recent":[{"Id":"1_2","Comments":null}]}""")]
    [InlineData("rss", SourceKind.NewsFeed, """{"Seen":["a","b"],"ETag":"\"x\"","LastModified":"Wed, 01 May 2024 10:00:00 GMT"}""")]
    public void Stored_cursors(string platform, SourceKind kind, string cursorSeed)
    {
        using var harness = Harness();
        var target = platform == "rss" ? _server.BaseAddress + "feed.xml" : "1";
        var source = Spec(platform, kind, target);
        _body = platform switch { "mastodon" => MastodonSeed, "bluesky" => BlueskySeed, "facebook" => FacebookSeed, _ => RssSeed };
        _contentType = platform == "rss" ? "application/rss+xml" : "application/json";
        Assert.Null(Refusal(harness, platform, source, cursorSeed));
        var (read, refused) = (0, 0);
        Mutations(cursorSeed).Sample(cursor =>
        {
            if (Fetch(harness, platform, source, cursor))
            {
                read++;
            }
            else
            {
                refused++;
            }
        }, iter: Cases, threads: 1);
        AssertBothOutcomes(read, refused);
    }
}
