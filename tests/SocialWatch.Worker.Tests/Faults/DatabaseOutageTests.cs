using System.Globalization;
using Dapper;
using Microsoft.Extensions.Hosting;
using Npgsql;
using SocialWatch.Fakes.X;
using SocialWatch.Worker.Health;
using SocialWatch.Demo;
using SocialWatch.Worker.Storage;
using SocialWatch.Worker.Tests.Alerts;

namespace SocialWatch.Worker.Tests.Faults;

/// <summary>
/// PostgreSQL stopped in the middle of a poll and of an alert send, then started again, with the worker
/// (the real host, scheduler and jobs) running throughout against a private server of this test's own
/// (not the shared test server, which other tests are using). Afterwards every post is stored once, the
/// cursor matches what was stored, and every alert reached the clerk's mailbox once.
/// </summary>
[Collection(HeavyProcesses.Name)]
public sealed class DatabaseOutageTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int InitialPosts = 300;
    private const int Alerts = 6;

    [Fact]
    public async Task The_worker_rides_out_a_database_outage_mid_poll_and_mid_send_and_loses_or_doubles_nothing()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var root = Path.Combine(Path.GetTempPath(), "socialwatch-outage-" + Guid.NewGuid().ToString("N")[..8]);
        var pg = await PrivatePostgres.StartAsync(root);
        try
        {
            await pg.CreateDatabaseAsync("socialwatch");
            var db = pg.ConnectionString("socialwatch");
            // The test's own reads never reuse a pooled connection the outage broke.
            var reader = new NpgsqlConnectionStringBuilder(db) { Pooling = false }.ConnectionString;

            await using var x = await XFake.StartAsync();
            x.AddUser(new XFakeUser(TestHosts.OfficialXId, "LeighTownCouncil", "Leigh Town Council"));
            for (var i = 0; i < InitialPosts; i++)
            {
                x.Post(TestHosts.OfficialXId, $"Council notice {i}");
            }
            // 30 pages of 10, each answered after 100 ms: a poll of several seconds to stop the database in.
            x.Server.ResponseDelay = TimeSpan.FromMilliseconds(100);

            await using var smtp = ScriptedSmtp.Start();
            // A slow mail server: each message takes a second, so the outage lands inside a send.
            smtp.ReplyDelay = TimeSpan.FromSeconds(1);

            var settings = SmtpFaultTests.WithScripted(TestHosts.Settings(db).WithXSource(x, every: "00:00:02"), smtp);
            settings["X:PageSize"] = "10";
            settings["X:MaxPagesPerPoll"] = "1000";
            settings["Alerts:SendEvery"] = "00:00:01";
            settings["Alerts:SmtpTimeout"] = "00:00:05";
            settings["Health:InstanceFile"] = Path.Combine(root, "instance");
            using var host = TestHosts.Build(settings);
            await host.StartAsync();
            try
            {
                for (var i = 0; i < Alerts; i++)
                {
                    await AlertTestKit.FlaggedPostAsync(reader, handle: $"LeighTownCounci{i}");
                }

                // Mid-poll and mid-send: pages are being fetched and a message is on its way.
                Assert.True(await FaultScale.WaitUntilAsync(() => Task.FromResult(x.Server.Requests.Count >= 5 && !smtp.Kept.IsEmpty), TimeSpan.FromSeconds(60)),
                    $"the poll and the send did not start: {x.Server.Requests.Count} request(s), {smtp.Kept.Count} message(s)");
                var storedBefore = await ScalarAsync<long>(reader, "SELECT count(*) FROM posts WHERE source_id IS NOT NULL");
                output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s stopping PostgreSQL: {storedBefore} post(s) stored, {smtp.Kept.Count} message(s) sent");
                await pg.StopAsync();
                await Task.Delay(FaultScale.DatabaseOutage);
                // The platform carried on meanwhile.
                for (var i = 0; i < 5; i++)
                {
                    x.Post(TestHosts.OfficialXId, $"Posted during the outage {i}");
                }
                await pg.StartServerAsync();
                var restartedAt = DateTime.UtcNow;
                output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s PostgreSQL started again");

                var newest = x.Post(TestHosts.OfficialXId, "Posted after the outage").Id;
                var expected = InitialPosts + 6;
                var caughtUp = await FaultScale.WaitUntilAsync(async () =>
                    await ScalarAsync<long>(reader, "SELECT count(*) FROM posts WHERE source_id IS NOT NULL") == expected
                    && (await CursorAsync(reader))?.Contains($"\"SinceId\":\"{newest}\"", StringComparison.Ordinal) == true
                    && await ScalarAsync<long>(reader, "SELECT count(*) FROM alert_outbox WHERE status <> 'sent'") == 0
                    && await ScalarAsync<DateTime?>(reader, "SELECT max(last_success_at) FROM source_cursors") > restartedAt,
                    TimeSpan.FromSeconds(120));
                Assert.True(caughtUp, $"not caught up: {await ScalarAsync<long>(reader, "SELECT count(*) FROM posts")} post(s) (had {storedBefore} at the stop), " +
                    $"cursor {await CursorAsync(reader)}, {await ScalarAsync<long>(reader, "SELECT count(*) FROM alert_outbox WHERE status <> 'sent'")} alert(s) unsent");

                output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s caught up: {caughtUp}");
                // Every post once; the cursor's count is what was stored.
                Assert.Equal((long)expected, await ScalarAsync<long>(reader, "SELECT count(DISTINCT platform_id) FROM posts WHERE source_id IS NOT NULL"));
                Assert.Equal((long)expected, await ScalarAsync<long>(reader, "SELECT posts_stored FROM source_cursors"));
                Assert.DoesNotContain("NextToken", await CursorAsync(reader), StringComparison.Ordinal);
                // Every alert once: one outbox row per flag, all sent, one message per alert in the mailbox.
                // The one message being sent when the database went away may have reached the server twice,
                // with the same Message-ID (see docs/reliability.md).
                Assert.Equal(await ScalarAsync<long>(reader, "SELECT count(DISTINCT flag_id) FROM alert_outbox"),
                    await ScalarAsync<long>(reader, "SELECT count(*) FROM alert_outbox WHERE flag_id IS NOT NULL"));
                var messages = (int)await ScalarAsync<long>(reader,
                    "SELECT (SELECT count(*) FROM alert_outbox WHERE delivery = 'immediate') + (SELECT count(*) FROM alert_digests WHERE status = 'sent')");
                Assert.True(messages >= Alerts);
                Assert.Equal(messages, smtp.Mailbox.Count);
                Assert.InRange(smtp.Kept.Count, messages, messages + 1);

                // The worker is still running, and healthy once the database is back: its jobs ran again
                // (the last_success_at check above) and the scheduler checks in.
                Assert.True(await FaultScale.WaitUntilAsync(async () =>
                    !(await host.Get<HealthCheck>().ProblemsAsync(default)).Any(p => p.StartsWith("database", StringComparison.Ordinal) || p.StartsWith("scheduler", StringComparison.Ordinal)),
                    TimeSpan.FromSeconds(30)), string.Join("; ", await host.Get<HealthCheck>().ProblemsAsync(default)));
            }
            finally
            {
                await host.StopAsync();
            }
        }
        finally
        {
            await pg.DisposeAsync();
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Under the temp folder; the OS cleans it.
            }
        }
    }

    private static Task<string?> CursorAsync(string db) => ScalarAsync<string?>(db, "SELECT position FROM source_cursors");

    private static async Task<T> ScalarAsync<T>(string db, string sql)
    {
        await using var connection = new NpgsqlConnection(db);
        return (await connection.ExecuteScalarAsync<T>(sql))!;
    }
}
