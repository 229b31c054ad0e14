using SocialWatch.Fakes;
using SocialWatch.Fakes.Facebook;
using static SocialWatch.Connectors.Tests.FakeSources;

namespace SocialWatch.Connectors.Tests.Facebook;

public sealed class FacebookConnectorTests : IAsyncLifetime
{
    private const string Page = "1234567890";
    private FacebookFake _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await FacebookFake.StartAsync();
        _fake.AddPage(new FacebookFakePage(Page, "Leigh Town Council", "leightowncouncil"));
        _fake.AddPage(new FacebookFakePage("555", "Leigh Town Counci1 Official", "leighfake"));
    }

    public Task DisposeAsync() => _fake.DisposeAsync().AsTask();

    private Harness Harness(string token = "test-page-token", int pageSize = 25, int recheck = 10, int comments = 50) => new(new()
    {
        ["Facebook:BaseUrl"] = _fake.GraphBase.ToString(),
        ["Facebook:PageAccessToken"] = token,
        ["Facebook:PageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Facebook:RecheckRecentPosts"] = recheck.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Facebook:CommentsPerPost"] = comments.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Facebook:MaxPagesPerPoll"] = "100",
        ["Facebook:RateLimitBackoff"] = "00:20:00",
    });

    private static SourceSpec Timeline(int backfill = 0) => Spec("facebook", SourceKind.OfficialTimeline, Page, backfill);

    [Fact]
    public async Task Page_posts_and_their_comments_page_to_the_end_then_only_newer_ones_come()
    {
        var start = DateTimeOffset.UtcNow.AddHours(-3);
        var posts = Enumerable.Range(0, 60).Select(i => _fake.Post(Page, $"Notice {i}", start.AddMinutes(i))).ToList();
        var comment = _fake.Comment(posts[5].Id, Page, "Thanks for asking", start.AddMinutes(70));
        using var harness = Harness(recheck: 0);

        var first = await harness.FetchAsync("facebook", Timeline(), null);
        Assert.Equal(3, first.Pages.Count);
        Assert.Equal(61, first.Posts.Select(p => p.PlatformId).Distinct().Count());
        var mapped = Assert.Single(first.Posts, p => p.PlatformId == comment.Id);
        Assert.Equal(posts[5].Id, mapped.InReplyTo);
        Assert.All(first.Posts, p => Assert.Contains(first.Accounts, a => a.PlatformId == p.AuthorPlatformId));
        Assert.Contains(first.Accounts, a => a.PlatformId == Page && a.DisplayName == "Leigh Town Council");

        var newer = _fake.Post(Page, "Newer");
        var second = await harness.FetchAsync("facebook", Timeline(), first.Cursor);
        Assert.Equal([newer.Id], second.Posts.Select(p => p.PlatformId));
        Assert.DoesNotContain(_fake.Server.Requests, r => r.Contains("access_token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_poll_resumed_from_a_mid_paging_cursor_reads_the_rest_and_nothing_twice()
    {
        var start = DateTimeOffset.UtcNow.AddHours(-3);
        var all = Enumerable.Range(0, 70).Select(i => _fake.Post(Page, $"Post {i}", start.AddMinutes(i)).Id).ToList();
        using var harness = Harness(pageSize: 20, recheck: 0);
        var partial = await harness.FetchAsync("facebook", Timeline(), null, stopAfterPages: 2);
        var late = _fake.Post(Page, "Published mid-poll").Id;
        var rest = await harness.FetchAsync("facebook", Timeline(), partial.Cursor);
        var next = await harness.FetchAsync("facebook", Timeline(), rest.Cursor);
        var seen = partial.Posts.Concat(rest.Posts).Concat(next.Posts).Select(p => p.PlatformId).ToList();
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(all.Append(late).Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_refused_paging_cursor_restarts_the_run_without_storing_anything_twice()
    {
        var start = DateTimeOffset.UtcNow.AddHours(-3);
        var all = Enumerable.Range(0, 70).Select(i => _fake.Post(Page, $"Post {i}", start.AddMinutes(i)).Id).ToList();
        using var harness = Harness(pageSize: 20, recheck: 0);
        var partial = await harness.FetchAsync("facebook", Timeline(), null, stopAfterPages: 2);
        var late = _fake.Post(Page, "Published while the cursor aged").Id;
        _fake.CursorsToRefuse = 1;
        var rest = await harness.FetchAsync("facebook", Timeline(), partial.Cursor);
        var next = await harness.FetchAsync("facebook", Timeline(), rest.Cursor);
        var seen = partial.Posts.Concat(rest.Posts).Concat(next.Posts).Select(p => p.PlatformId).ToList();
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(all.Append(late).Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.Empty(next.Posts);
    }

    [Fact]
    public async Task New_comments_on_recent_posts_and_deleted_posts_are_picked_up()
    {
        var keep = _fake.Post(Page, "Road closure on Monday", DateTimeOffset.UtcNow.AddMinutes(-30));
        var gone = _fake.Post(Page, "Posted by mistake", DateTimeOffset.UtcNow.AddMinutes(-20));
        using var harness = Harness();
        var first = await harness.FetchAsync("facebook", Timeline(), null);
        Assert.Equal(2, first.Posts.Count);

        var late = _fake.Comment(keep.Id, "777", "Which road? " + OddText.Sample);
        _fake.Delete(gone.Id);
        var second = await harness.FetchAsync("facebook", Timeline(), first.Cursor);
        var comment = Assert.Single(second.Posts);
        Assert.Equal(late.Id, comment.PlatformId);
        Assert.Equal(keep.Id, comment.InReplyTo);
        Assert.Equal("Which road? " + OddText.Sample, comment.Text);
        Assert.Equal([gone.Id], second.Deleted);

        var third = await harness.FetchAsync("facebook", Timeline(), second.Cursor);
        Assert.Empty(third.Posts);
        Assert.Empty(third.Deleted);
    }

    [Fact]
    public async Task Posts_tagging_the_page_are_mentions_and_hidden_authors_are_marked()
    {
        var tagged = _fake.Post("999", "Great work by Leigh Town Council today", taggedPageId: Page);
        _fake.Post(Page, "Our own post");
        using var harness = Harness();
        var run = await harness.FetchAsync("facebook", Spec("facebook", SourceKind.Mentions, Page), null);
        var post = Assert.Single(run.Posts);
        Assert.Equal(tagged.Id, post.PlatformId);
        Assert.Equal("unknown", post.AuthorPlatformId);
    }

    [Fact]
    public async Task High_usage_stops_paging_after_the_page_and_sets_a_retry_time()
    {
        var start = DateTimeOffset.UtcNow.AddHours(-3);
        for (var i = 0; i < 30; i++)
        {
            _fake.Post(Page, $"Post {i}", start.AddMinutes(i));
        }
        _fake.AppUsagePercent = 93;
        using var harness = Harness(pageSize: 10, recheck: 0);
        var pages = new List<FetchedPage>();
        var e = await Assert.ThrowsAsync<ConnectorException>(async () =>
        {
            await foreach (var page in harness.Connector("facebook").FetchAsync(Timeline(), null, CancellationToken.None))
            {
                pages.Add(page);
            }
        });
        Assert.Equal(ConnectorFailure.RateLimited, e.Failure);
        Assert.Contains("93%", e.Message, StringComparison.Ordinal);
        Assert.InRange(e.RetryAfter!.Value, DateTimeOffset.UtcNow.AddMinutes(19), DateTimeOffset.UtcNow.AddMinutes(21));
        // The page read before stopping is handed over with its cursor, so nothing is read twice.
        var first = Assert.Single(pages);
        Assert.Equal(10, first.Posts.Count);

        _fake.AppUsagePercent = 10;
        var rest = await harness.FetchAsync("facebook", Timeline(), first.Cursor);
        Assert.Equal(20, rest.Posts.Count);
        Assert.Empty(rest.Posts.IntersectBy(first.Posts.Select(p => p.PlatformId), p => p.PlatformId));
    }

    [Fact]
    public async Task Business_use_case_usage_gives_the_time_to_regain_access()
    {
        _fake.Post(Page, "Hello");
        _fake.PageUsage = (95, 42);
        using var harness = Harness(recheck: 0);
        var e = await Assert.ThrowsAsync<ConnectorException>(() => harness.FetchAsync("facebook", Timeline(), null));
        Assert.Equal(ConnectorFailure.RateLimited, e.Failure);
        Assert.InRange(e.RetryAfter!.Value, DateTimeOffset.UtcNow.AddMinutes(41), DateTimeOffset.UtcNow.AddMinutes(43));
    }

    [Theory]
    [InlineData("facebook/facebook-error-32-page-request-limit.json", 400)]
    [InlineData("facebook/facebook-error-80001-buc-page-rate-limit.json", 400)]
    [InlineData(null, 403)]
    public async Task Throttle_error_codes_are_rate_limits(string? sample, int status)
    {
        var body = sample is null
            ? """{"error":{"message":"(#4) Application request limit reached","type":"OAuthException","is_transient":true,"code":4,"fbtrace_id":"x"}}"""
            : File.ReadAllText(Samples.Path(sample));
        _fake.Server.Inject(new Fault.Status(status, body));
        using var harness = Harness(recheck: 0);
        var e = await Assert.ThrowsAsync<ConnectorException>(() => harness.FetchAsync("facebook", Timeline(), null));
        Assert.Equal(ConnectorFailure.RateLimited, e.Failure);
        Assert.NotNull(e.RetryAfter);
    }

    [Theory]
    [InlineData(17)]
    [InlineData(613)]
    public async Task User_and_custom_limits_are_rate_limits_too(int code)
    {
        _fake.Server.Inject(new Fault.Status(400, $$$"""{"error":{"message":"(#{{{code}}}) limit","type":"OAuthException","code":{{{code}}}}}"""));
        using var harness = Harness(recheck: 0);
        var e = await Assert.ThrowsAsync<ConnectorException>(() => harness.FetchAsync("facebook", Timeline(), null));
        Assert.Equal(ConnectorFailure.RateLimited, e.Failure);
    }

    [Fact]
    public async Task An_expired_token_is_unauthorised_with_the_setting_named()
    {
        using var harness = Harness(token: "expired-secret-token");
        var e = await Assert.ThrowsAsync<ConnectorException>(() => harness.FetchAsync("facebook", Timeline(), null));
        Assert.Equal(ConnectorFailure.Unauthorized, e.Failure);
        Assert.Contains("expired", e.Message, StringComparison.Ordinal);
        Assert.Contains("Facebook__PageAccessToken", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("expired-secret-token", e.Message, StringComparison.Ordinal);
        Assert.Single(_fake.Server.Requests);
    }

    [Fact]
    public async Task The_generic_error_sample_is_an_invalidated_token()
    {
        _fake.Server.Inject(new Fault.Status(400, File.ReadAllText(Samples.Path("facebook/facebook-error-generic.json"))));
        using var harness = Harness(recheck: 0);
        var e = await Assert.ThrowsAsync<ConnectorException>(() => harness.FetchAsync("facebook", Timeline(), null));
        Assert.Equal(ConnectorFailure.Unauthorized, e.Failure);
        Assert.Contains("subcode 460", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keyword_search_is_refused_as_misconfigured()
    {
        using var harness = Harness();
        var e = await Assert.ThrowsAsync<ConnectorException>(() => harness.FetchAsync("facebook", Spec("facebook", SourceKind.Search, "Leigh"), null));
        Assert.Equal(ConnectorFailure.Misconfigured, e.Failure);
        Assert.Empty(_fake.Server.Requests);
    }

    [Fact]
    public async Task Page_search_returns_pages_with_a_picture_url()
    {
        using var harness = Harness();
        var run = await harness.FetchAsync("facebook", Spec("facebook", SourceKind.AccountSearch, "Leigh Town"), null);
        Assert.Empty(run.Posts);
        var fake = Assert.Single(run.Accounts, a => a.PlatformId == "555");
        Assert.Equal("leighfake", fake.Handle);
        Assert.Equal(_fake.GraphBase + "/555/picture?type=large", fake.AvatarUrl);
    }

    [Fact]
    public async Task Server_errors_are_retried_and_bad_bodies_are_bad_responses()
    {
        _fake.Post(Page, "Hello");
        using var harness = Harness(recheck: 0);
        _fake.Server.Inject(new Fault.Status(500, """{"error":{"message":"An unknown error occurred","type":"OAuthException","code":1}}"""));
        Assert.Single((await harness.FetchAsync("facebook", Timeline(), null)).Posts);

        _fake.Server.Inject(new Fault.Malformed("""{"data":[{"id":"1_2","message":"tru"""));
        var e = await Assert.ThrowsAsync<ConnectorException>(() => harness.FetchAsync("facebook", Timeline(), null));
        Assert.Equal(ConnectorFailure.BadResponse, e.Failure);
    }

    [Fact]
    public async Task A_body_over_the_size_cap_is_refused_not_buffered()
    {
        using var harness = new Harness(new()
        {
            ["Facebook:BaseUrl"] = _fake.GraphBase.ToString(),
            ["Facebook:PageAccessToken"] = _fake.PageAccessToken,
            ["Resilience:MaxResponseBytes"] = "1048576",
        });
        _fake.Server.Inject(new Fault.HugeBody(8L * 1024 * 1024));
        var e = await Assert.ThrowsAsync<ConnectorException>(() => harness.FetchAsync("facebook", Timeline(), null));
        Assert.Equal(ConnectorFailure.BadResponse, e.Failure);
        Assert.Contains("larger than the configured limit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hundreds_of_posts_and_an_empty_page()
    {
        using var harness = Harness(pageSize: 100, recheck: 0, comments: 0);
        var empty = await harness.FetchAsync("facebook", Timeline(), null);
        Assert.Empty(Assert.Single(empty.Pages).Posts);

        var start = DateTimeOffset.UtcNow.AddDays(-2);
        for (var i = 0; i < 450; i++)
        {
            _fake.Post(Page, $"Bulk {i}", start.AddMinutes(i));
        }
        var run = await harness.FetchAsync("facebook", Timeline(), empty.Cursor);
        Assert.Equal(450, run.Posts.Select(p => p.PlatformId).Distinct().Count());
        Assert.Equal(450, run.Posts.Count);
    }

    [Fact]
    public async Task First_run_reaches_back_only_as_far_as_the_backfill()
    {
        _fake.Post(Page, "Old", DateTimeOffset.UtcNow.AddDays(-40));
        var recent = _fake.Post(Page, "Recent", DateTimeOffset.UtcNow.AddDays(-2));
        using var harness = Harness(recheck: 0);
        var run = await harness.FetchAsync("facebook", Timeline(backfill: 7), null);
        Assert.Equal([recent.Id], run.Posts.Select(p => p.PlatformId));
    }
}
