using SocialWatch.Connectors.Bluesky;
using SocialWatch.Fakes;
using SocialWatch.Fakes.Bluesky;
using static SocialWatch.Connectors.Tests.FakeSources;

namespace SocialWatch.Connectors.Tests.Bluesky;

public sealed class BlueskyConnectorTests : IAsyncLifetime
{
    private const string Council = "did:plc:leightowncouncil";
    private const string Resident = "did:plc:resident";
    private BlueskyFake _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await BlueskyFake.StartAsync();
        _fake.AddActor(new BlueskyFakeActor(Council, "leightowncouncil.bsky.social", "Leigh Town Council", "Official", "https://cdn.bsky.app/img/avatar/plain/council.jpg", 1200));
        _fake.AddActor(new BlueskyFakeActor(Resident, "resident.bsky.social", "A Resident"));
        _fake.AddActor(new BlueskyFakeActor("did:plc:fake", "leigh-town-council.bsky.social", "Leigh Town Counci1", "Totally official", "https://cdn.bsky.app/img/avatar/plain/fake.jpg"));
    }

    public Task DisposeAsync() => _fake.DisposeAsync().AsTask();

    private Harness Harness(string? password = "abcd-efgh-ijkl-mnop", int pageSize = 50) => new(new()
    {
        ["Bluesky:AppViewUrl"] = _fake.Server.BaseAddress.ToString(),
        ["Bluesky:PdsUrl"] = _fake.Server.BaseAddress.ToString(),
        ["Bluesky:Handle"] = _fake.Handle,
        ["Bluesky:AppPassword"] = password,
        ["Bluesky:PageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Bluesky:MaxPagesPerPoll"] = "100",
    });

    [Fact]
    public async Task Author_feed_pages_to_the_end_then_the_stored_cursor_returns_only_newer_posts()
    {
        var start = DateTimeOffset.UtcNow.AddHours(-5);
        for (var i = 0; i < 120; i++)
        {
            _fake.Post(Council, $"Notice {i}", start.AddSeconds(i));
        }
        using var harness = Harness();
        var source = Spec("bluesky", SourceKind.OfficialTimeline, "leightowncouncil.bsky.social");
        var first = await harness.FetchAsync("bluesky", source, null);
        Assert.Equal(3, first.Pages.Count);
        Assert.Equal(120, first.Posts.Select(p => p.PlatformId).Distinct().Count());
        Assert.All(first.Posts, p => Assert.StartsWith("at://" + Council + "/app.bsky.feed.post/", p.PlatformId, StringComparison.Ordinal));
        Assert.Contains(first.Accounts, a => a.PlatformId == Council && a.Handle == "leightowncouncil.bsky.social");

        var newer = _fake.Post(Council, "Newer");
        var second = await harness.FetchAsync("bluesky", source, first.Cursor);
        Assert.Equal([newer.Uri], second.Posts.Select(p => p.PlatformId));
        Assert.Empty((await harness.FetchAsync("bluesky", source, second.Cursor)).Posts);
    }

    [Fact]
    public async Task A_poll_resumed_from_a_mid_paging_cursor_reads_the_rest_and_nothing_twice()
    {
        var start = DateTimeOffset.UtcNow.AddHours(-2);
        var all = Enumerable.Range(0, 90).Select(i => _fake.Post(Council, $"Post {i}", start.AddSeconds(i)).Uri).ToList();
        using var harness = Harness(pageSize: 20);
        var source = Spec("bluesky", SourceKind.StaffAccount, Council);
        var partial = await harness.FetchAsync("bluesky", source, null, stopAfterPages: 2);
        var late = _fake.Post(Council, "Published mid-poll").Uri;
        var rest = await harness.FetchAsync("bluesky", source, partial.Cursor);
        var next = await harness.FetchAsync("bluesky", source, rest.Cursor);
        var seen = partial.Posts.Concat(rest.Posts).Concat(next.Posts).Select(p => p.PlatformId).ToList();
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(all.Append(late).Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Posts_with_the_same_time_are_neither_lost_nor_read_twice()
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(-3);
        _fake.Post(Council, "Same second A", at);
        using var harness = Harness(pageSize: 2);
        var source = Spec("bluesky", SourceKind.OfficialTimeline, Council);
        var first = await harness.FetchAsync("bluesky", source, null);
        _fake.Post(Council, "Same second B", at);
        _fake.Post(Council, "Same second C", at);
        var second = await harness.FetchAsync("bluesky", source, first.Cursor);
        Assert.Equal(["Same second B", "Same second C"], second.Posts.Select(p => p.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Post_urls_replies_and_odd_unicode()
    {
        var parent = _fake.Post(Resident, "Question for the council");
        var reply = _fake.Post(Council, OddText.Sample, replyParentUri: parent.Uri);
        using var harness = Harness();
        var run = await harness.FetchAsync("bluesky", Spec("bluesky", SourceKind.OfficialTimeline, Council, backfillDays: 2), null);
        var post = Assert.Single(run.Posts);
        Assert.Equal(OddText.Sample, post.Text);
        Assert.Equal(parent.Uri, post.InReplyTo);
        Assert.Equal($"https://bsky.app/profile/leightowncouncil.bsky.social/post/{reply.Uri.Split('/')[^1]}", post.Url);
        Assert.Contains("\"record\"", post.RawJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task First_run_reaches_back_only_as_far_as_the_backfill()
    {
        _fake.Post(Council, "Old", DateTimeOffset.UtcNow.AddDays(-30));
        var recent = _fake.Post(Council, "Recent", DateTimeOffset.UtcNow.AddDays(-1));
        using var harness = Harness();
        var run = await harness.FetchAsync("bluesky", Spec("bluesky", SourceKind.OfficialTimeline, Council, backfillDays: 7), null);
        Assert.Equal([recent.Uri], run.Posts.Select(p => p.PlatformId));
    }

    [Fact]
    public async Task Search_signs_in_once_reuses_the_session_and_refreshes_an_expired_token()
    {
        _fake.Post(Resident, "Leigh Town Council fixed the bench");
        using var harness = Harness();
        var source = Spec("bluesky", SourceKind.Search, "Leigh Town Council");
        var first = await harness.FetchAsync("bluesky", source, null);
        Assert.Single(first.Posts);
        Assert.Contains(first.Accounts, a => a.PlatformId == Resident);

        var second = _fake.Post(Resident, "Leigh Town Council again");
        var run2 = await harness.FetchAsync("bluesky", source, first.Cursor);
        Assert.Equal([second.Uri], run2.Posts.Select(p => p.PlatformId));
        Assert.Equal(1, _fake.CreateSessionCalls);

        _fake.ExpireAccessTokens();
        var third = _fake.Post(Resident, "Leigh Town Council once more");
        var run3 = await harness.FetchAsync("bluesky", source, run2.Cursor);
        Assert.Equal([third.Uri], run3.Posts.Select(p => p.PlatformId));
        Assert.Equal(1, _fake.CreateSessionCalls);
        Assert.Equal(1, _fake.RefreshSessionCalls);
    }

    [Fact]
    public async Task Mentions_are_a_search_for_the_handle()
    {
        var mention = _fake.Post(Resident, "@leightowncouncil.bsky.social pothole on Church St");
        _fake.Post(Resident, "leightowncouncil.bsky.social without the at sign");
        using var harness = Harness();
        var run = await harness.FetchAsync("bluesky", Spec("bluesky", SourceKind.Mentions, "leightowncouncil.bsky.social"), null);
        Assert.Equal([mention.Uri], run.Posts.Select(p => p.PlatformId));
    }

    [Fact]
    public async Task A_wrong_app_password_is_unauthorised_and_never_quoted()
    {
        using var harness = Harness(password: "wrong-password-123");
        var e = await Assert.ThrowsAsync<ConnectorException>(() => harness.FetchAsync("bluesky", Spec("bluesky", SourceKind.Search, "Leigh"), null));
        Assert.Equal(ConnectorFailure.Unauthorized, e.Failure);
        Assert.Contains("Bluesky__AppPassword", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password-123", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Account_search_returns_profiles_with_created_date_and_avatar()
    {
        using var harness = Harness();
        var run = await harness.FetchAsync("bluesky", Spec("bluesky", SourceKind.AccountSearch, "leigh"), null);
        Assert.Empty(run.Posts);
        var fake = Assert.Single(run.Accounts, a => a.PlatformId == "did:plc:fake");
        Assert.Equal("Leigh Town Counci1", fake.DisplayName);
        Assert.Equal("https://cdn.bsky.app/img/avatar/plain/fake.jpg", fake.AvatarUrl);
        Assert.Equal("Totally official", fake.Bio);
        Assert.NotNull(fake.CreatedAt);
        Assert.Contains("followersCount", fake.RawJson, StringComparison.Ordinal);
        Assert.Contains(_fake.Server.Requests, r => r.StartsWith("/xrpc/app.bsky.actor.getProfiles", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rate_limits_and_server_errors()
    {
        _fake.Post(Council, "Hello");
        using var harness = Harness();
        var source = Spec("bluesky", SourceKind.OfficialTimeline, Council);
        _fake.Server.Inject(new Fault.Status(502, """{"error":"UpstreamFailure","message":"Upstream Failure"}"""), new Fault.RateLimited(TimeSpan.FromMilliseconds(200)));
        Assert.Single((await harness.FetchAsync("bluesky", source, null)).Posts);

        _fake.Server.Inject(Enumerable.Repeat<Fault>(new Fault.RateLimited(TimeSpan.FromMinutes(10), """{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}"""), 3).ToArray());
        var e = await Assert.ThrowsAsync<ConnectorException>(() => harness.FetchAsync("bluesky", source, null));
        Assert.Equal(ConnectorFailure.RateLimited, e.Failure);
        Assert.NotNull(e.RetryAfter);
    }

    [Theory]
    [InlineData("""{"feed":[{"post":{"uri":"at://x""")]
    [InlineData("""<html>403 Forbidden</html>""")]
    [InlineData("""{"feed":{"oops":1}}""")]
    public async Task Malformed_or_truncated_bodies_are_bad_responses(string body)
    {
        using var harness = Harness();
        _fake.Server.Inject(new Fault.Malformed(body));
        var e = await Assert.ThrowsAsync<ConnectorException>(() => harness.FetchAsync("bluesky", Spec("bluesky", SourceKind.OfficialTimeline, Council), null));
        Assert.Equal(ConnectorFailure.BadResponse, e.Failure);
    }

    [Fact]
    public async Task An_empty_feed_gives_one_empty_page()
    {
        using var harness = Harness();
        var run = await harness.FetchAsync("bluesky", Spec("bluesky", SourceKind.OfficialTimeline, Resident), null);
        Assert.Empty(Assert.Single(run.Pages).Posts);
    }

    [Fact]
    public void Jwt_expiry_is_read_from_the_exp_claim()
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_900_000_000),
            BlueskyClient.JwtExpiry("eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjE5MDAwMDAwMDB9.c2ln"));
        Assert.Null(BlueskyClient.JwtExpiry("not-a-jwt"));
        Assert.Null(BlueskyClient.JwtExpiry("a.!!!.c"));
    }
}
