using SocialWatch.Fakes;
using SocialWatch.Fakes.Mastodon;
using static SocialWatch.Connectors.Tests.FakeSources;

namespace SocialWatch.Connectors.Tests.Mastodon;

public sealed class MastodonConnectorTests : IAsyncLifetime
{
    private MastodonFake _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await MastodonFake.StartAsync();
        _fake.AddAccount(new MastodonFakeAccount("1", "leightowncouncil", "Leigh Town Council", "Official account", "https://fake.mastodon/a/1.png"));
        _fake.AddAccount(new MastodonFakeAccount("2", "resident", "A Resident"));
        _fake.AddAccount(new MastodonFakeAccount("3", "private_person", "Not In Search", Indexable: false));
        _fake.AddAccount(new MastodonFakeAccount("4", "leigh_town_council", "Leigh Town Counci1", Avatar: "https://fake.mastodon/a/4.png"));
    }

    public Task DisposeAsync() => _fake.DisposeAsync().AsTask();

    private Harness Harness(string? token = "test-mastodon-token", int pageSize = 40, int recheck = 10, int maxPages = 100) => new(new()
    {
        ["Mastodon:BaseUrl"] = _fake.Server.BaseAddress.ToString(),
        ["Mastodon:AccessToken"] = token,
        ["Mastodon:PageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mastodon:RecheckRecent"] = recheck.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mastodon:MaxPagesPerPoll"] = maxPages.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    [Fact]
    public async Task Timeline_pages_to_the_end_then_the_stored_cursor_returns_only_newer_statuses()
    {
        for (var i = 0; i < 95; i++)
        {
            _fake.Post("1", $"Notice {i}");
        }
        using var harness = Harness(recheck: 0);
        var source = Spec("mastodon", SourceKind.OfficialTimeline, "@leightowncouncil");

        var first = await harness.FetchAsync("mastodon", source, null);
        // A short last page still carries a Link to the next one, which comes back empty.
        Assert.Equal(3, first.Pages.Count(p => p.Posts.Count > 0));
        Assert.Equal(95, first.Posts.Select(p => p.PlatformId).Distinct().Count());
        Assert.All(first.Posts, p => Assert.Equal("1", p.AuthorPlatformId));
        Assert.Contains(first.Accounts, a => a.PlatformId == "1" && a.Handle == "leightowncouncil" && a.AvatarUrl == "https://fake.mastodon/a/1.png");

        var a = _fake.Post("1", "Newer one");
        var b = _fake.Post("1", "Newer two");
        var second = await harness.FetchAsync("mastodon", source, first.Cursor);
        Assert.Equal([a.Id, b.Id], second.Posts.Select(p => p.PlatformId).Order().ToList());

        var third = await harness.FetchAsync("mastodon", source, second.Cursor);
        Assert.Empty(third.Posts);
    }

    [Fact]
    public async Task A_poll_resumed_from_a_mid_paging_cursor_reads_the_rest_and_nothing_twice()
    {
        var all = Enumerable.Range(0, 100).Select(i => _fake.Post("1", $"Status {i}").Id).ToList();
        using var harness = Harness(pageSize: 30, recheck: 0);
        var source = Spec("mastodon", SourceKind.OfficialTimeline, "1");

        var partial = await harness.FetchAsync("mastodon", source, null, stopAfterPages: 2);
        // Published while the poll was interrupted: must come with the next poll, not be lost.
        var late = _fake.Post("1", "Published mid-poll").Id;
        var rest = await harness.FetchAsync("mastodon", source, partial.Cursor);
        var next = await harness.FetchAsync("mastodon", source, rest.Cursor);

        var seen = partial.Posts.Concat(rest.Posts).Concat(next.Posts).Select(p => p.PlatformId).ToList();
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(all.Append(late).Order(), seen.Order());
        Assert.Equal([late], next.Posts.Select(p => p.PlatformId));
    }

    [Fact]
    public async Task First_run_reaches_back_only_as_far_as_the_backfill()
    {
        _fake.Post("1", "Too old", DateTimeOffset.UtcNow.AddDays(-10));
        var recent = _fake.Post("1", "Recent", DateTimeOffset.UtcNow.AddDays(-1));
        using var harness = Harness(recheck: 0);
        var run = await harness.FetchAsync("mastodon", Spec("mastodon", SourceKind.OfficialTimeline, "1", backfillDays: 3), null);
        Assert.Equal([recent.Id], run.Posts.Select(p => p.PlatformId));
    }

    [Fact]
    public async Task Edited_statuses_come_back_with_their_new_text_and_deleted_ones_are_reported()
    {
        var keep = _fake.Post("1", "Bins are collected on Monday");
        var edit = _fake.Post("1", "Meeting on Tuesday");
        var gone = _fake.Post("1", "Posted by mistake");
        using var harness = Harness();
        var source = Spec("mastodon", SourceKind.OfficialTimeline, "1");
        var first = await harness.FetchAsync("mastodon", source, null);
        Assert.Equal(3, first.Posts.Count);

        _fake.Edit(edit.Id, "Meeting moved to Wednesday");
        _fake.Delete(gone.Id);
        var second = await harness.FetchAsync("mastodon", source, first.Cursor);

        var edited = Assert.Single(second.Posts);
        Assert.Equal(edit.Id, edited.PlatformId);
        Assert.Equal("Meeting moved to Wednesday", edited.Text);
        Assert.Contains("\"edited_at\":\"", edited.RawJson, StringComparison.Ordinal);
        Assert.Equal([gone.Id], second.Deleted);

        // Nothing changed since: nothing comes back, and the deleted status is not asked for again.
        _fake.Server.ClearRequests();
        var third = await harness.FetchAsync("mastodon", source, second.Cursor);
        Assert.Empty(third.Posts);
        Assert.Empty(third.Deleted);
        Assert.DoesNotContain("/api/v1/statuses/" + gone.Id, _fake.Server.Requests);
        Assert.Contains("/api/v1/statuses/" + keep.Id, _fake.Server.Requests);
    }

    [Fact]
    public async Task Mentions_come_from_notifications_with_the_council_token()
    {
        _fake.Post("2", "@leightowncouncil the streetlight on Elm Road is out");
        _fake.Post("2", "not about the council");
        using var harness = Harness();
        var run = await harness.FetchAsync("mastodon", Spec("mastodon", SourceKind.Mentions, "leightowncouncil"), null);
        var post = Assert.Single(run.Posts);
        Assert.Equal("@leightowncouncil the streetlight on Elm Road is out", post.Text);
        Assert.Contains(run.Accounts, a => a.PlatformId == post.AuthorPlatformId);
    }

    [Fact]
    public async Task Mentions_without_a_token_say_which_setting_is_missing()
    {
        using var harness = Harness(token: null);
        var e = await Assert.ThrowsAsync<ConnectorException>(() => harness.FetchAsync("mastodon", Spec("mastodon", SourceKind.Mentions, "x"), null));
        Assert.Equal(ConnectorFailure.Misconfigured, e.Failure);
        Assert.Contains("Mastodon__AccessToken", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_token_is_unauthorised_and_never_quoted()
    {
        using var harness = Harness(token: "wrong-secret-token");
        var e = await Assert.ThrowsAsync<ConnectorException>(() => harness.FetchAsync("mastodon", Spec("mastodon", SourceKind.Search, "Leigh"), null));
        Assert.Equal(ConnectorFailure.Unauthorized, e.Failure);
        Assert.Contains("The access token is invalid", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret-token", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_finds_only_statuses_of_accounts_that_opted_in()
    {
        var found = _fake.Post("2", "Leigh Town Council meeting tonight");
        _fake.Post("3", "Leigh Town Council is hidden from search");
        using var harness = Harness();
        var source = Spec("mastodon", SourceKind.Search, "Leigh Town Council");
        var run = await harness.FetchAsync("mastodon", source, null);
        Assert.Equal([found.Id], run.Posts.Select(p => p.PlatformId));

        var newer = _fake.Post("2", "Leigh Town Council again");
        var second = await harness.FetchAsync("mastodon", source, run.Cursor);
        Assert.Equal([newer.Id], second.Posts.Select(p => p.PlatformId));
    }

    [Fact]
    public async Task Account_search_returns_accounts_with_avatars_and_no_posts()
    {
        using var harness = Harness();
        var run = await harness.FetchAsync("mastodon", Spec("mastodon", SourceKind.AccountSearch, "leigh"), null);
        Assert.Empty(run.Posts);
        var lookalike = Assert.Single(run.Accounts, a => a.PlatformId == "4");
        Assert.Equal("Leigh Town Counci1", lookalike.DisplayName);
        Assert.Equal("https://fake.mastodon/a/4.png", lookalike.AvatarUrl);
        Assert.NotNull(lookalike.CreatedAt);
    }

    [Fact]
    public async Task Html_content_becomes_plain_text_and_odd_unicode_survives()
    {
        _fake.PostHtml("1", "<p>Road &amp; pavement works &lt;Elm St&gt;<br>from Monday</p><p>" + System.Net.WebUtility.HtmlEncode(OddText.Sample) + "</p>");
        _fake.Post("1", OddText.Sample);
        using var harness = Harness(recheck: 0);
        var run = await harness.FetchAsync("mastodon", Spec("mastodon", SourceKind.OfficialTimeline, "1"), null);
        var texts = run.Posts.OrderBy(p => p.PlatformId, StringComparer.Ordinal).Select(p => p.Text).ToList();
        Assert.Equal("Road & pavement works <Elm St>\nfrom Monday\n\n" + OddText.Sample, texts[0]);
        Assert.Equal(OddText.Sample, texts[1]);
    }

    [Fact]
    public async Task An_empty_timeline_gives_one_empty_page_with_a_cursor()
    {
        using var harness = Harness();
        var run = await harness.FetchAsync("mastodon", Spec("mastodon", SourceKind.OfficialTimeline, "2"), null);
        Assert.Empty(run.Posts);
        Assert.NotNull(run.Cursor);
    }

    [Fact]
    public async Task Hundreds_of_statuses_are_all_read_once()
    {
        for (var i = 0; i < 600; i++)
        {
            _fake.Post("1", $"Bulk {i}");
        }
        using var harness = Harness(recheck: 0);
        var run = await harness.FetchAsync("mastodon", Spec("mastodon", SourceKind.OfficialTimeline, "1"), null);
        Assert.Equal(600, run.Posts.Select(p => p.PlatformId).Distinct().Count());
        Assert.Equal(600, run.Posts.Count);
    }

    [Fact]
    public async Task A_short_rate_limit_is_waited_out_and_a_long_one_fails_with_its_reset_time()
    {
        _fake.Post("1", "Hello");
        using var harness = Harness(recheck: 0);
        var source = Spec("mastodon", SourceKind.OfficialTimeline, "1");
        _fake.Server.Inject(new Fault.RateLimited(TimeSpan.FromMilliseconds(300), """{"error":"Too many requests"}"""));
        Assert.Single((await harness.FetchAsync("mastodon", source, null)).Posts);

        _fake.Server.Inject(Enumerable.Repeat<Fault>(new Fault.RateLimited(TimeSpan.FromMinutes(5), """{"error":"Too many requests"}"""), 3).ToArray());
        var e = await Assert.ThrowsAsync<ConnectorException>(() => harness.FetchAsync("mastodon", source, null));
        Assert.Equal(ConnectorFailure.RateLimited, e.Failure);
        Assert.NotNull(e.RetryAfter);
        Assert.InRange(e.RetryAfter!.Value, DateTimeOffset.UtcNow.AddMinutes(4), DateTimeOffset.UtcNow.AddMinutes(6));
    }

    [Fact]
    public async Task Paging_stops_before_the_rate_limit_runs_out_and_resumes_from_the_stored_page()
    {
        for (var i = 0; i < 50; i++)
        {
            _fake.Post("1", $"Status {i}");
        }
        _fake.RateLimitRemaining = 3;
        using var harness = Harness(pageSize: 20, recheck: 0);
        var source = Spec("mastodon", SourceKind.OfficialTimeline, "1");
        var pages = new List<FetchedPage>();
        var e = await Assert.ThrowsAsync<ConnectorException>(async () =>
        {
            await foreach (var page in harness.Connector("mastodon").FetchAsync(source, null, CancellationToken.None))
            {
                pages.Add(page);
            }
        });
        Assert.Equal(ConnectorFailure.RateLimited, e.Failure);
        Assert.InRange(e.RetryAfter!.Value, DateTimeOffset.UtcNow.AddMinutes(4), DateTimeOffset.UtcNow.AddMinutes(6));
        Assert.Equal(20, Assert.Single(pages).Posts.Count);

        _fake.RateLimitRemaining = 299;
        var rest = await harness.FetchAsync("mastodon", source, pages[0].Cursor);
        Assert.Equal(30, rest.Posts.Count);
        Assert.Empty(rest.Posts.IntersectBy(pages[0].Posts.Select(p => p.PlatformId), p => p.PlatformId));
    }

    [Fact]
    public async Task Server_errors_are_retried()
    {
        _fake.Post("1", "Hello");
        using var harness = Harness(recheck: 0);
        _fake.Server.Inject(new Fault.Status(502), new Fault.Status(503));
        var run = await harness.FetchAsync("mastodon", Spec("mastodon", SourceKind.OfficialTimeline, "1"), null);
        Assert.Single(run.Posts);
    }

    [Theory]
    [InlineData("""[{"id":"1","content":"cut""")]
    [InlineData("""<html><body>Bad gateway</body></html>""")]
    [InlineData("""{"not":"a list"}""")]
    public async Task Malformed_or_truncated_bodies_are_bad_responses(string body)
    {
        using var harness = Harness(recheck: 0);
        _fake.Server.Inject(new Fault.Malformed(body));
        var e = await Assert.ThrowsAsync<ConnectorException>(() => harness.FetchAsync("mastodon", Spec("mastodon", SourceKind.OfficialTimeline, "1"), null));
        Assert.Equal(ConnectorFailure.BadResponse, e.Failure);
        Assert.Contains("Mastodon", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_handle_is_a_configuration_problem()
    {
        using var harness = Harness();
        var e = await Assert.ThrowsAsync<ConnectorException>(() => harness.FetchAsync("mastodon", Spec("mastodon", SourceKind.StaffAccount, "@nobody"), null));
        Assert.Equal(ConnectorFailure.Misconfigured, e.Failure);
        Assert.Contains("Record not found", e.Message, StringComparison.Ordinal);
    }
}
