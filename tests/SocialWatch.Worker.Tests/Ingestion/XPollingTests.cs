using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialWatch.Fakes;
using SocialWatch.Fakes.X;
using SocialWatch.Worker.Ingestion;

namespace SocialWatch.Worker.Tests.Ingestion;

/// <summary>Polls of X sources against the loopback X fake, stored in a real PostgreSQL.</summary>
public sealed class XPollingTests : IAsyncLifetime
{
    private XFake _x = null!;
    private string _db = "";
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        _x = await XFake.StartAsync();
        _x.AddUser(new XFakeUser(TestHosts.OfficialXId, "LeighTownCouncil", "Leigh Town Council", "Official account"));
        _x.AddUser(new XFakeUser("3017742856", "kirstym_ss9", "Kirsty Mahoney", "Leigh mum of 2"));
        _db = await TestDatabase.CreateAsync();
        _host = TestHosts.Build(TestHosts.Settings(_db).WithXSource(_x)
            .WithXSource(_x, name: "x-mentions", kind: "Mentions", target: "LeighTownCouncil", index: 1)
            .WithXSource(_x, name: "x-search", kind: "Search", target: "\"Leigh Town Council\" -is:retweet", index: 2));
        await _host.Get<SourceStore>().SyncAsync(_host.Get<IOptions<SourcesOptions>>().Value.Items, default);
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _x.DisposeAsync();
    }

    private Task<PollOutcome> PollAsync(string source = "x-official") => _host.Get<SourcePoller>().PollAsync(source, CancellationToken.None);

    private async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var connection = new NpgsqlConnection(_db);
        return await connection.ExecuteScalarAsync<T>(sql, args) ?? throw new InvalidOperationException("no value");
    }

    private static string OfficialCursorSql(string column) =>
        $"SELECT c.{column} FROM source_cursors c JOIN sources s ON s.id = c.source_id WHERE s.name = 'x-official'";

    private async Task<string?> CursorAsync(string source)
    {
        await using var connection = new NpgsqlConnection(_db);
        return await connection.ExecuteScalarAsync<string?>(
            "SELECT c.position FROM source_cursors c JOIN sources s ON s.id = c.source_id WHERE s.name = @source", new { source });
    }

    [Fact]
    public async Task A_poll_stores_each_post_and_account_once_and_advances_the_cursor()
    {
        var first = _x.Post(TestHosts.OfficialXId, "The library keeps its opening hours.");
        var second = _x.Post(TestHosts.OfficialXId, "Pier Road closed on Sunday for the carnival.");

        var outcome = await PollAsync();
        Assert.Null(outcome.Error);
        Assert.Equal(2, outcome.NewPosts);
        Assert.Equal(2L, await ScalarAsync<long>("SELECT count(*) FROM posts"));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM accounts"));
        Assert.Equal("LeighTownCouncil", await ScalarAsync<string>("SELECT handle FROM accounts"));
        Assert.Equal(first.Text, await ScalarAsync<string>("SELECT text FROM posts WHERE platform_id = @id", new { id = first.Id }));
        Assert.Contains($"\"SinceId\":\"{second.Id}\"", await CursorAsync("x-official"), StringComparison.Ordinal);
        Assert.Equal(first.Id, await ScalarAsync<string>("SELECT raw->>'id' FROM posts WHERE platform_id = @id", new { id = first.Id }));

        // Nothing new: one call, nothing stored twice.
        _x.Server.ClearRequests();
        var again = await PollAsync();
        Assert.Null(again.Error);
        Assert.Equal(0, again.NewPosts);
        Assert.Single(_x.Server.Requests);
        Assert.Contains($"since_id={second.Id}", _x.Server.Requests[0], StringComparison.Ordinal);
        Assert.Equal(2L, await ScalarAsync<long>("SELECT count(*) FROM posts"));
    }

    [Fact]
    public async Task Pagination_reads_every_page_to_the_cursor_and_then_only_what_is_newer()
    {
        for (var i = 0; i < 250; i++)
        {
            _x.Post(TestHosts.OfficialXId, $"Notice number {i}");
        }
        var outcome = await PollAsync();
        Assert.Null(outcome.Error);
        Assert.Equal(3, outcome.Pages);
        Assert.Equal(250L, await ScalarAsync<long>("SELECT count(DISTINCT platform_id) FROM posts"));

        var newer = Enumerable.Range(0, 5).Select(i => _x.Post(TestHosts.OfficialXId, $"Later notice {i}")).ToList();
        _x.Server.ClearRequests();
        var next = await PollAsync();
        Assert.Equal(5, next.NewPosts);
        Assert.Single(_x.Server.Requests);
        Assert.Equal(255L, await ScalarAsync<long>("SELECT count(*) FROM posts"));
    }

    [Fact]
    public async Task Mentions_and_search_sources_store_other_peoples_posts_with_their_authors()
    {
        _x.Post(TestHosts.OfficialXId, "Official notice about the Leigh Town Council budget");
        _x.Post("3017742856", "@LeighTownCouncil brilliant, thank you!");
        _x.Post("3017742856", "Heard Leigh Town Council are closing the library?");

        Assert.Equal(1, (await PollAsync("x-mentions")).NewPosts);
        Assert.Equal(2, (await PollAsync("x-search")).NewPosts);
        Assert.Equal(3L, await ScalarAsync<long>("SELECT count(*) FROM posts"));
        Assert.Equal("Kirsty Mahoney", await ScalarAsync<string>("SELECT display_name FROM accounts WHERE platform_id = '3017742856'"));
    }

    [Fact]
    public async Task A_short_rate_limit_is_waited_out_and_the_poll_succeeds()
    {
        _x.Post(TestHosts.OfficialXId, "Hello");
        _x.Server.Inject(new Fault.RateLimited(TimeSpan.FromSeconds(1)));
        var outcome = await PollAsync();
        Assert.Null(outcome.Error);
        Assert.Equal(1, outcome.NewPosts);
        Assert.Equal(2, _x.Server.Requests.Count);
    }

    [Fact]
    public async Task A_long_rate_limit_fails_the_poll_and_the_source_waits_until_the_reset()
    {
        _x.Post(TestHosts.OfficialXId, "Hello");
        _x.Server.Inject(new Fault.RateLimited(TimeSpan.FromMinutes(10)));
        var outcome = await PollAsync();
        Assert.Contains("rate limit", outcome.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM posts"));
        var notBefore = await ScalarAsync<DateTime>(OfficialCursorSql("not_before"));
        Assert.InRange(notBefore, DateTime.UtcNow.AddMinutes(9), DateTime.UtcNow.AddMinutes(11));

        _x.Server.ClearRequests();
        var skipped = await PollAsync();
        Assert.True(skipped.Skipped);
        Assert.Empty(_x.Server.Requests);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_back_off()
    {
        _x.Post(TestHosts.OfficialXId, "Hello");
        _x.Server.Inject(new Fault.Status(503), new Fault.Status(500));
        var outcome = await PollAsync();
        Assert.Null(outcome.Error);
        Assert.Equal(1, outcome.NewPosts);
        Assert.Equal(3, _x.Server.Requests.Count);
    }

    [Fact]
    public async Task Malformed_json_mid_paging_keeps_the_stored_pages_and_the_next_poll_resumes_without_duplicates()
    {
        for (var i = 0; i < 150; i++)
        {
            _x.Post(TestHosts.OfficialXId, $"Notice {i}");
        }
        // The first page is fine, the second is cut off.
        _x.Server.Inject();
        var firstPage = await PollPagesThenFailAsync();
        Assert.Contains("malformed JSON", firstPage.Error, StringComparison.Ordinal);
        Assert.Equal(100L, await ScalarAsync<long>("SELECT count(*) FROM posts"));
        Assert.Contains("NextToken", await CursorAsync("x-official"), StringComparison.Ordinal);
        Assert.Contains("malformed", await ScalarAsync<string>(OfficialCursorSql("last_error")), StringComparison.Ordinal);

        var resumed = await PollAsync();
        Assert.Null(resumed.Error);
        Assert.Equal(50, resumed.NewPosts);
        Assert.Equal(150L, await ScalarAsync<long>("SELECT count(*) FROM posts"));
        Assert.Equal(150L, await ScalarAsync<long>("SELECT count(DISTINCT platform_id) FROM posts"));
    }

    private async Task<PollOutcome> PollPagesThenFailAsync()
    {
        // Let the first request through, then break the second: a fault queued now would hit the
        // first request, so wait for it before queueing the bad answer.
        var poll = PollAsync();
        while (_x.Server.Requests.Count == 0)
        {
            await Task.Delay(1);
        }
        _x.Server.Inject(new Fault.Malformed());
        return await poll;
    }

    [Fact]
    public async Task A_crash_inside_a_page_rolls_the_page_back_and_leaves_the_cursor_where_it_was()
    {
        _x.Post(TestHosts.OfficialXId, "Fine post");
        _x.Post(TestHosts.OfficialXId, "BOOM: this post makes the database fail");
        await using (var connection = new NpgsqlConnection(_db))
        {
            await connection.ExecuteAsync("""
                CREATE FUNCTION fail_on_boom() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN IF NEW.text LIKE 'BOOM%' THEN RAISE EXCEPTION 'simulated crash'; END IF; RETURN NEW; END $$;
                CREATE TRIGGER fail_on_boom BEFORE INSERT ON posts FOR EACH ROW EXECUTE FUNCTION fail_on_boom();
                """);
        }
        var failed = await PollAsync();
        Assert.NotNull(failed.Error);
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM posts"));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM accounts"));
        Assert.Null(await CursorAsync("x-official"));

        await using (var connection = new NpgsqlConnection(_db))
        {
            await connection.ExecuteAsync("DROP TRIGGER fail_on_boom ON posts");
        }
        var retried = await PollAsync();
        Assert.Null(retried.Error);
        Assert.Equal(2L, await ScalarAsync<long>("SELECT count(*) FROM posts"));
    }

    [Fact]
    public async Task An_edited_post_keeps_one_row_and_its_earlier_text_as_a_version()
    {
        var post = _x.Post(TestHosts.OfficialXId, "Meeting on Tuesday");
        await PollAsync();
        _x.Edit(post.Id, "Meeting on Wednesday (corrected)");
        var outcome = await PollAsync();
        Assert.Equal(1, outcome.ChangedPosts);
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM posts"));
        Assert.Equal("Meeting on Wednesday (corrected)", await ScalarAsync<string>("SELECT text FROM posts"));
        Assert.Equal("Meeting on Tuesday", await ScalarAsync<string>("SELECT text FROM post_versions"));
    }

    [Fact]
    public async Task Nul_characters_and_lone_surrogates_are_stored_safely_and_the_rest_of_the_text_kept()
    {
        _x.Post(TestHosts.OfficialXId, "before\0after \ud800 end");
        var outcome = await PollAsync();
        Assert.Null(outcome.Error);
        Assert.Equal("before\uFFFDafter \uFFFD end", await ScalarAsync<string>("SELECT text FROM posts"));
        Assert.Equal("before\uFFFDafter \uFFFD end", await ScalarAsync<string>("SELECT raw->>'text' FROM posts"));
    }

    [Fact]
    public async Task A_refused_token_is_reported_clearly_without_the_token()
    {
        var settings = TestHosts.Settings(_db).WithXSource(_x);
        settings["X:BearerToken"] = "wrong-secret-token";
        using var host = TestHosts.Build(settings);
        await host.Get<SourceStore>().SyncAsync(host.Get<IOptions<SourcesOptions>>().Value.Items, default);
        var outcome = await host.Get<SourcePoller>().PollAsync("x-official", default);
        Assert.Contains("refused the token", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret-token", outcome.Error, StringComparison.Ordinal);
    }
}
