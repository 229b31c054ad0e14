using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialWatch.Fakes;
using SocialWatch.Fakes.Mastodon;
using SocialWatch.Fakes.X;
using SocialWatch.Worker.Ingestion;

namespace SocialWatch.Worker.Tests.Faults;

/// <summary>
/// One platform misbehaving in each way the issue lists, with a second source on another platform
/// polled by the same host beside it: the bad source backs off, caps what it reads, records the error on
/// its cursor, and the other source is polled normally every time.
/// </summary>
public sealed class PlatformFaultTests
{
    private const int Attempts = 3; // Resilience:MaxRetries 2, below, plus the first try.

    public static TheoryData<string, string> Faults => new()
    {
        { "429 with a reset 10 minutes away", "rate limit" },
        { "500 on every attempt", "X answered HTTP 500" },
        { "503 on every attempt", "X answered HTTP 503" },
        { "connection reset on every attempt", "X could not be reached" },
        { "stall past the attempt timeout", "X did not answer in time" },
        { "truncated JSON", "X returned malformed JSON" },
        { "invalid JSON (an HTML error page)", "X returned malformed JSON" },
        { "a 50 MB body", "larger than the configured limit" },
    };

    private static Fault[] Make(string fault) => fault switch
    {
        "429 with a reset 10 minutes away" => [new Fault.RateLimited(TimeSpan.FromMinutes(10))],
        "500 on every attempt" => Repeat(new Fault.Status(500, """{"title":"Internal Server Error"}""")),
        "503 on every attempt" => Repeat(new Fault.Status(503)),
        "connection reset on every attempt" => Repeat(new Fault.ResetConnection()),
        "stall past the attempt timeout" => Repeat(new Fault.Stall(TimeSpan.FromSeconds(5))),
        "truncated JSON" => [new Fault.Malformed()],
        "invalid JSON (an HTML error page)" => [new Fault.Malformed("<html><body><h1>502 Bad Gateway</h1></body></html>")],
        "a 50 MB body" => [new Fault.HugeBody(50_000_000)],
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };

    private static Fault[] Repeat(Fault fault) => Enumerable.Repeat(fault, Attempts).ToArray();

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_misbehaving_platform_fails_only_its_own_source_and_says_why(string fault, string expectedError)
    {
        await using var x = await XFake.StartAsync();
        await using var mastodon = await MastodonFake.StartAsync();
        mastodon.AddAccount(new MastodonFakeAccount("1", "leightowncouncil", "Leigh Town Council"));
        var db = await TestDatabase.CreateAsync();
        var settings = TestHosts.Settings(db).WithXSource(x);
        settings["Resilience:MaxRetries"] = "2";
        settings["Resilience:AttemptTimeout"] = "00:00:01";
        settings["Resilience:TotalTimeout"] = "00:00:15";
        settings["Mastodon:BaseUrl"] = mastodon.Server.BaseAddress.ToString();
        settings["Mastodon:AccessToken"] = mastodon.AccessToken;
        settings["Sources:1:Name"] = "mastodon-official";
        settings["Sources:1:Platform"] = "mastodon";
        settings["Sources:1:Kind"] = "OfficialTimeline";
        settings["Sources:1:Target"] = "1";
        settings["Sources:1:Every"] = "00:05:00";
        settings["Sources:1:BackfillDays"] = "0";
        using var host = TestHosts.Build(settings);
        await host.Get<SourceStore>().SyncAsync(host.Get<IOptions<SourcesOptions>>().Value.Items, default);
        var poller = host.Get<SourcePoller>();

        x.Post(TestHosts.OfficialXId, "Council notice one");
        mastodon.Post("1", "Mastodon notice one");
        Assert.Null((await poller.PollAsync("x-official", default)).Error);
        Assert.Null((await poller.PollAsync("mastodon-official", default)).Error);

        // Now X misbehaves, and both platforms have something new.
        x.Post(TestHosts.OfficialXId, "Council notice two");
        mastodon.Post("1", "Mastodon notice two");
        x.Server.ClearRequests();
        x.Server.Inject(Make(fault));
        var clock = Stopwatch.StartNew();
        var bad = poller.PollAsync("x-official", default);
        var good = poller.PollAsync("mastodon-official", default);
        var (badOutcome, goodOutcome) = (await bad, await good);
        clock.Stop();

        Assert.NotNull(badOutcome.Error);
        Assert.Contains(expectedError, badOutcome.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(expectedError, await LastErrorAsync(db, "x-official"), StringComparison.OrdinalIgnoreCase);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the failing poll took {clock.Elapsed}");
        var expectedRequests = Make(fault).Length;
        // Transient faults are retried (with back-off) exactly up to the limit; a long rate limit, a
        // body that is not JSON and a body over the cap are not retried at all.
        Assert.Equal(expectedRequests, x.Server.Requests.Count);
        if (fault.StartsWith("429", StringComparison.Ordinal))
        {
            var notBefore = await ScalarAsync<DateTime?>(db, "SELECT c.not_before FROM source_cursors c JOIN sources s ON s.id = c.source_id WHERE s.name = 'x-official'");
            Assert.NotNull(notBefore);
            Assert.True(notBefore > DateTime.UtcNow.AddMinutes(9));
        }

        // The other source is untouched.
        Assert.Null(goodOutcome.Error);
        Assert.Equal(1, goodOutcome.NewPosts);
        Assert.Null(await LastErrorAsync(db, "mastodon-official"));
        Assert.Equal(1L, await ScalarAsync<long>(db, "SELECT count(*) FROM posts WHERE platform = 'x'"));
        Assert.Equal(2L, await ScalarAsync<long>(db, "SELECT count(*) FROM posts WHERE platform = 'mastodon'"));

        // Once the platform behaves, the next poll reads what was missed, once.
        if (!fault.StartsWith("429", StringComparison.Ordinal))
        {
            var recovered = await poller.PollAsync("x-official", default);
            Assert.Null(recovered.Error);
            Assert.True(recovered.NewPosts == 1, $"{recovered} not_before {await ScalarAsync<DateTime?>(db, "SELECT not_before FROM source_cursors c JOIN sources s ON s.id = c.source_id WHERE s.name = 'x-official'")} now {DateTime.UtcNow}");
            Assert.Equal(2L, await ScalarAsync<long>(db, "SELECT count(DISTINCT platform_id) FROM posts WHERE platform = 'x'"));
            Assert.Equal(2L, await ScalarAsync<long>(db, "SELECT count(*) FROM posts WHERE platform = 'x'"));
        }
    }

    private static Task<string?> LastErrorAsync(string db, string source) =>
        ScalarAsync<string?>(db, "SELECT c.last_error FROM source_cursors c JOIN sources s ON s.id = c.source_id WHERE s.name = @source AND (c.last_success_at IS NULL OR c.last_error_at > c.last_success_at)", new { source });

    private static async Task<T> ScalarAsync<T>(string db, string sql, object? args = null)
    {
        await using var connection = new NpgsqlConnection(db);
        return (await connection.ExecuteScalarAsync<T>(sql, args))!;
    }
}
